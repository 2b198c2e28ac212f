"""One command run as the user sees it: messages on stderr, what loading found, the output, and
exceptions turned into one line and an exit code (see README's exit codes)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import typer

from corpuscli import interrupts
from corpuscli.engine.source import LoadReport
from corpuscli.errors import CorpusError, ExitCode, Problem, plural
from corpuscli.render.safe import printable

from .options import OutputFormat

if TYPE_CHECKING:
    from corpuscli.results import Table

#: How many skipped inputs are named one by one before the rest are only counted.
MAX_PROBLEMS_SHOWN = 50


def error_line(what: str) -> str:
    return f"corpus: error: {what}"


def say(line: str) -> None:
    """One line on stderr, its control characters written out (a file name or a value can hold
    terminal escape codes) and on one line."""
    print(printable(line, one_line=True), file=sys.stderr)


class Session:
    """A command run: ``quiet``, ``debug`` and ``all_rows`` (every row of a table at a terminal),
    the :class:`LoadReport` the analyses fill (told once, before the output or the error), and
    whether some inputs were skipped."""

    def __init__(self, *, quiet: bool = False, debug: bool = False, all_rows: bool = False) -> None:
        self.quiet = quiet
        self.debug = debug
        self.all_rows = all_rows
        self.partial = False
        self.load = LoadReport()
        #: --raw-csv: CSV cells that would start a formula are written as they are.
        self.raw_csv = False
        self._told = False
        self._progress: Any = None

    # --- stderr ---------------------------------------------------------------------------------
    def warn(self, message: str) -> None:
        if not self.quiet:
            say(f"corpus: warning: {message}")

    def info(self, message: str) -> None:
        if not self.quiet:
            say(f"corpus: {message}")

    def report_problems(self, problems: list[Problem]) -> None:
        from corpuscli.io.problems import summarise

        problems = summarise(problems)  # repeats of a kind (from parts of a load) merged
        for problem in problems[:MAX_PROBLEMS_SHOWN]:
            say(error_line(str(problem)))
        if len(problems) > MAX_PROBLEMS_SHOWN:
            say(error_line(f"... and {plural(len(problems) - MAX_PROBLEMS_SHOWN, 'more problem')}"))

    def tell_load(self) -> None:
        """Say what loading found (once): inputs skipped, notes, boilerplate removed."""
        self.end_progress()
        if self._told:
            return
        self._told = True
        self.report_problems(self.load.problems)
        for note in self.load.notes:
            self.warn(note)
        if self.load.removed_blocks is not None:
            self.info(f"--clean removed {self.load.removed_blocks:,} boilerplate blocks")
        self.partial = self.partial or self.load.partial

    def tell(self, table: Table) -> None:
        """What loading found, then what the analysis has to say."""
        self.tell_load()
        for note in table.notes:
            self.info(note)
        for warning in table.warnings:
            self.warn(warning)

    @property
    def skipped(self) -> list[str]:
        return [f"{p.message} ({p.where})" for p in self.load.problems]

    # --- input ----------------------------------------------------------------------------------
    def input_paths(
        self, paths: list[str] | None, files_from: str | None, store: str | None = None
    ) -> list[str]:
        """The paths as given, or ``-`` (standard input) when none is given, no store either,
        and input is piped; says so when standard input is a terminal."""
        paths = list(paths or [])
        stdin = sys.stdin
        if not (paths or files_from or store) and stdin is not None and not stdin.isatty():
            paths = ["-"]
        if "-" in paths and stdin is not None and stdin.isatty():
            self.info("reading articles from standard input (end with Ctrl-D)")
        return paths

    def progress(self) -> Any:
        """The progress callback of this run: bars on stderr for long steps (at a terminal,
        unless --quiet; see corpuscli.cli.progress)."""
        if self._progress is None:
            from .progress import DELAY_VARIABLE, LazyProgress, delay_from

            self._progress = LazyProgress(
                enabled=not self.quiet and sys.stderr.isatty(),
                delay=delay_from(os.environ.get(DELAY_VARIABLE)),
            )
        return self._progress

    def end_progress(self) -> None:
        """Take any progress bar away (before output, messages at the end, or an error)."""
        if self._progress is not None:
            self._progress.close()

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

    def write(self, result: Any, fmt: str, output: str | None) -> None:
        """:func:`~corpuscli.render.emit.emit`, made safe for where it goes. CSV: text cells a
        spreadsheet would run as formulas get a ``'`` in front (unless ``--raw-csv``). A
        terminal: a table's values and names printable (rich draws the diff and report views
        printable itself), every character of the plain formats too. A file or a pipe gets the
        values as they are."""
        if fmt == "csv" and not self.raw_csv:
            result = self._defused(result)
        if output:
            from corpuscli.render.emit import emit

            emit(result, fmt, output, all_rows=self.all_rows)
            return
        try:
            self._to_stdout(result, fmt)
        except BrokenPipeError:
            raise
        except OSError as exc:  # a full disk, a quota, /dev/full behind stdout: one line, exit 2
            from corpuscli.render.atomic import write_error

            failed = write_error(exc, "standard output", "")
            if failed is exc:
                raise
            _silence_stdout()
            raise failed from None

    def _to_stdout(self, result: Any, fmt: str) -> None:
        from corpuscli.render.emit import emit

        if not sys.stdout.isatty():
            emit(result, fmt, None, all_rows=self.all_rows)
            sys.stdout.flush()
            return
        from dataclasses import fields, replace

        from corpuscli.render.safe import PrintableStream, printable_frame
        from corpuscli.results import RowTable, Table

        if fmt == "table":
            if isinstance(result, Table):
                title = printable(result.title) if result.title else result.title
                if isinstance(result, RowTable):  # made of rows: replace() cannot remake it
                    result = Table(**{f.name: getattr(result, f.name) for f in fields(Table)})
                result = replace(result, frame=printable_frame(result.frame), title=title)
            emit(result, fmt, None, all_rows=self.all_rows)
            return
        stream = PrintableStream(sys.stdout)
        emit(result, fmt, None, stdout=stream, terminal=True, all_rows=self.all_rows)  # type: ignore[arg-type]

    _DEFUSED = (
        "{cells} began with = + - @ (a spreadsheet formula) and got a ' in front, so that a "
        "spreadsheet shows it; --raw-csv writes them as they are"
    )

    def _defused(self, result: Any) -> Any:
        """A table (or a diff's rows, as CSV writes them) with formula cells defused, and a
        word about how many were."""
        from dataclasses import replace

        from corpuscli.render.spreadsheet import defuse_formulas, defuse_rows
        from corpuscli.results import RowTable, Table

        if not isinstance(result, Table):
            from corpuscli.coverage.diff import Diff, to_frame  # a table need not import it

            if not isinstance(result, Diff):
                return result
            result = Table(to_frame(result), "diff")
        if isinstance(result, RowTable):  # plain rows stay plain rows (no pandas)
            rows, changed = defuse_rows(result.rows)
            if changed:
                self.info(self._DEFUSED.format(cells=plural(changed, "CSV cell")))
            result.rows = rows
            return result
        frame, changed = defuse_formulas(result.frame)
        if changed:
            self.info(self._DEFUSED.format(cells=plural(changed, "CSV cell")))
        return replace(result, frame=frame)

    def emit(self, result: Any, fmt: str, output: str | None) -> None:
        """Write the result (after telling what loading found), and say where it went."""
        from corpuscli.results import Table

        self.end_progress()
        if isinstance(result, Table):
            self.tell(result)
        else:
            self.tell_load()
        self.write(result, fmt, output)
        if output:
            if isinstance(result, Table):
                self.info(f"wrote {len(result.frame):,} rows to {output}")
            else:
                self.info(f"wrote the {type(result).__name__.lower()} to {output}")


@contextmanager
def running(
    *, quiet: bool = False, debug: bool = False, all_rows: bool = False
) -> Iterator[Session]:
    """Run a command body: map errors to one line on stderr and an exit code."""
    session = Session(quiet=quiet, debug=debug, all_rows=all_rows)
    try:
        try:
            yield session
        finally:
            session.end_progress()
    except typer.Exit:
        raise
    except KeyboardInterrupt as exc:
        raise typer.Exit(_stopped(exc)) from None
    except CorpusError as exc:
        if interrupts.received() is not None:  # a fault caused by the stop (a worker killed)
            raise typer.Exit(_stopped(exc)) from None
        if debug:
            raise
        session.tell_load()
        say(error_line(str(exc)))
        raise typer.Exit(int(exc.exit_code)) from None
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(int(ExitCode.OK)) from None
    except Exception as exc:
        if interrupts.received() is not None:
            raise typer.Exit(_stopped(exc)) from None
        if debug:
            raise
        say(
            error_line(
                f"internal error: {type(exc).__name__}: {exc} — rerun with --debug and report it"
            )
        )
        raise typer.Exit(int(ExitCode.INTERNAL)) from None
    if session.partial:
        raise typer.Exit(int(ExitCode.PARTIAL))


def _stopped(exc: BaseException) -> int:
    """Ctrl-C, SIGTERM or SIGHUP: stop the worker processes at once (a suspended generator
    would otherwise wait for their batches when it is closed), say so, and give the exit code
    (128 + the signal)."""
    import logging

    from corpuscli.engine.parallel import stop_workers

    stop_workers()
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)  # a Dask client's tasks cut short
    signum = interrupts.signal_of(exc)
    interrupts.say(printable(f"corpus: {interrupts.describe(signum)}", one_line=True))
    return interrupts.exit_code(signum)


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the interpreter's final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
