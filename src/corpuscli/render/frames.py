"""One place that turns a DataFrame into table, TSV, CSV, JSON, JSON Lines, Markdown, HTML or
Parquet, for a person or a program.

Machine formats carry no colour, no truncation and no decoration: every value in full, missing
values empty (CSV/TSV) or ``null`` (JSON), times in ISO 8601 with their UTC offset.
"""

from __future__ import annotations

import gzip
import html
import io
import json
import math
from collections.abc import Sequence
from typing import IO, Any

import pandas as pd

from corpuscli.errors import UsageError
from corpuscli.render.formats import FORMATS


def _iso(value: Any) -> Any:
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    return value


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Datetimes as ISO strings, every missing value as None."""
    out = frame.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].map(_iso).astype(object)
    out = out.astype(object)
    return out.where(out.notna(), None)


def _json_default(value: Any) -> Any:
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if hasattr(value, "item"):  # NumPy scalars
        return value.item()
    if isinstance(value, set | frozenset):
        return sorted(value)
    return str(value)


def _json_value(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The frame as JSON-ready records."""
    rows = _plain(frame).to_dict(orient="records")
    return [{str(k): _json_value(v) for k, v in row.items()} for row in rows]


def write_jsonl(frame: pd.DataFrame, out: IO[str]) -> None:
    for row in records(frame):
        out.write(json.dumps(row, ensure_ascii=False, default=_json_default))
        out.write("\n")


def write_json(frame: pd.DataFrame, out: IO[str]) -> None:
    json.dump(records(frame), out, ensure_ascii=False, indent=2, default=_json_default)
    out.write("\n")


def write_delimited(frame: pd.DataFrame, out: IO[str], sep: str) -> None:
    _plain(frame).to_csv(out, sep=sep, index=False, lineterminator="\n", float_format=None)


def _cell(value: Any, digits: int = 4) -> str:
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return f"{int(value):,}"
        return (
            f"{value:.{digits}g}"
            if abs(value) < 1e-3 or abs(value) >= 1e6
            else f"{value:,.{digits}f}".rstrip("0").rstrip(".")
        )
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, pd.Timestamp):
        if value.hour == value.minute == value.second == 0 and value.microsecond == 0:
            return value.strftime("%Y-%m-%d")
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)


def write_markdown(
    frame: pd.DataFrame, out: IO[str], justify: dict[str, str] | None = None
) -> None:
    cols = [str(c) for c in frame.columns]
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns]

    def esc(text: str) -> str:  # HTML written as text: a Markdown viewer must not run <script>
        text = html.escape(text, quote=False)
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")

    out.write("| " + " | ".join(esc(c) for c in cols) + " |\n")
    justify = justify or {}
    right = [n or justify.get(c) == "right" for c, n in zip(frame.columns, numeric, strict=True)]
    out.write("|" + "|".join("---:" if r else "---" for r in right) + "|\n")
    for row in frame.itertuples(index=False):
        out.write("| " + " | ".join(esc(_cell(v)) for v in row) + " |\n")


def write_html(frame: pd.DataFrame, out: IO[str], title: str = "corpus") -> None:
    """A standalone HTML page of the table, from an autoescaped Jinja2 template (article text
    never becomes markup); numbers right-aligned."""
    from importlib import resources

    from jinja2 import Environment, select_autoescape

    template_text = (
        resources.files("corpuscli.render").joinpath("templates/table.html.j2").read_text("utf-8")
    )
    env = Environment(
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns]
    rows = (
        [(_cell(v), n) for v, n in zip(row, numeric, strict=True)]
        for row in frame.itertuples(index=False)
    )
    out.write(
        env.from_string(template_text).render(
            title=title, columns=[str(c) for c in frame.columns], rows=rows
        )
    )


def rich_table(
    frame: pd.DataFrame,
    *,
    title: str | None = None,
    caption: str | None = None,
    max_width: int = 60,
    justify: dict[str, str] | None = None,
) -> Any:
    """The frame as a rich Table for the terminal (long strings cut with an ellipsis)."""
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=Text(title) if title else None,
        caption=caption,
        header_style="bold",
        show_edge=False,
        pad_edge=False,
    )
    # An analysis may ask for a column's alignment (kwic right-aligns the left context).
    justify = justify or {}
    for col in frame.columns:
        numeric = pd.api.types.is_numeric_dtype(frame[col]) and not pd.api.types.is_bool_dtype(
            frame[col]
        )
        table.add_column(
            str(col),
            justify=justify.get(col, "right" if numeric else "left"),
            overflow="ellipsis",
            no_wrap=True,
            max_width=None if numeric else max_width,
        )
    for row in frame.itertuples(index=False):
        # Text, not markup: article text full of [brackets] must print as it is
        table.add_row(*(Text(_cell(v).replace("\n", " ")) for v in row))
    return table


def render(
    frame: pd.DataFrame,
    fmt: str,
    out: IO[str],
    *,
    title: str | None = None,
    console: Any = None,
    justify: dict[str, str] | None = None,
) -> None:
    """Write ``frame`` to a text stream in ``fmt`` (all formats but parquet); ``justify`` aligns
    columns in people formats (``{"left": "right"}``)."""
    if fmt == "tsv":
        write_delimited(frame, out, "\t")
    elif fmt == "csv":
        write_delimited(frame, out, ",")
    elif fmt == "jsonl":
        write_jsonl(frame, out)
    elif fmt == "json":
        write_json(frame, out)
    elif fmt == "md":
        write_markdown(frame, out, justify)
    elif fmt == "html":
        write_html(frame, out, title or "corpus")
    elif fmt == "table":
        from rich.console import Console

        con = console or Console(file=out, no_color=True, width=10_000, soft_wrap=True)
        con.print(rich_table(frame, title=title, justify=justify))
    else:
        raise UsageError(f"unknown format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")


def write_parquet(frame: pd.DataFrame, out: IO[bytes] | str) -> None:
    frame.to_parquet(out, index=False)


def atomic_write(
    path: str,
    fmt: str,
    frame: pd.DataFrame,
    *,
    title: str | None = None,
    justify: dict[str, str] | None = None,
) -> None:
    """Write ``frame`` to ``path`` in ``fmt`` atomically (see ``corpuscli.render.atomic``); a name
    ending in .gz is gzip-compressed."""
    from corpuscli.render.atomic import atomic_open

    with atomic_open(path, "wb") as raw:
        if fmt == "parquet":
            write_parquet(frame, raw)
            return
        sink: IO[bytes] = (
            gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) if path.lower().endswith(".gz") else raw
        )
        text = io.TextIOWrapper(sink, encoding="utf-8", newline="")
        render(frame, fmt, text, title=title, justify=justify)
        text.flush()
        text.detach()
        if sink is not raw:
            sink.close()


def columns_doc(columns: Sequence[str]) -> str:
    """The stable column list of a command's output, for its --help."""
    return ", ".join(columns)
