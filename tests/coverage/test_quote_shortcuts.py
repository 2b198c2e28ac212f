"""The shortcuts quote finding takes for speed give what the plain ways give (checked on
generated text): they change how much work is done, never what is found."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli.coverage.quote_patterns import paragraph_starts_of

#: Pieces of text around paragraph breaks: line breaks alone and in runs, spaces, words.
LINES = ["\n", "\n\n", "\r\n", " ", "\t", "Putin said.", "x", "“", "\n \n"]


def _plain_paragraph_starts(text: str) -> list[int]:
    """The paragraph starts as every speaker rule searched them."""
    return [m.start() for m in re.finditer(r"(?:^|\n)[^\n]", text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=40))
def test_paragraph_starts_are_the_plain_search(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert paragraph_starts_of(text) == _plain_paragraph_starts(text)


def test_paragraph_starts_are_found_again_for_another_text() -> None:
    first = "One.\n\nTwo.\nThree."
    assert paragraph_starts_of(first) == [0, 5, 10]
    assert paragraph_starts_of("\nA") == [0]  # a break at the start, then a paragraph
    assert paragraph_starts_of("") == []
    assert paragraph_starts_of(first) == [0, 5, 10]
