"""The patterns quote extraction and speaker resolution share: attribution verbs, names, titles,
descriptions, sentence boundaries, and the :class:`Quote` record."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from .lexicon import lexicon

VERBS = lexicon().verbs_alternation()
_NAME = r"(?!(?:The|A|An|This|That|These|Those|But|And|In|On|At|If|When|While|After|As|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)\b)(?:[A-Z][\w'’.-]+(?:[ \t]+(?:de|van|von|al|bin|la|le|del|der)[ \t]+|[ \t]+)){0,4}[A-Z][\w'’-]+(?:(?<=Jr)\.|(?<=Sr)\.)?"
TITLE_WORDS = (
    r"(?:(?:Vice President|President|Prime Minister|Secretary of State|Secretary of Defense|Secretary of the Treasury|"
    r"Secretary of Homeland Security|Minister|Secretary|Senator|Sen\.|Rep\.|Gov\.|Governor|Mayor|"
    r"Chancellor|General|Gen\.|Dr\.|Mr\.|Mrs\.|Ms\.|Judge|Justice|Speaker|Leader|Chairman|Chairwoman|"
    r"spokesman|spokeswoman|spokesperson)[ \t]+)?"
)
_PRONOUN = r"(?:he|she|they|He|She|They)"
_DESCRIPTION = r"(?:[Tt]he\s+(?:[\w-]+\s+){0,3}(?:president|leader|minister|official|officials|spokesman|spokeswoman|spokesperson|chairman|speaker|senator|governor|mayor|chancellor|secretary|premier|prime minister|analysts?|experts?|source|sources|statement|report|agency|ministry|company|government|kremlin|white house|letter|advertisement|ad|memo|resolution|campaign|group|committee|organization|administration|lawmakers?|congressman|congresswoman|sheriff|nominee|candidate|hopeful|front-?runner|billionaire|mogul|businessman|lawmaker|justice|judge))"


_CANDIDATE_TAIL = re.compile(
    rf"(?<![\w.'’-])(?P<name>{TITLE_WORDS}{_NAME})[ \t]+(?:[a-z]\w*[ \t]+)?$"
)
_VERB_AT = re.compile(rf"(?<![\w'’-])(?:{VERBS})(?![\w'’-])")


def titled_names(text: str) -> list[tuple[int, str]]:
    """Every titled name ("President Biden", "Dr. Anthony Fauci") with its offset: who "the
    president" may be. A title inside a word is none."""
    out = []
    m = _TITLED.search(text)
    while m is not None:
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
            m = _TITLED.search(text, m.start() + 1)
            continue
        out.append((m.start(), m.group("name")))
        m = _TITLED.search(text, m.end())
    return out


class Hit(NamedTuple):
    """A speech verb found in a text, read like a regular expression match."""

    s: int
    e: int
    word: str

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e

    def group(self, _: int = 0) -> str:
        return self.word


class VerbHits:
    """Every speech verb of one text, found in one pass; the rules ask for the verbs of a
    stretch of it (a paragraph, a sentence, a clause) many times."""

    def __init__(self, text: str) -> None:
        self.hits = [Hit(m.start(), m.end(), m.group(0)) for m in _VERB_AT.finditer(text)]
        self.starts = [h.s for h in self.hits]

    def between(self, start: int, end: int) -> list[Hit]:
        """The verbs that lie within ``text[start:end]``, in order."""
        i = bisect_left(self.starts, start)
        j = bisect_left(self.starts, end, i)
        return [h for h in self.hits[i:j] if h.e <= end]

    def first(self, start: int, end: int) -> Hit | None:
        """The first of :meth:`between`'s verbs, by bisection (a list of every verb from a
        sentence's start, made for each quote, took quadratic time in a long sentence)."""
        i = bisect_left(self.starts, start)
        if i < len(self.hits) and self.hits[i].s < end and self.hits[i].e <= end:
            return self.hits[i]
        return None  # the verbs never overlap: one that starts first and ends past ``end`` is
        # the only one that starts before it

    def last(self, start: int, end: int) -> Hit | None:
        """The last of :meth:`between`'s verbs: the last one that starts before ``end``, or the
        one before it when that one runs past ``end``."""
        i = bisect_left(self.starts, start)
        j = bisect_left(self.starts, end, i)
        if j > i and self.hits[j - 1].e <= end:
            return self.hits[j - 1]
        return self.hits[j - 2] if j - 1 > i else None

    def at(self, start: int, end: int) -> Hit | None:
        """The verb that starts at ``start`` and ends by ``end``."""
        i = bisect_left(self.starts, start)
        if i < len(self.hits) and self.hits[i].s == start and self.hits[i].e <= end:
            return self.hits[i]
        return None


