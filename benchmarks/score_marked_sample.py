"""Precision of the quote-mark rules on new text, from judged rows of a random sample.

    python benchmarks/score_marked_sample.py [--corpora DIR] [--list-new]

Labels: benchmarks/labels/marked_rows_sample.json (its "about" gives the procedure, and
draw_marked_sample.py draws it): 240 judged rows of kind `direct` or `partial` of 570
articles no quote label uses, in two halves fixed by a hash before any row was read. Half A
(split "dev") was read to write rules; half B (split "test") was
not: its precision is the headline. The script runs the rules on the sample's articles and, per
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
import json
import sys

from _harness import REPO, corpora_dir, judged_articles
from score_reported_sample import sample_table

sys.path.insert(0, str(REPO / "src"))

from corpuscli.coverage.quotes import extract_quotes

SAMPLE = REPO / "benchmarks" / "labels" / "marked_rows_sample.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora")
    parser.add_argument("--list-new", action="store_true", help="print half A's new rows")
    args = parser.parse_args()
    corpora = corpora_dir(args.corpora)
    sample = json.loads(SAMPLE.read_text(encoding="utf-8"))
    found: dict[tuple[str, int, int], str] = {}  # the rows the rules find now, and their verb
    texts = judged_articles(corpora, sample["articles"])
    for doc_id, text in texts.items():
        for q in extract_quotes(text):
            if q.kind in ("direct", "partial"):
                found[(doc_id, q.start, q.end)] = q.verb or ""
    print(sample_table(sample, found, texts, args.list_new))


if __name__ == "__main__":
    main()
