"""Run a snippet of Python in a fresh subprocess and measure wall time and peak memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def corpora_dir(arg: str | None) -> Path:
    """The shared corpora: --corpora, else $CORPUSCLI_CORPORA, else ../shared/corpora."""
    candidates = [arg, os.environ.get("CORPUSCLI_CORPORA"), str(REPO.parent / "shared" / "corpora")]
    for cand in candidates:
        if cand and Path(cand).is_dir():
            return Path(cand)
    sys.exit("benchmarks: corpora not found; give --corpora PATH or set CORPUSCLI_CORPORA")


@dataclass
class Measure:
    name: str
    seconds: float
    peak_mb: float
    result: dict


def run(name: str, code: str, *, env: dict[str, str] | None = None) -> Measure:
    """Run ``code`` (which must print one JSON object as its last line) in a new interpreter."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )
    out, err = proc.communicate()
    usage = None
    seconds = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"benchmarks: {name} failed:\n{err[-2000:]}")
    last = out.strip().splitlines()[-1] if out.strip() else "{}"
    result = json.loads(last)
    peak = result.pop("_peak_kb", None)
    if peak is None and usage is not None:
        peak = usage.ru_maxrss
    return Measure(name, result.pop("_seconds", seconds), (peak or 0) / 1024, result)


PEAK = (
    "import resource, json as _j, time as _t\n"
    "def _report(d, t0):\n"
    "    d['_peak_kb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "    d['_seconds'] = _t.perf_counter() - t0\n"
    "    print(_j.dumps(d))\n"
)


def table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(r):
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)) + " |"

    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), sep, *(line(r) for r in rows)])
