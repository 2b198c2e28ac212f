"""Quote precision, recall and speaker accuracy against the hand labels of tests/quote_labels.py
(33 real article excerpts). The floors below are the current measurement, so that a change that
makes extraction worse fails; README gives the figures."""

from __future__ import annotations

from corpuscli import load
from corpuscli.coverage.quotes import extract_quotes
from tests.conftest import ROUNDUPS

from .quote_labels import LABELS


def measure() -> dict[str, float]:
    frame = load([str(ROUNDUPS)]).frame.set_index("doc_id")
    gold_total = found = extracted_total = extracted_right = named = speaker_right = 0
    for doc_id, labels in LABELS.items():
        quotes = [
            q for q in extract_quotes(frame.loc[doc_id, "text"]) if q.kind in ("direct", "partial")
        ]
        extracted_total += len(quotes)
        matched: set[int] = set()
        for start, speaker, _kind in labels:
            gold_total += 1
            hit = next(
                (i for i, q in enumerate(quotes) if i not in matched and q.text.startswith(start)),
                None,
            )
            if hit is None:
                continue
            matched.add(hit)
            found += 1
            if speaker is not None:
                named += 1
                got = quotes[hit].speaker or ""
                speaker_right += speaker.lower() in got.lower()
        extracted_right += len(matched)
    return {
        "precision": extracted_right / extracted_total,
        "recall": found / gold_total,
        "speaker_accuracy": speaker_right / named,
        "labelled": gold_total,
    }


def test_quotes_against_hand_labels():
    result = measure()
    print(result)
    assert result["labelled"] >= 90
    assert result["precision"] >= 0.96
    # these labels count unattributed fragments ("Piracy", "hijacking") that the benchmark's
    # labels (benchmarks/labels/) call scare quotes, which extraction now leaves out: 1.0 -> 0.94
    assert result["recall"] >= 0.93
    assert result["speaker_accuracy"] >= 0.92
