"""Counting terms (and collocation pairs) in input files that worker processes load themselves,
and the loop any such task runs (:func:`each_part`: keyword in context searches with it too).

With one process reading for all (:func:`corpuscli.engine.term_counts.count_terms` over a stream of frames),
parsing JSON and normalising text is work the workers wait on. Here the inputs are cut into
partitions (small files grouped, large JSON Lines files cut at line ends; see
:mod:`corpuscli.engine.partitions`), and each worker loads a partition with the ordinary
:class:`~corpuscli.io.loader.Loader` and counts it at once; the calling process only merges.

The result equals the single-process one: partitions are merged in input order, so groups are
numbered in order of first appearance and problems are listed in input order; what the loaders
tally (unreadable dates, ids renamed, unused manifest entries) is added up before it is told; and
the uniqueness of doc_ids across the whole load is replayed here (the count of renamed ids is the
same; counted ``--by doc``, a worker names each article by its place among the ids it read, and
its group here is the unique id of that place). ``--dedupe`` needs the whole corpus in one place
and goes the single-process way.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sized
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from corpuscli.engine.counting import Counter, Partial, TermOptions, Totals, merge_partials
from corpuscli.engine.parallel import run_batches, worker_state
from corpuscli.engine.partitions import PartPlan
from corpuscli.engine.term_counts import TermCounts, batch_texts
from corpuscli.errors import Problem
from corpuscli.io.inputs import InputItem
from corpuscli.io.loader import IdRegistry, Loader, LoadTally, PartsRead
from corpuscli.progress import Progress, tell

#: Partitions of a load: a list, or a plan that makes them as they are taken.
Partitions = list[list[InputItem]] | PartPlan

#: Texts a worker tokenises at a time: a batch that loads and counts in the same process is
#: not sent anywhere, and a small one keeps the tokeniser's arrays small and in cache (the full
#: corpus counted as fast as with the 1,000 of a batch sent to a worker, in 15-20% less memory).
WORKER_BATCH_DOCS = 250


@dataclass
class FilesRead:
    """What loading the partitions found, told once at the end as a single load would."""

    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    articles: int = 0


@dataclass
class PartRead:
    """What loading one partition found (every partition's result carries it)."""

    problems: list[Problem]
    tally: LoadTally
    articles: int
    #: The doc_id and path of every article read, in order (made unique by the caller).
    ids: list[Any]
    paths: list[Any]


def part_loader(items: list[InputItem]) -> Loader:
    """A loader of one partition in a worker, with the options its initializer stored: doc_ids
    as read (the caller makes them unique across parts), text as Python strings (not kept)."""
    options = worker_state()["loader"]
    return Loader([], items=items, unique_ids=False, arrow_text=False, **options)


def part_read(loader: Loader) -> dict[str, Any]:
    return {
        "problems": loader.problems,
        "tally": loader.tally,
        "articles": loader.articles,
        "ids": loader.read_ids,
        "paths": loader.read_paths,
    }


@dataclass
class _PartitionCount(PartRead):
    partials: list[Partial]
    groups: list[str]


@dataclass(frozen=True)
class _What:
    """What a worker counts: n-grams per group (``window`` None), or collocation pairs."""

    options: TermOptions
    by: str | None = None
    per_doc: bool = False
    window: int | None = None
    node: str | None = None


def _init_worker(task: Any, loader: dict[str, Any]) -> None:
    """Keep what a worker does (counting or searching) and the Loader options of its parts."""
    state = worker_state()
    state["task"] = task
    state["loader"] = loader
    if isinstance(task, _What):
        state["counter"] = Counter(task.options.token_spec())


def _count_partition(items: list[InputItem]) -> _PartitionCount:
    state = worker_state()
    counter: Counter = state["counter"]
    what: _What = state["task"]
    loader = part_loader(items)
    names: dict[str, int] = {}
    partials: list[Partial] = []
    for frame in loader.chunks():
        if what.by == "doc":  # ids are made unique by the caller: name articles by place
            frame = frame.assign(doc_id=frame.index.astype(str))
        for texts, groups in batch_texts(frame, what.by, names, WORKER_BATCH_DOCS):
            if what.window is None:
                part = counter.count(texts, groups, what.options.sizes, per_doc=what.per_doc)
            else:
                part = counter.pairs(texts, what.window, what.node)
            partials.append(part)
    return _PartitionCount(
        partials=[merge_partials(partials)] if partials else [],
        groups=sorted(names, key=names.__getitem__),
        **part_read(loader),
    )


def each_part(
    partitions: Partitions,
    func: Callable[[list[InputItem]], PartRead],
    read: FilesRead,
    *,
    task: Any,
    jobs: int,
    loader: dict[str, Any] | None,
    manifest: Any,
    progress: Progress | None,
) -> Iterator[tuple[Any, list[str]]]:
    """Each partition's result (``func`` run by a worker doing ``task``, its parts loaded with
    the ``loader`` options), in input order, with the unique doc_ids of the articles it read;
    what the loads found is gathered into ``read`` (its notes once every partition is in)."""
    loader = loader or {}
    if loader.get("dedupe"):
        raise ValueError("--dedupe needs the whole corpus in one process")
    parts = PartsRead()
    registry = IdRegistry()
    total = len(partitions) if isinstance(partitions, Sized) else partitions.expected
    handed: deque[list[InputItem]] = deque()

    def hand_out() -> Iterator[list[InputItem]]:  # partitions may be made as they are taken
        for part in partitions:
            handed.append(part)
            yield part

    results = run_batches(
        func,
        hand_out(),
        jobs=jobs,
        initializer=_init_worker,
        initargs=(task, loader),
        ahead=2 * jobs,  # a part is a file name: queueing more costs nothing
    )
    size_of: Callable[[list[InputItem]], int]
    if isinstance(partitions, PartPlan) and partitions.inflates:
        # parts decompressed as they are handed out: their sizes are not the files' on disk
        unit, total, size_of = "parts", total, (lambda part: 1)
    else:
        items = (
            partitions.items
            if isinstance(partitions, PartPlan)
            else [item for part in partitions for item in part]
        )
        unit, total = "bytes", sum(item.stored_size for item in items)
        size_of = lambda part: sum(item.stored_size for item in part)  # noqa: E731
    done = 0
    for result in results:
        part = handed.popleft()
        parts.add(result.problems, result.tally, result.articles)
        read.problems, read.articles = parts.problems, parts.articles
        yield result, registry.assign(result.ids, result.paths)
        done += size_of(part)  # what was read, as one reader would tell it
        tell(progress, done, max(total, done), part[-1].display, step="loading", unit=unit)
    parts.tally.renamed_ids = registry.renamed
    read.notes = parts.notes(manifest)


def _count_files(
    partitions: Partitions,
    what: _What,
    *,
    jobs: int,
    loader: dict[str, Any] | None,
    manifest: Any,
    progress: Progress | None,
) -> tuple[Totals, list[str], FilesRead]:
    names: dict[str, int] = {}
    totals = Totals(disjoint=what.by == "doc")  # an article is in one part only
    read = FilesRead()
    for result, unique in each_part(
        partitions, _count_partition, read, task=what, jobs=jobs, loader=loader,
        manifest=manifest, progress=progress,
    ):  # fmt: skip
        groups = [unique[int(g)] for g in result.groups] if what.by == "doc" else result.groups
        mapping = np.fromiter(
            (names.setdefault(g, len(names)) for g in groups), np.int64, len(groups)
        )
        for partial in result.partials:
            totals.add(partial.regroup(mapping))
    return totals, sorted(names, key=names.__getitem__), read


def count_terms_in_files(
    partitions: Partitions,
    *,
    by: str | None = None,
    options: TermOptions | None = None,
    jobs: int = 1,
    per_doc: bool = False,
    loader: dict[str, Any] | None = None,
    manifest: Any = None,
    progress: Progress | None = None,
) -> tuple[TermCounts, FilesRead]:
    """Count the terms of input partitions (see :func:`corpuscli.engine.partitions.plan_partitions`)
    per group, each partition loaded and counted by a worker process; ``loader`` holds the
    :class:`Loader` options (not ``dedupe``), ``manifest`` the manifest frame for the note on
    unused entries. Returns the counts and what the load found."""
    options = options or TermOptions()
    what = _What(options=options, by=by, per_doc=per_doc)
    totals, names, read = _count_files(
        partitions, what, jobs=jobs, loader=loader, manifest=manifest, progress=progress
    )
    return TermCounts(totals=totals, options=options, by=by, group_names=names), read


def count_pairs_in_files(
    partitions: Partitions,
    *,
    window: int,
    node: str | None,
    options: TermOptions,
    jobs: int = 1,
    loader: dict[str, Any] | None = None,
    manifest: Any = None,
    progress: Progress | None = None,
) -> tuple[Totals, FilesRead]:
    """Collocation pair counts (see :func:`corpuscli.analysis.collocations.collocations`, whose
    ``counted`` they can be) of input partitions, each loaded and counted by a worker process;
    ``node`` is the node word as counted (``collocations.node_key``)."""
    what = _What(options=options, window=window, node=node)
    totals, _, read = _count_files(
        partitions, what, jobs=jobs, loader=loader, manifest=manifest, progress=progress
    )
    return totals, read