_LAST: list[tuple[str, VerbHits]] = []


def verb_hits(text: str) -> VerbHits:
    """The speech verbs of ``text``, found once for the article being read (the last text
    asked about is remembered)."""
    last = _LAST[0] if _LAST else None  # read once: another thread may set it meanwhile
    if last is not None and last[0] is text:
        return last[1]
    hits = VerbHits(text)
    _LAST[:] = [(text, hits)]
    return hits


#: A line break before a line that is not empty (a paragraph's start, the first one aside): a
#: pattern that opens with a literal is searched for at C speed (``(?:^|\n)[^\n]``, which finds
#: the same starts with the first one, tries both branches at every position: 6x slower).
_NEXT_PARAGRAPH = re.compile(r"\n[^\n]")
_LAST_STARTS: list[tuple[str, list[int]]] = []


def paragraph_starts_of(text: str) -> list[int]:
    """Where each paragraph of ``text`` starts (the offset of the line break before it, the
    text's start for the first one), found once for the article being read (the speaker rules
    each ask; the last text asked about is remembered, so the list is shared: never change it)."""
    last = _LAST_STARTS[0] if _LAST_STARTS else None  # read once: another thread may set it
    if last is not None and last[0] is text:
        return last[1]
    starts = [m.start() for m in _NEXT_PARAGRAPH.finditer(text)]
    if text[:1] not in ("", "\n"):
        starts.insert(0, 0)
    _LAST_STARTS[:] = [(text, starts)]
    return starts


def candidate_names(text: str) -> list[tuple[int, str]]:
    """Names right before a speech verb ("President Vladimir Putin said"), with their offsets:
    whom a pronoun or a description nearby may mean."""
    out = []
    for v in verb_hits(text).hits:
        if v.start() == 0 or text[v.start() - 1] not in " \t":
            continue
        before = text[max(0, v.start() - 40) : v.start()].split()[-2:]
        if not any(w[:1].isupper() for w in before):
            continue  # no capitalised word right before the verb: no name (a quick test)
        start = max(0, v.start() - 90)
        m = _CANDIDATE_TAIL.search(text, start, v.start())
        if m and not text[max(0, m.start() - 4) : m.start()].rstrip().lower().endswith("the"):
            out.append((m.start("name"), m.group("name")))
    return out


#: A titled name anywhere ("President Biden", "Dr. Anthony Fauci"): who "the president" may be.
_TITLED = re.compile(  # no look-behind first: the search then skips to a title's first letter
    r"(?P<name>(?:"
    + "|".join(re.escape(t) for t in sorted(lexicon().holder_titles, key=lambda t: -len(t)))
    + r")[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})"
)
#: A pronoun next to a speech verb ("He acknowledged that …").
PRONOUN_VERB = re.compile(rf"\b(?:he|she|they|He|She|They)[ \t]+(?:[a-z]\w*[ \t]+)?(?:{VERBS})\b")
#: A short quoted name in title case ("This Week", "Rally for Election Integrity") is not a quote.
_SMALL = r"of|for|the|and|a|an|in|on|to|at|by|with|from|or|vs\.?"
TITLE_CASE = re.compile(
    rf"^(?:[A-Z0-9][\w'’.-]*|{_SMALL})(?:\s+(?:[A-Z0-9][\w'’.-]*|{_SMALL}))*[.,]?$"
)
OPEN_MARKS = '“"«„'
CLOSE_MARK = {"“": "”", '"': '"', "«": "»", "„": "“"}
SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"”’]?|$)")
_ABBREV_END = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Gen|Lt|Col|U\.S|U\.N|Jr|Sr|No|vs|[A-Z])\.$"
)
#: Speakers that stand for a person named elsewhere: pronouns and personal roles ("the Russian
#: president"); institutions ("the agency", "the White House") stay as they are.
RESOLVABLE = re.compile(
    rf"^(?:{_PRONOUN}|[Tt]he\s+(?:[\w-]+\s+){{0,3}}(?:president|leader|minister|official|spokesman|"
    r"spokeswoman|spokesperson|chairman|speaker|senator|governor|mayor|chancellor|secretary|premier|"
    r"prime minister|congressman|congresswoman|sheriff|nominee|candidate|hopeful|front-?runner|"
    r"billionaire|mogul|businessman|lawmaker|justice|judge|statement|letter|memo))$"
)
_NOT_SUBJECT = (
    r"(?:However|Meanwhile|Later|Earlier|Still|Yet|Also|During|Despite|Although|While|When|After|"
    r"Before|Since|Because|As|At|In|On|For|With|From|But|And|So|Then|Now|Today|Yesterday|Last|"
    r"Next|This|That|It|There|Here|Some|Many|Most|Other|Others|Critics|Officials|[A-Z]\w+ing|[A-Z]\w+ed)\b"
)
#: The subject of a sentence, after an opening participle clause ("Speaking in Phoenix, Trump …").
SUBJECT = re.compile(
    rf"\s*(?:[A-Z]\w+:\s+)?"  # a label a scraper left: "Updated: "
    rf"(?:(?:[A-Z]\w+(?:ing|ed)|As|When|While|After|Before|During|Despite|At|In|On)\b"
    rf"(?:[^.]|(?<=Mr)\.|(?<=Ms)\.|(?<=Mrs)\.|(?<=Dr)\.){{0,160}}?,\s*)?"
    rf"(?!{_NOT_SUBJECT})(?P<subject>{_DESCRIPTION}|{TITLE_WORDS}{_NAME})"
)  # used with .match(text, pos)

