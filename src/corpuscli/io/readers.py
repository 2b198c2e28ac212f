"""One reader per input format. Each yields chunks of records (dicts keyed by corpus-frame column
names, unmapped input columns under their own names, and ``_line`` for line-based formats).

Problems confined to one record (a bad JSON line, a row that does not fit the header) are
appended to ``problems`` and the record is skipped; problems with the whole input raise
InputError. Records with an empty text are skipped and only counted (one note for a whole load).
Structured inputs map their columns by name, and by the values of their first rows where names
say nothing (see ``columns``).
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import IO, Any

from corpuscli.errors import InputError, MissingExtraError, Problem, plural

from . import tsv
from .columns import (
    SAMPLE_ROWS,
    ColumnOverrides,
    extra_name,
    infer_columns,
    map_columns,
    missing_overrides,
)
from .decode import decode_bytes, normalize_text, read_all, text_stream
from .dialect import DELIMITER_NAMES, detect_delimiter
from .infer import infer_source, infer_title
from .inputs import InputItem
from .limits import DEFAULT_MAX_INPUT_SIZE, DEFAULT_MAX_LINE_SIZE, InputTooLarge, format_size
from .problems import ProblemLog
from .streams import unread

Record = dict[str, Any]


def _standard_loads(data: bytes | str) -> Any:
    """Parse one JSON document with the standard library, an unpaired surrogate escape
    ("\\ud800", which no UTF-8 text can hold and every writer downstream refuses) read as
    U+FFFD, the replacement character, like undecodable bytes elsewhere."""
    value = json.loads(data)
    escaped = b"\\u" in data if isinstance(data, bytes) else "\\u" in data
    return _without_surrogates(value) if escaped else value


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(value: Any) -> Any:
    """``value`` with every lone surrogate in its strings (keys too) replaced by U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    return value


try:  # the optional extra corpuscli[fast]
    import orjson

    def json_loads(data: bytes) -> Any:
        """Parse one JSON document: with orjson when it can, else (NaN literals, UTF-16 ...)
        the standard library, whose verdict and value stand. orjson reads integers beyond 64
        bits as floats: a document where a float that large turns up is read again, exactly."""
        try:
            value = orjson.loads(data)
        except orjson.JSONDecodeError:
            return _standard_loads(data)
        return _standard_loads(data) if _maybe_rounded(value) else value

    def _maybe_rounded(value: Any) -> bool:
        """True if a float of 2**63 or more (in size) is anywhere in ``value``."""
        values = value.values() if type(value) is dict else value if type(value) is list else ()
        for item in values:
            kind = type(item)
            if kind is float:
                if item >= 9.2e18 or item <= -9.2e18:  # about 2**63
                    return True
            elif (kind is dict or kind is list) and _maybe_rounded(item):
                return True
        return False

except ImportError:  # pragma: no cover - depends on the extras installed
    json_loads = _standard_loads
CHUNK = 2000
#: The lines after a CSV header read to settle a header that splits both on commas and on
#: another separator (:func:`corpuscli.io.dialect.detect_delimiter`).
DELIMITER_SAMPLE_LINES = 20


class Context:
    """What every reader needs: options, and where to put problems and notes."""

    def __init__(
        self,
        overrides: ColumnOverrides | None = None,
        encoding: str | None = None,
        *,
        max_input_size: int = DEFAULT_MAX_INPUT_SIZE,
        max_line_size: int = DEFAULT_MAX_LINE_SIZE,
    ) -> None:
        self.overrides = overrides
        self.encoding = encoding
        #: Bounds (see corpuscli.io.limits): a Parquet file's size, a CSV field's length.
        self.max_input_size = max_input_size
        self.max_line_size = max_line_size
        self.problems: ProblemLog = ProblemLog()
        self.detected_encodings: dict[str, str] = {}
        #: Records skipped for an empty text, and where the first was.
        self.empty_texts = 0
        self.empty_text_first = ""
        #: Columns recognised by their values: note -> inputs.
        self.column_choices: dict[str, list[str]] = {}

    def empty_text(self, where: str) -> None:
        if not self.empty_texts:
            self.empty_text_first = where
        self.empty_texts += 1


# --- plain text ---------------------------------------------------------------------------------


