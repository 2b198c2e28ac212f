"""`corpus load`: read articles into the corpus frame and show or save it."""

from __future__ import annotations

from corpuscli.engine.compute import Compute
from corpuscli.engine.source import Source

from .command import Out, command
from .session import Session

HELP = """Read articles into one corpus frame: show them, or save them for later commands.

Inputs may be plain text (.txt/.md, one article per file), JSON Lines, JSON, CSV/TSV, Parquet or HTML, gzip/bz2/xz/zstd-compressed or not, mixed freely.

For people (table, md, html) it lists doc_id, source, title, published, lang, words. For programs (tsv, csv, json, jsonl, parquet) it writes the whole corpus frame: doc_id, source, title, published, url, path, text, lang, then any other metadata columns of the input.

TSV (the default in a pipe) is one article a line: a backslash, line feed, tab or carriage return inside a field is written \\\\, \\n, \\t, \\r (as PostgreSQL's COPY and Miller do), so wc -l, cut and sort see whole articles; corpus load - reads it back. CSV and JSON keep the raw text.

lang is each article's language (ISO 639-1 code: en, de, fr ...; empty when the text is too short to tell): the input's own lang column where it has one, else detected from the first 1,000 characters. """

EPILOG = """\b
Examples:
  corpus load sample_data/
  corpus load sample_data/ -o corpus.parquet
  corpus load sample_data/ --manifest sample_data/manifest.csv
  find articles -name '*.txt' | corpus load --files-from - --format jsonl | corpus stats -
  corpus load feed.jsonl.gz --text-col body --set-source Reuters -o feed.jsonl
  corpus load corpus.jsonl --source Reuters --since 2020-01-01 -o reuters.jsonl
"""

SUMMARY_FORMATS = ("table", "md", "html")


@command("input", "filters", "store", "cleaning", "jobs", "output")
def load_command(*, session: Session, source: Source, compute: Compute, out: Out) -> None:
    from corpuscli.api.corpus import articles

    table = articles(
        source, summary=out.fmt in SUMMARY_FORMATS, compute=compute, load_report=session.load
    )
    session.emit(table, out.fmt, out.path)
