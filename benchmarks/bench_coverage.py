"""Stories and quote speakers, measured against the datasets' own labels.

    python benchmarks/bench_coverage.py [--corpora DIR] [--split dev|test|both] [--no-speed]

- Stories and same-story pairs (`corpus stories`, `corpus pairs`) against the event ids of BASIL
  (100 events x Fox / NYT / HuffPost) and NewsWCL50 (10 events x 5 outlets): in an open world,
  each event's folder alone, and two events about one actor without dates; held-out BASIL events
  and NewsWCL50 as the headline; and `corpus stories` over all of
  article_bias_prediction_allsides, timed. See bench_stories.py.
- Speaker attribution against BASIL's 722 quoted spans annotated with their speaker: of the
  spans with a named speaker that corpuscli finds inside a quote, how many it gives to that
  speaker (the last name must appear in corpuscli's speaker).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from _harness import REPO, corpora_dir

sys.path.insert(0, str(REPO / "src"))

from bench_stories import stories_part

from corpuscli.coverage.quotes import extract_quotes

_GROUP = re.compile(
    r"Party|Democrat|Republican|campaign|administration|Congress|House|Senate|GOP|Lawmakers|Catholics|NAACP",
    re.I,
)


def speakers_part(corpora: Path) -> None:
    articles = {}
    for line in (corpora / "basil" / "basil_articles.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        articles[row["id"]] = row
    spans = found = right = 0
    p_found = p_right = 0  # speakers that are people ("Donald_Trump"), not groups
    for line in (corpora / "basil" / "basil_annotations.jsonl").open(encoding="utf-8"):
        ann = json.loads(line)
        row = articles.get(ann["id"])
        if row is None:
            continue
        quotes = extract_quotes(row["text"])
        for span in ann["phrase-level-annotations"]:
            speaker = span.get("speaker") or ""
            if span.get("quote") != "yes" or not speaker or speaker.startswith("other"):
                continue
            spans += 1
            hit = next((q for q in quotes if span["txt"].strip('“”" ') in q.text), None)
            if hit is None:
                continue
            found += 1
            last = speaker.replace("_", " ").split()[-1].lower()
            ok = bool(hit.speaker) and last in hit.speaker.lower()
            right += ok
            parts = speaker.split("_")
            if (
                len(parts) >= 2
                and all(p[:1].isupper() for p in parts)
                and not _GROUP.search(speaker)
            ):
                p_found += 1
                p_right += ok
    print(f"BASIL quoted spans with a named speaker: {spans}; inside a quote corpuscli found: {found} "
          f"({found / spans:.2f}); speaker right: {right} ({right / max(found, 1):.2f} of those found); "
          f"of the {p_found} whose speaker is a person's name: {p_right} ({p_right / max(p_found, 1):.2f})")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora")
    parser.add_argument("--split", choices=["dev", "test", "both"], default="both",
                        help="BASIL events to score the stories on (tune on dev only)")  # fmt: skip
    parser.add_argument("--no-speed", action="store_true", help="skip the full-corpus timing")
    args = parser.parse_args()
    corpora = corpora_dir(args.corpora)
    speakers_part(corpora)
    stories_part(corpora, args.split, not args.no_speed)


if __name__ == "__main__":
    main()
