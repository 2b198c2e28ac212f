"""Output formats and how an ``-o`` file name selects one (without importing pandas, so that a
command can settle its output before its heavy imports)."""

from __future__ import annotations

from pathlib import Path

from corpuscli.errors import UsageError

FORMATS = ("table", "tsv", "csv", "json", "jsonl", "md", "html", "parquet")
BINARY_FORMATS = ("parquet",)

EXTENSIONS = {
    ".tsv": "tsv",
    ".tab": "tsv",
    ".csv": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".txt": "table",
}


def format_for_path(path: str) -> str:
    """The output format an ``-o`` file name asks for (``.gz`` compresses the text formats)."""
    name = path.lower().removesuffix(".gz")
    fmt = EXTENSIONS.get(Path(name).suffix)
    if fmt is None:
        raise UsageError(
            f"cannot tell the output format from {path!r}",
            hint="use an extension such as .jsonl, .csv, .tsv, .json, .md, .html, .parquet, or give --format",
        )
    if path.lower().endswith(".gz") and fmt in (*BINARY_FORMATS, "table"):
        raise UsageError(f"{fmt} output cannot be gzip-compressed", where=path)
    return fmt
