"""Many quotes in one long sentence: the attribution of each reads the words right before it, not
the sentence from its start (a sentence of 5,000 words and 500 quotes searched it 500 times). The
shortcuts give what the searches of the sentence gave (checked on generated text); the work is
counted, not timed."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corpuscli.coverage.quotes as quotes
from corpuscli.coverage import clause_breaks
from corpuscli.coverage.clause_breaks import (
    CLAUSE_BREAK,
    REACH,
    ClauseBreaks,
    StopMarks,
    search_end,
)
from corpuscli.coverage.quote_patterns import VerbHits
from corpuscli.coverage.speaker_phrase import mask_abbreviations
from tests.conftest import bounded

#: The breaks, words that hold one ("band", "answer"), acronyms in parentheses cut anywhere,
#: dashes between spaces or not.
PIECES = ["and", "band", "as", "ask", "but", "which", "who", "whom", "while", ";", "(", ")",
          "(NIAC)", "(U.S.&A", "(A", "NIAC", "A.", "&", "-", "--", "—", " - ", " — ", "―", " ",
          "\t", "\n", ",", "x", "said", "_", "é"]  # fmt: skip


def _plain(text: str, start: int, end: int) -> int:
    """The search of the slice, as each quote did it."""
    clause = start
    for b in CLAUSE_BREAK.finditer(text[start:end]):
        clause = start + b.end()
    return clause


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=60),
    st.lists(st.tuples(st.integers(0, 300), st.integers(0, 300)), min_size=1, max_size=12),
)
def test_clause_start_is_the_search_of_the_slice(pieces: list[str], stretches: Any) -> None:
    text = "".join(pieces)
    breaks = ClauseBreaks(text)
    for a, b in stretches:
        start, end = min(a, len(text)), min(a + b, len(text))
        assert breaks.clause_start(start, end) == _plain(text, start, end), (text, start, end)


def test_the_reach_covers_the_acronym_after_a_parenthesis() -> None:
    acronym = re.search(r"\\\(\(\?!\[A-Z\]\[[^]]*\]\{0,(\d+)\}", CLAUSE_BREAK.pattern)
    assert acronym is not None and int(acronym.group(1)) + 2 <= REACH
    words = re.findall(r"[a-z]+", CLAUSE_BREAK.pattern.split(r"\b")[1])
    assert max(len(w) for w in words) + 1 <= REACH


#: Patterns searched at the end of the words before a quote, as in the attribution.
END_PATTERNS = [quotes._ACCORDING_BEFORE, quotes._PUT_IT_BEFORE, quotes._COLON_BEFORE]
END_PIECES = ["According", "according", "to", "the", "BBC", "As", "as", "one", "trader", "put",
              "puts", "it", "Putin", ":", ",", ".", ";", " ", "\t", "x", "said", "“"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(END_PIECES), max_size=40),
    st.integers(0, 200),
    st.integers(0, 130),
    st.sampled_from(END_PATTERNS),
)
def test_a_search_of_the_end_is_the_search_of_the_slice(pieces, lead, reach, pattern) -> None:
    body = " ".join(pieces)
    text = body[:lead] + " " + body  # a sentence may start anywhere
    start = min(lead, len(text))
    before = text[start:]
    plain = pattern.search(before, max(0, len(before) - reach))
    found = search_end(pattern, text, start, len(text), reach)
    assert (plain and (start + plain.start(1), start + plain.end(1))) == found


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["said", "told", "x", " ", ",", "saidx", "he"]), max_size=40),
    st.integers(0, 120),
    st.integers(0, 120),
)
def test_first_and_last_verbs_are_those_of_the_list(pieces, a, b) -> None:
    text = " ".join(pieces)
    hits = VerbHits(text)
    found = hits.between(a, a + b)
    assert hits.first(a, a + b) == (found[0] if found else None)
    assert hits.last(a, a + b) == (found[-1] if found else None)


#: Ten words and a quote, repeated with no full stop: each quote's verb ("told") and addressee
#: are right before it, so the attribution looks for the clause it starts in.
UNIT = "the minister and his aides then told reporters “we will not go” "
#: A participle before each quote, after a comma: the attribution asks whether a stop stands
#: between the clause's start and the participle (it masked and searched the whole stretch).
PARTICIPLE_UNIT = "crowds gathered outside the embassy, chanting “we will not go” "


def _work(text: str) -> tuple[int, int]:
    """Characters the attribution of the quotes of ``text`` searches (the clause breaks near
    each verb, the patterns at the end of each sentence's words before a quote), and how many
    verbs it reads in lists of a sentence's verbs."""
    found = quotes._direct_quotes(text, quotes._paragraphs(text))
    searched: list[int] = []
    made: list[ClauseBreaks] = []
    listed: list[int] = []

    class Counted(ClauseBreaks):
        def __init__(self, text: str) -> None:
            super().__init__(text)
            made.append(self)

    class Counting:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def search(self, text: str, pos: int = 0, endpos: int = 2**62) -> Any:
            searched.append(min(endpos, len(text)) - pos)
            return self.pattern.search(text, pos, endpos)

        def __getattr__(self, name: str) -> Any:
            return getattr(self.pattern, name)

    between = VerbHits.between

    def listing(self: VerbHits, start: int, end: int) -> Any:
        out = between(self, start, end)
        listed.append(len(out))
        return out

    names = ["_BEFORE_TAIL", "_ACCORDING_BEFORE", "_PUT_IT_BEFORE", "_COLON_BEFORE"]
    saved = {name: getattr(quotes, name) for name in names}
    saved_class = quotes.ClauseBreaks
    mask = clause_breaks.mask_abbreviations

    def masking(stretch: str) -> str:
        searched.append(len(stretch))
        return mask(stretch)

    try:
        clause_breaks.mask_abbreviations = masking
        quotes.mask_abbreviations = masking  # type: ignore[attr-defined]
        for name in names:
            setattr(quotes, name, Counting(saved[name]))
        quotes.ClauseBreaks = Counted  # type: ignore[misc]
        VerbHits.between = listing  # type: ignore[method-assign]
        with bounded(120):
            quotes._attribute(text, found)
    finally:
        clause_breaks.mask_abbreviations = mask
        quotes.mask_abbreviations = mask  # type: ignore[attr-defined]
        for name in names:
            setattr(quotes, name, saved[name])
        quotes.ClauseBreaks = saved_class  # type: ignore[misc]
        VerbHits.between = between  # type: ignore[method-assign]
    assert len(found) == text.count("“")
    return sum(searched) + sum(b.searched for b in made), sum(listed)


@pytest.mark.parametrize("unit", [UNIT, PARTICIPLE_UNIT])
def test_many_quotes_in_one_long_sentence_take_work_in_proportion(unit: str) -> None:
    quotes_in_sentence = 500
    large = "Officials said " + unit * quotes_in_sentence  # 5,000 words, 500 quotes
    small = "Officials said " + unit * (quotes_in_sentence // 4)
    assert len(large.split()) >= 5000
    chars_large, listed_large = _work(large)
    chars_small, listed_small = _work(small)
    assert chars_large < 6 * chars_small  # linear: about 4; quadratic: about 16
    # the last 120, 100 and 100 characters before a quote at most, the words between it and
    # its verb (160 at most), a few near its verb
    assert chars_large <= 600 * quotes_in_sentence  # the sentence: 60 times that
    assert listed_large <= 6 * max(1, listed_small)


def test_a_quote_in_a_long_sentence_reads_its_clause() -> None:
    # the shortcut finds the clause the plain search found: after the last "and"
    text = "x " * 3000 + "and Putin told reporters “we will not go”"
    found = quotes._direct_quotes(text, quotes._paragraphs(text))
    quotes._attribute(text, found)
    assert [q.speaker for q in found] == ["Putin"]
    assert ClauseBreaks(text).clause_start(0, text.index("told")) == text.index("Putin") - 1


#: Stretches with stops of every kind: marks, full stops of titles and initials, decimals.
STOP_PIECES = ["Mr.", "U.S.", "E.", "said", "x", " ", ".", "1.9", "“", "”", '"', "!", "?", "‘",
               "’", ",", "Sen.", "end.", "a.m."]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(STOP_PIECES), max_size=30),
    st.lists(st.tuples(st.integers(0, 120), st.integers(0, 120)), min_size=1, max_size=8),
)
def test_a_stop_in_a_stretch_is_the_masked_search(pieces: list[str], stretches: Any) -> None:
    text = " ".join(pieces)
    marks = StopMarks(text)
    for a, b in stretches:
        plain = quotes._STOP.search(mask_abbreviations(text[a : a + b])) is not None
        assert marks.stop_in(a, a + b) == plain, (text, a, b)
