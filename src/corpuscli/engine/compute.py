"""Where an analysis runs: this machine's cores or a Dask cluster, and how its input reaches them.

A :class:`Compute` is ``jobs`` (worker processes), ``engine`` (``pandas`` or ``dask``) and
``scheduler`` (a Dask scheduler's address). For each kind of work it picks the way that suits
the :class:`~corpuscli.engine.source.Source`:

- **worker processes that load their own parts** of the input files (a large JSON Lines file is
  cut at line ends; see :meth:`Source.parts`): counting terms and collocation pairs, keyword in
  context, and any per-article task (:meth:`Compute.map_articles`: quotes, pairing features);
- **one reader streaming to worker processes** when one process must read (standard input, a
  store, a frame in memory, cleaning, ``dedupe``) or the input is small;
- **Dask**, the input files as a Dask frame loaded on the cluster's workers
  (:mod:`corpuscli.engine.dask`).

Every way returns the same result and the same :class:`~corpuscli.engine.source.LoadReport` as
one process reading everything (tested). Analyses that cannot run on Dask say so with a
:class:`~corpuscli.errors.UsageError` (see :meth:`Compute.local_only`).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from corpuscli.errors import UsageError
from corpuscli.progress import Progress

from .source import LoadReport, Source

if TYPE_CHECKING:
    import pandas as pd

    from corpuscli.boilerplate.detection import Patterns
    from corpuscli.engine.counting import TermOptions
    from corpuscli.engine.partitioned import FilesRead
    from corpuscli.engine.term_counts import TermCounts
    from corpuscli.io.inputs import InputItem

ENGINES = ("pandas", "dask")
T = TypeVar("T")


@dataclass(frozen=True)
class Compute:
    """Where the work runs (see the module docstring)."""

    jobs: int | None = None
    engine: str = "pandas"
    scheduler: str | None = None
    #: ``progress(done, total, label)`` as inputs are read (a progress bar at a terminal).
    progress: Progress | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise UsageError(f"unknown --engine {self.engine!r}", hint="use pandas or dask")
        if self.scheduler and self.engine != "dask":
            raise UsageError("--scheduler is for --engine dask")
        if self.jobs is not None and self.jobs < 1:
            raise UsageError("--jobs must be 1 or more")

    @property
    def dask(self) -> bool:
        return self.engine == "dask"

    @property
    def cores(self) -> int:
        """Worker processes on this machine: ``jobs``, else every core."""
        from corpuscli.engine.parallel import available_cores

        return self.jobs or available_cores()

    def local_only(self, what: str) -> None:
        """Refuse the Dask engine for work that runs on this machine only."""
        if self.dask:
            raise UsageError(f"{what} runs on the pandas engine only", hint="drop --engine dask")

    def start_early(self, source: Source) -> None:
        """Start the worker processes' server now, while the command is still importing, when
        workers will load parts of the input and come from a fork server (not on Linux, where
        they are forked from this process)."""
        if self.dask or self.cores < 2 or source.files_from:
            return
        from corpuscli.engine.parallel import start_early, start_method

        if start_method() != "forkserver" or not source.is_large():
            return
        start_early("corpuscli.engine.partitioned")

    # --- the corpus whole or streamed -----------------------------------------------------------
    def read(self, source: Source, report: LoadReport) -> pd.DataFrame:
        """The corpus whole, cleaned on every core when the source says so."""
        with self._progress() as progress:
            return source.read(report, progress=progress, jobs=self.cores)

    def stream(self, source: Source, report: LoadReport) -> Iterator[pd.DataFrame]:
        """The corpus in chunks (read whole first when it is cleaned)."""
        with self._progress() as progress:
            yield from source.stream(report, progress=progress, jobs=self.cores)

    @contextmanager
    def _progress(self) -> Iterator[Progress | None]:
        try:
            yield self.progress
        finally:
            close = getattr(self.progress, "close", None)
            if close is not None:
                close()

    # --- worker processes that load their own parts ---------------------------------------------
    def in_parts(
        self,
        source: Source,
        report: LoadReport,
        task: Callable[..., tuple[T, FilesRead]],
        *,
        max_part: int | None = None,
    ) -> T | None:
        """``task(partitions, jobs=, loader=, manifest=, progress=)`` (a function that counts or
        searches input parts in worker processes) when the source can be cut into parts, with
        what the load found added to ``report``; None when it cannot (stream it instead).
        ``max_part`` asks for even parts of at most that many bytes, for a task slow per byte:
        the last part runs alone while the other workers wait, so it should be short."""
        planned = source.parts(self.cores, max_part)
        if planned is None:
            return None
        from corpuscli.io.manifest import read_manifest

        partitions, missing = planned
        manifest = read_manifest(source.manifest) if source.manifest else None
        with partitions, self._progress() as progress:
            result, read = task(
                partitions, jobs=self.cores, loader=source.loader_options(), manifest=manifest,
                progress=progress,
            )  # fmt: skip
        report.add(missing + read.problems, read.notes, read.articles)
        report.check()
        return result

    # --- the analyses' ways --------------------------------------------------------------------
    def count_terms(
        self,
        source: Source,
        report: LoadReport,
        *,
        by: str | None,
        options: TermOptions,
        per_doc: bool = False,
    ) -> TermCounts:
        """Every term's count per group: workers load their own parts when they can, else one
        reader streams to them; on Dask, partitions count and the cluster sums."""
        if self.dask:
            from corpuscli.engine import dask as engine_dask

            with self.dask_corpus(source, report, by=by) as corpus:
                (merged,) = corpus.compute(
                    engine_dask.count_terms(corpus.frame, by=by, options=options)
                )
            return engine_dask.to_term_counts(merged, by=by, options=options)
        from corpuscli.engine.partitioned import count_terms_in_files
        from corpuscli.engine.term_counts import count_terms

        counted = self.in_parts(
            source, report, partial(count_terms_in_files, by=by, options=options, per_doc=per_doc)
        )
        if counted is not None:
            return counted
        return count_terms(
            self.stream(source, report), by=by, options=options, jobs=self.cores, per_doc=per_doc
        )

    # --- Dask -----------------------------------------------------------------------------------
    @contextmanager
    def dask_corpus(
        self,
        source: Source,
        report: LoadReport,
        *,
        by: str | None = None,
        extras: bool = False,
        clean: bool = True,
    ) -> Iterator[DaskCorpus]:
        """Connect to Dask and give the source as a Dask corpus frame (cleaned when the source
        says so and ``clean`` allows), with the ``by`` column beyond the core ones (``extras``:
        every column)."""
        from corpuscli.engine import dask as engine_dask
        from corpuscli.schema import PERIODS

        if source.reads_store or source.frame is not None:
            raise UsageError(
                "--engine dask reads files, not a --store",
                hint="export the store to Parquet (corpus store export -o DIR --partition) "
                "and analyse the folder",
            )
        columns = [by] if by and by != "doc" and by not in PERIODS else []
        # the graph is built (and the inputs checked) before any cluster starts
        loaded = engine_dask.load(
            source.input_paths(), keep=columns, extras=extras, **source.loader_options()
        )
        if loaded.frame is None:  # no file to read: say so as the pandas engine does
            report.add(loaded.problems, [], 0)
            report.check()
        frame = loaded.frame
        removed = None
        if clean and source.clean is not None:
            cleaned = engine_dask.clean_frame(
                frame, by=source.clean.by, patterns=source.clean.patterns, page=source.clean.page
            )
            removed = cleaned["removed"].map(blocks_removed, meta=("removed", "int64")).sum()
            frame = cleaned.drop(columns="removed")
        with engine_dask.connect(self.scheduler, self.jobs):
            yield DaskCorpus(report, loaded, frame, removed)

    def dask_boilerplate(
        self, source: Source, report: LoadReport, *, by: str, learn: bool, **options: Any
    ) -> tuple[pd.DataFrame, Patterns | None]:
        """Boilerplate verdicts (in input order) on Dask, and with ``learn`` the repeated blocks
        per group, learned from the same shuffled partitions."""
        from corpuscli.boilerplate.detection import Patterns
        from corpuscli.engine import dask as engine_dask

        with self.dask_corpus(source, report, by=by, clean=False) as corpus:
            shuffled = engine_dask.by_group(corpus.frame, by)
            verdicts = engine_dask.detect(corpus.frame, by=by, shuffled=shuffled, **options)
            parts = (
                engine_dask.learn(shuffled, by=by, min_repeats=options["min_repeats"],
                                  min_share=options["min_share"])
                if learn
                else []
            )  # fmt: skip
            result, learned = corpus.compute(verdicts, parts)
        merged = Patterns() if learn else None
        for part in learned:
            merged.merge(part)  # type: ignore[union-attr]
        return engine_dask.in_input_order(result, "block"), merged

    def dask_clean(
        self, source: Source, report: LoadReport, *, by: str, page: bool, patterns: str | None
    ) -> pd.DataFrame:
        """The cleaned corpus frame (with the ``removed`` column), cleaned on Dask, in input
        order, every metadata column kept."""
        from corpuscli.engine import dask as engine_dask

        with self.dask_corpus(source, report, extras=True, clean=False) as corpus:
            cleaned = engine_dask.clean_frame(corpus.frame, by=by, patterns=patterns, page=page)
            (result,) = corpus.compute(cleaned)
        return engine_dask.in_input_order(result)


class DaskCorpus:
    """The corpus as a Dask frame inside a connected client; :meth:`compute` also adds what the
    loaders found to the load report, as the pandas engine does after loading."""

    def __init__(self, report: LoadReport, loaded: Any, frame: Any, removed: Any = None) -> None:
        self.report = report
        self.loaded = loaded
        self.frame = frame
        #: With cleaning: the lazy number of boilerplate blocks removed.
        self.removed = removed

    def compute(self, *collections: Any) -> tuple[Any, ...]:
        from corpuscli.engine import dask as engine_dask

        extra = (self.removed,) if self.removed is not None else ()
        *results, reports = _dask_compute(*collections, *extra, self.loaded.reports)
        problems, notes, articles = engine_dask.finish_reports(self.loaded, reports)
        self.report.add(problems, notes, articles)
        self.report.check()
        if extra:
            self.report.removed_blocks = int(results.pop())
        return tuple(results)


def _dask_compute(*collections: Any) -> tuple[Any, ...]:
    """dask.compute, quiet about mixing delayed reports with DataFrame expressions."""
    from dask.base import compute  # dask.compute, imported where type checkers see it

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        # dask.compute has no annotations: a tuple, one result per collection
        results: tuple[Any, ...] = compute(*collections)  # type: ignore[no-untyped-call]
        return results


def blocks_removed(removed: str) -> int:
    """How many blocks a ``removed`` cell of a cleaned corpus (a JSON list) records."""
    import json

    return len(json.loads(removed)) if isinstance(removed, str) else 0


__all__ = ["Compute", "DaskCorpus", "blocks_removed"]

if TYPE_CHECKING:  # for type checkers only: the parts planned for workers
    Parts = tuple[list[list[InputItem]], list[Any]]
