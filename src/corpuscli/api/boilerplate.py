"""Page furniture in article text: ``find_boilerplate`` (what ``corpus boilerplate`` finds) and
``clean`` (the corpus without it), with the commands' defaults and results."""

from __future__ import annotations

from typing import Any

from corpuscli.engine.compute import Compute, blocks_removed
from corpuscli.engine.source import LoadReport, Source
from corpuscli.results import CleanedCorpus, Table


def find_boilerplate(
    corpus: Any,
    *,
    by: str = "source",
    explain: bool = False,
    min_repeats: int = 3,
    min_share: float = 0.05,
    page: bool = False,
    patterns: str | None = None,
    save_patterns: str | None = None,
    top: int | None = None,
    compute: Compute | None = None,
    load_report: LoadReport | None = None,
) -> Table:
    """The boilerplate blocks found (``corpus boilerplate``): per ``by`` group, each block with
    the articles carrying it, where it sits and why it was judged so, the most common first
    (``top``: at most that many per group); with ``explain`` every block of every article with
    its verdict. ``patterns``: a saved patterns file applied too; ``save_patterns``: write the
    blocks each group repeats to this file."""
    from corpuscli.boilerplate.detection import Patterns, detect, learn_repeats, summarise
    from corpuscli.errors import UsageError

    if top is not None and (top < 1 or explain):
        raise UsageError(
            "--top must be 1 or more"
            if top < 1
            else "--top lists the most common blocks; --explain lists every block of every article",
            hint=None if top < 1 else "give one of them",
        )

    source, compute = Source.of(corpus), compute or Compute()
    report = source.new_report(load_report)
    known = Patterns.load(patterns) if patterns else None
    options = {"patterns": known, "min_repeats": min_repeats, "min_share": min_share,
               "page": page}  # fmt: skip
    if compute.dask:
        verdicts, learned = compute.dask_boilerplate(
            source, report, by=by, learn=bool(save_patterns), **options
        )
    else:
        frame = compute.read(source, report)
        verdicts = detect(
            frame, by=by, jobs=compute.cores, progress=compute.progress,
            boilerplate_only=not explain, **options,  # type: ignore[arg-type]
        )  # fmt: skip
        learned = (
            learn_repeats(frame, by=by, min_repeats=min_repeats, min_share=min_share)
            if save_patterns
            else None
        )
    notes = []
    if save_patterns and learned is not None:
        from corpuscli.render.atomic import atomic_write_text

        atomic_write_text(save_patterns, lambda out: out.write(learned.to_json()))
        notes.append(
            f"saved the repeated blocks of {len(learned.by_source)} sources to {save_patterns}"
        )
    table = verdicts if explain else summarise(verdicts)
    if top is not None and len(table):  # the summary: a group's most common blocks first
        table = table[table.groupby("source").cumcount() < top].reset_index(drop=True)
    if not explain and not len(table):
        notes.append("no boilerplate found")
    return Table(table, "boilerplate", notes=notes, load=report)


def clean(
    corpus: Any,
    *,
    by: str = "source",
    page: bool = False,
    patterns: str | None = None,
    compute: Compute | None = None,
    load_report: LoadReport | None = None,
    verdicts: bool = True,
) -> CleanedCorpus:
    """The corpus with boilerplate removed (``corpus clean``): the corpus frame, its text
    cleaned, the removed blocks kept as JSON in a ``removed`` column; its ``verdicts`` are the
    blocks' (None on Dask, or when ``verdicts`` is False: then the content blocks' verdicts,
    which hold the corpus's text again, are never gathered), for a view of what was struck
    out."""
    from corpuscli.boilerplate.detection import Patterns
    from corpuscli.boilerplate.detection import clean as clean_frame

    source, compute = Source.of(corpus), compute or Compute()
    report = source.new_report(load_report)
    blocks = None
    if compute.dask:
        cleaned = compute.dask_clean(source, report, by=by, page=page, patterns=patterns)
        removed = int(cleaned["removed"].map(blocks_removed).sum())
    else:
        frame = compute.read(source, report)
        known = Patterns.load(patterns) if patterns else None
        cleaned, judged = clean_frame(
            frame, by=by, patterns=known, page=page, jobs=compute.cores, progress=compute.progress,
            all_verdicts=verdicts,
        )  # fmt: skip
        removed = int(judged["boilerplate"].sum())
        blocks = judged if verdicts else None
    changed = int(cleaned["removed"].ne("[]").sum())
    note = f"removed {removed:,} boilerplate blocks from {changed:,} of {len(cleaned):,} articles"
    return CleanedCorpus(cleaned, "cleaned corpus", notes=[note], load=report, verdicts=blocks)
