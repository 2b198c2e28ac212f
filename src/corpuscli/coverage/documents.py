"""Documents as speakers: "the statement said", "the announcement concluded", "the lawsuit
alleged" speak for whoever issued them.

A quote whose speaker is a definite description of a document (its head noun is one of the
``documents`` of ``data/quotes/function_words.tsv``) takes the issuer the text gives for that
document, nearest before the quote (or in its own sentence): "the announcement from Kim", "the
White House's statement", "the DNC filed a lawsuit", "The White House said in an official
statement". A document with its owner ("Mr Bakaj's letter says") is its owner's. With no issuer
in sight the description stays as written.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon
from .quote_patterns import Quote
from .speaker_phrase import role_of

#: A name as an issuer: capitalised words, with "of", "for", "and" inside ("the Victims of
#: Communism Memorial Foundation", "the Democratic National Committee").
_ISSUER = (
    r"(?P<who>(?:[Tt]he[ \t]+)?[A-Z][\w’'.&-]*(?:[ \t]+(?:(?:of|for|and|on)[ \t]+(?:the[ \t]+)?)?"
    r"[A-Z][\w’'.&-]*){0,6})"
)
#: The issuer named inside a description: "An Islamic State statement".
_NAMED_IN = re.compile(r"(?<![\w’'.&/-])[A-Z][\w’'.&/-]*(?:[ \t]+[A-Z][\w’'.&-]*)*(?=[ \t]+[a-z])")
#: A document with its owner: "Mr Bakaj's letter", "the White House's official statement".
_OWNED = re.compile(
    r"(?P<who>(?:[Tt]he[ \t]+)?[A-Z][\w.&-]*(?:[ \t]+[A-Z][\w.&-]*){0,5})['’]s?[ \t]+"
    r"(?P<rest>(?:[a-z][\w-]*[ \t]+){0,3}[a-z][\w-]*)$"
)
_ACTS = r"(?:issued|released|published|put[ \t]+out|sent|filed|posted|circulated|brought)"


@cache
def _patterns(noun: str) -> tuple[re.Pattern[str], ...]:
    n = re.escape(noun) + r"s?\b"
    return (
        re.compile(rf"\b{n}[ \t]+(?:from|by|of|issued[ \t]+by|released[ \t]+by)[ \t]+{_ISSUER}"),
        re.compile(
            rf"{_ISSUER}['’]s?[ \t]+(?:[a-z\d][\w-]*[ \t]+){{0,3}}{n}"
        ),  # "2015 country report"
        re.compile(
            rf"{_ISSUER}[ \t]+(?:(?:has|had|have|also|later|then|on[ \t]+\w+)[ \t]+)*"
            rf"(?:{_ACTS}[ \t]+(?:a|an|the|its|his|her|their)|said[ \t]+in[ \t]+(?:a|an|its|his|her|their|the))"
            rf"[ \t]+(?:[\w-]+[ \t]+){{0,3}}?{n}"
        ),
        re.compile(
            rf"\b[Ii]n[ \t]+(?:a|an|its|his|her|their|the)[ \t]+(?:[\w-]+[ \t]+){{0,3}}?{n},[ \t]+{_ISSUER}"
        ),
    )


def _head(description: str) -> str | None:
    """The document noun that heads ``description`` ("the statement", "the official statement",
    "a new poll"), or None."""
    words = description.lower().split()
    if not words or words[0] not in ("the", "a", "an", "its", "this", "that"):
        return None
    head = words[-1]
    documents = lexicon().words("documents")
    if head in documents:
        return head
    if head.endswith("s") and head[:-1] in documents:
        return head[:-1]
    return None


#: A leading "the".
_THE = re.compile(r"^[Tt]he[ \t]+")


#: "According to Fox News," an outlet a report speaks for.
_ACCORDING_OUTLET = re.compile(rf"\b[Aa]ccording[ \t]+to[ \t]+{_ISSUER}[ \t]*,")


def _issuer_of(text: str, noun: str, before: int, sentence_end: int) -> str | None:
    """The issuer named for the nearest mention of ``noun`` before ``before`` (or in the text
    up to ``sentence_end``); for a report, also an outlet an "According to" names ("According
    to Fox News, tens of thousands gathered … ¶ “…,” the report said")."""
    window_start = max(0, before - 2500)
    best: tuple[int, str] | None = None
    patterns = _patterns(noun)
    if noun == "report":
        patterns = (*patterns, _ACCORDING_OUTLET)
    for pattern in patterns:
        for m in pattern.finditer(text, window_start, sentence_end):
            who = _THE.sub("the ", m.group("who")).strip()
            if len(who) < 2 or who.lower() in ("the", "it", "its"):
                continue
            if pattern is _ACCORDING_OUTLET and role_of([who.split()[-1].lower()]) != "outlet":
                continue  # "According to Smith,": a person's account, no report's issuer
            if best is None or m.start() > best[0]:
                best = (m.start(), who)
    return best[1] if best else None


def resolve_documents(text: str, quotes: list[Quote]) -> None:
    """Each quote said by a document ("the statement said") is said by the document's issuer,
    when the text names one (see the module docstring)."""
    for q in quotes:
        if q.speaker_source != "description" or not q.speaker or q.speaker != q.speaker_text:
            continue
        owner = _OWNED.match(q.speaker)
        if owner is not None and _head("the " + owner.group("rest")):
            q.speaker = owner.group("who")  # "Mr Bakaj's letter says", "the UN's report said"
            continue
        noun = _head(q.speaker)
        if noun is None:
            continue
        named = _NAMED_IN.search(q.speaker, len(q.speaker.split()[0]))
        if named is not None:  # "An Islamic State statement", "a Kremlin statement"
            q.speaker = named.group(0).strip()
            continue
        end = text.find(". ", q.end)
        issuer = _issuer_of(text, noun, q.start, len(text) if end < 0 else end)
        if issuer is not None:
            q.speaker = issuer