def read_text(item: InputItem, stream: IO[bytes], ctx: Context) -> Iterator[list[Record]]:
    """One article per file; title and outlet inferred from the text (see ``infer``)."""
    decoded = decode_bytes(read_all(stream), encoding=ctx.encoding, where=item.display)
    if decoded.detected:
        ctx.detected_encodings[item.display] = decoded.encoding
    text = normalize_text(decoded.text)
    if not text.strip():
        raise InputError("empty file: no text", where=item.display, hint="remove it or fill it")
    yield [
        {
            "doc_id": item.stem,
            "title": infer_title(text),
            "text": text,
            "_text_source": infer_source(text),
        }
    ]


# --- structured records -------------------------------------------------------------------------


class RowMapper:
    """Maps the columns of input rows onto the corpus frame, caching one mapping per column set.

    Call :meth:`infer` with a sample of the input's first rows before the first :meth:`record`,
    so that columns whose names say nothing are recognised by their values."""

    def __init__(
        self, item: InputItem, ctx: Context, *, columns: tuple[str, ...] | None = None
    ) -> None:
        self.item = item
        self.ctx = ctx
        #: CSV/TSV/Parquet: every row has these columns, so a missing text column is fatal.
        self.columns = columns
        self.fixed_columns = columns is not None
        self._cache: dict[tuple[str, ...], dict[str, str]] = {}
        #: Columns recognised by their values: column -> core column.
        self.inferred: dict[str, str] = {}
        #: Whether some rows of this input have a text column (a row without one has an empty
        #: text, rather than none at all).
        self.has_text = False

    def infer(self, rows: list[dict[str, Any]]) -> None:
        """Recognise columns by the values of ``rows`` (the input's first rows)."""
        self._cache.clear()
        for choice in infer_columns(rows, self.ctx.overrides):
            self.inferred[choice.column] = choice.core
            inputs = self.ctx.column_choices.setdefault(choice.note(), [])
            if self.item.display not in inputs:
                inputs.append(self.item.display)
        column_sets = [tuple(row) for row in rows] or ([self.columns] if self.columns else [])
        self.has_text = any("text" in self.mapping(cols).values() for cols in column_sets)

    def mapping(self, columns: tuple[str, ...]) -> dict[str, str]:
        mapping = self._cache.get(columns)
        if mapping is None:
            missing = missing_overrides(columns, self.ctx.overrides)
            if missing:
                raise InputError(
                    f"no column named as in {', '.join(missing)}",
                    where=self.item.display,
                    hint=f"its columns are: {', '.join(map(str, columns[:30]))}",
                )
            mapping = map_columns(columns, self.ctx.overrides, self.inferred)
            self._cache[columns] = mapping
        return mapping

    def record(
        self, row: dict[str, Any], line: int | None, index: int | None = None
    ) -> Record | None:
        mapping = self.mapping(tuple(row))
        rec: Record = {"_line": line}
        for key, value in row.items():
            core = mapping.get(key)
            if core is None:
                rec[extra_name(str(key))] = _scalar(value)
            else:
                rec[core] = _core_value(core, value)
        text = rec.get("text")
        if not isinstance(text, str) or not text.strip():
            where = (
                f"{self.item.display}:{line}" if line
                else f"{self.item.display}:[{index}]" if index
                else self.item.display
            )  # fmt: skip
            if "text" not in mapping.values() and not self.has_text:
                cols = ", ".join(map(str, list(row)[:30]))
                hint = f"name it with --text-col (columns: {cols})"
                if self.fixed_columns:
                    raise InputError("no text column", where=self.item.display, hint=hint)
                self.ctx.problems.append(Problem(where, "record has no text field", hint))
                return None
            self.ctx.empty_text(where)
            return None
        rec["text"] = normalize_text(text)
        if index is not None:
            rec["_index"] = index
        return rec


#: A row of an input: its values by column, and its line (line-based formats) or its place.
Row = tuple[dict[str, Any], int | None, int | None]


