"""Draw the articles of the second reported-speech recall set, labelled in
labels/reported_recall2.json.

    python benchmarks/draw_reported_recall2.py [--corpora DIR] OUT.json

Articles: one AllSides article from each of ``OUTLETS``, fifteen outlets whose articles the first
recall set (reported_recall.json) never read: wire agencies, public and foreign broadcasters and
US political desks, where reported speech is most frequent. An article qualifies when no label
set or judged sample of benchmarks/labels/ holds or scanned it, it has 200-450 words, no opinion,
commentary, editorial, analysis or column in its URL or title, and at least three attribution
words (as in draw_reported_recall.py). random.Random(``SEED``) picks one per outlet from its
doc_id-sorted pool. Each article's half is sha1(doc_id)'s parity (even A: rules may be written on
it; odd B: held aside), fixed before any text is read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from pathlib import Path

from _harness import LABELS, REPO, corpora_dir, labelled_ids

OUTLETS = (
    "Reuters", "Associated Press", "Voice of America", "Al Jazeera", "The Guardian",
    "BBC News", "NPR Online News", "Politico", "The Hill", "Fox News (Online)",
    "CNN (Web News)", "Washington Times", "USA TODAY", "Christian Science Monitor", "Roll Call",
)  # fmt: skip
SEED = 20261208
ATTRIBUTION = re.compile(r"\b(?:said|says|told|according to|added|stressed|warned|insisted)\b")
OPINION = re.compile(r"opinion|commentary|editorial|analysis|column", re.I)


def half(doc_id: str) -> str:
    """A (even sha1) or B (odd): the article's half, fixed before it is read."""
    return "A" if int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 2 == 0 else "B"


def main() -> None:
    import sys

    sys.path.insert(0, str(REPO / "src"))
    from corpuscli import load

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora")
    parser.add_argument("out")
    args = parser.parse_args()
    names = sorted(
        p.name for p in LABELS.glob("*.json")
        if "fresh" not in p.name and any(k in p.name for k in ("quote", "reported", "speaker", "marked"))
    )  # fmt: skip
    used = labelled_ids(names, scanned=True)
    path = corpora_dir(args.corpora) / "article_bias_prediction_allsides" / "articles.jsonl.gz"
    frame = load([str(path)]).frame
    pools: dict[str, list[dict]] = {}
    for doc_id, source, text in zip(frame["doc_id"], frame["source"], frame["text"], strict=True):
        doc_id, source = str(doc_id), str(source)
        if source not in OUTLETS or doc_id in used or not isinstance(text, str):
            continue
        if not 200 <= len(text.split()) <= 450 or len(ATTRIBUTION.findall(text)) < 3:
            continue
        pools.setdefault(source, []).append({"doc_id": doc_id, "text": text})
    meta = {
        str(d): f"{u} {t}"
        for d, u, t in zip(frame["doc_id"], frame["url"], frame["title"], strict=True)
    }
    rng = random.Random(SEED)
    chosen = []
    for outlet in OUTLETS:
        pool = sorted(
            (r for r in pools.get(outlet, []) if not OPINION.search(meta[r["doc_id"]])),
            key=lambda r: r["doc_id"],
        )
        if pool:
            row = rng.choice(pool)
            chosen.append({"doc_id": row["doc_id"], "source": outlet, "half": half(row["doc_id"]),
                           "words": len(row["text"].split())})  # fmt: skip
    Path(args.out).write_text(json.dumps(chosen, indent=1), encoding="utf-8")
    print(f"{len(chosen)} articles: {sum(c['half'] == 'A' for c in chosen)} in half A")


if __name__ == "__main__":
    main()
