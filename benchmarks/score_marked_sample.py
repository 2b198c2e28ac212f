"""Precision of the quote-mark rules on new text, from judged rows of a random sample.

    python benchmarks/score_marked_sample.py [--corpora DIR] [--list-new]

Labels: benchmarks/labels/marked_rows_sample.json (its "about" gives the procedure, and
draw_marked_sample.py draws it): 240 judged rows of kind `direct` or `partial` of 570
articles no quote label uses, in two halves fixed by a hash before any row was read. Half A
(split "dev") was read to write rules; half B (split "test") was not: its precision is the
headline. The script runs the rules on the sample's articles and prints, per half, the columns
of `score_reported_sample.py` (judged, kept, new rows, estimate).

`--list-new` prints the rows of half A that are new (doc_id, offsets, verb, text), to judge.
"""

from __future__ import annotations

from _harness import REPO
from score_reported_sample import run

SAMPLE = REPO / "benchmarks" / "labels" / "marked_rows_sample.json"


def main() -> None:
    run({"1": SAMPLE}, ("direct", "partial"), __doc__ or "")


if __name__ == "__main__":
    main()
