"""`corpus collocations`: word pairs that occur together more than chance predicts."""

from __future__ import annotations

from typing import Annotated

import typer

from corpuscli.engine.compute import Compute
from corpuscli.engine.source import Source
from corpuscli.text.token_options import Tokens

from .command import Out, command
from .options import AllOpt, TopOpt
from .session import Session

HELP = """Collocations: pairs of words that co-occur within a window (in the same sentence) more often than chance, scored by log-likelihood (llr), pointwise mutual information (pmi), t-score or Dice.

Columns: w1, w2 (w1 comes first in the text), count (co-occurrences), expected (count expected by chance = f1 * f2 / N), f1 (pairs with w1 first), f2 (pairs with w2 second), llr, pmi, t_score, dice. With --node, only pairs holding that word. Stopwords and numbers are removed from the list, not from the counts. Exit status 3 when the node word does not occur.
"""

EPILOG = """\b
Examples:
  corpus collocations corpus.jsonl --window 5 --measure llr
  corpus collocations corpus.jsonl --node putin --window 5
  corpus collocations sample_data/ --measure pmi --min-count 5
"""

NodeOpt = Annotated[
    str | None, typer.Option("--node", metavar="WORD", help="Only collocates of this word.")
]
WindowOpt = Annotated[
    int,
    typer.Option(
        "--window",
        "-w",
        min=1,
        max=20,
        help="How many tokens apart two words may be (1: adjacent).",
    ),
]
MeasureOpt = Annotated[
    str, typer.Option("--measure", "-m", metavar="NAME", help="Rank by llr, pmi, t or dice.")
]
MinCountOpt = Annotated[
    int, typer.Option("--min-count", min=1, help="Drop pairs seen fewer times.")
]


@command(
    "input",
    "filters",
    "store",
    "cleaning",
    "tokens",
    "jobs",
    "output",
    without=("title_col", "id_col"),
)
def collocations_command(
    node: NodeOpt = None,
    window: WindowOpt = 1,
    measure: MeasureOpt = "llr",
    min_count: MinCountOpt = 3,
    top: TopOpt = 50,
    all_terms: AllOpt = False,
    *,
    session: Session,
    source: Source,
    compute: Compute,
    tokens: Tokens,
    out: Out,
) -> None:
    from corpuscli.api.terms import collocations

    table = collocations(
        source, node=node, window=window, measure=measure, min_count=min_count,
        top=None if all_terms else top, tokens=tokens, compute=compute, load_report=session.load,
    )  # fmt: skip
    session.emit(table, out.fmt, out.path)
