"""The corpus as a Dask DataFrame: input files grouped into partitions, each loaded on a worker by
the ordinary Loader, with the loaders' reports coming back beside it."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from corpuscli.engine.partitions import plan_partitions
from corpuscli.errors import Problem, UsageError

from .cluster import require_dask

if TYPE_CHECKING:
    import pandas as pd

    from corpuscli.io.inputs import InputItem
    from corpuscli.io.loader import LoadTally

#: Column giving each article's place in the input (partition number << 32 | row), so that
#: results leave in input order whatever the shuffles did.
ORDER = "_order"
#: Column carrying the metadata columns beyond the core ones, as JSON (see :func:`load`).
EXTRAS = "_extras"


@dataclass
class Loaded:
    """A corpus as a Dask DataFrame, and what its loaders will report."""

    frame: Any  # dask.dataframe.DataFrame; None when no input file was found
    #: Delayed (problems, notes, articles) of each partition; compute with the result.
    reports: list[Any]
    #: Problems found before loading (missing paths).
    problems: list[Problem] = field(default_factory=list)
    #: The manifest, for the note on entries that matched no article in any partition.
    manifest: pd.DataFrame | None = None


def _load_partition(
    items: list[InputItem],
    options: dict[str, Any],
    columns: tuple[str, ...],
    extras: bool,
    number: int,
) -> tuple[pd.DataFrame, tuple[list[Problem], LoadTally, int]]:
    import numpy as np
    import pandas as pd

    from corpuscli.io.loader import Loader
    from corpuscli.schema import coerce_frame

    loader = Loader([], items=items, **options)
    frames = list(loader.chunks())
    frame = coerce_frame(pd.concat(frames, ignore_index=True) if frames else pd.DataFrame())
    for col in columns:
        if col not in frame.columns:
            frame[col] = pd.Series(pd.NA, index=frame.index, dtype="string[pyarrow]")
    if extras:
        frame[EXTRAS] = _pack_extras(frame[[c for c in frame.columns if c not in columns]])
        columns = (*columns, EXTRAS)
    frame = frame[list(columns)]
    frame[ORDER] = number * 2**32 + np.arange(len(frame), dtype=np.int64)
    return frame, (loader.problems, loader.tally, loader.articles)


def load(
    paths: Sequence[str], *, keep: Sequence[str] = (), extras: bool = False, **options: Any
) -> Loaded:
    """The inputs as a Dask DataFrame of corpus frames (core columns plus ``keep``), one
    partition per file or group of small files. ``options`` are :class:`Loader` options.

    Partitions of a Dask frame share one set of columns, while files may each bring their own
    metadata: with ``extras``, every other column travels packed as JSON in an ``_extras`` column,
    which :func:`in_input_order` unpacks (for outputs that are the corpus itself, as ``clean``)."""
    require_dask()
    import dask.dataframe as dd
    from dask.delayed import delayed

    from corpuscli.io.inputs import expand_inputs
    from corpuscli.schema import CORE_COLUMNS, STRING, empty_frame

    if options.get("dedupe"):
        raise UsageError(
            "--dedupe needs the whole corpus in one place",
            hint="drop it with --engine dask, or dedupe once with corpus load --dedupe -o corpus.parquet",
        )
    items, problems = expand_inputs(paths)
    # absolute paths: a worker's working folder may not be ours (the files must be reachable at
    # the same path from every worker); messages and the path column keep the names as given
    items = [
        replace(i, path=i.path.absolute(), root=i.root.absolute() if i.root else None)
        if i.path is not None
        else i
        for i in items
    ]
    manifest = None
    if options.get("manifest"):
        from corpuscli.io.manifest import read_manifest

        manifest = read_manifest(options["manifest"])  # a bad one stops here, not on every worker
        options = {**options, "manifest": os.path.abspath(options["manifest"])}
    keep = tuple(CORE_COLUMNS) + tuple(c for c in keep if c not in CORE_COLUMNS)
    if any(item.path is None for item in items):
        raise UsageError(
            "--engine dask reads files, not standard input",
            hint="save the input to a file, or use --engine pandas",
        )
    # A file stays whole: doc_ids are made unique per partition on Dask, and ids that clash
    # within one file must still be renamed.
    parts = plan_partitions(items)
    if not parts:  # nothing to read: the caller reports the problems
        return Loaded(frame=None, reports=[], problems=problems, manifest=manifest)
    loads = [
        delayed(_load_partition, nout=2, pure=True)(part, options, keep, extras, number)
        for number, part in enumerate(parts)
    ]
    meta = empty_frame()
    for col in keep[len(CORE_COLUMNS) :]:
        meta[col] = meta["doc_id"].astype(STRING)
    if extras:
        meta[EXTRAS] = meta["doc_id"]
    meta = meta[list(keep) + ([EXTRAS] if extras else [])]
    meta[ORDER] = meta.index.to_numpy(dtype="int64")
    frame = dd.from_delayed([load[0] for load in loads], meta=meta, verify_meta=False)
    return Loaded(
        frame=frame, reports=[load[1] for load in loads], problems=problems, manifest=manifest
    )


def _pack_extras(extra: pd.DataFrame) -> list[str | None]:
    import json

    import pandas as pd

    if not len(extra.columns):
        return [None] * len(extra)
    out: list[str | None] = []
    for row in extra.astype(object).itertuples(index=False):
        values = {
            col: (v.isoformat() if hasattr(v, "isoformat") else v)
            for col, v in zip(extra.columns, row, strict=True)
            if not (v is None or v is pd.NA or (isinstance(v, float) and v != v))
        }
        out.append(json.dumps(values, ensure_ascii=False, default=str) if values else None)
    return out


def _unpack_extras(frame: pd.DataFrame) -> pd.DataFrame:
    import json

    import pandas as pd

    from corpuscli.schema import typed_columns

    at = list(frame.columns).index(EXTRAS)
    packed = frame.pop(EXTRAS)
    rows = [json.loads(v) if isinstance(v, str) else {} for v in packed]
    extra = pd.DataFrame.from_records(rows, index=frame.index)
    if not len(extra.columns):
        return frame
    typed = typed_columns(extra)
    return pd.concat([frame.iloc[:, :at], typed, frame.iloc[:, at:]], axis=1)


def finish_reports(loaded: Loaded, reports: list[Any]) -> tuple[list[Problem], list[str], int]:
    """Problems (in input order), the notes of all partitions' tallies added up, and the number
    of articles read."""
    from corpuscli.io.loader import PartsRead

    parts = PartsRead(problems=list(loaded.problems))
    for part_problems, part_tally, part_articles in reports:
        parts.add(part_problems, part_tally, part_articles)
    return parts.problems, parts.notes(loaded.manifest), parts.articles


def in_input_order(frame: pd.DataFrame, *also: str) -> pd.DataFrame:
    """A computed frame sorted back into input order, without the ``_order`` column."""
    out = frame.sort_values([ORDER, *also], kind="stable")
    out = out.drop(columns=ORDER).reset_index(drop=True)
    return _unpack_extras(out) if EXTRAS in out.columns else out
