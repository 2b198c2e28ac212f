"""``role_of`` reads the last two words of a phrase only: ``parse_phrase`` asks it about the
two words before each preposition instead of the whole phrase up to them (building the whole
list for each word took quadratic time in long phrases), which gives the same answer only while
this holds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli.coverage.lexicon import lexicon
from corpuscli.coverage.speaker_phrase import parse_phrase, role_of

_ROLE_WORDS = sorted({w for role in lexicon().roles for w in role.split()})[:400]
_WORDS = st.sampled_from([*_ROLE_WORDS, "the", "a", "of", "for", "Putin", "officials", "x"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=8))
def test_role_of_is_the_role_of_the_last_two_words(words):
    assert role_of(words) == role_of(words[-2:])


def test_a_description_before_a_preposition_is_found_after_many_words():
    text = "a senior official for the United States"
    found = parse_phrase(text, 0, len(text))
    assert found is not None and found.source == "description"
    assert found.text == text
