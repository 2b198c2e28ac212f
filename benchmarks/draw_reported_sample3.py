"""Draw the third random sample of reported-speech rows, judged in
labels/reported_rows_sample3.json.

    python benchmarks/draw_reported_sample3.py [--corpora DIR] OUT.json

Articles: every gold article body of the Scrapinghub article-extraction benchmark (181 pages of
126 sites) and of the Mozilla readability test pages (42 news pages): sites and articles that no
quote label set or judged sample of benchmarks/labels/ reads (the ids of those sets are left
out, checked with _harness.labelled_ids), and whose styles no reported-speech rule was written
on. The rules of the day run on them, and random.Random(``SEED``).sample draws ``ROWS`` of their
rows of kind indirect. Each row's half is sha1("doc_id|start|end") mod 2 (even A, odd B), as in
score_reported_sample.py, fixed before any row is read. OUT gets the articles, the rows (with
their text and the sentence around them, for the judge), the number of rows found per half and,
per article, every indirect row found (``rows_before_found``, which score_reported_sample.py
tells new rows apart with).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from _harness import REPO, SAMPLE_CORPORA, corpora_dir, labelled_ids
from score_reported_sample import half

sys.path.insert(0, str(REPO / "src"))

from corpuscli import load
from corpuscli.coverage.quotes import extract_quotes

CORPORA = ("scrapinghub", "mozilla")
SEED = 20261213
ROWS = 120


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora")
    parser.add_argument("out")
    args = parser.parse_args()
    corpora = corpora_dir(args.corpora)
    names = sorted(
        p.name for p in (REPO / "benchmarks" / "labels").glob("*.json") if "fresh" not in p.name
    )
    used = labelled_ids(names, scanned=True)
    rows = []
    found: dict[str, dict[str, str]] = {}
    articles: dict[str, list[str]] = {}
    per_half = {"A": 0, "B": 0}
    for corpus in CORPORA:
        frame = load([str(corpora / SAMPLE_CORPORA[corpus][0])]).frame
        frame = frame[~frame["doc_id"].astype(str).isin(used)]
        articles[corpus] = sorted(frame["doc_id"].astype(str))
        for doc_id, source, text in zip(
            frame["doc_id"].astype(str), frame["source"], frame["text"], strict=True
        ):
            spans = []
            for q in extract_quotes(text):
                if q.kind != "indirect":
                    continue
                spans.append(f"{q.start}-{q.end}")
                h = half(doc_id, q.start, q.end)
                per_half[h] += 1
                a, b = max(0, q.start - 250), min(len(text), q.end + 150)
                rows.append({
                    "corpus": corpus, "doc_id": doc_id, "source": str(source),
                    "start": q.start, "end": q.end, "verb": q.verb or "",
                    "speaker": q.speaker or "", "half": h,
                    "split": "dev" if h == "A" else "test", "judged_on": "before",
                    "text": q.text, "context": text[a:b],
                })  # fmt: skip
            if spans:
                found.setdefault(corpus, {})[doc_id] = " ".join(spans)
    drawn = random.Random(SEED).sample(rows, min(ROWS, len(rows)))
    out = {
        "articles": articles,
        "outlets": sorted({r["source"] for r in rows}),
        "rows": drawn,
        "rows_before": per_half,
        "corpora": {c: SAMPLE_CORPORA[c][0] for c in CORPORA},
        "rows_before_found": {d: s for per in found.values() for d, s in per.items()},
    }
    Path(args.out).write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    n = sum(len(a) for a in articles.values())
    print(f"{n} articles, {len(rows)} rows of {len(out['outlets'])} outlets, {len(drawn)} drawn")


if __name__ == "__main__":
    main()
