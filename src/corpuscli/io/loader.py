"""``load``: read any mix of inputs into one corpus frame.

Source precedence, first that gives a value: the manifest; the input's own outlet column (or the
HTML page's site name); ``--set-source``; the per-outlet folder the file sits in; the URL's host
without ``www.``; an outlet the text names in its own banner/appeal lines; else NA.
"""

from __future__ import annotations

import hashlib
import lzma
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pandas as pd

from corpuscli.errors import CorpusError, InputError, MissingExtraError, Problem, plural
from corpuscli.progress import Progress, tell
from corpuscli.schema import (
    CORE_COLUMNS,
    STRING,
    TextDtype,
    coerce_frame,
    empty_frame,
    typed_columns,
)

from .columns import ColumnOverrides
from .dates import parse_dates
from .decode import check_encoding
from .inputs import InputItem, expand_inputs, folder_source
from .limits import DEFAULT_MAX_INPUT_SIZE, DEFAULT_MAX_LINE_SIZE, parse_size
from .manifest import JOINED, match_keys, read_manifest
from .problems import ProblemLog
from .readers import CHUNK, READERS, Context, Record
from .streams import ByteCount, open_item


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


@dataclass
class LoadTally:
    """What a load counts on the way, to tell the user once at the end (see :meth:`notes`).
    Loads of parts of one corpus (in worker processes) each keep one; :meth:`merge` adds them."""

    detected_encodings: dict[str, str] = field(default_factory=dict)
    bad_dates: int = 0
    bad_date_example: str = ""
    renamed_ids: int = 0
    duplicates: int = 0
    undated_outside: int = 0
    manifest_used: set[str] = field(default_factory=set)
    #: Records skipped for an empty text, and where the first was.
    empty_texts: int = 0
    empty_text_first: str = ""
    #: Columns recognised by their values: "column X taken as url (...)" -> inputs it was in.
    column_choices: dict[str, list[str]] = field(default_factory=dict)

    def merge(self, other: LoadTally) -> None:
        """Add the tally of the next part of the corpus (in input order)."""
        for display, encoding in other.detected_encodings.items():
            self.detected_encodings.setdefault(display, encoding)
        if other.empty_texts and not self.empty_texts:
            self.empty_text_first = other.empty_text_first
        self.empty_texts += other.empty_texts
        for choice, displays in other.column_choices.items():
            known = self.column_choices.setdefault(choice, [])
            known.extend(d for d in displays if d not in known)
        if other.bad_dates and not self.bad_dates:
            self.bad_date_example = other.bad_date_example
        self.bad_dates += other.bad_dates
        self.renamed_ids += other.renamed_ids
        self.duplicates += other.duplicates
        self.undated_outside += other.undated_outside
        self.manifest_used |= other.manifest_used

    def notes(self, manifest: pd.DataFrame | None = None) -> list[str]:
        """Warnings that lose no article (detected encodings, unreadable dates, renamed ids,
        duplicates dropped, undated articles outside the window, unused manifest entries)."""
        notes = [
            f"{display}: not UTF-8; decoded as {enc} (detected; force with --encoding)"
            for display, enc in self.detected_encodings.items()
        ]
        for choice, displays in self.column_choices.items():
            more = f" and {plural(len(displays) - 1, 'more input')}" if len(displays) > 1 else ""
            notes.append(f"{displays[0]}{more}: {choice}")
        if self.empty_texts:
            notes.append(
                f"{plural(self.empty_texts, 'record')} with empty text skipped; "
                f"first: {self.empty_text_first}"
            )
        if self.bad_dates:
            notes.append(
                f"{plural(self.bad_dates, 'date')} could not be read and are left empty"
                f"{self.bad_date_example}"
            )
        if self.renamed_ids:
            notes.append(
                f"{plural(self.renamed_ids, 'article')} shared an id with an earlier one "
                "and got #2, #3 ... appended"
            )
        if self.duplicates:
            notes.append(f"--dedupe dropped {plural(self.duplicates, 'exact duplicate article')}")
        if self.undated_outside:
            notes.append(
                f"{plural(self.undated_outside, 'article')} without a date left out of the time window"
            )
        if manifest is not None:
            unused = len(set(manifest.index) - self.manifest_used)
            if unused:
                notes.append(f"manifest: {plural(unused, 'entry', 'entries')} matched no article")
        return notes


