"""Round 4 of the furniture families (issue #19) on real lines of AllSides articles that carry no
hand label (tests/fixtures/boilerplate_families4.json): teasers closed by "Read more" or glued to
a label without a colon, embedded posts opening with their author, captions closed by a
photographer's credit, signed pull quotes, one-line author bios; and the story's lines of the
same shapes kept."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli.boilerplate.attributions import mark_attributions
from corpuscli.boilerplate.detection import detect
from corpuscli.boilerplate.evidence import Verdict
from corpuscli.boilerplate.shapes import shape_of
from corpuscli.boilerplate.teasers import closed_teaser, glued_label, mark_teasers, widget_label
from tests.boilerplate.cases import assert_found_between_paragraphs, frame
from tests.conftest import FIXTURES

DATA = json.loads((FIXTURES / "boilerplate_families4.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", DATA["families"], ids=lambda c: f"{c['family']}-{c['doc_id']}")
def test_each_family_is_found_between_its_paragraphs(case):
    assert_found_between_paragraphs(case)


def test_a_bulleted_bio_at_the_tail_goes_and_the_same_line_in_the_body_stays():
    case = DATA["tail_bio"]
    at_tail = detect(frame("\n\n".join(case["lines"]), source=case["source"]))
    assert at_tail["boilerplate"].tolist() == [False, False, True], at_tail["why"].tolist()
    assert at_tail["family"].iloc[-1] == "bio"
    bio, *story = case["lines"][::-1]
    in_body = "\n\n".join([story[0], bio, story[1], story[0] + " Again.", story[1] + " Again."])
    assert not detect(frame(in_body, source=case["source"]))["boilerplate"].any()


@pytest.mark.parametrize("case", DATA["story_lines"], ids=lambda c: c["doc_id"])
def test_the_storys_lines_of_the_same_shapes_are_kept(case):
    paragraph = DATA["families"][0]["lines"][0]
    lines = [paragraph, case["line"], case["line"], paragraph + " Again."]
    verdicts = detect(frame("\n\n".join(lines), source=case["source"]))
    assert not verdicts["boilerplate"].any(), verdicts["why"].tolist()


@pytest.mark.parametrize(
    ("text", "closer"),
    [
        ("Trump defends Cindy Hyde-Smith ahead of rallies for Mississippi senator Read more", "read more"),
        ("He said he wanted to read more", None),  # a sentence's own words: no capital
        ("Click to read more.", None),
        ("Big storm heads for Florida →", "→"),
        ("The talks collapsed on Monday. Read more", None),  # a sentence, not a headline
    ],
)  # fmt: skip
def test_a_teaser_is_closed_by_a_capitalised_closer_after_a_headline(text, closer):
    assert closed_teaser(text) == closer


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("More:Harvey has dropped 42 inches of rain in Houston. Here's where it's moving next.", "More"),
        ("Also see:", "Also see"),
        ("Analysis:", None),  # heads the story's own analysis
        ("Note:this is lower case", None),
        ("More: Harvey has dropped 42 inches of rain in Houston.", None),  # spaced: rules.py's
    ],
)  # fmt: skip
def test_glued_and_lone_labels(text, label):
    assert glued_label(shape_of(text, frozenset())) == label


def test_a_widget_label_names_a_medium_not_a_verb():
    assert widget_label(shape_of("Vox Video: What makes the Charleston shooting terrorism",
                                 frozenset())) == "Vox Video"  # fmt: skip
    assert widget_label(shape_of("Polls close: 8 p.m. ET", frozenset())) is None
    assert widget_label(shape_of("The Video: what we know", frozenset())) is None


def test_a_post_opens_with_its_author_and_the_storys_sentence_does_not():
    lines = [
        "Donald J. Trump (@realDonaldTrump) What a year it’s been, and we're just getting started.",
        "Donald Trump (@realDonaldTrump) tweeted on Monday that the talks had failed.",
        "A poll (Reuters/Ipsos) found that most voters agreed.",
    ]
    shapes = [shape_of(text, frozenset()) for text in lines]
    verdicts = [Verdict() for _ in lines]
    mark_attributions(shapes, verdicts)
    assert [v.family for v in verdicts] == ["embed", "", ""]


def test_headlines_with_their_sources_are_a_teaser_list_unless_the_story_introduces_them():
    heads = [
        "Obamacare is doomed. Now what? (Milwaukee Journal Sentinel)",
        "Pipeline protesters dig in as Trump’s presidency nears (Argus Leader)",
    ]
    paragraph = DATA["families"][0]["lines"][0]
    for before, found in ((paragraph, True), ("These were the headlines that morning:", False)):
        shapes = [shape_of(text, frozenset()) for text in [before, *heads]]
        verdicts = [Verdict() for _ in shapes]
        mark_teasers(shapes, verdicts, [False] * len(shapes))
        assert [v.family == "teaser" for v in verdicts[1:]] == [found, found]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"aA bB:(),.-–—/|@#'\"“”•0123456789\n", "Read more", "Photo", "Related",
                         "(@x)", "REUTERS/", " Ab", "→"]),
        max_size=1500,
    ).map("".join)
)  # fmt: skip
def test_the_new_rules_take_linear_time_on_generated_text(text):
    """No new pattern backtracks catastrophically (a generous bound, far above what it takes)."""
    start = time.perf_counter()
    detect(frame(text))
    assert time.perf_counter() - start < 5.0
