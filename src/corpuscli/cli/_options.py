"""Options shared by every command, declared once as ``Annotated`` aliases."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

INPUT = "Input"
OUTPUT = "Output"


class OutputFormat(StrEnum):
    auto = "auto"
    table = "table"
    tsv = "tsv"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    md = "md"
    html = "html"
    parquet = "parquet"


PathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files, folders (read recursively), globs, or - for standard input. "
        "With none, piped standard input is read.",
        metavar="PATH...",
        show_default=False,
    ),
]
FilesFromOpt = Annotated[
    str | None,
    typer.Option(
        "--files-from",
        metavar="FILE",
        help="Read input paths from FILE (one per line, or NUL-separated), - for stdin.",
        rich_help_panel=INPUT,
    ),
]
SourceOpt = Annotated[
    str | None,
    typer.Option(
        "--source",
        metavar="NAME",
        help="Outlet name for articles whose input does not name one.",
        rich_help_panel=INPUT,
    ),
]
ManifestOpt = Annotated[
    str | None,
    typer.Option(
        "--manifest",
        metavar="FILE",
        help="CSV/TSV/JSONL of metadata (source, published, url, title) joined by doc_id or file name.",
        rich_help_panel=INPUT,
    ),
]
EncodingOpt = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        metavar="CODEC",
        help="Force the text encoding (default: UTF-8, else detected and reported).",
        rich_help_panel=INPUT,
    ),
]
SinceOpt = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="WHEN",
        help="Only articles published at or after WHEN: 2026-11-26, today, yesterday, 1d, 7d, 2w.",
        rich_help_panel=INPUT,
    ),
]
UntilOpt = Annotated[
    str | None,
    typer.Option(
        "--until",
        metavar="WHEN",
        help="Only articles published before WHEN (same forms as --since).",
        rich_help_panel=INPUT,
    ),
]
MaxInputSizeOpt = Annotated[
    str | None,
    typer.Option(
        "--max-input-size",
        metavar="SIZE",
        help="Stop reading an input past SIZE bytes after decompression (500M, 4G; 0: no bound). "
        "Default 4G.",
        rich_help_panel=INPUT,
        show_default=False,
    ),
]
MaxLineSizeOpt = Annotated[
    str | None,
    typer.Option(
        "--max-line-size",
        metavar="SIZE",
        help="Stop reading an input at a line, CSV field or one-article file longer than SIZE "
        "(0: no bound). Default 64M.",
        rich_help_panel=INPUT,
        show_default=False,
    ),
]
DedupeOpt = Annotated[
    bool,
    typer.Option(
        "--dedupe", help="Drop exact duplicate articles (same text).", rich_help_panel=INPUT
    ),
]


def _col(option: str, what: str) -> object:
    return typer.Option(
        option, metavar="COL", help=f"Input column holding the {what}.", rich_help_panel=INPUT
    )


TextColOpt = Annotated[str | None, _col("--text-col", "article text")]
TitleColOpt = Annotated[str | None, _col("--title-col", "headline")]
SourceColOpt = Annotated[str | None, _col("--source-col", "outlet")]
DateColOpt = Annotated[str | None, _col("--date-col", "publication date")]
UrlColOpt = Annotated[str | None, _col("--url-col", "URL")]
IdColOpt = Annotated[str | None, _col("--id-col", "article id")]

FormatOpt = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        "-f",
        help="Output format. auto: a table on a terminal, TSV when piped (or from -o's extension).",
        rich_help_panel=OUTPUT,
    ),
]
OutputOpt = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE (atomically); the format follows the extension: "
        ".tsv .csv .json .jsonl .md .html .parquet, plus .gz for the text formats.",
        rich_help_panel=OUTPUT,
    ),
]
QuietOpt = Annotated[
    bool,
    typer.Option(
        "--quiet", "-q", help="Print nothing on stderr but errors.", rich_help_panel=OUTPUT
    ),
]
DebugOpt = Annotated[
    bool,
    typer.Option("--debug", help="Show tracebacks of internal errors.", rich_help_panel=OUTPUT),
]
CleanOpt = Annotated[
    bool,
    typer.Option(
        "--clean",
        help="Remove boilerplate before analysing (see corpus boilerplate).",
        rich_help_panel=INPUT,
    ),
]
PatternsOpt = Annotated[
    str | None,
    typer.Option(
        "--patterns",
        metavar="FILE",
        help="Boilerplate patterns saved by corpus boilerplate --save-patterns.",
        rich_help_panel=INPUT,
    ),
]
StoreOpt = Annotated[
    str | None,
    typer.Option(
        "--store",
        metavar="FILE",
        envvar="CORPUSCLI_STORE",
        help="Read from a corpus store (made by corpus ingest) instead of files.",
        rich_help_panel=INPUT,
    ),
]
QueryOpt = Annotated[
    str | None,
    typer.Option(
        "--query",
        metavar="FTS",
        help='With --store: only articles matching a full-text query ("five plus two", putin AND shusha).',
        rich_help_panel=INPUT,
    ),
]
