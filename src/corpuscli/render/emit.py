"""One way out for every result: :func:`emit` writes a :class:`~corpuscli.results.Table`, a
statement :class:`~corpuscli.coverage.diff.Diff` or a :class:`~corpuscli.reporting.build.Report`
in an output format, to a file (atomically) or to standard output.

Which formats a result has:

- a table: table (rich at a terminal, plain text in a pipe), tsv, csv, json, jsonl, md, html,
  parquet;
- a diff: table (two columns at a terminal), md, html, json; tsv, csv and jsonl as one row per
  aligned statement;
- a report: table (a terminal view), md, html, json.
"""

from __future__ import annotations

import sys
from typing import IO, TYPE_CHECKING, Any

from corpuscli.errors import UsageError

if TYPE_CHECKING:
    from corpuscli.coverage.diff import Diff
    from corpuscli.reporting.build import Report
    from corpuscli.results import Table

#: What a statement diff or a report can be written as (besides the table of a diff).
DOCUMENT_FORMATS = ("md", "html", "json")


def emit(
    result: Table | Diff | Report,
    fmt: str,
    output: str | None = None,
    *,
    stdout: IO[str] | None = None,
    terminal: bool | None = None,
    all_rows: bool = False,
) -> None:
    """Write ``result`` in ``fmt`` to ``output`` (a file, atomically) or to ``stdout``.
    ``terminal``: whether ``stdout`` is a terminal (default: asked of it): tables are then drawn
    with rich, sized to the terminal, and binary formats are refused. A table longer than the
    terminal's screen shows a screenful and a line saying how many rows follow, unless
    ``all_rows``; files and pipes always get every row."""
    from corpuscli.results import Table

    stdout = stdout if stdout is not None else sys.stdout
    if terminal is None:
        terminal = stdout.isatty()
    if isinstance(result, Table):  # the common case: no import of the diff and report modules
        _emit_table(result, fmt, output, stdout, terminal, all_rows)
        return
    from corpuscli.coverage.diff import Diff
    from corpuscli.reporting.build import Report

    if isinstance(result, Report):
        _emit_report(result, fmt, output, stdout)
    elif isinstance(result, Diff):
        _emit_diff(result, fmt, output, stdout, terminal)
    else:
        raise TypeError(f"cannot write a {type(result).__name__}")


def _emit_table(
    table: Table,
    fmt: str,
    output: str | None,
    stdout: IO[str],
    terminal: bool,
    all_rows: bool = True,
) -> None:
    from corpuscli.results import RowTable

    if isinstance(table, RowTable) and fmt in ("tsv", "csv") and not output:
        from corpuscli.render.rows import write_rows  # no pandas for a table of plain rows

        write_rows(table.columns, table.rows, stdout, "\t" if fmt == "tsv" else ",")
        stdout.flush()
        return
    from corpuscli.render import frames

    if output:
        frames.atomic_write(output, fmt, table.frame, title=table.title, justify=table.justify)
        return
    if fmt == "parquet":
        if terminal:
            raise UsageError(
                "Parquet is binary", hint="write it to a file with -o FILE.parquet, or pipe it"
            )
        buffer = stdout.buffer  # type: ignore[attr-defined]
        frames.write_parquet(table.frame, buffer)
        buffer.flush()
        return
    if fmt == "table" and terminal:
        _draw_at_terminal(table, stdout, all_rows)
        return
    frames.render(table.frame, fmt, stdout, title=table.title, justify=table.justify)
    stdout.flush()


#: What the line under a table cut after a screenful says (after "… N more rows").
MORE_ROWS = "--all-rows, -o FILE, or pipe it"


def _draw_at_terminal(table: Table, stdout: IO[str], all_rows: bool) -> None:
    """The table sized to the terminal: whole with ``all_rows`` or when it fits the screen, else
    the rows that fill a screen and a line saying how many follow and how to get them."""
    from rich.text import Text

    from corpuscli.render import frames
    from corpuscli.render.console import PipeConsole

    console = PipeConsole(file=stdout)
    frame = table.frame

    def draw(rows: Any) -> Any:
        return frames.rich_table(
            rows, title=table.title, width=console.width, justify=table.justify, clip=table.clip
        )

    if all_rows:
        console.print(draw(frame))
        return
    drawn, shown = screenful(frame, draw, console)
    console.print(drawn)
    if shown < len(frame):
        console.print(Text(f"… {len(frame) - shown:,} more rows: {MORE_ROWS}", style="dim"))


def screenful(frame: Any, draw: Any, console: Any) -> tuple[Any, int]:
    """``draw(rows)`` of as many first rows of ``frame`` as fit the console's screen (a line
    kept for the shell's prompt, and one for the line saying how many rows follow), and how many
    rows that is (at least one). Rows may take several lines (wrapped text, records), so the
    drawing is measured, and only about a screenful of rows is ever drawn."""
    height = max(console.height, 4)

    def lines(renderable: Any) -> int:
        return len(console.render_lines(renderable, console.options, pad=False))

    total = len(frame)
    if total < height:
        whole = draw(frame)
        if lines(whole) <= height - 1:
            return whole, total
    budget = height - 2
    rows = min(total, budget)
    while rows > 1:
        drawn = draw(frame.iloc[:rows])
        used = lines(drawn)
        if used <= budget:
            return drawn, rows
        rows = min(rows - 1, rows * budget // used)
    return draw(frame.iloc[:1]), min(total, 1)


def _emit_report(report: Report, fmt: str, output: str | None, stdout: IO[str]) -> None:
    from corpuscli.render import report as draw

    if fmt == "table" and not output:
        from corpuscli.render.console import PipeConsole

        draw.print_terminal(report, PipeConsole(file=stdout))
        return
    writers = {"html": draw.write_html, "md": draw.write_markdown, "json": draw.write_json}
    writer = writers.get(fmt)
    if writer is None:
        raise UsageError(
            f"a report is html, md or json, not {fmt}", hint="use -o report.html or --format md"
        )
    _write_document(output, stdout, lambda handle: writer(report, handle))


def _emit_diff(d: Diff, fmt: str, output: str | None, stdout: IO[str], terminal: bool) -> None:
    from corpuscli.render import diff as draw

    if fmt == "table" and not output:
        from corpuscli.render.console import PipeConsole

        # no_color=None: rich reads NO_COLOR at a terminal
        console = PipeConsole(file=stdout, no_color=None if terminal else True)
        console.print(draw.rich_view(d, width=console.width if terminal else None))
        return
    writers = {"md": draw.write_markdown, "html": draw.write_html, "json": draw.write_json}
    if fmt in writers:
        writer = writers[fmt]
        _write_document(output, stdout, lambda handle: writer(d, handle))
        return
    import pandas as pd

    from corpuscli.coverage.diff import to_frame
    from corpuscli.results import Table

    frame = to_frame(d)
    rows = frame if len(frame) else pd.DataFrame(columns=frame.columns)
    _emit_table(Table(rows, "diff"), "tsv" if fmt == "table" else fmt, output, stdout, terminal)


def _write_document(output: str | None, stdout: IO[str], write: Any) -> None:
    if output:
        from corpuscli.render.atomic import atomic_write_text

        atomic_write_text(output, write)
    else:
        write(stdout)
