"""The subject of a speech verb is read from the first words of the part before it, not from a
split of the whole part: a sentence of many quotes and no comma ("“…” the panel members said “…”
the panel members said …") had each quote's subject read from the sentence's start, and the
split of that stretch for each quote took quadratic time. The lazy reading gives what the split
gives (checked on generated text), and the words read grow with the text, not its square
(counted, not timed)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import given, settings
from hypothesis import strategies as st

import corpuscli.coverage.speaker_phrase as speaker_phrase
from corpuscli.coverage.quotes import extract_quotes
from corpuscli.coverage.speaker_phrase import _Words

#: Words and spaces of every kind str.split cuts at (and characters it does not cut at).
PIECES = ["Putin", "said", "the", "has", "also", "King", "May", "In", "x", " ", "  ", "\t", "\n",
          "\u00a0", "\u2003", "\x1c", "\u200b", "”", ","]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=30),
    st.integers(0, 5),
    st.integers(0, 5),
    st.integers(1, 6),
)
def test_words_are_the_split(pieces, cut_start, cut_end, n):
    text = "".join(pieces)
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    split = text[start:end].split()
    trailing = frozenset({"has", "also", "the"})
    whole = speaker_phrase._SPLIT_WHOLE
    for split_whole in (whole, -1):  # a short part split at once, and read word by word
        speaker_phrase._SPLIT_WHOLE = split_whole
        try:
            words = _Words(text, start, end)
            assert bool(words) == bool(split)
            if split:
                assert words[0] == split[0]
            assert words.at_least(n) == (len(split) >= n)
            assert _Words(text, start, end).all_in(trailing) == all(
                w.lower() in trailing for w in split
            )
            assert words.every() == split
        finally:
            speaker_phrase._SPLIT_WHOLE = whole


@contextmanager
def _words_read() -> Iterator[list[int]]:
    """How many words the subject reader takes from its pattern inside the block."""
    read = [0]
    pattern = speaker_phrase._WORD

    class Counting:
        def finditer(self, text: str, pos: int = 0, endpos: int = 2**62) -> Iterator[object]:
            for m in pattern.finditer(text, pos, endpos):
                read[0] += 1
                yield m

    speaker_phrase._WORD = Counting()  # type: ignore[assignment]
    try:
        yield read
    finally:
        speaker_phrase._WORD = pattern


def test_a_sentence_of_many_quotes_reads_few_words_for_each():
    unit = "“We will win” the panel members said "
    counts = []
    for n in (300, 600):
        with _words_read() as read:
            quotes = extract_quotes(unit * n + "today.")
        assert len(quotes) >= n  # every quotation is found
        counts.append(read[0])
    # twice the quotes, about twice the words read (the whole sentence split for each quote read
    # about four times as many)
    assert counts[1] <= 2.2 * counts[0]
    assert counts[1] <= 40 * 600


def test_the_subject_is_read_as_before():
    """A subject after a fronted phrase, one before an aside of auxiliaries, one after the
    quotation (the readings the first words decide)."""
    cases = {
        "“We will win,” the panel members said. In Moscow the Kremlin said “it will not work.”": [
            ("We will win", "the panel members"),
            ("it will not work.", "Kremlin"),
        ],
        "Smith, due to meet May in London, has warned that talks will fail.": [
            ("talks will fail", "Smith")
        ],
        "For weeks Trump has said that the wall will be built.": [
            ("the wall will be built", "Trump")
        ],
    }
    for text, expected in cases.items():
        assert [(q.text, q.speaker_text) for q in extract_quotes(text)] == expected
