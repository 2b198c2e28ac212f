"""`corpus quotes`: every direct and partial quote and reported-speech sentence, with speakers."""

from __future__ import annotations

from typing import Annotated

import typer

from ._command import corpus_command
from ._run import InputSpec, Run

HELP = """Quotes and reported speech, with the speaker and the attribution verb.

Columns: doc_id, source, quote_id, speaker, verb, kind (direct: a quoted statement; partial: a quoted fragment inside a sentence; indirect: reported speech such as "Putin also said that …"), text, start, end (offsets into the article text). Pronouns and descriptions ("he", "the Russian president") are resolved to the nearest named speaker before them. --speaker keeps one speaker's quotes: "Putin" also finds "Vladimir Putin" and "President Vladimir Putin".
"""

EPILOG = """\b
Examples:
  corpus quotes sample_data/
  corpus quotes corpus.jsonl --speaker Putin
  corpus quotes corpus.jsonl --kind direct -f jsonl | jq .text
"""

SpeakerOpt = Annotated[
    str | None, typer.Option("--speaker", metavar="NAME", help="Only quotes of this speaker.")
]
KindOpt = Annotated[
    list[str] | None,
    typer.Option("--kind", metavar="KIND", help="Only direct, partial or indirect (repeatable)."),
]


@corpus_command
def quotes_command(
    speaker: SpeakerOpt = None,
    kind: KindOpt = None,
    *,
    run: Run,
    inputs: InputSpec,
    fmt: str,
    output: str | None,
) -> None:
    from corpuscli.coverage.quotes import quotes_frame
    from corpuscli.errors import NotFound, UsageError

    kinds = set(kind or [])
    if kinds - {"direct", "partial", "indirect"}:
        raise UsageError("--kind takes direct, partial or indirect")
    table = quotes_frame(run.stream(inputs), speaker=speaker)
    if kinds:
        table = table[table["kind"].isin(kinds)].reset_index(drop=True)
    if not len(table):
        who = f" by a speaker matching {speaker!r}" if speaker else ""
        raise NotFound(f"no quotes found{who}", hint="check the speaker's name, or drop --kind")
    run.emit(table, fmt, output, title="quotes")
