"""Pairs of articles from different outlets that cover the same story.

1. **Candidates**, without comparing all pairs: each article is described by its ``keywords``
   terms of highest TF-IDF (content words, lowercased); an inverted index over those terms
   proposes the articles that share at least two of them. Terms in more than ``max_df`` of the
   corpus are not indexed.
2. **Scoring**: the cosine of the two articles' TF-IDF vectors (their top ``vector_terms`` terms),
   plus a bonus for shared title words (Jaccard of content words, weight 0.5) and for quotes the
   two share (0.1 each, at most 0.2).
3. **Dates**: when both articles are dated, more than ``max_days`` apart rules a pair out.
4. **Selection**: for each article and each other outlet, its best candidate; a pair is kept when
   each is the other's best in that outlet (mutual best) and the score reaches ``threshold``.

Scales with the number of candidates, not the square of the corpus.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import chain, pairwise
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from corpuscli.engine.parallel import run_batches, worker_state
from corpuscli.errors import NothingToAnalyse, UsageError
from corpuscli.progress import Progress, tracked
from corpuscli.schema import group_keys
from corpuscli.text.stopwords import load_stopwords
from corpuscli.text.tokens import Tokenizer

if TYPE_CHECKING:
    from corpuscli.engine.term_counts import TermCounts

#: Weights of the title-overlap and shared-quote bonuses (see the module docstring).
TITLE_WEIGHT = 0.5
QUOTE_WEIGHT = 0.1

COLUMNS = (
    "doc_a", "source_a", "doc_b", "source_b", "score", "cosine", "title_overlap", "days_apart",
    "shared_quotes", "shared_terms", "title_a", "title_b",
)  # fmt: skip


def _setup(stop: frozenset[str]) -> None:
    state = worker_state()
    state["tok"], state["stop"], state["keep"] = Tokenizer(), stop, {}


def _doc_counts(texts: list[str]) -> list[Counter]:
    """Content-word counts per article (no stopwords, three letters or more, with a letter)."""
    state = worker_state()
    tok, stop, keep = state["tok"], state["stop"], state["keep"]
    out = []
    for text in texts:
        c = tok.counts(text)  # the chunk-cached counting path
        for t in list(c):
            ok = keep.get(t)
            if ok is None:
                ok = keep[t] = t not in stop and len(t) > 2 and any(ch.isalpha() for ch in t)
            if not ok:
                del c[t]
        out.append(c)
    return out


def _word_counts(
    texts: list[str], stop: frozenset[str], jobs: int = 1, progress: Progress | None = None
) -> list[Counter]:
    batches = (texts[i : i + 500] for i in range(0, len(texts), 500))
    counts: list[Counter] = []
    for part in tracked(
        lambda parts: run_batches(_doc_counts, parts, jobs=jobs, initializer=_setup,
                                  initargs=(stop,)),
        batches, progress, step="pairs: words", total=len(texts),
    ):  # fmt: skip
        counts.extend(part)
    return counts


def article_features(
    corpus: pd.DataFrame,
    *,
    quotes: bool = True,
    quote_table: pd.DataFrame | None = None,
    jobs: int = 1,
    counts: TermCounts | None = None,
    progress: Progress | None = None,
) -> tuple[list[Counter], list[set[str]]]:
    """What pairing needs of each article's text: its content-word counts and the keys of its
    direct quotes (:func:`quote_key`). Per article, so it can run on parts of a corpus.
    ``counts`` (``count_terms(corpus, per_doc=True)``, lowercased, unstemmed) gives the words
    without tokenising the text again. ``progress``: see :mod:`corpuscli.progress`."""
    if counts is not None and counts.has_article_words(len(corpus)):
        words = _content_counts(counts)
    else:
        texts = [t if isinstance(t, str) else "" for t in corpus["text"].tolist()]
        words = _word_counts(texts, load_stopwords("en"), jobs, progress)
    if quote_table is None and quotes:
        from corpuscli.coverage.quotes import quotes_frame

        quote_table = quotes_frame(corpus, jobs=jobs, progress=progress)
    return words, quote_keys(corpus, quote_table)


def quote_keys(corpus: pd.DataFrame, quote_table: pd.DataFrame | None) -> list[set[str]]:
    """The keys of each article's direct quotes (none without a ``quote_table``)."""
    if quote_table is None:
        return [set() for _ in range(len(corpus))]
    by_doc: dict[str, set[str]] = {}
    for doc_id, kind, text in zip(
        quote_table["doc_id"], quote_table["kind"], quote_table["text"], strict=True
    ):
        if kind == "direct" and (key := quote_key(text)):
            by_doc.setdefault(doc_id, set()).add(key)
    return [by_doc.get(d, set()) for d in corpus["doc_id"]]


