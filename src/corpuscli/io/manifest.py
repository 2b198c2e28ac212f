"""``--manifest FILE``: metadata (source, published, url, title) joined to articles by id or file.

A manifest is a CSV (separated by ``,`` ``;`` tab or ``|``, see ``dialect``), TSV, JSON Lines or
JSON file with a key column — ``doc_id``/``id``, or ``file``/``filename``/``path``/``name`` — and
any of the core metadata columns under the names ``columns.py`` accepts. Articles match by doc_id, by file name (``000_x.txt``) or by file stem
(``000_x``). Manifest values take precedence over everything read or inferred.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from corpuscli.errors import InputError

from .columns import map_columns
from .dialect import detect_delimiter
from .inputs import format_of

_KEY_NAMES = ("doc_id", "id", "article_id", "file", "filename", "file_name", "path", "name")
#: Manifest columns joined onto the frame.
JOINED = ("source", "published", "url", "title")


def read_manifest(path: str) -> pd.DataFrame:
    """Read a manifest into a frame with a ``key`` column and the metadata columns it has."""
    p = Path(path)
    if not p.exists():
        raise InputError("manifest not found", where=path, hint="check the --manifest path")
    fmt, _ = format_of(p.name)
    try:
        if fmt == "jsonl":
            raw = pd.read_json(p, lines=True, dtype=False)
        elif fmt == "json":
            raw = pd.DataFrame(json.loads(p.read_text(encoding="utf-8-sig")))
        elif fmt in ("csv", "tsv"):
            raw = pd.read_csv(
                p, sep="\t" if fmt == "tsv" else _csv_separator(p), dtype=str,
                keep_default_na=False, encoding="utf-8-sig",
            )  # fmt: skip
        else:
            raise InputError(
                "manifest must be CSV, TSV, JSON Lines or JSON",
                where=path,
                hint="rename or convert it",
            )
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise InputError(f"cannot read the manifest: {exc}", where=path) from exc
    raw.columns = [str(c).strip() for c in raw.columns]
    lowered = {c.lower(): c for c in raw.columns}
    key_col = next((lowered[k] for k in _KEY_NAMES if k in lowered), None)
    if key_col is None:
        raise InputError(
            "manifest has no key column",
            where=path,
            hint="add a doc_id, id or file column naming each article",
        )
    mapping = {col: core for col, core in map_columns(raw.columns).items() if core in JOINED}
    mapping.pop(key_col, None)
    out = pd.DataFrame({"key": raw[key_col].astype(str).str.strip()})
    for col, core in mapping.items():
        values = raw[col].astype(object).where(raw[col].notna(), None)
        out[core] = values.map(lambda v: None if v is None or str(v).strip() == "" else v)
    return out.drop_duplicates("key", keep="last").set_index("key")


def _csv_separator(path: Path) -> str:
    """The separator of a CSV manifest, read off its header like a CSV input's."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return detect_delimiter(handle.readline())


def match_keys(frame: pd.DataFrame) -> pd.DataFrame:
    """Candidate manifest keys for each article: doc_id, file name, file stem."""
    file_part = (
        frame["path"]
        .astype(object)
        .map(
            lambda p: (
                None
                if p is None or p is pd.NA
                else Path(str(p).rsplit(":", 1)[0] if _has_line(str(p)) else str(p)).name
            )
        )
    )
    stem = file_part.map(lambda n: None if n is None else n.split(".", 1)[0])
    return pd.DataFrame({"doc_id": frame["doc_id"], "file": file_part, "stem": stem})


def _has_line(path: str) -> bool:
    head, _, tail = path.rpartition(":")
    return bool(head) and (tail.isdigit() or tail.startswith("["))
