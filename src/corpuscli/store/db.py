"""The corpus store: an SQLite file that grows by increments, for cron jobs that add a few hundred
articles a day to a corpus of years.

- WAL mode and a busy timeout: two ingests at once both succeed (one waits); readers never block.
- One transaction per batch of articles: a run killed at any moment leaves every committed article
  whole and none half-written; the next run picks up where it stopped.
- Idempotent: an article is keyed by its doc_id, else by a hash of source and text; unchanged
  articles are counted as duplicates, changed ones updated. Files are remembered by path, size and
  modification time, so unchanged files are not even read again.
- Full-text search with FTS5 (phrases, prefixes, AND/OR/NOT; ranked by bm25), kept in step by
  triggers inside the same transactions.
- Boilerplate patterns learned per source (``corpus ingest --clean``) are kept in the store, so a
  single new article of a known outlet is cleaned as well as a large batch would be.
- A schema version in ``PRAGMA user_version``; a store from a newer version is refused, an older
  one upgraded in one transaction (:data:`MIGRATIONS`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import pandas as pd

from corpuscli.errors import CorpusError, InputError, Problem, UsageError
from corpuscli.schema import CORE_COLUMNS, coerce_frame
from corpuscli.store.query import fts_query

if TYPE_CHECKING:
    from corpuscli.boilerplate.detection import Patterns

_F = TypeVar("_F", bound=Callable[..., Any])

SCHEMA_VERSION = 2
BATCH = 500

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL UNIQUE,
    source TEXT,
    title TEXT,
    published TEXT,
    url TEXT,
    path TEXT,
    text TEXT NOT NULL,
    extra TEXT,
    content_hash TEXT NOT NULL,
    ingested TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime REAL NOT NULL,
    ingested TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    added INTEGER, updated INTEGER, duplicates INTEGER, files_skipped INTEGER
);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, content='articles', content_rowid='id'
);
CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_au AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
"""

#: Schema changes from each version to the next: ``MIGRATIONS[v]`` upgrades version v to v + 1.
MIGRATIONS = {
    # 2: boilerplate patterns learned per source, applied to new articles at ingest
    1: """
CREATE TABLE IF NOT EXISTS patterns (
    source TEXT NOT NULL,
    signature TEXT NOT NULL,
    example TEXT NOT NULL,
    articles INTEGER NOT NULL,
    learned TEXT NOT NULL,
    PRIMARY KEY (source, signature)
);
""",
}


class StoreError(CorpusError):
    """The store file cannot be used (not a store, newer version, read-only, disk full)."""


@dataclass
class IngestResult:
    added: int = 0
    updated: int = 0
    duplicates: int = 0
    files_skipped: int = 0
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


#: The first bytes of every SQLite database file.
_SQLITE_HEADER = b"SQLite format 3\x00"


def connect(path: str, *, create: bool = False, write: bool = False) -> sqlite3.Connection:
    """Open a store; refuse files that are not stores.

    By default the store is opened read-only (``mode=ro``, and ``immutable=1`` when its folder is
    read-only and no write-ahead log is pending), so commands that only read never create or
    change a file, and work on a store nobody may write. ``write`` opens it for writing (an
    older schema is upgraded); ``create`` also makes a new store where there is no file, or in
    an empty one."""
    p = Path(path)
    if p.is_dir():
        raise StoreError("is a folder, not a store file", where=path)
    exists = p.exists()
    if not exists and not create:
        raise StoreError(
            "no store here", where=path, hint="create it with: corpus ingest FILES --store " + path
        )
    _check_header(p, exists, create)
    con = None
    try:
        if create or write:
            con = sqlite3.connect(path, timeout=60, isolation_level=None)
        else:
            con = sqlite3.connect(_read_only_uri(p), timeout=60, isolation_level=None, uri=True)
        con.execute("PRAGMA busy_timeout = 60000")
        version = con.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        if con is not None:
            con.close()
        raise _open_error(exc, path) from None
    if tables and "articles" not in tables:
        con.close()
        raise StoreError(
            "an SQLite file, but not a corpuscli store",
            where=path,
            hint="give another --store file",
        )
    if not tables and not create:
        con.close()
        raise StoreError(
            "an empty SQLite file, not a corpuscli store (yet)",
            where=path,
            hint="fill it with: corpus ingest FILES --store " + path,
        )
    if version > SCHEMA_VERSION:
        con.close()
        raise StoreError(
            f"made by a newer corpuscli (schema {version}, this one reads {SCHEMA_VERSION})",
            where=path,
            hint="upgrade corpuscli",
        )
    if (create or write) and tables and version >= SCHEMA_VERSION:
        try:
            _write_ahead(con)
        except sqlite3.DatabaseError as exc:
            con.close()
            raise _open_error(exc, path) from None
    if (create or write) and (not tables or version < SCHEMA_VERSION):
        try:
            _set_up(con)
        except sqlite3.OperationalError as exc:
            _rollback(con)
            con.close()
            raise StoreError(
                f"cannot write the store: {exc}", where=path, hint="check the folder's permissions"
            ) from None
        except sqlite3.DatabaseError as exc:
            con.close()
            raise _open_error(exc, path) from None
    return con


