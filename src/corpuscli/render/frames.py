"""One place that turns a DataFrame into table, TSV, CSV, JSON, JSON Lines, Markdown, HTML or
Parquet, for a person or a program.

Machine formats carry no colour, no truncation and no decoration: every value in full, missing
values empty (CSV/TSV) or ``null`` (JSON), times in ISO 8601 with their UTC offset.
"""

from __future__ import annotations

import contextlib
import gzip
import html
import io
import json
import math
import re
from collections.abc import Sequence
from json.encoder import encode_basestring
from typing import IO, Any, cast

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
    plain = _plain(frame)
    columns = _json_columns(plain)
    if columns is None:
        return _records_by_rows(plain)
    keys = [str(k) for k in plain.columns]
    return [dict(zip(keys, values, strict=True)) for values in zip(*columns, strict=True)]


def _records_by_rows(plain: pd.DataFrame) -> list[dict[str, Any]]:
    """:func:`records` of a :func:`_plain` frame through pandas, for any frame (duplicate or
    colliding column names too)."""
    rows = plain.to_dict(orient="records")
    return [{str(k): _json_value(v) for k, v in row.items()} for row in rows]


#: Types whose values pandas' records and :func:`_json_value` leave as they are.
_AS_THEY_ARE = frozenset({str, int, bool, type(None)})


def _json_columns(plain: pd.DataFrame) -> list[list[Any]] | None:
    """The JSON-ready values of a :func:`_plain` frame, column by column: what
    ``to_dict(orient="records")`` and :func:`_json_value` make of each (NumPy scalars as Python
    ones, infinities as None), read a column at a time rather than a record at a time (the
    records of a large table took half of its ``-f json`` write). None when there are no
    columns, or their names are not unique as strings (pandas then drops columns, and a record
    keeps the last): :func:`_records_by_rows` reads those."""
    keys = [str(k) for k in plain.columns]
    if not keys or not plain.columns.is_unique or len(set(keys)) != len(keys):
        return None  # (no columns: records of no fields, one per row)
    from pandas.core.dtypes.cast import maybe_box_native  # type: ignore[attr-defined]  # to_dict's own

    def ready(value: Any) -> Any:
        if type(value) is float:
            return value if math.isfinite(value) else None
        return _json_value(maybe_box_native(value))

    return [
        [v if type(v) in _AS_THEY_ARE else ready(v) for v in plain.iloc[:, i].tolist()]
        for i in range(len(keys))
    ]


#: Records written at a time by :func:`write_jsonl`.
_JSONL_CHUNK = 2_000


def write_jsonl(frame: pd.DataFrame, out: IO[str]) -> None:
    """One JSON record a line: the bytes of ``json.dumps(row, ensure_ascii=False)`` for each,
    encoded by one encoder and written a chunk at a time (``json.dumps`` with options makes an
    encoder for each record: a third of the write of a large quote table)."""
    encode = json.JSONEncoder(ensure_ascii=False, default=_json_default).encode
    rows = records(frame)
    for i in range(0, len(rows), _JSONL_CHUNK):
        out.write("".join([encode(row) + "\n" for row in rows[i : i + _JSONL_CHUNK]]))


#: Records laid out at a time by :func:`write_json` (a bound on the memory of their texts).
_JSON_CHUNK = 10_000


def write_json(frame: pd.DataFrame, out: IO[str]) -> None:
    """The frame as a JSON array of records, indented by two spaces: the bytes of
    ``json.dump(records, indent=2)``, written faster. The standard library encodes indented
    JSON in pure Python; a record of plain values (text, numbers, booleans, null: nearly every
    table) is laid out here with its C-encoded strings, a column at a time, any other record by
    ``json.dumps``."""
    plain = _plain(frame)
    columns = _json_columns(plain)
    if columns is None:
        rows = _records_by_rows(plain)
        if not rows:
            out.write("[]\n")
            return
        out.write("[\n")
        out.write(",\n".join(_indented_record(row) for row in rows))
        out.write("\n]\n")
        return
    n = len(columns[0])
    if not n:
        out.write("[]\n")
        return
    keys = [str(k) for k in plain.columns]
    heads = [f"    {encode_basestring(k)}: " for k in keys]
    heads[0] = "  {\n" + heads[0]
    out.write("[\n")
    for i in range(0, n, _JSON_CHUNK):
        texts = [[head + encode_basestring(v) if type(v) is str else _field(head, v)
                  for v in col[i : i + _JSON_CHUNK]]
                 for head, col in zip(heads, columns, strict=True)]  # fmt: skip
        laid = [",\n".join(fields) + "\n  }" if None not in fields
                else _indented_record(dict(zip(keys, (c[i + k] for c in columns), strict=True)))
                for k, fields in enumerate(zip(*texts, strict=True))]  # fmt: skip
        out.write((",\n" if i else "") + ",\n".join(laid))
    out.write("\n]\n")


