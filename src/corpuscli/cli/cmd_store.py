"""`corpus ingest`, `corpus search` and `corpus store info|export`: the corpus store."""

from __future__ import annotations

import functools
import inspect
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from corpuscli.engine.compute import Compute
from corpuscli.engine.source import Source

from .command import Out, command, raw_csv, refuse_empty
from .help import CorpusGroup
from .options import (
    AllRowsOpt,
    DebugOpt,
    FormatOpt,
    OutputFormat,
    OutputOpt,
    QuietOpt,
    RawCsvOpt,
)
from .session import Session, running

if TYPE_CHECKING:
    import pandas as pd

INGEST_HELP = """Add articles to a corpus store (SQLite, made on first use): new ones are added, changed ones updated, the rest counted as duplicates; files unchanged since the last run (same path, size and time) are not read again. One transaction per batch: a run killed at any moment loses nothing committed, and two runs at once both succeed.

With --clean, boilerplate is removed before storing (the removed blocks are kept in a `removed` column, nothing is lost): the blocks repeated across the new articles of each outlet are learned and kept in the store, and the patterns learned on earlier runs (and any --patterns file) are applied too, so a single new article of a known outlet is cleaned as well as a large batch. Articles stored before are not changed.

Only the articles that pass --source, --since, --until and --dedupe are stored. Every analysis command reads a store with --store FILE (or CORPUSCLI_STORE), filtered by --source, --since, --until and --query (full text).
"""

INGEST_EPILOG = """\b
Examples:
  corpus ingest articles/ --store news.db
  corpus ingest feed.jsonl.gz --store news.db --set-source Reuters
  corpus ingest today/ --store news.db --clean
  corpus terms --store news.db --since 7d --by source
"""

SEARCH_HELP = """Full-text search of a corpus store. Words are searched as written (border-wall finds "border wall"); FTS5 syntax is honoured where written on purpose: phrases in double quotes, a * after a word (prefix), AND / OR / NOT / NEAR(...) in capitals, parentheses, title: or text: before a word. Columns: doc_id, source, published, title, snippet (the match in brackets), score (bm25 relevance: higher is better; best first)."""

SEARCH_EPILOG = """\b
Examples:
  corpus search '"five plus two districts"' --store news.db
  corpus search 'Shush*' --store news.db --limit 50
  corpus search 'border-wall AND title:trump' --store news.db
"""

store_app = typer.Typer(
    name="store",
    help="Look after a corpus store: info, patterns, export.",
    no_args_is_help=True,
    cls=CorpusGroup,
)

StoreRequired = Annotated[
    str, typer.Option("--store", metavar="FILE", envvar="CORPUSCLI_STORE", help="The store file.")
]


@command("input", "filters", "cleaning", "jobs", "output", without=("all_rows",))
def ingest_command(
    store_file: Annotated[
        str | None,
        typer.Option(
            "--store",
            metavar="FILE",
            envvar="CORPUSCLI_STORE",
            help="The store to add to (made on first use).",
        ),
    ] = None,
    *,
    session: Session,
    source: Source,
    compute: Compute,
    out: Out,
) -> None:
    import pandas as pd

    from corpuscli.errors import UsageError
    from corpuscli.io.loader import Loader
    from corpuscli.results import Table
    from corpuscli.store import db as store

    if not store_file:
        raise UsageError("corpus ingest needs --store FILE", hint="e.g. --store news.db")
    store.check_not_readonly(store_file)
    with store.writing(store_file, create=True) as con:
        items, missing = source.expand()
        known = store.unchanged_files(con, [str(i.path) for i in items if i.path is not None])
        loader = Loader(
            [], items=items, skip={str(Path(p).resolve()) for p in known},
            progress=compute.progress, **source.loader_options(),
        )  # fmt: skip
        chunks = loader.chunks()
        if source.clean is not None:
            chunks = _cleaned(
                session, con, chunks, source.clean.patterns, compute.cores, compute.progress
            )
        result = store.ingest(con, chunks, files=[])
        store.ingest(con, [], files=[f for f in loader.files_read if f != "-"])
        result.files_skipped = loader.skipped_files
    session.load.add(missing + loader.problems, loader.notes, loader.articles)
    table = pd.DataFrame([{"added": result.added, "updated": result.updated, "duplicates": result.duplicates,
                           "unchanged_files_skipped": result.files_skipped}])  # fmt: skip
    session.emit(Table(table, "ingest"), out.fmt, out.path)


