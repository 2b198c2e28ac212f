"""Term frequencies: words and n-grams, overall or per group, with relative frequency, document
frequency and TF-IDF.

Definitions (every number in the output is one of these):

- ``count``: occurrences of the term in the group.
- ``per_10k``: ``count / tokens * 10,000``, where ``tokens`` is the number of word tokens in the
  group — all of them, stopwords and numbers included, so that figures compare across settings.
- ``docs``: documents of the group that contain the term; ``share_docs``: ``docs / documents``.
- ``tfidf``: ``count * idf`` with the smooth idf ``ln((1 + N) / (1 + df)) + 1``, N the number of
  documents in the corpus and df the number of documents containing the term (scikit-learn's
  ``smooth_idf`` formula, without normalisation).

Stopwords and numbers are dropped after counting: a unigram is dropped when it is a stopword (or
has no letter, unless ``keep_numbers``); an n-gram when its first or last word is a stopword or any
word has no letter. N-grams never cross sentence or paragraph boundaries.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import cast

import numpy as np
import numpy.typing as npt
import pandas as pd

from corpuscli.engine.counting import TermOptions
from corpuscli.engine.term_counts import TermCounts, count_terms
from corpuscli.errors import NothingToAnalyse, UsageError, plural
from corpuscli.schema import PERIODS
from corpuscli.text.tokens import fold_quotes

MEASURES = ("count", "per_10k", "docs", "tfidf")


# --- tables -----------------------------------------------------------------------------------------


def _term_key(counts: TermCounts, term: str) -> tuple[int, int] | None:
    """(n, packed key) of a term typed by a user, normalised as the tokens were; None if absent."""
    from corpuscli.engine.counting import GLOBAL_BITS

    opts = counts.options
    text = fold_quotes(term.lower() if opts.lower else term)
    words = text.split()
    stem = opts.stem or (
        opts.languages.stemmer(opts.languages.fallback) if opts.languages else None
    )
    if stem:  # with --lang auto, as an article of the fallback language (English) would be
        from corpuscli.text.nltk_light import snowball

        stemmer = snowball(stem)
        words = [stemmer.stem(w) for w in words]
    key = 0
    for word in words:
        tid = counts.totals.term_ids.get(word)
        if tid is None:
            return None
        key = (key << GLOBAL_BITS) | tid
    return len(words), key


def _measures(counts: TermCounts, table: pd.DataFrame, n: int, measure: str) -> pd.DataFrame:
    totals = counts.totals
    groups = table["group"].to_numpy()
    tokens = np.array([totals.group_tokens.get(g, 0) for g in range(len(counts.group_names))])
    docs = np.array([totals.group_docs.get(g, 0) for g in range(len(counts.group_names))])
    out = table.copy()
    out["per_10k"] = out["count"] / np.maximum(tokens[groups], 1) * 10_000
    out["share_docs"] = out["docs"] / np.maximum(docs[groups], 1)
    if measure == "tfidf":
        df = out.groupby("key")["docs"].transform("sum").to_numpy()
        n_docs = counts.documents
        out["tfidf"] = out["count"] * (np.log((1 + n_docs) / (1 + df)) + 1)
    out["n"] = n
    return out


def term_table(
    counts: TermCounts,
    *,
    top: int | None = 50,
    measure: str = "count",
    min_count: int = 1,
    min_docs: int = 1,
    terms: Sequence[str] | None = None,
    sizes: tuple[int, ...] | None = None,
) -> pd.DataFrame:
    """The ranked term list: per group (when counted by group) the ``top`` terms by ``measure``
    (count, per_10k, docs or tfidf), ties broken by term. ``terms`` picks given terms instead,
    with a row for every group (zero where the term does not occur), as for a time series.

    Columns: [group column], term, [n when several n-gram sizes], count, per_10k, docs,
    share_docs, [tfidf].
    """
    if measure not in MEASURES:
        raise UsageError(f"unknown measure {measure!r}", hint=f"use one of {', '.join(MEASURES)}")
    if top is not None and top < 1:
        raise UsageError("--top must be 1 or more", hint="or use --all for every term")
    frames = []
    wanted: dict[int, dict[int, str]] = {}  # n -> packed key -> the term as given
    if terms:
        for term in terms:
            found = _term_key(counts, term)
            if found is not None:
                wanted.setdefault(found[0], {})[found[1]] = term
    for n in sizes or counts.options.sizes:
        table = counts.filtered(n)
        if terms:
            keys = wanted.get(n, {})
            table = table[table["key"].isin(list(keys))]
        table = table[(table["count"] >= min_count) & (table["docs"] >= min_docs)]
        if not terms and top is not None and top <= _PASSES and measure in ("count", "docs"):
            # a measure the table already has: only the rows that can make a group's top in
            # this size can make it among all sizes (a group's cut-off over all sizes is at
            # least its cut-off in one), so the measures are worked out for those rows only
            table = _top_candidates(table, measure, top)
        frames.append(_measures(counts, table, n, measure))
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if terms:
        return _series(counts, table, terms, wanted)
    if not len(table):
        _explain_empty(counts, min_count, min_docs)
    if top is not None:
        table = _top_candidates(table, measure, top)
    table["term"] = decode_terms(counts, table)
    table["rank"] = table["group"].map(group_rank(counts))
    table = table.sort_values(
        ["rank", measure, "term"], ascending=[True, False, True], kind="stable"
    )
    if top is not None:
        table = table[table.groupby("group").cumcount() < top]
    return _present(counts, table, measure)


def decode_terms(counts: TermCounts, table: pd.DataFrame) -> list[str]:
    """The term of each row (its packed ``key`` of size ``n``), in row order."""
    sizes = table["n"].unique()
    if len(sizes) == 1:  # the usual case: no regrouping
        return counts.totals.decode(table["key"].to_numpy(), int(sizes[0]))
    out: list[str] = []
    for n, part in table.groupby("n", sort=False):
        names = counts.totals.decode(part["key"].to_numpy(), int(cast(int, n)))  # column n: ints
        out.extend(names)
    # groupby(sort=False) visits sizes in order of appearance; restore row order
    order = np.concatenate([part.index.to_numpy() for _, part in table.groupby("n", sort=False)])
    series = pd.Series(out, index=order)
    return series.loc[table.index].tolist()


#: Up to this --top, a group's cut-off is found by ``top`` passes over the rows, not a sort.
_PASSES = 16


def _top_candidates(table: pd.DataFrame, measure: str, top: int) -> pd.DataFrame:
    """Rows that can make a group's top ``top`` (all rows tied with the last place included)."""
    if top <= _PASSES and len(table):
        group: npt.NDArray[np.int64] = table["group"].to_numpy()
        value: npt.NDArray[np.float64] = table[measure].to_numpy(dtype=np.float64)
        return table[value >= _cutoffs(group, value, top)[group]]
    ranked = table.sort_values(["group", measure], ascending=[True, False], kind="stable")
    position = ranked.groupby("group").cumcount()
    cutoff = ranked[position == top - 1].set_index("group")[measure]
    threshold = ranked["group"].map(cutoff).fillna(-math.inf)
    return ranked[ranked[measure] >= threshold]


