"""`corpus collocations`: word pairs that occur together more than chance predicts."""

from __future__ import annotations

from typing import Annotated

import typer

from ._command import corpus_command
from ._run import InputSpec, Run
from ._token_options import (
    AllOpt,
    JobsOpt,
    Tokens,
    TopOpt,
)

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


@corpus_command(tokens=True)
def collocations_command(
    node: NodeOpt = None,
    window: WindowOpt = 1,
    measure: MeasureOpt = "llr",
    min_count: MinCountOpt = 3,
    top: TopOpt = 50,
    all_terms: AllOpt = False,
    jobs: JobsOpt = None,
    *,
    tokens: Tokens,
    run: Run,
    inputs: InputSpec,
    fmt: str,
    output: str | None,
) -> None:
    options = tokens.options("1")
    from functools import partial

    from corpuscli.analysis.collocations import check_request, collocations, node_key, pair_options
    from corpuscli.engine.parallel import available_cores
    from corpuscli.engine.partitioned import count_pairs_in_files

    from ._engine import in_worker_files

    top_ = None if all_terms else top
    check_request(measure=measure, window=window, top=top_)
    cores = jobs or available_cores()
    counting = pair_options(options)
    key = node_key(node, counting) if node else None
    counted = in_worker_files(
        run, inputs, partial(count_pairs_in_files, window=window, node=key, options=counting),
        jobs=cores,
    )  # fmt: skip
    table = collocations(
        run.stream(inputs),
        node=node,
        window=window,
        measure=measure,
        options=options,
        min_count=min_count,
        top=top_,
        jobs=cores,
        counted=counted,
    )
    run.emit(table, fmt, output, title="collocations")
