"""`corpus stats`: the size and shape of a corpus, overall or per group."""

from __future__ import annotations

from typing import Annotated

import typer

from ._command import corpus_command
from ._run import InputSpec, Run

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


@corpus_command
def stats_command(
    by: ByOpt = None,
    *,
    run: Run,
    inputs: InputSpec,
    fmt: str,
    output: str | None,
) -> None:
    frame = run.load(inputs)
    from corpuscli.analysis.stats import corpus_stats
    from corpuscli.engine.parallel import available_cores

    run.emit(
        corpus_stats(frame, by=by, jobs=available_cores()), fmt, output, title="corpus statistics"
    )
