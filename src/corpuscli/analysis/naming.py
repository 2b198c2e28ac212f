"""Naming differences: the names two outlets (or two sides) use for one thing, found without hints.

Where two outlets report the same thing, their sentences line up word for word but for the words
each chooses: "the city of **Shusha**" / "the city of **Shushi**", "the **occupied** territories" /
"the **liberated** territories", "North **Korea's leader**, Kim Jong-un" / "North **Korean
dictator** Kim Jong-un". So:

1. **Pair the articles that tell one story.** Each article of group A is paired with the articles
   of group B whose content words (TF-IDF, cosine) are closest to its own: at least
   ``min_story`` and at least half the closest one's. No dates are needed.
2. **Align their passages.** In each pair of articles, a stretch that reads the same on both
   sides of a swap is aligned: the same two words before (one of them a content word), then one
   to ``longest`` words on each side that differ, then the same two words after — "North
   [Korea's leader,] Kim Jong-un" / "North [Korean dictator] Kim Jong-un", "the city of [Shusha],"
   / "the city of [Shushi],". Sentences that share their words but for a name are the common case,
   and only they count: the two sentences must have at least ``min_overlap`` of the words of the
   shorter in common (stopwords and the swap aside), as a quote or wire copy two outlets share
   has; a phrase any story has ("said [Andrew Steer], president of" / "said [Richard
   Fontaine], president of") does not.
3. **Collect the swaps.** The two differing runs are a candidate pair when they stand where a
   name stands: after a determiner, a possessive or a preposition, or capitalised
   (``data/naming_slots.toml``). Words both runs share at their ends and stopwords are trimmed;
   numbers, spellings or inflections of one word ("tariff" / "tariffs", "E.U." / "EU",
   "adviser" / "advisor"; names one letter apart are kept: "Shusha" / "Shushi"), one run inside
   the other ("Donald" / "Donald Trump") and stopword-only runs are left out, and so are swaps
   that name someone else rather than name one thing otherwise: next to a reporting verb
   ("[Williams] said" / "[Perez] said"), a part of a longer name ("[Wendy] Wasserman Schultz"),
   or a word the other side's sentence also has (a list in another order: "Canada, the EU" /
   "the EU, Canada"). The slot is read again where the terms stand once trimmed: a stopword
   just before them that is no determiner, possessive or preposition ("that [he is pulling]
   out" / "that [he was bowing] out": "pulling" / "bowing" follow "is" / "was"), or a
   determiner or pronoun just after them ("of [conducting a] confusing" / "of [carrying out a]
   confusing": a verb and its object), makes it a verb's place, not a name's.
   An abbreviation one article of the pair writes where the other writes the name in full is a
   candidate too, aligned or not: "EU" / "European Union", "D.N.C." / "Democratic National
   Committee" (capitals whose initials spell it; the small words a name holds, "of", "and", are
   in ``data/naming_slots.toml``), when some article of either group spells the name out before
   it abbreviates it, as reporters do (with or without dots: an article that defines "EU"
   defines "E.U." too), or when the two sentences that hold them share at least
   ``min_overlap`` of their words (one statement, "Robert Mueller provides list of questions,
   ' NYT ' reports" / "The New York Times has obtained questions Mueller has provided"), as an
   aligned swap must: initials that only happen to match ("TV" / "Thursday in Virginia", "D.C."
   / "Dick Cheney") stand in sentences that share nothing, and are not. The NewsWCL50
   development events list 26 pairs instead of 15 with it (22 right by the annotations; of the
   4 others, 3 are "NYT" / "New York Times", which they do not annotate): few outlets define
   an abbreviation in each article. An abbreviation is counted with and without its dots
   ("D.N.C." is "DNC").
4. **Keep the consistent ones.** A candidate is kept when it is swapped at least ``min_count``
   times and each side uses its own term at least as often as the other's (``preference``, the
   smaller of A's share of term_a and B's share of term_b, at least ``min_preference``), one of
   them more often (two groups that both write both terms alike name nothing their own).
   Candidates are ranked by their evidence (the swaps, and one more for an abbreviation) times
   how far the two preferences go beyond a coin flip (``score``), and kept when the score is
   above ``min_score``. A side that quotes the other side's name once among its own ("Whoever
   controls Shushi", in an article that writes Shusha) still counts: its preference is a coin
   flip, the other side's carries the pair. The thresholds (``min_score``, ``min_overlap``)
   were chosen by leaving one event out in turn among the development events of NewsWCL50
   (``benchmarks/bench_naming.py --cv``), among those that keep that case.
   A common word before a common noun ("a [crucial] step" / "a [huge] step", "the [prior]
   week" / "the [previous] week") describes the thing rather than names it, unless each side
   keeps to its own: such a pair is kept only when each group writes its own term at least
   ``min_modifier`` times and the other's never ("the occupied territories" throughout one
   side, "the liberated territories" throughout the other). ``min_modifier`` 2 was chosen by
   leaving one fold out in turn on a larger hand-judged dev set (``bench_naming.py
   --judged``: the NewsWCL50 dev events one by one, BASIL by outlet, the NeuS AllSides
   roundups by stance).
5. **Optionally, swaps outside shared passages** (``min_exclusive``, off by default): a swap
   whose sentences share less than ``min_overlap`` counts (basis ``exclusive``) when each group
   writes its own term at least ``min_exclusive`` times and the other's never, across all its
   articles ("the halt of nuclear and missile tests" / "the suspension of nuclear and missile
   tests", in sentences of their own). Leaving one development event out in turn chose it off:
   on single events it adds as many wrong pairs as right ones ("the [decisions] came" / "the
   [report] came"); at 1 it lists people quoted in one slot.
6. **Optionally, sentences aligned word by word** (``min_sentence_overlap``, off by default):
   each sentence matched with the other article's sentence that shares most of its words, at
   least that share, and a swap with one word of the same context on each side counted as an
   anchored one. On the judged dev set it adds more wrong pairs than right ones ("a
   [basket] of goods" / "a [variety] of consumer goods", "[Sen.] Harris" / "[Ms.] Warren"), so
   cross-validation keeps it off.

7. **Descriptions of one name** (``min_described``, the second source of candidates): where
   two articles of one story name the same person or body, each may describe it in its own
   words, before the name or in apposition after it: "North Korean [dictator] Kim Jong Un" /
   "North Korean [leader] Kim Jong Un", "[House Speaker] Nancy Pelosi" / "[Representative]
   Nancy Pelosi", "the [militant groups]" / "the [terrorist organization]" of Hamas
   (:mod:`corpuscli.analysis.naming_roles` reads the slots). A pair is a description one
   article writes of the name and the other does not, against one the other writes and the
   first does not, trimmed as a swap is (step 3), basis ``described``. It needs no shared
   sentence, so it finds what two outlets that share no wire copy call one person; a pair
   seen in one pair of articles only is as often a coincidence of two descriptions ("felt
   [President] Obama" / "a [recently launched] Obama campaign ad"), so a pair needs
   ``min_described`` pairs of articles, 2: chosen by leaving one fold out in turn on the
   judged dev set (``bench_naming.py --judged --sources``), then kept, as any candidate,
   when each side prefers its own term (step 4).
8. **Optionally, swaps in statements aligned by their words** (``min_statement``, off by
   default): sentences matched as in step 6 with at least that share of words in common, a
   swap counted (basis ``statement``) when each article of the story keeps to its own term
   and never writes the other's. Cross-validated on the judged dev set it lists more wrong
   pairs than right ones at 0.3 and 0.5 ("the [prior week's figure]" / "the [previous
   week]"), so it stays off.

Pairs the user knows can be declared in an aliases file (one pair per line: ``term<TAB>term`` or
``term = term``); they come first, with the same counts. Each pair comes with its evidence: how
often each term is written by each group, the number of aligned sentence pairs that swap them, and
one such pair of sentences.
"""

