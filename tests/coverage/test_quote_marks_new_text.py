"""Quotes in marks on kinds of text the labelled articles lack (issue 15, round 4): straight marks
out of step, the style that re-opens each sentence, AP's closing '', terms and names in marks,
and a related-stories widget. The sentences are made up in the style of the outlets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli.coverage.quotes import extract_quotes
from tests.conftest import bounded


def _marked(text: str) -> list[str]:
    return [q.text for q in extract_quotes(text) if q.kind in ("direct", "partial")]


def test_a_straight_mark_that_only_closes_opens_nothing():
    # a lost space merged a closing and an opening mark: the pairs get out of step
    text = (
        'Officials say it is "a real concern."Analysts in the field are alarmed," Baer said.'
        ' The group wants to raise "the flag of victory" in the capital.The video came out'
        ' Tuesday."They will strike back," Baer said.'
    )
    found = _marked(text)
    assert "the flag of victory" in found
    assert "They will strike back" in found
    assert not any("The video came out" in q for q in found)


def test_a_mark_that_only_opens_starts_the_next_sentence_of_the_quote():
    text = (
        'The manager said: "I think we let it slip at the weekend. "It was a great chance -'
        ' and we did not take it." United scored first before the late strike. He called the'
        ' result an "absolute giveaway".'
    )
    found = _marked(text)
    assert "I think we let it slip at the weekend." in found
    assert "It was a great chance - and we did not take it." in found
    assert not any("United scored first" in q for q in found)


def test_a_paragraph_whose_first_straight_mark_closes_quotes_from_its_start():
    text = (
        '"They did what they accuse me of," the president said.\n\n'
        "The senator plainly threatened the government that there would be no support from"
        ' Congress," the president added.\n\nThat was a reference to a visit.'
    )
    found = _marked(text)
    assert any(q.startswith("The senator plainly threatened") for q in found)


def test_two_single_marks_close_a_curly_quote():
    text = (
        "“It’s not a mystery,’’ said Rep. Jane Doe, who helped write the bill. “If you ask"
        " people, the cost of drugs is a big deal.’’\n\nThe deal gave drugs ten years."
    )
    found = _marked(text)
    assert "It’s not a mystery," in found or "It’s not a mystery" in found
    assert any(q.startswith("If you ask people") for q in found)
    assert not any("said Rep. Jane Doe" in q for q in found)


def test_names_and_terms_in_marks_are_no_quotes():
    text = (
        "She won by running on an anti “Obamacare” platform, and some “Leave” voters regret it."
        " He came to the country on a so-called “fiancee” visa. Methane is burnt in a process"
        " known as “flaring”. The report, the “Proposed Refugee Admissions for Fiscal Year"
        " 2017”, was late. He gave interviews to a paper and “60 Minutes,’’ he said. The"
        " senator risks losing his “hard-hat” appeal. Users saw a “fact check” link."
    )
    assert _marked(text) == []


def test_a_word_someone_is_said_to_use_stays_a_quote():
    text = (
        "The governor called the plan “sexist.” The senator said he was “disappointed” that"
        " the plan had no end date. Trump said the Democrats were “a failure” to act."
    )
    found = _marked(text)
    assert "sexist." in found
    assert "disappointed" in found
    assert "a failure" in found


def test_quotes_in_a_related_stories_widget_are_headlines():
    text = (
        "The pastor is an ally of President Trump Donald John TrumpRivals to face off in"
        " rematch Trump thanks a governor for his support: 'Great honor' Son's hunting trip cost"
        ' millions MORE.\n\n"We will keep going," the pastor said.'
    )
    found = _marked(text)
    assert found == ["We will keep going"]
    assert not any(q.text.startswith("Trump thanks") for q in extract_quotes(text))


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from("aB '\"“’:MORE\n"), max_size=3000))
def test_generated_widgets_and_straight_marks(text):
    with bounded(60):
        for q in extract_quotes(text):
            assert 0 <= q.start <= q.end <= len(text)