def _check_header(p: Path, exists: bool, create: bool) -> None:
    """Refuse a file that is not an SQLite database before SQLite touches it (SQLite takes a
    file of zero bytes for an empty database, and would write its schema there). A zero-byte
    file is taken only when a store is to be made (``create``): it holds nothing to lose."""
    if not exists:
        return
    try:
        with p.open("rb") as handle:
            head = handle.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"cannot read the store: {exc.strerror}", where=str(p)) from None
    if head == _SQLITE_HEADER or (create and not head):
        return
    what = "an empty file" if not head else "not an SQLite file"
    raise StoreError(
        f"not a corpuscli store: {what}", where=str(p), hint="give another --store file"
    )


def _read_only_uri(p: Path) -> str:
    """The URI that opens ``p`` read-only: ``mode=ro``, plus ``immutable=1`` where its folder
    is read-only (SQLite could not make the files it keeps beside a store in WAL mode there)
    and no write-ahead log is pending (an immutable store is read without its log)."""
    uri = p.absolute().as_uri() + "?mode=ro"  # file:///..., percent-encoded
    folder = p.absolute().parent
    log = folder / (p.name + "-wal")
    pending = log.exists() and log.stat().st_size > 0
    if not os.access(folder, os.W_OK) and not pending:
        uri += "&immutable=1"
    return uri


def _open_error(exc: sqlite3.DatabaseError, path: str) -> StoreError:
    """The message for a store that SQLite cannot open or read."""
    damaged = damage(exc, path)
    if damaged is not None:
        return damaged
    name = getattr(exc, "sqlite_errorname", "")
    if name.startswith("SQLITE_CANTOPEN") or name.startswith("SQLITE_READONLY"):
        return StoreError(
            f"cannot open the store: {exc}",
            where=path,
            hint="check its permissions; a store with a pending -wal file needs a writable folder",
        )
    return StoreError(f"cannot use the store: {exc}", where=path)


