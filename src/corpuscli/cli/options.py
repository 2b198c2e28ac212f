"""The options commands share, declared once as ``Annotated`` aliases, in the groups a command
takes whole (see :mod:`corpuscli.cli.command`): input, filters, store, cleaning, tokens,
compute, output. One flag has one meaning in every command."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer

INPUT = "Input"
FILTERS = "Filters"
STORE = "Store"
CLEANING = "Cleaning"
TOKENS = "Tokens"
COMPUTE = "Compute"
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


# --- input ------------------------------------------------------------------------------------------
PathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files, folders (read recursively), globs, or - for standard input. "
        "With none, piped standard input is read.",
        metavar="PATH",
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
SetSourceOpt = Annotated[
    str | None,
    typer.Option(
        "--set-source",
        metavar="NAME",
        help="Outlet name for articles whose input names none (to filter by outlet: --source).",
        rich_help_panel=INPUT,
    ),
]


def _col(option: str, what: str) -> Any:
    return typer.Option(
        option, metavar="COL", help=f"Input column holding the {what}.", rich_help_panel=INPUT
    )


TextColOpt = Annotated[str | None, _col("--text-col", "article text")]
TitleColOpt = Annotated[str | None, _col("--title-col", "headline")]
SourceColOpt = Annotated[str | None, _col("--source-col", "outlet")]
DateColOpt = Annotated[str | None, _col("--date-col", "publication date")]
UrlColOpt = Annotated[str | None, _col("--url-col", "URL")]
IdColOpt = Annotated[str | None, _col("--id-col", "article id")]

# --- filters ----------------------------------------------------------------------------------------
SourceOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--source",
        metavar="NAME",
        help="Only the articles of this outlet (exact name; repeatable), from files or a store.",
        rich_help_panel=FILTERS,
    ),
]
SinceOpt = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="WHEN",
        help="Only articles published at or after WHEN: 2026-11-26, today, yesterday, 1d, 7d, 2w.",
        rich_help_panel=FILTERS,
    ),
]
UntilOpt = Annotated[
    str | None,
    typer.Option(
        "--until",
        metavar="WHEN",
        help="Only articles published before WHEN (same forms as --since).",
        rich_help_panel=FILTERS,
    ),
]
DedupeOpt = Annotated[
    bool,
    typer.Option(
        "--dedupe", help="Drop exact duplicate articles (same text).", rich_help_panel=FILTERS
    ),
]

# --- store ------------------------------------------------------------------------------------------
StoreOpt = Annotated[
    str | None,
    typer.Option(
        "--store",
        metavar="FILE",
        envvar="CORPUSCLI_STORE",
        help="Read from a corpus store (made by corpus ingest) instead of files.",
        rich_help_panel=STORE,
    ),
]
QueryOpt = Annotated[
    str | None,
    typer.Option(
        "--query",
        metavar="FTS",
        help='With --store: only articles matching a full-text query ("five plus two", putin AND shusha).',
        rich_help_panel=STORE,
    ),
]

# --- cleaning ---------------------------------------------------------------------------------------
CleanOpt = Annotated[
    bool,
    typer.Option(
        "--clean",
        help="Remove boilerplate before analysing (off by default in every command; see corpus boilerplate).",
        rich_help_panel=CLEANING,
    ),
]
PatternsOpt = Annotated[
    str | None,
    typer.Option(
        "--patterns",
        metavar="FILE",
        help="Boilerplate patterns saved by corpus boilerplate --save-patterns (implies --clean).",
        rich_help_panel=CLEANING,
    ),
]

# --- tokens -----------------------------------------------------------------------------------------
LowerOpt = Annotated[
    bool,
    typer.Option(
        "--lower/--keep-case",
        help="Fold case before counting (default) or keep it.",
        rich_help_panel=TOKENS,
    ),
]
StopwordsOpt = Annotated[
    str,
    typer.Option(
        "--stopwords",
        metavar="lang|CODE|none|FILE",
        help="Stopwords to drop: lang (default) the list of --lang's language (per article with "
        "--lang auto; nltk is another name for it), a language code (en, de, fr ...) for that "
        "list, none, or a file of one word per line. The lists ship with corpuscli.",
        rich_help_panel=TOKENS,
    ),
]
StemOpt = Annotated[
    bool,
    typer.Option(
        "--stem", help="Reduce words to their Snowball stem (per --lang).", rich_help_panel=TOKENS
    ),
]
LangOpt = Annotated[
    str,
    typer.Option(
        "--lang",
        metavar="CODE|auto",
        help="Language of the texts (en, de, fr ...; default en) for --stem and the stopwords; "
        "auto detects each article's language and uses its stopwords and stemmer.",
        rich_help_panel=TOKENS,
    ),
]
PatternOpt = Annotated[
    str | None,
    typer.Option(
        "--pattern",
        metavar="REGEX",
        help="What counts as a token (default: words with inner hyphens and apostrophes, "
        "dotted abbreviations, numbers).",
        rich_help_panel=TOKENS,
    ),
]
KeepNumbersOpt = Annotated[
    bool,
    typer.Option(
        "--keep-numbers",
        help="Count tokens without letters (1994, 30,000).",
        rich_help_panel=TOKENS,
    ),
]
TopOpt = Annotated[int, typer.Option("--top", "-n", help="How many rows to list (per group).")]
AllOpt = Annotated[bool, typer.Option("--all", help="List every row (overrides --top).")]
NgramOpt = Annotated[
    str,
    typer.Option(
        "--ngram",
        metavar="N|N-M",
        help="Word n-grams of size N, or sizes N to M (1 to 3; e.g. 2 or 1-3).",
        rich_help_panel=TOKENS,
    ),
]

# --- compute ----------------------------------------------------------------------------------------
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Worker processes (default: all cores).",
        rich_help_panel=COMPUTE,
    ),
]
EngineOpt = Annotated[
    str,
    typer.Option(
        "--engine",
        metavar="pandas|dask",
        envvar="CORPUSCLI_ENGINE",
        help="pandas (this machine's cores) or dask (a Dask cluster; needs corpuscli\\[dask]).",
        rich_help_panel=COMPUTE,
    ),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        metavar="ADDRESS",
        envvar="CORPUSCLI_SCHEDULER",
        help="Dask scheduler (tcp://HOST:8786); default: a local cluster with --jobs workers.",
        rich_help_panel=COMPUTE,
    ),
]

# --- output -----------------------------------------------------------------------------------------
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
        ".tsv .csv .json .jsonl .md .html .parquet, plus .gz for the text formats. "
        "- is standard output.",
        rich_help_panel=OUTPUT,
        callback=lambda value: None if value == "-" else value,
    ),
]
QuietOpt = Annotated[
    bool,
    typer.Option(
        "--quiet", "-q", help="Print nothing on stderr but errors.", rich_help_panel=OUTPUT
    ),
]
AllRowsOpt = Annotated[
    bool,
    typer.Option(
        "--all-rows",
        help="At a terminal, draw every row: a longer table stops after a screenful, saying how "
        "many rows follow. Pipes and -o files always get every row.",
        rich_help_panel=OUTPUT,
    ),
]
DebugOpt = Annotated[
    bool,
    typer.Option("--debug", help="Show tracebacks of internal errors.", rich_help_panel=OUTPUT),
]
RawCsvOpt = Annotated[
    bool,
    typer.Option(
        "--raw-csv",
        help="CSV only: write cells that begin with = + - @ as they are. By default such a text "
        "cell gets a ' in front, so that a spreadsheet shows it instead of running it as a "
        "formula (numbers are left alone).",
        rich_help_panel=OUTPUT,
    ),
]

#: The option groups: name -> ((parameter, annotation, default), ...), in --help order.
GROUPS: dict[str, tuple[tuple[str, Any, Any], ...]] = {
    "input": (
        ("paths", PathsArg, None),
        ("files_from", FilesFromOpt, None),
        ("manifest", ManifestOpt, None),
        ("encoding", EncodingOpt, None),
        ("set_source", SetSourceOpt, None),
        ("text_col", TextColOpt, None),
        ("title_col", TitleColOpt, None),
        ("source_col", SourceColOpt, None),
        ("date_col", DateColOpt, None),
        ("url_col", UrlColOpt, None),
        ("id_col", IdColOpt, None),
        ("max_input_size", MaxInputSizeOpt, None),
        ("max_line_size", MaxLineSizeOpt, None),
    ),
    "filters": (
        ("source", SourceOpt, None),
        ("since", SinceOpt, None),
        ("until", UntilOpt, None),
        ("dedupe", DedupeOpt, False),
    ),
    "store": (("store", StoreOpt, None), ("fts_query", QueryOpt, None)),
    "cleaning": (("clean", CleanOpt, False), ("patterns", PatternsOpt, None)),
    "tokens": (
        ("lower", LowerOpt, True),
        ("stopwords", StopwordsOpt, "lang"),
        ("stem", StemOpt, False),
        ("lang", LangOpt, "en"),
        ("pattern", PatternOpt, None),
        ("keep_numbers", KeepNumbersOpt, False),
    ),
    "jobs": (("jobs", JobsOpt, None),),
    "dask": (("engine", EngineOpt, "pandas"), ("scheduler", SchedulerOpt, None)),
    "output": (
        ("fmt", FormatOpt, OutputFormat.auto),
        ("output", OutputOpt, None),
        ("quiet", QuietOpt, False),
        ("all_rows", AllRowsOpt, False),
        ("debug", DebugOpt, False),
        ("raw_csv", RawCsvOpt, False),
    ),
}

#: Input column options -> the core column each names.
COLUMN_OPTIONS = {
    "text_col": "text",
    "title_col": "title",
    "source_col": "source",
    "date_col": "published",
    "url_col": "url",
    "id_col": "doc_id",
}
