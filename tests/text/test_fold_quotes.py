"""Folding apostrophes mark by mark gives what one translation table gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli.text.tokens import APOSTROPHES, fold_quotes

_TABLE = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "‛": "'", "′": "'", "´": "'"})


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([*APOSTROPHES, "'", "a", " ", "é", "“", "”", "\n"])))
def test_fold_quotes_equals_the_table(text):
    assert fold_quotes(text) == text.translate(_TABLE)


def test_fold_quotes_on_real_text():
    text = "Russia’s ‘open’ stance, the ministry′s ʼnote‛ and an accent´"
    assert (
        fold_quotes(text)
        == text.translate(_TABLE)
        == ("Russia's 'open' stance, the ministry's 'note' and an accent'")
    )
    assert set(APOSTROPHES) == {chr(c) for c in _TABLE}