def _cleaned(session: Session, con, chunks, patterns_file: str | None, jobs: int, progress=None):  # type: ignore[no-untyped-def]
    """The new articles cleaned of boilerplate with the store's patterns, the file's and what
    repeats among them; what they teach is kept in the store for the next runs."""
    import pandas as pd

    from corpuscli.boilerplate import detection as boilerplate
    from corpuscli.store import db as store

    frames = list(chunks)
    if not frames:
        return
    frame = pd.concat(frames, ignore_index=True)
    known = store.load_patterns(con)
    if patterns_file:
        known.merge(boilerplate.Patterns.load(patterns_file))
    learned = boilerplate.learn_repeats(frame)  # once: kept below, and applied with the others
    applied = boilerplate.Patterns()
    applied.merge(learned)
    applied.merge(known)  # what clean() would do when it learns for itself
    cleaned, verdicts = boilerplate.clean(
        frame, patterns=applied, learn=False, jobs=jobs, progress=progress, all_verdicts=False
    )
    new = store.save_patterns(con, learned)
    session.info(
        f"--clean removed {int(verdicts['boilerplate'].sum()):,} boilerplate blocks; "
        f"{new:,} new patterns kept in the store"
    )
    yield cleaned


@dataclass
class StoreOutput:
    """Where a store command writes: ``-o`` (or standard output) in the ``--format`` asked for."""

    session: Session
    fmt: OutputFormat
    path: str | None

    def format(self) -> str:
        """The concrete format (call it before long work: a bad ``-o`` name fails at once)."""
        return self.session.output_format(self.fmt, self.path)

    def emit(self, table: pd.DataFrame, title: str) -> None:
        from corpuscli.results import Table

        self.session.emit(Table(table, title), self.format(), self.path)


#: The options every store command shares, after its own, in --help order.
_STORE_SHARED: tuple[tuple[str, Any, Any], ...] = (
    ("store_file", StoreRequired, inspect.Parameter.empty),
    ("fmt", FormatOpt, OutputFormat.auto),
    ("output", OutputOpt, None),
    ("quiet", QuietOpt, False),
    ("all_rows", AllRowsOpt, False),
    ("debug", DebugOpt, False),
    ("raw_csv", RawCsvOpt, False),
)


def store_command(func: Callable[..., None]) -> Callable[..., None]:
    """Give a command that works on a store alone ``--store``, ``--format``, ``-o``, ``--quiet``
    and ``--debug``, once: it takes ``session`` (inside the error handling), ``con`` (the store,
    opened read-only: a command that changes it opens it again for writing),
    ``store_file`` and ``out`` (a :class:`StoreOutput`) besides its own options."""
    own = [
        param
        for name, param in inspect.signature(func, eval_str=True).parameters.items()
        if name not in ("session", "con", "store_file", "out")
    ]
    shared = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=kind)
        for name, kind, default in _STORE_SHARED
    ]

    @functools.wraps(func)
    def wrapper(**kwargs: Any) -> None:
        options = [(p.name, p.annotation, kwargs.get(p.name)) for p in own]
        options += [(n, kind, kwargs.get(n)) for n, kind, _ in _STORE_SHARED]
        store_file = kwargs.pop("store_file")
        fmt, output, raw = kwargs.pop("fmt"), kwargs.pop("output"), kwargs.pop("raw_csv")
        with running(
            quiet=kwargs.pop("quiet"), debug=kwargs.pop("debug"), all_rows=kwargs.pop("all_rows")
        ) as session:
            from corpuscli.store import db as store

            refuse_empty(options)
            out = StoreOutput(session, fmt, output)
            session.raw_csv = raw_csv(raw, out.format()) if raw else False
            with closing(store.connect(store_file)) as con:
                func(session=session, con=con, store_file=store_file, out=out, **kwargs)

    wrapper.__signature__ = inspect.Signature([*own, *shared])  # type: ignore[attr-defined]
    return wrapper


