"""Stories and same-story pairs, measured against the datasets' own labels (quotes and speakers,
BASIL's quoted spans included, are measured by bench_quotes.py).

    python benchmarks/bench_coverage.py [--corpora DIR] [--split dev|test|both] [--no-speed]

- Stories and same-story pairs (`corpus stories`, `corpus pairs`) against the event ids of BASIL
  (100 events x Fox / NYT / HuffPost) and NewsWCL50 (10 events x 5 outlets): in an open world,
  each event's folder alone, and two events about one actor without dates; held-out BASIL events
  and NewsWCL50 as the headline; and `corpus stories` over all of
  article_bias_prediction_allsides, timed. See bench_stories.py.
"""

from __future__ import annotations

import argparse
import sys

from _harness import REPO, corpora_dir

sys.path.insert(0, str(REPO / "src"))

from bench_stories import stories_part


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora")
    parser.add_argument("--split", choices=["dev", "test", "both"], default="both",
                        help="BASIL events to score the stories on (tune on dev only)")  # fmt: skip
    parser.add_argument("--no-speed", action="store_true", help="skip the full-corpus timing")
    args = parser.parse_args()
    stories_part(corpora_dir(args.corpora), args.split, not args.no_speed)


if __name__ == "__main__":
    main()
