"""Speaker accuracy on judged rows of unlabelled articles (issue #15, round 8).

    python benchmarks/bench_speaker_sample.py [--corpora DIR] [--labels FILE] [--show]

benchmarks/labels/speaker_rows_sample.json holds 200 rows of `corpus quotes` output over 1,840
articles no label set uses (its "about" gives the procedure), split A (the rules were written
looking at them) and B (held out), each judged by a reader: who said it, or nobody. This rebuilds
those articles from ../shared/corpora, runs the quote rules on them and scores each row's speaker
with bench_quotes.py's ``speaker_right``; "main" is the speaker main gave when the rows were drawn.
A row whose quote is no longer found counts as no speaker (from round 12: unless a quote of
the same group covers at least half of its span, see ``speaker_of``). `--show` lists the rows of half A that
are wrong now (never B's).

`--labels speaker_rows_sample2.json` scores the second sample (round 9: 560 other articles, BASIL's
among them; its "about" gives the procedure). Both samples are also scored by full name
(bench_quotes.py's ``speaker_right_full``: "Melania Trump" or "Besides Renacci" is no "Donald
Trump" or "Jim Renacci").

`--labels speaker_rows_sample3.json` scores the third sample (round 10: 300 AllSides articles of
outlets the first two never drew, drawn by draw_speaker_sample.py; its "about" gives the
procedure). `--labels speaker_rows_sample4.json` the fourth (round 11: 300 AllSides articles of
outlets none of the three drew, `draw_speaker_sample.py --sample 4`). `--labels
speaker_rows_sample5.json` the fifth (round 12: Reuters wire stories, BBC News and AllSides
outlets none of the four drew, `draw_speaker_sample.py --sample 5`). `--labels
speaker_rows_sample6.json` the sixth (round 13: Reuters, BASIL, NewsWCL50 and AllSides outlets
none of the five drew, `draw_speaker_sample.py --sample 6`; half B judged and scored before any
rule changed).
"""

from __future__ import annotations

import argparse
import json
import sys

from _harness import REPO, by_corpus, corpora_dir, judged_articles, table

sys.path.insert(0, str(REPO / "src"))

from bench_quotes import speaker_right, speaker_right_full

from corpuscli.coverage.quotes import extract_quotes

LABELS = REPO / "benchmarks" / "labels"


def speaker_of(row: dict, quotes: list) -> str | None:
    """The speaker of the quote found at the row's span; else, when the rules now find the
    row's words inside a longer or shorter quote of the same group (a reported clause the
    rules once cut at a line break of wire copy), the speaker of the quote that covers most of
    the row's span, if it covers at least half of it; else none."""
    marked = row["kind"] != "indirect"
    best, best_overlap = None, 0.5 * (row["end"] - row["start"])
    for q in quotes:
        if (q.start, q.end) == (row["start"], row["end"]):
            return q.speaker
        overlap = min(q.end, row["end"]) - max(q.start, row["start"])
        if (q.kind != "indirect") == marked and overlap >= best_overlap:
            best, best_overlap = q.speaker, overlap
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora")
    parser.add_argument("--labels", default="speaker_rows_sample.json", help="in benchmarks/labels")
    parser.add_argument("--show", action="store_true", help="half A's wrong rows")
    args = parser.parse_args()
    rows = json.loads((LABELS / args.labels).read_text(encoding="utf-8"))["rows"]
    wanted = by_corpus({r["doc_id"] for r in rows})
    texts = judged_articles(corpora_dir(args.corpora), wanted, prefixed=True)
    found: dict[str, list] = {}
    for doc_id in {r["doc_id"] for r in rows}:
        found[doc_id] = extract_quotes(texts[doc_id])
    out = []
    for split in ("A", "B"):
        part = [r for r in rows if r["split"] == split]
        if not part:
            continue
        got = [speaker_of(r, found[r["doc_id"]]) for r in part]
        now = [speaker_right(r, g) for r, g in zip(part, got, strict=True)]
        full = [
            speaker_right_full(r, g, texts[r["doc_id"]]) for r, g in zip(part, got, strict=True)
        ]
        main_right = sum(r["before_right"] for r in part)
        main_full = [speaker_right_full(r, r["before"], texts[r["doc_id"]]) for r in part]
        out.append([split, str(len(part)), f"{main_right / len(part):.3f}",
                    f"{sum(now) / len(part):.3f}", f"{sum(main_full) / len(part):.3f}",
                    f"{sum(full) / len(part):.3f}"])  # fmt: skip
        if args.show and split == "A":
            for r, g, ok, ok_full in zip(part, got, now, full, strict=True):
                if not ok_full:
                    what = "wrong" if not ok else "name"
                    print(f"  A {what} {r['doc_id']} {r['start']}: {r['speaker']!r} got {g!r}")
    print(table(out, ["half", "rows", "speaker right (main)", "speaker right (now)",
                      "by full name (main)", "by full name (now)"]))  # fmt: skip


if __name__ == "__main__":
    main()