def _cutoffs(
    group: npt.NDArray[np.int64], value: npt.NDArray[np.float64], top: int
) -> npt.NDArray[np.float64]:
    """Per group, the value in place ``top`` when its rows are ranked by value, ties taking a
    place each (-inf for a group of fewer rows): ``top`` passes, each taking every group's
    largest remaining value — no sort of millions of rows (per-article TF-IDF) for a top 5."""
    slots = int(group.max()) + 1
    size = np.bincount(group, minlength=slots)
    cutoff = np.full(slots, -np.inf)
    open_ = size >= top  # groups still looking for their cut-off
    taken = np.zeros(slots, dtype=np.int64)
    remaining = value.copy()
    for _ in range(top):
        if not open_.any():
            break
        largest = np.full(slots, -np.inf)
        np.maximum.at(largest, group, remaining)
        at_largest = (remaining == largest[group]) & open_[group]
        taken += np.bincount(group[at_largest], minlength=slots)
        reached = open_ & (taken >= top)
        cutoff[reached] = largest[reached]
        open_ &= ~reached
        remaining[at_largest] = -np.inf
    return cutoff


def group_rank(counts: TermCounts) -> dict[int, int]:
    """Order of groups in output: time order for periods, else most documents first, then name."""
    names = counts.group_names
    if counts.by == "doc":
        order = list(range(len(names)))  # input order
    elif counts.by in PERIODS:
        order = sorted(range(len(names)), key=lambda g: (names[g] == "(none)", names[g]))
    else:
        docs = counts.totals.group_docs
        order = sorted(range(len(names)), key=lambda g: (-docs.get(g, 0), names[g]))
    return {g: rank for rank, g in enumerate(order)}


