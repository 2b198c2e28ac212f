"""Reported speech (no quote marks) against the recall sets: every reported statement of articles
of outlets no quote label file holds, so that recall is measured, not guessed.

    python benchmarks/bench_reported_recall.py [--corpora DIR] [--set 1|2] [--half A|B|all] [--errors]

Set 1, labels/reported_recall.json: 24 articles of 12 outlets (drawn by draw_reported_recall.py).
Set 2, labels/reported_recall2.json: 13 articles of 13 other outlets, wire agencies and
broadcasters among them (drawn by draw_reported_recall2.py; its half B was scored before any rule
was written on its half A). The articles of each set fall in two halves by sha1(doc_id), fixed
before any was read: rules may be written on half A; half B is held aside and only scored. Only
the reported group is scored (the files label reported speech, kind indirect, and nothing in
quote marks): bench_quotes.evaluate with predictions of kind indirect only, matched to labels as
there (overlap at least half the label, one to one, largest overlap first), speakers judged as
there. `--errors` lists half A's misses, false finds and wrong speakers (it refuses B).
"""

from __future__ import annotations

import argparse
import json
import sys

from _harness import REPO, corpora_dir, table
from bench_quotes import Score, evaluate, load_texts

LABELS = {
    "1": REPO / "benchmarks" / "labels" / "reported_recall.json",
    "2": REPO / "benchmarks" / "labels" / "reported_recall2.json",
}
INDIRECT = frozenset({"indirect"})


def load_articles(which: str = "1") -> list[dict]:
    data = json.loads(LABELS[which].read_text(encoding="utf-8"))
    return [{**a, "corpus_path": data["corpora"][a["corpus"]]} for a in data["articles"]]


def score_half(articles: list[dict], texts: dict, half: str, errors: bool) -> Score:
    """Reported speech of the articles of ``half`` (A, B or all); ``errors`` prints half A's."""
    return evaluate(articles, texts, half, errors, kinds=INDIRECT, error_splits=("A",))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora")
    parser.add_argument("--set", choices=sorted(LABELS), default="1", dest="which")
    parser.add_argument("--half", choices=["A", "B", "all"], default="all")
    parser.add_argument("--errors", action="store_true", help="list half A's errors")
    args = parser.parse_args()
    if args.errors and args.half != "A":
        sys.exit("benchmarks: --errors lists half A only: use --half A")
    articles = load_articles(args.which)
    texts, _ = load_texts(articles, corpora_dir(args.corpora))
    halves = ["A", "B", "all"] if args.half == "all" else [args.half]
    rows = []
    for half in halves:
        score = score_half(articles, texts, half, args.errors)
        n = sum(1 for a in articles if half in ("all", a["split"]))
        rows.append([half, str(n), str(score.labels["reported"]), str(score.predicted["reported"]),
                     f"{score.precision('reported'):.3f}", f"{score.recall('reported'):.3f}",
                     f"{score.speakers('reported'):.3f}"])  # fmt: skip
    print(table(rows, ["half", "articles", "labels", "found", "reported P", "R", "speaker"]))


if __name__ == "__main__":
    main()
