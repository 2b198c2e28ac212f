"""Counting terms in input files that worker processes load themselves.

With one process reading for all (:func:`corpuscli.terms.count_terms` over a stream of frames),
parsing JSON and normalising text is work the workers wait on. Here the inputs are cut into
partitions (small files grouped, large JSON Lines files cut at line ends; see
:mod:`corpuscli.io.partitions`), and each worker loads a partition with the ordinary
:class:`~corpuscli.io.loader.Loader` and counts it at once; the calling process only merges.

The result equals the single-process one: partitions are merged in input order, so groups are
numbered in order of first appearance and problems are listed in input order; what the loaders
tally (unreadable dates, ids renamed, unused manifest entries) is added up before it is told; and
the uniqueness of doc_ids across the whole load is replayed here (the count of renamed ids is the
same; the ids themselves are not needed for counting by group). ``--by doc`` and ``--dedupe``
need the whole corpus in one place and go the single-process way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from corpuscli.counting import Counter, Partial, Totals, merge_partials
from corpuscli.errors import Problem
from corpuscli.io.inputs import InputItem
from corpuscli.io.loader import IdRegistry, Loader, LoadTally
from corpuscli.parallel import run_batches, worker_state
from corpuscli.terms import TermCounts, TermOptions, batch_texts


@dataclass
class FilesRead:
    """What loading the partitions found, told once at the end as a single load would."""

    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    articles: int = 0


@dataclass
class _PartitionCount:
    partials: list[Partial]
    groups: list[str]
    problems: list[Problem]
    tally: LoadTally
    articles: int
    ids: list[Any]
    paths: list[Any]


def _init_worker(options: TermOptions, by: str | None, per_doc: bool, loader: dict) -> None:
    state = worker_state()
    state["counter"] = Counter(options.token_spec())
    state["sizes"] = options.sizes
    state["by"] = by
    state["per_doc"] = per_doc
    state["loader"] = loader


def _count_partition(items: list[InputItem]) -> _PartitionCount:
    state = worker_state()
    counter: Counter = state["counter"]
    loader = Loader([], items=items, unique_ids=False, arrow_text=False, **state["loader"])
    names: dict[str, int] = {}
    partials: list[Partial] = []
    for frame in loader.chunks():
        for texts, groups in batch_texts(frame, state["by"], names):
            partials.append(counter.count(texts, groups, state["sizes"], per_doc=state["per_doc"]))
    return _PartitionCount(
        partials=[merge_partials(partials)] if partials else [],
        groups=sorted(names, key=names.__getitem__),
        problems=loader.problems,
        tally=loader.tally,
        articles=loader.articles,
        ids=loader.read_ids,
        paths=loader.read_paths,
    )


def count_terms_in_files(
    partitions: list[list[InputItem]],
    *,
    by: str | None = None,
    options: TermOptions | None = None,
    jobs: int = 1,
    per_doc: bool = False,
    loader: dict[str, Any] | None = None,
    manifest: Any = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> tuple[TermCounts, FilesRead]:
    """Count the terms of input partitions (see :func:`corpuscli.io.partitions.plan_partitions`)
    per group, each partition loaded and counted by a worker process; ``loader`` holds the
    :class:`Loader` options (not ``dedupe``), ``manifest`` the manifest frame for the note on
    unused entries. Returns the counts and what the load found."""
    if by == "doc" or (loader or {}).get("dedupe"):
        raise ValueError("--by doc and --dedupe need the whole corpus in one process")
    options = options or TermOptions()
    names: dict[str, int] = {}
    totals = Totals()
    read = FilesRead()
    tally = LoadTally()
    registry = IdRegistry()
    results = run_batches(
        _count_partition,
        partitions,
        jobs=jobs,
        initializer=_init_worker,
        initargs=(options, by, per_doc, loader or {}),
        ahead=2 * jobs,  # a part is a file name: queueing more costs nothing
    )
    for number, (result, part) in enumerate(zip(results, partitions, strict=True), start=1):
        mapping = np.fromiter(
            (names.setdefault(g, len(names)) for g in result.groups), np.int64, len(result.groups)
        )
        for partial in result.partials:
            totals.add(partial.regroup(mapping))
        read.problems.extend(result.problems)
        tally.merge(result.tally)
        read.articles += result.articles
        registry.assign(result.ids, result.paths)
        if progress is not None:
            progress(number, len(partitions), part[-1].display)
    tally.renamed_ids = registry.renamed
    read.notes = tally.notes(manifest)
    ordered = sorted(names, key=names.__getitem__)
    return TermCounts(totals=totals, options=options, by=by, group_names=ordered), read
