"""`--engine pandas|dask` and `--scheduler`: where the counting runs (see corpuscli.engine.dask)."""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from corpuscli.errors import CorpusError, UsageError

from ._token_options import TOKENS, JobsOpt

if TYPE_CHECKING:
    import pandas as pd

    from corpuscli.boilerplate.detection import Patterns
    from corpuscli.engine.partitioned import FilesRead
    from corpuscli.engine.term_counts import TermCounts, TermOptions
    from corpuscli.errors import Problem
    from corpuscli.io.inputs import InputItem

    from ._run import InputSpec, Run

ENGINES = ("pandas", "dask")
T = TypeVar("T")

EngineOpt = Annotated[
    str,
    typer.Option(
        "--engine",
        metavar="NAME",
        envvar="CORPUSCLI_ENGINE",
        help="pandas (this machine's cores) or dask (a Dask cluster; needs corpuscli\\[dask]).",
        rich_help_panel=TOKENS,
    ),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        metavar="ADDRESS",
        envvar="CORPUSCLI_SCHEDULER",
        help="Dask scheduler (tcp://HOST:8786); default: a local cluster with --jobs workers.",
        rich_help_panel=TOKENS,
    ),
]


@dataclass(frozen=True)
class Compute:
    """Where a command's work runs: ``--jobs``, ``--engine`` and ``--scheduler``, declared once
    by ``@corpus_command(compute=True)``."""

    jobs: int | None = None
    engine: str = "pandas"
    scheduler: str | None = None

    @property
    def dask(self) -> bool:
        """True for the Dask engine (a usage error for an unknown one or a stray --scheduler)."""
        return check_engine(self.engine, self.scheduler)

    def start_early(self, spec: InputSpec) -> None:
        """Start the worker processes' server now, while this process is still importing, when
        the pandas engine will count files in worker processes (see ``term_counts``) and they
        come from a fork server (not on Linux, where they are forked from this process)."""
        if self.engine != "pandas" or self.cores < 2 or _one_reader(spec) or spec.files_from:
            return
        from corpuscli.engine.parallel import start_early, start_method

        if start_method() != "forkserver":
            return  # forked or spawned workers: no server to start, no input to size up
        from corpuscli.engine.partitions import weight

        try:
            items, _ = spec.expand(spec.paths or [])
        except CorpusError:
            return  # the load says what is wrong
        if sum(weight(item) for item in items) < 2 * _MIN_PARTITION:
            return  # too little to share out

        start_early("corpuscli.engine.partitioned")

    @property
    def cores(self) -> int:
        """Worker processes for the pandas engine: --jobs, else every core."""
        from corpuscli.engine.parallel import available_cores

        return self.jobs or available_cores()


#: (name, annotation, default) of the options ``Compute`` is made of, in --help order.
COMPUTE_OPTIONS: tuple[tuple[str, Any, Any], ...] = (
    ("jobs", JobsOpt, None),
    ("engine", EngineOpt, "pandas"),
    ("scheduler", SchedulerOpt, None),
)


def check_engine(engine: str, scheduler: str | None) -> bool:
    """True for the Dask engine; a usage error for an unknown engine or a stray --scheduler."""
    if engine not in ENGINES:
        raise UsageError(f"unknown --engine {engine!r}", hint="use pandas or dask")
    if scheduler and engine != "dask":
        raise UsageError("--scheduler is for --engine dask")
    return engine == "dask"


def _dask_inputs(run: Run, spec: InputSpec) -> list[str]:
    if spec.store:
        raise UsageError(
            "--engine dask reads files, not a --store",
            hint="export the store to Parquet (corpus store export -o DIR --partition) "
            "and analyse the folder",
        )
    return run.input_paths(spec)


def _loader_options(spec: InputSpec) -> dict[str, Any]:
    from corpuscli.io.decode import check_encoding
    from corpuscli.io.window import parse_bound

    return {
        "source": spec.source,
        "manifest": spec.manifest,
        "encoding": check_encoding(spec.encoding) if spec.encoding else None,
        **spec.limits(),
        "columns": {k: v for k, v in spec.columns.items() if v},
        "dedupe": spec.dedupe,
        "since": parse_bound(spec.since, option="--since") if spec.since else None,
        "until": parse_bound(spec.until, option="--until") if spec.until else None,
    }


def _dask_compute(*collections: Any) -> tuple[Any, ...]:
    """dask.compute, quiet about mixing delayed reports with DataFrame expressions."""
    import dask

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return dask.compute(*collections)