def damage(exc: BaseException, path: str | None) -> StoreError | None:
    """A StoreError saying the store is damaged, when ``exc`` is SQLite finding it corrupt;
    None for other errors."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return None
    name = getattr(exc, "sqlite_errorname", "")
    text = str(exc).lower()
    if not (
        name.startswith("SQLITE_CORRUPT")
        or name == "SQLITE_NOTADB"
        or "malformed" in text
        or "corrupt" in text
    ):
        return None
    import shlex

    where = shlex.quote(path) if path else "STORE"
    return StoreError(
        f"the store is damaged: {exc}",
        where=path,
        hint="ingest the articles again into a new store, or recover what it holds with: "
        f"sqlite3 {where} .recover | sqlite3 recovered.db (needs a sqlite3 shell built with "
        ".recover, as sqlite.org's is)",
    )


def _path_of(con: sqlite3.Connection) -> str | None:
    with contextlib.suppress(sqlite3.Error):
        for _, name, file in con.execute("PRAGMA database_list"):
            if name == "main":
                return file or None
    return None


def _faults(func: _F) -> _F:
    """Turn SQLite finding the store corrupt, in ``func`` (a function or a generator whose
    first argument is the connection), into "the store is damaged" with what to do."""
    import functools
    import inspect

    if inspect.isgeneratorfunction(func):

        @functools.wraps(func)
        def generator(con, *args, **kwargs):  # type: ignore[no-untyped-def]
            try:
                yield from func(con, *args, **kwargs)
            except sqlite3.DatabaseError as exc:
                damaged = damage(exc, _path_of(con))
                if damaged is None:
                    raise
                raise damaged from None

        return generator  # type: ignore[return-value]

    @functools.wraps(func)
    def plain(con, *args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            return func(con, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            damaged = damage(exc, _path_of(con))
            if damaged is None:
                raise
            raise damaged from None

    return plain  # type: ignore[return-value]


def _write_ahead(con: sqlite3.Connection) -> None:
    """Write with a write-ahead log, so that readers read while this connection writes (a
    switch that a reader's lock holds up is retried for up to a minute)."""
    deadline = time.monotonic() + 60
    while True:
        try:
            con.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if ("locked" not in str(exc) and "busy" not in str(exc)) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def at_rest(con: sqlite3.Connection) -> None:
    """Before a writer closes the store: its log folded in and the store back in rollback-journal
    mode, so that the commands that only read it leave no ``-wal`` and ``-shm`` files beside it
    (a read-only connection to a store in WAL mode makes them and cannot remove them). When
    another process has the store open, it stays in WAL mode until a later writer leaves."""
    try:
        con.execute("PRAGMA busy_timeout = 0")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.DatabaseError:
        pass  # busy: another connection is reading or writing


@contextlib.contextmanager
def writing(path: str, *, create: bool = False) -> Iterator[sqlite3.Connection]:
    """The store opened for writing (:func:`connect` with ``write``, or ``create``), left at
    rest (:func:`at_rest`) and closed after the block."""
    con = connect(path, create=create, write=True)
    try:
        yield con
    finally:
        at_rest(con)
        con.close()


def _set_up(con: sqlite3.Connection) -> None:
    """Create or upgrade the schema. Another process may be doing the same at this moment (two
    cron jobs on a new store): switching to WAL can fail at once with "database is locked"
    rather than wait, so that is retried for up to a minute, and the schema is read again under
    the write lock before it is changed."""
    deadline = time.monotonic() + 60
    while True:
        try:
            con.execute("PRAGMA journal_mode = WAL")
            con.execute("BEGIN IMMEDIATE")
            version = con.execute("PRAGMA user_version").fetchone()[0]
            has_tables = bool(
                con.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchone()
            )
            if has_tables and version >= SCHEMA_VERSION:
                con.execute("COMMIT")  # the other process did it
                return
            steps = (
                "".join(MIGRATIONS[v] for v in range(max(version, 1), SCHEMA_VERSION))
                if has_tables
                else _SCHEMA + "".join(MIGRATIONS.values())
            )
            for statement in _statements(steps):
                con.execute(statement)
            con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            con.execute("COMMIT")
            return
        except sqlite3.OperationalError as exc:
            _rollback(con)
            if ("locked" not in str(exc) and "busy" not in str(exc)) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _statements(script: str) -> list[str]:
    """The statements of a schema script, triggers whole (their bodies hold semicolons)."""
    out, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    return [statement for statement in out if statement]


def _key_and_hash(row: Mapping[Hashable, object]) -> tuple[str, str]:
    text = row["text"] or ""
    digest = hashlib.blake2b(
        f"{row.get('source') or ''}\x00{text}".encode(), digest_size=16
    ).hexdigest()
    return (str(row["doc_id"]) if row.get("doc_id") else digest), digest


def _extras(row: Mapping[Hashable, object]) -> str | None:
    extra = {
        k: v for k, v in row.items() if k not in CORE_COLUMNS and v is not None and v is not pd.NA
    }
    return json.dumps(extra, ensure_ascii=False, default=str, sort_keys=True) if extra else None


@_faults
def unchanged_files(con: sqlite3.Connection, paths: Iterable[str]) -> set[str]:
    """The files (of ``paths``) that the store has ingested with the same size and mtime."""
    known = {}
    for path, size, mtime in con.execute("SELECT path, size, mtime FROM files"):
        known[path] = (size, mtime)
    out = set()
    for path in paths:
        try:
            st = os.stat(path)
        except OSError:
            continue
        if known.get(str(Path(path).resolve())) == (st.st_size, st.st_mtime):
            out.add(path)
    return out


@_faults
def ingest(
    con: sqlite3.Connection, chunks: Iterable[pd.DataFrame], files: Iterable[str] = ()
) -> IngestResult:
    """Add new articles, update changed ones, count the rest; one transaction per batch."""
    result = IngestResult()
    stamp = _now()
    batch: list[dict[Hashable, object]] = []
    for frame in chunks:
        for row in frame.to_dict(orient="records"):
            batch.append(row)
            if len(batch) >= BATCH:
                _write_batch(con, batch, stamp, result)
                batch = []
    if batch:
        _write_batch(con, batch, stamp, result)
    with _transaction(con):
        for path in files:
            try:
                st = os.stat(path)
            except OSError:
                continue
            con.execute(
                "INSERT INTO files(path, size, mtime, ingested) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(path) DO UPDATE SET size=excluded.size, mtime=excluded.mtime, ingested=excluded.ingested",
                (str(Path(path).resolve()), st.st_size, st.st_mtime, stamp),
            )
        con.execute(
            "INSERT INTO runs(started, added, updated, duplicates, files_skipped) VALUES (?, ?, ?, ?, ?)",
            (stamp, result.added, result.updated, result.duplicates, result.files_skipped),
        )
    return result


class _transaction:
    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con

    def __enter__(self) -> sqlite3.Connection:
        try:
            self.con.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(
                f"cannot write the store: {exc}", hint="check permissions and free space"
            ) from None
        return self.con

    def __exit__(self, kind, exc, tb) -> None:  # type: ignore[no-untyped-def]
        if kind is None:
            try:
                self.con.execute("COMMIT")
            except sqlite3.OperationalError as error:
                _rollback(self.con)
                raise StoreError(
                    f"cannot write the store: {error}",
                    hint="free some space; everything committed before is kept",
                ) from None
        else:
            _rollback(self.con)
            if isinstance(exc, sqlite3.OperationalError):
                raise StoreError(
                    f"cannot write the store: {exc}",
                    hint="check permissions and free space; everything committed before is kept",
                ) from None


def _rollback(con: sqlite3.Connection) -> None:
    """Undo the open transaction, if SQLite has not already (it may after a full disk)."""
    if con.in_transaction:
        # the transaction is gone either way; the file holds only what was committed
        with contextlib.suppress(sqlite3.OperationalError):
            con.execute("ROLLBACK")


def _write_batch(
    con: sqlite3.Connection, rows: list[dict[Hashable, object]], stamp: str, result: IngestResult
) -> None:
    with _transaction(con):
        for row in rows:
            key, digest = _key_and_hash(row)
            published = row.get("published")
            published_text = (
                published.isoformat()
                if isinstance(published, pd.Timestamp) and not pd.isna(published)
                else None
            )
            values = (
                key, _text(row.get("source")), _text(row.get("title")), published_text, _text(row.get("url")),
                _text(row.get("path")), row["text"], _extras(row), digest, stamp,
            )  # fmt: skip
            old = con.execute(
                "SELECT content_hash FROM articles WHERE doc_id = ?", (key,)
            ).fetchone()
            if old is None:
                con.execute(
                    "INSERT INTO articles(doc_id, source, title, published, url, path, text, extra, content_hash, "
                    "ingested) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    values,
                )
                result.added += 1
            elif old[0] == digest:
                result.duplicates += 1
            else:
                con.execute(
                    "UPDATE articles SET source=?, title=?, published=?, url=?, path=?, text=?, extra=?, "
                    "content_hash=?, ingested=? WHERE doc_id=?",
                    (*values[1:], key),
                )
                result.updated += 1


def _text(value: object) -> str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    return str(value)


@_faults
def read(
    con: sqlite3.Connection,
    *,
    sources: Sequence[str] = (),
    since: datetime | None = None,
    until: datetime | None = None,
    query: str | None = None,
    chunk: int = 2000,
    where: tuple[str, Sequence[object]] | None = None,
) -> Iterator[pd.DataFrame]:
    """Articles of the store as corpus frames, reading only the rows the filters select
    (``where``: one more SQL condition on the articles ``a``, with its arguments)."""
    sql = "SELECT a.doc_id, a.source, a.title, a.published, a.url, a.path, a.text, a.extra FROM articles a"
    conditions: list[str] = []
    args: list[object] = []
    if query and (since or until) and _has_index(con, "articles_published"):
        # A window and a query (a daily report on one subject): the window's rows are found by
        # the index on published and each is looked for among the matches (``+`` keeps SQLite
        # from driving by the matches): a common word's matches all over a large store are not
        # read one by one. "trump" in one week of the corpus x4 (75,292 matches, 268 in the
        # week): 0.12-0.16 s with the pages in memory, 9 s the first time, now 0.02 s. Without
        # a window the matches drive (a scan of the whole table would be slower).
        conditions.append("+a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        args.append(fts_query(query))
    elif query:
        sql += " JOIN articles_fts f ON f.rowid = a.id"
        conditions.append("articles_fts MATCH ?")
        args.append(fts_query(query))
    if sources:
        conditions.append(f"a.source IN ({', '.join('?' * len(sources))})")
        args.extend(sources)
    if since:
        conditions.append("a.published >= ?")
        args.append(since.astimezone(UTC).isoformat())
    if until:
        conditions.append("a.published < ?")
        args.append(until.astimezone(UTC).isoformat())
    if where:
        conditions.append(where[0])
        args.extend(where[1])
    if conditions:
        sql += " WHERE " + " AND ".join(conditions)
    sql += " ORDER BY a.id"
    try:
        cursor = con.execute(sql, args)
    except sqlite3.OperationalError as exc:
        raise _query_error(exc) from None
    while True:
        rows = cursor.fetchmany(chunk)
        if not rows:
            break
        records = []
        for doc_id, src, title, published, url, path, text, extra in rows:
            rec = {"doc_id": doc_id, "source": src, "title": title, "published": published, "url": url,
                   "path": path, "text": text}  # fmt: skip
            if extra:
                rec.update(json.loads(extra))
            records.append(rec)
        yield coerce_frame(pd.DataFrame.from_records(records))


@_faults
def partitions(con: sqlite3.Connection) -> list[tuple[str | None, str | None, int]]:
    """(source, month ``YYYY-MM`` or None when undated, articles) of every partition."""
    return con.execute(
        "SELECT source, substr(published, 1, 7), count(*) FROM articles GROUP BY 1, 2 ORDER BY 1, 2"
    ).fetchall()


#: The longest source name in a partition folder, in bytes (file names hold 255 at most).
PARTITION_NAME_BYTES = 120


def partition_name(source: str | None) -> str:
    """The folder name of a source's partitions (after ``source=``): the name percent-encoded
    where a file name cannot hold it (``/``, a leading ``.``, control characters), ``(none)``
    for articles without one. A name longer than :data:`PARTITION_NAME_BYTES` once encoded is
    cut there and ends with ``~`` and a hash of the whole name, so that two long names that
    begin alike stay apart. The Parquet files keep the full name in their ``source`` column."""
    from urllib.parse import quote

    name = quote(source if source is not None else "(none)", safe=" ()&,'+-_.")
    name = "%2E" + name[1:] if name.startswith(".") else name
    if len(name) <= PARTITION_NAME_BYTES:
        return name
    digest = hashlib.blake2b(str(source).encode(), digest_size=8).hexdigest()
    cut = PARTITION_NAME_BYTES - len(digest) - 1
    if "%" in name[max(0, cut - 2) : cut]:  # not inside a %XX escape
        cut = name.rindex("%", 0, cut)
    return name[:cut].rstrip(" .") + "~" + digest


@_faults
def export_partitions(con: sqlite3.Connection, folder: str) -> int:
    """Write the store as a folder of Parquet files, ``source=NAME/month=YYYY-MM/part-0.parquet``
    (``month=undated`` for articles without a date; names as :func:`partition_name` makes
    them). One partition in memory at a time; the folder appears whole or not at all.
    Returns the number of files."""
    import shutil
    import tempfile

    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise UsageError(
            "the output is a file, and --partition writes a folder", where=folder,
            hint="give -o a new folder's name (or drop --partition to write one file)",
        )  # fmt: skip
    if target.exists() and any(target.iterdir()):
        raise UsageError(
            "the output folder exists and is not empty", where=folder,
            hint="remove it or give another -o folder",
        )  # fmt: skip
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError("output folder's parent does not exist", where=str(parent))
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
    files = 0
    try:
        for source, month, _ in partitions(con):
            part = tmp / f"source={partition_name(source)}" / f"month={month or 'undated'}"
            part.mkdir(parents=True)
            frames = list(
                read(
                    con, where=("a.source IS ? AND substr(a.published, 1, 7) IS ?", [source, month])
                )
            )
            pd.concat(frames, ignore_index=True).to_parquet(part / "part-0.parquet", index=False)
            files += 1
        if target.exists():
            target.rmdir()
        tmp.rename(target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return files


#: The largest integer SQLite takes as a parameter (a larger --limit means every match).
SQLITE_MAX_INT = 2**63 - 1


@_faults
def search(con: sqlite3.Connection, query: str, *, limit: int = 20) -> pd.DataFrame:
    """Full-text search: doc_id, source, published, title, snippet (the match in brackets),
    score. ``query`` is read as :func:`corpuscli.store.query.fts_query` says (FTS5 syntax where
    written on purpose, plain words elsewhere). ``score`` is the bm25 relevance as a positive
    number, higher for a better match (SQLite's ``bm25()`` negated); best first, ties by doc_id."""
    try:
        rows = con.execute(
            "SELECT a.doc_id, a.source, a.published, a.title, "
            "snippet(articles_fts, 1, '[', ']', '…', 12), -bm25(articles_fts) AS score "
            "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY score DESC, a.doc_id LIMIT ?",
            (fts_query(query), min(limit, SQLITE_MAX_INT)),  # more than it can bind: all
        ).fetchall()
    except sqlite3.OperationalError as exc:
        raise _query_error(exc) from None
    return pd.DataFrame(
        rows, columns=["doc_id", "source", "published", "title", "snippet", "score"]
    )


def _query_error(exc: sqlite3.OperationalError) -> UsageError:
    return UsageError(
        f"bad search query: {exc}",
        hint='close every quote; phrases go in double quotes: "five plus two districts"',
    )


#: What ``corpus store info --by`` can break the articles down by.
INFO_BY = ("source", "month", "source,month")


@_faults
def summary(con: sqlite3.Connection, path: str) -> pd.DataFrame:
    """The store in one row: articles, sources, first and last publication day, undated
    articles, size in bytes, last ingest, schema version, boilerplate patterns."""
    articles, sources, first, last, undated = con.execute(
        "SELECT count(*), count(DISTINCT source), substr(min(published), 1, 10), "
        "substr(max(published), 1, 10), sum(published IS NULL) FROM articles"
    ).fetchone()
    size = sum(
        os.path.getsize(f) for f in (path, path + "-wal") if os.path.exists(f)
    )  # the log holds committed articles not yet copied into the file
    return pd.DataFrame([{
        "articles": int(articles), "sources": int(sources), "first": first, "last": last,
        "undated": int(undated or 0), "bytes": int(size), "last_ingest": _last_ingest(con),
        "schema": int(con.execute("PRAGMA user_version").fetchone()[0]),
        "patterns": _pattern_count(con),
    }])  # fmt: skip


@_faults
def breakdown(con: sqlite3.Connection, by: str) -> pd.DataFrame:
    """Articles per source, per month (``YYYY-MM``, ``(undated)``) or per source and month
    (``by``: one of :data:`INFO_BY`), with the first and last publication day of each."""
    if by not in INFO_BY:
        raise UsageError(f"cannot break the store down by {by!r}", hint="use " + ", ".join(INFO_BY))
    keys = {
        "source": ["coalesce(source, '(none)')"],
        "month": ["coalesce(substr(published, 1, 7), '(undated)')"],
    }
    names = by.split(",")
    columns = [expr for name in names for expr in keys[name]]
    group = ", ".join(str(i + 1) for i in range(len(columns)))
    rows = con.execute(
        f"SELECT {', '.join(columns)}, count(*), substr(min(published), 1, 10), "
        f"substr(max(published), 1, 10) FROM articles GROUP BY {group} ORDER BY {group}"
    ).fetchall()
    return pd.DataFrame(rows, columns=[*names, "articles", "first", "last"])


def _has_index(con: sqlite3.Connection, name: str) -> bool:
    return bool(
        con.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)
        ).fetchone()
    )


def _has_table(con: sqlite3.Connection, name: str) -> bool:
    """Whether the store has table ``name`` (an older store opened read-only may lack one)."""
    return bool(
        con.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).fetchone()
    )


