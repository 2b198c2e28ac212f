"""Who "the official" is when the article never names them: the unnamed speaker it introduced
before with the same head noun ("“…,” a Turkish official told Reuters. … “…,” said the
official"; "a Turkish security official said … ¶ “…,” the security official said").

A definite description ("the official", "the security official") takes the nearest speaker
before it described by an indefinite one ("a Turkish official", "an aide to the president",
"one official") whose head noun is its own and whose words include all of its modifiers. With no
such speaker, the description is left to the rules that look for a name
(:mod:`corpuscli.coverage.speaker_names`, :mod:`corpuscli.coverage.speakers`).
"""

from __future__ import annotations

import re

from .lexicon import lexicon
from .quote_patterns import Quote, end_of_sentence, start_of_sentence

_DEFINITE = re.compile(r"^[Tt]he\s+((?:[\w-]+\s+){0,3})([\w-]+)$")
#: The words that open an indefinite description ("a", "an", "one", "another"), of either case.
_ARTICLES = "|".join(
    f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in sorted(lexicon().words("indefinite_articles"))
)
#: An indefinite description: its article, up to four modifiers, its head ("a Turkish official").
_INDEFINITE = re.compile(rf"^(?:{_ARTICLES})\s+((?:[\w.’'-]+\s+){{0,4}})([\w-]+)$")
#: The indefinite article that opens a description, and the space after it.
INDEFINITE_OPENER = re.compile(rf"^(?:{_ARTICLES})[ \t]")


def _head(word: str) -> str:
    w = word.lower()
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def resolve_definite(quotes: list[Quote]) -> None:
    """Give each quote said by a definite description the unnamed speaker an indefinite one
    introduced before (see the module docstring)."""
    introduced: list[tuple[str, set[str], str]] = []  # (head, modifiers, speaker) in text order
    for q in sorted(quotes, key=lambda q: q.start):
        if not q.speaker or q.speaker_source != "description":
            continue
        definite = _DEFINITE.match(q.speaker)
        if definite is not None and introduced:
            head = _head(definite.group(2))
            mods = {w.lower() for w in definite.group(1).split()}
            for their_head, their_mods, speaker in reversed(introduced):
                if their_head == head and mods <= their_mods:
                    q.speaker = speaker
                    break
            continue
        indefinite = _INDEFINITE.match(q.speaker)
        if indefinite is not None:
            mods = {w.lower() for w in indefinite.group(1).split()}
            introduced.append((_head(indefinite.group(2)), mods, q.speaker))


def resolve_coordinated_appositive(text: str, quotes: list[Quote]) -> None:
    """ "David Bossie, president of Citizens United and a former 2016 Trump campaign official,
    tweeted that …": the clause after "and" is no subject of its own; the description is the
    second half of the named person's appositive. A quote said by an indefinite description
    takes the name when its sentence writes "<Name>, <words> and <the description>"; the name
    opens with a known first name."""
    for q in quotes:
        if (
            q.speaker_source != "description"
            or not q.speaker
            or q.speaker != q.speaker_text
            or not _INDEFINITE.match(q.speaker)
        ):
            continue
        begin, end = start_of_sentence(text, q.start), end_of_sentence(text, q.end)
        at = text.find(" and " + q.speaker, begin, end)
        if at < 0:
            continue
        named = _NAMED_BEFORE.search(text, begin, at)
        if named and named.group(1).split()[0] in lexicon().first_names:
            q.speaker = q.speaker_text = named.group(1)
            q.speaker_source = "named"


#: A name, a comma and the first half of its appositive, up to where " and " follows.
_NAMED_BEFORE = re.compile(
    r"(?<![\w'’.-])([A-Z][\w'’.-]{1,40}(?:[ \t]+[A-Z][\w'’.-]{1,40}){1,3}),[ \t]+[^,;“”\"]{1,80}$"
)
