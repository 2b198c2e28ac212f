"""Speed goals of counting, each beside its peer, old and new code interleaved in one run.

    python benchmarks/bench_speed.py [--corpora DIR] [--repeat 5] [--baseline PYTHON]
                                     [--skip SECTION ...]

Sections (each tool in its own process, start-up and reading included; the figures are medians
of --repeat runs taken in turn, A B A B ..., so that the machine's drift hits every tool alike;
the spread (min-max) is printed beside each median):

- ``small``: `corpus terms` on the two seed articles (goal: 0.3 s), beside ``python -c "import
  pandas"`` (what a run that needs pandas pays before any work);
- ``gzip``: `corpus terms` on the shipped ``articles.jsonl.gz`` beside the same file
  decompressed (goal: within 15%);
- ``cpu``: CPU seconds (user + system, every process of the run) of `corpus terms` beside
  polars (``read_ndjson`` + ``extract_all`` + ``value_counts``) on the first 1,000, 3,000 and
  10,000 articles, the corpus and the corpus x4 (goal: no more CPU than polars, and faster end to end).

With ``--baseline PYTHON`` (the interpreter of another checkout's environment, e.g. the main
branch's), its `corpus` runs beside this one in every section, interleaved the same way. Peak
memory is the largest PSS sum of the process tree (see _harness), from one run apart.
"""

from __future__ import annotations

import argparse
import gzip
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _harness import corpora_dir, run, table

POLARS = (
    "import sys, polars as pl\n"
    "df = pl.read_ndjson(sys.argv[1], infer_schema_length=None)\n"
    "c = df.select(pl.col('text').str.to_lowercase().str.extract_all(r'\\w+')"
    ".explode().value_counts(sort=True))\n"
    "print(len(c))"
)


def timed_cpu(argv: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system of the process and every descendant it
    waited for) of one run of ``argv``, its output thrown away."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"benchmarks: {argv} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def interleaved(tools: dict[str, list[str]], repeat: int) -> dict[str, dict[str, list[float]]]:
    """``repeat`` rounds, each running every tool once in turn: wall and CPU seconds per tool."""
    out: dict[str, dict[str, list[float]]] = {name: {"wall": [], "cpu": []} for name in tools}
    for _ in range(repeat):
        for name, argv in tools.items():
            wall, cpu = timed_cpu(argv)
            out[name]["wall"].append(wall)
            out[name]["cpu"].append(cpu)
    return out


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})"


def corpus_cmd(python: str, *args: str) -> list[str]:
    return [python, "-m", "corpuscli", *args]


def pythons(args: argparse.Namespace) -> dict[str, str]:
    out = {"corpus": sys.executable}
    if args.baseline:
        out["corpus (baseline)"] = args.baseline
    return out


def small(args: argparse.Namespace, corpora: Path) -> None:
    seeds = corpora / "seeds"
    files = [str(p) for p in sorted(seeds.glob("*.txt"))]
    tools = {
        f"{label} terms (two seed articles)": corpus_cmd(py, "terms", *files, "-f", "tsv")
        for label, py in pythons(args).items()
    }
    tools["python -c 'import pandas'"] = [sys.executable, "-c", "import pandas"]
    tools["python -c 'pass'"] = [sys.executable, "-c", "pass"]
    times = interleaved(tools, args.repeat)
    rows = [[name, spread(t["wall"]), spread(t["cpu"])] for name, t in times.items()]
    print("\nSmall runs (goal: 0.3 s):")
    print(table(rows, ["run", "wall s, median (min-max)", "CPU s, median (min-max)"]))


