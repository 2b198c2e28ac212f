"""Draw the random samples of speaker rows judged in labels/speaker_rows_sample3.json and
labels/speaker_rows_sample4.json.

    python benchmarks/draw_speaker_sample.py [--corpora DIR] [--sample 3|4] OUT.json

Articles: AllSides articles with a text, from the outlets none of whose articles the earlier
speaker samples hold, every article of the label sets of ``DRAWS`` (their rows' and labelled
articles' ids, ``_harness.labelled_ids``; the held-out sets unread) left out;
random.Random(article seed).sample picks ``ARTICLES`` of them, sorted by id. The rules of the day
run on them, and random.Random(row seed).sample draws the sample's number of their rows of kind
direct, partial or indirect. Each row's half is sha1("doc_id|start|end") mod 2 (even A, odd B),
as in score_reported_sample.py. OUT gets the rows with the speaker the rules gave ("before"),
and, for the judge, the text around each quote.

Sample 5 (round 12, ``--sample 5``): three corpora, so that agency and non-US text is judged too:
150 Reuters-21578 wire stories, 100 BBC News articles and 150 AllSides articles of outlets none of
the four earlier samples drew (every labelled or judged article left out in each), seeds 15012 and
1512; 25, 20 and 35 rows of them. The doc_ids carry their corpus's prefix ("reu:", "bbc:", "as:").

Sample 6 (round 13, ``--sample 6``): 150 Reuters-21578 stories, 100 BASIL articles, the
NewsWCL50 articles and 150 AllSides articles of outlets none of the five earlier samples drew,
every article a label set or judged sample holds or drew its rows from left out (in
NewsWCL50 only those it holds); seeds 15016 to
15019 and 1516 to 1519; 20 rows of each corpus.

Sample 3 (round 10): outlets of neither speaker_rows_sample.json nor speaker_rows_sample2.json,
seeds 15010 and 1510, 100 rows. Sample 4 (round 11): outlets of none of the three, the articles of
sample 3, reported_rows_sample2.json and the others left out too, seeds 15011 and 1511, 80 rows.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from _harness import REPO, SAMPLE_CORPORA, corpora_dir, judged_articles, labelled_ids
from score_reported_sample import half

sys.path.insert(0, str(REPO / "src"))

from corpuscli.coverage.quotes import extract_quotes

FILE = "article_bias_prediction_allsides/articles.jsonl.gz"
ARTICLES = 300
_FIRST_SETS = (
    "quotes_us.json", "quotes_intl.json", "quotes_dev2.json", "speaker_rows_sample.json",
    "speaker_rows_sample2.json", "reported_rows_sample.json", "marked_rows_sample.json",
)  # fmt: skip


@dataclass(frozen=True)
class Draw:
    """One sample's draw: the label sets whose articles are left out (and whose speaker samples'
    outlets are), the seeds, the number of rows."""

    label_sets: tuple[str, ...]
    article_seed: int
    row_seed: int
    rows: int


DRAWS = {
    3: Draw(_FIRST_SETS, 15010, 1510, 100),
    4: Draw(
        (*_FIRST_SETS, "speaker_rows_sample3.json", "reported_rows_sample2.json"), 15011, 1511, 80
    ),
    5: Draw(
        (
            *_FIRST_SETS,
            "speaker_rows_sample3.json",
            "reported_rows_sample2.json",
            "speaker_rows_sample4.json",
        ),
        15012,
        1512,
        80,
    ),
    6: Draw(
        (
            *_FIRST_SETS,
            "speaker_rows_sample3.json",
            "reported_rows_sample2.json",
            "speaker_rows_sample4.json",
            "speaker_rows_sample5.json",
            "reported_recall.json",
            "reported_recall2.json",
        ),
        15016,
        1516,
        80,
    ),
}

#: Samples 5 and 6's corpora: (name in _harness.SAMPLE_CORPORA, articles drawn, rows drawn).
MIXED = {
    5: (("reuters", 150, 25), ("bbc", 100, 20), ("allsides", 150, 35)),
    6: (("reuters", 150, 20), ("basil", 100, 20), ("newswcl50", 50, 20), ("allsides", 150, 20)),
}


def _records(corpora: Path, corpus: str) -> list[dict]:
    path = corpora / SAMPLE_CORPORA[corpus][0]
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    for r in records:
        r["id"] = str(r["id"])
    return [r for r in records if r.get("text")]


def _rows_of(corpus: str, chosen: list[dict], texts: dict[str, str]) -> list[tuple]:
    prefix = SAMPLE_CORPORA[corpus][1]
    rows = []
    for rec in chosen:
        text = texts[rec["id"]]
        for q in extract_quotes(text):
            if q.kind in ("direct", "partial", "indirect"):
                rows.append((prefix + rec["id"], rec.get("source"), text, q))
    return rows


def draw_mixed(sample: int, draw: Draw, corpora: Path) -> list[tuple]:
    """Samples 5 and 6: rows of several corpora (see the module docstring), each drawn apart.
    Sample 6 also leaves out the articles the earlier samples drew rows from (``scanned``),
    except in NewsWCL50, whose 50 articles the first reported sample scanned nearly all of."""
    labelled = labelled_ids(draw.label_sets)
    scanned = labelled_ids(draw.label_sets, scanned=sample >= 6)
    sampled = labelled_ids(n for n in draw.label_sets if n.startswith("speaker_rows"))
    out: list[tuple] = []
    for i, (corpus, n_articles, n_rows) in enumerate(MIXED[sample]):
        records = _records(corpora, corpus)
        if corpus == "allsides":
            seen = {r["source"] for r in records if r["id"] in sampled}
            records = [r for r in records if r["source"] not in seen]
        used = labelled if corpus == "newswcl50" else scanned
        pool = sorted((r for r in records if r["id"] not in used), key=lambda r: r["id"])
        chosen = random.Random(draw.article_seed + i).sample(pool, min(n_articles, len(pool)))
        texts = judged_articles(corpora, {corpus: {r["id"] for r in chosen}})
        rows = _rows_of(corpus, chosen, texts)
        print(f"{corpus}: {len(pool)} articles in the pool, {len(rows)} rows")
        out += random.Random(draw.row_seed + i).sample(rows, n_rows)
    return sorted(out, key=lambda t: (t[0], t[3].start))


def _row(doc_id: str, outlet: str | None, text: str, q) -> dict:
    return {
        "doc_id": doc_id, "outlet": outlet, "start": q.start, "end": q.end,
        "kind": q.kind, "split": half(doc_id, q.start, q.end), "before": q.speaker,
        "context": text[max(0, q.start - 900) : q.start] + "[[" + text[q.start : q.end]
        + "]]" + text[q.end : q.end + 300],
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora")
    parser.add_argument("--sample", type=int, choices=sorted(DRAWS), default=6)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    draw = DRAWS[args.sample]
    if args.sample in MIXED:
        mixed = draw_mixed(args.sample, draw, corpora_dir(args.corpora))
        out = [_row(doc_id, outlet, text, q) for doc_id, outlet, text, q in mixed]
        args.out.write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
        print(f"{len(out)} drawn")
        return
    used = labelled_ids(draw.label_sets)
    sampled = labelled_ids(n for n in draw.label_sets if n.startswith("speaker_rows"))
    with gzip.open(corpora_dir(args.corpora) / FILE, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    records = [r for r in records if r.get("text")]
    seen_outlets = {r["source"] for r in records if r["id"] in sampled}
    pool = sorted(
        (r for r in records if r["source"] not in seen_outlets and r["id"] not in used),
        key=lambda r: r["id"],
    )
    chosen = sorted(random.Random(draw.article_seed).sample(pool, ARTICLES), key=lambda r: r["id"])
    texts = judged_articles(corpora_dir(args.corpora), {"allsides": {r["id"] for r in chosen}})
    rows = []
    for rec in chosen:
        text = texts[rec["id"]]  # as corpuscli loads it
        for q in extract_quotes(text):
            if q.kind in ("direct", "partial", "indirect"):
                rows.append((rec, text, q))
    drawn = sorted(
        random.Random(draw.row_seed).sample(rows, draw.rows), key=lambda t: (t[0]["id"], t[2].start)
    )
    out = [_row("as:" + rec["id"], rec["source"], text, q) for rec, text, q in drawn]
    args.out.write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"{len(pool)} articles in the pool, {len(rows)} rows, {len(out)} drawn")


if __name__ == "__main__":
    main()
