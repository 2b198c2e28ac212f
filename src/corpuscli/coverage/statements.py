"""The statements of an article that `corpus diff` aligns: what someone is reported to have said.

They are the article's quotes (direct, partial and the reported speech :mod:`quotes` finds), and
the clauses of reported speech that sit inside a longer sentence, which outlets use as often as a
quote: "Grimm's attorney confirmed late Friday that *federal prosecutors plan to file charges*",
"Colorado's top law enforcement official promises to *vigorously defend the state's law*", "*All
same-sex couples … will be recognized*, the Treasury Department said", "Flynn's lawyer notified
the committee that *his client will invoke …*"; and what someone asked for, disputed or called
something, which another outlet may report as a quote: "called Wednesday for *a new and tougher
assault-weapons ban*", "rejected claims that *he betrayed Democrats*", "castigated the bill as *a
federal power grab*"; what someone held against another or called something, which the other
outlet quotes: "tweaked House Republicans for *passing a resolution … reaffirming the national
motto*", "accused the agency of *hiding the report*", "called the bill *a Democratic power grab
…*". The verbs that report speech, and what follows each (a clause, an
infinitive, a noun phrase, or nothing at the end of the sentence), are listed in
``data/reporting_verbs.toml``. An article with no statement at all is compared sentence by
sentence.

Every statement keeps its offsets into the article's text, so it can be shown as the article has it.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate

from .quotes import Quote, extract_quotes

_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*\.?|[^\w\s]")
#: A sentence ends at . ! ? (and a closing quote) before a space, or at a line end.
_END = re.compile(r"[.!?]+[\"”’)]*(?=\s)|\n")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Gen|Lt|Col|Jr|Sr|No|vs|Inc|Co|Corp|Ltd|Jan|Feb|Mar|Apr|"
    r"Aug|Sept|Sep|Oct|Nov|Dec|Ft|Mt|Prof|Rev|Capt|Sgt|Adm|Cmdr|Gens|Reps|Sens|Lt\.Col)|"
    r"\b[A-Z]|(?:\b[A-Za-z]\.){1,}[A-Za-z])\.$"
)
_TITLES = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Lt|Col|Prof|Rev|Capt|Sgt|Adm|Sens|Reps|Gens)\.$"
)
#: A dotted acronym of capitals ("U.S.", "F.B.I."): a name goes on after it ("U.S. Senate").
#: A dotted abbreviation in lower case ("5 p.m.", "a.m.") ends a sentence when a capital follows.
_ACRONYM = re.compile(r"(?:\b[A-Z]\.){2,}$")
#: Words that may sit between a reporting verb and its clause: when, where, to whom.
_BRIDGE = re.compile(
    r"(?:\s+(?:on|over|late|early|last|this|in|at|to|during|earlier|later|again|also|repeatedly|"
    r"publicly|privately|previously|recently|a|an|the|his|her|their|its|statement|letter|"
    r"interview|reporters|tweet|post|speech|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
    r"morning|afternoon|evening|night|week|weekend|month|year|Friday's|[A-Z][a-z]+\.?|\d+)){0,6}?"
    r",?\s+that\s+"
)
_DAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday|tonight)"
#: After "…, X said": when, and where or to whom ("on ABC's “This Week”", "in a statement").
_TAIL_WHEN = (
    rf"(?:\s+(?:on\s+)?(?:{_DAY}|late|early|\w+day\s+(?:morning|afternoon|evening|night)))*"
    r"(?:\s+(?:on|to|in|at|during|after|before|from|with|via|while|as)\b[^,;]{0,60}?)?"
)


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article with its [start, end) offsets into the text."""

    start: int
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``: ends at . ! ? before a space (not after Mr. or U.S.) and at line
    ends; offsets point into ``text``."""
    out: list[Sentence] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end() if m.group(0) != "\n" else m.start()
        if m.group(0) != "\n" and _no_end(text, start, m):
            continue
        _add(out, text, start, end)
        start = m.end()
    _add(out, text, start, len(text))
    return out


def _no_end(text: str, start: int, m: re.Match[str]) -> bool:
    """A full stop that ends an abbreviation: always after a title (Mr., Sen.) or a dotted
    acronym of capitals (U.S., F.B.I.), else (a single initial, Jan., p.m.) unless a capital
    follows."""
    before = text[max(start, m.start() - 12) : m.end()]
    # an abbreviation in parentheses that the sentence goes on after: "Rep. Todd Akin (R-Mo.) to
    # drop out", "Sen. Joe Manchin (D-W.Va.) said"
    if m.group(0).endswith(")") and text[m.end() : m.end() + 2].strip()[:1].islower():
        return True
    if not _ABBREV.search(before):
        return False
    if _TITLES.search(before) or _ACRONYM.search(before):
        return True
    following = text[m.end() : m.end() + 40].split()
    if not following or not following[0][:1].isupper():
        return True
    # a middle initial: "Donald J. Trump", "Joseph I. Lieberman" (but "Plan B. The end" ends)
    return (
        bool(_INITIAL.search(before)) and following[0].lower().strip("\"“‘'’,") not in _starters()
    )


#: A capitalised word and a single capital initial: a first name and a middle initial.
_INITIAL = re.compile(r"\b[A-Z][a-z]+\s+[A-Z]\.$")


@lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    """English stopwords: a word that may begin a sentence after an initial ("Plan B. The …"),
    where a surname after a middle initial is not one."""
    from corpuscli.text.stopwords import language_stopwords

    return language_stopwords("en")


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        out.append(Sentence(start + lead, start + lead + len(stripped), stripped))


@dataclass(frozen=True)
class _Patterns:
    clause: re.Pattern[str]
    infinitive: re.Pattern[str]
    tail: re.Pattern[str]
    addressee: frozenset[str]
    between: frozenset[str]
    request: re.Pattern[str]
    disputed: re.Pattern[str]
    described: re.Pattern[str]
    addressed: re.Pattern[str]
    faulted: re.Pattern[str]
    named: re.Pattern[str]


@lru_cache(maxsize=1)
def _verbs() -> _Patterns:
    data = tomllib.loads(
        resources.files("corpuscli").joinpath("data/reporting_verbs.toml").read_text("utf-8")
    )

    def alternation(words: list[str]) -> str:
        # "called for" is also "called Wednesday for", "called on Monday for"
        return "|".join(
            re.escape(w).replace(r"\ ", rf"(?:\s+(?:on\s+)?{_DAY})?\s+")
            for w in sorted(set(words), key=len, reverse=True)
        )

    clause = re.compile(rf"\b(?P<verb>{alternation(data['clause'])})\b")
    infinitive = re.compile(
        rf"\b(?P<verb>{alternation(data['infinitive'])})(?:\s+(?:[\w.'’-]+\s+){{0,5}}?)?\s*to\s+(?=[a-z])"
    )
    tail = re.compile(
        rf",\s+(?P<speaker>[^,]{{2,80}}?)\s+(?P<verb>{alternation(data['tail'])})\b{_TAIL_WHEN}\s*[.!?]?[\"”’]?$"
    )
    request = re.compile(
        rf"\b(?P<verb>{alternation(data['request'])})\b(?:\s+(?:on\s+)?{_DAY})?\s+(?:that\s+)?(?=[\w\"“$])"
    )
    # "rejected claims that …", "disputed the notion that …": what is disputed, then "that"
    disputed = re.compile(
        rf"\b(?P<verb>{alternation(data['disputing'])})\s+(?:(?:the|a|an|any|all|his|her|their)\s+)?"
        rf"(?:{alternation(data['disputed'])})\s+that\s+"
    )
    # "castigated the bill as a federal power grab": what, then "as"
    described = re.compile(
        rf"\b(?P<verb>{alternation(data['describing'])})\s+(?:[^\s,;:!?\"“”]+\s+){{1,5}}?as\s+(?=[\w\"“])"
    )
    # "notified the committee that …", "told reporters in a call that …": whom, then "that"
    addressed = re.compile(r"(?:\s+[^\s,;:!?\"“”]+){1,12}?,?\s+that\s+")
    # "tweaked House Republicans for passing a resolution …", "accused him of lying": whom, then
    # "for" or "of" and what they did, as the speaker put it
    faulted = re.compile(
        rf"\b(?P<verb>{alternation(data['faulting'])})\s+(?:[^\s,;:!?\"“”]+\s+){{1,6}}?"
        r"(?:for|of)\s+(?=[a-z]+ing\b)"
    )
    # "called the bill a Democratic power grab": what, then what they called it ("a", "an", or a
    # quotation mark); "called for", "called on" are requests, not names
    named = re.compile(
        rf"\b(?P<verb>{alternation(data['naming'])})\s+"
        r"(?!(?:for|on|off|up|in|out|back|upon)\b)(?:[^\s,;:!?\"“”]+\s+){1,4}?(?=(?:a|an)\s|[\"“])"
    )
    return _Patterns(clause, infinitive, tail, frozenset(data["addressee"]),
                     frozenset(data["between"]), request, disputed, described,
                     addressed, faulted, named)  # fmt: skip


def reported_clauses(text: str, taken: list[tuple[int, int]] | None = None) -> list[Quote]:
    """Clauses of reported speech inside the sentences of ``text`` that overlap none of the
    ``taken`` spans (the quotes already found): kind ``reported``, with the words before the verb
    as the speaker. A sentence may report several ("promises to defend the law after Nebraska and
    Oklahoma asked the court to declare it unconstitutional, saying the drug is …")."""
    patterns = _verbs()
    taken = sorted(taken or [])
    out: list[Quote] = []
    for s in sentences(text):
        if any(a < s.end and s.start < b for a, b in taken):
            continue  # holds a quote
        if not s.text.endswith((".", "!", "?", '"', "”", "’", ")")):
            continue  # a headline or a caption, not a sentence that reports speech
        tail = _tail(s, patterns.tail)
        out.extend([tail] if tail is not None else _leads(s, patterns))
    return out


def _tail(s: Sentence, pattern: re.Pattern[str]) -> Quote | None:
    m = pattern.search(s.text)
    if m is None or len(s.text[: m.start()].split()) < 4:
        return None
    body = s.text[: m.start()].rstrip(" ,")
    return Quote(s.start, s.start + len(body), body, "reported", _speaker(m.group("speaker")),
                 m.group("verb"))  # fmt: skip


_DIRECT_CLAUSE = re.compile(
    rf"(?:\s+(?:on\s+)?{_DAY})?\s+(?=(?:he|she|they|it|we|I|the|a|an|his|her|their|there|this|these|[A-Z]\w+)\b)"
)
#: Where the subject of a later reporting verb may begin: a comma, or a conjunction.
_BOUNDARY = re.compile(
    r",\s+|;\s+|\s+(?:after|before|as|while|because|when|and|but|although|though)\s+"
)


def _leads(s: Sentence, patterns: _Patterns) -> list[Quote]:
    """Every clause a reporting verb of the sentence introduces, each up to where the subject of
    the next one begins."""
    found: list[tuple[int, int, str]] = []  # verb start, clause start, verb
    for m in patterns.infinitive.finditer(s.text):
        found.append((m.start(), m.end(), m.group("verb")))
    for c in patterns.clause.finditer(s.text):
        rest = s.text[c.end() :]
        bridge = _BRIDGE.match(rest)
        told = c.group("verb").lower() in patterns.addressee
        if bridge is not None:
            begin = c.end() + bridge.end()
        elif told and (whom := patterns.addressed.match(rest)):
            begin = c.end() + whom.end()
        elif not told and (direct := _DIRECT_CLAUSE.match(rest)):
            begin = c.end() + direct.end()
        else:
            continue
        if not any(v <= c.start() < b for v, b, _ in found):
            found.append((c.start(), begin, c.group("verb")))
    # what was asked for, disputed or called something: "called for a tougher ban", "rejected
    # claims that …", "described the bill as a power grab"
    for pattern in (patterns.request, patterns.disputed, patterns.described, patterns.faulted,
                    patterns.named):  # fmt: skip
        for r in pattern.finditer(s.text):
            if not any(v <= r.start() < b for v, b, _ in found):
                found.append((r.start(), r.end(), r.group("verb")))
    found.sort()
    # "said he intends to defend …": the infinitive is inside the clause, not a statement of its own
    found = [
        f for k, f in enumerate(found)
        if k == 0 or not (found[k - 1][1] <= f[0] and not _BOUNDARY.search(s.text, found[k - 1][1], f[0]))
    ]  # fmt: skip
    out = []
    for k, (verb_at, begin, verb) in enumerate(found):
        end = len(s.text)
        if k + 1 < len(found):
            nxt = found[k + 1][0]
            cuts = [m.start() for m in _BOUNDARY.finditer(s.text, begin, nxt)]
            end = cuts[-1] if cuts else nxt
        body = s.text[begin:end].rstrip(" .!?,;")
        before = s.text[:verb_at]
        if len(body.split()) < 3 or (k == 0 and before.count(",") > 2):
            continue
        last = [m.end() for m in _BOUNDARY.finditer(before)]
        speaker = _speaker(before[last[-1] :] if last and k > 0 else before)
        out.append(
            Quote(s.start + begin, s.start + begin + len(body), body, "reported", speaker, verb)
        )
    return out


def _speaker(words: str) -> str | None:
    """Who is reported: the words before the verb, less what stands between a subject and its
    verb ("has meanwhile", "also"), from the last clause boundary on when that leaves a name."""
    chunks = [c.strip(" ,") for c in _BOUNDARY.split(words)]
    chunks = [c for c in chunks if c]
    if not chunks:
        return None
    named = [c for c in chunks if re.search(r"\b(?:[A-Z]|he\b|she\b|they\b|the\s)", c)]
    chosen = named[-1] if named else chunks[-1]
    between = _verbs().between
    parts = chosen.split()
    while parts and parts[-1].lower() in between:
        parts.pop()
    return " ".join(parts) if 0 < len(parts) <= 8 else None


_PRONOUN = re.compile(r"^(?:he|she|they|we|it|He|She|They|We|It)$")


def article_statements(text: str, *, speaker: str | None = None) -> tuple[list[Quote], str]:
    """The statements of an article and their unit (``quotes``, or ``sentences`` when it has
    none): quotes and reported clauses in text order; with ``speaker``, only those whose speaker
    contains it (case-insensitive).

    The reported speech :func:`quotes.extract_quotes` finds is a whole sentence ("Putin also said
    that …"); here it is cut to its clause, keeping the speaker resolved there ("he" -> Putin)."""
    quotes = extract_quotes(text)
    indirect = [q for q in quotes if q.kind == "indirect"]
    quotes = [q for q in quotes if q.kind != "indirect"]
    # a sentence that holds only partial quotes ("… called it “a politically driven vendetta”")
    # may still report a clause around them
    clauses = reported_clauses(text, [(q.start, q.end) for q in quotes if q.kind != "partial"])
    holding = _Holding(indirect)
    for c in clauses:
        whole = holding.first(c.start, c.end)
        if whole is not None and whole.speaker and (c.speaker is None or _PRONOUN.match(c.speaker)):
            c.speaker = whole.speaker
    spans = sorted((c.start, c.end) for c in clauses)
    clause_starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))  # the furthest end of the clauses so far
    covered = [q for q in indirect if not _overlapped(q, clause_starts, reach)]
    found = sorted(quotes + clauses + covered, key=lambda q: (q.start, q.end))
    if speaker:
        wanted = speaker.lower()
        return [q for q in found if q.speaker and wanted in q.speaker.lower()], "quotes"
    if found:
        return found, "quotes"
    return [
        Quote(s.start, s.end, s.text, "sentence")
        for s in sentences(text)
        if len(_WORD.findall(s.text)) >= 4
    ], "sentences"


