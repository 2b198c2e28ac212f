"""`corpus pairs`: articles from different outlets that cover the same story."""

from __future__ import annotations

from typing import Annotated

import typer

from ._command import corpus_command
from ._engine import Compute
from ._run import InputSpec, Run

HELP = """Pairs of articles from different outlets (or any --by groups) that cover the same story: every two articles of one story (see `corpus stories`) from different groups, grouped by story, the strongest pair of a story first. The score is the cosine of the articles' TF-IDF vectors (their leads' distinctive words) plus bonuses for shared title words (0.5 x overlap) and for statements both quote (0.1 each, up to 3; matched by their content words, so two translations of one statement match).

Columns: doc_a, source_a, doc_b, source_b (the --by groups), score, cosine, title_overlap, days_apart, shared_quotes, shared_terms, title_a, title_b, story (its number in `corpus stories`), label (the story's most distinctive terms). Feed two doc_ids to `corpus diff A B --corpus …` to see how they differ.
"""

EPILOG = """\b
Examples:
  corpus pairs corpus.jsonl --by source
  corpus pairs sample_data/ --by stance --threshold 0.2
  corpus pairs corpus.jsonl -f jsonl | head
"""

ByOpt = Annotated[
    str, typer.Option("--by", metavar="COLUMN", help="Pair across the groups of this column.")
]
ThresholdOpt = Annotated[
    float, typer.Option("--threshold", min=0.0, help="Least score of a link between articles.")
]
MaxDaysOpt = Annotated[
    float, typer.Option("--max-days", min=0.0, help="Most days between two dated articles.")
]


@corpus_command(compute=True)
def pairs_command(
    by: ByOpt = "source",
    threshold: ThresholdOpt = 0.08,
    max_days: MaxDaysOpt = 4.0,
    *,
    compute: Compute,
    run: Run,
    inputs: InputSpec,
    fmt: str,
    output: str | None,
) -> None:
    from corpuscli.coverage.pairs import find_pairs

    from ._engine import dask_pair_features

    features = None
    if compute.dask:
        frame, features = dask_pair_features(run, inputs, by=by, compute=compute)
    else:
        frame = run.load(inputs)
    table = find_pairs(
        frame, by=by, threshold=threshold, max_days=max_days, jobs=compute.cores,
        features=features,
    )  # fmt: skip
    run.emit(table, fmt, output, title="same-story pairs")
