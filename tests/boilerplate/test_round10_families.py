"""Round 10 of the boilerplate rules: word lists moved to data, story headings an outlet repeats."""

from __future__ import annotations

from corpuscli.boilerplate.quote_sources import name_words, source_line
from corpuscli.boilerplate.vocabulary import word_set


def test_source_name_words_are_data_with_signs_kept() -> None:
    words = name_words()
    assert {"of", "the", "&"} <= words
    assert source_line("Editorial Board, The Journal of Commerce")
    assert source_line("— Procter & Gamble")
    assert not source_line("Editorial Board, The Journal Which Said So.")


def test_crediting_words_are_data() -> None:
    assert "by" in word_set("credit_agents")
    assert "and" in word_set("credit_joiners")
    assert {"we", "our", "us"} <= word_set("first_plural")
    assert "your" in word_set("second_person")
