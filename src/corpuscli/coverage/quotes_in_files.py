"""Quotes of input files that worker processes load themselves (``corpus quotes --jobs``).

With one process reading for all, parsing JSON and normalising text is work the workers wait on
(loading the AllSides corpus takes about a tenth of the time its quotes take). Here each worker
loads a partition of the input (see :func:`corpuscli.engine.partitioned.each_part`) and finds
the quotes of its articles at once; the calling process only gathers the rows, in input order,
each article named by its doc_id made unique across the whole load, as one load names it. The
table equals :func:`corpuscli.coverage.quotes.quotes_frame` over the loaded corpus.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from corpuscli.engine.partitioned import (
    FilesRead,
    Partitions,
    PartRead,
    each_part,
    part_loader,
    part_read,
)
from corpuscli.io.inputs import InputItem
from corpuscli.progress import Progress

from .quotes import quote_rows, quote_table

if TYPE_CHECKING:
    import pandas as pd


@dataclass
class PartitionQuotes(PartRead):
    #: Quote table rows, each opening with its article's place in ``ids``.
    rows: list[tuple[Any, ...]]


def _quote_partition(items: list[InputItem]) -> PartitionQuotes:
    loader = part_loader(items)
    rows: list[tuple[Any, ...]] = []
    for frame in loader.chunks():
        places = frame.index.tolist()  # each article's place among the ids read (see Loader)
        rows.extend(quote_rows(places, frame["source"].tolist(), frame["text"].tolist()))
    return PartitionQuotes(rows=rows, **part_read(loader))


def quotes_in_files(
    partitions: Partitions,
    *,
    speaker: str | None = None,
    jobs: int = 1,
    loader: dict[str, Any] | None = None,
    manifest: Any = None,
    progress: Progress | None = None,
) -> tuple[pd.DataFrame, FilesRead]:
    """The quote table (see :func:`corpuscli.coverage.quotes.quotes_frame`) of input
    partitions, each loaded by a worker process that finds its quotes; ``loader`` holds the
    :class:`~corpuscli.io.loader.Loader` options, ``manifest`` the manifest frame for the note
    on unused entries. Returns the table and what the load found."""
    rows: list[tuple[Any, ...]] = []
    read = FilesRead()
    for result, unique in each_part(
        partitions, _quote_partition, read, task=None, jobs=jobs, loader=loader,
        manifest=manifest, progress=progress,
    ):  # fmt: skip
        rows.extend((unique[place], *rest) for place, *rest in result.rows)
    return quote_table(rows, speaker), read
