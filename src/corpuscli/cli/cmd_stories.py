"""`corpus stories`: the articles of several outlets that cover one event, grouped."""

from __future__ import annotations

from typing import Annotated

import typer

from corpuscli.engine.compute import Compute
from corpuscli.engine.source import Source

from .command import Out, command
from .session import Session

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


@command("input", "filters", "store", "cleaning", "jobs", "dask", "output")
def stories_command(
    by: ByOpt = "source",
    threshold: ThresholdOpt = 0.08,
    max_days: MaxDaysOpt = 4.0,
    *,
    session: Session,
    source: Source,
    compute: Compute,
    out: Out,
) -> None:
    from corpuscli.api.coverage import stories

    table = stories(
        source, by=by, threshold=threshold, max_days=max_days, compute=compute,
        load_report=session.load,
    )  # fmt: skip
    session.emit(table, out.fmt, out.path)
