"""The line index answers what a search for the nearest line break answers (checked on
generated text), and the quotes of a long text with no line break are attributed and classified
with one look-up each, not a read of the text to its end (counted, not timed)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import corpuscli.coverage.quotes as quotes_module
from corpuscli.coverage.line_index import LineIndex
from corpuscli.coverage.quotes import extract_quotes


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\n “”", max_size=60), st.data())
def test_line_index_is_the_search(text, data):
    lines = LineIndex(text)
    for pos in data.draw(st.lists(st.integers(0, len(text)), max_size=8)):
        assert lines.line_start(pos) == text.rfind("\n", 0, pos) + 1
        found = text.find("\n", pos)
        assert lines.line_end(pos) == (len(text) if found < 0 else found)


def test_opening_marks_only():
    text = "x\n “ “Yes,” he said. “No”"
    assert quotes_module._only_openers(text, 2, 5)
    assert not quotes_module._only_openers(text, 0, 5)
    assert quotes_module._only_openers(text, 3, 3)


def test_a_long_line_of_quotes_is_indexed_once_per_step(monkeypatch):
    built: list[int] = []

    class Counting(LineIndex):
        def __init__(self, text: str) -> None:
            built.append(len(text))
            super().__init__(text)

    monkeypatch.setattr(quotes_module, "LineIndex", Counting)
    text = "“We will win” the panel members said " * 400 + "today."
    quotes = extract_quotes(text)
    assert len(quotes) >= 400
    assert len(built) <= 4  # once for the attribution, once for the kinds: not once a quote