def _content_counts(counts: TermCounts) -> list[Counter]:
    """Each article's content words (as :func:`_doc_counts` keeps them) from per-article counts."""
    _, table = counts.totals.word_table()
    terms = counts.totals.terms
    stop = load_stopwords("en")
    content = np.fromiter(
        (t not in stop and len(t) > 2 and any(ch.isalpha() for ch in t) for t in terms),
        bool,
        len(terms),
    )
    table = table[content[table["key"].to_numpy()]]
    docs = table["doc"].to_numpy()
    order = np.argsort(docs, kind="stable")
    docs, keys, values = (
        docs[order],
        table["key"].to_numpy()[order],
        table["count"].to_numpy()[order],
    )
    names = np.asarray(terms, dtype=object)[keys].tolist()
    values = values.tolist()
    bounds = np.searchsorted(docs, np.arange(counts.totals.documents + 1)).tolist()
    return [Counter(dict(zip(names[a:b], values[a:b], strict=True))) for a, b in pairwise(bounds)]


def quote_key(text: str) -> str | None:
    """A direct quote's first eight words, normalised: the same quote in two articles."""
    words = [w.lower() for w in text.replace("’", "'").split()]
    return " ".join(words[:8]) if len(words) >= 8 else None


def find_pairs(
    corpus: pd.DataFrame,
    *,
    by: str = "source",
    keywords: int = 30,
    vector_terms: int = 60,
    max_df: float = 0.2,
    max_days: float = 4.0,
    threshold: float = 0.15,
    quotes: bool = True,
    quote_table: pd.DataFrame | None = None,
    jobs: int = 1,
    features: tuple[list[Counter], list[set[str]]] | None = None,
    counts: TermCounts | None = None,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """Same-story pairs across the groups of ``by`` (see the module docstring). ``quote_table``
    (from ``quotes.quotes_frame``) saves finding the quotes again; ``jobs`` worker processes
    count the words and find the quotes. ``features`` (:func:`article_features`, computed
    elsewhere, e.g. per partition on Dask) replaces both: the text is then not read; so do
    ``counts`` with per-article words (see :func:`article_features`) for the words.
    ``progress`` is told the articles read (see :mod:`corpuscli.progress`)."""
    if by not in corpus.columns:
        raise UsageError(
            f"no column {by!r} to pair across", hint="use --by source or another column"
        )
    groups = group_keys(corpus, by).tolist()
    if len(set(groups) - {"(none)"}) < 2:
        raise UsageError(f"pairs need articles from at least two groups of --by {by}")
    stop = load_stopwords("en")
    titles = [t if isinstance(t, str) else "" for t in corpus["title"].tolist()]
    doc_words, keys_of_quotes = features or article_features(
        corpus, quotes=quotes, quote_table=quote_table, jobs=jobs, counts=counts, progress=progress
    )
    df: Counter = Counter()
    for c in doc_words:
        df.update(c.keys())
    n = len(doc_words)
    idf = {t: math.log((1 + n) / (1 + d)) + 1 for t, d in df.items()}
    vectors: list[dict[str, float]] = []
    keys: list[list[str]] = []
    for c in doc_words:
        weights = {t: tf * idf[t] for t, tf in c.items()}
        top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:vector_terms]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        vectors.append({t: w / norm for t, w in top})
        keys.append([t for t, _ in top[:keywords] if df[t] <= max(2, max_df * n)])
    dates = corpus["published"]
    days = (dates - pd.Timestamp("1970-01-01", tz="UTC")).dt.total_seconds().to_numpy() / 86400
    # postings by date, so that a dated article only meets articles within max_days of it;
    # undated articles meet every article that shares the terms
    postings: dict[str, list[int]] = defaultdict(list)
    undated: dict[str, list[int]] = defaultdict(list)
    day_list = days.tolist()
    for i in np.argsort(days, kind="stable").tolist():  # undated (NaN) last
        target = undated if math.isnan(day_list[i]) else postings
        for t in keys[i]:
            target[t].append(i)
    posting_days = {t: [day_list[i] for i in ids] for t, ids in postings.items()}
    title_words = [{w for w in Tokenizer().tokens(t) if w not in stop} for t in titles]
    best: dict[tuple[int, str], tuple[float, int]] = {}
    details: dict[tuple[int, int], tuple[float, float, float, int]] = {}
    nan = math.isnan
    for i, terms in enumerate(keys):
        shared: dict[int, int] = {}
        day, gi = day_list[i], groups[i]
        for t in terms:
            near = postings.get(t, [])
            if near and not nan(day):
                pdays = posting_days[t]
                near = near[
                    bisect_left(pdays, day - max_days) : bisect_right(pdays, day + max_days)
                ]
            for j in chain(near, undated.get(t, ())):
                if groups[j] != gi and j != i:
                    shared[j] = shared.get(j, 0) + 1
        for j, k in shared.items():
            if k < 2:
                continue
            dj = day_list[j]
            if not (nan(day) or nan(dj)) and abs(day - dj) > max_days:
                continue
            pair = (i, j) if i < j else (j, i)
            found = details.get(pair)
            if found is None:
                vi, vj = vectors[i], vectors[j]
                # fsum is exact, so the order of the shared terms cannot change the result
                cosine = math.fsum(vi[t] * vj[t] for t in vi.keys() & vj.keys())
                ti, tj = title_words[i], title_words[j]
                overlap = len(ti & tj) / len(ti | tj) if ti and tj else 0.0
                sq = len(keys_of_quotes[i] & keys_of_quotes[j])
                score = cosine + TITLE_WEIGHT * overlap + min(2 * QUOTE_WEIGHT, QUOTE_WEIGHT * sq)
                found = details[pair] = (score, cosine, overlap, sq)
            score = found[0]
            slot = (i, groups[j])
            held = best.get(slot)
            if held is None or score > held[0] or (score == held[0] and j < held[1]):
                best[slot] = (score, j)
    rows = []
    ids = corpus["doc_id"].tolist()
    for (i, group_j), (score, j) in best.items():
        if i > j or score < threshold:
            continue
        back = best.get((j, groups[i]))
        if back is None or back[1] != i:
            continue
        _, cosine, overlap, sq = details[(i, j)]
        gap = abs(days[i] - days[j])
        shared_terms = sorted(
            set(vectors[i]) & set(vectors[j]), key=lambda t: (-(vectors[i][t] + vectors[j][t]), t)
        )[:6]
        rows.append(
            {
                "doc_a": ids[i], "source_a": groups[i], "doc_b": ids[j], "source_b": group_j,
                "score": round(score, 4), "cosine": round(cosine, 4), "title_overlap": round(overlap, 4),
                "days_apart": None if np.isnan(gap) else round(float(gap), 2), "shared_quotes": sq,
                "shared_terms": ", ".join(shared_terms), "title_a": titles[i], "title_b": titles[j],
            }
        )  # fmt: skip
    if not rows:
        raise NothingToAnalyse(
            "no pair of articles from different groups covers the same story",
            hint="lower --threshold, or widen --max-days",
        )
    out = pd.DataFrame(rows, columns=list(COLUMNS))
    out = out.sort_values(["score", "doc_a", "doc_b"], ascending=[False, True, True], kind="stable")
    return out.reset_index(drop=True)


def evaluate(pairs: pd.DataFrame, truth: Iterable[tuple[str, str]]) -> dict[str, float]:
    """Precision and recall of found pairs against true same-story pairs (unordered)."""
    found = {frozenset((a, b)) for a, b in zip(pairs["doc_a"], pairs["doc_b"], strict=True)}
    gold = {frozenset(p) for p in truth}
    tp = len(found & gold)
    precision = tp / len(found) if found else 0.0
    recall = tp / len(gold) if gold else 0.0
    return {
        "pairs_found": len(found),
        "true_pairs": len(gold),
        "precision": precision,
        "recall": recall,
    }