from __future__ import annotations

import bisect
import difflib
import itertools
import math
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TypedDict

import pandas as pd

from corpuscli.analysis.naming_roles import descriptions, lower_uses, noun_uses
from corpuscli.coverage.numbers import find_numbers
from corpuscli.coverage.similarity import content_words, stem
from corpuscli.coverage.statements import sentences
from corpuscli.coverage.story_features import story_stopwords
from corpuscli.coverage.worddiff import tokenize
from corpuscli.errors import InputError, NotFound, UsageError
from corpuscli.io.decode import looks_binary
from corpuscli.schema import group_keys
from corpuscli.text.stopwords import load_stopwords

COLUMNS = (
    "term_a", "term_b", "a_in_A", "a_in_B", "b_in_A", "b_in_B", "swaps", "preference", "score",
    "basis", "example_a", "example_b",
)  # fmt: skip


class _Row(TypedDict):
    """One row of the table, by :data:`COLUMNS`."""

    term_a: str
    term_b: str
    a_in_A: int
    a_in_B: int
    b_in_A: int
    b_in_B: int
    swaps: int
    preference: float
    score: float
    basis: str
    example_a: str | None
    example_b: str | None


#: Words of context that must read the same before and after a swap.
ANCHOR = 2
#: The most letters an abbreviation has ("HPSCI").
LONGEST_ABBREVIATION = 6
#: A context of :data:`ANCHOR` words written more often than this in one article is a
#: stop-context: no swap is aligned on it. Pairing each of its places in one article with each
#: in the other takes work as the square of its count, and a text that repeats one phrase with
#: no full stop ran for minutes; in real articles the swaps aligned come from contexts written
#: at most 33 times (the first 2,000 AllSides articles, NewsWCL50, the NeuS roundups), so
#: none of them is lost.
STOP_CONTEXT = 50


