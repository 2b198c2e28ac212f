"""``report``: one document assembling the analyses for a time window, with the command's
defaults and result."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from corpuscli.engine.compute import Compute
from corpuscli.engine.source import LoadReport, Source
from corpuscli.errors import UsageError

if TYPE_CHECKING:
    from corpuscli.reporting.build import Report


def report(
    corpus: Any,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    compare_to: str | None = None,
    sections: Sequence[str] | None = None,
    skip: Sequence[str] = (),
    top: int = 10,
    by: str = "source",
    title: str = "Corpus report",
    stamp: bool = False,
    clean: bool = False,
    compute: Compute | None = None,
    load_report: LoadReport | None = None,
    log: Callable[[str], None] | None = None,
) -> Report:
    """The report of the articles published in [``since``, ``until``) (``corpus report``):
    overview, top terms, keyness per ``by`` group, trending terms against the ``compare_to``
    span before ``since`` (7d, 2w), boilerplate, stories covered by more than one group with
    their statement diffs, the most-quoted speakers. ``sections`` picks sections (default: all
    but trending without ``compare_to``), ``skip`` leaves some out; ``clean`` removes boilerplate
    before the analyses; ``stamp`` adds the time of the run. A store is read for the window only
    (and the comparison span); files are read whole."""
    from corpuscli.io.window import parse_bound
    from corpuscli.reporting.build import SECTIONS, build_report

    source, compute = Source.of(corpus), compute or Compute()
    compute.local_only("report")
    compare_since = None
    if compare_to:
        if since is None:
            raise UsageError("--compare-to needs --since", hint="e.g. --since 1d --compare-to 7d")
        span = since - parse_bound(compare_to, now=since, option="--compare-to")
        compare_since = since - span
    wanted = tuple(sections) if sections else SECTIONS
    wanted = tuple(s for s in wanted if s not in set(skip))
    if "trending" in wanted and compare_since is None and not sections:
        wanted = tuple(s for s in wanted if s != "trending")
    # The report windows the corpus itself (it counts undated articles and compares two spans):
    # a store is asked for the rows it needs, files are read whole.
    # Cleaning is a step of the report (its boilerplate section tells what was removed).
    cleaning, source = source.clean, replace(source, clean=None)
    clean = clean or cleaning is not None
    if source.reads_store:
        source = replace(source, since=compare_since or since, until=until)
    else:
        source = replace(source, since=None, until=None)
    report = source.new_report(load_report)
    frame = compute.read(source, report)
    stamp_text = datetime.now(UTC).replace(microsecond=0).isoformat() if stamp else None
    skipped = [f"{p.message} ({p.where})" for p in report.problems]
    return build_report(
        frame, since=since, until=until, compare_since=compare_since, sections=wanted, by=by,
        top=top, clean=clean, patterns=cleaning.patterns if cleaning else None, skipped=skipped, title=title, stamp=stamp_text, jobs=compute.cores,
        log=log, progress=compute.progress,
    )  # fmt: skip