@dataclass
class PartsRead:
    """What the loads of a corpus's parts found (worker processes or Dask partitions), added up
    in input order so that it is told as one load would tell it."""

    problems: list[Problem] = field(default_factory=list)
    tally: LoadTally = field(default_factory=LoadTally)
    articles: int = 0

    def add(self, problems: list[Problem], tally: LoadTally, articles: int) -> None:
        self.problems.extend(problems)
        self.tally.merge(tally)
        self.articles += articles

    def notes(self, manifest: pd.DataFrame | None = None) -> list[str]:
        """The notes of all parts' tallies added up (a manifest entry unused by every part)."""
        return self.tally.notes(manifest)


class IdRegistry:
    """Makes doc_ids unique across a whole load: a clash between files takes the file's path
    (``fox/story`` rather than ``story``); any remaining clash gets ``#2``, ``#3`` ..."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        #: Articles whose id got a ``#n``.
        self.renamed = 0
        self._next: dict[str, int] = {}  # id -> the n to try next

    def assign(self, ids: list[Any], paths: list[Any]) -> list[str]:
        """The unique ids of the next articles (ids as read, and the path each was read from)."""
        seen = self.seen
        counts = Counter(ids)
        clashing = {i for i, n in counts.items() if n > 1 or i in seen}
        if not clashing:
            seen.update(ids)
            return list(ids)
        out = []
        for doc_id, path in zip(ids, paths, strict=True):
            if doc_id in clashing and not _LINE_SUFFIX.search(str(path)):
                doc_id = str(path).rsplit(".", 1)[0] if "." in Path(str(path)).name else str(path)
            if doc_id in seen:
                n = self._next.get(doc_id, 2)
                while f"{doc_id}#{n}" in seen:
                    n += 1
                self._next[doc_id] = n + 1
                doc_id = f"{doc_id}#{n}"
                self.renamed += 1
            seen.add(doc_id)
            out.append(doc_id)
        return out


class Loader:
    """Reads inputs chunk by chunk, so that large corpora stream with bounded memory.

    Iterate :meth:`chunks` for finished corpus frames of up to a few thousand articles each;
    ``problems`` and ``notes`` are complete once the iteration ends. :func:`load` concatenates.
    """

    def __init__(
        self,
        paths: Sequence[str],
        *,
        set_source: str | None = None,
        sources: Sequence[str] = (),
        manifest: str | None = None,
        encoding: str | None = None,
        columns: dict[str, str] | None = None,
        dedupe: bool = False,
        since: datetime | None = None,
        until: datetime | None = None,
        progress: Progress | None = None,
        skip: set[str] | None = None,
        items: Sequence[InputItem] | None = None,
        unique_ids: bool = True,
        arrow_text: bool = True,
        max_input_size: int | str = DEFAULT_MAX_INPUT_SIZE,
        max_line_size: int | str = DEFAULT_MAX_LINE_SIZE,
    ) -> None:
        self.paths = list(paths)
        #: Inputs already expanded (a partition of a larger load); ``paths`` is then ignored.
        self.items = list(items) if items is not None else None
        #: Resolved paths of files not to read (a store has them already); counted in ``skipped_files``.
        self.skip = skip or set()
        self.skipped_files = 0
        #: Paths of the files read, for a store to remember.
        self.files_read: list[str] = []
        #: The outlet of articles whose input names none.
        self.set_source = set_source
        #: Keep only the articles of these outlets (exact names; empty: all).
        self.sources = tuple(sources)
        self.manifest = read_manifest(manifest) if manifest else None
        self.encoding = check_encoding(encoding) if encoding else None
        #: Bounds on one input (see corpuscli.io.limits): bytes after decompression, and the
        #: longest line, CSV field or single-article file; 0 for none.
        self.max_input_size = parse_size(max_input_size, option="--max-input-size")
        self.max_line_size = parse_size(max_line_size, option="--max-line-size")
        self.columns = columns or {}
        self.dedupe = dedupe
        self.since = since
        self.until = until
        self.progress = progress
        self._problems = ProblemLog()
        self.notes: list[str] = []
        self.inputs_read = 0
        self.articles = 0
        #: Counts for the notes; with ``unique_ids=False`` (a part of a larger load, whose
        #: caller makes ids unique across the parts) doc_ids are left as read.
        self.tally = LoadTally()
        #: Text as Arrow strings (compact, for frames that are kept), else as Python strings.
        self.text_dtype: TextDtype = STRING if arrow_text else object
        self.ids = IdRegistry() if unique_ids else None
        #: Without ``unique_ids``: the doc_id and path of every article read (time window or not);
        #: each frame's index then gives its articles' places in these lists.
        self.read_ids: list[Any] = []
        self.read_paths: list[Any] = []
        self._seen_texts: set[bytes] = set()

    @property
    def problems(self) -> list[Problem]:
        """Inputs and records skipped, in input order, repeats of a kind summarised (complete
        once :meth:`chunks` is done)."""
        return self._problems.items()

    def chunks(self) -> Iterator[pd.DataFrame]:
        """Finished corpus frames, in input order."""
        if self.items is not None:
            items: list[InputItem] = self.items
        else:
            items, problems = expand_inputs(self.paths)
            self._problems.extend(problems)
        ctx = Context(
            ColumnOverrides(self.columns),
            self.encoding,
            max_input_size=self.max_input_size,
            max_line_size=self.max_line_size,
        )
        ctx.problems = self._problems  # one log, in input order
        pending: list[Record] = []
        missing_extras: dict[str, list[str]] = {}
        sizes = [item.stored_size for item in items] if self.progress else []
        total, before = sum(sizes), 0
        for number, item in enumerate(items, start=1):
            got = 0
            counter = ByteCount() if self.progress else None
            if item.path is not None and str(item.path.resolve()) in self.skip:
                self.skipped_files += 1
                before += sizes[number - 1] if sizes else 0
                continue
            if item.path is not None:
                self.files_read.append(str(item.path))
            try:
                stream, fmt = open_item(
                    item, max_size=self.max_input_size, max_line=self.max_line_size,
                    counter=counter,
                )  # fmt: skip
                with stream:
                    for records in READERS[fmt](item, stream, ctx):
                        if counter is not None:  # bytes of the files read, compressed or not
                            tell(self.progress, before + counter.count, total, item.display,
                                 step="loading", unit="bytes")  # fmt: skip
                        _tag(records, item, fmt)
                        pending.extend(records)
                        got += len(records)
                        if len(pending) >= CHUNK:
                            finished = self._finish(_chunk_frame(pending, self.text_dtype))
                            pending = []
                            if len(finished):
                                yield finished
            except MissingExtraError as exc:
                missing_extras.setdefault(str(exc), []).append(item.display)
            except CorpusError as exc:
                problem = Problem.from_error(exc, item.display)
                problem.message += _kept(got, item)
                self._problems.append(problem)
            except (OSError, EOFError, zlib.error, lzma.LZMAError, UnicodeDecodeError) as exc:
                kept = _kept(got, item)
                self._problems.append(
                    Problem(item.display, f"read error: {exc}{kept}", "check the file")
                )
            if got:
                self.inputs_read += 1
            if self.progress:
                before += sizes[number - 1] or (counter.count if counter else 0)
                tell(self.progress, before, total, item.display, step="loading", unit="bytes")
        if pending:
            finished = self._finish(_chunk_frame(pending, self.text_dtype))
            if len(finished):
                yield finished
        for message, displays in missing_extras.items():
            first = displays[0] + (f" and {len(displays) - 1} more" if len(displays) > 1 else "")
            what, _, hint = message.partition(" — ")
            self._problems.append(Problem(first, what, hint or None))
        self._write_notes(ctx)

    def _write_notes(self, ctx: Context) -> None:
        self.tally.detected_encodings.update(ctx.detected_encodings)
        self.tally.empty_texts = ctx.empty_texts
        self.tally.empty_text_first = ctx.empty_text_first
        self.tally.column_choices = ctx.column_choices
        if self.ids is not None:
            self.tally.renamed_ids = self.ids.renamed
        self.notes.extend(self.tally.notes(self.manifest))

    def _finish(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Fill sources and dates, type the columns, and apply ids, dedupe and the time window."""
        for col in CORE_COLUMNS:
            if col not in frame.columns:
                frame[col] = None
        frame["source"] = frame["source"].astype(object).where(frame["source"].notna(), None)
        if self.manifest is not None:
            self.tally.manifest_used |= _apply_manifest(frame, self.manifest)
        src = frame["source"]
        fills: list[Callable[[pd.Index], Any]] = [
            lambda rows: self.set_source,
            lambda rows: frame["_folder_source"].loc[rows] if "_folder_source" in frame else None,
            lambda rows: frame["url"].loc[rows].map(_url_host),  # parsed only where needed
            lambda rows: frame["_text_source"].loc[rows] if "_text_source" in frame else None,
        ]
        for fill in fills:
            rows = src.index[src.isna()]
            if not len(rows):
                break
            value = fill(rows)
            if value is not None:
                src = src.astype(object)
                src.loc[rows] = value
        frame["source"] = src
        published, failed = parse_dates(frame["published"])
        if failed:
            if not self.tally.bad_dates:
                raw = frame["published"].astype(object)
                blank = raw.isna() | raw.map(lambda v: isinstance(v, str) and not v.strip())
                bad = frame.loc[published.isna() & ~blank, ["published", "path"]]
                if len(bad):
                    example = bad.iloc[0]["published"]
                    if hasattr(example, "item"):  # a numpy number as the input wrote it
                        example = example.item()
                    self.tally.bad_date_example = f" (e.g. {example!r} at {bad.iloc[0]['path']})"
            self.tally.bad_dates += failed
        frame["published"] = published
        frame = frame.drop(columns=[c for c in frame.columns if str(c).startswith("_")])
        frame = coerce_frame(frame, text_dtype=self.text_dtype)
        extras = [c for c in frame.columns if c not in CORE_COLUMNS]
        for extra, values in typed_columns(frame[extras]).items():
            frame[extra] = values
        ids, paths = frame["doc_id"].astype(object).tolist(), frame["path"].astype(object).tolist()
        if self.ids is not None:
            frame["doc_id"] = pd.Series(
                self.ids.assign(ids, paths), index=frame.index, dtype=STRING
            )
        else:  # for the caller to make them unique across the parts of a load; the frame's
            # index is each article's place among them (kept through the time window)
            frame.index = pd.RangeIndex(len(self.read_ids), len(self.read_ids) + len(ids))
            self.read_ids.extend(ids)
            self.read_paths.extend(paths)
        if self.dedupe:
            frame = self._drop_duplicates(frame)
        if self.since or self.until:
            frame = self._window(frame)
        if self.sources:
            kept = frame[frame["source"].isin(self.sources).fillna(False).to_numpy(dtype=bool)]
            frame = kept if self.ids is None else kept.reset_index(drop=True)
        self.articles += len(frame)
        return frame

    def _drop_duplicates(self, frame: pd.DataFrame) -> pd.DataFrame:
        keep = []
        for text in frame["text"]:
            digest = hashlib.blake2b(str(text).strip().encode(), digest_size=16).digest()
            keep.append(digest not in self._seen_texts)
            self._seen_texts.add(digest)
        mask = pd.Series(keep, index=frame.index)
        self.tally.duplicates += int((~mask).sum())
        return frame[mask].reset_index(drop=True)

    def _window(self, frame: pd.DataFrame) -> pd.DataFrame:
        published = frame["published"]
        keep = published.notna()
        self.tally.undated_outside += int((~keep).sum())
        if self.since is not None:
            keep &= published >= pd.Timestamp(self.since)
        if self.until is not None:
            keep &= published < pd.Timestamp(self.until)
        kept = frame[keep.fillna(False)]
        return kept if self.ids is None else kept.reset_index(drop=True)


