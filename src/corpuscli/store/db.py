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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from corpuscli.errors import CorpusError, InputError, UsageError
from corpuscli.schema import CORE_COLUMNS, coerce_frame

if TYPE_CHECKING:
    from corpuscli.boilerplate.detection import Patterns

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
    problems: list = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def connect(path: str, *, create: bool = False) -> sqlite3.Connection:
    """Open (or, with ``create``, make) a store; refuse files that are not stores."""
    p = Path(path)
    if not p.exists() and not create:
        raise StoreError(
            "no store here", where=path, hint="create it with: corpus ingest FILES --store " + path
        )
    if p.exists() and p.is_dir():
        raise StoreError("is a folder, not a store file", where=path)
    try:
        con = sqlite3.connect(path, timeout=60, isolation_level=None)
        con.execute("PRAGMA busy_timeout = 60000")
        version = con.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"not a corpuscli store: {exc}", where=path, hint="give another --store file"
        ) from None
    if tables and "articles" not in tables:
        con.close()
        raise StoreError(
            "an SQLite file, but not a corpuscli store",
            where=path,
            hint="give another --store file",
        )
    if version > SCHEMA_VERSION:
        con.close()
        raise StoreError(
            f"made by a newer corpuscli (schema {version}, this one reads {SCHEMA_VERSION})",
            where=path,
            hint="upgrade corpuscli",
        )
    if not tables or version < SCHEMA_VERSION:
        try:
            _set_up(con)
        except sqlite3.OperationalError as exc:
            _rollback(con)
            con.close()
            raise StoreError(
                f"cannot write the store: {exc}", where=path, hint="check the folder's permissions"
            ) from None
    return con


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


def _key_and_hash(row: dict) -> tuple[str, str]:
    text = row["text"] or ""
    digest = hashlib.blake2b(
        f"{row.get('source') or ''}\x00{text}".encode(), digest_size=16
    ).hexdigest()
    return (str(row["doc_id"]) if row.get("doc_id") else digest), digest


def _extras(row: dict) -> str | None:
    extra = {
        k: v for k, v in row.items() if k not in CORE_COLUMNS and v is not None and v is not pd.NA
    }
    return json.dumps(extra, ensure_ascii=False, default=str, sort_keys=True) if extra else None


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


def ingest(
    con: sqlite3.Connection, chunks: Iterable[pd.DataFrame], files: Iterable[str] = ()
) -> IngestResult:
    """Add new articles, update changed ones, count the rest; one transaction per batch."""
    result = IngestResult()
    stamp = _now()
    batch: list[dict] = []
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
    con: sqlite3.Connection, rows: list[dict], stamp: str, result: IngestResult
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


def read(
    con: sqlite3.Connection,
    *,
    sources: Sequence[str] = (),
    since: datetime | None = None,
    until: datetime | None = None,
    query: str | None = None,
    chunk: int = 2000,
    where: tuple[str, list] | None = None,
) -> Iterator[pd.DataFrame]:
    """Articles of the store as corpus frames, reading only the rows the filters select
    (``where``: one more SQL condition on the articles ``a``, with its arguments)."""
    sql = "SELECT a.doc_id, a.source, a.title, a.published, a.url, a.path, a.text, a.extra FROM articles a"
    conditions: list[str] = []
    args: list = []
    if query:
        sql += " JOIN articles_fts f ON f.rowid = a.id"
        conditions.append("articles_fts MATCH ?")
        args.append(query)
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
        raise UsageError(
            f"bad search query: {exc}", hint='quote phrases: "five plus two districts"'
        ) from None
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


def partitions(con: sqlite3.Connection) -> list[tuple[str | None, str | None, int]]:
    """(source, month ``YYYY-MM`` or None when undated, articles) of every partition."""
    return con.execute(
        "SELECT source, substr(published, 1, 7), count(*) FROM articles GROUP BY 1, 2 ORDER BY 1, 2"
    ).fetchall()


def export_partitions(con: sqlite3.Connection, folder: str) -> int:
    """Write the store as a folder of Parquet files, ``source=NAME/month=YYYY-MM/part-0.parquet``
    (``month=undated`` for articles without a date; names percent-encoded where a file name
    cannot hold them). One partition in memory at a time; the folder appears whole or not at all.
    Returns the number of files."""
    import shutil
    import tempfile
    from urllib.parse import quote

    target = Path(folder)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
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
            name = quote(source if source is not None else "(none)", safe=" ()&,'+-_.")
            name = "%2E" + name[1:] if name.startswith(".") else name
            part = tmp / f"source={name}" / f"month={month or 'undated'}"
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


def search(con: sqlite3.Connection, query: str, *, limit: int = 20) -> pd.DataFrame:
    """Full-text search: doc_id, source, published, title, snippet (the match in brackets), rank."""
    try:
        rows = con.execute(
            "SELECT a.doc_id, a.source, a.published, a.title, "
            "snippet(articles_fts, 1, '[', ']', '…', 12), bm25(articles_fts) AS rank "
            "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank, a.doc_id LIMIT ?",
            (query, limit),
        ).fetchall()
    except sqlite3.OperationalError as exc:
        raise UsageError(
            f"bad search query: {exc}", hint='quote phrases: "five plus two districts"'
        ) from None
    frame = pd.DataFrame(
        rows, columns=["doc_id", "source", "published", "title", "snippet", "rank"]
    )
    frame["rank"] = frame["rank"].round(4)
    return frame


def info(con: sqlite3.Connection, path: str) -> pd.DataFrame:
    """Articles per source and month, with the store's size and last ingest."""
    rows = con.execute(
        "SELECT coalesce(source, '(none)'), coalesce(substr(published, 1, 7), '(undated)'), count(*) "
        "FROM articles GROUP BY 1, 2 ORDER BY 1, 2"
    ).fetchall()
    frame = pd.DataFrame(rows, columns=["source", "month", "articles"])
    last = con.execute("SELECT max(started) FROM runs").fetchone()[0]
    frame.attrs["summary"] = {
        "articles": int(con.execute("SELECT count(*) FROM articles").fetchone()[0]),
        "bytes": os.path.getsize(path),
        "last_ingest": last,
        "schema": SCHEMA_VERSION,
        "patterns": int(con.execute("SELECT count(*) FROM patterns").fetchone()[0]),
    }
    return frame


def load_patterns(con: sqlite3.Connection, *, source: str | None = None) -> Patterns:
    """The boilerplate patterns kept in the store, per source (or of one ``source``)."""
    from corpuscli.boilerplate.detection import Patterns

    out = Patterns()
    for src, sig, example, articles in con.execute(
        "SELECT source, signature, example, articles FROM patterns "
        "WHERE ? IS NULL OR source = ? ORDER BY source, signature",
        (source, source),
    ):
        out.by_source.setdefault(src, {})[sig] = (example, articles)
    return out


def pattern_table(con: sqlite3.Connection, *, source: str | None = None) -> pd.DataFrame:
    """The patterns as a table: source, example, articles, learned (most widespread first)."""
    rows = con.execute(
        "SELECT source, example, articles, learned FROM patterns WHERE ? IS NULL OR source = ? "
        "ORDER BY source, articles DESC, example",
        (source, source),
    ).fetchall()
    return pd.DataFrame(rows, columns=["source", "example", "articles", "learned"])


def forget_patterns(con: sqlite3.Connection, source: str) -> int:
    """Drop every pattern of ``source``; returns how many went."""
    with _transaction(con):
        return con.execute("DELETE FROM patterns WHERE source = ?", (source,)).rowcount


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
