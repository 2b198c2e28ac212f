"""Stories: the articles of several outlets (or any groups) that cover one event, grouped.

1. **Candidates and scores** (:mod:`corpuscli.coverage.story_similarity`): articles that share
   distinctive terms, within ``max_days`` when both are dated, scored by the cosine of their
   leads' TF-IDF vectors plus bonuses for shared title words and for statements both quote. A
   link's *support* is its score, less a penalty when either article is undated (a date within
   ``max_days`` is evidence too).
2. **Links**: for each article and each other group, its best-supported candidate; two articles
   are linked when each is the other's best in that group and the support reaches ``threshold``
   — or, both dated, when one is the other's best and the support reaches ``one_way`` (an
   outlet's second article on a story is nobody's best, yet belongs to it).
3. **Stories**: links are taken from the strongest down, and a link joins two stories only when
   they hold together as a whole — the mean support of the pairs across them (from different
   groups) reaches ``cohesion``, and no two dated articles in the joined story are more than
   ``max_days`` apart. This keeps one event's coverage together on a focused collection, keeps
   two events about the same people apart (their articles may meet in a link, but not as a
   whole), and stops a long-running subject from chaining into one story.
4. A story has articles from two groups at least; an article linked to none stays out.

Stories are numbered from the one with the most groups (then articles, then earliest). The
defaults were tuned on half of BASIL's events and measured on the other half and on NewsWCL50
(``benchmarks/bench_stories.py``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from corpuscli.errors import NothingToAnalyse, UsageError
from corpuscli.progress import Progress
from corpuscli.schema import group_keys
from corpuscli.text.tokens import fold_quotes

from .story_features import Features, article_features
from .story_similarity import StoryIndex, build_index, candidate_pairs

#: Columns of :func:`find_stories`, one row per article of a story; the ``by`` column follows
#: ``source`` when it is another one.
COLUMNS = (
    "story", "label", "articles", "groups", "first", "last", "doc_id", "source", "published",
    "title", "match", "match_score",
)  # fmt: skip

#: Terms in a story's label.
LABEL_TERMS = 4
#: Defaults (tuned on the dev half of BASIL's events; see the module docstring).
THRESHOLD = 0.08
COHESION = 0.08
ONE_WAY = 0.4
MAX_DAYS = 4.0


@dataclass
class StoryGraph:
    """The stories of a corpus: each article's story (0 for none) and what was scored."""

    index: StoryIndex
    story: list[int]
    members: list[list[int]]  # members[k - 1]: the articles of story k, in order
    links: list[tuple[int, int]]


def _groups(corpus: pd.DataFrame, by: str) -> list[str]:
    if by not in corpus.columns:
        raise UsageError(
            f"no column {by!r} to group articles by", hint="use --by source or another column"
        )
    groups = group_keys(corpus, by).astype(str).tolist()
    named = sorted(set(groups) - {"(none)"})
    if len(named) < 2:
        missing = groups.count("(none)")
        found = (
            f"every article with a {by} has the same one ({named[0]})"
            if named
            else f"no article has a {by}"
        )
        if missing and named:
            found += f", {missing} {'has' if missing == 1 else 'have'} none"
        raise UsageError(
            f"stories need two groups: {found}",
            hint=f"give articles of two {by} values (a {by} field in the input, or --manifest FILE), or --by another column",
        )
    return groups