class _Holding:
    """The first of some quotes (in text order) that holds a stretch, found by bisection: a
    search through all of them for each clause took quadratic time in a text of many."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self.starts = [q.start for q in quotes]
        self.reach = list(accumulate((q.end for q in quotes), max))
        self.ordered = self.starts == sorted(self.starts)

    def first(self, start: int, end: int) -> Quote | None:
        """The first quote ``q`` with ``q.start <= start`` and ``end <= q.end + 1``."""
        if not self.ordered:
            return next((q for q in self.quotes if q.start <= start and end <= q.end + 1), None)
        i = bisect_left(self.reach, end - 1)  # the first quote that reaches the stretch's end
        return self.quotes[i] if i < bisect_right(self.starts, start) else None


def _overlapped(q: Quote, starts: list[int], reach: list[int]) -> bool:
    """Whether a clause (``starts``, sorted, and the furthest ``reach`` of the clauses up to
    each) overlaps ``q``."""
    k = bisect_left(starts, q.end)
    return k > 0 and reach[k - 1] > q.start


def looks_english(text: str) -> bool:
    """Whether at least one word in ten of ``text`` is an English stopword (any English text
    passes easily; French, Russian or Turkish do not)."""
    from corpuscli.text.stopwords import load_stopwords

    words = [w.lower() for w in _WORD.findall(text[:20000]) if w[:1].isalpha()]
    if len(words) < 20:
        return True
    stop = load_stopwords("en")
    return sum(w in stop for w in words) >= 0.1 * len(words)