@store_command
def search_command(
    query: Annotated[str, typer.Argument(metavar="QUERY", help="An FTS5 query.")],
    limit: Annotated[int, typer.Option("--limit", min=1, help="How many results.")] = 20,
    *,
    session: Session,
    con: sqlite3.Connection,
    store_file: str,
    out: StoreOutput,
) -> None:
    from corpuscli.errors import NotFound
    from corpuscli.store import db as store

    out.format()  # a bad -o name fails before the search
    table = store.search(con, query, limit=limit)
    if table.empty:
        raise NotFound(f"nothing matches {query!r}", where=store_file)
    out.emit(table, title=f"search: {query}")


@store_app.command(
    "info",
    help="The store in one row: articles, sources, first and last publication day, undated "
    "articles, bytes, last ingest, schema, boilerplate patterns. --by source, month or "
    "source,month lists the articles of each (with their first and last day) instead.",
)
@store_command
def store_info(
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            metavar="source|month|source,month",
            help="Articles per source, per month, or per source and month.",
        ),
    ] = None,
    *,
    session: Session,
    con: sqlite3.Connection,
    store_file: str,
    out: StoreOutput,
) -> None:
    from corpuscli.store import db as store

    if by is not None:
        table = store.breakdown(con, by.replace(" ", ""))
        out.emit(table, title=f"store by {by}")
        return
    out.emit(store.summary(con, store_file), title="store")


@store_app.command(
    "patterns",
    help="The boilerplate patterns kept in the store (learned by corpus ingest --clean): source, "
    "example, articles, learned. --forget SOURCE drops an outlet's patterns (after a redesign), "
    "--save FILE writes them for corpus clean --patterns.",
)
@store_command
def store_patterns(
    source: Annotated[
        str | None, typer.Option("--source", metavar="NAME", help="Only this outlet's patterns.")
    ] = None,
    forget: Annotated[
        str | None,
        typer.Option("--forget", metavar="SOURCE", help="Drop every pattern of this outlet."),
    ] = None,
    save: Annotated[
        str | None,
        typer.Option("--save", metavar="FILE", help="Write them as a patterns file (JSON)."),
    ] = None,
    *,
    session: Session,
    con: sqlite3.Connection,
    store_file: str,
    out: StoreOutput,
) -> None:
    from corpuscli.store import db as store

    if forget:
        with store.writing(store_file) as writable:
            dropped = store.forget_patterns(writable, forget)
        session.info(f"dropped {dropped:,} patterns of {forget!r}")
        return
    out.format()  # a bad -o name fails before the patterns are written
    table = store.pattern_table(con, source=source)
    if save:
        from corpuscli.render.atomic import atomic_write_text

        patterns = store.load_patterns(con, source=source)
        atomic_write_text(save, lambda handle: handle.write(patterns.to_json()))
        session.info(f"saved {len(table):,} patterns to {save}")
    out.emit(table, title="boilerplate patterns")


@store_app.command(
    "export",
    help="The whole store as a corpus frame (-o corpus.parquet, .jsonl, ...), or with --partition "
    "a folder of Parquet files by source and month (source=NAME/month=YYYY-MM/part-0.parquet), "
    "read back by every command and by --engine dask.",
)
@store_command
def store_export(
    partition: Annotated[
        bool,
        typer.Option("--partition", help="Write a folder (-o DIR) partitioned by source/month."),
    ] = False,
    *,
    session: Session,
    con: sqlite3.Connection,
    store_file: str,
    out: StoreOutput,
) -> None:
    import pandas as pd

    from corpuscli.errors import UsageError
    from corpuscli.store import db as store

    if partition:
        if not out.path or out.path == "-":
            raise UsageError("--partition writes a folder", hint="give it with -o DIR")
        files = store.export_partitions(con, out.path)
        session.info(f"wrote {files:,} Parquet partitions to {out.path}")
        return
    out.format()  # a bad -o name fails before the whole store is read
    frames = list(store.read(con))
    out.emit(pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(), title="store")
