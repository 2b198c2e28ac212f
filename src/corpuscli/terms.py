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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from corpuscli.counting import Counter, Partial, TokenSpec, Totals, has_letter
from corpuscli.errors import NothingToAnalyse, UsageError, plural
from corpuscli.parallel import run_batches, worker_state
from corpuscli.stats import PERIODS, group_keys
from corpuscli.text import fold_quotes

#: Documents per batch handed to a worker.
BATCH_DOCS = 1000
MEASURES = ("count", "per_10k", "docs", "tfidf")


@dataclass(frozen=True)
class TermOptions:
    """What counts as a term (shared by terms, compare and collocations)."""

    lower: bool = True
    stopwords: frozenset[str] = frozenset()
    #: Snowball language name (``english``) to stem with, or None.
    stem: str | None = None
    ngram: tuple[int, int] = (1, 1)
    #: A token regex replacing the default (see ``corpuscli.text``).
    pattern: str | None = None
    keep_numbers: bool = False

    def token_spec(self) -> TokenSpec:
        return TokenSpec(
            lower=self.lower,
            pattern=self.pattern,
            stem=self.stem,
            boundaries=self.ngram[1] > 1,
            drop_edges=self.stopwords,
            keep_numbers=self.keep_numbers,
        )

    @property
    def sizes(self) -> tuple[int, ...]:
        return tuple(range(self.ngram[0], self.ngram[1] + 1))


@dataclass
class TermCounts:
    """Counts of every term per group, before any filtering or ranking."""

    totals: Totals
    options: TermOptions
    by: str | None
    group_names: list[str] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return sum(self.totals.group_docs.values())

    @property
    def tokens(self) -> int:
        return sum(self.totals.group_tokens.values())

    def has_article_words(self, documents: int) -> bool:
        """Whether these counts hold each of ``documents`` articles' words as the plain
        tokenizer gives them (counted ``per_doc``, lowercased, unstemmed, default pattern)."""
        opts = self.options
        return (
            opts.lower and opts.stem is None and opts.pattern is None
            and bool(self.totals.doc_tokens) and self.totals.documents == documents
        )  # fmt: skip


# --- counting (runs in worker processes) ----------------------------------------------------------


def _init_worker(spec: TokenSpec, sizes: tuple[int, ...], per_doc: bool = False) -> None:
    state = worker_state()
    state["counter"] = Counter(spec)
    state["sizes"] = sizes
    state["per_doc"] = per_doc


def _count_batch(batch: tuple[list[str], np.ndarray]) -> Partial:
    state = worker_state()
    texts, groups = batch
    return state["counter"].count(texts, groups, state["sizes"], per_doc=state["per_doc"])


def _frames(corpus: pd.DataFrame | Iterable[pd.DataFrame]) -> Iterable[pd.DataFrame]:
    return [corpus] if isinstance(corpus, pd.DataFrame) else corpus


def batch_texts(
    corpus: pd.DataFrame | Iterable[pd.DataFrame],
    by: str | None,
    names: dict[str, int],
    size: int | None = None,
) -> Iterator[tuple[list[str], np.ndarray]]:
    """Batches of (texts, group index), of ``size`` texts (default :data:`BATCH_DOCS`), from a
    frame or a stream of frames; ``names`` collects the group names in order of first
    appearance."""
    size = size or BATCH_DOCS
    for frame in _frames(corpus):
        if not len(frame):
            continue
        if by is None:
            keys = ["all"] * len(frame)
        elif by == "doc":
            keys = frame["doc_id"].astype(str).tolist()
        else:
            keys = group_keys(frame, by).tolist()
        index = np.fromiter((names.setdefault(k, len(names)) for k in keys), np.int64, len(keys))
        texts = [t if isinstance(t, str) else "" for t in frame["text"].tolist()]
        for start in range(0, len(texts), size):
            yield texts[start : start + size], index[start : start + size]


