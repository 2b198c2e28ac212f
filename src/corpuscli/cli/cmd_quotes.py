"""`corpus quotes`: every direct and partial quote and reported-speech sentence, with speakers."""

from __future__ import annotations

from typing import Annotated

import typer

from corpuscli.engine.compute import Compute
from corpuscli.engine.source import Source

from .command import Out, command
from .session import Session

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
