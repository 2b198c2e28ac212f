"""Families of reported speech missed on outlets no rule writer had read (the recall set
benchmarks/labels/reported_recall.json, half A): each test writes one member of a family in
words of its own, and a near miss that must stay unreported."""

from __future__ import annotations

from corpuscli.coverage.quotes import extract_quotes


def _reported(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(text) if q.kind == "indirect"]


def test_a_sentence_that_ends_with_its_attribution_after_an_addressee_and_a_time():
    for tail in ("told Axios Wednesday night.", "told the Associated Press.",
                 "told reporters on Friday.", "said during a press conference in Ankara."):  # fmt: skip
        text = (
            f"The ministry will send most of its reserves to the south, spokesman Ali Demir {tail}"
        )
        assert _reported(text) == [
            ("The ministry will send most of its reserves to the south", "Ali Demir")
        ], tail


def test_an_addressee_then_more_words_is_no_sentence_ending_attribution():
    text = "The ministry will send its reserves, spokesman Ali Demir told reporters it was over."
    assert ("The ministry will send its reserves", "Ali Demir") not in _reported(text)


def test_a_subject_before_a_relative_clause_between_commas():
    text = (
        "It was a long day. Senator Marsh, who doesn't think a vote is needed, noted that many "
        "colleagues would be put in an awkward place."
    )
    assert _reported(text) == [("many colleagues would be put in an awkward place", "Marsh")]


def test_both_between_a_joint_subject_and_its_verb():
    text = "The department and the governor both denied that the change was made under pressure."
    found = _reported(text)
    assert [t for t, _ in found] == ["the change was made under pressure"]
    assert found[0][1]


def test_an_ally_speaks():
    text = "A close ally told the Associated Press that the governor was not serious about it."
    assert [t for t, _ in _reported(text)] == ["the governor was not serious about it"]


def test_a_restrictive_relative_inside_the_clause_does_not_end_it():
    text = (
        "Marsh noted that many members, particularly those who called for a withdrawal, would be "
        "put in an awkward place."
    )
    assert _reported(text) == [
        ("many members, particularly those who called for a withdrawal, would be put in an "
         "awkward place", "Marsh")
    ]  # fmt: skip


def test_a_time_after_a_quotations_verb_is_no_clause():
    text = '"We will get rid of it," Marsh warned when he was on the campaign trail.'
    assert _reported(text) == []
    # a "that" after the time still opens a clause
    text = "Marsh warned when he spoke in Ohio that the plant would close."
    assert _reported(text) == [("the plant would close", "Marsh")]


def test_according_to_leaves_a_clause_with_its_own_speaker_to_its_verb():
    text = (
        "People familiar with the talks said the governor asked his counsel to look into it, "
        "according to the Journal, which first reported it."
    )
    found = _reported(text)
    assert len(found) == 1
    assert found[0][0].startswith("the governor asked his counsel to look into it")
    assert found[0][1] == "People familiar with the talks"


def test_according_to_still_reports_a_clause_whose_verb_says_nothing_yet():
    text = (
        "She will testify alongside a former director of the agency, according to an official "
        "with knowledge of the plans."
    )
    assert [t for t, _ in _reported(text)] == [
        "She will testify alongside a former director of the agency"
    ]