def best_links(
    index: StoryIndex,
    a: np.ndarray,
    b: np.ndarray,
    threshold: float,
    one_way: float = math.inf,
) -> list[tuple[float, int, int]]:
    """Links between best matches among the candidate pairs (a[k], b[k]): (support, i, j), i < j,
    where each article is the other's best-supported candidate in the other's group and the
    support reaches ``threshold``, or where both are dated, one is the other's best and the
    support reaches ``one_way`` (an outlet's second article on a story is nobody's best, yet
    belongs to it). Strongest first."""
    if len(a) == 0:
        return []
    support = index.score_pairs(a, b)
    group_codes = pd.factorize(pd.Series(index.groups, dtype=object))[0].astype(np.int64)
    width = int(group_codes.max()) + 1
    src, dst = np.concatenate([a, b]), np.concatenate([b, a])
    value = np.concatenate([support, support])
    slot = src * width + group_codes[dst]
    order = np.lexsort((dst, -value, slot))  # the best first in each slot, ties to the lowest
    slot, src, dst, value = slot[order], src[order], dst[order], value[order]
    first = np.concatenate([[True], slot[1:] != slot[:-1]])
    slot, src, dst, value = slot[first], src[first], dst[first], value[first]
    back = np.searchsorted(slot, dst * width + group_codes[src])
    back = np.minimum(back, len(slot) - 1)
    mutual = (slot[back] == dst * width + group_codes[src]) & (dst[back] == src)
    dated = ~np.isnan(index.days[src]) & ~np.isnan(index.days[dst])
    needed = np.where(mutual, threshold, np.where(dated, max(threshold, one_way), np.inf))
    keep = value >= needed
    links = {
        (float(v), min(i, j), max(i, j))
        for v, i, j in zip(
            value[keep].tolist(), src[keep].tolist(), dst[keep].tolist(), strict=True
        )
    }
    return sorted(links, key=lambda s: (-s[0], s[1], s[2]))


def cluster(
    index: StoryIndex,
    links: Sequence[tuple[float, int, int]],
    *,
    cohesion: float,
    max_days: float,
) -> list[list[int]]:
    """Groups of articles joined by ``links`` (strongest first) as long as they hold together
    (see the module docstring); groups of one article are left out."""
    owner = list(range(len(index)))
    members: dict[int, list[int]] = {}
    days = index.days.tolist()
    # each group's earliest and latest dated article (all pairs within max_days: the span is)
    span: dict[int, tuple[float, float]] = {}
    refused: set[tuple[int, int, int, int]] = set()  # groups (as of their size) that do not hold
    groups = index.groups

    def dates(root: int, first: int) -> tuple[float, float]:
        return span.get(root, (days[first], days[first]))

    def cohesive(a: list[int], b: list[int]) -> bool:
        pairs = [(i, j) for i in a for j in b if groups[i] != groups[j]]
        # the pairs' supports summed one by one in this order (the same total to the last bit),
        # those not scored yet scored together
        total = 0.0
        for value in index.supports(pairs):
            total += value
        return len(pairs) > 0 and total / len(pairs) >= cohesion

    for _, i, j in links:
        ri, rj = owner[i], owner[j]
        if ri == rj:
            continue
        a, b = members.get(ri, [i]), members.get(rj, [j])
        lo, hi = _union(dates(ri, i), dates(rj, j))
        if hi - lo > max_days:  # NaN (all undated) compares False
            continue
        # the pair of groups as of their sizes: a refusal stands until one of them grows
        key = (
            min(ri, rj),
            max(ri, rj),
            len(a) if ri < rj else len(b),
            len(b) if ri < rj else len(a),
        )
        if key in refused:
            continue
        if not cohesive(a, b):
            refused.add(key)
            continue
        if len(a) < len(b):
            ri, rj, a, b = rj, ri, b, a
        for k in b:
            owner[k] = ri
        members[ri] = a + b
        members.pop(rj, None)
        span[ri] = (lo, hi)
    return [sorted(m) for m in members.values() if len(m) > 1]