def _field(head: str, value: Any) -> str | None:
    """``head`` and the value that is no ``str`` as :func:`_json_text` writes it, or None."""
    text = _json_text(value)
    return None if text is None else head + text


def _json_text(value: Any) -> str | None:
    """A plain value as the standard library writes it (text, None, a boolean, an integer, a
    finite float), or None for any other value."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float) and math.isfinite(value):
        return float.__repr__(value)
    return None


def _indented_record(row: dict[str, Any]) -> str:
    """One record as ``json.dumps([row], indent=2)`` lays it out inside its array."""
    if not row:
        return "  {}"
    fields = []
    for key, value in row.items():
        text = _json_text(value)
        if text is None:  # lists, NumPy integers, dates …: the standard library's way, re-indented
            dumped = json.dumps(row, ensure_ascii=False, indent=2, default=_json_default)
            return "  " + dumped.replace("\n", "\n  ")
        fields.append(f"    {encode_basestring(key)}: {text}")
    return "  {\n" + ",\n".join(fields) + "\n  }"


def write_delimited(frame: pd.DataFrame, out: IO[str], sep: str) -> None:
    """CSV (``sep=","``: fields quoted where they must be, text raw) or TSV (``sep="\\t"``: a
    record a line, never quoted; backslash, line feed, tab and carriage return escaped as
    ``\\\\ \\n \\t \\r``, as PostgreSQL's COPY and Miller write it: see
    :mod:`corpuscli.io.tsv`)."""
    plain = _plain(frame)
    if sep != "\t":
        plain.to_csv(out, sep=sep, index=False, lineterminator="\n", float_format=None)
        return
    from corpuscli.io.tsv import escape

    def cell(value: Any) -> Any:
        if value is None or isinstance(value, bool | int | float):
            return value
        return escape(value if isinstance(value, str) else str(value))

    columns = [plain[col].tolist() for col in plain.columns]
    names = [escape(str(c)) for c in plain.columns]

    def field(value: Any) -> str:
        # the text pandas' writer gives a cell: empty when missing, a float by its repr, any
        # other number by its str
        value = cell(value)
        if type(value) is str:
            return value
        if value is None or pd.isna(value):
            return ""
        return repr(value) if isinstance(value, float) else str(value)

    # the lines of pandas' writer, joined a column at a time (it turns each record into a row
    # of objects and formats it in Python): text, None and integers, nearly every cell, at once
    # (a chunk of records at a time: the texts of a whole table would double its memory)
    out.write("\t".join(names) + "\n")
    if not names:  # records of no field: an empty line each (as pandas' writer has them)
        out.write("\n" * len(plain))
        return
    for i in range(0, len(plain), _JSON_CHUNK):
        fields = [[escape(v) if type(v) is str else "" if v is None else str(v) if type(v) is int
                   else field(v) for v in values[i : i + _JSON_CHUNK]]
                  for values in columns]  # fmt: skip
        out.write("\n".join(map("\t".join, zip(*fields, strict=True))) + "\n")


def cell_text(value: Any, digits: int = 4) -> str:
    """A value as people read it: thousands separated, floats to ``digits`` places, dates
    without a time of midnight, nothing for a missing value."""
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
        out.write("| " + " | ".join(esc(cell_text(v)) for v in row) + " |\n")


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
        [(cell_text(v), n) for v, n in zip(row, numeric, strict=True)]
        for row in frame.itertuples(index=False)
    )
    out.write(
        env.from_string(template_text).render(
            title=title, columns=[str(c) for c in frame.columns], rows=rows
        )
    )


def _drawn(value: Any) -> str:
    """A value as one line of a table at a terminal: whitespace breaks as spaces, control
    characters as their escapes (see :mod:`corpuscli.render.safe`)."""
    from corpuscli.render.safe import printable

    return printable(cell_text(value).replace("\r\n", " ").replace("\n", " ").replace("\t", " "))


def drawn_columns(frame: pd.DataFrame, clip: dict[str, str] | None = None) -> list[Any]:
    """The frame's columns as :class:`corpuscli.render.widths.Column` (cells as drawn): numbers,
    dates and booleans are never cut; a column ``clip`` names is cut at its ``start`` or ``end``
    on one line; other text wraps."""
    from corpuscli.render.widths import CLIP_END, CLIP_START, NUMBER, TEXT, Column

    clip = clip or {}
    columns = []
    for col in frame.columns:
        values = frame[col]
        fixed = not pd.api.types.is_object_dtype(values) and not pd.api.types.is_string_dtype(
            values
        )
        if not fixed and _iso_times(values):  # times kept as text (a store's): drawn as times
            # (a date out of range, 0001-01-01, or no such day, 2021-02-30: as text)
            with contextlib.suppress(ValueError, OverflowError):
                values, fixed = pd.to_datetime(values, utc=True, format="ISO8601"), True
        kind = NUMBER if fixed else TEXT
        if not fixed and col in clip:
            kind = CLIP_START if clip[col] == "start" else CLIP_END
        cells = tuple(_drawn(v) for v in values.tolist())
        columns.append(Column(_drawn(col), cells, kind))
    return columns


_ISO_TIME = re.compile(
    r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"
)


def _iso_times(values: pd.Series) -> bool:
    """Whether a text column holds only ISO 8601 dates and times (and gaps), at least one."""
    present = values.dropna()
    return len(present) > 0 and all(
        isinstance(v, str) and _ISO_TIME.fullmatch(v) for v in present.tolist()
    )


def rich_table(
    frame: pd.DataFrame,
    *,
    title: str | None = None,
    caption: str | None = None,
    width: int | None = None,
    justify: dict[str, str] | None = None,
    clip: dict[str, str] | None = None,
) -> Any:
    """The frame for a terminal ``width`` cells wide (None: as wide as it needs), hiding no
    data (see :mod:`corpuscli.render.widths`): a rich Table, or, when the columns cannot fit
    side by side, each row as a record (a field per line). ``justify`` aligns a column
    (``{"left": "right"}``), ``clip`` cuts a text column on one line rather than wrap it."""
    from rich.console import JustifyMethod
    from rich.table import Table
    from rich.text import Text

    from corpuscli.render.safe import printable
    from corpuscli.render.widths import NUMBER, TEXT, header_lines, layout
    from corpuscli.render.widths import clip as cut

    columns = drawn_columns(frame, clip)
    widths = layout(columns, width)
    heading = Text(printable(title)) if title else None
    if widths is None:
        return _records(columns, heading, width or 80)
    table = Table(
        title=heading,
        caption=caption,
        header_style="bold",
        show_edge=False,
        pad_edge=False,
    )
    justify = justify or {}
    for name, column, size in zip(frame.columns, columns, widths, strict=True):
        table.add_column(
            Text(header_lines(column.header, size)),
            # results.Table.justify holds rich's names ("left", "right") as plain str
            justify=cast(
                JustifyMethod, justify.get(name, "right" if column.kind == NUMBER else "left")
            ),
            overflow="fold",
            no_wrap=column.kind != TEXT,
            width=size,
        )
    for row in zip(*(c.cells for c in columns), strict=True):
        # Text, not markup: article text full of [brackets] must print as it is
        table.add_row(
            *(
                Text(value if column.kind in (NUMBER, TEXT) else cut(value, size, column.kind))
                for value, column, size in zip(row, columns, widths, strict=True)
            )
        )
    return table


def _records(columns: list[Any], title: Any, width: int) -> Any:
    """Each row as a record: a rule, then a line (or more) per field, as psql's expanded
    display shows a table too wide for the screen."""
    from rich.cells import cell_len
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from corpuscli.render.widths import header_lines, header_minimum

    headers = max((cell_len(c.header) for c in columns), default=1)
    # a third of the width, but never less than a name's widest piece: names break after
    # `_` or `-` or at a space as table headers do, never inside a word
    pieces = max((header_minimum(c.header) for c in columns), default=1)
    name_width = max(1, min(headers, max(width // 3, pieces)))
    parts: list[Any] = [title] if title is not None else []
    rows = len(columns[0].cells) if columns else 0
    for index in range(rows):
        label = f"─[ row {index + 1:,} ]"
        parts.append(Text(label + "─" * max(0, width - len(label)), style="dim"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="bold", width=name_width, overflow="fold")
        grid.add_column(overflow="fold")
        for column in columns:
            grid.add_row(Text(header_lines(column.header, name_width)), Text(column.cells[index]))
        parts.append(grid)
    return Group(*parts)


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
        from corpuscli.render.console import PipeConsole

        con = console or PipeConsole(file=out, no_color=True, width=10_000, soft_wrap=True)
        con.print(rich_table(frame, title=title, justify=justify))  # no width: nothing wraps
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
        sink: gzip.GzipFile | IO[bytes] = (
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
