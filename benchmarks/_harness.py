"""Run a tool in a fresh subprocess and measure its wall time and peak memory.

Peak memory is the largest sum of the proportional set sizes (PSS) of the process and all its
descendants (worker processes included), sampled every 0.1 s from /proc. Reading a process's
memory map holds its memory lock and delays its page faults: with ``timed_apart``, the time is
taken from a second run that is not sampled (a parallel run was about 5% slower sampled).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Mapping
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


#: The corpora the judged samples of benchmarks/labels/ draw their articles from: each one's file
#: under the corpora, and the prefix its doc_ids carry in a sample that mixes corpora in one list
#: of doc_ids ("as:GjMR6lcpNodA0q8o").
SAMPLE_CORPORA = {
    "allsides": ("article_bias_prediction_allsides/articles.jsonl.gz", "as:"),
    "newswcl50": ("newswcl50/newswcl50_articles.jsonl", "wcl:"),
    "bbc": ("bbc_news_2225/bbc_articles.jsonl", "bbc:"),
    "basil": ("basil/basil_articles.jsonl", "basil:"),
    "reuters": ("reuters21578/reuters21578.jsonl.gz", "reu:"),
    "scrapinghub": ("scrapinghub_article_extraction_benchmark/gold.jsonl", "sh:"),
    "mozilla": ("mozilla_readability_testpages_news/gold.jsonl", "moz:"),
}


def judged_articles(
    corpora: Path, ids: Mapping[str, Iterable[str]], *, prefixed: bool = False
) -> dict[str, str]:
    """The texts of a judged sample's articles by doc_id: ``ids`` gives the doc_ids wanted of
    each corpus of :data:`SAMPLE_CORPORA` by its name, and each corpus is read with
    ``corpuscli.load`` (as `corpus` reads it), so the texts are the ones the rows were drawn
    from. ``prefixed``: the doc_ids returned carry their corpus's prefix (see
    :func:`by_corpus`). corpuscli must be importable (the benchmarks put the checkout's src/
    first on the path)."""
    from corpuscli import load

    texts: dict[str, str] = {}
    for corpus, wanted in ids.items():
        path, prefix = SAMPLE_CORPORA[corpus]
        frame = load([str(corpora / path)]).frame
        frame = frame[frame["doc_id"].astype(str).isin(set(wanted))]
        keys = (prefix if prefixed else "") + frame["doc_id"].astype(str)
        texts.update(zip(keys, frame["text"], strict=True))
    return texts


def by_corpus(doc_ids: Iterable[str]) -> dict[str, set[str]]:
    """Prefixed doc_ids ("as:…", "bbc:…") grouped by the corpus of :data:`SAMPLE_CORPORA` their
    prefix names, without the prefix: what :func:`judged_articles` takes."""
    wanted: dict[str, set[str]] = {}
    for doc_id in doc_ids:
        for corpus, (_, prefix) in SAMPLE_CORPORA.items():
            if doc_id.startswith(prefix):
                wanted.setdefault(corpus, set()).add(doc_id.removeprefix(prefix))
                break
        else:
            raise SystemExit(f"benchmarks: {doc_id!r} names no corpus of the samples")
    return wanted


LABELS = REPO / "benchmarks" / "labels"


def labelled_ids(names: Iterable[str], *, scanned: bool = False) -> set[str]:
    """The doc_ids, corpus prefix dropped ("as:GjMR6lcpNodA0q8o" -> "GjMR6lcpNodA0q8o"), that the
    label sets and judged samples ``names`` of benchmarks/labels/ hold: their labelled articles
    (records with a ``doc_id`` or ``id``, or plain ids) and the ``doc_id`` of each judged row; with
    ``scanned`` also the articles a sample drew its rows from (``"articles": {"allsides": [...]}``),
    most of them never read. A draw leaves these articles out so that no rule writer has read its
    text. A name that holds "fresh" (a held-out set, never opened) is refused."""
    ids: set[str] = set()
    for name in names:
        if "fresh" in name:
            raise SystemExit(f"benchmarks: {name} is held out and never read here")
        data = json.loads((LABELS / name).read_text(encoding="utf-8"))
        records = [*data.get("rows", [])]
        articles = data.get("articles", [])
        if isinstance(articles, list):
            records += [a if isinstance(a, dict) else {"doc_id": a} for a in articles]
        elif scanned:
            records += [{"doc_id": i} for per_corpus in articles.values() for i in per_corpus]
        for record in records:
            doc_id = record.get("doc_id", record.get("id"))
            if doc_id is not None:
                ids.add(_unprefixed(str(doc_id)))
    return ids


def _unprefixed(doc_id: str) -> str:
    for _, prefix in SAMPLE_CORPORA.values():
        if doc_id.startswith(prefix):
            return doc_id.removeprefix(prefix)
    return doc_id


@dataclass
class Measure:
    name: str
    seconds: float
    peak_mb: float
    result: dict


_PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def _pss_kb(pid: int) -> int:
    """Proportional set size: resident memory with pages shared between processes (a forked
    worker's copy of its parent's imports) divided among them, so a tree's sum is honest."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    with open(f"/proc/{pid}/statm") as handle:
        return int(handle.read().split()[1]) * _PAGE_KB


def _tree_rss_kb(root: int) -> int:
    """Memory (PSS) of ``root`` and its descendants (read from /proc, only that tree)."""
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        try:
            total += _pss_kb(pid)
            for tid in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{tid}/children") as handle:
                    stack.extend(int(c) for c in handle.read().split())
        except (OSError, ValueError):
            continue
    return total


def tree_pss_kb(root: int) -> int:
    """Memory (PSS, kB) of the process ``root`` and all its descendants, now."""
    return _tree_rss_kb(root)


def run(
    name: str, argv: list[str], *, stdout: str | None = None, timed_apart: bool = False
) -> Measure:
    """Run ``argv``; its last stdout line may be a JSON object of results. With ``timed_apart``
    it runs twice: once sampled for memory, once timed."""
    measure = _run(name, argv, stdout=stdout)
    if timed_apart:
        measure.seconds = timed(argv, stdout=stdout)
    return measure


def timed(argv: list[str], *, stdout: str | None = None) -> float:
    """Wall seconds of one run of ``argv``, nothing sampled."""
    start = time.perf_counter()
    with open(stdout or os.devnull, "w") as out_handle:
        proc = subprocess.run(argv, stdout=out_handle, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"benchmarks: {argv} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return seconds


def _run(name: str, argv: list[str], *, stdout: str | None = None) -> Measure:
    start = time.perf_counter()
    out_handle = open(stdout, "w") if stdout else subprocess.PIPE  # noqa: SIM115
    proc = subprocess.Popen(argv, stdout=out_handle, stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if stdout:
        out_handle.close()
    if proc.returncode:
        raise SystemExit(f"benchmarks: {name} failed ({proc.returncode}):\n{err[-3000:]}")
    result = {}
    if out and out.strip():
        try:
            result = json.loads(out.strip().splitlines()[-1])
        except ValueError:
            result = {}
    return Measure(name, seconds, peak / 1024, result)


def corpus_argv(*args: str) -> list[str]:
    """The command line of ``corpus ARGS`` run by this Python (the checkout's corpuscli)."""
    return [sys.executable, "-m", "corpuscli", *args]


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(r: list[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)) + " |"

    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), sep, *(line(r) for r in rows)])
