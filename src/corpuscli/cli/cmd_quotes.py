"""`corpus quotes`: every direct and partial quote and reported-speech sentence, with speakers."""

from __future__ import annotations

from typing import Annotated

import typer

from corpuscli.engine.compute import Compute
from corpuscli.engine.source import Source

from .command import Out, command
from .session import Session

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


@command("input", "filters", "store", "cleaning", "jobs", "output", without=("title_col",))
def quotes_command(
    speaker: SpeakerOpt = None,
    kind: KindOpt = None,
    *,
    session: Session,
    source: Source,
    compute: Compute,
    out: Out,
) -> None:
    from corpuscli.api.coverage import quotes

    table = quotes(
        source, speaker=speaker, kind=kind or (), compute=compute, load_report=session.load
    )
    session.emit(table, out.fmt, out.path)
