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
…*"; what follows a colon after a reporting verb or a word for what was said ("Dowd brought out
a new defense: *Trump isn't guilty …*"). The verbs that report speech, and what follows each (a
clause, an infinitive, a noun phrase, or nothing at the end of the sentence), are listed in
``data/reporting_verbs.toml``, with the asides that may stand between a speaker's name and the
verb ("Mitch McConnell, R-Ky., has said"); the smaller word lists (abbreviations that do not end
a sentence, the words between a verb and "that", clause boundaries) in
``data/statement_words.toml``. An article with no statement at all is compared sentence by
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
#: A dotted acronym of capitals ("U.S.", "F.B.I."): a name goes on after it ("U.S. Senate").
#: A dotted abbreviation in lower case ("5 p.m.", "a.m.") ends a sentence when a capital follows.
_ACRONYM = re.compile(r"(?:\b[A-Z]\.){2,}$")


def _alternation(words: list[str]) -> str:
    """A regex alternation of ``words``, escaped, the longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class _Words:
    """The patterns built from ``data/statement_words.toml``."""

    abbrev: re.Pattern[str]
    titles: re.Pattern[str]
    day: str
    bridge: re.Pattern[str]
    tail_when: str
    direct_clause: re.Pattern[str]
    boundary: re.Pattern[str]
    pronoun: re.Pattern[str]
    speaker_word: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = tomllib.loads(
        resources.files("corpuscli").joinpath("data/statement_words.toml").read_text("utf-8")
    )
    abbrev = re.compile(
        rf"(?:\b(?:{_alternation(data['abbreviations'])})|"
        r"\b[A-Z]|(?:\b[A-Za-z]\.){1,}[A-Za-z])\.$"
    )
    titles = re.compile(rf"\b(?:{_alternation(data['titles'])})\.$")
    # "Tuesday" and the like are listed whole; "Friday morning" is a day and a part of it
    day = rf"(?:{_alternation(data['days'])})"
    # when, where, to whom between a reporting verb and "that"
    bridge = re.compile(
        rf"(?:\s+(?:{_alternation(data['bridge'] + data['days'])}|[A-Z][a-z]+\.?|\d+)){{0,6}}?"
        r",?\s+that\s+"
    )
    # after "…, X said": when, and where or to whom ("on ABC's “This Week”", "in a statement")
    tail_when = (
        rf"(?:\s+(?:on\s+)?(?:{day}|late|early|\w+day\s+(?:morning|afternoon|evening|night)))*"
        rf"(?:\s+(?:{_alternation(data['tail_places'])})\b[^,;]{{0,60}}?)?"
    )
    direct_clause = re.compile(
        rf"(?:\s+(?:on\s+)?{day})?\s+(?=(?:{_alternation(data['clause_starts'])}|[A-Z]\w+)\b)"
    )
    boundary = re.compile(rf",\s+|;\s+|\s+(?:{_alternation(data['boundaries'])})\s+")
    pronoun = re.compile(rf"^(?:{_alternation(data['pronouns'])})$")
    speaker_word = re.compile(
        rf"\b(?:[A-Z]|(?:{_alternation(data['speaker_pronouns'])})\b"
        rf"|(?:{_alternation(data['speaker_articles'])})\s)"
    )
    return _Words(abbrev, titles, day, bridge, tail_when, direct_clause, boundary, pronoun,
                  speaker_word)  # fmt: skip


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
    if not _words().abbrev.search(before):
        return False
    if _words().titles.search(before) or _ACRONYM.search(before):
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
    aside: re.Pattern[str]
    colon: re.Pattern[str]


@lru_cache(maxsize=1)
def _verbs() -> _Patterns:
    day = _words().day
    data = tomllib.loads(
        resources.files("corpuscli").joinpath("data/reporting_verbs.toml").read_text("utf-8")
    )

    def alternation(words: list[str]) -> str:
        # "called for" is also "called Wednesday for", "called on Monday for"
        return "|".join(
            re.escape(w).replace(r"\ ", rf"(?:\s+(?:on\s+)?{day})?\s+")
            for w in sorted(set(words), key=len, reverse=True)
        )

    clause = re.compile(rf"\b(?P<verb>{alternation(data['clause'])})\b")
    infinitive = re.compile(
        rf"\b(?P<verb>{alternation(data['infinitive'])})(?:\s+(?:[\w.'’-]+\s+){{0,5}}?)?\s*to\s+(?=[a-z])"
    )
    tail = re.compile(
        rf",\s+(?P<speaker>[^,]{{2,80}}?)\s+(?P<verb>{alternation(data['tail'])})\b{_words().tail_when}\s*[.!?]?[\"”’]?$"
    )
    request = re.compile(
        rf"\b(?P<verb>{alternation(data['request'])})\b(?:\s+(?:on\s+)?{day})?\s+(?:that\s+)?(?=[\w\"“$])"
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
    # an aside between a name and its verb: "R-Ky.", "a Republican of Idaho", "the top Democrat"
    aside = re.compile(
        rf"(?:{'|'.join(data['aside_patterns'])}|(?:{alternation(data['aside_starts'])})\b)"
        r"[^,;:!?\"“”()]*$"
    )
    # "Dowd brought out a new defense: Trump isn't guilty …", "he tweeted Monday: the deal is off":
    # a reporting verb or a word for what was said, then a colon and an unquoted clause
    colon = re.compile(
        rf"\b(?P<verb>{alternation(data['clause'] + data['colon'])})\b[^:;\"“”.!?]{{0,60}}?:\s+"
        r"(?=[A-Za-z])"
    )
    return _Patterns(clause, infinitive, tail, frozenset(data["addressee"]),
                     frozenset(data["between"]), request, disputed, described,
                     addressed, faulted, named, aside, colon)  # fmt: skip


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


def _leads(s: Sentence, patterns: _Patterns) -> list[Quote]:
    """Every clause a reporting verb of the sentence introduces, each up to where the subject of
    the next one begins."""
    words = _words()
    found: list[tuple[int, int, str]] = []  # verb start, clause start, verb
    for m in patterns.infinitive.finditer(s.text):
        found.append((m.start(), m.end(), m.group("verb")))
    for c in patterns.clause.finditer(s.text):
        rest = s.text[c.end() :]
        bridge = words.bridge.match(rest)
        told = c.group("verb").lower() in patterns.addressee
        if bridge is not None:
            begin = c.end() + bridge.end()
        elif told and (whom := patterns.addressed.match(rest)):
            begin = c.end() + whom.end()
        elif not told and (direct := words.direct_clause.match(rest)):
            begin = c.end() + direct.end()
        else:
            continue
        if not any(v <= c.start() < b for v, b, _ in found):
            found.append((c.start(), begin, c.group("verb")))
    # what was asked for, disputed or called something: "called for a tougher ban", "rejected
    # claims that …", "described the bill as a power grab"
    for pattern in (patterns.request, patterns.disputed, patterns.described, patterns.faulted,
                    patterns.named, patterns.colon):  # fmt: skip
        for r in pattern.finditer(s.text):
            if not any(v <= r.start() < b for v, b, _ in found):
                found.append((r.start(), r.end(), r.group("verb")))
    found.sort()
    # "said he intends to defend …": the infinitive is inside the clause, not a statement of its own
    found = [
        f for k, f in enumerate(found)
        if k == 0 or not (found[k - 1][1] <= f[0] and not words.boundary.search(s.text, found[k - 1][1], f[0]))
    ]  # fmt: skip
    out = []
    for k, (verb_at, begin, verb) in enumerate(found):
        end = len(s.text)
        if k + 1 < len(found):
            nxt = found[k + 1][0]
            cuts = [m.start() for m in words.boundary.finditer(s.text, begin, nxt)]
            end = cuts[-1] if cuts else nxt
        body = s.text[begin:end].rstrip(" .!?,;")
        before = without_apposition(s.text[:verb_at])
        if len(body.split()) < 3 or (k == 0 and before.count(",") > 2):
            continue
        last = [m.end() for m in words.boundary.finditer(before)]
        speaker = _speaker(before[last[-1] :] if last and k > 0 else before)
        out.append(
            Quote(s.start + begin, s.start + begin + len(body), body, "reported", speaker, verb)
        )
    return out


#: The words before a reporting verb that end in a comma, and the words that may stand between a
#: subject and its verb ("…, has said").
_TRAILING_COMMA = re.compile(r",\s*(?P<between>(?:[a-z]+\s+){0,2})$")
#: How far back from a verb a name and its asides may begin (characters).
_ASIDE_REACH = 240
#: A capitalised word that ends a name before an aside.
_NAME_END = re.compile(r"\b[A-Z][\w.'’-]*$")


def without_apposition(words: str) -> str:
    """``words`` (what stands before a reporting verb) without the one or two asides set off by
    commas between a name and the verb: "Majority Leader Mitch McConnell, R-Ky., has" ->
    "Majority Leader Mitch McConnell has", "Jay Inslee, Democrat of Washington," -> "Jay Inslee",
    "Dianne Feinstein, D-Calif., the top Democrat on the panel," -> "Dianne Feinstein". The
    asides say who the speaker is; they are neither the speaker nor clause boundaries. An aside
    is short and begins as ``data/reporting_verbs.toml`` lists (``aside_starts``: "a", "the",
    "Democrat of", a party and state "R-Ky.")."""
    # only the end of the words can hold the asides: look no further back, so that a sentence of
    # many reporting verbs costs no more per verb than it did
    cut = max(0, len(words) - _ASIDE_REACH)
    if cut:
        return words[:cut] + without_apposition(words[cut:])
    end = _TRAILING_COMMA.search(words)
    if end is None:
        return words
    between = end.group("between").split()
    patterns = _verbs()
    if any(w not in patterns.between for w in between):
        return words
    head = words[: end.start()]
    stripped = None
    for _ in range(2):
        comma = head.rfind(",")
        if comma < 0:
            break
        aside = head[comma + 1 :].strip()
        if len(aside.split()) > 12 or not patterns.aside.match(aside):
            break
        head = head[:comma]
        if _NAME_END.search(head):
            stripped = head
    if stripped is None:
        return words
    return stripped + (" " + " ".join(between) + " " if between else " ")


def _speaker(words: str) -> str | None:
    """Who is reported: the words before the verb, less what stands between a subject and its
    verb ("has meanwhile", "also"), from the last clause boundary on when that leaves a name."""
    words = without_apposition(words)
    chunks = [c.strip(" ,") for c in _words().boundary.split(words)]
    chunks = [c for c in chunks if c]
    if not chunks:
        return None
    named = [c for c in chunks if _words().speaker_word.search(c)]
    chosen = named[-1] if named else chunks[-1]
    between = _verbs().between
    parts = chosen.split()
    while parts and parts[-1].lower() in between:
        parts.pop()
    return " ".join(parts) if 0 < len(parts) <= 8 else None


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
        if (
            whole is not None
            and whole.speaker
            and (c.speaker is None or _words().pronoun.match(c.speaker))
        ):
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
