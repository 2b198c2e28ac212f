"""Draw the second random sample of reported-speech rows, judged in
labels/reported_rows_sample2.json.

    python benchmarks/draw_reported_sample.py [--corpora DIR] OUT.json

Articles: the AllSides articles of every outlet none of whose articles is in a label set or a
judged sample of benchmarks/labels/ (quote labels, the reported, marked and speaker row
samples): outlets no rule writer has read. The rules of the day run on them, and
random.Random(``SEED``).sample draws ``ROWS`` of their rows of kind indirect. Each row's half is
sha1("doc_id|start|end") mod 2 (even A, odd B), as in score_reported_sample.py, fixed before any
row is read. OUT gets the articles, the rows (with their text and the sentence around them, for
the judge), the number of rows found per half and, per article, every indirect row found (the
``rows_before_found`` that score_reported_sample.py tells new rows apart with).
"""

from __future__ import annotations

import argparse
import json
import random
import sys

from _harness import REPO, SAMPLE_CORPORA, corpora_dir, labelled_ids
from score_reported_sample import half

sys.path.insert(0, str(REPO / "src"))

from corpuscli import load
from corpuscli.coverage.quotes import extract_quotes

QUOTE_LABELS = ("quotes_us.json", "quotes_intl.json", "quotes_dev2.json")
SAMPLES = (
    "reported_rows_sample.json",
    "marked_rows_sample.json",
    "speaker_rows_sample.json",
    "speaker_rows_sample2.json",
)
SEED = 20261209
ROWS = 120


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora")
    parser.add_argument("out")
    args = parser.parse_args()
    corpora = corpora_dir(args.corpora)
    used = labelled_ids(QUOTE_LABELS + SAMPLES, scanned=True)
    frame = load([str(corpora / SAMPLE_CORPORA["allsides"][0])]).frame
    ids = frame["doc_id"].astype(str)
    seen_outlets = set(frame.loc[ids.isin(used), "source"].astype(str))
    frame = frame[~frame["source"].astype(str).isin(seen_outlets)]
    rows = []
    found: dict[str, str] = {}
    per_half = {"A": 0, "B": 0}
    for doc_id, source, text in zip(
        frame["doc_id"].astype(str), frame["source"], frame["text"], strict=True
    ):
        spans = []
        for q in extract_quotes(text):
            if q.kind == "indirect":
                spans.append(f"{q.start}-{q.end}")
                h = half(doc_id, q.start, q.end)
                per_half[h] += 1
                a, b = max(0, q.start - 200), min(len(text), q.end + 120)
                rows.append({
                    "corpus": "allsides", "doc_id": doc_id, "source": str(source),
                    "start": q.start, "end": q.end, "verb": q.verb or "", "half": h,
                    "split": "dev" if h == "A" else "test", "judged_on": "before",
                    "text": q.text, "context": text[a:b],
                })  # fmt: skip
        if spans:
            found[doc_id] = " ".join(spans)
    drawn = random.Random(SEED).sample(rows, min(ROWS, len(rows)))
    out = {
        "articles": {"allsides": sorted(frame["doc_id"].astype(str))},
        "outlets": sorted(set(frame["source"].astype(str))),
        "rows": drawn,
        "rows_before": per_half,
        "corpora": {"allsides": SAMPLE_CORPORA["allsides"][0]},
        "rows_before_found": found,
    }
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(out, handle, indent=1, ensure_ascii=False)
    print(f"{len(frame)} articles of {len(out['outlets'])} outlets, {len(rows)} rows, {ROWS} drawn")


if __name__ == "__main__":
    main()
