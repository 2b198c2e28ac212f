"""The corpus itself: ``articles`` (what ``corpus load`` shows or saves) and ``stats``, with the
commands' defaults and results."""

from __future__ import annotations

from typing import Any

from corpuscli.engine.compute import Compute
from corpuscli.engine.source import LoadReport, Source
from corpuscli.results import Table


def articles(
    corpus: Any,
    *,
    summary: bool = False,
    compute: Compute | None = None,
    load_report: LoadReport | None = None,
) -> Table:
    """The corpus frame (``corpus load``): doc_id, source, title, published, url, path, text, lang
    (each article's language) and the inputs' other metadata columns; with ``summary`` one line
    per article for people (doc_id, source, title, published, lang, words)."""
    source, compute = Source.of(corpus), compute or Compute()
    report = source.new_report(load_report)
    from corpuscli.analysis.stats import article_summary, with_language

    frame = compute.read(source, report)
    if summary:
        frame = article_summary(frame, jobs=compute.cores, progress=compute.progress)
    else:
        frame = with_language(frame, jobs=compute.cores, progress=compute.progress)
    return Table(frame, "articles", load=report)


def stats(
    corpus: Any,
    *,
    by: str | None = None,
    compute: Compute | None = None,
    load_report: LoadReport | None = None,
) -> Table:
    """Articles, words, distinct words, mean and median words, characters, first and last
    publication and undated articles (``corpus stats``), overall or per ``by`` group (a column,
    or day/week/month/year)."""
    from corpuscli.analysis.stats import corpus_stats

    source, compute = Source.of(corpus), compute or Compute()
    compute.local_only("stats")
    report = source.new_report(load_report)
    frame = compute.read(source, report)
    table = corpus_stats(frame, by=by, jobs=compute.cores, progress=compute.progress)
    return Table(table, "corpus statistics", load=report)