def count_terms(
    corpus: pd.DataFrame | Iterable[pd.DataFrame],
    *,
    by: str | None = None,
    options: TermOptions | None = None,
    jobs: int = 1,
    per_doc: bool = False,
) -> TermCounts:
    """Count every term of ``corpus`` (a corpus frame, or an iterable of them to stream) per group.

    ``by``: None (the whole corpus), ``doc`` (each article), a column name, or day, week,
    month, year. ``jobs``: worker processes for tokenising. ``per_doc`` also keeps each
    article's word counts (``totals.word_table()``), so that other analyses (the overview's
    word counts, the pairs' article vectors) need not tokenise the text again.
    """
    options = options or TermOptions()
    names: dict[str, int] = {}
    totals = Totals()
    batches = batch_texts(corpus, by, names)
    for part in run_batches(
        _count_batch,
        batches,
        jobs=jobs,
        initializer=_init_worker,
        initargs=(options.token_spec(), options.sizes, per_doc),
    ):
        totals.add(part)
    ordered = sorted(names, key=names.__getitem__)
    return TermCounts(totals=totals, options=options, by=by, group_names=ordered)


# --- tables -----------------------------------------------------------------------------------------


def _term_key(counts: TermCounts, term: str) -> tuple[int, int] | None:
    """(n, packed key) of a term typed by a user, normalised as the tokens were; None if absent."""
    from corpuscli.counting import GLOBAL_BITS

    opts = counts.options
    text = fold_quotes(term.lower() if opts.lower else term)
    words = text.split()
    if opts.stem:
        from nltk.stem.snowball import SnowballStemmer

        stemmer = SnowballStemmer(opts.stem)
        words = [stemmer.stem(w) for w in words]
    key = 0
    for word in words:
        tid = counts.totals.term_ids.get(word)
        if tid is None:
            return None
        key = (key << GLOBAL_BITS) | tid
    return len(words), key


def _filtered(counts: TermCounts, n: int) -> pd.DataFrame:
    table = counts.totals.table(n)
    if not len(table):
        return table
    opts = counts.options
    terms = counts.totals.terms
    stop = np.fromiter((t in opts.stopwords for t in terms), bool, len(terms))
    number = np.fromiter((not has_letter(t) for t in terms), bool, len(terms))
    parts = counts.totals.component_ids(table["key"].to_numpy(), n)
    drop = stop[parts[0]] | stop[parts[-1]]
    if not opts.keep_numbers:
        for part in parts:
            drop |= number[part]
    return table[~drop]


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


def collapse(counts: TermCounts) -> TermCounts:
    """The counts of all groups added together (``by=None``): one counting pass can serve a
    per-source table and the overall one. Exact: every document belongs to one group."""
    from corpuscli.counting import key_bits, sum_by

    totals = Totals(terms=counts.totals.terms, term_ids=counts.totals.term_ids)
    for name, n in counts.totals.arity.items():
        table = counts.totals.table(name)
        zeros = np.zeros(len(table), dtype=np.int64)
        summed = (
            sum_by(
                zeros,
                table["key"].to_numpy(),
                table["count"].to_numpy(),
                table["docs"].to_numpy(),
                key_bits(n),
            )
            if len(table)
            else table
        )
        totals.tables[name] = [summed]
        totals.arity[name] = n
    totals.group_tokens = {0: sum(counts.totals.group_tokens.values())}
    totals.group_docs = {0: sum(counts.totals.group_docs.values())}
    return TermCounts(totals=totals, options=counts.options, by=None, group_names=["all"])


def merge_collapsed(named: dict[str, TermCounts], *, by: str) -> TermCounts:
    """Counts of separate corpora as groups of one: each collapsed (:func:`collapse`) into the
    group of its name, all in one vocabulary, so that two windows counted apart (the report's
    current window and its comparison window) compare as if counted together. The options are
    the first counts'."""
    from corpuscli.counting import GLOBAL_BITS, _repack

    totals = Totals()
    first = next(iter(named.values()))
    for g, counts in enumerate(named.values()):
        one = collapse(counts)
        mapping = np.empty(len(one.totals.terms), dtype=np.int64)
        for i, term in enumerate(one.totals.terms):
            gid = totals.term_ids.get(term)
            if gid is None:
                gid = totals.term_ids[term] = len(totals.terms)
                totals.terms.append(term)
            mapping[i] = gid
        for name, n in one.totals.arity.items():
            table = one.totals.table(name)
            if len(table):
                keys = _repack(table["key"].to_numpy(), n, GLOBAL_BITS, mapping)
                table = table.assign(group=g, key=keys)
            totals.tables.setdefault(name, []).append(table)
            totals.arity[name] = n
        totals.group_tokens[g] = one.totals.group_tokens.get(0, 0)
        totals.group_docs[g] = one.totals.group_docs.get(0, 0)
    return TermCounts(totals=totals, options=first.options, by=by, group_names=list(named))


