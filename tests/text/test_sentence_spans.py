"""Sentence spans: the search for the word before a full stop reads only its last 20
characters, and gives the spans the plain search (back to the paragraph's start) gives."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli.text import sentences
from corpuscli.text.sentences import abbreviations, sentence_spans

#: Pieces of text around sentence ends: abbreviations, initials (a run of them longer than the
#: window too), long words, stops of every kind, closing quotation marks, spaces and line breaks.
PIECES = ["Mr.", "U.S.", "H.R.", "Dec.", "E.", "e.g.", "Sen.", "Seoul.", "said.", "x",
          "supercalifragilisticexpialidocious.", "a" * 25 + ".", "(Mr.", "“Mr.", "?", "!", "…",
          "...", ".", "a.b.c.d.e.f.g.", "a.b.c.d.e.f.g.h.i.j.k.", "”", "’", "'", '"', ")", " ", "  ", "\t", "\n", "\n\n", "Putin", "it"]  # fmt: skip


def _plain_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans as the search back to the paragraph's start gave them."""
    abbrev = abbreviations()
    out: list[tuple[int, int]] = []
    pos = start
    for m in sentences._END.finditer(text, start, end):
        if m.group(0)[0] == "." and m.end() - m.start() == 1:
            space = max(text.rfind(" ", start, m.start()), text.rfind("\n", start, m.start()))
            w = text[max(space + 1, m.start() - 20) : m.start()].lstrip("(“\"‘'").lower()
            if w and (w in abbrev or sentences._INITIALS.fullmatch(w)):
                continue
        sentences._add(text, pos, m.end() if m.group(0)[0] != "\n" else m.start(), out)
        pos = m.end()
    sentences._add(text, pos, end, out)
    return out


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=60),
    st.integers(min_value=0, max_value=400),
    st.integers(min_value=0, max_value=400),
)
def test_spans_are_the_plain_search(pieces, a, b):
    text = "".join(p if p.isspace() or len(p) < 3 else p + " " for p in pieces)
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    assert sentence_spans(text, start, end) == _plain_spans(text, start, end)
    assert sentence_spans(text) == _plain_spans(text, 0, len(text))


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = "Mr. Putin met Sen. E. Warren in the U.S. on Dec. 17. She left.\nA new line"
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Mr. Putin met Sen. E. Warren in the U.S. on Dec. 17.",
        "She left.",
        "A new line",
    ]


def test_a_word_longer_than_the_window_is_read_in_its_last_characters():
    word = "a" * 30 + "mr"  # its last 20 characters are no abbreviation: the stop ends it
    text = f"He met {word}. Then left."
    assert sentence_spans(text) == _plain_spans(text, 0, len(text))
    assert len(sentence_spans(text)) == 2


#: The sentence-end pattern as first written (two branches tried at every position).
_PLAIN_END = re.compile(r"[.!?…]+[\"”’'»)]*(?=\s|$)|\n+")


@settings(max_examples=600, deadline=None)
@given(
    st.lists(
        st.sampled_from([*PIECES, ".\n", "?”", "!)", "…’ ", ".'", "\n\n\n", "a"]), max_size=60
    ),
    st.integers(min_value=0, max_value=400),
    st.integers(min_value=0, max_value=400),
)
def test_end_pattern_finds_what_the_plain_one_finds(pieces, a, b):
    text = "".join(pieces)
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    found = [m.span() for m in sentences._END.finditer(text, start, end)]
    assert found == [m.span() for m in _PLAIN_END.finditer(text, start, end)]
    assert [m.span() for m in sentences._END.finditer(text)] == [
        m.span() for m in _PLAIN_END.finditer(text)
    ]
