"""Counting the terms of a corpus on this machine's cores: :class:`TermOptions` (what counts as a
term) in, :class:`TermCounts` (every term's count and document frequency per group) out.

The tables people read are made from these counts by :mod:`corpuscli.analysis.terms`; the same
counts serve ``compare``, ``stats`` and the report. Worker processes that load their own parts of
the input count with the same functions (:mod:`corpuscli.engine.partitioned`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pandas as pd

from corpuscli.engine.counting import Counter, Partial, TermOptions, TokenSpec, Totals
from corpuscli.engine.parallel import run_batches, worker_state
from corpuscli.progress import Progress, tracked
from corpuscli.schema import group_keys

#: Documents per batch handed to a worker.
BATCH_DOCS = 1000


@dataclass
class TermCounts:
    """Counts of every term per group, before any filtering or ranking."""

    totals: Totals
    options: TermOptions
    by: str | None
    group_names: list[str] = field(default_factory=list)
    #: n-gram sizes counted over all groups together (their tables hold group 0 only): read
    #: them through :func:`collapse`
    pooled: tuple[int, ...] = ()

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
            opts.lower and not opts.stemmed and opts.pattern is None
            and bool(self.totals.doc_tokens) and self.totals.documents == documents
        )  # fmt: skip

    def filtered(self, n: int) -> pd.DataFrame:
        """The table of ``n``-grams (key, group, count, docs) without the terms the options drop:
        a unigram that is a stopword, an n-gram starting or ending with one, and (unless
        ``keep_numbers``) any term with a word that has no letter."""
        if n in self.pooled and self.by is not None:  # a bug, never user input
            raise RuntimeError(f"{n}-grams were counted over all groups: collapse() them")
        table = self.totals.table(n)
        if not len(table):
            return table
        opts = self.options
        stop, number = self.totals.word_flags(opts.stopwords)
        parts = self.totals.component_ids(table["key"].to_numpy(), n)
        drop: npt.NDArray[np.bool_] = stop[parts[0]] | stop[parts[-1]]
        if not opts.keep_numbers:
            for part in parts:
                drop |= number[part]
        return table[~drop]


# --- counting (runs in worker processes) ----------------------------------------------------------


def _init_worker(
    spec: TokenSpec,
    sizes: tuple[int, ...],
    per_doc: bool = False,
    words_by_group: bool = False,
    pooled: tuple[int, ...] = (),
) -> None:
    state = worker_state()
    state["pooled"] = pooled
    state["counter"] = Counter(spec)
    state["sizes"] = sizes
    state["per_doc"] = per_doc
    state["words_by_group"] = words_by_group


def _count_batch(batch: tuple[list[str], np.ndarray]) -> Partial:
    state = worker_state()
    texts, groups = batch
    counter: Counter = state["counter"]
    return counter.count(
        texts, groups, state["sizes"], per_doc=state["per_doc"],
        words_by_group=state["words_by_group"], pooled=state["pooled"],
    )  # fmt: skip


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
    words_by_group: bool = False,
    pooled: tuple[int, ...] = (),
    progress: Progress | None = None,
) -> TermCounts:
    """Count every term of ``corpus`` (a corpus frame, or an iterable of them to stream) per group.

    ``by``: None (the whole corpus), ``doc`` (each article), a column name, or day, week,
    month, year. ``jobs``: worker processes for tokenising. ``per_doc`` also keeps each
    article's word counts (``totals.word_table()``), so that other analyses (the overview's
    word counts, the pairs' article vectors) need not tokenise the text again.
    ``words_by_group`` keeps each article's number of words and the distinct words of each
    group (the table :data:`~corpuscli.engine.counting.WORDS`) instead: what the overview of the
    same groups needs, in memory that grows with the groups' vocabularies rather than with the
    articles. The n-grams of the sizes in ``pooled`` are counted over all groups together, a
    row per n-gram rather than per group and n-gram (read them through :func:`collapse`).
    ``progress`` is told the articles counted (step ``counting``; see
    :mod:`corpuscli.progress`).
    """
    options = options or TermOptions()
    names: dict[str, int] = {}
    totals = Totals()
    batches = batch_texts(corpus, by, names)

    def run(batches: Iterable[tuple[list[str], np.ndarray]]) -> Iterator[Partial]:
        return run_batches(
            _count_batch, batches, jobs=jobs, initializer=_init_worker,
            initargs=(options.token_spec(), options.sizes, per_doc, words_by_group, pooled),
        )  # fmt: skip

    total = len(corpus) if isinstance(corpus, pd.DataFrame) else 0
    for part in tracked(
        run, batches, progress, step="counting", total=total, size=lambda b: len(b[0])
    ):
        totals.add(part)
    ordered = sorted(names, key=names.__getitem__)
    return TermCounts(totals=totals, options=options, by=by, group_names=ordered, pooled=pooled)


def collapse(counts: TermCounts, sizes: tuple[int, ...] | None = None) -> TermCounts:
    """The counts of all groups added together (``by=None``): one counting pass can serve a
    per-source table and the overall one. Exact: every document belongs to one group.
    ``sizes``: only the n-grams of these sizes (the others' tables left out), so that a caller
    that reads one size at a time holds one collapsed table at a time. The tables of
    ``counts.pooled`` sizes already hold one row per n-gram, in group 0: they are taken as
    they are, not summed again."""
    from corpuscli.engine.counting import WORDS, key_bits, sum_by

    totals = Totals(
        terms=counts.totals.terms, term_ids=counts.totals.term_ids, flags=counts.totals.flags
    )
    for name, n in counts.totals.arity.items():
        if name == WORDS:  # a group's vocabulary, not a term count
            continue
        if sizes is not None and name not in {str(size) for size in sizes}:
            continue
        table = counts.totals.table(name)
        distinct = n in counts.pooled and name == str(n) and not counts.totals.disjoint
        summed = (
            table
            if distinct or not len(table)
            else sum_by(
                np.zeros(len(table), dtype=np.int64),
                table["key"].to_numpy(),
                table["count"].to_numpy(),
                table["docs"].to_numpy(),
                key_bits(n),
            )
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
    from corpuscli.engine.counting import GLOBAL_BITS, repack

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
                keys = repack(table["key"].to_numpy(), n, GLOBAL_BITS, mapping)
                table = table.assign(group=g, key=keys)
            totals.tables.setdefault(name, []).append(table)
            totals.arity[name] = n
        totals.group_tokens[g] = one.totals.group_tokens.get(0, 0)
        totals.group_docs[g] = one.totals.group_docs.get(0, 0)
    return TermCounts(totals=totals, options=first.options, by=by, group_names=list(named))
