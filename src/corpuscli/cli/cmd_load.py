"""`corpus load`: read articles into the corpus frame and show or save it."""

from __future__ import annotations

from ._command import corpus_command
from ._run import InputSpec, Run

HELP = """Read articles into one corpus frame: show them, or save them for later commands.

Inputs may be plain text (.txt/.md, one article per file), JSON Lines, JSON, CSV/TSV, Parquet or HTML, gzip/bz2/xz/zstd-compressed or not, mixed freely.

For people (table, md, html) it lists doc_id, source, title, published, lang, words. For programs (tsv, csv, json, jsonl, parquet) it writes the whole corpus frame: doc_id, source, title, published, url, path, text, lang, then any other metadata columns of the input.

lang is each article's language (ISO 639-1 code: en, de, fr ...; empty when the text is too short to tell): the input's own lang column where it has one, else detected from the first 1,000 characters. """

EPILOG = """\b
Examples:
  corpus load sample_data/
  corpus load sample_data/ -o corpus.parquet
  corpus load sample_data/ --manifest sample_data/manifest.csv
  find articles -name '*.txt' | corpus load --files-from - --format jsonl | corpus stats -
  corpus load feed.jsonl.gz --text-col body --source Reuters -o feed.jsonl
"""

SUMMARY_FORMATS = ("table", "md", "html")


@corpus_command
def load_command(
    *,
    run: Run,
    inputs: InputSpec,
    fmt: str,
    output: str | None,
) -> None:
    from corpuscli.analysis.stats import article_summary, with_language
    from corpuscli.engine.parallel import available_cores

    frame = run.load(inputs)
    if fmt in SUMMARY_FORMATS:
        frame = article_summary(frame, jobs=available_cores())
    else:
        frame = with_language(frame, jobs=available_cores())
    run.emit(frame, fmt, output, title="articles")