def _group_column(counts: TermCounts) -> str | None:
    if counts.by is None:
        return None
    return "doc_id" if counts.by == "doc" else counts.by


def _present(counts: TermCounts, table: pd.DataFrame, measure: str) -> pd.DataFrame:
    columns = ["term"]
    if table["n"].nunique() > 1 if len(table) else len(counts.options.sizes) > 1:
        columns.append("n")
    columns += ["count", "per_10k", "docs", "share_docs"]
    if measure == "tfidf":
        columns.append("tfidf")
    out = table[columns].copy()
    group_col = _group_column(counts)
    if group_col is not None:
        out.insert(0, group_col, [counts.group_names[g] for g in table["group"]])
    # values in full: machine formats promise them; people formats round when they draw
    return out.reset_index(drop=True)


def _series(
    counts: TermCounts, table: pd.DataFrame, terms: Sequence[str], wanted: dict[int, dict[int, str]]
) -> pd.DataFrame:
    """One row per (group, term) for the given terms, zeros included."""
    rows_of = table.reindex(columns=["group", "n", "key", "count", "docs"])
    found = {
        (int(g), int(n), int(k)): (int(c), int(d))
        for g, n, k, c, d in rows_of.itertuples(index=False, name=None)
    }
    totals = counts.totals
    rows = []
    rank = group_rank(counts)
    for g in sorted(range(len(counts.group_names)), key=rank.__getitem__):
        name = counts.group_names[g]
        tokens = totals.group_tokens.get(g, 0)
        docs = totals.group_docs.get(g, 0)
        for term in terms:
            hit = next(
                (
                    found.get((g, n, k))
                    for n, keys in wanted.items()
                    for k, t in keys.items()
                    if t == term
                ),
                None,
            )
            count, ndocs = hit if hit is not None else (0, 0)
            rows.append(
                {
                    "group": name,
                    "term": term,
                    "count": count,
                    "per_10k": count / max(tokens, 1) * 10_000,
                    "docs": ndocs,
                    "share_docs": ndocs / max(docs, 1),
                }
            )
    out = pd.DataFrame(rows, columns=["group", "term", "count", "per_10k", "docs", "share_docs"])
    group_col = _group_column(counts)
    if group_col is None:
        out = out.drop(columns="group")
    else:
        out = out.rename(columns={"group": group_col})
    return out.reset_index(drop=True)


def _explain_empty(counts: TermCounts, min_count: int, min_docs: int) -> None:
    if counts.tokens == 0:
        raise NothingToAnalyse(
            "the corpus has no word tokens", hint="check the input text, or the --pattern given"
        )
    why = [f"{plural(counts.tokens, 'token')} counted"]
    if counts.options.stopwords:
        why.append("all are stopwords or numbers")
    if min_count > 1 or min_docs > 1:
        why.append(f"or below --min-count {min_count} / --min-docs {min_docs}")
    raise NothingToAnalyse(
        "no terms left after filtering (" + ", ".join(why) + ")",
        hint="try --stopwords none, --keep-numbers or a lower --min-count",
    )


def wide_table(long: pd.DataFrame, group_col: str, value: str = "count") -> pd.DataFrame:
    """People's view of a per-group term list: one row per rank, one column per group, each cell
    "term (value)"."""
    ranks = long.groupby(group_col, sort=False).cumcount() + 1
    fmt = (lambda v: f"{v:,}") if value in ("count", "docs") else (lambda v: f"{v:.3g}")
    cells = long["term"] + " (" + long[value].map(fmt) + ")"
    wide = pd.DataFrame({"rank": ranks, "group": long[group_col], "cell": cells}).pivot(
        index="rank", columns="group", values="cell"
    )
    order = list(dict.fromkeys(long[group_col]))
    wide = wide[order].fillna("")
    wide.columns = [str(c) for c in wide.columns]
    return wide.reset_index()


def term_frequencies(
    corpus: pd.DataFrame | Iterable[pd.DataFrame],
    *,
    by: str | None = None,
    options: TermOptions | None = None,
    top: int | None = 50,
    measure: str = "count",
    min_count: int = 1,
    min_docs: int = 1,
    terms: list[str] | None = None,
    jobs: int = 1,
) -> pd.DataFrame:
    """Count and rank in one call: :func:`count_terms` then :func:`term_table`."""
    counts = count_terms(corpus, by=by, options=options, jobs=jobs)
    return term_table(
        counts, top=top, measure=measure, min_count=min_count, min_docs=min_docs, terms=terms
    )
