"""`corpus pairs`: articles from different outlets that cover the same story."""

from __future__ import annotations

from typing import Annotated

import typer

from corpuscli.engine.compute import Compute
from corpuscli.engine.source import Source

from .command import Out, command
from .session import Session

HELP = """Pairs of articles from different outlets (or any --by groups) that cover the same story: every two articles of one story (see `corpus stories`) from different groups, grouped by story, the strongest pair of a story first. The score is the cosine of the articles' TF-IDF vectors (their leads' distinctive words) plus bonuses for shared title words (0.5 x overlap) and for statements both quote (0.1 each, up to 3; matched by their content words, so two translations of one statement match).

Columns: doc_a, source_a, doc_b, source_b (the --by groups), score, cosine, title_overlap, days_apart, shared_quotes, shared_terms, title_a, title_b, story (its number in `corpus stories`), label (the story's most distinctive terms). Feed two doc_ids to `corpus diff A B --corpus …` to see how they differ.
"""

EPILOG = """\b
Examples:
  corpus pairs corpus.jsonl --by source
  corpus pairs sample_data/ --by stance --threshold 0.2
  corpus pairs corpus.jsonl --by source --top 5
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

TopOpt = Annotated[
    int | None,
    typer.Option(
        "--top",
        "-n",
        min=1,
        metavar="N",
        help="At most N pairs for each pair of groups, the best scored (default: every pair).",
    ),
]


@command("input", "filters", "store", "cleaning", "jobs", "dask", "output")
def pairs_command(
    by: ByOpt = "source",
    threshold: ThresholdOpt = 0.08,
    max_days: MaxDaysOpt = 4.0,
    top: TopOpt = None,
    *,
    session: Session,
    source: Source,
    compute: Compute,
    out: Out,
) -> None:
    from corpuscli.api.coverage import pairs

    table = pairs(
        source, by=by, threshold=threshold, max_days=max_days, top=top, compute=compute,
        load_report=session.load,
    )  # fmt: skip
    session.emit(table, out.fmt, out.path)
