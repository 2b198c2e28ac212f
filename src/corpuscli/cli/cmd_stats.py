"""`corpus stats`: the size and shape of a corpus, overall or per group."""

from __future__ import annotations

from typing import Annotated

import typer

from corpuscli.engine.compute import Compute
from corpuscli.engine.source import Source

from .command import Out, command
from .session import Session

HELP = """Count articles, words and distinct words, with date ranges, overall or per group.

Output columns: the group (the --by column, or "corpus"), articles, words, distinct_words (lowercased word types), mean_words, median_words, characters, first_published, last_published, undated (articles without a date). """

EPILOG = """\b
Examples:
  corpus stats sample_data/
  corpus stats sample_data/ --by source
  corpus stats corpus.jsonl --by month
  corpus stats corpus.jsonl --by lang
  corpus load sample_data/ --format jsonl | corpus stats - --by source
"""

ByOpt = Annotated[
    str | None,
    typer.Option(
        "--by",
        metavar="COLUMN",
        help="Group by a column (source, or any metadata column), by day, week, month, year, or "
        "by lang (each article's language, detected).",
    ),
]


@command("input", "filters", "store", "cleaning", "jobs", "output")
def stats_command(
    by: ByOpt = None, *, session: Session, source: Source, compute: Compute, out: Out
) -> None:
    from corpuscli.api.corpus import stats

    session.emit(stats(source, by=by, compute=compute, load_report=session.load), out.fmt, out.path)
