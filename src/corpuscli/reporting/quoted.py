"""The quotes a report reads, found once for its "most quoted" and its stories sections.

A full quote table holds twelve fields for every quote of the corpus, all of them gathered as
Python tuples before the table is made: on a large corpus that is the largest thing the report
held. The report reads six fields of two kinds of rows: the attributed quotes that are not
partial ones (most quoted: speaker, text, article and outlet) and the quotes that end in an
article's lead (the stories' signatures: kind and text). The workers send those rows only, and
each batch's rows become a compact table as they arrive; the rows kept are in the full table's
order, so both sections read exactly what they read from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pandas as pd

from corpuscli.coverage.quotes import TABLE_COLUMNS, quote_rows
from corpuscli.coverage.story_features import (
    LEAD_CHARS,
    QUOTE_CHARS,
    Features,
    Gathered,
    batch_features_given,
    init_worker,
    story_stopwords,
)
from corpuscli.engine.parallel import run_batches
from corpuscli.progress import Progress, tracked

#: The fields of a quote the report reads, in the order of the full table.
COLUMNS = ("doc_id", "source", "speaker", "kind", "text", "end")
_FIELDS = tuple(TABLE_COLUMNS.index(c) for c in COLUMNS)
_SPEAKER, _KIND, _TEXT, _END = (TABLE_COLUMNS.index(c) for c in ("speaker", "kind", "text", "end"))
#: Articles a worker is given at a time (as ``quotes_frame`` gives them).
BATCH = 500

Batch = tuple[list[Any], list[Any], list[Any]]


def read(row: tuple[Any, ...]) -> bool:
    """Whether the report reads this row of a quote table: an attributed quote that is not a
    partial one, or a quote that ends in the lead."""
    attributed = row[_SPEAKER] is not None and row[_KIND] != "partial"
    return attributed or bool(row[_END] <= QUOTE_CHARS)


def report_rows(batch: Batch) -> list[tuple[Any, ...]]:
    """The rows of :data:`COLUMNS` that the report reads of a batch's quotes (in a worker)."""
    return [tuple(row[i] for i in _FIELDS) for row in quote_rows(*batch) if read(row)]


def report_quotes(
    corpus: Iterable[pd.DataFrame], *, jobs: int = 1, progress: Progress | None = None
) -> pd.DataFrame:
    """The report's quote table (:data:`COLUMNS`) of the articles of ``corpus`` (frames in
    turn), on ``jobs`` worker processes; ``progress`` is told the articles read (step
    ``quotes``)."""

    found = tracked(
        lambda parts: run_batches(report_rows, parts, jobs=jobs), _batches(corpus), progress,
        step="quotes", size=lambda batch: len(batch[0]),
    )  # fmt: skip
    return _table(rows for rows in found)


def _batches(corpus: Iterable[pd.DataFrame]) -> Iterator[Batch]:
    """The articles of ``corpus`` (frames in turn) in batches of :data:`BATCH`."""
    for frame in corpus:
        ids = frame["doc_id"].tolist()
        sources = frame["source"].tolist() if "source" in frame.columns else [None] * len(frame)
        texts = frame["text"].tolist()
        for i in range(0, len(ids), BATCH):
            yield ids[i : i + BATCH], sources[i : i + BATCH], texts[i : i + BATCH]


def _table(found: Iterable[list[tuple[Any, ...]]]) -> pd.DataFrame:
    """The compact table of the batches' rows, each batch made compact as it arrives."""
    parts = [compact(pd.DataFrame(rows, columns=list(COLUMNS))) for rows in found if rows]
    if not parts:
        return pd.DataFrame([], columns=list(COLUMNS))
    return compact(pd.concat(parts, ignore_index=True))


FeatureBatch = tuple[list[str], Any, Any, Any, list[set[str]]]


def attributed(row: tuple[Any, ...]) -> bool:
    """Whether a row of a quote table is read by the "most quoted" section: an attributed quote
    that is not a partial one."""
    return row[_SPEAKER] is not None and row[_KIND] != "partial"


def rows_and_features(batch: Batch) -> tuple[list[tuple[Any, ...]], FeatureBatch]:
    """The attributed quotes of a batch (:func:`attributed`, fields :data:`COLUMNS`) and the
    batch's story features (in a worker set up by
    :func:`~corpuscli.coverage.story_features.init_worker`): each article's lead words and the
    signatures of the quotes that end in its lead, read from the quotes just found, so that the
    stories read no text again. Each article's lead quotes are its own (the table by doc_id, as
    the stories read it, when doc_ids are unique)."""
    rows: list[tuple[Any, ...]] = []
    in_lead: list[list[tuple[str, str]]] = []
    ids, sources, texts = batch
    for one in zip(ids, sources, texts, strict=True):
        found = quote_rows([one[0]], [one[1]], [one[2]])
        rows.extend(tuple(row[i] for i in _FIELDS) for row in found if attributed(row))
        in_lead.append([(row[_KIND], row[_TEXT]) for row in found if row[_END] <= QUOTE_CHARS])
    leads = [t[:LEAD_CHARS] if isinstance(t, str) else "" for t in texts]
    return rows, batch_features_given((leads, in_lead))


def report_quotes_and_features(
    corpus: Iterable[pd.DataFrame], *, jobs: int = 1, progress: Progress | None = None
) -> tuple[pd.DataFrame, Features]:
    """The attributed quotes of the articles of ``corpus`` (frames in turn, whose doc_ids are
    unique strings) as :func:`report_quotes` has them, and the articles' story
    :class:`~corpuscli.coverage.story_features.Features`, as
    :func:`~corpuscli.coverage.story_features.article_features` makes them from the table of
    :func:`report_quotes`: one pass over each article's text for both (the stories' own pass
    read every lead again and signed the lead quotes in another set of workers)."""
    from corpuscli.engine.parallel import start_method

    if jobs > 1 and start_method() == "fork":
        # the quote signer's stemmer (NLTK, whose import takes seconds of CPU) imported once
        # here, the workers forked with it, rather than once in every worker
        from corpuscli.text.nltk_light import porter

        porter()
    gathered = Gathered()

    def rows() -> Iterator[list[tuple[Any, ...]]]:
        for found, features in tracked(
            lambda parts: run_batches(
                rows_and_features, parts, jobs=jobs, initializer=init_worker,
                initargs=(story_stopwords(), True, False),
            ),
            _batches(corpus), progress, step="quotes", size=lambda batch: len(batch[0]),
        ):  # fmt: skip
            gathered.add(*features)
            yield found

    table = _table(rows())
    return table, gathered.features()


#: The columns of :data:`COLUMNS` that hold text.
TEXT_COLUMNS = ("doc_id", "source", "speaker", "kind", "text")


def compact(part: pd.DataFrame) -> pd.DataFrame:
    """``part`` with its text columns that hold a string as strings (``str``: one buffer, not
    a Python object per value). Each batch's rows are made compact as they arrive, while the
    step runs (on the corpus they are some 400,000 quotes); a batch whose column held no string
    stays objects, and the table they make is made compact again: the whole table as one would
    be."""
    for column in TEXT_COLUMNS:
        if part[column].dtype == object and part[column].notna().any():
            part[column] = part[column].astype("str")
    return part
