"""One reader per input format. Each yields chunks of records (dicts keyed by corpus-frame column
names, unmapped input columns under their own names, and ``_line`` for line-based formats).

Problems confined to one record (a bad JSON line, a row without text) are appended to
``problems`` and the record is skipped; problems with the whole input raise InputError.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from typing import IO, Any

from corpuscli.errors import InputError, MissingExtraError, Problem

from .columns import ColumnOverrides, extra_name, map_columns, missing_overrides
from .decode import decode_bytes, normalize_text, read_all, text_stream
from .infer import infer_source, infer_title
from .inputs import InputItem

Record = dict[str, Any]


def _standard_loads(data: bytes) -> Any:
    return json.loads(data)


try:  # the optional extra corpuscli[fast]
    import orjson

    def json_loads(data: bytes) -> Any:
        """Parse one JSON document: with orjson when it can, else (NaN literals, UTF-16 ...)
        the standard library, whose verdict and value stand. orjson reads integers beyond 64
        bits as floats: a document where a float that large turns up is read again, exactly."""
        try:
            value = orjson.loads(data)
        except orjson.JSONDecodeError:
            return json.loads(data)
        return json.loads(data) if _maybe_rounded(value) else value

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


class Context:
    """What every reader needs: options, and where to put problems and notes."""

    def __init__(
        self,
        overrides: ColumnOverrides | None = None,
        encoding: str | None = None,
    ) -> None:
        self.overrides = overrides
        self.encoding = encoding
        self.problems: list[Problem] = []
        self.detected_encodings: dict[str, str] = {}


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
    """Maps the columns of input rows onto the corpus frame, caching one mapping per column set."""

    def __init__(self, item: InputItem, ctx: Context, *, fixed_columns: bool = False) -> None:
        self.item = item
        self.ctx = ctx
        #: CSV/TSV/Parquet: every row has the same columns, so a missing text column is fatal.
        self.fixed_columns = fixed_columns
        self._cache: dict[tuple[str, ...], dict[str, str]] = {}

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
            mapping = map_columns(columns, self.ctx.overrides)
            self._cache[columns] = mapping
        return mapping

    def record(self, row: dict[str, Any], line: int | None) -> Record | None:
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
            where = f"{self.item.display}:{line}" if line else self.item.display
            if "text" not in mapping.values():
                cols = ", ".join(map(str, list(row)[:30]))
                hint = f"name it with --text-col (columns: {cols})"
                if self.fixed_columns:
                    raise InputError("no text column", where=self.item.display, hint=hint)
                self.ctx.problems.append(Problem(where, "record has no text field", hint))
                return None
            self.ctx.problems.append(Problem(where, "record has empty text", "skipped"))
            return None
        rec["text"] = normalize_text(text)
        return rec


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
    mapper = RowMapper(item, ctx)
    chunk: list[Record] = []
    try:
        for number, raw in enumerate(stream, start=item.first_line):
            if not raw.strip():
                continue
            rec = _jsonl_record(raw, number, item, mapper, ctx)
            if rec is not None:
                chunk.append(rec)
            if len(chunk) >= CHUNK:
                yield chunk
                chunk = []
    except Exception:
        if chunk:  # hand over what was read before a fault (a truncated archive)
            yield chunk
        raise
    if chunk:
        yield chunk


def _jsonl_record(
    raw: bytes, number: int, item: InputItem, mapper: RowMapper, ctx: Context
) -> Record | None:
    line_bytes = raw.decode(ctx.encoding).encode() if ctx.encoding else raw
    if number == 1:
        line_bytes = line_bytes.removeprefix(b"\xef\xbb\xbf")
    try:
        row = json_loads(line_bytes)
    except ValueError as exc:
        reason = "not valid UTF-8" if isinstance(exc, UnicodeDecodeError) else "not valid JSON"
        ctx.problems.append(Problem(f"{item.display}:{number}", f"line is {reason}", "skipped"))
        return None
    if not isinstance(row, dict):
        ctx.problems.append(
            Problem(f"{item.display}:{number}", "line is not a JSON object", "skipped")
        )
        return None
    return mapper.record(row, number)


def read_json(item: InputItem, stream: IO[bytes], ctx: Context) -> Iterator[list[Record]]:
    """A JSON array of objects, an object holding such an array, or a single article object."""
    data = read_all(stream)
    try:
        doc = json.loads(data.decode(ctx.encoding) if ctx.encoding else data)
    except ValueError as exc:
        # Many "JSON" exports are really JSON Lines.
        if data.lstrip().startswith(b"{") and b"\n" in data.strip():
            import io

            yield from read_jsonl(item, io.BytesIO(data), ctx)
            return
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
    mapper = RowMapper(item, ctx)
    chunk: list[Record] = []
    for index, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            ctx.problems.append(
                Problem(f"{item.display}:[{index}]", "array element is not an object", "skipped")
            )
            continue
        rec = mapper.record(row, None)
        if rec is not None:
            rec["_index"] = index
            chunk.append(rec)
    yield chunk


def read_delimited(
    item: InputItem, stream: IO[bytes], ctx: Context, delimiter: str
) -> Iterator[list[Record]]:
    """CSV or TSV with a header row; quoted fields may span lines (line numbers stay exact)."""
    csv.field_size_limit(sys.maxsize)
    handle = text_stream(stream, ctx.encoding)
    reader = csv.reader(handle, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("empty file", where=item.display) from None
    except (csv.Error, UnicodeDecodeError) as exc:
        raise InputError(
            f"cannot read the header: {exc}", where=item.display, hint="check --encoding"
        ) from exc
    header = [h.strip() for h in header]
    mapper = RowMapper(item, ctx, fixed_columns=True)
    mapper.mapping(tuple(header))  # raises early for a bad override
    if "text" not in mapper.mapping(tuple(header)).values():
        raise InputError(
            "no text column",
            where=item.display,
            hint=f"name it with --text-col (columns: {', '.join(header[:30])})",
        )
    chunk: list[Record] = []
    while True:
        start = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            ctx.problems.append(
                Problem(f"{item.display}:{start}", f"bad CSV row: {exc}", "skipped")
            )
            continue
        if not values or (len(values) == 1 and not values[0].strip()):
            continue
        if len(values) != len(header):
            ctx.problems.append(
                Problem(
                    f"{item.display}:{start}",
                    f"row has {len(values)} fields, the header {len(header)}",
                    "skipped",
                )
            )
            continue
        rec = mapper.record(
            {h: (v if v != "" else None) for h, v in zip(header, values, strict=True)}, start
        )
        if rec is not None:
            chunk.append(rec)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def read_parquet(item: InputItem, stream: IO[bytes], ctx: Context) -> Iterator[list[Record]]:
    """Parquet, read one row group at a time."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        plain_file = item.path is not None and item.compression is None
        parquet = pq.ParquetFile(item.path if plain_file else pa.BufferReader(read_all(stream)))
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"not a readable Parquet file: {exc}", where=item.display) from exc
    mapper = RowMapper(item, ctx, fixed_columns=True)
    row_number = 0
    for batch in parquet.iter_batches(batch_size=CHUNK):
        chunk: list[Record] = []
        for row in batch.to_pylist():
            row_number += 1
            rec = mapper.record(row, None)
            if rec is not None:
                rec["_index"] = row_number
                chunk.append(rec)
        yield chunk


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
