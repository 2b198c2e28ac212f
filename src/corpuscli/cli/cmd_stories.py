"""`corpus stories`: the articles of several outlets that cover one event, grouped."""

from __future__ import annotations

from typing import Annotated

import typer

from ._command import corpus_command
from ._engine import Compute
from ._run import InputSpec, Run

HELP = """Stories: the articles of different outlets (or any --by groups) that cover one event, grouped, one row per article of a story. Articles that share no story with another group are left out.

Each article is read by its lead (its first 3,000 characters; quotes in the first 1,000) and described by its distinctive words, its title and the statements it quotes (matched by their content words and numbers, so two translations of one statement match). Two articles are linked when each is the other's best match in the other's group (or, for dated articles, when one is the other's clear best); links join stories only when the stories hold together as a whole and no two of their dated articles are more than --max-days apart. Undated articles can join (on a little more evidence where most articles are dated; a folder with no dates is grouped by content alone). Works on a focused folder (five outlets on one event make one story; two events on one subject make two) as on a large corpus.

Columns: story (number, the stories with the most groups first), label (the story's most distinctive terms), articles, groups (how many --by groups cover it), first and last (its earliest and latest publication times), doc_id, source, the --by column when it is not source, published, title, match (the article of another group it is closest to; `corpus diff DOC MATCH` shows how they differ), match_score.
"""

EPILOG = """\b
Examples:
  corpus stories folder/
  corpus stories corpus.jsonl --max-days 2 -f csv > stories.csv
  corpus stories sample_data/ --by stance
  corpus stories corpus.jsonl -f jsonl | jq -c 'select(.groups >= 3)'
"""

ByOpt = Annotated[
    str,
    typer.Option("--by", metavar="COLUMN", help="A story needs articles from two of its groups."),
]
ThresholdOpt = Annotated[
    float, typer.Option("--threshold", min=0.0, help="Least score of a link between articles.")
]
MaxDaysOpt = Annotated[
    float, typer.Option("--max-days", min=0.0, help="Most days between two dated articles.")
]


@corpus_command(compute=True)
def stories_command(
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
    from corpuscli.coverage.stories import find_stories

    from ._engine import dask_pair_features

    features = None
    if compute.dask:
        frame, features = dask_pair_features(run, inputs, by=by, compute=compute)
    else:
        frame = run.load(inputs)
    table = find_stories(
        frame, by=by, threshold=threshold, max_days=max_days, jobs=compute.cores,
        features=features,
    )  # fmt: skip
    run.emit(table, fmt, output, title="stories")
