"""`corpus quotes`: every direct and partial quote and reported-speech sentence, with speakers."""

from __future__ import annotations

from typing import Annotated

import typer

from ._command import corpus_command
from ._run import InputSpec, Run

HELP = """Quotes and reported speech, with the speaker and the attribution verb.

Columns: doc_id, source, quote_id, speaker, verb, kind (direct: a quoted statement; partial: a quoted fragment inside the writer's sentence; indirect: the clause of reported speech, such as "Russia would respond" in "Peskov said that Russia would respond"), text, start, end (offsets into the article text), speaker_text, speaker_source, confidence. speaker is the fullest name the article gives ("Vladimir Putin" for "Mr. Putin" and for "he"), or a role or organisation as written ("a senior administration official"), empty when nothing names one; speaker_text is how the text names the speaker there; speaker_source says how it was found (named, pronoun, description, context, none) and confidence how sure that is (0-1). --speaker keeps one speaker's quotes: "Putin" finds "Vladimir Putin".
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
