"""Round 6 of the furniture families (issue #19) on real lines of AllSides articles that carry no
hand label (tests/fixtures/boilerplate_families6.json): the lines of an embedded post above its
attribution line (a post's list, lines naming handles), a series' standing description at the
head, a shortcode, a newsletter or a promotion naming its outlet, an agency alone on its line, a
pull quote set in spaced quotation marks;
and the story's lines of the same shapes kept."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli.boilerplate.detection import detect
from tests.boilerplate.cases import assert_found_between_paragraphs, frame
from tests.conftest import FIXTURES

DATA = json.loads((FIXTURES / "boilerplate_families6.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", DATA["post_lists"], ids=lambda c: c["doc_id"])
def test_a_posts_lines_above_its_attribution_go_with_it_and_the_story_stays(case):
    verdicts = detect(frame("\n\n".join(case["lines"]), source=case["source"]))
    removed = [k for k, gone in enumerate(verdicts["boilerplate"]) if gone]
    assert removed == case["removed"], verdicts["why"].tolist()
    assert set(verdicts["family"].iloc[case["removed"]]) == {"embed"}


@pytest.mark.parametrize(
    "case", [c for c in DATA["families"] if not c.get("head")], ids=lambda c: c["doc_id"]
)
def test_each_family_is_found_between_its_paragraphs(case):
    assert_found_between_paragraphs(case)


def test_a_series_description_is_furniture_at_the_head_only():
    case = next(c for c in DATA["families"] if c.get("head"))
    verdicts = detect(frame("\n\n".join(case["lines"]), source=case["source"]))
    assert verdicts["boilerplate"].tolist() == [True, False, False], verdicts["why"].tolist()
    assert verdicts["family"].iloc[0] == case["family"]
    story = case["lines"][1:] * 2
    moved = [*story[:2], case["lines"][0], *story[2:]]
    verdicts = detect(frame("\n\n".join(moved), source=case["source"]))
    assert not verdicts["boilerplate"].iloc[2]  # the same words inside the story are its own


@pytest.mark.parametrize("case", DATA["story_lines"], ids=lambda c: c["doc_id"])
def test_the_storys_lines_of_the_same_shapes_are_kept(case):
    paragraph = DATA["families"][0]["lines"][1]
    lines = [paragraph, case["line"], paragraph + " Again."]
    verdicts = detect(frame("\n\n".join(lines), source=case["source"]))
    assert not verdicts["boilerplate"].any(), verdicts["why"].tolist()


def test_a_spaced_pull_quote_goes_only_when_the_story_holds_its_words():
    paragraph = DATA["families"][0]["lines"][1]
    quote = "“ A US airstrike in Somalia targeted a leader of the Al Qaeda-affiliated Al Shabab ”"
    other = "A prison in Mogadishu was stormed by suspected militants on Sunday, officials said."
    verdicts = detect(frame("\n\n".join([other, paragraph, quote, other + " Again."])))
    assert verdicts["boilerplate"].tolist() == [False, False, True, False]
    assert verdicts["family"].iloc[2] == "embed"
    alone = "“ Those texts were selected for their political impact and lack a lot of context. ”"
    verdicts = detect(frame("\n\n".join([other, paragraph, alone, other + " Again."])))
    assert not verdicts["boilerplate"].any(), verdicts["why"].tolist()


def test_a_bio_that_reports_what_its_subject_said_is_the_storys():
    paragraph = DATA["families"][0]["lines"][1]
    line = (
        "Kara Dansky is an attorney with a women's group who testified in support of the bill. "
        "She said the treatment is “a multibillion industry.”"
    )
    verdicts = detect(frame("\n\n".join([paragraph, paragraph + " Again.", line])))
    assert not verdicts["boilerplate"].any(), verdicts["why"].tolist()
    verdicts = detect(frame("\n\n".join([paragraph, paragraph + " Again.", line.split(" She")[0]])))
    assert verdicts["boilerplate"].tolist() == [False, False, True]  # the bio alone goes


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet='Ab @(— )Jun1,20“”\n[embedtweet="]', max_size=3000))
def test_the_new_rules_take_linear_time_on_generated_text(text):
    started = time.process_time()
    detect(frame(text + "\n— A (@a) June 1, 2020", "“ " + text + " ”", '[x y="' + text))
    assert time.process_time() - started < 5
