"""Round 9 of the furniture families (issue #19) on real lines of AllSides articles
(tests/fixtures/boilerplate_families9.json): an embed's placeholder ("[audio-clip]"), a caption
between its label and its credit ("Image … Credit …"), a teaser named by its author ("Name
Surname: <headline>"), a teaser with its truncated lead ("see also … ..."), a series' closer
(": QuickTake"), an audio player's fallback, a dash-signed byline, a reader poll's call, a
wire story's rights notice of more than fifteen words, a comment policy; a
teaser label and the run of links after it; a page's keyword list; a quotation's source line,
which goes with its quotation; and the story's sentences a crediting phrase inside them made
look like credits ("data compiled by Bloomberg")."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli.boilerplate.detection import detect
from corpuscli.boilerplate.evidence import STRONG, Verdict
from corpuscli.boilerplate.quote_sources import follow_quotations, quotation, source_line
from corpuscli.text.blocks import split_blocks
from tests.boilerplate.cases import assert_found_between_paragraphs, frame
from tests.conftest import FIXTURES

DATA = json.loads((FIXTURES / "boilerplate_families9.json").read_text(encoding="utf-8"))
PARAGRAPH = DATA["families"][0]["lines"][0]


def _verdicts(lines: list[str], source: str = "Outlet"):  # type: ignore[no-untyped-def]
    return detect(frame("\n\n".join(lines), source=source))


@pytest.mark.parametrize("case", DATA["families"], ids=lambda c: c["doc_id"])
def test_each_family_is_found_between_its_paragraphs(case):
    assert_found_between_paragraphs(case)


@pytest.mark.parametrize("case", DATA["story_lines"], ids=lambda c: c["doc_id"])
def test_a_crediting_phrase_inside_a_sentence_is_the_storys(case):
    verdicts = _verdicts([PARAGRAPH, case["line"], PARAGRAPH + " Again."], case["source"])
    assert not verdicts["boilerplate"].any(), verdicts["why"].tolist()


def test_a_sentence_that_names_copyright_once_is_the_storys():
    line = "The lawsuit says the company violated the copyright of the author, who had asked it to stop."
    verdicts = _verdicts([PARAGRAPH, line, PARAGRAPH + " Again."])
    assert not verdicts["boilerplate"].iloc[1], verdicts["why"].tolist()


@pytest.mark.parametrize(
    "line", ["Compiled by Jane Doe", "(Reporting by Jane Doe; Editing by John Smith)"]
)
def test_a_credit_that_opens_with_its_phrase_still_goes(line):
    verdicts = _verdicts([PARAGRAPH, line, PARAGRAPH + " Again."])
    assert verdicts["boilerplate"].tolist() == [False, True, False], verdicts["why"].tolist()
    assert verdicts["family"].iloc[1] == "credit"


def test_the_source_lines_of_a_roundups_excerpts_are_kept():
    case = DATA["roundup"]
    verdicts = _verdicts(case["lines"], case["source"])
    assert not verdicts["boilerplate"].any(), verdicts["why"].tolist()


def test_a_lone_name_and_outlet_after_a_closing_quote_may_still_be_a_credit():
    case = DATA["roundup"]
    verdicts = _verdicts([PARAGRAPH, *case["lines"][-2:]], case["source"])
    assert verdicts["boilerplate"].iloc[-1], verdicts["why"].tolist()


def test_a_source_line_goes_with_a_quotation_removed_above_it():
    blocks = split_blocks("“A pull quote the page repeats.”\n\nByron York, Washington Examiner")
    removed, kept = Verdict(), Verdict()
    removed.add(STRONG, "repeated", "repeated")
    follow_quotations(blocks, [removed, kept])
    assert kept.boilerplate and kept.family == "repeated"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Byron York, Washington Examiner", True),
        ("Editorial Board, The Wall Street Journal", True),
        ("— Carl Sandburg", True),
        ("RUBIO LEANS TOWARDS A RUN, GOP INSIDERS SAY", False),
        ("He said so, and left.", False),
        ("Byron York", False),
        ("the senator, a Republican", False),
    ],
)
def test_the_shape_of_a_source_line(line, expected):
    assert source_line(line) is expected


def test_the_shape_of_a_quotation():
    assert quotation("“A passage.”") and quotation("“A passage cut off…")
    assert not quotation("A paragraph of the story.")


def test_a_teaser_label_and_the_run_of_links_after_it_go():
    case = DATA["run_of_links"]
    verdicts = _verdicts(case["lines"], case["source"])
    assert verdicts["boilerplate"].tolist() == [False, True, True, True], verdicts["why"].tolist()
    assert set(verdicts["family"].iloc[1:]) == {"teaser"}


def test_a_subheading_after_a_players_lead_in_is_the_storys():
    lines = [
        PARAGRAPH,
        "WATCH:",
        "NBC’s Nothingburger About Manafort’s Notes",
        PARAGRAPH + " Again.",
    ]
    verdicts = _verdicts(lines)
    assert not verdicts["boilerplate"].iloc[2], verdicts["why"].tolist()


def test_a_list_after_a_question_is_not_a_run_of_teasers_by_their_authors():
    case = DATA["listed_after_question"]
    verdicts = _verdicts(case["lines"], case["source"])
    assert not verdicts["boilerplate"].any(), verdicts["why"].tolist()


@pytest.mark.parametrize(
    "line",
    [
        "AMY GOODMAN: Do you think God knows what he’ll do, once he—",
        "Chris Wallace: And what about Iran?",
        "Jane Smith: I will vote for him again.",
    ],
)
def test_a_speakers_turn_is_not_a_teaser_by_its_author(line):
    verdicts = _verdicts([PARAGRAPH, line, PARAGRAPH + " Again."])
    assert not verdicts["boilerplate"].iloc[1], verdicts["why"].tolist()


def test_a_keyword_list_goes_and_a_list_in_capitals_or_sentences_stays():
    verdicts = _verdicts([PARAGRAPH, DATA["keyword_list"], PARAGRAPH + " Again."])
    assert verdicts["boilerplate"].tolist() == [False, True, False], verdicts["why"].tolist()
    assert verdicts["family"].iloc[1] == "navigation"
    for line in ("Iowa, Nevada, Ohio, Florida", "apples, pears, plums, and figs were sold."):
        story = [PARAGRAPH, PARAGRAPH + " More.", PARAGRAPH + " Again."]
        verdicts = _verdicts([*story, line, PARAGRAPH + " End."])
        assert not verdicts["boilerplate"].iloc[3], (line, verdicts["why"].tolist())


def test_a_bare_editors_note_label_is_no_note_but_a_note_is_kept():
    verdicts = _verdicts([PARAGRAPH, "Editor's Note:", PARAGRAPH + " Again."])
    assert "an editor's note (the story's own)" not in verdicts["why"].iloc[1]
    note = "Editor’s note: This story has been updated with the senator’s response."
    verdicts = _verdicts([PARAGRAPH, note, PARAGRAPH + " Again."])
    assert not verdicts["boilerplate"].iloc[1]
    assert "an editor's note (the story's own)" in verdicts["why"].iloc[1]


def test_a_phrase_with_an_apostrophe_matches_either_apostrophe():
    for line in ("Your browser doesn't support HTML5 audio.", "Your browser doesn’t support it."):
        verdicts = _verdicts([PARAGRAPH, line, PARAGRAPH + " Again."])
        assert verdicts["family"].iloc[1] == "video_gallery", (line, verdicts["why"].tolist())


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="Ab [](),—.:'?“”-_\n…Image Credit see also", max_size=3000))
def test_the_new_rules_take_linear_time_on_generated_text(text):
    started = time.process_time()
    detect(frame(text, "see also " + text + "...", "[a-" + text + "]", "“" + text + "”\n\nA, B"))
    assert time.process_time() - started < 5
