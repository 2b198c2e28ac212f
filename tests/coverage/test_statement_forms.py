"""The statement forms `corpus diff` aligns beyond "X said that …" (asides between a name and its
verb, a clause after a colon, "wants to"), and the short quotes that are not statements of their
own (a term, a citation inside a reply, one word beside two); on sentences of real articles
(BASIL excerpts, a sentence each) and on generated text with a time bound."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli.coverage.align import long_enough
from corpuscli.coverage.diff import diff_articles, side
from corpuscli.coverage.quoted_terms import cites, is_term
from corpuscli.coverage.quotes import Quote
from corpuscli.coverage.statements import reported_clauses, without_apposition
from tests.conftest import bounded


def _clauses(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in reported_clauses(text)]


def _article(text: str, doc_id: str):
    return side(pd.Series({"doc_id": doc_id, "text": text}))


def test_an_aside_after_the_name_is_neither_the_speaker_nor_a_comma_too_many():
    """ "…, where Majority Leader Mitch McConnell, R-Ky., has said …" has three commas before its
    verb and was dropped as too long to report speech; the aside was taken for the speaker."""
    text = (
        "But the measure is not expected to succeed in the Senate, where Majority Leader Mitch "
        "McConnell, R-Ky., has said the bill is dead on arrival."
    )
    [(body, speaker)] = _clauses(text)
    assert body == "the bill is dead on arrival"
    assert speaker is not None and "McConnell" in speaker and "R-Ky" not in speaker
    text = (
        "Before the reading began, Jay Inslee, Democrat of Washington, asked Republicans to "
        "illuminate exactly what part of the Constitution would be read."
    )
    [(body, speaker)] = _clauses(text)
    assert body.startswith("illuminate exactly") and speaker == "Jay Inslee"
    text = "Sen. Marco Rubio, R-Fla., said the plan would undermine the right to bear arms."
    assert _clauses(text)[0][1] == "Sen. Marco Rubio"


def test_an_aside_is_kept_when_it_is_not_one():
    """Commas that do not set off an aside after a name stay: a list, a clause."""
    assert (
        without_apposition("In Iowa, Ohio and Texas, voters ") == "In Iowa, Ohio and Texas, voters "
    )
    words = "When the vote failed, leaders of both parties, "
    assert without_apposition(words) == words
    assert without_apposition("Mitch McConnell, R-Ky., has ") == "Mitch McConnell has "


def test_an_unquoted_clause_after_a_colon_is_a_statement():
    text = (
        "In an interview published Monday, Dowd brought out a new defense: Trump isn't guilty of "
        "obstructing justice because he is the president."
    )
    [(body, speaker)] = _clauses(text)
    assert body.startswith("Trump isn't guilty") and speaker is not None and "Dowd" in speaker
    text = "The senator said: the bill is dead on arrival and we will not take it up."
    assert _clauses(text)[0][0].startswith("the bill is dead")
    # a colon that introduces a list or an explanation, with no word for what was said, is not
    assert (
        _clauses("Labrador would represent several firsts: the first Latino and first Mormon.")
        == []
    )


def test_wants_to_is_a_statement():
    text = "Plus the president wants to commit $4 billion to hiring more police officers."
    [(body, _)] = _clauses(text)
    assert body.startswith("commit $4 billion")


def _quote(text: str, kind: str = "partial") -> Quote:
    return Quote(0, len(text), text, kind)


def test_a_term_is_not_a_statement():
    text = "His party is willing to use what’s known as the “nuclear option,” to lower the bar."
    start = text.index("nuclear")
    term = Quote(start, start + len("nuclear option"), "nuclear option", "partial")
    assert is_term(term, text)
    text = "He also called Mr. Trump a “false prophet” who was misleading his followers."
    start = text.index("false")
    assert not is_term(Quote(start, start + 13, "false prophet", "partial"), text)


def test_a_reply_that_cites_a_remark_is_not_the_remark():
    reply = _quote(
        "Needless to say, the war in Afghanistan was not ‘a war of Obama’s choosing.’ It has "
        "been prosecuted by the president.",
        "direct",
    )
    assert cites(reply, _quote("war of Obama's choosing"))
    # the same words in the speaker's own sentence, without marks of their own: the remark itself
    assert not cites(_quote("This is a war of Obama’s choosing, he said.", "direct"),
                     _quote("war of Obama's choosing"))  # fmt: skip
    # reported speech is the outlet's words: its quotation marks are the remark's
    assert not cites(_quote("he said it was “a war of Obama’s choosing”", "reported"),
                     _quote("war of Obama's choosing"))  # fmt: skip


def test_short_quotes_that_are_not_one_statement_are_not_linked():
    a = _article(
        "Republicans said Wednesday that their party is willing to use what’s known as the "
        "“nuclear option,” to lower the vote threshold for the nominee. Trump said CNN is “fake,” "
        "but he would not take it off the air.",
        "a",
    )
    b = _article(
        "Mitch McConnell has threatened to pursue the so-called nuclear option eliminating the "
        "filibuster for Supreme Court selections. Trump went on a familiar rant about “fake news” "
        "and CNN.",
        "b",
    )
    linked = [(q.text, r.b[0].text) for r in diff_articles(a, b).rows if r.a and r.b for q in r.a]
    assert not any(t in ("nuclear option", "fake") for t, _ in linked)


def test_a_one_word_quote_is_linked_only_beside_a_statement_of_a_few_words():
    """ "fake" and "fake news" are words both outlets wrote; "desperate" inside "It's a desperate
    move" is a fragment of the statement."""
    assert not long_enough(1, 2) and not long_enough(1, 1)
    assert long_enough(1, 3) and long_enough(2, 2)


PIECES = st.sampled_from([
    "Mitch", "McConnell", ",", ", ", "R-Ky.", " R-", "Democrat of", " the", " a", " has", " said",
    " wants", " to", ":", ": ", " message", " defense", " x", "“", "”", "‘", "’", " ", ".",
])  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(st.lists(PIECES, max_size=400).map("".join))
def test_the_new_forms_stay_fast_on_any_text(text):
    with bounded(30):
        reported_clauses(text + ".")
        without_apposition(text)
        cites(_quote(text, "direct"), _quote("a war"))
