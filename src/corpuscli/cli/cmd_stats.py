"""`corpus stats`: the size and shape of a corpus, overall or per group."""

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

HELP = """Count articles, words and distinct words, with date ranges, overall or per group.

Output columns: the group (the --by column, or "corpus"), articles, words, distinct_words (lowercased word types), mean_words, median_words, characters, first_published, last_published, undated (articles without a date). """

EPILOG = """\b
Examples:
  corpus stats sample_data/
  corpus stats sample_data/ --by source
  corpus stats corpus.jsonl --by month
  corpus load sample_data/ --format jsonl | corpus stats - --by source
"""

ByOpt = Annotated[
    str | None,
    typer.Option(
        "--by",
        metavar="COLUMN",
        help="Group by a column (source, or any metadata column) or by day, week, month, year.",
    ),
]


def stats_command(
    paths: PathsArg = None,
    by: ByOpt = None,
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
        frame = run.load(spec)
        from corpuscli.stats import corpus_stats

        run.emit(corpus_stats(frame, by=by), out_fmt, output, title="corpus statistics")
