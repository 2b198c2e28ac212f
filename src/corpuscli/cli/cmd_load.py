"""`corpus load`: read articles into the corpus frame and show or save it."""

from __future__ import annotations

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

HELP = """Read articles into one corpus frame: show them, or save them for later commands.

Inputs may be plain text (.txt/.md, one article per file), JSON Lines, JSON, CSV/TSV, Parquet or HTML, gzip/bz2/xz/zstd-compressed or not, mixed freely.

For people (table, md, html) it lists doc_id, source, title, published, words. For programs (tsv, csv, json, jsonl, parquet) it writes the whole corpus frame: doc_id, source, title, published, url, path, text, then any other metadata columns of the input. """

EPILOG = """\b
Examples:
  corpus load sample_data/
  corpus load sample_data/ -o corpus.parquet
  corpus load sample_data/ --manifest sample_data/manifest.csv
  find articles -name '*.txt' | corpus load --files-from - --format jsonl | corpus stats -
  corpus load feed.jsonl.gz --text-col body --source Reuters -o feed.jsonl
"""

SUMMARY_FORMATS = ("table", "md", "html")


def load_command(
    paths: PathsArg = None,
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
        if out_fmt in SUMMARY_FORMATS:
            from corpuscli.stats import article_summary

            frame = article_summary(frame)
        run.emit(frame, out_fmt, output, title="articles")
