"""Reported speech found by clause structure rather than by word lists: a relative clause whose
subject the relative pronoun took ("which she claims would cost …"), a sentence subject parted
from its verb by an aside holding a clause of its own, circumstance with commas before "that",
and a quotation that belongs to a relative aside, not to the reported clause. Excerpts of real
articles (AllSides corpus in ../shared/corpora; the outlet is named)."""

from __future__ import annotations

from corpuscli.coverage.quotes import extract_quotes


def _reported(text: str) -> list:
    return [q for q in extract_quotes(text) if q.kind == "indirect"]


def test_a_relative_clause_whose_subject_the_pronoun_took_reports_its_predicate():
    text = (  # Reason
        "For instance, Stein favors a single-payer health care system, which she claims would "
        "cost taxpayers nothing."
    )
    [q] = _reported(text)
    assert q.text == "would cost taxpayers nothing"
    assert q.verb == "claims"


def test_the_relative_clause_ends_at_its_comma():
    text = (  # ABC News
        "The controversial deal, which critics say is illegal and immoral, is sure to face legal "
        "challenges in the U.S. and already does in Guatemala."
    )
    [q] = _reported(text)
    assert q.text == "is illegal and immoral"  # not the sentence's own predicate after the comma
    assert q.speaker == "critics"
    assert q.verb == "say"


def test_a_relative_clause_with_a_noun_after_the_verb_is_no_extracted_subject():
    # "that he said the …": the verb takes a clause of its own, read as usual
    [q] = _reported("It was the report that he said the agency had leaked.")
    assert q.text == "the agency had leaked"


def test_a_subject_parted_from_its_verb_by_an_aside_with_a_clause_of_its_own():
    text = (  # National Review
        "Obama, whose instinct for self-preservation is at least as instinctive as Richard "
        "Nixon’s was, said that he knew nothing about Mrs. Clinton’s e-mail shenanigans until "
        "he learned about the situation on the evening news."
    )
    [q] = _reported(text)
    assert q.text.startswith("he knew nothing")
    assert q.speaker is not None and "Obama" in q.speaker


def test_an_aside_after_a_place_or_a_pronoun_gives_no_subject():
    assert _reported("In Moscow, where the talks were held, said nothing.") == []


def test_circumstance_with_commas_before_that():
    text = (  # Associated Press (a photo caption)
        "Vance said on Twitter Sunday, July 21, that Fox isn’t airing Mueller’s testimony because "
        "President Donald Trump is afraid of what will happen to his supporters if they heard "
        "Mueller."
    )
    [q] = _reported(text)
    assert q.text.startswith("Fox isn’t airing")
    assert q.speaker is not None and q.speaker.endswith("Vance")


def test_a_comma_after_circumstance_without_that_still_sets_the_attribution_aside():
    [q] = _reported("The talks, he said on Monday, will go on until the end of the month.")
    assert "will go on" in q.text


def test_a_quotation_in_a_relative_aside_leaves_the_clause_reported_speech():
    text = (  # Vice
        "Last year after the meeting, Trump told Fox News’s Sean Hannity that the ongoing "
        "investigations into Trump’s campaign’s ties to Russia — which Trump called a “phony "
        "witch hunt” — was driving a wedge between the U.S. and Russia."
    )
    [q] = _reported(text)
    assert q.text.startswith("the ongoing investigations")
    assert q.text.endswith("between the U.S. and Russia")


def test_a_quoted_fragment_of_the_clause_itself_keeps_it_a_partial_quote():
    text = "He said the plan was a “disaster” for the farmers of the state."
    assert _reported(text) == []


def test_according_to_between_commas_before_a_speech_verb_is_an_aside():
    text = (  # The Washington Post
        "Trump, according to The Washington Post’s Fact Checker, has long said that he would "
        "like to change U.S. libel laws."
    )
    [q] = _reported(text)
    assert q.text == "he would like to change U.S. libel laws"
    assert q.speaker is not None and q.speaker.endswith("Trump")


def test_according_to_between_commas_before_another_predicate_still_reports():
    [q] = _reported("The company, according to the filing, lost $2 billion last year.")
    assert q.text.startswith("lost $2 billion")
    assert q.verb == "according to"
