"""The corpus store for cron: ingest throughput, the re-run with nothing new, one more day of 500
articles, and full-text search latency, on the AllSides corpus (37,554 articles).

    python benchmarks/bench_store.py [--corpora DIR]

The corpus is split into everything but its last 500 articles (the "archive") and those 500 (the
"new day"). Steps, each a fresh `corpus` process as cron would run it:
1. ingest the archive into an empty store;
2. ingest it again (unchanged file: not even re-read);
3. ingest the new day;
4. search phrases, prefixes and boolean queries: in-process query time (the store opened once,
   median of 20 runs) and the whole `corpus search` command (process start included).
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _harness import corpora_dir, corpus_argv, run, table

QUERIES = (
    '"tax cuts and jobs act"',
    '"supreme court"',
    '"border wall" AND trump',
    "impeach*",
    '"climate change" NOT biden',
    '"health care"',
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora")
    args = parser.parse_args()
    source = corpora_dir(args.corpora) / "article_bias_prediction_allsides" / "articles.jsonl.gz"
    work = Path(tempfile.mkdtemp(prefix="corpus-store-"))
    try:
        with gzip.open(source, "rb") as handle:
            lines = handle.readlines()
        archive, day = work / "archive.jsonl", work / "day.jsonl"
        archive.write_bytes(b"".join(lines[:-500]))
        day.write_bytes(b"".join(lines[-500:]))
        store = str(work / "news.db")
        rows = []
        for name, argv, n in (
            (
                "ingest the archive",
                corpus_argv("ingest", str(archive), "--store", store),
                len(lines) - 500,
            ),
            (
                "ingest it again (nothing new)",
                corpus_argv("ingest", str(archive), "--store", store),
                0,
            ),
            ("ingest one more day", corpus_argv("ingest", str(day), "--store", store), 500),
        ):
            m = run(name, argv)
            rate = f"{n / m.seconds:,.0f}" if n else "-"
            rows.append([name, f"{n:,}", f"{m.seconds:.2f}", rate, f"{m.peak_mb:,.0f}"])
            print(f"  {name:32} {m.seconds:7.2f} s", flush=True)
        print()
        print(table(rows, ["step", "articles", "seconds", "articles/s", "peak MB"]))
        size = Path(store).stat().st_size / 2**20
        print(f"\nstore: {size:,.0f} MB for {len(lines):,} articles")

        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
        from corpuscli.store import db as store_mod

        con = store_mod.connect(store)
        search_rows = []
        for query in QUERIES:
            times = []
            for _ in range(20):
                start = time.perf_counter()
                found = store_mod.search(con, query, limit=20)
                times.append(time.perf_counter() - start)
            total = con.execute(
                "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (query,)
            ).fetchone()[0]
            m = run(f"search {query}", corpus_argv("search", query, "--store", store, "-f", "tsv"))
            search_rows.append([query, f"{total:,}", f"{len(found)}",
                                f"{statistics.median(times) * 1000:.1f}", f"{m.seconds:.2f}"])  # fmt: skip
        con.close()
        print()
        print(table(search_rows, ["query", "matches", "shown", "query ms (median)", "command s"]))
        print(f"\nSQLite {sqlite3.sqlite_version}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
