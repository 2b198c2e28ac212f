"""Precision of the reported-speech rules on new text, from judged rows of a random sample.

    python benchmarks/score_reported_sample.py [--corpora DIR] [--list-new] [--sample 1|2]

Labels: benchmarks/labels/reported_rows_sample.json (sample 1, the default; its "about" gives
the procedure): 265 judged `indirect` rows of 1,790 articles no quote label uses, in two halves
fixed by a hash before any row was read. Sample 2, reported_rows_sample2.json (drawn by
draw_reported_sample.py): 120 judged rows of 921 AllSides articles of the 340 outlets no label
set or sample had drawn from, in halves of the same kind. Half A (split "dev") was read to write rules; half B (split "test") was
not: its precision is the headline. Sample 3, reported_rows_sample3.json (drawn by
draw_reported_sample3.py): 120 judged rows of the 223 gold article bodies of the Scrapinghub
and Mozilla page sets (106 sites no label set or sample had read), halves of the same kind. The script runs the rules on the sample's articles and, per
half:

- judged: the precision of every row judged before the changes (the rules of that day);
- kept: the judged rows the rules still find (same doc_id, start and end) and their precision;
- new: how many rows the rules find now that were not found then, and the precision of those
  judged after the changes (half B only, a random sample of them);
- estimate: the precision of a sample drawn now at the same rate, the kept rows plus the new
  rows expected in it (``new * sampled / rows_before``) at the new rows' precision.

`--list-new` prints the rows of half A that are new (doc_id, offsets, verb, text), to judge.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from _harness import REPO, corpora_dir, judged_articles, table

sys.path.insert(0, str(REPO / "src"))

from corpuscli.coverage.quotes import extract_quotes

SAMPLE = REPO / "benchmarks" / "labels" / "reported_rows_sample.json"
#: The judged samples of reported rows by the number ``--sample`` gives.
SAMPLES = {
    "1": SAMPLE,
    "2": REPO / "benchmarks" / "labels" / "reported_rows_sample2.json",
    "3": REPO / "benchmarks" / "labels" / "reported_rows_sample3.json",
}


def half(doc_id: str, start: int, end: int) -> str:
    """The half of a row: sha1 of "doc_id|start|end", even A, odd B."""
    digest = hashlib.sha1(f"{doc_id}|{start}|{end}".encode()).hexdigest()
    return "A" if int(digest, 16) % 2 == 0 else "B"


def sample_table(
    sample: dict, found: dict[tuple[str, int, int], str], texts: dict[str, str], list_new: bool
) -> str:
    """The table of a judged rows sample (per half: judged, kept, new rows, estimate; see the
    module docstring) for the rows ``found`` now; with ``list_new``, half A's new rows printed."""
    judged = {(r["doc_id"], r["start"], r["end"]): r for r in sample["rows"]}
    was_found = {
        (doc_id, int(a), int(b))
        for doc_id, spans in sample["rows_before_found"].items()
        for a, b in (span.split("-") for span in spans.split())
    }
    rows = []
    for h in ("A", "B"):
        before = [r for r in sample["rows"] if r["half"] == h and r["judged_on"] == "before"]
        kept = [r for r in before if (r["doc_id"], r["start"], r["end"]) in found]
        new = [k for k in found if k not in was_found and k not in judged and half(*k) == h]
        after = [r for r in sample["rows"] if r["half"] == h and r["judged_on"] == "after"]
        after = [r for r in after if (r["doc_id"], r["start"], r["end"]) in found]
        new += [(r["doc_id"], r["start"], r["end"]) for r in after]
        expected = len(new) * len(before) / sample["rows_before"][h]
        p_new = sum(r["correct"] for r in after) / len(after) if after else None
        right = sum(r["correct"] for r in kept) + (p_new or 0.0) * expected
        rows.append([
            f"{h} ({before[0]['split']})",
            f"{sum(r['correct'] for r in before) / len(before):.3f} ({len(before)})",
            f"{sum(r['correct'] for r in kept) / max(len(kept), 1):.3f} ({len(kept)})",
            f"{len(new)}" + (f", {p_new:.2f} of {len(after)} judged" if p_new is not None else ""),
            f"{right / (len(kept) + expected):.3f}" if p_new is not None else "-",
        ])  # fmt: skip
        if list_new and h == "A":
            for doc_id, start, end in sorted(new):
                verb = found[(doc_id, start, end)]
                print(f"{doc_id}\t{start}\t{end}\t{verb}\t{texts[doc_id][start:end]}")
    return table(rows, ["half", "judged (rows)", "kept (rows)", "new rows", "estimate"])


def run(samples: dict[str, Path], kinds: tuple[str, ...], doc: str) -> None:
    """Score a judged rows sample of ``samples`` (by its number; the first is the default) on
    the rows of ``kinds`` the rules find now, with the command line of a score script whose
    docstring is ``doc``."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--corpora")
    parser.add_argument("--list-new", action="store_true", help="print half A's new rows")
    if len(samples) > 1:
        parser.add_argument("--sample", choices=sorted(samples), default=next(iter(samples)))
    args = parser.parse_args()
    sample_path = samples[getattr(args, "sample", next(iter(samples)))]
    corpora = corpora_dir(args.corpora)
    sample = json.loads(sample_path.read_text(encoding="utf-8"))
    found: dict[tuple[str, int, int], str] = {}  # the rows the rules find now, and their verb
    texts = judged_articles(corpora, sample["articles"])
    for doc_id, text in texts.items():
        for q in extract_quotes(text):
            if q.kind in kinds:
                found[(doc_id, q.start, q.end)] = q.verb or ""
    print(sample_table(sample, found, texts, args.list_new))


def main() -> None:
    run(SAMPLES, ("indirect",), __doc__ or "")


if __name__ == "__main__":
    main()
