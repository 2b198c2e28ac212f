"""Where the articles come from, and which of them an analysis takes.

A :class:`Source` names the inputs (files, folders, globs, ``-`` for standard input, a list of
paths in a file, a corpus store, or a frame already in memory), the filters (outlets, a time
window, a full-text query on a store, exact duplicates) and the cleaning (boilerplate removed
first). It gives the corpus whole (:meth:`Source.read`), in chunks (:meth:`Source.stream`) or
cut into parts that worker processes load themselves (:meth:`Source.parts`), and fills a
:class:`LoadReport` with what loading found: skipped inputs, notes, articles read. How the work
is spread over processes is :mod:`corpuscli.engine.compute`'s business, not this module's.

One rule decides whether there is anything to analyse (:meth:`LoadReport.check`): no article
read raises :class:`~corpuscli.errors.NothingToAnalyse`, with a reason (every input skipped, the
time window, the outlets asked for, an empty input).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpuscli.errors import NothingToAnalyse, Problem, UsageError, plural
from corpuscli.progress import Progress

if TYPE_CHECKING:
    import pandas as pd

    from corpuscli.engine.partitions import PartPlan
    from corpuscli.io.inputs import InputItem


#: Parts per worker when the workers load the input files (for an even load), and their bounds.
PARTS_PER_JOB = 4
MIN_PART_BYTES = 4 * 2**20
MAX_PART_BYTES = 16 * 2**20
#: Plain-text and JSON Lines inputs up to this size in all are read and counted in this process
#: without pandas (see :meth:`Source.few_texts`) rather than by workers on parts: below it,
#: importing pandas, building frames and starting workers cost more than the workers share.
#: Measured on AllSides articles, 2 cores: 1,000 articles (6 MB) in about 0.8x the CPU time of
#: the ordinary way, 1,500 (9 MB) 0.9x, 2,000 (12 MB) even, 3,000 (19 MB) 1.2x; two parts of
#: :data:`MIN_PART_BYTES` is where workers begin to pay for themselves in wall time.
FEW_TEXTS_BYTES = 2 * MIN_PART_BYTES


@dataclass(frozen=True)
class Cleaning:
    """Boilerplate removal before an analysis (see :mod:`corpuscli.boilerplate`): repeated blocks
    learned per ``by`` group, plus a saved ``patterns`` file; ``page`` for whole web pages."""

    patterns: str | None = None
    by: str = "source"
    page: bool = False


@dataclass
class LoadReport:
    """What loading found: the inputs skipped, notes for the user, the articles read."""

    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    articles: int = 0
    #: A time window applied (for the reason given when nothing is left).
    windowed: bool = False
    #: Outlets asked for with ``--source`` (for the reason given when nothing is left).
    sources: tuple[str, ...] = ()
    #: Boilerplate blocks removed (None when the source is not cleaned).
    removed_blocks: int | None = None

    @property
    def partial(self) -> bool:
        """True when some inputs were skipped: the result stands, the exit status says 1."""
        return bool(self.problems)

    def check(self) -> None:
        """Raise :class:`NothingToAnalyse` when no article was read, saying why."""
        if self.articles:
            return
        if self.problems:
            from corpuscli.io.problems import skipped_count

            skipped = skipped_count(self.problems)
            raise NothingToAnalyse(
                f"nothing usable: {plural(skipped, 'input')} skipped, no article read",
                hint="fix the inputs named above",
            )
        if self.sources:
            raise NothingToAnalyse(
                f"no article of {', '.join(repr(s) for s in self.sources)}",
                hint="check --source (exact outlet names: corpus stats --by source lists them)",
            )
        if self.windowed:
            raise NothingToAnalyse(
                "no article falls in the time window", hint="widen --since/--until"
            )
        raise NothingToAnalyse("no articles in the input", hint="check the paths")

    def add(self, problems: Iterable[Problem], notes: Iterable[str], articles: int) -> None:
        self.problems.extend(problems)
        self.notes.extend(notes)
        self.articles += articles


@dataclass(frozen=True)
class Source:
    """The articles an analysis reads (see the module docstring).

    ``sources`` keeps only the articles of these outlets (exact names), on files and on a store
    alike; ``set_source`` names the outlet of articles whose input names none. ``since`` and
    ``until`` keep ``since <= published < until``. ``query`` is a full-text query on a
    ``store``. ``frame`` is a corpus frame already in memory (a notebook's)."""

    paths: tuple[str, ...] = ()
    files_from: str | None = None
    store: str | None = None
    query: str | None = None
    manifest: str | None = None
    encoding: str | None = None
    #: Core column -> the input's column holding it (``{"text": "body"}``).
    columns: tuple[tuple[str, str], ...] = ()
    set_source: str | None = None
    sources: tuple[str, ...] = ()
    since: datetime | None = None
    until: datetime | None = None
    dedupe: bool = False
    clean: Cleaning | None = None
    #: Bounds on one input: bytes after decompression, and the longest line, CSV field or
    #: one-article file (None: the reader's defaults; 0: no bound). See corpuscli.io.limits.
    max_input_size: int | None = None
    max_line_size: int | None = None
    frame: pd.DataFrame | None = field(default=None, compare=False, repr=False)

    # --- building -----------------------------------------------------------------------------
    @classmethod
    def of(cls, corpus: Any, **options: Any) -> Source:
        """A Source from what a notebook has at hand: a Source (``options`` replace its fields),
        a corpus frame, a path or a list of paths."""
        if isinstance(corpus, Source):
            return replace(corpus, **options) if options else corpus
        if isinstance(corpus, str | os.PathLike):
            return cls(paths=(os.fspath(corpus),), **options)
        pandas = sys.modules.get("pandas")  # a frame means pandas is imported: no import here
        if pandas is not None and isinstance(corpus, pandas.DataFrame):
            return cls(frame=corpus, **options)
        if isinstance(corpus, Iterable):
            return cls(paths=tuple(os.fspath(p) for p in corpus), **options)
        raise TypeError(f"cannot read a corpus from {type(corpus).__name__}")

    @property
    def reads_store(self) -> bool:
        return bool(self.store) and not self.paths and not self.files_from

    @property
    def windowed(self) -> bool:
        return self.since is not None or self.until is not None

    def loader_options(self) -> dict[str, Any]:
        """The :class:`~corpuscli.io.loader.Loader` options of this source (paths aside)."""
        return {
            "set_source": self.set_source,
            "sources": self.sources,
            "manifest": self.manifest,
            "encoding": self.encoding,
            "columns": dict(self.columns),
            "dedupe": self.dedupe,
            "since": self.since,
            "until": self.until,
            **{
                name: value
                for name, value in (
                    ("max_input_size", self.max_input_size),
                    ("max_line_size", self.max_line_size),
                )
                if value is not None
            },
        }

    def new_report(self, report: LoadReport | None = None) -> LoadReport:
        """A load report for this source (``report``, when given, is used: a caller that wants
        to tell what loading found even when the analysis fails passes its own)."""
        report = report if report is not None else LoadReport()
        report.windowed = report.windowed or self.windowed
        report.sources = report.sources or self.sources
        return report

    # --- inputs ---------------------------------------------------------------------------------
    def input_paths(self) -> list[str]:
        """The paths to read: ``paths`` and those listed in ``files_from`` (a file, or ``-`` for
        standard input)."""
        paths = list(self.paths)
        if self.files_from is not None:
            paths.extend(path for _, path in self._listed)
            if not paths:
                raise NothingToAnalyse(
                    "the --files-from list names no files", where=self.files_from
                )
        if not paths:
            raise UsageError(
                "no input given",
                hint="name files or folders, - for standard input, or --files-from FILE",
            )
        return paths

    def one_reader(self) -> bool:
        """True when one process must read the inputs: standard input, a store, a frame in
        memory, cleaning (learns from the whole corpus) or ``dedupe`` (compares every text)."""
        reads_stdin = "-" in self.paths or self.files_from == "-"
        return (
            reads_stdin or self.reads_store or self.frame is not None
            or self.clean is not None or self.dedupe
        )  # fmt: skip

    def expand(self) -> tuple[list[InputItem], list[Problem]]:
        """The input items (files found under folders and globs) and the paths not found, walked
        once per Source however many steps ask."""
        return self._expansion

    @cached_property
    def _listed(self) -> list[tuple[int, str]]:
        """The paths of the ``files_from`` list with their line numbers, read once (standard
        input cannot be read twice)."""
        from corpuscli.io.inputs import read_numbered_file_list

        if self.files_from is None:
            return []
        if self.files_from == "-":
            if "-" in self.paths:
                raise UsageError("--files-from - and the input - both want standard input")
            listing = sys.stdin.buffer.read()
        else:
            try:
                with open(self.files_from, "rb") as handle:
                    listing = handle.read()
            except OSError as exc:
                raise UsageError(
                    f"cannot read the file list: {exc.strerror}", where=self.files_from
                ) from None
        return read_numbered_file_list(listing, self.files_from)

    @cached_property
    def _expansion(self) -> tuple[list[InputItem], list[Problem]]:
        from corpuscli.io.inputs import expand_inputs

        items, problems = expand_inputs(self.input_paths())
        if self.files_from is None:
            return items, problems
        # a missing entry of the list is named with the list and the line to fix
        lines = {path: n for n, path in reversed(self._listed)}  # the first line of a path
        given = set(self.paths)
        listing = (
            "the --files-from list on standard input" if self.files_from == "-" else self.files_from
        )
        return items, [
            Problem(f"{p.where}, line {lines[p.where]} of {listing}", p.message, p.hint)
            if p.where in lines and p.where not in given else p
            for p in problems
        ]  # fmt: skip

    def parts(
        self, jobs: int, max_part: int | None = None
    ) -> tuple[PartPlan, list[Problem]] | None:
        """The input files cut into parts for ``jobs`` worker processes to load themselves (a
        large JSON Lines file at line ends, a compressed one decompressed once as the parts are
        taken, small files grouped), and the inputs not found; None when one process must read
        (see :meth:`one_reader`) or the input is too small to cut. With ``max_part`` (for a
        task slow per byte), parts of that many bytes at most, as many for each worker, and of
        :data:`MIN_PART_BYTES` / 4 at least (unless CORPUSCLI_PARTITION_MB says)."""
        if self.one_reader():
            return None
        from corpuscli.engine.partitions import PartPlan, partition_bytes, weight

        items, problems = self.expand()
        if os.environ.get("CORPUSCLI_PARTITION_MB"):
            target = partition_bytes()
        else:
            total = sum(weight(item) for item in items)
            if max_part is None:
                target = min(max(total // (jobs * PARTS_PER_JOB), MIN_PART_BYTES), MAX_PART_BYTES)
            else:
                # parts of even size, a multiple of ``jobs`` of them: the workers end together
                # (15 parts on 2 workers left one alone for the last; 5 parts of 4 MB took 8%
                # longer than 6 of 3.2 MB, one part of 4 MB and one of 2 MB 35% longer)
                rounds = max(1, -(-total // (jobs * max_part)))
                target = max(-(-total // (jobs * rounds)), MIN_PART_BYTES // 4)
        plan = PartPlan(
            items, target, max_size=self.max_input_size, max_line=self.max_line_size,
            inflate=jobs > 1,  # one process reads a compressed file as well from the file
        )  # fmt: skip
        return (plan, problems) if plan.expected >= 2 else None

    def is_large(self) -> bool:
        """True when the files weigh enough to be worth cutting into parts (two of the smallest)."""
        if self.one_reader():
            return False
        from corpuscli.engine.partitions import weight

        try:
            items, _ = self.expand()
        except UsageError:
            return False
        return sum(weight(item) for item in items) >= 2 * MIN_PART_BYTES

    def few_texts(self, report: LoadReport) -> list[str] | None:
        """The texts of small plain-text or JSON Lines files (:data:`FEW_TEXTS_BYTES` in all),
        read without pandas, so that a short run does not pay for importing it, with ``report``
        filled; None when the source is anything else (other formats, compressed files, filters,
        a manifest, a store, standard input, cleaning, parts sized by CORPUSCLI_PARTITION_MB) or
        when the ordinary loader would have something to tell (a problem, a detected encoding,
        an empty text, a column recognised by its values, two articles of one id, a date not
        surely readable): it then reads the input and tells it."""
        if (
            self.one_reader() or self.files_from or self.manifest or self.columns
            or self.set_source or self.sources or self.windowed
            or os.environ.get("CORPUSCLI_PARTITION_MB")  # parts asked for: the workers' way
        ):  # fmt: skip
            return None
        from corpuscli.errors import CorpusError
        from corpuscli.io.date_values import surely_read
        from corpuscli.io.limits import DEFAULT_MAX_INPUT_SIZE, DEFAULT_MAX_LINE_SIZE
        from corpuscli.io.readers import READERS, Context
        from corpuscli.io.streams import open_item

        items, missing = self.expand()
        if missing or not items or len({item.stem for item in items}) < len(items):
            return None
        try:
            few = all(i.fmt in _FEW_FORMATS and not i.compression and i.path for i in items)
            if not few or sum(i.stored_size for i in items) > FEW_TEXTS_BYTES:
                return None
        except OSError:
            return None
        size = DEFAULT_MAX_INPUT_SIZE if self.max_input_size is None else self.max_input_size
        line = DEFAULT_MAX_LINE_SIZE if self.max_line_size is None else self.max_line_size
        ctx = Context(None, self.encoding, max_input_size=size, max_line_size=line)
        texts: list[str] = []
        ids: set[str] = set()
        dates: dict[str, bool] = {}  # as the loader, each distinct date read once
        for item in items:
            try:
                stream, fmt = open_item(item, max_size=size, max_line=line)
                with stream:
                    if fmt not in _FEW_FORMATS:
                        return None
                    for records in READERS[fmt](item, stream, ctx):
                        for rec in records:
                            doc_id, date = _doc_id(rec, item.stem), rec.get("published")
                            if isinstance(date, str):  # each distinct date read once
                                if date not in dates:
                                    dates[date] = surely_read(date)
                                dated = dates[date]
                            else:
                                dated = surely_read(date)
                            if doc_id in ids or not dated:
                                return None
                            ids.add(doc_id)
                            texts.append(rec["text"])
            except (CorpusError, OSError, ValueError):
                return None
        if ctx.detected_encodings or ctx.problems.items() or ctx.empty_texts or ctx.column_choices:
            return None
        report.add([], [], len(texts))
        report.check()
        return texts

    # --- reading --------------------------------------------------------------------------------
    def stream(
        self, report: LoadReport, *, progress: Progress | None = None, jobs: int = 1
    ) -> Iterator[pd.DataFrame]:
        """The corpus in chunks of finished corpus frames. ``report`` is complete, and checked
        (:meth:`LoadReport.check`), once the stream ends. With cleaning the corpus is read whole
        first (repeated boilerplate is learned from all of it), cleaned on ``jobs`` cores."""
        if self.clean is not None:
            yield self.read(report, progress=progress, jobs=jobs)
            return
        yield from self._raw(report, progress)
        report.check()

    def read(
        self, report: LoadReport | None = None, *, progress: Progress | None = None, jobs: int = 1
    ) -> pd.DataFrame:
        """The corpus whole (cleaned when the source says so), with ``report`` filled and
        checked."""
        import pandas as pd

        from corpuscli.schema import empty_frame

        report = report if report is not None else self.new_report()
        chunks = list(self._raw(report, progress))
        report.check()
        frame = pd.concat(chunks, ignore_index=True) if chunks else empty_frame()
        if self.clean is not None:
            frame = self.cleaned(frame, report, jobs=jobs, progress=progress)
        return frame

    def cleaned(
        self,
        frame: pd.DataFrame,
        report: LoadReport,
        *,
        jobs: int = 1,
        progress: Progress | None = None,
    ) -> pd.DataFrame:
        """``frame`` with its boilerplate removed as :attr:`clean` asks."""
        from corpuscli.boilerplate.detection import Patterns, clean

        assert self.clean is not None
        patterns = Patterns.load(self.clean.patterns) if self.clean.patterns else None
        cleaned, verdicts = clean(
            frame, by=self.clean.by, patterns=patterns, page=self.clean.page, jobs=jobs,
            progress=progress, all_verdicts=False,
        )  # fmt: skip
        report.removed_blocks = int(verdicts["boilerplate"].sum())
        return cleaned.drop(columns="removed")

    def _raw(self, report: LoadReport, progress: Progress | None) -> Iterator[pd.DataFrame]:
        if self.frame is not None:
            yield from self._from_frame(report)
        elif self.reads_store:
            yield from self._from_store(report)
        else:
            if self.query:
                raise UsageError(
                    "--query filters a --store",
                    hint="add --store FILE, or use corpus kwic on files",
                )
            yield from self._from_files(report, progress)

    def _from_frame(self, report: LoadReport) -> Iterator[pd.DataFrame]:
        from corpuscli.io.loader import select_articles

        assert self.frame is not None
        kept = select_articles(
            completed(self.frame), sources=self.sources, since=self.since, until=self.until
        )
        report.articles += len(kept)
        if len(kept):
            yield kept

    def _from_store(self, report: LoadReport) -> Iterator[pd.DataFrame]:
        from contextlib import closing

        from corpuscli.store import db as store

        assert self.store is not None
        with closing(store.connect(self.store)) as con:
            for frame in store.read(
                con, sources=self.sources, since=self.since, until=self.until, query=self.query
            ):
                report.articles += len(frame)
                yield frame
        if not report.articles:
            raise NothingToAnalyse(
                "no article in the store matches",
                where=self.store,
                hint="check --source, --since, --until, --query",
            )

    def _from_files(self, report: LoadReport, progress: Progress | None) -> Iterator[pd.DataFrame]:
        from corpuscli.io.loader import Loader

        items, missing = self.expand()
        loader = Loader([], items=items, progress=progress, **self.loader_options())
        yield from loader.chunks()
        report.add(missing + loader.problems, loader.notes, loader.articles)


def as_paths(paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]) -> tuple[str, ...]:
    """One path or several, as a tuple of strings."""
    if isinstance(paths, str | os.PathLike):
        return (os.fspath(paths),)
    return tuple(os.fspath(p) for p in paths)


def is_path(value: object) -> bool:
    return isinstance(value, str | Path)


def completed(frame: pd.DataFrame) -> pd.DataFrame:
    """A notebook's frame as a corpus frame: ``frame`` itself when it has the core columns,
    else a copy with the missing ones added as the loader adds them to a file that has none
    (``doc_id`` the row's number, the others empty). A frame without a ``text`` column is a
    UsageError: there is nothing to analyse."""
    from corpuscli.schema import CORE_COLUMNS, coerce_frame

    missing = [c for c in CORE_COLUMNS if c not in frame.columns]
    if not missing:
        return frame
    if "text" in missing:
        raise UsageError(
            "the corpus frame has no 'text' column",
            hint="name the column of article text 'text' (frame.rename(columns={...}))",
        )
    frame = frame.copy()
    if "doc_id" in missing:
        frame["doc_id"] = [str(i) for i in range(len(frame))]
    return coerce_frame(frame)


#: The formats :meth:`Source.few_texts` reads.
_FEW_FORMATS = ("text", "jsonl")


def _doc_id(record: dict[str, Any], stem: str) -> str:
    """A record's doc_id as the loader gives it before making ids unique (see
    :func:`corpuscli.io.loader._tag`): its own, else the file's stem and its line."""
    doc_id = record.get("doc_id")
    if doc_id is None or not str(doc_id).strip():
        line, index = record.get("_line"), record.get("_index")
        return (
            f"{stem}:{line}" if line is not None else stem if index is None else f"{stem}:{index}"
        )
    return str(doc_id).strip()
