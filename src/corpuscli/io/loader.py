"""``load``: read any mix of inputs into one corpus frame.

Source precedence, first that gives a value: the manifest; the input's own outlet column (or the
HTML page's site name); ``--source``; the per-outlet folder the file sits in; the URL's host
without ``www.``; an outlet the text names in its own banner/appeal lines; else NA.
"""

from __future__ import annotations

import lzma
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import pandas as pd

from corpuscli.errors import CorpusError, InputError, MissingExtraError, Problem, plural
from corpuscli.schema import CORE_COLUMNS, STRING, coerce_frame, empty_frame

from .columns import ColumnOverrides
from .dates import parse_dates
from .inputs import InputItem, expand_inputs, folder_source
from .manifest import JOINED, match_keys, read_manifest
from .readers import CHUNK, READERS, Context, Record
from .streams import open_item

ProgressCallback = Callable[[int, int, str], None]


@dataclass
class LoadResult:
    """The corpus frame plus what a user must hear about how it was read."""

    frame: pd.DataFrame
    #: Inputs (or records) skipped, each with where and why.
    problems: list[Problem] = field(default_factory=list)
    #: Warnings that lose no article (detected encodings, unreadable dates, duplicates dropped).
    notes: list[str] = field(default_factory=list)
    #: Number of inputs (files, stdin) that gave at least one article.
    inputs_read: int = 0

    @property
    def partial(self) -> bool:
        return bool(self.problems)


def load(
    paths: Sequence[str],
    *,
    source: str | None = None,
    manifest: str | None = None,
    encoding: str | None = None,
    columns: dict[str, str] | None = None,
    dedupe: bool = False,
    since: datetime | None = None,
    until: datetime | None = None,
    progress: ProgressCallback | None = None,
) -> LoadResult:
    """Read files, folders, globs and ``-`` (stdin) into a corpus frame.

    ``columns`` overrides the input column of a core column, e.g. ``{"text": "body"}``.
    Unreadable inputs and records are collected in ``LoadResult.problems``; the call raises only
    for problems that concern every input (a missing manifest, a bad option).
    """
    manifest_frame = read_manifest(manifest) if manifest else None
    items, problems = expand_inputs(paths)
    ctx = Context(ColumnOverrides(columns or {}), encoding)
    ctx.problems = problems  # one list, in input order
    chunks: list[pd.DataFrame] = []
    pending: list[Record] = []
    inputs_read = 0
    missing_extras: dict[str, list[str]] = {}
    for number, item in enumerate(items, start=1):
        got = 0
        try:
            stream, fmt = open_item(item)
            with stream:
                for records in READERS[fmt](item, stream, ctx):
                    _tag(records, item, fmt)
                    pending.extend(records)
                    got += len(records)
                    if len(pending) >= CHUNK:
                        chunks.append(_chunk_frame(pending))
                        pending = []
        except MissingExtraError as exc:
            missing_extras.setdefault(str(exc), []).append(item.display)
        except CorpusError as exc:
            problems.append(Problem.from_error(exc, item.display))
        except (OSError, EOFError, zlib.error, lzma.LZMAError, UnicodeDecodeError) as exc:
            kept = f"; the {got} articles before the fault are kept" if got else ""
            problems.append(Problem(item.display, f"read error: {exc}{kept}", "check the file"))
        if got:
            inputs_read += 1
        if progress:
            progress(number, len(items), item.display)
    if pending:
        chunks.append(_chunk_frame(pending))
    for message, displays in missing_extras.items():
        first = displays[0] + (f" and {len(displays) - 1} more" if len(displays) > 1 else "")
        problems.append(Problem(first, message.split(" — ")[0], message.split(" — ")[-1]))
    notes = [
        f"{display}: not UTF-8; decoded as {enc} (detected; force with --encoding)"
        for display, enc in ctx.detected_encodings.items()
    ]
    frame = pd.concat(chunks, ignore_index=True) if chunks else pd.DataFrame()
    frame = _finish(frame, source=source, manifest=manifest_frame, notes=notes)
    if dedupe and len(frame):
        dup = frame["text"].str.strip().duplicated(keep="first")
        if dup.any():
            notes.append(f"--dedupe dropped {plural(int(dup.sum()), 'exact duplicate article')}")
            frame = frame[~dup].reset_index(drop=True)
    if (since or until) and len(frame):
        frame = _window(frame, since, until, notes)
    return LoadResult(frame=frame, problems=problems, notes=notes, inputs_read=inputs_read)


def _tag(records: list[Record], item: InputItem, fmt: str) -> None:
    """Add provenance to each record: where it was read, its default id, folder outlet."""
    folder = folder_source(item)
    for rec in records:
        line = rec.pop("_line", None)
        index = rec.pop("_index", None)
        if line is not None:
            rec["_where"] = f"{item.display}:{line}"
            default_id = f"{item.stem}:{line}"
        elif index is not None:
            rec["_where"] = f"{item.display}:[{index}]"
            default_id = f"{item.stem}:{index}"
        else:
            rec["_where"] = item.display
            default_id = item.stem
        doc_id = rec.get("doc_id")
        if doc_id is None or not str(doc_id).strip():
            rec["doc_id"] = default_id
        else:
            rec["doc_id"] = str(doc_id).strip()
        rec["_folder_source"] = folder
        rec["_format"] = fmt


