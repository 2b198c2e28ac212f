"""`corpus report` against running the separate commands it assembles, on the same articles.

    python benchmarks/bench_report.py [--corpora DIR] [--limit N]

The report loads the articles once, removes boilerplate once, counts words and two-word phrases
once (per source) and finds quotes once, then draws every section from those. The separate
commands each load the file again and do their own pass: stats, boilerplate, terms (words,
phrases, per source), compare (keyness), pairs, quotes, and one `corpus diff` per story pair that
the report shows. Both sides run with --clean where the report cleans, on all cores.
"""

from __future__ import annotations

import argparse
import gzip
import json
import tempfile
from pathlib import Path

from _harness import corpora_dir, corpus_argv, run, table


def corpus(*args: str) -> list[str]:
    return corpus_argv(*args, "-q")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    args = parser.parse_args()
    corpora = corpora_dir(args.corpora)
    src = corpora / "article_bias_prediction_allsides" / "articles.jsonl.gz"
    with tempfile.TemporaryDirectory(prefix="corpuscli-bench-") as tmp:
        work = Path(tmp)
        jsonl = work / "articles.jsonl"
        with gzip.open(src, "rb") as inp, jsonl.open("wb") as out:
            for n, line in enumerate(inp, start=1):
                out.write(line)
                if args.limit and n >= args.limit:
                    break
        print(f"corpus: {n:,} articles, {jsonl.stat().st_size / 1e6:.0f} MB of JSON Lines")
        f = str(jsonl)
        report = run(
            "corpus report (every section)",
            corpus("report", f, "-f", "json"),
            stdout=str(work / "report.json"),
        )
        data = json.loads((work / "report.json").read_text(encoding="utf-8"))
        pairs = [(p["pair"]["doc_a"], p["pair"]["doc_b"]) for p in data.get("pairs") or []]
        steps = [
            ("stats --by source", corpus("stats", f, "--by", "source", "-f", "tsv")),
            ("boilerplate (detect)", corpus("boilerplate", f, "-f", "tsv")),
            ("terms --clean (words)", corpus("terms", f, "--clean", "-f", "tsv", "-n", "10")),
            (
                "terms --clean --ngram 2",
                corpus("terms", f, "--clean", "--ngram", "2", "-f", "tsv", "-n", "10"),
            ),
            (
                "terms --clean --by source",
                corpus("terms", f, "--clean", "--by", "source", "--long", "-f", "tsv", "-n", "10"),
            ),
            ("compare --clean (keyness)", corpus("compare", f, "--clean", "-f", "tsv")),
            ("pairs --clean", corpus("pairs", f, "--clean", "-f", "tsv")),
            ("quotes --clean", corpus("quotes", f, "--clean", "-f", "tsv")),
        ]
        rows, total, peak = [], 0.0, 0.0
        for name, argv in steps:
            m = run(name, argv, stdout=str(work / "out.tsv"))
            total += m.seconds
            peak = max(peak, m.peak_mb)
            rows.append([f"corpus {name}", f"{m.seconds:.1f}", f"{m.peak_mb:,.0f}"])
        if pairs:
            diff_seconds, diff_peak = 0.0, 0.0
            for a, b in pairs:
                m = run("diff", corpus("diff", a, b, "--corpus", f, "--clean", "-f", "json"))
                diff_seconds += m.seconds
                diff_peak = max(diff_peak, m.peak_mb)
            total += diff_seconds
            peak = max(peak, diff_peak)
            name = f"corpus diff x {len(pairs)} (the report's pairs)"
            rows.append([name, f"{diff_seconds:.1f}", f"{diff_peak:,.0f}"])
        rows.append(["sum of the separate commands", f"{total:.1f}", f"{peak:,.0f} (largest)"])
        rows.append([report.name, f"{report.seconds:.1f}", f"{report.peak_mb:,.0f}"])
        print(table(rows, ["run", "seconds", "peak MB"]))
        print(
            f"the report takes {report.seconds / total:.2f}x the time of the separate commands "
            f"({total / report.seconds:.1f}x faster)"
        )


if __name__ == "__main__":
    main()
