"""What every command does around its analysis: read inputs, report problems, write output, and
turn exceptions into one-line messages and exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import typer

from corpuscli.errors import CorpusError, ExitCode, NothingToAnalyse, Problem, UsageError, plural

from ._options import OutputFormat

if TYPE_CHECKING:
    import pandas as pd

    from corpuscli.io.inputs import InputItem

#: How many skipped inputs are named one by one before the rest are only counted.
MAX_PROBLEMS_SHOWN = 50


@dataclass
class InputSpec:
    """The input options every command shares."""

    paths: list[str] | None = None
    files_from: str | None = None
    source: str | None = None
    manifest: str | None = None
    encoding: str | None = None
    since: str | None = None
    until: str | None = None
    dedupe: bool = False
    columns: dict[str, str | None] = field(default_factory=dict)
    #: Remove boilerplate before analysing; patterns saved by `corpus boilerplate`.
    clean: bool = False
    patterns: str | None = None
    #: Read from this corpus store (with --source, --since, --until, --query as filters).
    store: str | None = None
    query: str | None = None
    #: --max-input-size and --max-line-size as given (None: the Loader's defaults).
    max_input_size: str | None = None
    max_line_size: str | None = None
    #: The last expansion of input paths (paths, items, problems), so that a run walks its
    #: folders once however many steps ask (see :meth:`expand`).
    _expanded: tuple[tuple[str, ...], list[InputItem], list[Problem]] | None = field(
        default=None, repr=False, compare=False
    )

    def limits(self) -> dict[str, int]:
        """The bounds on one input, as Loader options (see corpuscli.io.limits)."""
        from corpuscli.io.limits import DEFAULT_MAX_INPUT_SIZE, DEFAULT_MAX_LINE_SIZE, parse_size

        given = (
            ("max_input_size", self.max_input_size, DEFAULT_MAX_INPUT_SIZE),
            ("max_line_size", self.max_line_size, DEFAULT_MAX_LINE_SIZE),
        )
        return {
            name: default
            if value is None
            else parse_size(value, option=f"--{name}".replace("_", "-"))
            for name, value, default in given
        }

    def expand(self, paths: list[str]) -> tuple[list[InputItem], list[Problem]]:
        """The input items of ``paths`` (files, folders, globs) and the paths not found, walked
        once per run."""
        key = tuple(paths)
        if self._expanded is None or self._expanded[0] != key:
            from corpuscli.io.inputs import expand_inputs

            self._expanded = (key, *expand_inputs(paths))
        return self._expanded[1], self._expanded[2]


def error_line(what: str) -> str:
    return f"corpus: error: {what}"


class Run:
    """The state of one command run: options for stderr, and whether inputs were skipped."""

    def __init__(self, *, quiet: bool = False, debug: bool = False) -> None:
        self.quiet = quiet
        self.debug = debug
        self.partial = False
        #: The inputs skipped so far, as "message (where)" lines (for reports).
        self.skipped: list[str] = []

    # --- stderr ---------------------------------------------------------------------------------
    def warn(self, message: str) -> None:
        if not self.quiet:
            print(f"corpus: warning: {message}", file=sys.stderr)

    def info(self, message: str) -> None:
        if not self.quiet:
            print(f"corpus: {message}", file=sys.stderr)

    def report_problems(self, problems: list[Problem]) -> None:
        from corpuscli.io.problems import summarise

        problems = summarise(problems)  # repeats of a kind (from parts of a load) merged
        for problem in problems[:MAX_PROBLEMS_SHOWN]:
            print(error_line(str(problem)), file=sys.stderr)
        if len(problems) > MAX_PROBLEMS_SHOWN:
            print(
                error_line(f"... and {plural(len(problems) - MAX_PROBLEMS_SHOWN, 'more problem')}"),
                file=sys.stderr,
            )

    # --- input ----------------------------------------------------------------------------------
    def input_paths(self, spec: InputSpec) -> list[str]:
        paths = list(spec.paths or [])
        if spec.files_from is not None:
            from corpuscli.io.inputs import read_file_list

            if spec.files_from == "-":
                if "-" in paths:
                    raise UsageError("--files-from - and the input - both want standard input")
                listing = sys.stdin.buffer.read()
            else:
                try:
                    with open(spec.files_from, "rb") as handle:
                        listing = handle.read()
                except OSError as exc:
                    raise UsageError(
                        f"cannot read the file list: {exc.strerror}", where=spec.files_from
                    ) from None
            paths.extend(read_file_list(listing, spec.files_from))
            if not paths:
                raise NothingToAnalyse(
                    "the --files-from list names no files", where=spec.files_from
                )
        if not paths:
            if sys.stdin is None or sys.stdin.isatty():
                raise UsageError(
                    "no input given",
                    hint="name files or folders, - for standard input, or --files-from FILE",
                )
            paths = ["-"]
        if "-" in paths and sys.stdin is not None and sys.stdin.isatty():
            self.info("reading articles from standard input (end with Ctrl-D)")
        return paths

    def load(self, spec: InputSpec, *, clean: bool = True) -> pd.DataFrame:
        """Load the inputs whole, report skipped ones and notes, and return the corpus frame
        (cleaned of boilerplate when ``--clean`` asks for it and ``clean`` allows)."""
        import pandas as pd

        frame = pd.concat(list(self._stream(spec)), ignore_index=True)
        if clean and spec.clean:
            frame = self._clean(frame, spec)
        return frame

    def _clean(self, frame: pd.DataFrame, spec: InputSpec) -> pd.DataFrame:
        from corpuscli.boilerplate import detection as boilerplate

        patterns = boilerplate.Patterns.load(spec.patterns) if spec.patterns else None
        from corpuscli.engine.parallel import available_cores

        cleaned, verdicts = boilerplate.clean(frame, patterns=patterns, jobs=available_cores())
        self.info(f"--clean removed {int(verdicts['boilerplate'].sum()):,} boilerplate blocks")
        return cleaned.drop(columns="removed")

    def stream(self, spec: InputSpec) -> Iterator[pd.DataFrame]:
        """The corpus frame in chunks, for analyses that stream; problems and notes are reported
        when the stream ends (before any output is written). With --clean the corpus is read
        whole first: repeated boilerplate is learned from all of it."""
        if spec.clean:
            yield self.load(spec)
            return
        yield from self._stream(spec)

    def _stream(self, spec: InputSpec) -> Iterator[pd.DataFrame]:
        if spec.store and not spec.paths and not spec.files_from:
            yield from self._stream_store(spec)
            return
        if spec.query:
            raise UsageError(
                "--query filters a --store", hint="add --store FILE, or use corpus kwic on files"
            )
        yield from self._stream_files(spec)

    def _stream_store(self, spec: InputSpec) -> Iterator[pd.DataFrame]:
        from contextlib import closing

        from corpuscli.io.window import parse_bound
        from corpuscli.store import db as store

        since = parse_bound(spec.since, option="--since") if spec.since else None
        until = parse_bound(spec.until, option="--until") if spec.until else None
        articles = 0
        with closing(store.connect(spec.store)) as con:
            for frame in store.read(
                con, source=spec.source, since=since, until=until, query=spec.query
            ):
                articles += len(frame)
                yield frame
        if not articles:
            raise NothingToAnalyse(
                "no article in the store matches",
                where=spec.store,
                hint="check --source, --since, --until, --query",
            )

    def _stream_files(self, spec: InputSpec) -> Iterator[pd.DataFrame]:
        from corpuscli.io.loader import Loader
        from corpuscli.io.window import parse_bound

        from ._progress import LazyProgress

        paths = self.input_paths(spec)
        since = parse_bound(spec.since, option="--since") if spec.since else None
        until = parse_bound(spec.until, option="--until") if spec.until else None
        progress = LazyProgress(enabled=not self.quiet and sys.stderr.isatty())
        loader = Loader(
            paths,
            source=spec.source,
            manifest=spec.manifest,
            encoding=spec.encoding,
            columns={k: v for k, v in spec.columns.items() if v},
            dedupe=spec.dedupe,
            since=since,
            until=until,
            progress=progress,
            **spec.limits(),
        )
        try:
            yield from loader.chunks()
        finally:
            progress.close()
        self.after_load(loader.problems, loader.notes, loader.articles, bool(since or until))

    def after_load(
        self, problems: list[Problem], notes: list[str], articles: int, windowed: bool
    ) -> None:
        from corpuscli.io.problems import skipped_count, summarise

        problems = summarise(problems)  # repeats of a kind (from parts of a load) merged
        self.report_problems(problems)
        self.skipped.extend(f"{p.message} ({p.where})" for p in problems)
        for note in notes:
            self.warn(note)
        if not articles:
            if problems:
                raise NothingToAnalyse(
                    f"nothing usable: {plural(skipped_count(problems), 'input')} skipped, no article read",
                    hint="fix the inputs named above",
                )
            if windowed:
                raise NothingToAnalyse(
                    "no article falls in the time window", hint="widen --since/--until"
                )
            raise NothingToAnalyse("no articles in the input", hint="check the paths")
        self.partial = bool(problems)

    # --- output ---------------------------------------------------------------------------------
    def output_format(self, fmt: OutputFormat, output: str | None) -> str:
        """The concrete format: the one asked for, else -o's extension, else table on a terminal
        and TSV in a pipe."""
        from corpuscli.render.formats import format_for_path

        if fmt is not OutputFormat.auto:
            return fmt.value
        if output:
            return format_for_path(output)
        return "table" if sys.stdout.isatty() else "tsv"

    def emit(
        self, frame: pd.DataFrame, fmt: str, output: str | None, *, title: str | None = None
    ) -> None:
        from corpuscli.render import frames as render

        if output:
            render.atomic_write(output, fmt, frame, title=title)
            self.info(f"wrote {len(frame):,} rows to {output}")
            return
        if fmt == "parquet":
            if sys.stdout.isatty():
                raise UsageError(
                    "Parquet is binary", hint="write it to a file with -o FILE.parquet, or pipe it"
                )
            render.write_parquet(frame, sys.stdout.buffer)
            sys.stdout.buffer.flush()
            return
        if fmt == "table" and sys.stdout.isatty():
            from rich.console import Console

            Console().print(render.rich_table(frame, title=title))
            return
        render.render(frame, fmt, sys.stdout, title=title)
        sys.stdout.flush()


@contextmanager
def command(*, quiet: bool = False, debug: bool = False) -> Iterator[Run]:
    """Run a command body: map errors to one line on stderr and an exit code."""
    run = Run(quiet=quiet, debug=debug)
    try:
        yield run
    except typer.Exit:
        raise
    except CorpusError as exc:
        if debug:
            raise
        print(error_line(str(exc)), file=sys.stderr)
        raise typer.Exit(int(exc.exit_code)) from None
    except KeyboardInterrupt:
        print("corpus: interrupted", file=sys.stderr)
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(int(ExitCode.OK)) from None
    except Exception as exc:
        if debug:
            raise
        print(
            error_line(
                f"internal error: {type(exc).__name__}: {exc} — rerun with --debug and report it"
            ),
            file=sys.stderr,
        )
        raise typer.Exit(int(ExitCode.INTERNAL)) from None
    if run.partial:
        raise typer.Exit(int(ExitCode.PARTIAL))


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the interpreter's final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def columns_from(**options: Any) -> dict[str, str | None]:
    """Map ``--text-col``-style option values onto core column names."""
    names = {
        "text_col": "text",
        "title_col": "title",
        "source_col": "source",
        "date_col": "published",
        "url_col": "url",
        "id_col": "doc_id",
    }
    return {names[k]: v for k, v in options.items() if k in names}
