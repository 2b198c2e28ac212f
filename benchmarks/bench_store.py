"""The corpus store for cron: ingest throughput, the re-run with nothing new, one more day of 500
articles, and full-text search latency, on the AllSides corpus (37,554 articles).

    python benchmarks/bench_store.py [--corpora DIR]

The corpus is split into everything but its last 500 articles (the "archive") and those 500 (the
"new day"). Steps, each a fresh `corpus` process as cron would run it:
1. ingest the archive into an empty store;
2. ingest it again (unchanged file: not even re-read);
3. ingest the new day;
4. search phrases, prefixes and boolean queries: in-process query time (the store opened once,
   median of 20 runs) and the whole `corpus search` command (process start included);
5. cron on a large store (``--cron``; ``--cron-only`` skips steps 1-4): a store of the corpus x4
   (four copies, ids told apart, each on the corpus's own dates, so a day holds four times the
   corpus's share of it: 76 articles on 2019-12-05), and a one-day report with a 7-day
   comparison (`corpus report --store news.db --since 2019-12-05 --until 2019-12-06
   --compare-to 7d`), median of --repeat runs; with ``--baseline PYTHON`` another checkout's
   `corpus` runs the same report in turn (A B A B ...). Goal: 5 s.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _harness import corpora_dir, corpus_argv, run, table, timed

#: The day of the cron report (a busy day: the 90th percentile of articles per day).
CRON_SINCE, CRON_UNTIL = "2019-12-05", "2019-12-06"


def cron(lines: list[bytes], work: Path, repeat: int, baseline: str | None) -> None:
    """A one-day report with a 7-day comparison on a store of the corpus x4 (see the module
    docstring), beside the same report by ``baseline``'s corpus."""
    copies = []
    for k in range(4):
        path = work / f"copy{k}.jsonl"
        with path.open("wb") as out:
            for line in lines:
                row = json.loads(line)
                row["id"] = f"{row.get('id')}-copy{k}"
                out.write(json.dumps(row).encode() + b"\n")
        copies.append(str(path))
    store = str(work / "news4.db")
    built = run("ingest the corpus x4", corpus_argv("ingest", *copies, "--store", store))
    size = Path(store).stat().st_size / 2**20
    print(f"\nstore of the corpus x4: {len(lines) * 4:,} articles, {size:,.0f} MB, built in "
          f"{built.seconds:.0f} s")  # fmt: skip
    args = ("report", "--store", store, "--since", CRON_SINCE, "--until", CRON_UNTIL,
            "--compare-to", "7d", "-f", "json", "-q")  # fmt: skip
    tools = {"corpus report (this checkout)": corpus_argv(*args)}
    if baseline:
        tools["corpus report (baseline)"] = [baseline, "-m", "corpuscli", *args]
    times: dict[str, list[float]] = {name: [] for name in tools}
    for _ in range(repeat):
        for name, argv in tools.items():
            times[name].append(timed(argv))
    rows = []
    for name, argv in tools.items():
        peak = run(name, argv).peak_mb
        t = times[name]
        rows.append([name, f"{statistics.median(t):.2f}", f"{min(t):.2f}-{max(t):.2f}",
                     f"{peak:,.0f}"])  # fmt: skip
    print(f"one-day report ({CRON_SINCE}) with a 7-day comparison, goal 5 s:")
    print(table(rows, ["run", "seconds (median)", "min-max", "peak MB"]))


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
    parser.add_argument("--cron", action="store_true", help="also the report on a x4 store")
    parser.add_argument("--cron-only", action="store_true")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--baseline", help="the python of another checkout's environment")
    args = parser.parse_args()
    source = corpora_dir(args.corpora) / "article_bias_prediction_allsides" / "articles.jsonl.gz"
    work = Path(tempfile.mkdtemp(prefix="corpus-store-"))
    try:
        with gzip.open(source, "rb") as handle:
            lines = handle.readlines()
        if args.cron or args.cron_only:
            cron(lines, work, args.repeat, args.baseline)
        if args.cron_only:
            return
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