def _kept(got: int, item: InputItem) -> str:
    """What a message on an input that failed part way says about the articles read first (a
    part of a file cut up for workers knows only its own)."""
    if item.span is not None and item.span[0] > 0:
        return "; the articles before it are kept"
    if not got:
        return ""
    if got == 1:
        return "; the article before it is kept"
    return f"; the {got:,} articles before it are kept"


_LINE_SUFFIX = re.compile(r":(?:\d+|\[\d+\])$")


def select_articles(
    frame: pd.DataFrame,
    *,
    sources: Sequence[str] = (),
    since: datetime | None = None,
    until: datetime | None = None,
) -> pd.DataFrame:
    """The articles of a corpus frame from these outlets (exact names; empty: all) published in
    ``since <= published < until`` (undated articles fall outside any window)."""
    keep = pd.Series(True, index=frame.index)
    if sources:
        keep &= frame["source"].isin(list(sources)).fillna(False).astype(bool)
    if since is not None or until is not None:
        published = frame["published"]
        keep &= published.notna()
        if since is not None:
            keep &= (published >= pd.Timestamp(since)).fillna(False).astype(bool)
        if until is not None:
            keep &= (published < pd.Timestamp(until)).fillna(False).astype(bool)
    return frame if bool(keep.all()) else frame[keep].reset_index(drop=True)


