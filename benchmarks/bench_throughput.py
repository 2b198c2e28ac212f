"""Throughput of the analyses around counting: `boilerplate`, `clean`, `quotes`, `pairs`,
`stories` and `report`.

    python benchmarks/bench_throughput.py [--corpora DIR] [--limit 10000] [--repeat 1]
                                          [--full [--no-subset]] [--baseline PYTHON]
                                          [--only CMD ...]

Each command runs in its own process on the first ``--limit`` articles of the AllSides corpus
(JSON Lines, decompressed beforehand), on all cores, start-up, reading and writing included;
with ``--full``, once more at the end on the whole corpus. Printed per run: wall seconds, CPU
seconds (user + system of the process and every worker it waited for: the steadier yardstick
on a shared machine), MB/s (input bytes over wall seconds), the peak memory of the process
tree (the largest PSS sum, sampled every 0.1 s in the same run: see _harness) and the load
average of the machine as the run began.

With ``--baseline PYTHON`` (another checkout's interpreter), its `corpus` runs beside this one,
in turn (A B A B ...), so that the machine's drift hits both alike, and the outputs of the two
are compared byte for byte (printed: "same bytes" or "DIFFERENT"). The issue's goals: at least
20 MB/s for every command, and `report` over the full corpus within 30 s and 2 GB.
"""

from __future__ import annotations

import argparse
import gzip
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _harness import corpora_dir, table, tree_pss_kb

COMMANDS = ("boilerplate", "clean", "quotes", "pairs", "stories", "report")


def command_args(name: str, jsonl: Path, out: Path) -> list[str]:
    """The arguments of one command over ``jsonl``, its output written under ``out``."""
    if name == "boilerplate":
        return ["boilerplate", str(jsonl), "-f", "tsv", "-o", str(out / "boilerplate.tsv")]
    if name == "clean":
        return ["clean", str(jsonl), "-o", str(out / "clean.jsonl")]
    if name == "quotes":
        return ["quotes", str(jsonl), "-f", "tsv", "-o", str(out / "quotes.tsv")]
    if name == "pairs":
        return ["pairs", str(jsonl), "-f", "tsv", "-o", str(out / "pairs.tsv")]
    if name == "stories":
        return ["stories", str(jsonl), "-f", "tsv", "-o", str(out / "stories.tsv")]
    return ["report", str(jsonl), "-f", "json", "-o", str(out / "report.json")]


def measured(argv: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (every process of the run) and peak PSS (MB) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_pss_kb(proc.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"benchmarks: {argv} failed ({proc.returncode}):\n{err[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, peak / 1024


def spread(values: list[float]) -> str:
    if len(values) == 1:
        return f"{values[0]:.1f}"
    return f"{statistics.median(values):.1f} ({min(values):.1f}-{max(values):.1f})"


def same_outputs(folders: list[Path]) -> str:
    """Whether the files of the folders (one per checkout) are the same, byte for byte."""
    names = sorted(p.name for p in folders[0].iterdir())
    for name in names:
        first = (folders[0] / name).read_bytes()
        if any((folder / name).read_bytes() != first for folder in folders[1:]):
            return f"DIFFERENT ({name})"
    return "same bytes"


def bench(
    jsonl: Path, label: str, pythons: dict[str, str], commands: list[str], repeat: int
) -> list[list[str]]:
    size = jsonl.stat().st_size / 1e6
    results: dict[tuple[str, str], dict[str, list[float]]] = {}
    with tempfile.TemporaryDirectory(prefix="corpuscli-thru-") as tmp:
        for _ in range(repeat):
            for name in commands:
                for who, python in pythons.items():
                    out = Path(tmp) / who.replace(" ", "_")
                    out.mkdir(exist_ok=True)
                    argv = [python, "-m", "corpuscli", *command_args(name, jsonl, out), "-q"]
                    load = os.getloadavg()[0]
                    wall, cpu, peak = measured(argv)
                    got = results.setdefault((name, who), {"wall": [], "cpu": [], "mb": [],
                                                           "load": []})  # fmt: skip
                    for key, value in (("wall", wall), ("cpu", cpu), ("mb", peak), ("load", load)):
                        got[key].append(value)
                    print(f"  {label} {name} [{who}]: {wall:.1f} s wall, {cpu:.1f} s CPU, "
                          f"{peak:,.0f} MB, load {load:.1f}", flush=True)  # fmt: skip
                if len(pythons) > 1:
                    folders = [Path(tmp) / who.replace(" ", "_") for who in pythons]
                    print(f"  {label} {name}: {same_outputs(folders)}", flush=True)
    rows = []
    for (name, who), got in results.items():
        wall = statistics.median(got["wall"])
        rows.append([
            label, f"`{name}`" + ("" if who == "corpus" else f" ({who})"), spread(got["wall"]),
            spread(got["cpu"]), f"{size / wall:.1f}", f"{max(got['mb']):,.0f}",
            f"{statistics.median(got['load']):.1f}",
        ])  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora")
    parser.add_argument("--limit", type=int, default=10_000, help="articles of the subset")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--full", action="store_true", help="the whole corpus too, at the end")
    parser.add_argument("--no-subset", action="store_true", help="with --full: the corpus only")
    parser.add_argument("--baseline", help="another checkout's Python, run beside this one")
    parser.add_argument("--only", nargs="*", choices=COMMANDS, default=list(COMMANDS))
    args = parser.parse_args()
    corpora = corpora_dir(args.corpora)
    src = corpora / "article_bias_prediction_allsides" / "articles.jsonl.gz"
    pythons = {"corpus": sys.executable}
    if args.baseline:
        pythons["before"] = args.baseline
    rows = []
    with tempfile.TemporaryDirectory(prefix="corpuscli-bench-") as tmp:
        full, subset = Path(tmp) / "articles.jsonl", Path(tmp) / "subset.jsonl"
        with gzip.open(src, "rb") as inp, full.open("wb") as out, subset.open("wb") as part:
            for n, line in enumerate(inp, start=1):
                out.write(line)
                if n <= args.limit:
                    part.write(line)
        label = f"{args.limit:,} articles ({subset.stat().st_size / 1e6:.0f} MB)"
        if not args.no_subset:
            rows += bench(subset, label, pythons, args.only, args.repeat)
        if args.full:
            label = f"the corpus ({full.stat().st_size / 1e6:.0f} MB)"
            rows += bench(full, label, pythons, args.only, 1)
    print()
    print(table(rows, ["input", "command", "wall s", "CPU s", "MB/s", "peak MB", "load"]))


if __name__ == "__main__":
    main()
