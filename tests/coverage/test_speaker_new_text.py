"""Speaker rules checked on kinds of text the earlier rules were not written on (judged sample
5: wire copy, BBC, outlets no earlier sample read). Excerpts of the articles."""

from __future__ import annotations

from corpuscli.coverage.quotes import extract_quotes
from corpuscli.coverage.speaker_phrase import parse_phrase


def _speakers(text: str, kind: str | None = None) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(text) if kind is None or q.kind == kind]


def test_a_firm_named_with_its_suffix_is_a_body_named_whole() -> None:
    for phrase, name in [
        ("American Motors Corp", "American Motors Corp"),  # not "Motors Corp"
        ("Canada Development Corp", "Canada Development Corp"),
        ("Japan's Toyota Motor Corp", "Toyota Motor Corp"),
        ("But Tenneco Inc", "Tenneco Inc"),
    ]:
        who = parse_phrase(phrase + " said", 0, len(phrase))
        assert who is not None and (who.name, who.kind) == (name, "body")


def test_it_said_after_a_firm_named_with_its_suffix() -> None:
    text = (
        "Canada Development Corp said it is considering the sale of the 270.8 mln dlrs it "
        "holds of Falconbridge Ltd's 8.5 pct convertible debentures.\n"
        "    It said it made the disclosure in two prospectuses filed today with the Ontario "
        "Securities Commission.\n"
    )
    reported = _speakers(text, "indirect")
    assert reported[-1] == (
        "it made the disclosure in two prospectuses filed today with the Ontario Securities "
        "Commission",
        "Canada Development Corp",
    )


def test_a_plural_noun_before_a_verb_in_s_is_no_subject_of_it() -> None:
    text = (
        "In a statement his family released through a public relations firm over the weekend, "
        "Sandmann said that the encounter occurred after another incident. He stated that as "
        "a result of that interaction, he had, with permission from a chaperone, led students "
        'in school spirit chants "to counter the hateful things that were being shouted at '
        'our group."'
    )
    (quote,) = [s for s in _speakers(text) if s[0].startswith("to counter")]
    assert quote[1] == "Sandmann"  # "students in school spirit" say nothing: "chants" is a noun


def test_a_singular_subject_of_a_verb_in_s_still_speaks() -> None:
    text = 'The spokesman for the ministry says "we will not comment on it."'
    assert _speakers(text)[0][1] not in (None, "")


def test_a_determiner_alone_is_no_speaker() -> None:
    text = (
        "However, these numbers reflect an increased political polarization. Another reason "
        "why political parties are bad for democracy is exemplified in presidential primary "
        "elections."
    )
    assert all(speaker is None for _, speaker in _speakers(text))


def test_the_end_of_a_title_with_of_is_no_part_of_the_name() -> None:
    text = (
        "Secretary of State John Kerry, who helped arrange the accord, condemned the killing "
        "of the Israeli soldiers and the suspected abduction of another as an “outrageous "
        "violation” of the truce."
    )
    assert [s for _, s in _speakers(text)] == ["John Kerry"]  # not "State John Kerry"


def test_a_hyphenated_title_is_no_part_of_the_name() -> None:
    text = (
        '"To avoid any confusion, clear and strict instructions have been handed down that no '
        'live ammunition be used," Major-General Abdul Karim Khalaf told reporters at a press '
        "conference on Wednesday."
    )
    assert [s for _, s in _speakers(text)] == ["Abdul Karim Khalaf"]
    who = parse_phrase("John Smith-King said", 0, len("John Smith-King"))
    assert who is not None and who.name == "John Smith-King"  # a family name, no title


def test_a_member_of_parliament_is_named_without_party_and_title() -> None:
    text = (
        "On the question of whether such papers have always been kept confidential, Tory MP "
        "Michael Mates, who is a member of the Commons intelligence and security committee, told "
        'the BBC: "That, as a general rule, is right, but it\'s not an absolute rule."'
    )
    assert [s for _, s in _speakers(text)] == ["Michael Mates"]