def mapped_records(mapper: RowMapper, rows: Iterator[Row]) -> Iterator[list[Record]]:
    """The records of ``rows`` in chunks: the first :data:`SAMPLE_ROWS` rows are looked at to
    recognise columns first. A fault while reading (an input past its bound, a truncated
    archive) comes after the records read before it."""
    sample: list[Row] = []
    fault: BaseException | None = None
    try:
        sample.extend(islice(rows, SAMPLE_ROWS))
    except Exception as exc:  # raised again once the rows before it are handed over
        fault = exc
    mapper.infer([row for row, _, _ in sample])
    if mapper.columns is not None and not mapper.has_text:
        raise InputError(
            "no text column",
            where=mapper.item.display,
            hint=f"name it with --text-col (columns: {', '.join(map(str, mapper.columns[:30]))})",
        )
    chunk: list[Record] = []
    try:
        for row, line, index in _chain(sample, rows, fault):
            try:
                rec = mapper.record(row, line, index)
            except RecursionError:
                where = (
                    f"{mapper.item.display}:{line}" if line else f"{mapper.item.display}:[{index}]"
                )
                mapper.ctx.problems.append(Problem(where, "record is nested too deeply", "skipped"))
                continue
            if rec is not None:
                chunk.append(rec)
            if len(chunk) >= CHUNK:
                yield chunk
                chunk = []
    except Exception:
        if chunk:  # hand over what was read before a fault
            yield chunk
        raise
    if chunk:
        yield chunk


def _chain(sample: list[Row], rows: Iterator[Row], fault: BaseException | None) -> Iterable[Row]:
    yield from sample
    if fault is not None:
        raise fault
    yield from rows


def _scalar(value: Any) -> Any:
    """Keep scalars; nested values (lists, objects) become JSON text so every writer can hold them."""
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return value


def _core_value(core: str, value: Any) -> Any:
    if value is None:
        return None
    if core == "text":
        if isinstance(value, list):  # paragraphs
            return "\n\n".join(str(v) for v in value if v is not None)
        return value if isinstance(value, str) else str(value)
    if core == "published":
        return value
    if isinstance(value, dict):  # e.g. NewsAPI's "source": {"id": ..., "name": ...}
        for key in ("name", "title", "id", "url"):
            if value.get(key):
                return str(value[key])
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    text = str(value).strip()
    if core == "title":
        text = " ".join(normalize_text(text).split())
    return text or None


def read_jsonl(item: InputItem, stream: IO[bytes], ctx: Context) -> Iterator[list[Record]]:
    """JSON Lines: one object per line; blank lines are ignored, bad lines reported by number."""
    yield from mapped_records(RowMapper(item, ctx), _jsonl_rows(item, stream, ctx))


def _jsonl_rows(item: InputItem, stream: IO[bytes], ctx: Context) -> Iterator[Row]:
    number = item.first_line - 1
    blank = True
    try:
        for number, raw in enumerate(stream, start=item.first_line):
            if not raw.strip():
                continue
            blank = False
            row = _jsonl_row(raw, number, item, ctx)
            if row is not None:
                yield row, number, None
    except InputTooLarge as exc:  # it stopped at the line after the last one read
        raise exc.at(f"{item.display}:{number + 1}") from None
    if blank and item.span is None:  # a whole file (not one worker's part of it) with no line
        raise InputError("empty file: no articles", where=item.display, hint="remove it or fill it")


def _jsonl_row(raw: bytes, number: int, item: InputItem, ctx: Context) -> dict[str, Any] | None:
    try:
        line_bytes = raw.decode(ctx.encoding).encode() if ctx.encoding else raw
        if number == 1:
            line_bytes = line_bytes.removeprefix(b"\xef\xbb\xbf")
        row = json_loads(line_bytes)
    except (ValueError, RecursionError) as exc:
        reason = (
            "not valid UTF-8" if isinstance(exc, UnicodeDecodeError) and not ctx.encoding
            else f"not valid {ctx.encoding}" if isinstance(exc, UnicodeDecodeError)
            else "nested too deeply" if isinstance(exc, RecursionError)
            else "not valid JSON"
        )  # fmt: skip
        ctx.problems.append(Problem(f"{item.display}:{number}", f"line is {reason}", "skipped"))
        return None
    if not isinstance(row, dict):
        ctx.problems.append(
            Problem(f"{item.display}:{number}", "line is not a JSON object", "skipped")
        )
        return None
    return row


def read_json(item: InputItem, stream: IO[bytes], ctx: Context) -> Iterator[list[Record]]:
    """A JSON array of objects, an object holding such an array, or a single article object."""
    data = read_all(stream)
    if not data.strip():
        raise InputError("empty file: no articles", where=item.display, hint="remove it or fill it")
    try:
        doc = _standard_loads(data.decode(ctx.encoding) if ctx.encoding else data)
    except (ValueError, RecursionError) as exc:
        # Many "JSON" exports are really JSON Lines.
        if data.lstrip().startswith(b"{") and b"\n" in data.strip():
            yield from read_jsonl(item, io.BytesIO(data), ctx)
            return
        if isinstance(exc, RecursionError):
            raise InputError(
                "JSON nested too deeply to read", where=item.display, hint="check the file"
            ) from None
        raise InputError(
            f"not valid JSON: {exc}", where=item.display, hint="check the file"
        ) from exc
    rows: list[Any]
    if isinstance(doc, list):
        rows = doc
    elif isinstance(doc, dict):
        inner = next(
            (doc[k] for k in ("articles", "data", "items", "records", "results", "documents", "docs")
             if isinstance(doc.get(k), list)),
            None,
        )  # fmt: skip
        rows = inner if inner is not None else [doc]
    else:
        raise InputError(
            "JSON holds no articles", where=item.display, hint="give an array of objects"
        )
    yield from mapped_records(RowMapper(item, ctx), _json_rows(item, rows, ctx))


