"""`corpus diff`: two articles side by side, statement by statement."""

from __future__ import annotations

from typing import Annotated

import typer

from ._options import (
    DebugOpt,
    EncodingOpt,
    FormatOpt,
    ManifestOpt,
    OutputFormat,
    OutputOpt,
    QuietOpt,
)
from ._run import InputSpec, command

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
    with command(quiet=quiet, debug=debug) as run:
        import sys
        from pathlib import Path

        import pandas as pd

        from corpuscli.coverage.diff import diff_articles, side, to_frame
        from corpuscli.errors import UsageError
        from corpuscli.render import diff as render_diff

        out_fmt = run.output_format(fmt, output)
        pool = None
        if corpus:
            pool = run.load(
                InputSpec(paths=list(corpus), manifest=manifest, encoding=encoding, clean=clean)
            )
        files = [
            ref
            for ref in (a, b)
            if not (pool is not None and ref in set(pool["doc_id"])) and Path(ref).is_file()
        ]
        loaded = None
        if files:  # read both files in one go (one manifest join, one set of warnings)
            loaded = run.load(
                InputSpec(
                    paths=list(dict.fromkeys(files)),
                    manifest=manifest,
                    encoding=encoding,
                    clean=clean,
                )
            )
        rows = []
        for ref in (a, b):
            if pool is not None and ref in set(pool["doc_id"]):
                rows.append(pool[pool["doc_id"] == ref].iloc[0])
            elif ref in files:
                same = (
                    loaded["path"].map(lambda p, r=ref: Path(str(p)).resolve() == Path(r).resolve())
                    if loaded is not None
                    else pd.Series(dtype=bool)
                )
                # a file the loader skipped (empty, binary) is an article with no text
                rows.append(
                    loaded[same].iloc[0]
                    if same.any()
                    else pd.Series({"doc_id": Path(ref).stem, "text": "", "path": ref})
                )
            else:
                import difflib

                ids = [] if pool is None else pool["doc_id"].tolist()
                close = difflib.get_close_matches(ref, ids, n=5)
                hint = (f"close doc_ids: {', '.join(close)}" if close
                        else "give a file, or a doc_id with --corpus PATH")  # fmt: skip
                raise UsageError(f"no file or doc_id {ref!r}", hint=hint)
        d = diff_articles(side(rows[0], speaker=speaker), side(rows[1], speaker=speaker))
        for note in d.notes:
            run.info(note)
        if speaker and not (d.a.statements or d.b.statements):
            from corpuscli.errors import NotFound

            raise NotFound(f"neither article quotes a speaker matching {speaker!r}")
        if out_fmt in ("table", "md", "html", "json") and not output:
            if out_fmt == "table":
                from rich.console import Console

                Console(no_color=not sys.stdout.isatty()).print(render_diff.rich_view(d))
            else:
                {
                    "md": render_diff.write_markdown,
                    "html": render_diff.write_html,
                    "json": render_diff.write_json,
                }[out_fmt](d, sys.stdout)
            return
        if out_fmt in ("md", "html", "json"):
            _write_file(output, out_fmt, d)
            run.info(f"wrote the diff to {output}")
            return
        if out_fmt == "table":
            out_fmt = "tsv"
        frame = to_frame(d)
        run.emit(
            frame if len(frame) else pd.DataFrame(columns=frame.columns),
            out_fmt,
            output,
            title="diff",
        )


def _write_file(path: str, fmt: str, d) -> None:  # type: ignore[no-untyped-def]
    from corpuscli.render import diff as render_diff
    from corpuscli.render.atomic import atomic_write_text

    writer = {
        "md": render_diff.write_markdown,
        "html": render_diff.write_html,
        "json": render_diff.write_json,
    }[fmt]
    atomic_write_text(path, lambda handle: writer(d, handle))
