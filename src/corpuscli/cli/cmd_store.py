"""`corpus ingest`, `corpus search` and `corpus store info|export`: the corpus store."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Annotated

import typer

from ._command import corpus_command
from ._options import DebugOpt, FormatOpt, OutputFormat, OutputOpt, QuietOpt
from ._run import InputSpec, Run, command

INGEST_HELP = """Add articles to a corpus store (SQLite, made on first use): new ones are added, changed ones updated, the rest counted as duplicates; files unchanged since the last run (same path, size and time) are not read again. One transaction per batch: a run killed at any moment loses nothing committed, and two runs at once both succeed.

With --clean, boilerplate is removed before storing (the removed blocks are kept in a `removed` column, nothing is lost): the blocks repeated across the new articles of each outlet are learned and kept in the store, and the patterns learned on earlier runs (and any --patterns file) are applied too, so a single new article of a known outlet is cleaned as well as a large batch. Articles stored before are not changed.

Every analysis command reads a store with --store FILE (or CORPUSCLI_STORE), filtered by --source, --since, --until and --query (full text).
"""

INGEST_EPILOG = """\b
Examples:
  corpus ingest articles/ --store news.db
  corpus ingest feed.jsonl.gz --store news.db --source Reuters
  corpus ingest today/ --store news.db --clean
  corpus terms --store news.db --since 7d --by source
"""

SEARCH_HELP = """Full-text search of a corpus store: phrases in double quotes, prefixes with *, AND / OR / NOT; ranked by bm25. Columns: doc_id, source, published, title, snippet (the match in brackets), rank."""

SEARCH_EPILOG = """\b
Examples:
  corpus search '"five plus two districts"' --store news.db
  corpus search 'Shush*' --store news.db --limit 50
