"""The circumstance after a speech verb (data/quotes/circumstance.txt): "in" or "from" and a
capitalised name is one ("said in Moscow"), "in" and any lower-case words is not ("wrote in a
2000 memo arguing …"), and the lower-case circumstances are listed ("said in part", "in the
past"). Made-up sentences in the style of news text."""

from __future__ import annotations

from corpuscli.coverage.quotes import extract_quotes


def _reported(text: str) -> list[tuple[str | None, str]]:
    return [(q.verb, q.text) for q in extract_quotes(text) if q.kind == "indirect"]


def test_a_capitalised_place_after_in_is_a_circumstance():
    found = _reported("The governor said in Washington they had confidence in the plan.")
    assert ("said", "they had confidence in the plan") in found


def test_in_and_lower_case_words_are_no_circumstance():
    text = "The legal office wrote in a 2000 memo arguing a president cannot be charged."
    assert not any(t.startswith("2000 memo") for _, t in _reported(text))


def test_listed_lower_case_circumstances_still_lead_to_the_clause():
    found = _reported("The minister said in part that the talks would go on next month.")
    assert any(t.endswith("the talks would go on next month") for _, t in found)
    found = _reported("Earlier in the week the White House said Trump was ending the program.")
    assert ("said", "Trump was ending the program") in found


def test_a_lower_case_circumstance_before_a_colon_keeps_the_speaker():
    text = (
        "The agency said it repeated what the minister had said in the past: “Never threaten us.”"
    )
    quote = next(q for q in extract_quotes(text) if q.kind == "direct")
    assert quote.speaker is not None and "minister" in quote.speaker


def test_a_speech_noun_and_a_participle_after_the_verb_are_its_object():
    # "reiterated remarks made …": the remarks are what he reiterated, no clause of their own
    assert _reported("The senator reiterated remarks made last week about the border.") == []
    assert _reported("The senator repeated comments he made on Monday.") == []
    found = _reported("He said claims made by the campaign were false.")
    assert ("said", "claims made by the campaign were false") in found
