"""How alike two articles' stories are, and which pairs are worth asking about.

An article is described by its TF-IDF vector (sublinear term frequency, its ``vector_terms``
heaviest content words, unit length), its title's content words and its quote signatures
(:mod:`corpuscli.coverage.story_features`). Two articles' **score** is

    cosine of the vectors + 0.5 x Jaccard of the title words + 0.1 per statement both quote (up to 3)

where a statement is quoted by both when two quote signatures share at least
:data:`MIN_SHARED_STEMS` stems and half the stems of the shorter one: the same words in any order,
so a translation or a split quote still matches (quotes are compared when the cosine reaches
:data:`QUOTE_FLOOR`). A link's **support** is the score less a penalty when either article is
undated (:meth:`StoryIndex.penalty`): two dated articles within ``max_days`` of each other have
one more piece of evidence that they report one event.

**Candidates** are found without comparing every pair: each article's ``keywords`` heaviest terms
are its keys, and two articles are candidates when they share two keys that together weigh
:data:`KEY_FLOOR` in their cosine. A term that more than
``max_df`` of the articles contain is not a key, but only above :data:`MIN_INDEXED_DF` articles;
and a collection of :data:`ALL_PAIRS_UP_TO` articles or fewer compares every pair. So a small,
focused collection (five outlets on one event, where every word of the story is in every article)
finds its pairs as a large one does. Dated articles meet only those within ``max_days`` of them;
an undated article meets every article that shares its keys.

The vectors are arrays (one row of term ids and weights per article) and candidates are found and
scored with vectorised NumPy: the corpus-sized work costs a few seconds for 37,000 articles.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

import numpy as np
import pandas as pd

from corpuscli.text.tokens import Tokenizer

from .story_features import QUOTE, Features, story_stopwords

#: Weights of the title-overlap and shared-statement bonuses (see the module docstring).
TITLE_WEIGHT = 0.5
QUOTE_WEIGHT = 0.1
MAX_QUOTE_BONUS = 3
#: Two quote signatures are one statement when they share this many stems, and half the shorter.
MIN_SHARED_STEMS = 3
SHARED_SHARE = 0.5
#: Quotes are compared only for articles whose vectors already agree this much: articles with
#: nothing else in common do not share a statement (and most candidate pairs are spared).
QUOTE_FLOOR = 0.05
#: What a link between two articles loses when either is undated, times the share of the
#: articles that are dated (see :meth:`StoryIndex.penalty`).
UNDATED_PENALTY = 0.1
#: A term is a key whatever its document frequency up to this many articles.
MIN_INDEXED_DF = 50
#: Two articles are candidates when the keys they share weigh this much in their cosine.
KEY_FLOOR = 0.04
#: Collections this small compare every pair of articles from different groups.
ALL_PAIRS_UP_TO = 300
#: Key sharings of undated articles handled at once (bounds the memory of finding candidates).
_TRIPLES = 500_000
#: Articles whose vectors are made at a time (bounds the memory of :func:`build_index`).
_INDEXED = 4096
#: Cells of the dense block that scoring spreads vectors into (8 bytes each).
_DENSE_CELLS = 4_000_000
#: Article vectors kept as dictionaries at a time (some 5 kB each: the scores of a corpus's
#: stories ask about most of its articles, and kept all they took 200 MB on 37,000 articles).
_VECTORS = 4096


@dataclass(frozen=True)
class PairScore:
    """The score of two articles and its parts."""

    score: float
    cosine: float
    title_overlap: float
    shared_quotes: int


@dataclass
class StoryIndex:
    """Everything scoring needs of every article; built once by :func:`build_index`.

    Article ``i``'s vector is ``terms[vterm[vptr[i]:vptr[i + 1]]]`` with weights ``vw[…]``,
    heaviest first; ``key`` marks the entries that are its keys."""

    groups: list[str]
    days: np.ndarray
    terms: np.ndarray
    df: np.ndarray
    vptr: np.ndarray
    vterm: np.ndarray
    vw: np.ndarray
    key: np.ndarray
    titles: list[frozenset[str]]
    tptr: np.ndarray
    tterm: np.ndarray
    quotes: list[list[frozenset[str]]]
    _vectors: dict[int, dict[int, float]] = field(default_factory=dict, repr=False)
    _cache: dict[tuple[int, int], PairScore] = field(default_factory=dict, repr=False)
    _penalty: float | None = field(default=None, repr=False)
    _dense: np.ndarray | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.groups)

    @property
    def penalty(self) -> float:
        """What a link with an undated article loses: :data:`UNDATED_PENALTY` times the share of
        the articles that are dated. Where dates are the rule, an undated article (which meets
        articles of any time) lacks evidence the others have; where no article is dated, every
        pair is judged alike, by content alone."""
        if self._penalty is None:  # asked for each undated pair clustering weighs: once
            days = self.days
            self._penalty = UNDATED_PENALTY * float((~np.isnan(days)).mean()) if len(days) else 0.0
        return self._penalty

    def days_apart(self, i: int, j: int) -> float:
        """Days between two articles, NaN when either is undated."""
        return abs(float(self.days[i]) - float(self.days[j]))

    def vector(self, i: int) -> dict[int, float]:
        """Article ``i``'s vector as {term id: weight} (kept for the last articles asked
        about, up to :data:`_VECTORS`)."""
        found = self._vectors.get(i)
        if found is None:
            if len(self._vectors) >= _VECTORS:
                self._vectors.clear()  # made again when asked: the same dictionary
            a, b = self.vptr[i], self.vptr[i + 1]
            found = self._vectors[i] = dict(
                zip(self.vterm[a:b].tolist(), self.vw[a:b].tolist(), strict=True)
            )
        return found

    def cosine(self, i: int, j: int) -> float:
        vi, vj = self.vector(i), self.vector(j)
        if len(vj) < len(vi):
            vi, vj = vj, vi
        # fsum is exact, so the order of the shared terms cannot change the result
        return math.fsum(w * vj[t] for t, w in vi.items() if t in vj)

    def shared_quotes(self, i: int, j: int) -> int:
        """Statements both articles quote (each side's quote counted once)."""
        qi, qj = self.quotes[i], self.quotes[j]
        if not qi or not qj:
            return 0
        hit_i: set[int] = set()
        hit_j: set[int] = set()
        for a, sa in enumerate(qi):
            for b, sb in enumerate(qj):
                n = len(sa & sb)
                if n >= MIN_SHARED_STEMS and n >= SHARED_SHARE * min(len(sa), len(sb)):
                    hit_i.add(a)
                    hit_j.add(b)
        return min(len(hit_i), len(hit_j))

    def score(self, i: int, j: int) -> PairScore:
        """The score of articles ``i`` and ``j`` (cached)."""
        found = self._cache.get((i, j) if i < j else (j, i))
        return found if found is not None else self.scores([(i, j)])[0]

    def scores(self, pairs: Sequence[tuple[int, int]]) -> list[PairScore]:
        """The scores of many pairs, each the one :meth:`score` gives (cached): the cosines of
        the pairs not scored yet are worked out together, each the exact sum of the same
        products (``math.fsum``, which no order of the products changes)."""
        cache = self._cache
        keys = [(i, j) if i < j else (j, i) for i, j in pairs]
        missing = sorted({k for k in keys if k not in cache})  # each article's pairs together
        if missing:
            titles = self.titles
            for (i, j), cosine in zip(missing, self._cosines(missing), strict=True):
                ti, tj = titles[i], titles[j]
                overlap = len(ti & tj) / len(ti | tj) if ti and tj else 0.0
                shared = self.shared_quotes(i, j) if cosine >= QUOTE_FLOOR else 0
                cache[i, j] = PairScore(_score(cosine, overlap, shared), cosine, overlap, shared)
        return [cache[k] for k in keys]

    def _cosines(self, pairs: Sequence[tuple[int, int]]) -> list[float]:
        """The cosine of each pair, as :meth:`cosine` gives it: ``math.fsum`` of the products of
        the weights of the terms both vectors hold (the other terms' products, zeros, add
        nothing to an exact sum). One article's vector at a time is spread into a dense row,
        and the other's terms read from it: a few array operations a pair, no dictionary."""
        if self._dense is None or len(self._dense) != len(self.terms):
            self._dense = np.zeros(len(self.terms))
        dense, vterm, vw, fsum = self._dense, self.vterm, self.vw, math.fsum
        ptr = self.vptr
        out = []
        loaded = -1
        for i, j in pairs:
            if i != loaded:
                if loaded >= 0:
                    dense[vterm[ptr[loaded] : ptr[loaded + 1]]] = 0.0
                dense[vterm[ptr[i] : ptr[i + 1]]] = vw[ptr[i] : ptr[i + 1]]
                loaded = i
            a, b = ptr[j], ptr[j + 1]
            out.append(fsum((dense[vterm[a:b]] * vw[a:b]).tolist()))
        if loaded >= 0:
            dense[vterm[ptr[loaded] : ptr[loaded + 1]]] = 0.0
        return out

    def support(self, i: int, j: int) -> float:
        """The score, less :data:`UNDATED_PENALTY` when either article is undated."""
        score = self.score(i, j).score
        return score - self.penalty if math.isnan(self.days_apart(i, j)) else score

    def supports(self, pairs: Sequence[tuple[int, int]]) -> list[float]:
        """:meth:`support` of each pair, the pairs not scored yet scored together."""
        days, penalty = self.days, self.penalty
        return [
            s.score - penalty if math.isnan(days[i]) or math.isnan(days[j]) else s.score
            for (i, j), s in zip(pairs, self.scores(pairs), strict=True)
        ]

    def score_pairs(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """The support of many pairs (a[k], b[k]) at once, vectorised but for the quotes."""
        cosines = _lookup_sums(self.vptr, self.vterm, self.vw, a, b, len(self.terms))
        tlen = np.diff(self.tptr)
        ones = np.ones(len(self.tterm))
        shared_words = _lookup_sums(self.tptr, self.tterm, ones, a, b, self.title_width)
        union = tlen[a] + tlen[b] - shared_words
        overlap = np.where(
            (tlen[a] > 0) & (tlen[b] > 0), shared_words / np.where(union > 0, union, 1), 0.0
        )
        shared = np.zeros(len(a), dtype=np.int64)
        has_quotes = np.fromiter((bool(q) for q in self.quotes), bool, len(self))
        for k in np.flatnonzero((cosines >= QUOTE_FLOOR) & has_quotes[a] & has_quotes[b]).tolist():
            shared[k] = self.shared_quotes(int(a[k]), int(b[k]))
        out = _total(cosines, overlap, shared)
        undated = np.isnan(self.days[a]) | np.isnan(self.days[b])
        scored: np.ndarray = np.where(undated, out - self.penalty, out)
        return scored

    @property
    def title_width(self) -> int:
        return int(self.tterm.max()) + 1 if len(self.tterm) else 1

    def shared_terms(self, i: int, j: int, top: int = 6) -> list[str]:
        vi, vj = self.vector(i), self.vector(j)
        shared = sorted(vi.keys() & vj.keys(), key=lambda t: (-(vi[t] + vj[t]), self.terms[t]))
        return [str(self.terms[t]) for t in shared[:top]]

    def top_terms(self, i: int) -> list[tuple[str, float]]:
        """Article ``i``'s vector as (term, weight), heaviest first."""
        a, b = self.vptr[i], self.vptr[i + 1]
        return list(zip(self.terms[self.vterm[a:b]].tolist(), self.vw[a:b].tolist(), strict=True))


def _total(cosine: Any, overlap: Any, shared: Any) -> Any:
    """The score from its parts (scalars or arrays)."""
    return cosine + TITLE_WEIGHT * overlap + QUOTE_WEIGHT * np.minimum(MAX_QUOTE_BONUS, shared)


def _score(cosine: float, overlap: float, shared: int) -> np.float64:
    """:func:`_total` of one pair's parts, without NumPy's cost per call on scalars: the same
    operations in the same order, and the same type (a NumPy float, which ``round`` rounds
    as NumPy does)."""
    return np.float64(cosine + TITLE_WEIGHT * overlap + QUOTE_WEIGHT * min(MAX_QUOTE_BONUS, shared))


def day_numbers(published: pd.Series) -> np.ndarray:
    """Days since 1970 of each publication time, NaN when unknown."""
    epoch = pd.Timestamp("1970-01-01", tz="UTC")
    return (published - epoch).dt.total_seconds().to_numpy(dtype=float, na_value=np.nan) / 86400


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The concatenation of ``range(s, s + n)`` for each start and length."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    positions: np.ndarray = np.repeat(starts.astype(np.int64), lengths) + offsets
    return positions


def build_index(
    corpus: pd.DataFrame,
    groups: Sequence[str],
    features: Features,
    *,
    keywords: int = 30,
    vector_terms: int = 60,
) -> StoryIndex:
    """The :class:`StoryIndex` of a corpus from its features (in the corpus's order)."""
    n, lengths = len(features), features.lengths
    # term ids in alphabetical order, so that ties between weights fall the same way every time
    alphabetical = np.argsort(np.asarray(features.terms, dtype=object), kind="stable")
    terms = np.asarray(features.terms, dtype=object)[alphabetical]
    rank = np.empty(len(terms), dtype=np.int64)
    rank[alphabetical] = np.arange(len(terms))
    every = rank[features.codes] if len(features.codes) else np.zeros(0, dtype=np.int64)
    df = np.bincount(every, minlength=len(terms))
    del every
    idf = np.log((1 + n) / (1 + df)) + 1
    bounds = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    parts = []
    # each article's vector is its own (but for the idf): made a few thousand articles at a
    # time, the corpus's (article, term) entries are never sorted all at once (on the corpus
    # seven million of them, with their weights, order and places: some 400 MB)
    for lo in range(0, n, _INDEXED):
        hi = min(n, lo + _INDEXED)
        entries = slice(int(bounds[lo]), int(bounds[hi]))
        codes = (
            rank[features.codes[entries]] if len(features.codes) else np.zeros(0, dtype=np.int64)
        )
        counts = features.counts[entries].astype(np.float64)
        weight = (1 + np.log(counts)) * idf[codes]
        doc = np.repeat(np.arange(lo, hi, dtype=np.int64), lengths[lo:hi])
        # heaviest first within each article, ties by term
        order = np.lexsort((codes, -weight, doc))
        place = np.arange(len(order)) - np.repeat(bounds[lo:hi] - bounds[lo], lengths[lo:hi])
        kept = order[place < vector_terms]
        parts.append((doc[kept], codes[kept], weight[kept], place[place < vector_terms] < keywords))
    vdoc, vterm, vw, key = (
        np.concatenate([p[k] for p in parts]) if parts else np.zeros(0, dtype=d)
        for k, d in enumerate((np.int64, np.int64, np.float64, bool))
    )
    del parts
    norm = np.sqrt(np.bincount(vdoc, weights=vw * vw, minlength=n))
    vw = vw / np.where(norm > 0, norm, 1.0)[vdoc]
    vptr = np.concatenate([[0], np.cumsum(np.bincount(vdoc, minlength=n))]).astype(np.int64)
    stop = story_stopwords()
    tok = Tokenizer()
    titles = [
        frozenset(w for w in tok.tokens(t) if w not in stop) if isinstance(t, str) else frozenset()
        for t in corpus["title"].tolist()
    ]
    tcodes, _ = pd.factorize(pd.Series(list(chain.from_iterable(titles)), dtype=object))
    tlen = np.fromiter((len(t) for t in titles), np.int64, n)
    tdoc = np.repeat(np.arange(n, dtype=np.int64), tlen)
    torder = np.lexsort((tcodes, tdoc))
    quotes = [
        [frozenset(s[len(QUOTE) :].split()) for s in sorted(sig) if s.startswith(QUOTE)]
        for sig in features.signatures
    ]
    return StoryIndex(
        groups=list(groups),
        days=day_numbers(corpus["published"]),
        terms=terms,
        df=df,
        vptr=vptr,
        vterm=vterm,
        vw=vw,
        key=key,
        titles=titles,
        tptr=np.concatenate([[0], np.cumsum(tlen)]).astype(np.int64),
        tterm=tcodes[torder].astype(np.int64),
        quotes=quotes,
    )


def _lookup_sums(
    ptr: np.ndarray, term: np.ndarray, value: np.ndarray, a: np.ndarray, b: np.ndarray, width: int
) -> np.ndarray:
    """For each pair (a[k], b[k]) of rows of a sparse table (row i: ``term[ptr[i]:ptr[i+1]]``
    with ``value[…]``), the sum over the terms both rows hold of the product of their values.
    The a rows are spread into a dense block a few at a time, and each b row's terms are read
    from it: one memory access per term, not a search."""
    out = np.zeros(len(a))
    if len(a) == 0:
        return out
    order = np.argsort(a, kind="stable")
    a_sorted, b_sorted = a[order], b[order]
    block = max(1, _DENSE_CELLS // max(width, 1))
    dense = np.zeros((block, max(width, 1)))
    rows = np.unique(a_sorted)
    for s in range(0, len(rows), block):
        chunk = rows[s : s + block]
        lo, hi = (
            np.searchsorted(a_sorted, [chunk[0], chunk[-1]], side="left")[0],
            (np.searchsorted(a_sorted, chunk[-1], side="right")),
        )
        lengths = ptr[chunk + 1] - ptr[chunk]
        entries = _ranges(ptr[chunk], lengths)
        local = np.repeat(np.arange(len(chunk)), lengths)
        dense[local, term[entries]] = value[entries]
        pa, pb = a_sorted[lo:hi], b_sorted[lo:hi]
        where = np.searchsorted(chunk, pa)
        lengths_b = ptr[pb + 1] - ptr[pb]
        entries_b = _ranges(ptr[pb], lengths_b)
        pair = np.repeat(np.arange(len(pa)), lengths_b)
        products = dense[where[pair], term[entries_b]] * value[entries_b]
        out[order[lo:hi]] = np.bincount(pair, weights=products, minlength=len(pa))
        dense[local, term[entries]] = 0.0
    return out


def _pair_codes(first: np.ndarray, second: np.ndarray, n: int) -> np.ndarray:
    lo, hi = np.minimum(first, second), np.maximum(first, second)
    codes: np.ndarray = lo * n + hi
    return codes


def candidate_pairs(
    index: StoryIndex, *, max_df: float = 0.2, max_days: float = 4.0
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (a < b, as two arrays) of articles from different groups that share two keys and
    are within ``max_days`` of each other when both are dated (see the module docstring)."""
    n = len(index)
    days = index.days
    group_codes = pd.factorize(pd.Series(index.groups, dtype=object))[0]
    if n <= ALL_PAIRS_UP_TO:
        a, b = np.triu_indices(n, k=1)
        keep = group_codes[a] != group_codes[b]
        keep &= ~(np.abs(days[a] - days[b]) > max_days)
        return a[keep].astype(np.int64), b[keep].astype(np.int64)
    limit = max(MIN_INDEXED_DF, max_df * n)
    vdoc = np.repeat(np.arange(n, dtype=np.int64), np.diff(index.vptr))
    take = index.key & (index.df[index.vterm] <= limit)
    kterm, kdoc, kw = index.vterm[take], vdoc[take], index.vw[take]
    kday = days[kdoc]
    dated = ~np.isnan(kday)
    found = []
    # dated with dated: along each term's postings sorted by day, each one meets those after it
    # within max_days
    dt, dd, dday, dw = kterm[dated], kdoc[dated], kday[dated], kw[dated]
    order = np.lexsort((dd, dday, dt))
    dt, dd, dday, dw = dt[order], dd[order], dday[order], dw[order]
    low = float(dday.min()) if len(dday) else 0.0
    span = (float(dday.max()) - low if len(dday) else 0.0) + 2 * max_days + 1
    position = dt.astype(np.float64) * span + (dday - low)
    ends = np.searchsorted(position, position + max_days, side="right")
    after = ends - np.arange(len(position)) - 1
    del position, ends
    # A pair's sharings all start from its earlier article (by day, then number: the postings'
    # order in every term), so they are made a few earlier articles at a time, up to about
    # _TRIPLES sharings (they grow faster than the corpus: all at once they took hundreds of
    # MB on the corpus). Each article's postings in their order, so each pair's products are
    # summed in the order they would be all at once: the same sums to the last bit.
    by_article = np.argsort(dd, kind="stable")
    total = np.cumsum(after[by_article])
    start = 0
    while start < len(by_article):
        reached = int(total[start - 1]) if start else 0
        stop = max(int(np.searchsorted(total, reached + _TRIPLES)), start + 1)
        while stop < len(by_article) and dd[by_article[stop]] == dd[by_article[stop - 1]]:
            stop += 1
        at = by_article[start:stop]
        first = np.repeat(at, after[at])
        second = _ranges(at + 1, after[at])
        found.append(_sharing(_pair_codes(dd[first], dd[second], n), dw[first] * dw[second]))
        start = stop
    # undated with every article holding the key (an undated pair counted once, from its lower
    # article), a few undated articles at a time: each pair's keys all come with its article
    order = np.lexsort((kdoc, kterm))
    st, sd, sw = kterm[order], kdoc[order], kw[order]
    bounds = np.searchsorted(st, np.arange(len(index.terms) + 1))
    undated = ~dated
    ut, ud, uw = kterm[undated], kdoc[undated], kw[undated]
    lengths = bounds[ut + 1] - bounds[ut]
    total = np.cumsum(lengths)
    start = 0
    while start < len(ut):
        # whole articles, up to about _TRIPLES sharings (an article's entries are contiguous)
        reached = int(total[start - 1]) if start else 0
        stop = max(int(np.searchsorted(total, reached + _TRIPLES)), start + 1)
        while stop < len(ut) and ud[stop] == ud[stop - 1]:
            stop += 1
        size = lengths[start:stop]
        owner = np.repeat(ud[start:stop], size)
        at = _ranges(bounds[ut[start:stop]], size)
        other = sd[at]
        keep = (other != owner) & (~np.isnan(days[other]) | (other > owner))
        weight = np.repeat(uw[start:stop], size)[keep] * sw[at][keep]
        found.append(_sharing(_pair_codes(owner[keep], other[keep], n), weight))
        start = stop
    codes = np.unique(np.concatenate(found))
    a, b = codes // n, codes % n
    keep = group_codes[a] != group_codes[b]
    return a[keep], b[keep]


def _sharing(codes: np.ndarray, products: np.ndarray) -> np.ndarray:
    """The pair codes that occur twice or more (two shared keys) and whose products sum to
    :data:`KEY_FLOOR` or more."""
    found, inverse, shared = np.unique(codes, return_inverse=True, return_counts=True)
    agree = np.bincount(inverse, weights=products, minlength=len(found))
    return found[(shared >= 2) & (agree >= KEY_FLOOR)]
