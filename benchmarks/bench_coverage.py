"""Same-story pairs and quote speakers, measured against the datasets' own labels.

    python benchmarks/bench_coverage.py [--corpora DIR]

- `corpus pairs` against the event ids of BASIL (100 events x Fox / NYT / HuffPost), alone and
  mixed with the other Fox / NYT / HuffPost articles of article_bias_prediction_allsides (an open
  world: precision and recall of the pairs that involve a BASIL article), of NewsWCL50 and of the
  NeuS AllSides roundups; with the time taken.
- Speaker attribution against BASIL's 722 quoted spans annotated with their speaker: of the
  spans with a named speaker that corpuscli finds inside a quote, how many it gives to that
  speaker (the last name must appear in corpuscli's speaker).
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import time
from pathlib import Path

import pandas as pd
from _harness import REPO, corpora_dir, table

sys.path.insert(0, str(REPO / "src"))

from corpuscli import load
from corpuscli.coverage.pairs import evaluate, find_pairs
from corpuscli.coverage.quotes import extract_quotes


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


_GROUP = re.compile(
    r"Party|Democrat|Republican|campaign|administration|Congress|House|Senate|GOP|Lawmakers|Catholics|NAACP",
    re.I,
)


def speakers_part(corpora: Path) -> None:
    articles = {}
    for line in (corpora / "basil" / "basil_articles.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        articles[row["id"]] = row
    spans = found = right = 0
    p_found = p_right = 0  # speakers that are people ("Donald_Trump"), not groups
    for line in (corpora / "basil" / "basil_annotations.jsonl").open(encoding="utf-8"):
        ann = json.loads(line)
        row = articles.get(ann["id"])
        if row is None:
            continue
        quotes = extract_quotes(row["text"])
        for span in ann["phrase-level-annotations"]:
            speaker = span.get("speaker") or ""
            if span.get("quote") != "yes" or not speaker or speaker.startswith("other"):
                continue
            spans += 1
            hit = next((q for q in quotes if span["txt"].strip('“”" ') in q.text), None)
            if hit is None:
                continue
            found += 1
            last = speaker.replace("_", " ").split()[-1].lower()
            ok = bool(hit.speaker) and last in hit.speaker.lower()
            right += ok
            parts = speaker.split("_")
            if (
                len(parts) >= 2
                and all(p[:1].isupper() for p in parts)
                and not _GROUP.search(speaker)
            ):
                p_found += 1
                p_right += ok
    print(f"BASIL quoted spans with a named speaker: {spans}; inside a quote corpuscli found: {found} "
          f"({found / spans:.2f}); speaker right: {right} ({right / max(found, 1):.2f} of those found); "
          f"of the {p_found} whose speaker is a person's name: {p_right} ({p_right / max(p_found, 1):.2f})")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora")
    args = parser.parse_args()
    corpora = corpora_dir(args.corpora)
    speakers_part(corpora)
    pairs_part(corpora)


if __name__ == "__main__":
    main()