def _chunk_frame(records: list[Record]) -> pd.DataFrame:
    """A chunk of tagged records as a frame; the text goes to compact Arrow storage."""
    df = pd.DataFrame.from_records(records)
    # A corpus frame written by corpus keeps the path it was first read from.
    if "path" in df.columns:
        df["path"] = df["path"].where(df["path"].notna(), df["_where"])
    else:
        df["path"] = df["_where"]
    df["text"] = df["text"].astype(STRING)
    return df


def _url_host(url: Any) -> str | None:
    if not isinstance(url, str) or "//" not in url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def _finish(
    frame: pd.DataFrame,
    *,
    source: str | None,
    manifest: pd.DataFrame | None,
    notes: list[str],
) -> pd.DataFrame:
    if frame.empty:
        return empty_frame()
    for col in CORE_COLUMNS:
        if col not in frame.columns:
            frame[col] = None
    frame["source"] = frame["source"].astype(object).where(frame["source"].notna(), None)
    if manifest is not None:
        _apply_manifest(frame, manifest, notes)
    src = frame["source"]
    fills = [
        pd.Series(source, index=frame.index, dtype=object) if source else None,
        frame.get("_folder_source"),
        frame["url"].map(_url_host),
        frame.get("_text_source"),
    ]
    for fill in fills:
        if fill is not None:
            src = src.where(src.notna(), fill)
    frame["source"] = src
    published, failed = parse_dates(frame["published"])
    if failed:
        bad = frame.loc[published.isna() & frame["published"].notna(), ["published", "path"]]
        example = bad.iloc[0] if len(bad) else None
        eg = f" (e.g. {example['published']!r} at {example['path']})" if example is not None else ""
        notes.append(f"{plural(failed, 'date')} could not be read and are left empty{eg}")
    frame["published"] = published
    frame = frame.drop(columns=[c for c in frame.columns if str(c).startswith("_")])
    frame = coerce_frame(frame)
    extras = [c for c in frame.columns if c not in CORE_COLUMNS]
    if extras:
        typed = frame[extras].convert_dtypes()
        for col in extras:
            kind = typed[col].dtype
            frame[col] = (
                typed[col].astype(STRING) if isinstance(kind, pd.StringDtype) else typed[col]
            )
    frame["doc_id"] = _unique_ids(frame, notes)
    return frame


def _apply_manifest(frame: pd.DataFrame, manifest: pd.DataFrame, notes: list[str]) -> None:
    keys = match_keys(frame)
    row_key = keys["doc_id"].where(keys["doc_id"].isin(manifest.index))
    for alt in ("file", "stem"):
        row_key = row_key.where(row_key.notna(), keys[alt].where(keys[alt].isin(manifest.index)))
    matched = row_key.notna()
    for col in JOINED:
        if col not in manifest.columns:
            continue
        values = row_key[matched].map(manifest[col])
        has = values.notna()
        idx = values[has].index
        frame[col] = frame[col].astype(object)
        frame.loc[idx, col] = values[has]
    unused = len(set(manifest.index) - set(row_key.dropna()))
    if unused:
        notes.append(f"manifest: {plural(unused, 'entry', 'entries')} matched no article")


def _unique_ids(frame: pd.DataFrame, notes: list[str]) -> pd.Series:
    """Make doc_ids unique: colliding file stems take their path; remaining clashes get #2, #3."""
    ids = frame["doc_id"].astype(object)
    dup = ids.duplicated(keep=False)
    if not dup.any():
        return frame["doc_id"]
    paths = frame["path"].astype(object)
    no_line = ~paths.astype(str).str.contains(r":(?:\d+|\[\d+\])$", regex=True)
    fix = dup & no_line
    ids = ids.where(
        ~fix, paths.map(lambda p: str(p).rsplit(".", 1)[0] if "." in str(p) else str(p))
    )
    dup = ids.duplicated(keep=False)
    if dup.any():
        counter = ids.groupby(ids).cumcount() + 1
        ids = ids.where(counter == 1, ids + "#" + counter.astype(str))
        notes.append(
            f"{int(dup.sum())} articles share an id with another; later ones got #2, #3 ..."
        )
    return ids.astype(STRING)


def _window(
    frame: pd.DataFrame, since: datetime | None, until: datetime | None, notes: list[str]
) -> pd.DataFrame:
    published = frame["published"]
    keep = published.notna()
    undated = int((~keep).sum())
    if since is not None:
        keep &= published >= pd.Timestamp(since)
    if until is not None:
        keep &= published < pd.Timestamp(until)
    if undated:
        notes.append(f"{plural(undated, 'article')} without a date left out of the time window")
    return frame[keep.fillna(False)].reset_index(drop=True)


def read_frame(paths: Sequence[str], **options: Any) -> pd.DataFrame:
    """Like :func:`load`, returning only the frame; raises InputError if any input was skipped."""
    result = load(paths, **options)
    if result.problems:
        first = result.problems[0]
        raise InputError(first.message, where=first.where, hint=first.hint)
    return result.frame
