"""Draw the articles of the reported-speech recall set, labelled in
labels/reported_recall.json.

    python benchmarks/draw_reported_recall.py [--corpora DIR] OUT.json

Articles: AllSides articles of twelve outlets none of whose articles is in a quote label file
(quotes_us, quotes_intl, quotes_dev2), not in any judged sample of benchmarks/labels/; 200-550
words (every reported statement of an article is labelled, so short ones), no opinion,
commentary, editorial, analysis or column in the URL or title, and at least three attribution
words (said, says, told, according to, added, ...). Per outlet, random.Random(SEED) picks one
article on foreign affairs (a foreign-affairs topic, or a foreign leader named twice: translated
speech) and one other, each from its doc_id-sorted pool. Each article's half is sha1(doc_id)'s
parity (even A: rules may be written on it; odd B: held aside), fixed before any text is read.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
from pathlib import Path

from _harness import corpora_dir, labelled_ids
from draw_reported_sample import QUOTE_LABELS, SAMPLES

OUTLETS = (
    "Salon", "Reason", "CBN", "The Daily Caller", "Daily Beast", "New York Post",
    "Washington Post", "CNBC", "Business Insider", "Axios", "The Week - News", "Vice",
)  # fmt: skip
SEED = 20261207
FOREIGN_TOPICS = {
    "world", "foreign_policy", "middle_east", "russia", "china", "north_korea", "south_korea",
    "asia", "africa", "europe", "great_britain", "israel", "palestine", "mexico", "isis",
}  # fmt: skip
LEADERS = re.compile(
    r"Putin|Kremlin|Erdogan|Xi Jinping|Netanyahu|Rouhani|Assad|Macron|Merkel|Kim Jong|Maduro|"
    r"Modi|Zelensk|Lavrov|Peskov|Khamenei|Zarif|Trudeau|May\b|Johnson|Abe\b|Moon Jae"
)
ATTRIBUTION = re.compile(r"\b(?:said|says|told|according to|added|stressed|warned|insisted)\b")
OPINION = re.compile(r"opinion|commentary|editorial|analysis|column", re.I)


def half(doc_id: str) -> str:
    """A (even sha1) or B (odd): the article's half, fixed before it is read."""
    return "A" if int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 2 == 0 else "B"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora")
    parser.add_argument("out")
    args = parser.parse_args()
    path = corpora_dir(args.corpora) / "article_bias_prediction_allsides" / "articles.jsonl.gz"
    used = labelled_ids((*QUOTE_LABELS, *SAMPLES), scanned=True)
    pools: dict[tuple[str, bool], list[dict]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            text = row.get("text") or ""
            if row["source"] not in OUTLETS or row["id"] in used:
                continue
            if not 200 <= len(text.split()) <= 550 or OPINION.search(row["url"] + row["title"]):
                continue
            if len(ATTRIBUTION.findall(text)) < 3:
                continue
            foreign = row["topic"] in FOREIGN_TOPICS or len(LEADERS.findall(text)) >= 2
            pools.setdefault((row["source"], foreign), []).append(row)
    rng = random.Random(SEED)
    chosen = []
    for outlet in OUTLETS:
        for foreign in (True, False):
            pool = sorted(pools.get((outlet, foreign), []), key=lambda r: r["id"])
            if pool:
                row = rng.choice(pool)
                chosen.append({"doc_id": row["id"], "source": outlet, "foreign": foreign,
                               "half": half(row["id"]), "words": len(row["text"].split())})  # fmt: skip
    Path(args.out).write_text(json.dumps(chosen, indent=1), encoding="utf-8")
    print(f"{len(chosen)} articles: {sum(c['half'] == 'A' for c in chosen)} in half A")


if __name__ == "__main__":
    main()