def _union(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """The span of two spans of days (NaN: no dated article)."""
    lows = [x for x in (a[0], b[0]) if not math.isnan(x)]
    highs = [x for x in (a[1], b[1]) if not math.isnan(x)]
    return (min(lows), max(highs)) if lows else (math.nan, math.nan)


def story_graph(
    corpus: pd.DataFrame,
    *,
    by: str = "source",
    threshold: float = THRESHOLD,
    cohesion: float = COHESION,
    one_way: float = ONE_WAY,
    max_days: float = MAX_DAYS,
    keywords: int = 30,
    vector_terms: int = 60,
    max_df: float = 0.2,
    quotes: bool = True,
    quote_table: pd.DataFrame | None = None,
    jobs: int = 1,
    features: Features | tuple[Sequence[Counter[str]], Sequence[set[str]]] | None = None,
    progress: Progress | None = None,
) -> StoryGraph:
    """Find the stories of ``corpus`` across the groups of ``by`` (see the module docstring).
    ``features`` (:func:`~corpuscli.coverage.story_features.article_features`, computed
    elsewhere, e.g. per partition on Dask) saves reading the texts; ``quote_table`` saves
    finding the quotes again."""
    groups = _groups(corpus, by)
    if features is None:
        features = article_features(
            corpus, quotes=quotes, quote_table=quote_table, jobs=jobs, progress=progress
        )
    if not isinstance(features, Features):  # per-article counts, as the Dask engine gives
        features = Features.from_counters(*features)
    index = build_index(corpus, groups, features, keywords=keywords, vector_terms=vector_terms)
    features = None  # the index holds what scoring reads: the term counts are let go
    a, b = candidate_pairs(index, max_df=max_df, max_days=max_days)
    links = best_links(index, a, b, threshold, one_way)
    found = cluster(index, links, cohesion=cohesion, max_days=max_days)
    found = [m for m in found if len({groups[i] for i in m}) > 1]
    days = index.days

    def order(m: list[int]) -> tuple[int, int, float, int]:
        dated = [days[i] for i in m if not math.isnan(days[i])]
        return (-len({groups[i] for i in m}), -len(m), min(dated) if dated else math.inf, m[0])

    found.sort(key=order)
    story = [0] * len(index)
    for k, m in enumerate(found, start=1):
        for i in m:
            story[i] = k
    return StoryGraph(index, story, found, [(i, j) for _, i, j in links])


def story_label(
    index: StoryIndex, members: Sequence[int], titles: Sequence[str], top: int = LABEL_TERMS
) -> str:
    """The story's most distinctive terms: the heaviest in its articles' vectors among those that
    two of them share (all of them when none is shared), capitalised as its titles write them."""
    weight: dict[str, float] = {}
    seen: Counter[str] = Counter()
    for i in members:
        for t, w in index.top_terms(i):
            weight[t] = weight.get(t, 0.0) + w
            seen[t] += 1
    shared = [t for t in weight if seen[t] > 1] or list(weight)
    terms = sorted(shared, key=lambda t: (-weight[t], t))[:top]
    written: Counter[str] = Counter()
    for i in members:
        written.update(_WORD.findall(fold_quotes(titles[i])))
    forms: dict[str, tuple[int, str]] = {}
    for form, count in written.items():
        low = form.lower()
        if low in terms and (count, form) > forms.get(low, (0, "")):
            forms[low] = (count, form)
    return ", ".join(forms[t][1] if t in forms else t for t in terms)


_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


def stories_frame(corpus: pd.DataFrame, graph: StoryGraph, by: str = "source") -> pd.DataFrame:
    """One row per article of a story (see :data:`COLUMNS`), stories in order, each story's
    articles by publication time (undated last), group and id."""
    index = graph.index
    ids = corpus["doc_id"].tolist()
    titles = corpus["title"].tolist()
    sources = corpus["source"].tolist()
    published = corpus["published"].tolist()
    written = [t if isinstance(t, str) else "" for t in titles]
    rows = []
    for k, members in enumerate(graph.members, start=1):
        dated = [published[i] for i in members if not pd.isna(published[i])]
        label = story_label(index, members, written)
        outlets = len({index.groups[i] for i in members})
        for i in sorted(members, key=lambda i: (_time_key(published[i]), index.groups[i], ids[i])):
            others = [j for j in members if index.groups[j] != index.groups[i]]
            j = max(others, key=lambda j: (index.score(i, j).score, -j))
            rows.append(
                {
                    "story": k, "label": label, "articles": len(members), "groups": outlets,
                    "first": min(dated) if dated else pd.NaT, "last": max(dated) if dated else pd.NaT,
                    "doc_id": ids[i], "source": None if pd.isna(sources[i]) else sources[i],
                    by: index.groups[i], "published": published[i],
                    "title": titles[i] if isinstance(titles[i], str) else None,
                    "match": ids[j], "match_score": round(float(index.score(i, j).score), 4),
                }
            )  # fmt: skip
    columns = list(COLUMNS)
    if by != "source":
        columns.insert(columns.index("source") + 1, by)
    out = pd.DataFrame(rows, columns=columns)
    for col in ("first", "last", "published"):
        out[col] = pd.to_datetime(out[col], utc=True)
    return out


def _time_key(value: Any) -> float:
    return math.inf if value is None or pd.isna(value) else float(pd.Timestamp(value).timestamp())


def find_stories(
    corpus: pd.DataFrame,
    *,
    by: str = "source",
    threshold: float = THRESHOLD,
    cohesion: float = COHESION,
    one_way: float = ONE_WAY,
    max_days: float = MAX_DAYS,
    quotes: bool = True,
    quote_table: pd.DataFrame | None = None,
    jobs: int = 1,
    features: Features | tuple[Sequence[Counter[str]], Sequence[set[str]]] | None = None,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """The stories of ``corpus`` across the groups of ``by``, one row per article of a story
    (columns: :data:`COLUMNS`; see the module docstring for how they are found). Raises
    :class:`~corpuscli.errors.UsageError` when the articles are not from two groups, and
    :class:`~corpuscli.errors.NothingToAnalyse` when no story is found."""
    graph = story_graph(
        corpus, by=by, threshold=threshold, cohesion=cohesion, one_way=one_way, max_days=max_days,
        quotes=quotes,
        quote_table=quote_table, jobs=jobs, features=features, progress=progress,
    )  # fmt: skip
    if not graph.members:
        raise NothingToAnalyse(
            f"no story is covered by two groups of --by {by}",
            hint="lower --threshold, or widen --max-days",
        )
    return stories_frame(corpus, graph, by)


def score_clusters(
    found: dict[str, int],
    truth: dict[str, object],
    *,
    group_of: Callable[[str], str] | None = None,
    labelled_only: bool = False,
) -> dict[str, float]:
    """Pairwise precision and recall (with the counts behind them), and B-cubed precision,
    recall and F1, of found stories
    against true ones. ``found`` maps doc_id to story (0: in none); ``truth`` maps the evaluated
    doc_ids to their true story. ``group_of`` (doc_id -> group) counts only pairs of articles
    from different groups, as stories pair across groups.

    In an open world (labelled articles among others) articles outside ``truth`` count against
    precision when they share a story with a labelled one; with ``labelled_only`` the stories
    are cut down to the labelled articles first (the usual way to score a clustering of which
    only part is labelled: another article that joins a labelled story may well belong to it).
    """
    members: dict[int, list[str]] = {}
    for doc, k in found.items():
        if k and (not labelled_only or doc in truth):
            members.setdefault(k, []).append(doc)
    gold: dict[object, list[str]] = {}
    for doc, label in truth.items():
        gold.setdefault(label, []).append(doc)

    def pairs(clusters: Iterable[list[str]]) -> set[frozenset[str]]:
        return {
            frozenset((a, b))
            for docs in clusters
            for x, a in enumerate(docs)
            for b in docs[x + 1 :]
            if (a in truth or b in truth) and (group_of is None or group_of(a) != group_of(b))
        }

    found_pairs, true_pairs = pairs(members.values()), pairs(gold.values())
    hit = len(found_pairs & true_pairs)
    b_p = b_r = 0.0
    for doc, label in truth.items():
        k = found.get(doc, 0)
        mine = members[k] if k else [doc]
        same = sum(1 for d in mine if d in truth and truth[d] == label)
        b_p += same / len(mine)
        b_r += same / len(gold[label])
    n = max(len(truth), 1)
    b_p, b_r = b_p / n, b_r / n
    return {
        "pairs_right": hit,
        "pairs_found": len(found_pairs),
        "pairs_true": len(true_pairs),
        "precision": hit / len(found_pairs) if found_pairs else 0.0,
        "recall": hit / len(true_pairs) if true_pairs else 0.0,
        "bcubed_precision": b_p,
        "bcubed_recall": b_r,
        "bcubed_f1": 2 * b_p * b_r / (b_p + b_r) if b_p + b_r else 0.0,
    }
