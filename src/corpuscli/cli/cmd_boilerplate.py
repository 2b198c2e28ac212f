"""`corpus boilerplate` and `corpus clean`: find the page furniture in article text, strip it."""

from __future__ import annotations

from typing import Annotated

import typer

from corpuscli.engine.compute import Compute
from corpuscli.engine.source import Source

from .command import Out, command
from .session import Session

BOILERPLATE_HELP = """Find boilerplate in article text: video and gallery widgets, related-link teasers ("More: …"), follow lines, credits and bylines, author bios, embedded posts and pull quotes, photo captions, data widgets, donation appeals, newsletter sign-ups, banners, button labels, and blocks (or templates: "More: <headline>") an outlet repeats across its articles.

Columns: source, text (the block), articles (how many carry it), where (head, body or tail of the article, the most common), why (the rules and signals that fired), score (1 or more is boilerplate), family (video_gallery, teaser, social, credit, bio, embed, caption, data_widget, newsletter_donation, navigation, legal, other, repeated, outside_story). With --explain: every block of every article with its verdict (doc_id, source, block, start, end, text, boilerplate, score, why, where, family — empty for a kept block). Works on a single article too (no repetition to learn from); --save-patterns keeps what an outlet repeats for `corpus clean --patterns` on new articles. Conservative: a block that quotes someone, an editor's update note and a list the story introduces are kept.
"""

BOILERPLATE_EPILOG = """\b
Examples:
  corpus boilerplate corpus/ --by source
  corpus boilerplate corpus/ --top 3
  corpus boilerplate sample_data/003_d3eae8a6fb502286.txt --explain
  corpus boilerplate corpus/ --save-patterns patterns.json
"""

CLEAN_HELP = """The corpus frame with boilerplate removed from the text (see `corpus boilerplate` for the rules); the removed blocks, with offsets into the original text and the reasons, are kept as JSON in a `removed` column. --show prints each article with the removed blocks struck through instead.
"""

CLEAN_EPILOG = """\b
Examples:
  corpus clean corpus/ -o clean.jsonl
  corpus clean corpus/ --show
  corpus clean new/ --patterns patterns.json -o clean.jsonl
  corpus terms corpus/ --clean          (analysis commands clean first with --clean)
"""

ByOpt = Annotated[
    str,
    typer.Option("--by", metavar="COLUMN", help="Learn repeated blocks per group of this column."),
]
SavePatternsOpt = Annotated[
    str | None,
    typer.Option(
        "--save-patterns", metavar="FILE", help="Save the repeated blocks found, per source (JSON)."
    ),
]
ExplainOpt = Annotated[
    bool, typer.Option("--explain", help="Every block with its verdict and reasons.")
]
MinRepeatsOpt = Annotated[
    int, typer.Option("--min-repeats", min=2, help="Articles a block must recur in.")
]
MinShareOpt = Annotated[
    float,
    typer.Option(
        "--min-share", min=0.0, max=1.0, help="...and at least this share of the source's articles."
    ),
]
PageOpt = Annotated[
    bool,
    typer.Option(
        "--page",
        help="The texts are whole web pages (menus, teasers, footers), not extracted articles.",
    ),
]
ShowOpt = Annotated[
    bool, typer.Option("--show", help="Print the articles with removed blocks struck through.")
]

TopOpt = Annotated[
    int | None,
    typer.Option(
        "--top",
        "-n",
        min=1,
        metavar="N",
        help="At most N blocks per source, those most articles carry (default: every block).",
    ),
]

PatternsFileOpt = Annotated[
    str | None,
    typer.Option(
        "--patterns",
        metavar="FILE",
        help="Also apply the blocks saved by corpus boilerplate --save-patterns.",
    ),
]


@command("input", "filters", "store", "jobs", "dask", "output", without=("title_col",))
def boilerplate_command(
    by: ByOpt = "source",
    save_patterns: SavePatternsOpt = None,
    explain: ExplainOpt = False,
    min_repeats: MinRepeatsOpt = 3,
    min_share: MinShareOpt = 0.05,
    page: PageOpt = False,
    patterns: PatternsFileOpt = None,
    top: TopOpt = None,
    *,
    session: Session,
    source: Source,
    compute: Compute,
    out: Out,
) -> None:
    from corpuscli.api.boilerplate import find_boilerplate

    table = find_boilerplate(
        source, by=by, explain=explain, min_repeats=min_repeats, min_share=min_share, page=page,
        patterns=patterns, save_patterns=save_patterns, top=top, compute=compute,
        load_report=session.load,
    )  # fmt: skip
    session.emit(table, out.fmt, out.path)


@command("input", "filters", "store", "jobs", "dask", "output")
def clean_command(
    by: ByOpt = "source",
    show: ShowOpt = False,
    page: PageOpt = False,
    patterns: PatternsFileOpt = None,
    *,
    session: Session,
    source: Source,
    compute: Compute,
    out: Out,
) -> None:
    from corpuscli.api.boilerplate import clean
    from corpuscli.errors import UsageError

    if show and compute.dask:
        raise UsageError("--show runs on the pandas engine", hint="drop --engine dask for it")
    table = clean(
        source,
        by=by,
        page=page,
        patterns=patterns,
        compute=compute,
        load_report=session.load,
        verdicts=show,
    )
    if show:
        session.tell(table)
        _show(table.verdicts)
        return
    session.emit(table, out.fmt, out.path)


def _show(verdicts) -> None:  # type: ignore[no-untyped-def]
    """Each article with its removed blocks struck through and dimmed (plain markers in a pipe)."""
    import sys

    from rich.text import Text

    from corpuscli.render.console import PipeConsole
    from corpuscli.render.safe import printable

    console = PipeConsole(highlight=False, soft_wrap=True)
    plain = not sys.stdout.isatty()
    for doc_id, blocks in verdicts.groupby("doc_id", sort=False):
        console.print(Text(f"== {printable(str(doc_id), one_line=True)}", style="bold"))
        for row in blocks.itertuples(index=False):
            text = printable(row.text)  # a person's view: escape codes shown, not obeyed
            if row.boilerplate:
                if plain:
                    console.print(f"[-] {text}   ({row.why})", markup=False)
                else:
                    console.print(
                        Text(text, style="dim strike"),
                        Text(f"  ({row.why})", style="italic dim"),
                    )
            else:
                console.print(("    " if plain else "") + text, markup=False)
        console.print()