def read_aliases(path: str) -> list[tuple[str, str]]:
    """Declared pairs: ``term<TAB>term`` or ``term = term`` per line; ``#`` starts a comment."""
    p = Path(path)
    if not p.is_file():
        raise InputError("aliases file not found", where=path, hint="check --aliases")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(
            f"cannot read the aliases file: {exc.strerror or exc}", where=path
        ) from None
    try:
        if looks_binary(data):
            raise UnicodeError
        text = data.decode("utf-8-sig")
    except UnicodeError:
        raise InputError(
            "the aliases file is not UTF-8 text",
            where=path,
            hint="give a text file of 'term = term' lines to --aliases",
        ) from None
    pairs = []
    for number, line in enumerate(text.splitlines(), start=1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        parts = [x.strip() for x in (text.split("\t") if "\t" in text else text.split("="))]
        if len(parts) != 2 or not all(parts):
            raise InputError(
                "expected two terms",
                where=f"{path}:{number}",
                hint="write 'term = term' or 'term<TAB>term'",
            )
        pairs.append((parts[0].lower().replace("’", "'"), parts[1].lower().replace("’", "'")))
    return pairs


@dataclass
class _Article:
    """An article as the search needs it: its text, its tokens' keys, whether each is written
    with a capital, where each starts, and its content words."""

    text: str
    keys: list[str]
    words: list[str]
    capital: list[bool]
    starts: list[int]
    terms: Counter[str]
    bounds: list[int] | None = None
    abbreviations: dict[str, list[int]] | None = None
    names: list[tuple[str, str, int]] | None = None
    roles: dict[str, dict[str, int]] | None = None
    grams: frozenset[str] | None = None
    sentence_sets: dict[tuple[int, frozenset[str]], frozenset[str]] = field(default_factory=dict)
    sentence_grams: dict[tuple[int, int], frozenset[tuple[str, ...]]] = field(default_factory=dict)
    lines: list[int] = field(default_factory=list)

    def writes(self, term: str, longest: int) -> bool:
        """Whether the article writes ``term`` (a phrase of at most ``longest`` words)."""
        if self.grams is None:
            keys = [k for k in self.keys if _word(k)]
            self.grams = frozenset(
                " ".join(keys[i : i + n])
                for n in range(1, longest + 1)
                for i in range(len(keys) - n + 1)
            )
        return term in self.grams

    @classmethod
    def of(cls, text: str, stop: frozenset[str] = frozenset()) -> _Article:
        tokens = tokenize(text)
        words = [t.text for t in tokens]
        breaks = [i for i, c in enumerate(text) if c == "\n"]
        lines = [bisect.bisect_left(breaks, t.start) for t in tokens]
        keys = [_abbreviated(words, lines, i, t.key, stop) for i, t in enumerate(tokens)]
        return cls(text, keys, words, [w[:1].isupper() for w in words],
                   [t.start for t in tokens], Counter(content_words(text)),
                   lines=lines)  # fmt: skip

    def sentence_at(self, token: int) -> str:
        pos = self.starts[token]
        return next((s.text for s in sentences(self.text) if s.start <= pos < s.end), "")

    def sentence_words(self, token: int, stop: frozenset[str]) -> frozenset[str]:
        """The words of the sentence that holds token ``token``, less stopwords; read once per
        sentence (a swap's sentence is asked for again and again)."""
        lo, hi = self.sentence_tokens(token)
        words = self.sentence_sets.get((lo, stop))
        if words is None:
            words = frozenset(k for k in self.keys[lo:hi] if _word(k) and k not in stop)
            self.sentence_sets[(lo, stop)] = words
        return words

    def in_sentence(self, token: int, term: str) -> bool:
        """Whether ``term`` (keys joined by spaces) is written in the sentence that holds token
        ``token``; the sentence's runs of as many words are collected once."""
        lo, hi = self.sentence_tokens(token)
        words = tuple(term.split())
        n = len(words)
        grams = self.sentence_grams.get((lo, n))
        if grams is None:
            keys = self.keys
            grams = frozenset(tuple(keys[i : i + n]) for i in range(lo, hi - n + 1))
            self.sentence_grams[(lo, n)] = grams
        return words in grams

    def sentence_tokens(self, token: int) -> tuple[int, int]:
        """The range of tokens of the sentence that holds token ``token``."""
        if self.bounds is None:
            self.bounds = [bisect.bisect_left(self.starts, s.start) for s in sentences(self.text)]
        k = bisect.bisect_right(self.bounds, token) - 1
        lo = self.bounds[k] if k >= 0 else 0
        hi = self.bounds[k + 1] if k + 1 < len(self.bounds) else len(self.keys)
        return lo, hi


def _abbreviated(words: list[str], lines: list[int], i: int, key: str, stop: frozenset[str]) -> str:
    """The key of token ``i``: a stopword that is also an abbreviation (``abbreviations`` in
    ``data/naming_slots.toml``: "US", "WHO", "IT") written in capitals amid words of its line
    that are not ("the **US** economy", "**IT** staff") is the abbreviation, keyed with dots
    ("u.s.") so that it is neither the pronoun nor apart from "U.S.". In a line of capitals
    ("WHAT IT MEANS FOR US") it stays the stopword; so does a stopword written in capitals for
    emphasis ("he would **NOT** resign", "**ALL** of them"), which abbreviates nothing. Only
    the words of its own line are its neighbours: a heading in capitals above "The US economy
    grew" does not make "US" part of it. ``lines`` holds each token's line."""
    word = words[i]
    if key not in stop or key not in _slots().abbreviations:
        return key
    if len(word) < 2 or not (word.isalpha() and word.isupper()):
        return key
    line = lines[i]
    near = [
        w
        for k in (*range(max(0, i - 2), i), *range(i + 1, min(len(words), i + 3)))
        if lines[k] == line and (w := words[k])[:1].isalpha()
    ]
    if any(w.isupper() and len(w) > 1 for w in near) or not near:
        return key
    return "".join(f"{c}." for c in key)


def _group_texts(
    corpus: pd.DataFrame | Iterable[pd.DataFrame], by: str, a: str, b: str
) -> dict[str, list[str]]:
    if a == b:
        raise UsageError("compare two different groups", hint="give --target and --reference")
    texts: dict[str, list[str]] = {a: [], b: []}
    names: set[str] = set()
    for frame in [corpus] if isinstance(corpus, pd.DataFrame) else corpus:
        keys = group_keys(frame, by)
        names.update(keys)
        for key, text in zip(keys, frame["text"], strict=True):
            if key in texts and isinstance(text, str) and text.strip():
                texts[key].append(text)
    for name in (a, b):
        if not texts[name]:
            close = difflib.get_close_matches(name, sorted(names), n=3, cutoff=0.5)
            hint = (
                f"did you mean {', '.join(close)}?"
                if close
                else f"groups: {', '.join(sorted(names)[:15])}"
            )
            raise UsageError(f"no articles of {name!r} in --by {by}", hint=hint)
    return texts


def story_pairs(
    a: list[_Article], b: list[_Article], *, min_story: float = 0.1, keep: int = 3
) -> list[tuple[int, int]]:
    """(i, j) for each article of ``a`` and the articles of ``b`` that tell the same story: the
    cosine of their TF-IDF content words at least ``min_story`` and half the best one's (at most
    ``keep`` of them). Candidates are the articles sharing one of each article's ten most
    weighted words, so that the cost grows with the corpus, not with its square."""
    df: Counter[str] = Counter()
    for art in a + b:
        df.update(art.terms.keys())
    n = len(a) + len(b)

    def vector(art: _Article) -> dict[str, float]:
        w = {k: (1 + math.log(c)) * math.log(1 + n / df[k]) for k, c in art.terms.items()}
        norm = math.sqrt(sum(x * x for x in w.values())) or 1.0
        return {k: x / norm for k, x in w.items()}

    def top(v: dict[str, float]) -> list[str]:
        return sorted(v, key=lambda k: (-v[k], k))[:10]

    va, vb = [vector(x) for x in a], [vector(x) for x in b]
    index: dict[str, list[int]] = defaultdict(list)
    for j, v in enumerate(vb):
        for k in top(v):
            index[k].append(j)
    out = []
    for i, v in enumerate(va):
        near = {j for k in top(v) for j in index.get(k, ())}
        scored = sorted(((sum(x * vb[j].get(k, 0.0) for k, x in v.items()), j) for j in near),
                        key=lambda t: (-t[0], t[1]))  # fmt: skip
        if scored:
            best = scored[0][0]
            out += [(i, j) for c, j in scored[:keep] if c >= min_story and c >= best / 2]
    return out


@dataclass(frozen=True)
class _Slots:
    before: frozenset[str]
    not_after: frozenset[str]
    reporting: frozenset[str]
    joiners: frozenset[str]
    determiners: frozenset[str]
    abbreviations: frozenset[str]


@lru_cache(maxsize=1)
def _slots() -> _Slots:
    def data(name: str) -> dict:  # type: ignore[type-arg]
        return tomllib.loads(resources.files("corpuscli").joinpath(name).read_text("utf-8"))

    slots = data("data/naming_slots.toml")
    verbs = data("data/reporting_verbs.toml")
    reporting = {w for key in ("clause", "infinitive", "tail") for w in verbs[key]}
    return _Slots(frozenset(slots["before"]), frozenset(slots["not_after"]), frozenset(reporting),
                  frozenset(slots["joiners"]), frozenset(slots["determiners"]),
                  frozenset(slots["abbreviations"]))  # fmt: skip


def _word(key: str) -> bool:
    return key[0].isalnum() or key == "'s"


def _clean(fa: list[str], fb: list[str], stop: frozenset[str]) -> tuple[str, str, int, int] | None:
    """The two runs less the words they share at their ends and stopwords at their ends, with
    how many words each lost at its start; or None when what is left is no pair of names (see
    the module docstring, step 3)."""
    sa = sb = 0
    while fa and fb and fa[0] == fb[0]:
        fa, fb, sa, sb = fa[1:], fb[1:], sa + 1, sb + 1
    while fa and fb and fa[-1] == fb[-1]:
        fa, fb = fa[:-1], fb[:-1]
    while fa and (fa[0] in stop or fa[0] == "'s"):
        fa, sa = fa[1:], sa + 1
    while fb and (fb[0] in stop or fb[0] == "'s"):
        fb, sb = fb[1:], sb + 1
    while fa and fa[-1] in stop:
        fa = fa[:-1]
    while fb and fb[-1] in stop:
        fb = fb[:-1]
    if not fa or not fb or any(w in stop for w in fa + fb):
        return None  # a phrase with a stopword inside ("deal to exempt") is no name
    a, b = " ".join(fa), " ".join(fb)
    if _squeezed(a) == _squeezed(b):
        return None  # one word spelled two ways ("tax-filing" / "tax filing", "E.U." / "EU")
    if [stem(w) for w in fa] == [stem(w) for w in fb]:
        return None  # one word inflected two ways ("tariff" / "tariffs")
    if f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return None  # one inside the other ("Donald" / "Donald Trump")
    sa_, sb_ = {_stem_of(w) for w in fa}, {_stem_of(w) for w in fb}
    if sa_ <= sb_ or sb_ <= sa_:
        return None  # the same, written otherwise: "November's midterm congressional" / "November mid-term"
    if find_numbers(a) or find_numbers(b):
        return None  # numbers are not names
    return a, b, sa, sb


def _stem_of(word: str) -> str:
    """A word as :func:`_clean` compares runs: its stem, less a possessive and hyphens."""
    return stem(word.removesuffix("'s").replace("-", ""))


def _squeezed(term: str) -> str:
    return term.replace("-", "").replace(" ", "").replace(".", "")


def _spelling(a: str, b: str) -> bool:
    """Whether two common words are one word spelled two ways ("adviser" / "advisor"): one
    word each, at most one letter in five differing. Names are not: "Shusha" / "Shushi" and
    "Kiev" / "Kyiv" are what a naming difference is."""
    if " " in a or " " in b:
        return False
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.8


def overlap(x: _Article, p: int, y: _Article, q: int, terms: str, stop: frozenset[str]) -> float:
    """How much of the sentences that hold token ``p`` of x and token ``q`` of y is the same:
    their shared words (less stopwords and the words of ``terms``, the swap) over the words of
    the shorter. A swap in a passage two outlets share (a quote, wire copy) has most of its
    sentence in common; one in a phrase any story has ("said [Andrew Steer], president of")
    has little."""
    gone = set(terms.split())
    wx, wy = x.sentence_words(p, stop) - gone, y.sentence_words(q, stop) - gone
    return len(wx & wy) / max(1, min(len(wx), len(wy)))


def anchored_swaps(
    x: _Article, y: _Article, *, longest: int, stop: frozenset[str]
) -> list[tuple[str, str, int, int, float]]:
    """(term_a, term_b, token of x, token of y, overlap) for each passage of two articles that
    reads the same but for one swapped run of words (the module docstring, steps 2 and 3).
    A context written more than :data:`STOP_CONTEXT` times in either article aligns nothing,
    so that the work grows with the text, not with the square of a repeated phrase's count."""
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for q in range(ANCHOR, len(y.keys)):
        index[tuple(y.keys[q - ANCHOR : q])].append(q)
    written = Counter(tuple(x.keys[p - ANCHOR : p]) for p in range(ANCHOR, len(x.keys)))
    out = []
    for p in range(ANCHOR, len(x.keys)):
        left = tuple(x.keys[p - ANCHOR : p])
        if left not in index:
            continue
        if len(index[left]) > STOP_CONTEXT or written[left] > STOP_CONTEXT:
            continue  # a stop-context (:data:`STOP_CONTEXT`)
        content_left = any(_word(k) and k not in stop for k in left)
        for q in index[left]:
            for m in range(1, longest + 1):
                right = x.keys[p + m : p + m + ANCHOR]
                if len(right) < ANCHOR:
                    break
                if not any(_word(k) for k in right):
                    continue
                if not content_left and not any(_word(k) and k not in stop for k in right):
                    continue  # "of the [X] and the": no word of the story around it
                for n in range(1, longest + 1):
                    if y.keys[q + n : q + n + ANCHOR] != right or abs(m - n) > 1:
                        continue
                    swap = named_swap(x, p, m, y, q, n, stop)
                    if swap is not None:
                        ta, tb = swap
                        out.append((ta, tb, p, q, overlap(x, p, y, q, f"{ta} {tb}", stop)))
    return out


def aligned_sentence_swaps(
    x: _Article, y: _Article, *, longest: int, stop: frozenset[str], min_overlap: float
) -> list[tuple[str, str, int, int, float]]:
    """(term_a, term_b, token of x, token of y, overlap) for each run of words that two
    sentences swap, each sentence of x matched with the sentence of y that shares most of its
    words (at least ``min_overlap`` of the shorter's, stopwords aside) and the two aligned word
    by word: one word of the same context on each side of the swap is enough here ("said
    [Shusha] was" / "said [Shushi] was"), since the whole sentence vouches for the alignment,
    where :func:`anchored_swaps` needs two."""
    sx, sy = _sentence_ranges(x), _sentence_ranges(y)
    wy = [frozenset(k for k in y.keys[lo:hi] if _word(k) and k not in stop) for lo, hi in sy]
    out = []
    for lo, hi in sx:
        wx = frozenset(k for k in x.keys[lo:hi] if _word(k) and k not in stop)
        if len(wx) < 3:
            continue
        scored = [(len(wx & w) / max(1, min(len(wx), len(w))), -k) for k, w in enumerate(wy) if w]
        if not scored:
            continue
        share, k = max(scored)
        if share < min_overlap or (share >= 1.0 and wx == wy[-k]):
            continue  # no sentence of y like it, or the very same words
        ylo, yhi = sy[-k]
        matcher = difflib.SequenceMatcher(None, x.keys[lo:hi], y.keys[ylo:yhi], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            m, n = i2 - i1, j2 - j1
            if tag != "replace" or not (1 <= m <= longest and 1 <= n <= longest):
                continue
            p, q = lo + i1, ylo + j1
            if p <= lo or q <= ylo or p + m >= hi or q + n >= yhi:
                continue  # one word of context on each side
            if x.keys[p - 1] != y.keys[q - 1] or x.keys[p + m] != y.keys[q + n]:
                continue
            swap = named_swap(x, p, m, y, q, n, stop)
            if swap is not None:
                ta, tb = swap
                out.append((ta, tb, p, q, overlap(x, p, y, q, f"{ta} {tb}", stop)))
    return out


def _sentence_ranges(art: _Article) -> list[tuple[int, int]]:
    """The token range of each sentence of an article."""
    if art.bounds is None:
        art.sentence_tokens(0)
    bounds = [*(art.bounds or [0]), len(art.keys)]
    return [(lo, hi) for lo, hi in itertools.pairwise(bounds) if hi > lo]


def named_swap(
    x: _Article, p: int, m: int, y: _Article, q: int, n: int, stop: frozenset[str]
) -> tuple[str, str] | None:
    """The two terms when the run of ``m`` words at token ``p`` of x and the run of ``n``
    words at token ``q`` of y, with the same words around them, stand where a name stands and
    name one thing two ways (the module docstring, step 3); else None. The slot is read where
    the terms start and end once trimmed of stopwords: in "that [he is pulling] out" /
    "that [he was bowing] out" the terms "pulling" / "bowing" follow "is" / "was", a verb's
    place, not "that"; in "of [conducting a] confusing" / "of [carrying out a] confusing" they
    are followed by "a", as a verb is by its object."""
    slots = _slots()
    fa, fb = x.keys[p : p + m], y.keys[q : q + n]
    left, right = x.keys[p - 1], x.keys[p + m] if p + m < len(x.keys) else "."
    if not all(_word(k) for k in fa + fb):
        return None
    if any(k in slots.reporting for k in (*fa, *fb, left, right)):
        return None  # who said what ("Williams said" / "Perez said"), not a name
    pair = _clean(fa, fb, stop)
    if pair is None:
        return None
    ta, tb, sa, sb = pair
    ea, eb = p + sa + len(ta.split()), q + sb + len(tb.split())  # just after each term
    after = [art.keys[e] if e < len(art.keys) else "." for art, e in ((x, ea), (y, eb))]
    if any(k in slots.not_after for k in after):
        return None  # a verb and its object ("to [tilt] the election"), not a name
    capital = x.capital[p + sa]
    if capital != y.capital[q + sb]:
        return None  # a name against a common word ("Robert Mueller hopes" / "like")
    if not capital and _spelling(ta, tb):
        return None  # "adviser" / "advisor"
    if y.in_sentence(q, ta) or x.in_sentence(p, tb):
        return None  # both write both here: a list in another order, not two names
    if capital and (
        (p + m < len(x.keys) and x.capital[p + m] and right not in stop and _word(right))
        or (x.capital[p - 1] and left not in stop and _word(left))
    ):
        return None  # a part of a longer name ("[Wendy] Wasserman Schultz")
    named = left in slots.before or ((x.capital[p] or y.capital[q]) and left not in ".!?")
    if not named:
        return None  # not where a name stands ("the [occupied] territories", "[Shusha]")
    before = (x.keys[p + sa - 1], y.keys[q + sb - 1])
    if any(k in stop and k not in slots.before for k in before):
        return None  # what a trimmed word leaves is a verb's place ("he is [pulling] out")
    return ta, tb


def _initials(art: _Article, stop: frozenset[str]) -> dict[str, list[int]]:
    """Where each abbreviation of the article is written: a word of two to six capitals, with or
    without dots ("EU", "U.K.", "DNC"), keyed by its letters; not a stopword written in
    capitals ("US" for "us" is left out: it cannot be counted apart from the pronoun).
    Found once per article."""
    if art.abbreviations is None:
        out: dict[str, list[int]] = defaultdict(list)
        for i, (word, key) in enumerate(zip(art.words, art.keys, strict=True)):
            letters = word.replace(".", "")
            short = 2 <= len(letters) <= LONGEST_ABBREVIATION
            if short and letters.isalpha() and letters.isupper() and key not in stop:
                out[letters].append(i)
        art.abbreviations = dict(out)
    return art.abbreviations


def _expansions(
    art: _Article, letters: set[str] | dict[str, list[int]], stop: frozenset[str]
) -> list[tuple[str, str, int]]:
    """(letters, phrase, token) for each run of capitalised words whose initials spell one of
    ``letters`` ("European Union" for EU, "Democratic National Committee" for DNC); the small
    words of a name ("of", "and", ``data/naming_slots.toml``) may stand between them and
    count for no letter."""
    if art.names is None:
        art.names = _names(art, stop)
    return [name for name in art.names if name[0] in letters]


def _names(art: _Article, stop: frozenset[str]) -> list[tuple[str, str, int]]:
    """(initials, phrase, token) for each run of capitalised words that could be the name in
    full of an abbreviation: two to six initials, not followed by another capitalised word."""
    joiners = _slots().joiners
    out = []
    keys, words = art.keys, art.words
    longest = LONGEST_ABBREVIATION
    for i in range(len(keys)):
        if not art.capital[i] or not words[i][:1].isalpha() or words[i].isupper():
            continue
        if keys[i] in stop:
            continue  # "Now Kim" at the start of a sentence is no "NK"
        spelled = ""
        for j in range(i, min(len(keys), i + 2 * longest)):
            if keys[j] in joiners and j > i:
                continue
            if not art.capital[j] or not words[j][:1].isalpha() or words[j].isupper():
                break
            if keys[j] in stop:
                break
            spelled += words[j][0].upper()
            more = j + 1 < len(keys) and art.capital[j + 1] and words[j + 1][:1].isalpha()
            if len(spelled) >= 2 and keys[j] not in joiners and not more:
                phrase = " ".join(keys[i : j + 1])  # "North Korea's" is "North Korea"
                out.append((spelled, phrase.removesuffix("'s"), i))
            if len(spelled) >= longest:
                break
    return out


def defined_abbreviations(art: _Article, stop: frozenset[str]) -> set[frozenset[str]]:
    """The abbreviations an article writes after their names in full, as a reporter spells a
    name out before abbreviating it ("the National Rifle Association (NRA)", or "the NRA" later
    on), each as the set of the two terms: what makes an abbreviation of one outlet and a name
    of another one name rather than a coincidence of initials ("TV" / "Thursday in Virginia",
    "DNC" / a page's closing "Daily Newsletters Copyright"). Of two names with the same
    initials written before it ("the Republican National Convention", then "the Republican
    National Committee (RNC)"), the abbreviation stands for the nearer one."""
    short = _initials(art, stop)
    nearest: dict[str, tuple[int, str]] = {}
    for letters, phrase, at in _expansions(art, short, stop):
        first = short[letters][0]
        if at < first and at > nearest.get(letters, (-1, ""))[0]:
            nearest[letters] = (at, phrase)
    return {frozenset((art.keys[short[k][0]], phrase)) for k, (_, phrase) in nearest.items()}


def chosen_expansions(defined: Iterable[set[frozenset[str]]]) -> set[frozenset[str]]:
    """Of the pairs :func:`defined_abbreviations` finds in each article, for each abbreviation
    the name in full most articles define it as (all of them on a tie): an acronym is one body
    in a collection ("RNC" is the committee, not also the convention)."""
    votes: Counter[frozenset[str]] = Counter()
    for pairs in defined:
        votes.update(pairs)
    best: dict[str, int] = {}
    for pair, n in votes.items():
        for term in pair:
            best[term] = max(best.get(term, 0), n)
    return {pair for pair, n in votes.items() if all(n == best[t] or " " in t for t in pair)}


def abbreviation_pairs(
    x: _Article, y: _Article, stop: frozenset[str]
) -> list[tuple[str, str, int, int, float]]:
    """(term_a, term_b, token of x, token of y, overlap) for each abbreviation one article
    writes where the other writes the name in full ("EU" / "European Union", "U.K." / "United
    Kingdom"), once per pair of terms, at the two places whose sentences have the most in
    common (:func:`overlap`). The places compared are the first :data:`PLACES` sentences
    that hold each term: an article that writes one abbreviation in every sentence costs as
    much as one that writes it :data:`PLACES` times, not the square of its count."""
    out = []
    for first, second, flip in ((x, y, False), (y, x, True)):
        short = _initials(first, stop)
        found: dict[tuple[str, str], list[int]] = defaultdict(list)
        for letters, phrase, at in _expansions(second, short, stop):
            found[(letters, phrase)].append(at)
        for (letters, phrase), places in sorted(found.items()):
            terms = f"{first.keys[short[letters][0]]} {phrase}"
            mine = _sentence_firsts(first, short[letters])
            theirs = _sentence_firsts(second, places)
            best, pos, at = max(
                (overlap(first, i, second, j, terms, stop), i, j) for i in mine for j in theirs
            )
            if flip:
                out.append((phrase, first.keys[pos], at, pos, best))
            else:
                out.append((first.keys[pos], phrase, pos, at, best))
    return out


#: The most sentences of each article :func:`abbreviation_pairs` compares for one pair.
PLACES = 8


def _sentence_firsts(art: _Article, tokens: list[int]) -> list[int]:
    """Of ``tokens`` (in order), the first in each sentence, for the first :data:`PLACES`
    sentences."""
    out: list[int] = []
    seen: set[int] = set()
    for t in tokens:
        lo = art.sentence_tokens(t)[0]
        if lo not in seen:
            seen.add(lo)
            out.append(t)
            if len(out) >= PLACES:
                break
    return out


def _undotted(key: str, stop: frozenset[str]) -> str:
    """A word less the dots of an abbreviation, unless that makes it a stopword: "d.n.c." is
    "dnc", "u.s." stays "u.s." (not "us")."""
    plain = key.replace(".", "")
    return key if plain in stop else plain


def _phrase_counts(
    texts: list[_Article], phrases: set[str], longest: int, stop: frozenset[str]
) -> Counter[str]:
    """How often each phrase is written, with or without the dots of an abbreviation: "D.N.C."
    and "DNC" are one way of naming the committee, counted together."""
    folded: dict[str, list[str]] = defaultdict(list)
    for phrase in phrases:
        folded[" ".join(_undotted(w, stop) for w in phrase.split())].append(phrase)
    seen: Counter[str] = Counter()
    for art in texts:
        keys = [_undotted(k, stop) for k in art.keys if _word(k)]
        for n in range(1, longest + 1):
            for i in range(len(keys) - n + 1):
                phrase = " ".join(keys[i : i + n])
                if phrase in folded:
                    seen[phrase] += 1
    return Counter({p: seen[f] for f, ps in folded.items() for p in ps})


def described_pairs(
    x: _Article, y: _Article, stop: frozenset[str]
) -> list[tuple[str, str, int, int]]:
    """(term_a, term_b, token of x, token of y) for each entity both articles describe
    (:mod:`corpuscli.analysis.naming_roles`: "North Korean **dictator** Kim Jong Un" /
    "North Korean **leader** Kim Jong Un") with a description the other article does not
    write of it, trimmed as an aligned swap is (:func:`_clean`). Reporting verbs are no
    description ("said Kim"), nor is one common word spelled two ways."""
    reporting = _slots().reporting
    rx, ry = x.roles or {}, y.roles or {}
    out = []
    for entity in sorted(rx.keys() & ry.keys()):
        dx, dy = rx[entity], ry[entity]
        for da, p in sorted(dx.items()):
            if da in dy:
                continue
            for db, q in sorted(dy.items()):
                if db in dx:
                    continue
                pair = _clean(da.split(), db.split(), stop)
                if pair is None:
                    continue
                ta, tb, sa, sb = pair
                if any(w in reporting for w in (*ta.split(), *tb.split())) or _spelling(ta, tb):
                    continue
                out.append((ta, tb, p + sa, q + sb))
    return out


def _read_roles(arts: list[_Article], stop: frozenset[str]) -> None:
    """Each article's descriptions of the names it writes, entity -> description -> token (the
    first place), read with what the whole collection tells of its words: which are names,
    which are nouns (:mod:`corpuscli.analysis.naming_roles`)."""
    lower: Counter[str] = Counter()
    nouns: Counter[str] = Counter()
    openers, generic = _slots().before, story_stopwords() | _slots().reporting
    for art in arts:
        lower_uses(art.keys, art.words, lower)
        noun_uses(art.keys, stop, _slots().determiners, nouns)
    for art in arts:
        roles: dict[str, dict[str, int]] = defaultdict(dict)
        for entity, description, at in descriptions(
            art.keys,
            art.capital,
            lower,
            nouns,
            stop,
            openers,
            _slots().determiners,
            generic,
            _line_starts(art),
        ):
            roles[entity].setdefault(description, at)
        art.roles = dict(roles)


def _line_starts(art: _Article) -> list[bool]:
    """Whether each token of the article is the first of a line: its line (the line breaks
    before it, counted once when the article is read) is not the previous token's."""
    lines = art.lines
    return [False, *(a != b for a, b in itertools.pairwise(lines))][: len(lines)]


def naming_differences(
    corpus: pd.DataFrame | Iterable[pd.DataFrame],
    *,
    by: str = "source",
    a: str,
    b: str,
    aliases: str | None = None,
    min_count: int = 1,
    min_story: float = 0.1,
    min_preference: float = 0.5,
    min_score: float = 0.0,
    min_overlap: float = 0.4,
    min_exclusive: int = 0,
    min_sentence_overlap: float | None = None,
    min_modifier: int = 2,
    min_described: int | None = 2,
    min_statement: float | None = None,
    longest: int = 3,
    top: int | None = 50,
) -> pd.DataFrame:
    """Pairs of terms that group ``a`` and group ``b`` (values of column ``by``) use for the same
    thing, found in passages the two groups share (see the module docstring): columns term_a,
    term_b, a_in_A, a_in_B, b_in_A, b_in_B (how often each term is written by each group), swaps
    (aligned passages that swap them; for a description, the pairs of articles that show
    it), preference, score, basis (aligned, abbreviation, described, declared, or
    exclusive and statement: see ``min_exclusive``, ``min_described`` and ``min_statement``
    in the module docstring, steps 5, 7 and 8; and ``min_modifier``,
    ``min_sentence_overlap``, steps 4 and 6), example_a,
    example_b (the sentences of one such passage, or for an abbreviation one sentence of each
    side that writes it its way). Declared pairs come first, then the found ones by score."""
    texts = _group_texts(corpus, by, a, b)
    stop = load_stopwords("en")
    arts_a = [_Article.of(t, stop) for t in texts[a]]
    arts_b = [_Article.of(t, stop) for t in texts[b]]
    found: Counter[tuple[str, str]] = Counter()
    described: Counter[tuple[str, str]] = Counter()  # one entity described two ways
    slotted: Counter[tuple[str, str]] = Counter()  # aligned statements, each its own term
    loose: Counter[tuple[str, str]] = Counter()  # swaps outside a shared passage
    where: dict[tuple[str, str], tuple[int, int, int, int]] = {}
    short: set[tuple[str, str]] = set()
    spelled: dict[tuple[str, str], tuple[str, str]] = {}  # the first spelling of each
    modifiers: set[tuple[str, str]] = set()
    best: dict[tuple[str, str], float] = {}
    defined = {
        frozenset(_undotted(t, stop) for t in pair)
        for pair in chosen_expansions(defined_abbreviations(x, stop) for x in arts_a + arts_b)
    }

    def seen(pair: tuple[str, str], at: tuple[int, int, int, int], shared: float) -> None:
        if shared > best.get(pair, -1.0):  # the example: the passage most alike
            best[pair], where[pair] = shared, at

    if min_described is not None:
        _read_roles(arts_a + arts_b, stop)
    for i, j in story_pairs(arts_a, arts_b, min_story=min_story):
        if min_statement is not None:
            for ta, tb, p, q, _ in aligned_sentence_swaps(
                arts_a[i], arts_b[j], longest=longest, stop=stop, min_overlap=min_statement
            ):
                if arts_a[i].writes(tb, longest) or arts_b[j].writes(ta, longest):
                    continue  # each article of the story keeps to its own term, or no pair
                if _modifier(arts_a[i], p, ta, stop) or _modifier(arts_b[j], q, tb, stop):
                    modifiers.add((ta, tb))
                slotted[(ta, tb)] += 1
                seen((ta, tb), (i, j, p, q), -0.5)
        if min_described is not None:
            for ta, tb, p, q in described_pairs(arts_a[i], arts_b[j], stop):
                described[(ta, tb)] += 1
                seen((ta, tb), (i, j, p, q), 0.0)
        swaps = set(anchored_swaps(arts_a[i], arts_b[j], longest=longest, stop=stop))
        if min_sentence_overlap is not None:
            swaps.update(
                aligned_sentence_swaps(
                    arts_a[i],
                    arts_b[j],
                    longest=longest,
                    stop=stop,
                    min_overlap=max(min_overlap, min_sentence_overlap),
                )
            )
        for ta, tb, p, q, shared in sorted(swaps):
            if _modifier(arts_a[i], p, ta, stop) or _modifier(arts_b[j], q, tb, stop):
                modifiers.add((ta, tb))
            if shared >= min_overlap:
                found[(ta, tb)] += 1
            elif min_exclusive:
                loose[(ta, tb)] += 1
            else:
                continue
            seen((ta, tb), (i, j, p, q), shared)
        for ta, tb, p, q, shared in abbreviation_pairs(arts_a[i], arts_b[j], stop):
            if _squeezed(ta) == _squeezed(tb):
                continue
            plain = (_undotted(ta, stop), _undotted(tb, stop))
            if shared >= min_overlap or frozenset(plain) in defined:
                pair = spelled.setdefault(plain, (ta, tb))  # "F.T.C." and "FTC": one row
                short.add(pair)
                seen(pair, (i, j, p, q), shared)
    declared = read_aliases(aliases) if aliases else []
    evidence = found + Counter(short)  # an abbreviation counts as one passage
    kept = sorted(pair for pair, n in evidence.items() if n >= min_count)
    maybe = sorted(pair for pair, n in loose.items() if n >= min_count and pair not in evidence)
    roles = sorted(
        pair
        for pair, n in described.items()
        if min_described is not None and n >= max(min_count, min_described) and pair not in evidence
    )
    slots = sorted(
        pair
        for pair, n in slotted.items()
        if min_statement is not None
        and n >= min_count
        and pair not in evidence
        and pair not in described
    )
    phrases = {t for pair in kept + maybe + roles + slots + declared for t in pair}
    span = max([longest, *(len(t.split()) for t in phrases)])
    in_a = _phrase_counts(arts_a, phrases, span, stop)
    in_b = _phrase_counts(arts_b, phrases, span, stop)

    def example(pair: tuple[str, str]) -> tuple[str, str] | None:
        if pair not in where:
            return None
        i, j, p, q = where[pair]
        return arts_a[i].sentence_at(p), arts_b[j].sentence_at(q)

    rows = [
        _row(x, y, in_a, in_b, found[(x, y)], evidence[(x, y)], "declared", example((x, y)))
        for x, y in declared
    ]
    for x, y in kept:
        if (x, y) in declared:
            continue
        basis = "aligned" if found[(x, y)] else "abbreviation"
        row = _row(x, y, in_a, in_b, found[(x, y)], evidence[(x, y)], basis, None)
        if min_modifier and (x, y) in modifiers and not _exclusive(x, y, in_a, in_b, min_modifier):
            continue  # a word before a noun both write ("a [crucial] step" / "a [huge] step")
        if row["preference"] >= min_preference and row["score"] > min_score:
            row["example_a"], row["example_b"] = example((x, y)) or (None, None)
            rows.append(row)
    for x, y in maybe:
        if (x, y) in declared or not _exclusive(x, y, in_a, in_b, min_exclusive):
            continue
        row = _row(x, y, in_a, in_b, loose[(x, y)], loose[(x, y)], "exclusive", example((x, y)))
        if row["score"] > min_score:
            rows.append(row)
    for x, y in roles:
        if (x, y) in declared:
            continue
        row = _row(x, y, in_a, in_b, described[(x, y)], described[(x, y)], "described", None)
        if row["preference"] >= min_preference and row["score"] > min_score:
            row["example_a"], row["example_b"] = example((x, y)) or (None, None)
            rows.append(row)
    for x, y in slots:
        if (x, y) in declared:
            continue
        if min_modifier and (x, y) in modifiers and not _exclusive(x, y, in_a, in_b, min_modifier):
            continue
        row = _row(x, y, in_a, in_b, slotted[(x, y)], slotted[(x, y)], "statement", None)
        if row["preference"] >= min_preference and row["score"] > min_score:
            row["example_a"], row["example_b"] = example((x, y)) or (None, None)
            rows.append(row)
    if not rows:  # an answer, not a fault: exit 3, as a search that finds nothing
        raise NotFound(
            f"no naming differences found between {a!r} and {b!r}",
            hint="the two groups share too few passages of one story: declare known pairs with --aliases",
        )
    out = pd.DataFrame(rows, columns=list(COLUMNS))
    first = out[out["basis"] == "declared"]  # in the order of the aliases file
    rest = out[out["basis"] != "declared"].sort_values(
        ["score", "swaps", "term_a", "term_b"], ascending=[False, False, True, True], kind="stable"
    )
    out = pd.concat([first, rest], ignore_index=True)
    return out if top is None else out.head(top)


def _modifier(art: _Article, at: int, term: str, stop: frozenset[str]) -> bool:
    """Whether ``term``, written from about token ``at``, is a common word before a common noun
    ("a [crucial] step", "the [prior] week", "the [occupied] territories"): a word that
    describes the thing rather than names it, unless each side keeps to its own."""
    words = term.split()
    n = len(words)
    for i in range(at, min(at + 4, len(art.keys) - n)):
        if art.keys[i : i + n] == words:
            nxt = art.keys[i + n]
            return not art.capital[i] and _word(nxt) and nxt not in stop and not art.capital[i + n]
    return False


def _exclusive(x: str, y: str, in_a: Counter[str], in_b: Counter[str], least: int) -> bool:
    """Whether each group writes its own term of a pair at least ``least`` times and never the
    other's, across all its articles: what makes a swap outside a shared passage ("the North
    Korean [dictator]" / "the North Korean [leader]" in two sentences of their own) a name each
    side keeps to rather than a reworded phrase, which both sides write somewhere."""
    return in_a[x] >= least and in_b[y] >= least and not in_a[y] and not in_b[x]


def _row(
    x: str,
    y: str,
    in_a: Counter[str],
    in_b: Counter[str],
    n: int,
    evidence: int,
    basis: str,
    example: tuple[str, str] | None,
) -> _Row:
    xa, xb, ya, yb = in_a[x], in_b[x], in_a[y], in_b[y]
    prefer_a = xa / (xa + ya) if xa + ya else 0.0  # A writes x rather than y
    prefer_b = yb / (xb + yb) if xb + yb else 0.0  # B writes y rather than x
    score = evidence * (max(0.0, prefer_a - 0.5) + max(0.0, prefer_b - 0.5))
    return {"term_a": x, "term_b": y, "a_in_A": xa, "a_in_B": xb, "b_in_A": ya, "b_in_B": yb,
            "swaps": n, "preference": round(min(prefer_a, prefer_b), 4), "score": round(score, 4),
            "basis": basis, "example_a": example[0] if example else None,
            "example_b": example[1] if example else None}  # fmt: skip