def compressed(args: argparse.Namespace, work: Path, jsonl: Path, packed: Path) -> None:
    size = jsonl.stat().st_size / 1e6
    tools = {}
    for label, py in pythons(args).items():
        tools[f"{label} terms articles.jsonl.gz"] = corpus_cmd(
            py, "terms", str(packed), "-f", "tsv"
        )
        tools[f"{label} terms articles.jsonl"] = corpus_cmd(py, "terms", str(jsonl), "-f", "tsv")
    times = interleaved(tools, args.repeat)
    rows = []
    for name, t in times.items():
        peak = run(name, tools[name]).peak_mb
        rate = size / statistics.median(t["wall"])
        rows.append([name, spread(t["wall"]), spread(t["cpu"]), f"{rate:.1f}", f"{peak:,.0f}"])
    for label in pythons(args):
        gz = statistics.median(times[f"{label} terms articles.jsonl.gz"]["wall"])
        plain = statistics.median(times[f"{label} terms articles.jsonl"]["wall"])
        rows.append([f"{label}: .gz / plain", f"{gz / plain:.2f}x", "", "", ""])
    print("\nCompressed input (goal: .gz within 15% of the plain file):")
    print(table(rows, ["run", "wall s", "CPU s", "MB/s (decompressed)", "peak MB"]))


def cpu(args: argparse.Namespace, work: Path, jsonl: Path) -> None:
    lines = jsonl.read_bytes().splitlines(keepends=True)
    sizes: list[tuple[str, Path]] = []
    for n in (1_000, 3_000, 10_000):
        if str(n) in args.sizes:
            path = work / f"first{n}.jsonl"
            path.write_bytes(b"".join(lines[:n]))
            sizes.append((f"{n:,} articles", path))
    if "all" in args.sizes:
        sizes.append((f"the corpus ({len(lines):,})", jsonl))
    if "4x" in args.sizes and not args.skip_4x:
        big = work / "articles_4x.jsonl"
        with big.open("wb") as out:
            for _ in range(4):
                out.write(b"".join(lines))
        sizes.append(("the corpus x4", big))
    rows = []
    for label, path in sizes:
        tools = {
            f"{name} terms": corpus_cmd(py, "terms", str(path), "-f", "tsv")
            for name, py in pythons(args).items()
        }
        tools["polars"] = [sys.executable, "-c", POLARS, str(path)]
        repeat = args.repeat if path.stat().st_size < 300e6 else max(1, args.repeat // 2)
        times = interleaved(tools, repeat)
        mb = path.stat().st_size / 1e6
        polars_wall = statistics.median(times["polars"]["wall"])
        polars_cpu = statistics.median(times["polars"]["cpu"])
        for name, t in times.items():
            peak = run(name, tools[name]).peak_mb
            wall, cpu_s = statistics.median(t["wall"]), statistics.median(t["cpu"])
            rows.append([
                label, name, spread(t["wall"]), spread(t["cpu"]), f"{mb / wall:.1f}",
                f"{peak:,.0f}", f"{wall / polars_wall:.2f}x", f"{cpu_s / polars_cpu:.2f}x",
            ])  # fmt: skip
        print(f"  {label} done", file=sys.stderr)
    print("\nCounting per core (goal: CPU and wall time at most polars', at every size):")
    print(
        table(
            rows,
            ["input", "tool", "wall s", "CPU s", "MB/s", "peak MB", "wall / polars",
             "CPU / polars"],
        )
    )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--baseline", help="the python of another checkout's environment")
    parser.add_argument("--skip", nargs="*", default=[], choices=["small", "gzip", "cpu"])
    parser.add_argument("--skip-4x", action="store_true")
    parser.add_argument(
        "--sizes", default="1000,3000,10000,all,4x", help="inputs of the cpu section (comma list)"
    )
    args = parser.parse_args()
    corpora = corpora_dir(args.corpora)
    packed = corpora / "article_bias_prediction_allsides" / "articles.jsonl.gz"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{cores} cores; load average {os.getloadavg()[0]:.1f} at the start")
    if "small" not in args.skip:
        small(args, corpora)
    with tempfile.TemporaryDirectory(prefix="corpuscli-bench-") as tmp:
        work = Path(tmp)
        jsonl = work / "articles.jsonl"
        with gzip.open(packed, "rb") as inp, jsonl.open("wb") as out:
            shutil.copyfileobj(inp, out)
        if "gzip" not in args.skip:
            shutil.copy(packed, work / "articles.jsonl.gz")
            compressed(args, work, jsonl, work / "articles.jsonl.gz")
        if "cpu" not in args.skip:
            cpu(args, work, jsonl)
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
