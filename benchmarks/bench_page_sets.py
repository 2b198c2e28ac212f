"""Page mode on a second set of whole news pages: Mozilla Readability's 42 news test pages.

    python benchmarks/bench_page_sets.py [--corpora DIR] [--draw] [--half A|B] [--pages]

No label file of the Scrapinghub benchmark uses these pages. Each page's visible text is split
into blocks as in bench_boilerplate.py (a); a block is labelled content when it is in the page's
expected article (the text Readability.js extracts, a reference written by others), then judged
by reading half A (benchmarks/labels/page_blocks_mozilla.json holds each page's id, half, block
count and the content blocks; the overrides of the reference are listed with why).

The pages were halved by the SHA-1 of their id before any was read (sorted by it, alternating
A, B): rules are written on half A; half B is held aside and only scored.

--draw writes the label file from the reference (keeping the judgments already in it).
--pages prints each page's story kept (half A only: half B is scored in sum).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys

from _harness import REPO, corpora_dir, table
from bench_boilerplate import contained, corpuscli_page, norm, page_blocks, read_gz, scores

LABELS = REPO / "benchmarks" / "labels" / "page_blocks_mozilla.json"


def halves(ids: list[str]) -> dict[str, str]:
    """A/B for each id: sorted by the SHA-1 of the id, alternating A, B, A, ..."""
    ordered = sorted(ids, key=lambda i: hashlib.sha1(i.encode()).hexdigest())
    return {doc_id: ("A" if k % 2 == 0 else "B") for k, doc_id in enumerate(ordered)}


def draw(corpora) -> None:  # type: ignore[no-untyped-def]
    root = corpora / "mozilla_readability_testpages_news"
    rows = [json.loads(line) for line in (root / "gold.jsonl").open(encoding="utf-8")]
    half = halves([r["id"] for r in rows])
    old = json.loads(LABELS.read_text(encoding="utf-8")) if LABELS.is_file() else {"pages": []}
    judged = {p["id"]: p.get("judged", {}) for p in old["pages"]}
    pages = []
    for row in rows:
        blocks = page_blocks(read_gz(root / row["html_path"]))
        gold = norm(row["text"])
        content = [i for i, b in enumerate(blocks) if contained(b, gold)]
        pages.append({"id": row["id"], "half": half[row["id"]], "blocks": len(blocks),
                      "content": content, "judged": judged.get(row["id"], {})})  # fmt: skip
    out = {
        "about": "Mozilla Readability news test pages: blocks (bench_boilerplate.page_blocks) "
        "in the expected article are content; 'judged' overrides the reference for a block "
        "index ('content' or 'boilerplate', with why), from reading half A only. Halves by "
        "SHA-1 of the id, fixed before reading.",
        "pages": sorted(pages, key=lambda p: p["id"]),
    }
    LABELS.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {LABELS.name}: {len(pages)} pages")


def score(corpora, which: str, per_page: bool) -> None:  # type: ignore[no-untyped-def]
    root = corpora / "mozilla_readability_testpages_news"
    rows = {json.loads(line)["id"]: json.loads(line) for line in (root / "gold.jsonl").open()}
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["pages"]
    for half in which:
        gold_all: list[bool] = []
        kept_all: list[bool] = []
        low, listed = 0, []
        pages = [p for p in labels if p["half"] == half]
        for page in pages:
            row = rows[page["id"]]
            blocks = page_blocks(read_gz(root / row["html_path"]))
            if len(blocks) != page["blocks"]:
                sys.exit(f"{page['id']}: {len(blocks)} blocks, {page['blocks']} labelled")
            content = set(page["content"])
            for index, verdict in page["judged"].items():
                (content.add if verdict.startswith("content") else content.discard)(int(index))
            gold = [i in content for i in range(len(blocks))]
            kept = corpuscli_page(row["id"], row["source"] or row["id"], blocks)
            gold_all += gold
            kept_all += kept
            story = sum(gold)
            if story:
                share = sum(g and k for g, k in zip(gold, kept, strict=True)) / story
                low += share < 0.5
                s = scores(gold, kept)
                listed.append([page["id"], str(story), f"{share:.2f}", f"{s['content_p']:.2f}"])
        s = scores(gold_all, kept_all)
        print(f"Mozilla news pages, half {half}: {len(pages)} pages, {len(gold_all):,} blocks, "
              f"{sum(gold_all):,} content; content P {s['content_p']:.3f} R {s['content_r']:.3f} "
              f"F1 {s['content_f1']:.3f}; boilerplate P {s['bp_p']:.3f} R {s['bp_r']:.3f}; "
              f"pages < half story {low}")  # fmt: skip
        if per_page and half == "A":
            print(table(listed, ["page", "story blocks", "kept", "content P"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora")
    parser.add_argument("--draw", action="store_true")
    parser.add_argument("--half", default="AB")
    parser.add_argument("--pages", action="store_true")
    args = parser.parse_args()
    corpora = corpora_dir(args.corpora)
    if args.draw:
        draw(corpora)
    score(corpora, args.half.upper(), args.pages)


if __name__ == "__main__":
    main()
