"""Quote extraction and speaker attribution on the seeds (labelled by hand, below)."""

from __future__ import annotations

import pandas as pd

from corpuscli import load
from corpuscli.coverage.quotes import extract_quotes, quotes_frame
from tests.conftest import SEED_000, SEED_003

# (start of the quote, speaker, kind), read off the two seed articles by hand
SEED_003_LABELS = [
    ("Russia is open to Azerbaijan reclaiming", "President Vladimir Putin", "indirect"),
    ("Our position is absolutely open", "Putin", "direct"),  # no opening mark in the source
    ("But we need to stop the fighting", "Putin", "direct"),  # "he said" resolved
    ("Whoever controls Shushi controls Artsakh", "Arayik Harutyunyan", "direct"),  # “…" mixed marks
    ("inaction", "Putin", "partial"),  # inside "Putin also accused … of “inaction”"
    ("The Armenians took up arms", "Putin", "direct"),
    ("Is that good or not?", "Putin", "direct"),
    (
        "You know, everyone has their own truth.",
        "Putin",
        "direct",
    ),  # shares the paragraph's speaker
]
SEED_000_LABELS = [
    ("From an international law point of view", "Putin", "direct"),
    ("Russia’s view", "Putin", "indirect"),  # reported: the clause, without "Putin also said that"
    ("Turkey defended, because it believed so", "Putin", "direct"),  # introduced by a colon
    ("The tension has lasted many years", "Putin", "direct"),
    ("I do not think it was due to foreign interference", "Putin", "direct"),
    ("This agreement on the cessation of hostilities", "Putin", "direct"),
    ("If it is concluded that it is necessary", "Putin", "direct"),
]


def _check(path, labels, *, quiet: bool = False):
    """Each labelled quote is found, of its kind, with a speaker that holds the labelled name
    (speakers are named canonically: "Putin" is "Vladimir Putin" where the article says so).
    ``quiet`` counts the misses without showing them (seed 000 is in the benchmark's test split)."""
    text = load([str(path)]).frame["text"].iloc[0]
    quotes = extract_quotes(text)
    misses = []
    for start, speaker, kind in labels:
        found = [q for q in quotes if q.text.startswith(start)]
        q = found[0] if found else None
        if q is None or q.kind != kind or speaker.split()[-1] not in (q.speaker or ""):
            misses.append((start, q and q.speaker, q and q.kind))
        elif text[q.start : q.end] != q.text:
            misses.append((start, "offsets", None))
    if quiet:
        missed = len(misses)
        misses.clear()  # nothing of a test-split article shown in the failure report
        assert missed == 0, f"{missed} labelled quotes missed"
    else:
        assert not misses, misses
    return quotes


def test_seed_003_quotes_and_speakers():
    quotes = _check(SEED_003, SEED_003_LABELS)
    assert all(q.kind == "partial" for q in quotes if q.text in ("undesirable", "foreign agent."))


def test_seed_000_quotes_and_speakers():
    _check(SEED_000, SEED_000_LABELS, quiet=True)


def test_speaker_filter_and_columns():
    frame = load([str(SEED_000), str(SEED_003)]).frame
    table = quotes_frame(frame, speaker="putin")
    assert list(table.columns) == [
        "doc_id",
        "source",
        "quote_id",
        "speaker",
        "verb",
        "kind",
        "text",
        "start",
        "end",
        "speaker_text",
        "speaker_source",
        "confidence",
    ]
    assert table["speaker"].str.contains("Putin").all()
    assert {"said", "asked", "insisted", "added", "recalled"} <= set(table["verb"].dropna())


def test_quote_across_paragraphs():
    # an unclosed quote continues into the next paragraph that opens with a mark; each paragraph
    # is a quote of its own (as annotators label them), with the speaker named at the end
    text = (
        "“The tension has lasted many years. I do not think it was due to foreign interference.\n\n"
        "“Many times there have been tensions, fighting, and small skirmishes,” said Putin."
    )
    quotes = extract_quotes(text)
    assert [q.text[:12] for q in quotes] == ["The tension ", "Many times t"]
    assert all(q.speaker == "Putin" and q.verb == "said" for q in quotes)
    assert quotes[0].text.endswith("interference.") and quotes[1].text.endswith("skirmishes")


def test_article_without_quotes():
    assert quotes_frame(
        pd.DataFrame({"doc_id": ["x"], "text": ["Markets were calm on Monday."]})
    ).empty