class DaskCorpus:
    """The corpus as a Dask frame inside a connected client; :meth:`compute` also reports what
    the loaders skipped, as the pandas engine does after loading."""

    def __init__(
        self, run: Run, spec: InputSpec, loaded: Any, frame: Any, removed: Any = None
    ) -> None:
        self.run = run
        self.spec = spec
        self.loaded = loaded
        self.frame = frame
        #: With --clean: the lazy number of boilerplate blocks removed, told as the pandas
        #: engine tells it.
        self.removed = removed

    def compute(self, *collections: Any) -> tuple[Any, ...]:
        from corpuscli.engine import dask as engine_dask

        extra = (self.removed,) if self.removed is not None else ()
        *results, reports = _dask_compute(*collections, *extra, self.loaded.reports)
        problems, notes, articles = engine_dask.finish_reports(self.loaded, reports)
        self.run.after_load(problems, notes, articles, bool(self.spec.since or self.spec.until))
        if extra:
            self.run.info(f"--clean removed {int(results.pop()):,} boilerplate blocks")
        return tuple(results)


@contextmanager
def dask_corpus(
    run: Run,
    spec: InputSpec,
    *,
    compute: Compute,
    by: str | None = None,
    extras: bool = False,
    clean: bool = True,
) -> Iterator[DaskCorpus]:
    """Connect to Dask and give the inputs as a Dask corpus frame (cleaned with --clean when
    ``clean`` allows), with the ``by`` column beyond the core ones (``extras``: every column)."""
    from corpuscli.engine import dask as engine_dask
    from corpuscli.schema import PERIODS

    paths = _dask_inputs(run, spec)
    columns = [by] if by and by != "doc" and by not in PERIODS else []
    # the graph is built (and the inputs checked) before any cluster starts
    loaded = engine_dask.load(paths, keep=columns, extras=extras, **_loader_options(spec))
    if loaded.frame is None:  # no file to read: say so as the pandas engine does
        run.after_load(loaded.problems, [], 0, bool(spec.since or spec.until))
    frame = loaded.frame
    removed = None
    if clean and spec.clean:
        cleaned = engine_dask.clean_frame(frame, patterns=spec.patterns)
        removed = cleaned["removed"].map(blocks_removed, meta=("removed", "int64")).sum()
        frame = cleaned.drop(columns="removed")
    with engine_dask.connect(compute.scheduler, compute.jobs):
        yield DaskCorpus(run, spec, loaded, frame, removed)


def blocks_removed(removed: str) -> int:
    """How many blocks a ``removed`` cell of a cleaned corpus (a JSON list) records."""
    import json

    return len(json.loads(removed)) if isinstance(removed, str) else 0


#: Partitions per worker when the workers load the files (for an even load), and their bounds.
_PARTITIONS_PER_JOB = 4
_MIN_PARTITION = 4 * 2**20
_MAX_PARTITION = 16 * 2**20


def _one_reader(spec: InputSpec) -> bool:
    """True when the inputs must be read by one process: standard input, a store, --clean
    (learns from the whole corpus), --dedupe."""
    reads_stdin = (not spec.paths and not spec.files_from) or "-" in (spec.paths or [])
    return reads_stdin or spec.files_from == "-" or bool(spec.store or spec.clean or spec.dedupe)


