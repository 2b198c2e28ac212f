"""Round 5 of the furniture families (issue #19) on real lines of AllSides articles that carry no
hand label (tests/fixtures/boilerplate_families5.json): captions known by their credit (after a
bar, or a photographer's credit opening them), separator lines, promotions closed by a call and
sign-up forms, a gallery's slide with its counter whatever it quotes, follow lines with a handle
only, wire-service credits; and the story's lines of the same shapes kept."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli.boilerplate.calls import spread_call
from corpuscli.boilerplate.captions import credited_caption
from corpuscli.boilerplate.detection import detect
from corpuscli.boilerplate.rules import _CTA_FAMILIES, _CTA_FAMILY, VOCABULARIES
from corpuscli.boilerplate.shapes import name_groups, shape_of
from corpuscli.boilerplate.vocabulary import key_words
from tests.boilerplate.cases import assert_found_between_paragraphs, frame
from tests.conftest import FIXTURES

DATA = json.loads((FIXTURES / "boilerplate_families5.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", DATA["families"], ids=lambda c: f"{c['family']}-{c['doc_id']}")
def test_each_family_is_found_between_its_paragraphs(case):
    assert_found_between_paragraphs(case)


@pytest.mark.parametrize("case", DATA["story_lines"], ids=lambda c: c["doc_id"] + c["source"])
def test_the_storys_lines_of_the_same_shapes_are_kept(case):
    paragraph = DATA["families"][0]["lines"][0]
    lines = [paragraph, case["line"], paragraph + " Again."]
    verdicts = detect(frame("\n\n".join(lines), source=case["source"]))
    assert not verdicts["boilerplate"].any(), verdicts["why"].tolist()


def _shape(text: str):  # type: ignore[no-untyped-def]
    return shape_of(
        text, frozenset(["the", "of", "to", "for", "and", "in"]), key_words(VOCABULARIES)
    )


@pytest.mark.parametrize(
    ("text", "outlet", "found"),
    [
        ("Crowds gather at the rally. | Nam Y. Huh/AP Photo", None, True),
        ("Crowds gather at the rally. | Getty", None, True),
        ("Ann Hermes/The Christian Science Monitor A judge stands outside.", "Christian Science Monitor", True),
        ("Ann Hermes/The Christian Science Monitor A judge stands outside.", None, False),
        ("The Washington Post/ABC News poll showed a tie.", None, False),  # a poll's sponsors
        ("AP Kansas health secretary discusses the pandemic.", None, False),  # no photographer
        ("Overnight Defense: envoy splits with Trump | McCain blasts move", None, False),  # links
        ("Overnight Tech: a new bill | Apple says it will comply", None, False),  # not "AP"
        ("Crowds gather at the rally. | AP photo", None, True),  # lowercase, a credit's word
        ("Crowds gather at the rally. | Reuters file photo", None, True),
        ("The senator spoke. | Getty Images for GMA", None, True),
        ("The senator spoke. | Getty and AP Photos", None, True),
        ("The senator spoke. | Alex Wong/Getty Images health care Long-shot legal challenge "
         "could upend the law", None, True),  # a section's label, then the next headline
        # The Hill's link text: headlines joined by bars, an agency's name as their subject
        ("Green groups press Biden on climate plans after Sanders exit | EPA looks to suspend "
         "hazardous waste cleanups during coronavirus outbreak", None, False),
        ("Lawmakers press Trump officials to change marijuana rules | Bloomberg vows to ban "
         "flavored e-cigs if elected", None, False),
    ],
)  # fmt: skip
def test_a_caption_is_known_by_its_credit(text, outlet, found):
    import re

    names = re.compile(re.escape(outlet)).search if outlet else (lambda _t: None)
    assert (credited_caption(_shape(text), names) is not None) is found


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("Want the newsletter in your inbox every day? Sign up here.", "newsletter_donation"),
        ("Watch the show Sundays at 9am ET. For the latest from the show click here.", "navigation"),
        ("Email Sign Up By signing up you agree to receive email newsletters. Privacy Policy and "
         "Terms of Service apply.", "newsletter_donation"),
        ("Seven other states held primaries on Tuesday, including New Jersey, Alabama, Mississippi, "
         "New Mexico, South Dakota, Iowa and Montana. Click here for results.", None),
        ('The site reads: "Parents, sign up here." Sign up here.', None),  # quotes a page
        ("The campaign said donations poured in. Supporters were urged to sign up.", None),
        ("Sign up here.", None),  # one sentence: the single-block rules' (short calls)
    ],
)  # fmt: skip
def test_a_call_spread_over_sentences(text, family):
    call = spread_call(_shape(text), _CTA_FAMILIES, _CTA_FAMILY)
    assert (call[1] if call else None) == family


def test_a_separator_is_signs_only_and_a_bylines_initial_may_lack_its_dot():
    verdicts = detect(
        frame("A paragraph of the story, said the mayor.\n\n***\n\n___\n\nAnother one.")
    )
    assert verdicts["family"].tolist()[1:3] == ["navigation", "navigation"]
    assert name_groups("Rick Jervis and John C Moritz and John Bacon") is not None
    assert name_groups("C Moritz and John Bacon") is None  # a lone capital leads no name


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="Ab /|.:Hide Caption0123456789of@", max_size=3000))
def test_the_new_rules_take_linear_time_on_generated_text(text):
    started = time.process_time()
    detect(frame(text, text + " | AP Photo", "John Smith/" + text))
    assert time.process_time() - started < 5
