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

HELP = """How two outlets covered the same statements: the quotes and reported speech of each article (including clauses such as "confirmed that …", "promised to …"), aligned statement to statement. A statement may align with several on the other side. Each row is labelled same (the same words, similarity 1.00), contained (one is word for word part of the other), split (one statement, several fragments on the other side), reworded, only in A or only in B, with speakers, attribution verbs and the rest of each quote's sentence (where and when it was said).

Every statement is shown as its article has it, character for character; the word-level differences are marked on it: struck through what only A has, underlined what only B has (also bracketed [-…-] / {+…+} when NO_COLOR is set).

The summary names the editorial differences, each with both texts: insertions into a quote (brackets, parentheses, words one version lacks), numbers written differently but equal (7, seven, five plus two), changes that may alter the meaning (negation, should/must/may, change/fix, active against passive), different attribution verbs for one statement, and different names for one referent; then the words only one article uses.

A and B are files, or doc_ids of the corpus given with --corpus. Articles without quotes are compared sentence by sentence. Formats: a two-column table on a terminal, html (a standalone page), md, json (rows with both texts, offsets, labels, similarity, word-diff runs with their offsets in each text, findings), or tsv/csv/jsonl (one line per row; columns label, similarity, a_speaker, a_verb, a_text, a_start, a_end, b_speaker, b_verb, b_text, b_start, b_end, notes).
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
CleanOpt = Annotated[bool, typer.Option("--clean", help="Remove boilerplate first.")]


def diff_command(
    a: ArticleArg,
    b: OtherArg,
    corpus: CorpusOpt = None,
    speaker: SpeakerOpt = None,
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
        result = diff(
            a, b, corpus=list(corpus) if corpus else None, speaker=speaker,
            manifest=manifest, encoding=encoding, clean=clean, load_report=session.load,
        )  # fmt: skip
        session.tell_load()
        for note in result.notes:
            session.info(note)
        session.emit(result, out_fmt, output)
