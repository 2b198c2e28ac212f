"""`corpus kwic`: keyword in context, a concordance of every occurrence."""

from __future__ import annotations

from typing import Annotated

import typer

from corpuscli.engine.compute import Compute
from corpuscli.engine.source import Source

from .command import Out, command
from .session import Session

HELP = """Keyword in context: every occurrence of a word or phrase, with the text on each side.

Columns: doc_id, source, start, end (character offsets into the article text), left, match, right. A plain query matches whole words (in scripts written without spaces, such as Chinese, Japanese or Thai, anywhere in a run of them), regardless of case unless --keep-case (as terms counts), and its apostrophes match curly ones too; --regex takes a regular expression (Python's syntax), run in linear time by RE2 where it can be; one only Python's engine runs (look-around, back-references) stops after 5 s on one article (CORPUSCLI_REGEX_BUDGET). Exit status 3 when nothing matches.
"""

EPILOG = """\b
Examples:
  corpus kwic "Karabakh" sample_data/ --width 60
  corpus kwic "occupied by Armenia" sample_data/ --keep-case
  corpus kwic "Shush\\[ai]" corpus.jsonl --regex --sort right
"""

QueryArg = Annotated[
    str, typer.Argument(metavar="QUERY", help="Word or phrase to find (a regex with --regex).")
]
RegexOpt = Annotated[bool, typer.Option("--regex", "-e", help="QUERY is a regular expression.")]
CaseOpt = Annotated[
    bool,
    typer.Option(
        "--lower/--keep-case",
        help="Match regardless of case (default, as terms folds case) or match case exactly.",
    ),
]
WidthOpt = Annotated[
    int, typer.Option("--width", min=1, help="Characters of context on each side.")
]
SortOpt = Annotated[
    str,
    typer.Option("--sort", metavar="HOW", help="position, left or right (by the context words)."),
]
LimitOpt = Annotated[int | None, typer.Option("--limit", min=1, help="At most this many lines.")]


@command("input", "filters", "store", "cleaning", "jobs", "output", without=("title_col",))
def kwic_command(
    query: QueryArg,
    regex: RegexOpt = False,
    lower: CaseOpt = True,
    width: WidthOpt = 40,
    sort: SortOpt = "position",
    limit: LimitOpt = None,
    *,
    session: Session,
    source: Source,
    compute: Compute,
    out: Out,
) -> None:
    from corpuscli.api.terms import kwic

    table = kwic(
        source, query, regex=regex, keep_case=not lower, width=width, sort=sort, limit=limit,
        compute=compute, load_report=session.load,
    )  # fmt: skip
    session.emit(table, out.fmt, out.path)
