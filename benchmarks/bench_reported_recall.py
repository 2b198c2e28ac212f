"""Reported speech (no quote marks) against labels/reported_recall.json: every reported statement
of 20+ articles of outlets no quote label file holds, so that recall is measured, not guessed.

    python benchmarks/bench_reported_recall.py [--corpora DIR] [--half A|B|all] [--errors]

The articles (drawn by draw_reported_recall.py) fall in two halves by sha1(doc_id), fixed before
any was read: rules may be written on half A; half B is held aside and only scored. Only the
reported group is scored (the file labels reported speech, kind indirect, and nothing in quote
marks): predictions of kind indirect are matched to labels as in bench_quotes.py (overlap at
least half the label, one to one, largest overlap first), speakers judged as there.
`--errors` lists half A's misses, false finds and wrong speakers (it refuses B).
"""

from __future__ import annotations

import argparse
import json
import sys

from _harness import REPO, corpora_dir, table
from bench_quotes import Score, _print_errors, load_texts

sys.path.insert(0, str(REPO / "src"))

from corpuscli.coverage.quotes import extract_quotes

LABELS = REPO / "benchmarks" / "labels" / "reported_recall.json"


def load_articles() -> list[dict]:
    data = json.loads(LABELS.read_text(encoding="utf-8"))
    return [{**a, "corpus_path": data["corpora"][a["corpus"]]} for a in data["articles"]]


def score_half(articles: list[dict], texts: dict, half: str, errors: bool) -> Score:
    score = Score()
    for a in articles:
        if half != "all" and a["split"] != half:
            continue
        text = texts[(a["corpus"], a["doc_id"])]
        if len(text) != a["text_length"]:
            raise SystemExit(f"benchmarks: {a['doc_id']}: the text is not the labelled one")
        found = [q for q in extract_quotes(text) if q.kind == "indirect"]
        errs = score.add(a["quotes"], found, text)
        if errors and a["split"] == "A":
            _print_errors({**a, "source": a["source"]}, text, errs)
    return score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora")
    parser.add_argument("--half", choices=["A", "B", "all"], default="all")
    parser.add_argument("--errors", action="store_true", help="list half A's errors")
    args = parser.parse_args()
    if args.errors and args.half != "A":
        sys.exit("benchmarks: --errors lists half A only: use --half A")
    articles = load_articles()
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
