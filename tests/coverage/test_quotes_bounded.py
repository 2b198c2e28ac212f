"""Quote finding does work in proportion to the text on hostile input: a sentence of thousands of
quotation marks, of "accused him" / "called the bill", of "told x x x", of titles ("Mr. … Mr.")
with no full stop once took quadratic time (7 to 20 s on 50,000 characters). The work is counted,
not timed: the calls made for a text four times as long stay about four times as many. The
shortcuts that made it so give what the plain searches give (checked on generated text)."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corpuscli.coverage.speaker_phrase as speaker_phrase
from corpuscli.coverage.match_index import MatchIndex
from corpuscli.coverage.quote_patterns import (
    PRONOUN_VERB,
    VERBS,
    end_of_sentence,
    start_of_sentence,
)
from corpuscli.coverage.quotes import extract_quotes
from corpuscli.coverage.statements import article_statements
from tests.conftest import bounded

#: Units that, repeated with no full stop, made the rules quadratic.
HOSTILE = [
    ("“a” \"b\" ‘c’ 'd' ", extract_quotes),
    ("accused him ", extract_quotes),
    ("He called the bill a disaster ", extract_quotes),
    ("accused him, called the bill ", extract_quotes),
    ("told " + "x " * 11, article_statements),
    ("x said ", extract_quotes),  # (a reported clause for every verb: many calls a character)
    ('‘ " Mr. they ? a ', extract_quotes),
    ('bill reporters U.S. " ', extract_quotes),
    ("It President asked put Q: ", extract_quotes),
]
#: Characters of the shorter text (the longer has four times as many): past the bounds (a
#: phrase of 1,000 characters), and few enough for a quick test.
SMALL = {"x said ": 1500}


def _calls(run: Callable[[str], Any], text: str) -> int:
    """How many functions (Python's and C's) ``run(text)`` calls."""
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    run(text[:100])  # patterns compiled and data read beforehand
    sys.setprofile(profile)
    try:
        run(text)
    finally:
        sys.setprofile(None)
    return count


class _NoMemory(dict):  # type: ignore[type-arg]
    """A memory of phrases that keeps none: every phrase is read (a periodic text's phrases
    are answered from memory past its first period, which would hide the work)."""

    def __setitem__(self, key: object, value: object) -> None:
        pass


@pytest.mark.parametrize(("unit", "run"), HOSTILE)
def test_hostile_sentences_take_work_in_proportion(unit, run, monkeypatch):
    monkeypatch.setattr(speaker_phrase, "_PHRASES_READ", _NoMemory())
    size = SMALL.get(unit, 4000)
    small = unit * (size // len(unit))
    large = unit * (4 * size // len(unit))
    with bounded(120):
        ratio = _calls(run, large) / _calls(run, small)
    assert ratio < 6, ratio  # linear: about 4; quadratic: about 16


#: News words and marks a generated hostile sentence repeats.
WORDS = ["Putin", "said", "he", "told", "reporters", "that", "the", "Kremlin", "according", "to",
         "Mr.", "Sen.", "U.S.", "officials", "warned", "added", "accused", "him", "of", "called",
         "bill", "a", "—", ":", ",", "?", "“", "”", '"', "‘", "’", "'", "Q:", "President", "as",
         "put", "it", "asked", "when", "saying", "The", "spokesman", "who", "and", "x", "(",
         "she", "they", "It"]  # fmt: skip


@settings(max_examples=4, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
def test_generated_run_on_sentences_take_work_in_proportion(words):
    unit = " ".join(words) + " "
    memory = speaker_phrase._PHRASES_READ
    speaker_phrase._PHRASES_READ = _NoMemory()
    try:
        with bounded(120):
            small = _calls(extract_quotes, unit * (4000 // len(unit)))
            large = _calls(extract_quotes, unit * (16000 // len(unit)))
    finally:
        speaker_phrase._PHRASES_READ = memory
    assert large < 6 * small, (unit, large / small)


def test_a_long_phrase_is_read_in_its_last_words(monkeypatch):
    read: list[int] = []
    parse = speaker_phrase._parse_phrase

    def counted(text: str, start: int, end: int) -> Any:
        read.append(end - start)
        return parse(text, start, end)

    monkeypatch.setattr(speaker_phrase, "_parse_phrase", counted)
    speaker_phrase._PHRASES_READ.clear()
    text = "He called the bill a disaster " * 1500  # 45,000 characters, no stop
    extract_quotes(text)
    assert read and max(read) <= speaker_phrase.PHRASE_REACH
    assert sum(read) <= 60 * len(text)  # every verb reading from the start: some 750 times
    # a phrase of news is never cut
    who = speaker_phrase.parse_phrase("U.S. Secretary of State Mike Pompeo", 0, 35)
    assert who is not None and who.name == "Mike Pompeo"


#: Words the speech patterns match, and what stands around them.
PIECES = ["he", "He", "she", "they", "said", "says", "saying", "told", "accused", "lashed out",
          "took a swipe", "reporters", "then", "x", "Mr.", "U.S.", ". ", ".", " ", "  ", "\t",
          "\n", ",", "“", "”", "'", "_", "9", "sayings", "hesaid"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=60),
    st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), max_size=10),
)
def test_match_index_gives_the_search(pieces, stretches):
    text = "".join(p if p.strip() in ("", ".", ",") else p + " " * (len(p) % 2) for p in pieces)
    speaks = re.compile(rf"\b(?:{VERBS}|accus(?:ed|ing)|lashed out|took a swipe)\b")
    for pattern in (PRONOUN_VERB, speaks):
        index = MatchIndex(pattern, text)
        for a, b in stretches:
            a, b = min(a, b, len(text)), min(max(a, b), len(text))
            found, plain = index.first(a, b), pattern.search(text, a, b)
            assert (found and (found.span(), found.group(0))) == (
                plain and (plain.span(), plain.group(0))
            )
            found, plain = index.first(a, b, sliced=True), pattern.search(text[a:b])
            assert (found and (found.span(), found.group(0))) == (
                plain and (plain.span(), plain.group(0))
            )


_ABBREV_END = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Gen|Lt|Col|U\.S|U\.N|Jr|Sr|No|vs|[A-Z])\.$"
)


def _plain_start(text: str, pos: int) -> int:
    """The sentence's start found by walking back over the full stops, as it was done."""
    start = pos
    while True:
        dot = text.rfind(". ", 0, start)
        newline = text.rfind("\n", 0, start)
        if newline > dot:
            return newline + 1
        if dot < 0:
            return 0
        if not _ABBREV_END.search(text[max(0, dot - 6) : dot + 1]):
            return dot + 2
        start = dot


