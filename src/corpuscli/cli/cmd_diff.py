"""`corpus diff`: two articles side by side, statement by statement."""

from __future__ import annotations

from typing import Annotated

import typer

from .options import (
    DebugOpt,
    EncodingOpt,
    FormatOpt,
    ManifestOpt,
    OutputFormat,
    OutputOpt,
    QuietOpt,
)
from .session import running

HELP = """How two outlets covered the same statements: the quotes and reported speech of each article, aligned one to one, each pair labelled same, reworded, only in A or only in B, with word-level differences, speakers and attribution verbs, and the rest of each quote's sentence (where and when it was said). A summary follows: statements shared and unique, differing attribution verbs, wording swaps, terms only one article uses, and the headlines.

A and B are files, or doc_ids of the corpus given with --corpus. Articles without quotes are compared sentence by sentence. Formats: a two-column table on a terminal, html (a standalone page), md, json (rows with both texts, offsets, labels, similarity, word-diff operations), or tsv/csv/jsonl (one line per row).
"""

EPILOG = """\b
Examples:
  corpus diff sample_data/000_dceb8f66d6ffd2f1.txt sample_data/003_d3eae8a6fb502286.txt
  corpus diff 5948_left 5948_right --corpus sample_data/
  corpus diff A.txt B.txt --speaker Putin --format html -o diff.html
"""

ArticleArg = Annotated[str, typer.Argument(metavar="A", help="A file, or a doc_id in --corpus.")]
OtherArg = Annotated[str, typer.Argument(metavar="B", help="A file, or a doc_id in --corpus.")]
CorpusOpt = Annotated[
    list[str] | None,
    typer.Option("--corpus", metavar="PATH", help="Where to find doc_ids (repeatable)."),
]
SpeakerOpt = Annotated[
    str | None, typer.Option("--speaker", metavar="NAME", help="Only this speaker's quotes.")
]
ThresholdOpt = Annotated[
    float,
    typer.Option(
        "--threshold", min=0.0, max=1.0, help="Least similarity for two statements to align."
    ),
]
CleanOpt = Annotated[bool, typer.Option("--clean", help="Remove boilerplate first.")]


def diff_command(
    a: ArticleArg,
    b: OtherArg,
    corpus: CorpusOpt = None,
    speaker: SpeakerOpt = None,
    threshold: ThresholdOpt = 0.25,
    clean: CleanOpt = False,
    manifest: ManifestOpt = None,
    encoding: EncodingOpt = None,
    fmt: FormatOpt = OutputFormat.auto,
    output: OutputOpt = None,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
) -> None:
    with running(quiet=quiet, debug=debug) as session:
        from corpuscli.api.coverage import diff

        out_fmt = session.output_format(fmt, output)
        result, notes = diff(
            a, b, corpus=list(corpus) if corpus else None, speaker=speaker, threshold=threshold,
            manifest=manifest, encoding=encoding, clean=clean, load_report=session.load,
        )  # fmt: skip
        session.tell_load()
        for note in notes:
            session.info(note)
        session.emit(result, out_fmt, output)