def load(paths: Sequence[str], **options: Any) -> LoadResult:
    """Read files, folders, globs and ``-`` (stdin) into one corpus frame.

    Options: ``set_source`` (outlet for inputs that name none), ``sources`` (keep only these
    outlets), ``manifest`` (path), ``encoding``,
    ``columns`` (``{"text": "body"}`` overrides), ``dedupe``, ``since``/``until`` (aware
    datetimes; ``since <= published < until``), ``progress`` (a callback). Unreadable inputs
    and records are collected in ``LoadResult.problems``; the call raises only for problems
    that concern every input (a missing manifest, a bad option).
    """
    loader = Loader(paths, **options)
    chunks = list(loader.chunks())
    frame = pd.concat(chunks, ignore_index=True) if chunks else empty_frame()
    return LoadResult(
        frame=frame, problems=loader.problems, notes=loader.notes, inputs_read=loader.inputs_read
    )


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


def _chunk_frame(records: list[Record], text_dtype: TextDtype = STRING) -> pd.DataFrame:
    """A chunk of tagged records as a frame; the text goes to compact Arrow storage (unless
    ``text_dtype`` is ``object``)."""
    # The text is set apart: pandas would turn it into Arrow strings on its own (inference),
    # which is twice the work when it is to stay Python strings, and once too many otherwise.
    texts = pd.Series([rec.get("text") for rec in records], dtype=object)
    df = pd.DataFrame.from_records(
        [{k: v for k, v in rec.items() if k != "text"} for rec in records]
    )
    # A corpus frame written by corpus keeps the path it was first read from.
    if "path" in df.columns:
        df["path"] = df["path"].where(df["path"].notna(), df["_where"])
    else:
        df["path"] = df["_where"]
    df["text"] = texts.astype(text_dtype)
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


def _apply_manifest(frame: pd.DataFrame, manifest: pd.DataFrame) -> set[str]:
    """Overwrite metadata from the manifest; return the manifest keys that matched."""
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
    return set(row_key.dropna())


def read_frame(paths: Sequence[str], **options: Any) -> pd.DataFrame:
    """Like :func:`load`, returning only the frame; raises InputError if any input was skipped."""
    result = load(paths, **options)
    if result.problems:
        first = result.problems[0]
        raise InputError(first.message, where=first.where, hint=first.hint)
    return result.frame