def _last_ingest(con: sqlite3.Connection) -> str | None:
    started: str | None = con.execute("SELECT max(started) FROM runs").fetchone()[0]
    return started


def _pattern_count(con: sqlite3.Connection) -> int:
    if not _has_table(con, "patterns"):
        return 0
    return int(con.execute("SELECT count(*) FROM patterns").fetchone()[0])


@_faults
def load_patterns(con: sqlite3.Connection, *, source: str | None = None) -> Patterns:
    """The boilerplate patterns kept in the store, per source (or of one ``source``)."""
    from corpuscli.boilerplate.detection import Patterns

    out = Patterns()
    if not _has_table(con, "patterns"):  # a store of schema 1, opened read-only
        return out
    for src, sig, example, articles in con.execute(
        "SELECT source, signature, example, articles FROM patterns "
        "WHERE ? IS NULL OR source = ? ORDER BY source, signature",
        (source, source),
    ):
        out.by_source.setdefault(src, {})[sig] = (example, articles)
    return out


@_faults
def pattern_table(con: sqlite3.Connection, *, source: str | None = None) -> pd.DataFrame:
    """The patterns as a table: source, example, articles, learned (most widespread first)."""
    if not _has_table(con, "patterns"):  # a store of schema 1, opened read-only
        return pd.DataFrame(columns=["source", "example", "articles", "learned"])
    rows = con.execute(
        "SELECT source, example, articles, learned FROM patterns WHERE ? IS NULL OR source = ? "
        "ORDER BY source, articles DESC, example",
        (source, source),
    ).fetchall()
    return pd.DataFrame(rows, columns=["source", "example", "articles", "learned"])


@_faults
def forget_patterns(con: sqlite3.Connection, source: str) -> int:
    """Drop every pattern of ``source``; returns how many went."""
    with _transaction(con):
        return con.execute("DELETE FROM patterns WHERE source = ?", (source,)).rowcount


@_faults
def save_patterns(con: sqlite3.Connection, patterns: Patterns) -> int:
    """Keep ``patterns`` in the store (a signature seen again keeps its largest article count);
    returns how many signatures are new."""
    before = con.execute("SELECT count(*) FROM patterns").fetchone()[0]
    stamp = _now()
    with _transaction(con):
        for source, sigs in patterns.by_source.items():
            for sig, (example, articles) in sigs.items():
                con.execute(
                    "INSERT INTO patterns(source, signature, example, articles, learned) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT(source, signature) DO UPDATE SET "
                    "articles = max(articles, excluded.articles), learned = excluded.learned",
                    (source, sig, example, int(articles), stamp),
                )
    return int(con.execute("SELECT count(*) FROM patterns").fetchone()[0] - before)


def check_not_readonly(path: str) -> None:
    folder = Path(path).resolve().parent
    if not os.access(folder, os.W_OK):
        raise InputError(
            "the store's folder is read-only", where=str(folder), hint="choose a writable place"
        )