COLUMNS = ("doc_id", "quote_id", "speaker", "verb", "kind", "text", "start", "end",
           "speaker_text", "speaker_source", "confidence")  # fmt: skip


@dataclass
class Quote:
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None = None
    verb: str | None = None
    paragraph: int = 0
    speaker_text: str | None = None  # the speaker as the text words it here ("he", "Mr. Putin")
    speaker_source: str = "none"  # named, pronoun, description, context or none
    confidence: float = 0.0


class _Stops:
    """Where the sentences of one text may end: its line breaks, and its full stops before a
    space that end a sentence (not a title's or an initial's: "Mr. ", "U.S. "), found once."""

    def __init__(self, text: str) -> None:
        self.newlines = [m.start() for m in _NEWLINE.finditer(text)]
        self.stops = [
            m.start()
            for m in _STOP_SPACE.finditer(text)
            if not _ABBREV_END.search(text[max(0, m.start() - 6) : m.start() + 1])
        ]


_NEWLINE = re.compile(r"\n")
_STOP_SPACE = re.compile(r"\. ")
_LAST_STOPS: list[tuple[str, _Stops]] = []


def _stops(text: str) -> _Stops:
    """The sentence stops of ``text``, found once for the article being read (the last text
    asked about is remembered): the sentence of each quote is asked for many times, and walking
    back over the titles of a long text with no full stop ("Mr. … Mr. …") took quadratic time."""
    last = _LAST_STOPS[0] if _LAST_STOPS else None  # read once: another thread may set it
    if last is not None and last[0] is text:
        return last[1]
    stops = _Stops(text)
    _LAST_STOPS[:] = [(text, stops)]
    return stops


def start_of_sentence(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts: after the last line break before ``pos`` or
    the last full stop and space that end by it (a full stop after an abbreviation does not end
    a sentence), whichever is later."""
    found = _stops(text)
    k = bisect_left(found.newlines, pos)
    newline = found.newlines[k - 1] if k else -1
    k = bisect_right(found.stops, pos - 2)
    dot = found.stops[k - 1] if k else -1
    if newline > dot:
        return newline + 1
    return dot + 2 if dot >= 0 else 0


def end_of_sentence(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` ends: at the first line break from ``pos`` on, or
    after the first full stop that ends a sentence, whichever is earlier."""
    found = _stops(text)
    k = bisect_left(found.newlines, pos)
    newline = found.newlines[k] if k < len(found.newlines) else -1
    k = bisect_left(found.stops, pos)
    dot = found.stops[k] if k < len(found.stops) else -1
    if newline >= 0 and (dot < 0 or newline < dot):
        return newline
    return dot + 1 if dot >= 0 else len(text)