def _file_parts(
    run: Run, spec: InputSpec, *, jobs: int
) -> tuple[list[list[InputItem]], list[Problem]] | None:
    """The input files cut into parts for worker processes to load, and the inputs not found;
    None when the inputs or options need one reading process (standard input, a store, --clean,
    --dedupe) or the input is too small to cut. With one job the parts are loaded and
    counted one after the other in this process: that way needs less memory than streaming
    (bigrams of the full corpus 925 MB instead of 1,021 MB) at the same speed."""
    if _one_reader(spec):
        return None
    from corpuscli.engine.partitions import partition_bytes, plan_partitions, weight

    items, problems = spec.expand(run.input_paths(spec))
    if os.environ.get("CORPUSCLI_PARTITION_MB"):
        target = partition_bytes()
    else:
        total = sum(weight(item) for item in items)
        target = min(max(total // (jobs * _PARTITIONS_PER_JOB), _MIN_PARTITION), _MAX_PARTITION)
    partitions = plan_partitions(items, target, split=True)
    return (partitions, problems) if len(partitions) >= 2 else None


def in_worker_files(
    run: Run,
    spec: InputSpec,
    count: Callable[..., tuple[T, FilesRead]],
    *,
    jobs: int,
) -> T | None:
    """``count(partitions, jobs=, loader=, manifest=, progress=)`` (a function of
    corpuscli.engine.partitioned that counts or searches) when worker processes can load the input
    files themselves, with what the load found reported as a single load reports it; None when
    they cannot (the caller streams the inputs instead)."""
    planned = _file_parts(run, spec, jobs=jobs)
    if planned is None:
        return None
    from corpuscli.io.manifest import read_manifest

    from ._progress import LazyProgress

    partitions, problems = planned
    manifest = read_manifest(spec.manifest) if spec.manifest else None
    progress = LazyProgress(enabled=not run.quiet and sys.stderr.isatty())
    try:
        result, read = count(
            partitions, jobs=jobs, loader=_loader_options(spec), manifest=manifest,
            progress=progress,
        )  # fmt: skip
    finally:
        progress.close()
    run.after_load(
        problems + read.problems, read.notes, read.articles, bool(spec.since or spec.until)
    )
    return result


def term_counts(
    run: Run, spec: InputSpec, *, by: str | None, options: TermOptions, compute: Compute
) -> TermCounts:
    """Count terms with the chosen engine: the pandas engine has its workers load the input
    files themselves when it can (see corpuscli.engine.partitioned), else streams the inputs to them."""
    if not compute.dask:
        from corpuscli.engine.partitioned import count_terms_in_files

        counts = in_worker_files(
            run, spec, partial(count_terms_in_files, by=by, options=options), jobs=compute.cores,
        )  # fmt: skip
        if counts is not None:
            return counts
        from corpuscli.engine.term_counts import count_terms

        return count_terms(run.stream(spec), by=by, options=options, jobs=compute.cores)
    from corpuscli.engine import dask as engine_dask

    with dask_corpus(run, spec, compute=compute, by=by) as corpus:
        (merged,) = corpus.compute(engine_dask.count_terms(corpus.frame, by=by, options=options))
    return engine_dask.to_term_counts(merged, by=by, options=options)


def dask_boilerplate(
    run: Run,
    spec: InputSpec,
    *,
    by: str,
    compute: Compute,
    learn: bool,
    **options: Any,
) -> tuple[pd.DataFrame, Patterns | None]:
    """Boilerplate verdicts (in input order) on Dask, and with ``learn`` the repeated blocks per
    source, learned from the same shuffled partitions."""
    from corpuscli.boilerplate import detection as boilerplate
    from corpuscli.engine import dask as engine_dask

    with dask_corpus(run, spec, compute=compute, by=by, clean=False) as corpus:
        shuffled = engine_dask.by_group(corpus.frame, by)
        verdicts = engine_dask.detect(corpus.frame, by=by, shuffled=shuffled, **options)
        parts = (
            engine_dask.learn(shuffled, by=by, min_repeats=options["min_repeats"],
                              min_share=options["min_share"])
            if learn
            else []
        )  # fmt: skip
        result, learned = corpus.compute(verdicts, parts)
    merged = boilerplate.Patterns() if learn else None
    for part in learned:
        merged.merge(part)  # type: ignore[union-attr]
    return engine_dask.in_input_order(result, "block"), merged


def dask_clean(run: Run, spec: InputSpec, *, by: str, page: bool, compute: Compute) -> pd.DataFrame:
    """The cleaned corpus frame (with the ``removed`` column), cleaned on Dask, in input order,
    every metadata column kept."""
    from corpuscli.engine import dask as engine_dask

    with dask_corpus(run, spec, compute=compute, extras=True, clean=False) as corpus:
        cleaned = engine_dask.clean_frame(corpus.frame, by=by, patterns=spec.patterns, page=page)
        (result,) = corpus.compute(cleaned)
    return engine_dask.in_input_order(result)


def dask_pair_features(
    run: Run, spec: InputSpec, *, by: str, compute: Compute
) -> tuple[pd.DataFrame, Any]:
    """The corpus without its text, and each article's pairing features, computed on Dask."""
    from corpuscli.engine import dask as engine_dask

    with dask_corpus(run, spec, compute=compute, by=by) as corpus:
        (features,) = corpus.compute(engine_dask.pair_features(corpus.frame))
    return engine_dask.pairs_input(features)
