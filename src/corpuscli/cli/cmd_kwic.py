"""`corpus kwic`: keyword in context, a concordance of every occurrence."""

from __future__ import annotations

from typing import Annotated

import typer

from ._options import (
    DateColOpt,
    DebugOpt,
    DedupeOpt,
    EncodingOpt,
    FilesFromOpt,
    FormatOpt,
    IdColOpt,
    ManifestOpt,
    OutputFormat,
    OutputOpt,
    PathsArg,
    QuietOpt,
    SinceOpt,
    SourceColOpt,
    SourceOpt,
    TextColOpt,
    TitleColOpt,
    UntilOpt,
    UrlColOpt,
)
from ._run import InputSpec, columns_from, command

HELP = """Keyword in context: every occurrence of a word or phrase, with the text on each side.

Columns: doc_id, source, start, end (character offsets into the article text), left, match, right. A plain query matches whole words and its apostrophes match curly ones too; --regex takes a regular expression. Exit status 3 when nothing matches.
"""

EPILOG = """\b
Examples:
  corpus kwic "Karabakh" sample_data/ --width 60
  corpus kwic "occupied by Armenia" sample_data/ --ignore-case
  corpus kwic "Shush[ai]" corpus.jsonl --regex --sort right
"""

QueryArg = Annotated[
    str, typer.Argument(metavar="QUERY", help="Word or phrase to find (a regex with --regex).")
]
RegexOpt = Annotated[bool, typer.Option("--regex", "-e", help="QUERY is a regular expression.")]
IgnoreCaseOpt = Annotated[
    bool, typer.Option("--ignore-case", "-i", help="Match regardless of case.")
]
WidthOpt = Annotated[
    int, typer.Option("--width", min=1, help="Characters of context on each side.")
]
SortOpt = Annotated[
    str,
    typer.Option("--sort", metavar="HOW", help="position, left or right (by the context words)."),
]
LimitOpt = Annotated[int | None, typer.Option("--limit", min=1, help="At most this many lines.")]


def kwic_command(
    query: QueryArg,
    paths: PathsArg = None,
    regex: RegexOpt = False,
    ignore_case: IgnoreCaseOpt = False,
    width: WidthOpt = 40,
    sort: SortOpt = "position",
    limit: LimitOpt = None,
    files_from: FilesFromOpt = None,
    source: SourceOpt = None,
    manifest: ManifestOpt = None,
    encoding: EncodingOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    dedupe: DedupeOpt = False,
    text_col: TextColOpt = None,
    title_col: TitleColOpt = None,
    source_col: SourceColOpt = None,
    date_col: DateColOpt = None,
    url_col: UrlColOpt = None,
    id_col: IdColOpt = None,
    fmt: FormatOpt = OutputFormat.auto,
    output: OutputOpt = None,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
) -> None:
    with command(quiet=quiet, debug=debug) as run:
        spec = InputSpec(
            paths, files_from, source, manifest, encoding, since, until, dedupe,
            columns_from(text_col=text_col, title_col=title_col, source_col=source_col,
                         date_col=date_col, url_col=url_col, id_col=id_col),
        )  # fmt: skip
        out_fmt = run.output_format(fmt, output)
        from corpuscli.kwic import compile_query, kwic

        compile_query(
            query, regex=regex, ignore_case=ignore_case
        )  # a bad regex fails before loading
        table = kwic(
            run.stream(spec),
            query,
            regex=regex,
            ignore_case=ignore_case,
            width=width,
            sort=sort,
            limit=limit,
        )
        run.emit(table, out_fmt, output, title=f"kwic: {query}")
