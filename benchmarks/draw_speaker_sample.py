"""Draw the random sample of speaker rows judged in labels/speaker_rows_sample3.json.

    python benchmarks/draw_speaker_sample.py [--corpora DIR] OUT.json

Articles: AllSides articles with a text, from the outlets none of whose articles the two earlier
speaker samples hold, every article of a label set in benchmarks/labels/ (the held-out sets
unread) left out; random.Random(15010).sample picks ``ARTICLES`` of them, sorted by id. The
rules of the day run on them, and random.Random(1510).sample draws ``ROWS`` of their rows of
kind direct, partial or indirect. Each row's half is sha1("doc_id|start|end") mod 2 (even A,
odd B), as in score_reported_sample.py. OUT gets the rows with the speaker the rules gave
("before"), and, for the judge, the text around each quote.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from pathlib import Path

from _harness import REPO, corpora_dir, judged_articles
from score_reported_sample import half

sys.path.insert(0, str(REPO / "src"))

from corpuscli.coverage.quotes import extract_quotes

LABELS = REPO / "benchmarks" / "labels"
FILE = "article_bias_prediction_allsides/articles.jsonl.gz"
ARTICLES = 300
ROWS = 100
#: The label sets whose articles are left out (the held-out "fresh" sets are never opened).
LABEL_SETS = (
    "quotes_us.json", "quotes_intl.json", "quotes_dev2.json", "speaker_rows_sample.json",
    "speaker_rows_sample2.json", "reported_rows_sample.json", "marked_rows_sample.json",
)  # fmt: skip
_ID = re.compile(r'"(?:doc_id|id)": "(?:as:)?([A-Za-z0-9]{16})"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora")
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    used: set[str] = set()
    sampled: set[str] = set()
    for name in LABEL_SETS:
        raw = (LABELS / name).read_text(encoding="utf-8")
        used |= set(_ID.findall(raw))
        if name.startswith("speaker_rows"):
            sampled |= {
                r["doc_id"][3:] for r in json.loads(raw)["rows"] if r["doc_id"][:3] == "as:"
            }
    with gzip.open(corpora_dir(args.corpora) / FILE, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    records = [r for r in records if r.get("text")]
    seen_outlets = {r["source"] for r in records if r["id"] in sampled}
    pool = sorted(
        (r for r in records if r["source"] not in seen_outlets and r["id"] not in used),
        key=lambda r: r["id"],
    )
    chosen = sorted(random.Random(15010).sample(pool, ARTICLES), key=lambda r: r["id"])
    texts = judged_articles(corpora_dir(args.corpora), {"allsides": {r["id"] for r in chosen}})
    rows = []
    for rec in chosen:
        text = texts[rec["id"]]  # as corpuscli loads it
        for q in extract_quotes(text):
            if q.kind in ("direct", "partial", "indirect"):
                rows.append((rec, text, q))
    drawn = sorted(random.Random(1510).sample(rows, ROWS), key=lambda t: (t[0]["id"], t[2].start))
    out = []
    for rec, text, q in drawn:
        doc_id = "as:" + rec["id"]
        out.append({
            "doc_id": doc_id, "outlet": rec["source"], "start": q.start, "end": q.end,
            "kind": q.kind, "split": half(doc_id, q.start, q.end), "before": q.speaker,
            "context": text[max(0, q.start - 900) : q.start] + "[[" + text[q.start : q.end]
            + "]]" + text[q.end : q.end + 300],
        })  # fmt: skip
    args.out.write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"{len(pool)} articles in the pool, {len(rows)} rows, {len(out)} drawn")


if __name__ == "__main__":
    main()
