"""The shortcuts quote finding takes for speed give what the plain ways give (checked on
generated text): they change how much work is done, never what is found."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli.coverage import quotes, speaker_names, speaker_phrase
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


#: Pieces of names, some glued to the next word by a link's text ("SasseDemocrat").
NAME_PIECES = ["Ben", "Sasse", "SasseDemocrat", "McConnell", "McConnellTrump", "Li", "ab", "abcD",
               "O’Rourke", "DeSantis", "iPhone", "x", "ÉmileZola", "ŞahinA", "İ", "abcİ", "SNP"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NAME_PIECES), max_size=6))
def test_glued_words_are_the_plain_search(words: list[str]) -> None:
    plain = next((k for k, w in enumerate(words) if k and speaker_names.GLUED.search(w)), None)
    assert speaker_names.glued_at(words) == plain


#: Pieces of the text before a quote: what its attribution's tail holds, and what it does not.
TAIL_PIECES = [
    " ",
    "\t",
    "that",
    " that",
    ",",
    ":",
    "—",
    "–",
    "-",
    "said",
    "Putin",
    "hat",
    "t",
    ".",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TAIL_PIECES), max_size=30), st.integers(0, 60))
def test_a_quotes_lead_tail_is_the_plain_search(pieces: list[str], reach: int) -> None:
    before = "".join(pieces)
    plain = quotes._BEFORE_TAIL.search(before, max(0, len(before) - reach))
    fast = quotes._BEFORE_TAIL.search(
        before, quotes._tail_search_from(before, 0, len(before), reach)
    )
    assert (plain and plain.span()) == (fast and fast.span())


#: Words of the phrases before and after speech verbs, with the spaces around them.
PHRASE_PIECES = ["he", "He", "she", "Trump", "Mr.", "Donald", "the", "president", "U.S.", "Sen.",
                 "Elizabeth", "Warren", "of", "Massachusetts", "officials", "in", "Washington",
                 "Iran's", "But", "it", ",", "(", "—", " ", "  ", "\t", "\n", "May", "Turkish",
                 "a", "spokesman", "for", "the", "Kremlin", "Jr.", "has", "repeatedly"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(PHRASE_PIECES), max_size=8),
    st.sampled_from(["", "x ", "said. ", "“Yes,” "]),
    st.sampled_from(["", " said", ", who"]),
)
def test_a_phrase_read_again_names_what_it_named_the_first_time(
    pieces: list[str], before: str, after: str
) -> None:
    phrase = " ".join(pieces)
    for lead in ("", " ", "\t ", "words and "):
        text = before + lead + phrase + after
        start = len(before) + len(lead)
        # asked twice (the second answer from memory), in every context the same as read afresh
        for _ in range(2):
            assert speaker_phrase.parse_phrase(
                text, start, start + len(phrase)
            ) == speaker_phrase._parse_phrase(text, start, start + len(phrase))
