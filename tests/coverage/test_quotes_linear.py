"""Quote finding stays linear in the length of a sentence: a long sentence of many speech verbs
(no full stop, thousands of ", saying") once took quadratic time, each verb searching the
sentence from its start for the clause before it. The shortcuts give what the plain searches
give (checked on generated text), and the work they do grows with the text, not its square
(counted, not timed)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corpuscli.coverage.reported as reported
from corpuscli.coverage.quotes import extract_quotes
from corpuscli.coverage.reported import ClauseBoundaries
from tests.conftest import bounded

#: Words around the clause boundaries: the boundaries themselves, words that hold one ("ask",
#: "Anderson", "whichever") and dashes of every length between spaces or not.
PIECES = ["and", "as", "ask", "Anderson", "which", "whichever", "who", "whom", "although", "Although",
          "that", "thats", "so", "or", "Putin", "said", "saying", "-", "--", "—", "– ", " - ", ";",
          ":", "(", "“", "”", '"', "«", "»", ",", " ", "  ", "\t", "x"]  # fmt: skip


def _plain_clause_start(text: str, start: int, end: int, marked: list[tuple[int, int]]) -> int:
    """One search from the sentence's start, as it was done for every verb."""
    clause_start = start
    for b in reported._BOUNDARY.finditer(text, start, end):
        if not any(a <= b.start() < z for a, z in marked):
            clause_start = b.end()
    return clause_start


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=80),
    st.lists(st.integers(min_value=0, max_value=400), max_size=12),
    st.lists(st.tuples(st.integers(0, 400), st.integers(0, 40)), max_size=4),
    st.integers(min_value=0, max_value=20),
)
def test_clause_start_is_the_plain_search(pieces, ends, marks, lead):
    body = "".join(p if p.strip() == "" else p + (" " if len(p) > 2 else "") for p in pieces)
    text = "x" * lead + body + " tail"
    s_start, s_end = lead, lead + len(body)
    marked = [(a, a + n) for a, n in marks]
    boundaries = ClauseBoundaries(text, s_start, s_end)
    for e in [s_end, *(s_start + e for e in ends if s_start + e <= s_end)]:
        assert boundaries.clause_start(e, marked) == _plain_clause_start(text, s_start, e, marked)


@contextmanager
def _searched() -> Iterator[list[int]]:
    """The lengths of text the clause boundary pattern is asked to search inside the block (a
    context manager, not the monkeypatch fixture, so hypothesis's examples can use it too)."""
    lengths: list[int] = []
    pattern = reported._BOUNDARY

    class Counting:
        def finditer(self, text: str, pos: int = 0, endpos: int = 2**62) -> object:
            lengths.append(min(endpos, len(text)) - pos)
            return pattern.finditer(text, pos, endpos)

    reported._BOUNDARY = Counting()  # type: ignore[assignment]
    try:
        yield lengths
    finally:
        reported._BOUNDARY = pattern


@pytest.mark.parametrize(
    "unit",
    [
        " the minister spoke, saying",  # no boundary at all
        " and the minister spoke to reporters, saying talks",  # a boundary before every verb
        " Biden said that the minister",
    ],
)
def test_many_verbs_in_one_sentence_search_it_once(unit):
    text = "Officials met" + unit * 500  # about 12,000 characters or more, no full stop
    with _searched() as lengths, bounded(60):
        quotes = extract_quotes(text)
    assert quotes  # the verbs report (or the test reads nothing)
    assert sum(lengths) <= 3 * len(text)  # quadratic: some 500 times the text


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([" saying", " said", ",", " and", " he", " told", " reporters",
                                 " that", " the", " minister", " Putin", " according to"]),
                min_size=200, max_size=1200))  # fmt: skip
def test_generated_run_on_sentences_search_each_once(words):
    text = "Officials met" + "".join(words)
    with _searched() as lengths, bounded(60):
        extract_quotes(text)
    assert sum(lengths) <= 3 * len(text) + 20 * len(lengths)


def test_the_boundary_reach_covers_the_longest_boundary_word():
    words = re.findall(r"[A-Za-z]+", reported._BOUNDARY.pattern)
    assert max(len(w) for w in words) + 1 <= reported._BOUNDARY_REACH