"""

store_app = typer.Typer(
    name="store", help="Look after a corpus store: info, patterns, export.", no_args_is_help=True
)

StoreRequired = Annotated[
    str, typer.Option("--store", metavar="FILE", envvar="CORPUSCLI_STORE", help="The store file.")
]


@corpus_command
def ingest_command(*, run: Run, inputs: InputSpec, fmt: str, output: str | None) -> None:
    import pandas as pd

    from corpuscli import store
    from corpuscli.errors import UsageError
    from corpuscli.io.inputs import expand_inputs
    from corpuscli.io.loader import Loader

    if not inputs.store:
        raise UsageError("corpus ingest needs --store FILE", hint="e.g. --store news.db")
    store.check_not_readonly(inputs.store)
    with closing(store.connect(inputs.store, create=True)) as con:
        paths = run.input_paths(inputs)
        items, _ = expand_inputs(paths)
        known = store.unchanged_files(con, [str(i.path) for i in items if i.path is not None])
        loader = Loader(
            paths, source=inputs.source, manifest=inputs.manifest, encoding=inputs.encoding,
            columns={k: v for k, v in inputs.columns.items() if v}, dedupe=inputs.dedupe,
            skip={str(Path(p).resolve()) for p in known},
        )  # fmt: skip
        chunks = loader.chunks()
        if inputs.clean:
            chunks = _cleaned(run, con, chunks, inputs.patterns)
        result = store.ingest(con, chunks, files=[])
        store.ingest(con, [], files=[f for f in loader.files_read if f != "-"])
        result.files_skipped = loader.skipped_files
    run.report_problems(loader.problems)
    for note in loader.notes:
        run.warn(note)
    run.partial = bool(loader.problems)
    table = pd.DataFrame([{"added": result.added, "updated": result.updated, "duplicates": result.duplicates,
                           "unchanged_files_skipped": result.files_skipped}])  # fmt: skip
    run.emit(table, fmt, output, title="ingest")


def _cleaned(run: Run, con, chunks, patterns_file: str | None):  # type: ignore[no-untyped-def]
    """The new articles cleaned of boilerplate with the store's patterns, the file's and what
    repeats among them; what they teach is kept in the store for the next runs."""
    import pandas as pd

    from corpuscli import boilerplate, store
    from corpuscli.parallel import available_cores

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
        frame, patterns=applied, learn=False, jobs=available_cores()
    )
    new = store.save_patterns(con, learned)
    run.info(
        f"--clean removed {int(verdicts['boilerplate'].sum()):,} boilerplate blocks; "
        f"{new:,} new patterns kept in the store"
    )
    yield cleaned


@contextmanager
def _opened(
    store_file: str, fmt: OutputFormat, output: str | None, quiet: bool, debug: bool
) -> Iterator[tuple[Run, str, sqlite3.Connection]]:
    """The run (errors mapped to exit codes), the output format and the open store, for the
    commands that work on a store alone."""
    with command(quiet=quiet, debug=debug) as run:
        from corpuscli import store

        out_fmt = run.output_format(fmt, output)
        with closing(store.connect(store_file)) as con:
            yield run, out_fmt, con


def search_command(
    query: Annotated[str, typer.Argument(metavar="QUERY", help="An FTS5 query.")],
    store_file: StoreRequired,
    limit: Annotated[int, typer.Option("--limit", min=1, help="How many results.")] = 20,
    fmt: FormatOpt = OutputFormat.auto,
    output: OutputOpt = None,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
) -> None:
    from corpuscli.errors import NotFound

    with _opened(store_file, fmt, output, quiet, debug) as (run, out_fmt, con):
        from corpuscli import store

        table = store.search(con, query, limit=limit)
        if table.empty:
            raise NotFound(f"nothing matches {query!r}", where=store_file)
        run.emit(table, out_fmt, output, title=f"search: {query}")


@store_app.command("info", help="Articles per source and month, the store's size and last ingest.")
def store_info(
    store_file: StoreRequired,
    fmt: FormatOpt = OutputFormat.auto,
    output: OutputOpt = None,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
) -> None:
    with _opened(store_file, fmt, output, quiet, debug) as (run, out_fmt, con):
        from corpuscli import store

        table = store.info(con, store_file)
        s = table.attrs["summary"]
        run.info(
            f"{s['articles']:,} articles, {s['bytes'] / 1e6:.1f} MB, last ingest {s['last_ingest']}, schema {s['schema']}, {s['patterns']:,} boilerplate patterns"
        )
        run.emit(table, out_fmt, output, title="store")


@store_app.command(
    "patterns",
    help="The boilerplate patterns kept in the store (learned by corpus ingest --clean): source, "
    "example, articles, learned. --forget SOURCE drops an outlet's patterns (after a redesign), "
    "--save FILE writes them for corpus clean --patterns.",
)
def store_patterns(
    store_file: StoreRequired,
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
    fmt: FormatOpt = OutputFormat.auto,
    output: OutputOpt = None,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
) -> None:
    with _opened(store_file, fmt, output, quiet, debug) as (run, out_fmt, con):
        from corpuscli import store

        if forget:
            dropped = store.forget_patterns(con, forget)
            run.info(f"dropped {dropped:,} patterns of {forget!r}")
            return
        table = store.pattern_table(con, source=source)
        if save:
            store.load_patterns(con, source=source).save(save)
            run.info(f"saved {len(table):,} patterns to {save}")
        run.emit(table, out_fmt, output, title="boilerplate patterns")


@store_app.command(
    "export",
    help="The whole store as a corpus frame (-o corpus.parquet, .jsonl, ...), or with --partition "
    "a folder of Parquet files by source and month (source=NAME/month=YYYY-MM/part-0.parquet), "
    "read back by every command and by --engine dask.",
)
def store_export(
    store_file: StoreRequired,
    partition: Annotated[
        bool,
        typer.Option("--partition", help="Write a folder (-o DIR) partitioned by source/month."),
    ] = False,
    fmt: FormatOpt = OutputFormat.auto,
    output: OutputOpt = None,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
) -> None:
    with command(quiet=quiet, debug=debug) as run:
        import pandas as pd

        from corpuscli import store
        from corpuscli.errors import UsageError

        if partition:
            if not output or output == "-":
                raise UsageError("--partition writes a folder", hint="give it with -o DIR")
            with closing(store.connect(store_file)) as con:
                files = store.export_partitions(con, output)
            run.info(f"wrote {files:,} Parquet partitions to {output}")
            return
        out_fmt = run.output_format(fmt, output)
        with closing(store.connect(store_file)) as con:
            frames = list(store.read(con))
        frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
        run.emit(frame, out_fmt, output, title="store")