def _json_rows(item: InputItem, rows: list[Any], ctx: Context) -> Iterator[Row]:
    for index, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            ctx.problems.append(
                Problem(f"{item.display}:[{index}]", "array element is not an object", "skipped")
            )
            continue
        yield row, None, index


def _peek(lines: Iterator[str], count: int) -> tuple[list[str], Iterator[str]]:
    """The next ``count`` lines of ``lines`` and an iterator over the rest; a decoding error
    met on the way is raised again where the rest reaches it, so that the rows' reading reports
    it at its line as before."""
    sample: list[str] = []
    try:
        for line in islice(lines, count):
            sample.append(line)
    except UnicodeDecodeError as exc:
        return sample, _raising(exc)
    return sample, lines


def _raising(exc: BaseException) -> Iterator[str]:
    """A generator that raises ``exc`` when first read."""
    yield from ()
    raise exc


def read_delimited(
    item: InputItem, stream: IO[bytes], ctx: Context, delimiter: str
) -> Iterator[list[Record]]:
    """CSV or TSV with a header row; quoted fields may span lines (line numbers stay exact).
    A TSV is read a line a record with backslash escapes undone, as corpuscli writes it, unless
    its head quotes fields CSV-style (see :mod:`corpuscli.io.tsv`).

    A quote left open makes a field run on through the rest of the file: a field longer than
    the line bound, or one that is still open at the end of the file, stops the reading at the
    row where it starts, and the rows before it are kept."""
    if delimiter == "\t":
        head = stream.read(tsv.HEAD_BYTES)
        stream = unread(head, stream)
        whole = len(head) < tsv.HEAD_BYTES
        if not tsv.quotes_fields(head.decode("utf-8", "replace"), whole=whole):
            yield from _read_escaped_tsv(item, stream, ctx)
            return
    csv.field_size_limit(ctx.max_line_size or sys.maxsize)
    lines: Iterator[str] = text_stream(stream, ctx.encoding)
    if delimiter == ",":
        try:
            first = next(lines, "")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"cannot read the header: {exc}", where=item.display, hint="check --encoding"
            ) from exc
        sample, lines = _peek(lines, DELIMITER_SAMPLE_LINES)
        lines = chain([first], sample, lines) if first else iter(())
        delimiter = detect_delimiter(first, sample)
        if delimiter != ",":
            note = f"CSV fields separated by {DELIMITER_NAMES[delimiter]} (read off the header)"
            _note(ctx, note, item.display)
    tap = _LineTap(lines)
    reader = csv.reader(tap, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("empty file", where=item.display) from None
    except (csv.Error, UnicodeDecodeError) as exc:
        raise InputError(
            f"cannot read the header: {exc}", where=item.display, hint="check --encoding"
        ) from exc
    header = [h.strip() for h in header]
    _warn_duplicates(item, header, ctx)
    mapper = RowMapper(item, ctx, columns=tuple(dict.fromkeys(header)))
    mapper.mapping(tuple(dict.fromkeys(header)))  # raises early for a bad override
    rows = _delimited_rows(item, reader, tap, header, ctx, delimiter)
    yield from mapped_records(mapper, rows)


def _read_escaped_tsv(item: InputItem, stream: IO[bytes], ctx: Context) -> Iterator[list[Record]]:
    """A line-based TSV (one record a line, ``\\n`` ``\\t`` ``\\r`` ``\\\\`` escapes)."""
    lines = enumerate(text_stream(stream, ctx.encoding), start=1)
    try:
        _, first = next(lines)
    except StopIteration:
        raise InputError("empty file", where=item.display) from None
    except UnicodeDecodeError as exc:
        raise InputError(
            f"cannot read the header: {exc}", where=item.display, hint="check --encoding"
        ) from exc
    header = [tsv.unescape(h).strip() for h in _tsv_fields(first)]
    _warn_duplicates(item, header, ctx)
    mapper = RowMapper(item, ctx, columns=tuple(dict.fromkeys(header)))
    mapper.mapping(tuple(dict.fromkeys(header)))  # raises early for a bad override
    yield from mapped_records(mapper, _escaped_rows(item, lines, header, ctx))


def _note(ctx: Context, note: str, display: str) -> None:
    """Tell the user once, at the end of the load, of a choice made reading ``display``."""
    inputs = ctx.column_choices.setdefault(note, [])
    if display not in inputs:
        inputs.append(display)


def _warn_duplicates(item: InputItem, header: list[str], ctx: Context) -> None:
    """Note, once per name, each column name the header gives more than once (the rule is
    :func:`_row_values`'s)."""
    for name, count in Counter(header).items():
        if count > 1:
            _note(
                ctx,
                f"the header names {count} columns {name!r}: the first is read, and where it "
                "is empty the next one that is not",
                item.display,
            )


def _row_values(header: list[str], values: list[str]) -> dict[str, str | None]:
    """A row's values by column. Where the header names a column more than once, the first
    such column gives the value, or the next one that is not empty where it is empty: no
    value is dropped for a later column's empty cell (the load notes the name)."""
    row: dict[str, str | None] = {}
    for name, value in zip(header, values, strict=True):
        if row.get(name) is None:
            row[name] = value if value != "" else None
    return row


def _tsv_fields(line: str) -> list[str]:
    """The fields of one line of a line-based TSV, still escaped (its line end dropped)."""
    if line.endswith("\n"):
        line = line[:-2] if line.endswith("\r\n") else line[:-1]
    elif line.endswith("\r"):
        line = line[:-1]
    return line.split("\t")


def _escaped_rows(
    item: InputItem, lines: Iterator[tuple[int, str]], header: list[str], ctx: Context
) -> Iterator[Row]:
    number = 1
    while True:
        try:
            number, line = next(lines)
        except StopIteration:
            return
        except InputTooLarge as exc:  # it stopped at the line after the last one read
            raise exc.at(f"{item.display}:{number + 1}") from None
        values = [tsv.unescape(v) for v in _tsv_fields(line)]
        yield from _checked_row(item, values, number, header, ctx)


class _LineTap:
    """The lines a csv.reader takes, kept since the last :meth:`take` (to look at the last
    row again)."""

    def __init__(self, handle: Iterator[str]) -> None:
        self._next = handle.__next__
        self.lines: list[str] = []

    def __iter__(self) -> _LineTap:
        return self

    def __next__(self) -> str:
        line = self._next()
        self.lines.append(line)
        return line

    def take(self) -> list[str]:
        lines, self.lines = self.lines, []
        return lines


def _delimited_rows(
    item: InputItem,
    reader: Any,
    tap: _LineTap,
    header: list[str],
    ctx: Context,
    delimiter: str,
) -> Iterator[Row]:
    held: tuple[list[str], int, list[str]] | None = None  # the last row, until the next is read
    while True:
        start = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except InputTooLarge as exc:  # it stopped at the line after the last one read
            if held is not None:
                yield from _checked_row(item, held[0], held[1], header, ctx)
            raise exc.at(f"{item.display}:{reader.line_num + 1}") from None
        except csv.Error as exc:
            tap.take()
            if "field larger than field limit" in str(exc):
                if held is not None:
                    yield from _checked_row(item, held[0], held[1], header, ctx)
                raise InputTooLarge(
                    f"a field of the row on line {start} runs past "
                    f"{format_size(ctx.max_line_size)} (an unterminated quote?); stopped reading "
                    "the file there",
                    where=f"{item.display}:{start}",
                    hint='close the quote (a " inside a quoted field is written ""), or raise '
                    "--max-line-size if the field is genuine",
                ) from None
            ctx.problems.append(
                Problem(f"{item.display}:{start}", f"bad CSV row: {exc}", "skipped")
            )
            continue
        if held is not None:
            yield from _checked_row(item, held[0], held[1], header, ctx)
        held = (values, start, tap.take())
    if held is None:
        return
    values, start, lines = held
    if _open_quote_at_end("".join(lines), delimiter):
        raise InputError(
            f"unterminated quote: a field of the row on line {start} runs to the end of the "
            "file; the rows from there on are not read",
            where=f"{item.display}:{start}",
            hint='close the quote (a " inside a quoted field is written "")',
        )
    yield from _checked_row(item, values, start, header, ctx)


def _open_quote_at_end(text: str, delimiter: str) -> bool:
    """True if the CSV text of one row ends inside a quoted field."""
    if '"' not in text:
        return False
    try:
        for _ in csv.reader(io.StringIO(text), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _checked_row(
    item: InputItem, values: list[str], start: int, header: list[str], ctx: Context
) -> Iterator[Row]:
    if not values or (len(values) == 1 and not values[0].strip()):
        return
    if len(values) != len(header):
        ctx.problems.append(
            Problem(
                f"{item.display}:{start}",
                f"row has {plural(len(values), 'field')}, the header {len(header)}",
                "skipped",
            )
        )
        return
    yield _row_values(header, values), start, None


def read_parquet(item: InputItem, stream: IO[bytes], ctx: Context) -> Iterator[list[Record]]:
    """Parquet, read one batch of rows at a time. Its size once decompressed is bounded like
    any input's: by the sizes its metadata declares before reading, and by the size of the
    rows decoded while reading (dictionary encoding can repeat one large value many times)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        plain_file = item.path is not None and item.compression is None
        parquet = pq.ParquetFile(item.path if plain_file else pa.BufferReader(read_all(stream)))
        meta = parquet.metadata
        declared = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
        columns = tuple(parquet.schema_arrow.names)
    except (pa.ArrowException, OSError, ValueError, IndexError) as exc:
        raise InputError(f"not a readable Parquet file: {exc}", where=item.display) from exc
    if ctx.max_input_size and declared > ctx.max_input_size:
        raise _parquet_too_large(item.display, ctx.max_input_size)
    mapper = RowMapper(item, ctx, columns=columns)
    yield from mapped_records(mapper, _parquet_rows(item, parquet, ctx.max_input_size))


def _parquet_too_large(where: str, size: int) -> InputTooLarge:
    return InputTooLarge(
        f"input is larger than {format_size(size)} after decompression; stopped reading it there",
        where=where,
        hint="if the file is genuine, raise --max-input-size (0 for no bound)",
    )


def _parquet_rows(item: InputItem, parquet: Any, max_size: int) -> Iterator[Row]:
    import pyarrow as pa

    row_number = 0
    decoded = 0
    try:
        for batch in parquet.iter_batches(batch_size=CHUNK):
            decoded += batch.nbytes
            if max_size and decoded > max_size:
                raise _parquet_too_large(f"{item.display}:[{row_number + 1}]", max_size)
            for row in batch.to_pylist():
                row_number += 1
                yield row, None, row_number
    except (pa.ArrowException, OSError, ValueError, IndexError) as exc:
        raise InputError(
            f"broken Parquet data after row {row_number}: {exc}", where=item.display
        ) from exc


def read_html(item: InputItem, stream: IO[bytes], ctx: Context) -> Iterator[list[Record]]:
    """An HTML page: main text and metadata (title, date, site name, URL) by trafilatura."""
    try:
        import trafilatura
    except ImportError as exc:
        raise MissingExtraError("reading HTML pages", "html", "trafilatura") from exc
    data = read_all(stream)
    decoded = decode_bytes(data, encoding=ctx.encoding, where=item.display)
    try:
        doc = trafilatura.bare_extraction(
            decoded.text, with_metadata=True, include_comments=False, favor_precision=False
        )
    except ImportError as exc:  # trafilatura imports parts of lxml lazily
        raise MissingExtraError(
            "reading HTML pages", "html", str(exc.name or "lxml_html_clean")
        ) from exc
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError("no article text found in the page", where=item.display)
    text = normalize_text(text)
    yield [
        {
            "doc_id": item.stem,
            "title": _clean_meta(getattr(doc, "title", None)),
            "source": _clean_meta(getattr(doc, "sitename", None)),
            "published": getattr(doc, "date", None),
            "url": _clean_meta(getattr(doc, "url", None)),
            "text": text,
            "_text_source": None,
        }
    ]


def _clean_meta(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(normalize_text(str(value)).split())
    return text or None


READERS = {
    "text": read_text,
    "jsonl": read_jsonl,
    "json": read_json,
    "csv": lambda item, stream, ctx: read_delimited(item, stream, ctx, ","),
    "tsv": lambda item, stream, ctx: read_delimited(item, stream, ctx, "\t"),
    "parquet": read_parquet,
    "html": read_html,
}