def term_table(
    counts: TermCounts,
    *,
    top: int | None = 50,
    measure: str = "count",
    min_count: int = 1,
    min_docs: int = 1,
    terms: list[str] | None = None,
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
    wanted = {}
    if terms:
        for term in terms:
            found = _term_key(counts, term)
            if found is not None:
                wanted.setdefault(found[0], {})[found[1]] = term
    for n in sizes or counts.options.sizes:
        table = _filtered(counts, n)
        if terms:
            keys = wanted.get(n, {})
            table = table[table["key"].isin(list(keys))]
        table = table[(table["count"] >= min_count) & (table["docs"] >= min_docs)]
        frames.append(_measures(counts, table, n, measure))
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if terms:
        return _series(counts, table, terms, wanted)
    if not len(table):
        _explain_empty(counts, min_count, min_docs)
    if top is not None:
        table = _top_candidates(table, measure, top)
    table["term"] = _decode(counts, table)
    table["rank"] = table["group"].map(_group_rank(counts))
    table = table.sort_values(
        ["rank", measure, "term"], ascending=[True, False, True], kind="stable"
    )
    if top is not None:
        table = table[table.groupby("group").cumcount() < top]
    return _present(counts, table, measure)


def _decode(counts: TermCounts, table: pd.DataFrame) -> list[str]:
    """The term of each row (its packed ``key`` of size ``n``), in row order."""
    sizes = table["n"].unique()
    if len(sizes) == 1:  # the usual case: no regrouping
        return counts.totals.decode(table["key"].to_numpy(), int(sizes[0]))
    out: list[str] = []
    for n, part in table.groupby("n", sort=False):
        names = counts.totals.decode(part["key"].to_numpy(), int(n))
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
        group = table["group"].to_numpy()
        value = table[measure].to_numpy(dtype=np.float64)
        return table[value >= _cutoffs(group, value, top)[group]]
    ranked = table.sort_values(["group", measure], ascending=[True, False], kind="stable")
    position = ranked.groupby("group").cumcount()
    cutoff = ranked[position == top - 1].set_index("group")[measure]
    threshold = ranked["group"].map(cutoff).fillna(-math.inf)
    return ranked[ranked[measure] >= threshold]


def _cutoffs(group: np.ndarray, value: np.ndarray, top: int) -> np.ndarray:
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


def _group_rank(counts: TermCounts) -> dict[int, int]:
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
    for col in ("per_10k", "share_docs", "tfidf"):
        if col in out:
            out[col] = out[col].round(6 if col != "per_10k" else 4)
    return out.reset_index(drop=True)


def _series(
    counts: TermCounts, table: pd.DataFrame, terms: list[str], wanted: dict[int, dict[int, str]]
) -> pd.DataFrame:
    """One row per (group, term) for the given terms, zeros included."""
    found = {(int(r.group), int(r.n), int(r.key)): r for r in table.itertuples(index=False)}
    totals = counts.totals
    rows = []
    rank = _group_rank(counts)
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
            count = int(hit.count) if hit is not None else 0
            ndocs = int(hit.docs) if hit is not None else 0
            rows.append(
                {
                    "group": name,
                    "term": term,
                    "count": count,
                    "per_10k": round(count / max(tokens, 1) * 10_000, 4),
                    "docs": ndocs,
                    "share_docs": round(ndocs / max(docs, 1), 6),
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
