"""Counting speed and memory: `corpus terms` against polars, pandas, plain Python, scikit-learn and
NLTK, end to end (reading the JSONL included), on the same file in the same run.

    python benchmarks/bench_terms.py [--corpora DIR] [--limit N] [--skip-4x] [--nltk-mb 20]

Every peer lowercases and counts word tokens of the pattern \\w+ (corpus uses its own, richer
token pattern; the work is comparable). NLTK (TreebankWordTokenizer + FreqDist) is run on the
first --nltk-mb megabytes only, and its MB/s compared. The 4x corpus (the file repeated four
times) is run through corpus terms only, to show that memory stays flat while time grows linearly.
Keyness over all outlets (`corpus compare --by source`) reuses one counting pass: compare its time
with the unigram count's.

Times come from runs apart from the ones sampled for memory (see _harness). The speed-up of
`--jobs N` (N: all cores) over `--jobs 1` is the ratio of medians of --repeat interleaved runs,
on the corpus and on the 4x corpus, shown beside the most Amdahl's law allows given the start-up
(the time of `corpus terms` on ten articles: interpreter, imports, output — paid once whatever N).
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import sys
import tempfile
from pathlib import Path

from _harness import corpora_dir, corpus_argv, python, run, table, timed

PATTERN = r"\w+"


def peers(jsonl: Path, sample: Path) -> list[tuple[str, list[str], Path]]:
    j, s = str(jsonl), str(sample)
    return [
        ("polars extract_all + value_counts", python(
            "import polars as pl\n"
            f"df = pl.read_ndjson({j!r}, infer_schema_length=None)\n"
            f"c = df.select(pl.col('text').str.to_lowercase().str.extract_all({PATTERN!r})"
            ".explode().value_counts(sort=True))\nprint(len(c))"), jsonl),
        ("pandas findall + value_counts", python(
            "import pandas as pd\n"
            f"df = pd.read_json({j!r}, lines=True)\n"
            f"c = df['text'].str.lower().str.findall({PATTERN!r}).explode().value_counts()"), jsonl),
        ("re.findall + Counter (streaming)", python(
            "import json, re\nfrom collections import Counter\n"
            f"r = re.compile({PATTERN!r}); c = Counter()\n"
            f"for line in open({j!r}, 'rb'):\n    c.update(r.findall(json.loads(line)['text'].lower()))"),
            jsonl),
        ("scikit-learn CountVectorizer", python(
            "import json\nfrom sklearn.feature_extraction.text import CountVectorizer\n"
            f"texts = [json.loads(l)['text'] for l in open({j!r}, 'rb')]\n"
            f"m = CountVectorizer(token_pattern={PATTERN!r}).fit_transform(texts)\n"
            "totals = m.sum(axis=0)"), jsonl),
        ("NLTK Treebank + FreqDist (sample)", python(
            "import json\nfrom nltk import FreqDist\nfrom nltk.tokenize import TreebankWordTokenizer\n"
            "tok = TreebankWordTokenizer(); fd = FreqDist()\n"
            f"for line in open({s!r}, 'rb'):\n    fd.update(tok.tokenize(json.loads(line)['text'].lower()))"),
            sample),
    ]  # fmt: skip


def _settle(*paths: Path) -> None:
    """Write the new files out and read them once, so that the first tool timed does not pay for
    the disk catching up (every tool then reads the same cached file)."""
    os.sync()
    for path in paths:
        with path.open("rb") as handle:
            while handle.read(1 << 24):
                pass


def corpus_cmd(path: Path, *extra: str, command: str = "terms") -> list[str]:
    return corpus_argv(command, str(path), "-q", "-f", "tsv", *extra)


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def speedup(paths: list[tuple[str, Path]], tiny: Path, repeat: int) -> list[list[str]]:
    """Rows: --jobs 1 against all cores (medians of ``repeat`` interleaved runs), on each path."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    start_up = _median([timed(corpus_cmd(tiny, "--top", "100")) for _ in range(repeat)])
    rows = []
    for label, path in paths:
        times: dict[int, list[float]] = {1: [], cores or 1: []}
        for _ in range(repeat):
            for jobs in times:
                times[jobs].append(timed(corpus_cmd(path, "--top", "100", "--jobs", str(jobs))))
        one, many = _median(times[1]), _median(times[cores or 1])
        bound = one / (start_up + (one - start_up) / (cores or 1))
        rows.append([label, f"{one:.1f}", f"{many:.1f}", f"{one / many:.2f}x", f"{bound:.2f}x"])
        print(f"  --jobs on {label}: {one:.1f} s / {many:.1f} s", file=sys.stderr)
    print(f"start-up (corpus terms on ten articles): {start_up:.2f} s; {cores} cores")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--skip-4x", action="store_true")
    parser.add_argument("--skip-peers", action="store_true")
    parser.add_argument("--nltk-mb", type=float, default=20.0)
    parser.add_argument("--repeat", type=int, default=3, help="runs per --jobs speed-up median")
    args = parser.parse_args()
    corpora = corpora_dir(args.corpora)
    src = corpora / "article_bias_prediction_allsides" / "articles.jsonl.gz"
    with tempfile.TemporaryDirectory(prefix="corpuscli-bench-") as tmp:
        work = Path(tmp)
        jsonl, sample = work / "articles.jsonl", work / "sample.jsonl"
        tiny = work / "ten.jsonl"
        with gzip.open(src, "rb") as inp, jsonl.open("wb") as out, sample.open("wb") as samp:
            for n, line in enumerate(inp, start=1):
                out.write(line)
                if n <= 10:
                    with tiny.open("ab") as ten:
                        ten.write(line)
                if samp.tell() < args.nltk_mb * 1e6:
                    samp.write(line)
                if args.limit and n >= args.limit:
                    break
        _settle(jsonl, sample)
        size = jsonl.stat().st_size / 1e6
        print(
            f"corpus: {jsonl.name}, {size:.0f} MB of JSON Lines ({n:,} articles); "
            f"NLTK sample {sample.stat().st_size / 1e6:.0f} MB"
        )
        runs = [
            ("corpus terms (unigrams, all cores)", corpus_cmd(jsonl, "--top", "100"), jsonl),
            (
                "corpus terms (unigrams, --jobs 1)",
                corpus_cmd(jsonl, "--top", "100", "--jobs", "1"),
                jsonl,
            ),
            (
                "corpus terms --ngram 2 (all cores)",
                corpus_cmd(jsonl, "--top", "100", "--ngram", "2"),
                jsonl,
            ),
            (
                "corpus terms --ngram 2 --jobs 1",
                corpus_cmd(jsonl, "--top", "100", "--ngram", "2", "--jobs", "1"),
                jsonl,
            ),
            (
                "corpus compare --by source (keyness, 491 outlets)",
                corpus_cmd(jsonl, "--by", "source", "--top", "20", command="compare"),
                jsonl,
            ),
            (
                "corpus compare --by source --similarity",
                corpus_cmd(jsonl, "--by", "source", "--similarity", command="compare"),
                jsonl,
            ),
        ]
        if not args.skip_peers:
            runs += peers(jsonl, sample)
        measures = []
        for name, argv, path in runs:
            m = run(name, argv, timed_apart=True)
            measures.append((m, path.stat().st_size / 1e6))
            print(f"  {name}: {m.seconds:.1f} s, {m.peak_mb:,.0f} MB", file=sys.stderr)
        if not args.skip_4x:
            big = work / "articles_4x.jsonl"
            with big.open("wb") as out:
                for _ in range(4):
                    with jsonl.open("rb") as inp:
                        shutil.copyfileobj(inp, out)
            _settle(big)
            for name, argv in (
                ("corpus terms on the 4x corpus", corpus_cmd(big, "--top", "100")),
                (
                    "corpus terms --ngram 2 on the 4x corpus",
                    corpus_cmd(big, "--top", "100", "--ngram", "2"),
                ),
            ):
                m = run(name, argv, timed_apart=True)
                measures.append((m, big.stat().st_size / 1e6))
                print(f"  {name}: {m.seconds:.1f} s, {m.peak_mb:,.0f} MB", file=sys.stderr)
        scaled = [("the corpus", jsonl)] + ([] if args.skip_4x else [("the 4x corpus", big)])
        speedups = speedup(scaled, tiny, args.repeat)
    ours = measures[0][0]
    ours_rate = measures[0][1] / ours.seconds
    rows = []
    for m, mb in measures:
        rate = mb / m.seconds
        rows.append([m.name, f"{m.seconds:.1f}", f"{rate:.1f}", f"{m.peak_mb:,.0f}",
                     f"{ours_rate / rate:.2f}x"])  # fmt: skip
    print(
        table(
            rows,
            ["tool", "seconds", "MB/s", "peak MB (all processes)", "corpus terms is faster by"],
        )
    )
    print()
    print(
        table(
            speedups,
            ["corpus terms on", "--jobs 1 (s)", "all cores (s)", "speed-up", "Amdahl bound"],
        )
    )


if __name__ == "__main__":
    main()
