"""Draw the random sample of quote-mark rows judged in labels/marked_rows_sample.json.

    python benchmarks/draw_marked_sample.py [--corpora DIR] OUT.json

Articles: with random.Random(20261208), from each corpus file (in the order of ``COUNTS``) a
sample of its articles, the articles of every quote label and of reported_rows_sample.json
left out; the rules of the day run on them, and random.Random(16).sample draws ``ROWS`` of
their rows of kind direct or partial. Each row's half is sha1("doc_id|start|end") mod 2 (even
A, odd B), as in score_reported_sample.py. OUT gets the articles, the rows (with their text
and the sentence around them, for the judge) and, per article, every marked row found.
"""

from __future__ import annotations

import argparse
import json
import random
import sys

from _harness import REPO, corpora_dir, labelled_ids
from score_reported_sample import half

sys.path.insert(0, str(REPO / "src"))

from corpuscli import load
from corpuscli.coverage.quotes import extract_quotes

FILES = {
    "allsides": "article_bias_prediction_allsides/articles.jsonl.gz",
    "bbc": "bbc_news_2225/bbc_articles.jsonl",
    "newswcl50": "newswcl50/newswcl50_articles.jsonl",
    "basil": "basil/basil_articles.jsonl",
}
COUNTS = {"allsides": 400, "bbc": 80, "newswcl50": 30, "basil": 60}
ROWS = 240
#: The articles left out: of the quote labels, and every article reported_rows_sample.json drew.
LABEL_SETS = ("quotes_us.json", "quotes_intl.json", "quotes_dev2.json", "reported_rows_sample.json")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora")
    parser.add_argument("out")
    args = parser.parse_args()
    corpora = corpora_dir(args.corpora)
    used = labelled_ids(LABEL_SETS, scanned=True)
    rng = random.Random(20261208)
    articles: dict[str, list[str]] = {}
    rows = []
    found: dict[str, str] = {}
    for corpus, count in COUNTS.items():
        frame = load([str(corpora / FILES[corpus])]).frame
        ids = [i for i in frame["doc_id"].astype(str) if i not in used]
        chosen = rng.sample(ids, min(count, len(ids)))
        articles[corpus] = chosen
        frame = frame[frame["doc_id"].astype(str).isin(set(chosen))]
        for doc_id, source, text in zip(
            frame["doc_id"].astype(str), frame["source"], frame["text"], strict=True
        ):
            spans = []
            for q in extract_quotes(text):
                if q.kind in ("direct", "partial"):
                    spans.append(f"{q.start}-{q.end}")
                    a, b = max(0, q.start - 160), min(len(text), q.end + 120)
                    rows.append({
                        "corpus": corpus, "doc_id": doc_id, "source": str(source),
                        "start": q.start, "end": q.end, "kind": q.kind,
                        "speaker": q.speaker, "half": half(doc_id, q.start, q.end),
                        "text": q.text, "context": text[a:b],
                    })  # fmt: skip
            found[doc_id] = " ".join(spans)
    drawn = random.Random(16).sample(rows, ROWS)
    out = {"articles": articles, "rows_found": len(rows), "rows": drawn, "found": found}
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(out, handle, indent=1, ensure_ascii=False)
    print(f"{len(rows)} marked rows, {ROWS} drawn")


if __name__ == "__main__":
    main()