def _plain_end(text: str, pos: int) -> int:
    start = pos
    while True:
        dot = text.find(". ", start)
        newline = text.find("\n", start)
        if newline >= 0 and (dot < 0 or newline < dot):
            return newline
        if dot < 0:
            return len(text)
        if not _ABBREV_END.search(text[max(0, dot - 6) : dot + 1]):
            return dot + 1
        start = dot + 2


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Mr", ".", " ", "\n", "a", "U.S", "Dr", "x", "A", ". ", ".."]),
                max_size=40))  # fmt: skip
def test_sentence_edges_are_the_walk_over_the_stops(pieces):
    text = "".join(pieces)
    for pos in range(len(text) + 1):
        assert start_of_sentence(text, pos) == _plain_start(text, pos)
        assert end_of_sentence(text, pos) == _plain_end(text, pos)


def test_the_indexed_words_begin_and_end_with_a_word_character():
    """A :class:`~corpuscli.coverage.match_index.MatchIndex` answers a stretch as its search
    would only for patterns whose matches begin and end with word characters (a ``\\b`` at each
    end): every speech verb and act of speech in the data files must keep to that ("Sen." or
    "-said" as an entry would make the index answer differently from the search)."""
    from corpuscli.coverage.lexicon import lexicon

    words = [*lexicon().verb_class, *lexicon().speech_acts]
    assert len(words) > 100
    odd = [w for w in words if not (w[:1].isalnum() and w[-1:].isalnum())]
    assert not odd, f"entries that begin or end with a non-word character: {odd}"
