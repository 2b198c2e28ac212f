"""Same-story pairs, measured against the datasets' own labels (quotes and speakers, BASIL's
quoted spans included, are measured by bench_quotes.py).

    python benchmarks/bench_coverage.py [--corpora DIR]

- `corpus pairs` against the event ids of BASIL (100 events x Fox / NYT / HuffPost), alone and
  mixed with the other Fox / NYT / HuffPost articles of article_bias_prediction_allsides (an open
  world: precision and recall of the pairs that involve a BASIL article), of NewsWCL50 and of the
  NeuS AllSides roundups; with the time taken.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

import pandas as pd
from _harness import REPO, corpora_dir, table

sys.path.insert(0, str(REPO / "src"))

from corpuscli import load
from corpuscli.coverage.pairs import evaluate, find_pairs


def truth_pairs(frame: pd.DataFrame, event_col: str = "event_id") -> list[tuple[str, str]]:
    out = []
    for _, group in frame.groupby(event_col):
        rows = list(zip(group["doc_id"], group["source"], strict=True))
        out += [(a, b) for (a, sa), (b, sb) in itertools.combinations(rows, 2) if sa != sb]
    return out


def pairs_part(corpora: Path) -> None:
    rows = []
    basil = load([str(corpora / "basil" / "basil_articles.jsonl")]).frame
    truth = truth_pairs(basil)
    start = time.perf_counter()
    found = find_pairs(basil)
    rows.append(
        ["BASIL (300 articles)", *_fmt(evaluate(found, truth), time.perf_counter() - start)]
    )
    big = load([str(corpora / "article_bias_prediction_allsides" / "articles.jsonl.gz")]).frame
    names = {"Fox News": "Fox News", "Fox Online News": "Fox News", "New York Times - News": "The New York Times",
             "HuffPost": "HuffPost"}  # fmt: skip
    extra = big[big["source"].isin(names)].copy()
    extra["source"] = extra["source"].map(names)
    mixed = pd.concat([basil, extra], ignore_index=True)
    start = time.perf_counter()
    found = find_pairs(mixed)
    seconds = time.perf_counter() - start
    touching = found[found["doc_a"].isin(basil["doc_id"]) | found["doc_b"].isin(basil["doc_id"])]
    rows.append(
        [
            f"BASIL + {len(extra):,} other Fox/NYT/HuffPost articles",
            *_fmt(evaluate(touching, truth), seconds),
        ]
    )
    wcl = load([str(corpora / "newswcl50" / "newswcl50_articles.jsonl")]).frame
    start = time.perf_counter()
    found = find_pairs(wcl)
    rows.append(
        [
            "NewsWCL50 (50 articles)",
            *_fmt(evaluate(found, truth_pairs(wcl)), time.perf_counter() - start),
        ]
    )
    neus = load([str(corpora / "neus_allsides_roundups" / "articles.jsonl")]).frame
    start = time.perf_counter()
    found = find_pairs(neus)
    rows.append(
        [
            "NeuS roundups (1,479 excerpts)",
            *_fmt(evaluate(found, truth_pairs(neus)), time.perf_counter() - start),
        ]
    )
    print(table(rows, ["corpus", "pairs found", "true pairs", "precision", "recall", "seconds"]))
    start = time.perf_counter()
    found = find_pairs(big)
    print(f"all {len(big):,} articles of article_bias_prediction_allsides: {len(found):,} pairs in "
          f"{time.perf_counter() - start:.0f} s")  # fmt: skip


def _fmt(result: dict, seconds: float) -> list[str]:
    return [str(result["pairs_found"]), str(result["true_pairs"]), f"{result['precision']:.3f}",
            f"{result['recall']:.3f}", f"{seconds:.1f}"]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora")
    args = parser.parse_args()
    corpora = corpora_dir(args.corpora)
    pairs_part(corpora)


if __name__ == "__main__":
    main()
