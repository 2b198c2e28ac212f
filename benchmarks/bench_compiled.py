"""What compiling the boilerplate rules would buy: the same source, built with mypyc (the
compiler of typed Python that ships with mypy), against the plain modules, on the same articles.

    python benchmarks/bench_compiled.py [--corpora DIR] [--limit 3000] [--repeat 2]

The modules the per-block work runs in (the rules, shapes, vocabularies, notes, captions, calls,
teasers, evidence and the block signature) are copied with the rest of the package into a
temporary folder and compiled there (nothing in the checkout changes); then ``detect`` runs on
the first ``--limit`` AllSides articles in one process per build, in turn (A B A B ...), and
prints the CPU seconds of each run, the load average as it began, and whether the two builds'
verdicts are the same bytes. No package is installed: mypyc and a C compiler must be there
(``pip install mypy``); without them the script says so and stops.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _harness import REPO, corpora_dir, table

#: The modules compiled: where the per-block work of `corpus boilerplate` and `clean` runs.
MODULES = (
    "boilerplate/rules.py", "boilerplate/shapes.py", "boilerplate/vocabulary.py",
    "boilerplate/evidence.py", "boilerplate/calls.py", "boilerplate/captions.py",
    "boilerplate/notes.py", "boilerplate/teasers.py", "text/blocks.py",
)  # fmt: skip

#: One run: detect on the articles, the CPU seconds printed, the verdicts written as JSON Lines.
RUN = """
import json, sys, time
import pandas as pd
from corpuscli.boilerplate.detection import detect
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
frame = pd.DataFrame(rows).assign(doc_id=lambda f: f["id"])
start = time.process_time()
verdicts = detect(frame)
print(round(time.process_time() - start, 2))
verdicts.to_json(sys.argv[2], orient="records", lines=True, force_ascii=False)
"""


def build(into: Path) -> None:
    """A copy of the package under ``into``, its :data:`MODULES` compiled in place."""
    shutil.copytree(REPO / "src" / "corpuscli", into / "corpuscli")
    done = subprocess.run(
        [sys.executable, "-m", "mypyc", "--ignore-missing-imports",
         *(f"corpuscli/{m}" for m in MODULES)],
        cwd=into, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"benchmarks: mypyc failed:\n{(done.stdout + done.stderr)[-3000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", default=None)
    parser.add_argument("--limit", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        raise SystemExit("benchmarks: no C compiler here: mypyc cannot build")
    try:
        import mypyc  # noqa: F401
    except ImportError:
        raise SystemExit("benchmarks: mypyc is not installed (pip install mypy)") from None
    source = corpora_dir(args.corpora) / "article_bias_prediction_allsides" / "articles.jsonl.gz"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        articles = work / "articles.jsonl"
        with gzip.open(source, "rt", encoding="utf-8") as src, articles.open("w") as out:
            for k, line in enumerate(src):
                if k >= args.limit:
                    break
                out.write(line)
        compiled = work / "compiled"
        build(compiled)
        builds = {"plain": REPO / "src", "mypyc": compiled}
        rows = []
        for round_ in range(args.repeat):
            for name, path in builds.items():
                load = os.getloadavg()[0]
                done = subprocess.run(
                    [sys.executable, "-c", RUN, str(articles), str(work / f"{name}.jsonl")],
                    env={**os.environ, "PYTHONPATH": str(path)}, capture_output=True, text=True,
                    check=True,
                )  # fmt: skip
                rows.append([name, round_ + 1, float(done.stdout.split()[-1]), round(load, 1)])
        same = (work / "plain.jsonl").read_bytes() == (work / "mypyc.jsonl").read_bytes()
    print(table(rows, ["build", "run", "CPU s", "load"]))
    print(
        f"{args.limit} articles; verdicts of the two builds: {'same bytes' if same else 'DIFFERENT'}"
    )


if __name__ == "__main__":
    main()
