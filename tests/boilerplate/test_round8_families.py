"""Round 8 of the furniture families (issue #19) on real lines of AllSides articles that carry no
hand label (tests/fixtures/boilerplate_families8.json): a paywall note set as an editor's note, a
player's lead-in ("Watch more here:") and markup ('poster="http…'), a newsletter widget whose
title is glued to its call, a teaser glued to a quoted headline ("'Quote':Headline"), captions
closed by their credit, bylines with a role, credits ("— With assistance by …"), one-line bios at
the tail, an opinion disclaimer, a Scribd document's title, an ad's marker; and the story's lines
that an earlier rule took for furniture (a short sentence naming the outlet, a quote whose
speaker has an appositive or "replied")."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli.boilerplate.detection import detect
from tests.boilerplate.cases import assert_found_between_paragraphs, frame
from tests.conftest import FIXTURES

DATA = json.loads((FIXTURES / "boilerplate_families8.json").read_text(encoding="utf-8"))
PARAGRAPH = DATA["families"][0]["lines"][0]


def _verdicts(case: dict, lines: list[str] | None = None):  # type: ignore[no-untyped-def,type-arg]
    return detect(frame("\n\n".join(lines or case["lines"]), source=case["source"]))


@pytest.mark.parametrize(
    "case", [c for c in DATA["families"] if "position" not in c], ids=lambda c: c["doc_id"]
)
def test_each_family_is_found_between_its_paragraphs(case):
    assert_found_between_paragraphs(case)


@pytest.mark.parametrize(
    "case",
    [c for c in DATA["families"] if c.get("position") in ("head", "tail")],
    ids=lambda c: c["doc_id"],
)
def test_each_family_is_found_at_the_head_or_the_tail(case):
    verdicts = _verdicts(case)
    at = 0 if case["position"] == "head" else 2
    story = 2 if case["position"] == "head" else 0
    assert verdicts["boilerplate"].iloc[at], verdicts["why"].tolist()
    assert verdicts["family"].iloc[at] == case["family"]
    assert not verdicts["boilerplate"].iloc[story], verdicts["why"].tolist()


@pytest.mark.parametrize("case", DATA["story_lines"], ids=lambda c: c["doc_id"])
def test_the_storys_lines_of_the_same_shapes_are_kept(case):
    verdicts = _verdicts(case, [PARAGRAPH, case["line"], PARAGRAPH + " Again."])
    assert not verdicts["boilerplate"].any(), verdicts["why"].tolist()


def test_a_paywall_note_that_also_corrects_the_story_is_the_storys():
    note = (
        "Editor’s note: This story has been updated to correct the location in the dateline to "
        "Mendon, Mass. As a public service, all our coronavirus coverage is free. No paywall."
    )
    verdicts = detect(frame("\n\n".join([PARAGRAPH, note, PARAGRAPH + " Again."])))
    assert not verdicts["boilerplate"].any(), verdicts["why"].tolist()


def test_a_bio_needs_its_name_absent_from_the_story_not_from_the_byline():
    case = next(c for c in DATA["families"] if c["lines"][-1].startswith("Rep. Jody Hice"))
    byline = ["Jody Hice", "Opinion contributor"]
    verdicts = _verdicts(case, [*byline, *case["lines"]])
    assert verdicts["boilerplate"].tolist() == [True, True, False, False, True]
    mentioned = case["lines"][1] + " Hice has said so before."
    verdicts = _verdicts(case, [case["lines"][0], mentioned, case["lines"][2]])
    assert not verdicts["boilerplate"].iloc[2]  # the story names him: not a bio


def test_a_polls_credit_in_brackets_is_not_a_captions():
    line = "Support for the measure rose among independents in the latest survey (Reuters/Ipsos)"
    verdicts = detect(frame("\n\n".join([PARAGRAPH, line, PARAGRAPH + " Again."])))
    assert not verdicts["boilerplate"].any(), verdicts["why"].tolist()


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday, the Senate had not voted",
        "Watch for these three things:",
        "Listen to what the governor said on Tuesday:",
        "He met them on Tuesday—Reuters and the AP reported the meeting.",
    ],
)
def test_sentences_that_open_or_close_like_the_new_families_are_kept(line):
    verdicts = detect(frame("\n\n".join([PARAGRAPH, line, PARAGRAPH + " Again."])))
    assert not verdicts["boilerplate"].iloc[1], verdicts["why"].tolist()


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="Ab ()[]/—.:'?“”Jun1,\nBy=\"http", max_size=3000))
def test_the_new_rules_take_linear_time_on_generated_text(text):
    started = time.process_time()
    detect(frame(text + " (A/B)", "By " + text, "'" + text + "':" + text, 'x="http' + text))
    assert time.process_time() - started < 5


@pytest.mark.parametrize("case", DATA["signed_pull_quotes"], ids=lambda c: c["doc_id"])
def test_a_pull_quote_signed_by_name_goes_when_a_paragraph_tells_it(case):
    verdicts = _verdicts(case)
    removed = [k for k, gone in enumerate(verdicts["boilerplate"]) if gone]
    assert removed == case["removed"], verdicts["why"].tolist()
    assert set(verdicts["family"].iloc[case["removed"]]) <= {"embed"}


def test_a_line_ending_with_a_name_and_no_echo_is_the_storys():
    case = DATA["signed_pull_quotes"][0]
    alone = [*case["lines"][:3], PARAGRAPH]  # the paragraph that told the quote is gone
    verdicts = _verdicts(case, alone)
    assert not verdicts["boilerplate"].any(), verdicts["why"].tolist()
