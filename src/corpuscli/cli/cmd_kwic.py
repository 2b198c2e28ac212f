"""`corpus kwic`: keyword in context, a concordance of every occurrence."""

from __future__ import annotations

from typing import Annotated

import typer

from ._command import corpus_command
from ._run import InputSpec, Run

HELP = """Keyword in context: every occurrence of a word or phrase, with the text on each side.

Columns: doc_id, source, start, end (character offsets into the article text), left, match, right. A plain query matches whole words and its apostrophes match curly ones too; --regex takes a regular expression (Python's syntax), run in linear time by RE2 where it can be; one only Python's engine runs (look-around, back-references) stops after 5 s on one article (CORPUSCLI_REGEX_BUDGET). Exit status 3 when nothing matches.
"""

EPILOG = """\b
Examples:
  corpus kwic "Karabakh" sample_data/ --width 60
  corpus kwic "occupied by Armenia" sample_data/ --ignore-case
  corpus kwic "Shush\\[ai]" corpus.jsonl --regex --sort right
"""

QueryArg = Annotated[
    str, typer.Argument(metavar="QUERY", help="Word or phrase to find (a regex with --regex).")
]
RegexOpt = Annotated[bool, typer.Option("--regex", "-e", help="QUERY is a regular expression.")]
IgnoreCaseOpt = Annotated[
    bool, typer.Option("--ignore-case", "-i", help="Match regardless of case.")
]
WidthOpt = Annotated[
    int, typer.Option("--width", min=1, help="Characters of context on each side.")
]
SortOpt = Annotated[
    str,
    typer.Option("--sort", metavar="HOW", help="position, left or right (by the context words)."),
]
LimitOpt = Annotated[int | None, typer.Option("--limit", min=1, help="At most this many lines.")]
JobsOpt = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, help="Worker processes (default: all cores)."),
]


@corpus_command
def kwic_command(
    query: QueryArg,
    regex: RegexOpt = False,
    ignore_case: IgnoreCaseOpt = False,
    width: WidthOpt = 40,
    sort: SortOpt = "position",
    limit: LimitOpt = None,
    jobs: JobsOpt = None,
    *,
    run: Run,
    inputs: InputSpec,
    fmt: str,
    output: str | None,
) -> None:
    from functools import partial

    from corpuscli.analysis.kwic import Search, check_sort, concordance, search, search_files
    from corpuscli.engine.parallel import available_cores

    from ._engine import in_worker_files

    request = Search(query, regex=regex, ignore_case=ignore_case, width=width)
    check_sort(sort)  # a bad request fails before loading
    found = in_worker_files(
        run, inputs, partial(search_files, search=request), jobs=jobs or available_cores()
    )
    if found is None:
        found = search(run.stream(inputs), request)
    table = concordance(found, request, sort=sort, limit=limit)
    run.emit(table, fmt, output, title=f"kwic: {query}")
