"""Round 12 of the boilerplate rules (issue #19), on real lines of AllSides articles: a pointer to
the outlet's page on a social platform ("Read CNNOpinion's new Flipboard magazine"); a caption
printed twice in a row; a known teaser label naming what it links to, glued to its headline; a
bio set as a list item; and the story's lines of the same shapes kept."""

from __future__ import annotations

from corpuscli.boilerplate.detection import detect
from tests.boilerplate.cases import PARAGRAPH, SECOND, frame


def _verdicts(*lines: str, source: str = "Outlet"):  # type: ignore[no-untyped-def]
    return detect(frame("\n\n".join(lines), source=source))


def _removed(*lines: str, source: str = "Outlet") -> list[bool]:
    return _verdicts(*lines, source=source)["boilerplate"].tolist()


def test_a_pointer_to_the_outlets_page_on_a_platform() -> None:
    verdicts = _verdicts(PARAGRAPH, SECOND, "Read CNNOpinion's new Flipboard magazine.")
    assert verdicts["boilerplate"].tolist() == [False, False, True]
    assert verdicts["family"].iloc[2] == "social"


def test_a_story_sentence_opening_with_read_and_naming_a_platform_stays() -> None:
    story = (
        "Read aloud at the rally, the letter was later posted on Facebook by the campaign, which "
        "said it had drawn thousands of replies."
    )
    assert _removed(PARAGRAPH, story, SECOND) == [False, False, False]


#: An Associated Press photo caption, which the page printed twice at the head of the story.
_CAPTION = (
    "An injured man is carried into an ambulance after an attack in Kabul, Afghanistan, Friday, "
    "March 6, 2020."
)


def test_a_caption_printed_twice_in_a_row_goes_both_times() -> None:
    verdicts = _verdicts(_CAPTION, _CAPTION, PARAGRAPH, SECOND, source="Associated Press")
    assert verdicts["boilerplate"].tolist() == [True, True, False, False]
    # in the body too, and whatever it quotes (a gallery's slides, each printed twice)
    slide = 'Kasich touted his record as governor. "Our wages are growing faster," he said.'
    assert _removed(PARAGRAPH, slide, slide, SECOND) == [False, True, True, False]


def test_the_storys_repeated_lines_that_are_not_printed_twice_in_a_row_stay() -> None:
    # a heading that opens the paragraph under it is not the same block twice
    heading = "The Senate passed the budget deal early on Friday"
    assert _removed(SECOND, heading, PARAGRAPH, SECOND + " Again.") == [False] * 4
    # a sentence the story tells again further on
    line = "Republicans and Democrats live in different worlds, the senator said."
    assert _removed(PARAGRAPH, line, SECOND, line, PARAGRAPH + " Again.") == [False] * 5
    # a short label twice ("Democrats") is left to the other rules
    assert _removed(PARAGRAPH, "Iran talks", "Iran talks", SECOND) == [False, False, False, False]


def test_a_known_label_naming_what_it_links_to_glued_to_its_headline() -> None:
    teaser = (
        "Related column:McCain wanted to 'raise hell' and leave it all on the field. Mission "
        "accomplished, Senator."
    )
    verdicts = _verdicts(PARAGRAPH, teaser, SECOND, source="USA TODAY")
    assert verdicts["boilerplate"].tolist() == [False, True, False]
    assert verdicts["family"].iloc[1] == "teaser"


def test_the_storys_lines_opening_with_a_label_word_stay() -> None:
    # spaced after its colon, a story's lead-in; no colon, a sentence
    lead_in = "Related costs for the three agencies: The report put them at $4 billion a year."
    sentence = "Related charges were filed on Monday against two other men, prosecutors said."
    assert _removed(PARAGRAPH, lead_in, sentence, SECOND) == [False] * 4
    # a known label with many words after it before the colon is no label
    long_label = "More than two dozen states and the District of Columbia:All of them sued."
    assert _removed(PARAGRAPH, long_label, SECOND) == [False] * 3


def test_a_bio_set_as_a_list_item_at_the_tail() -> None:
    bio = "• Wesley Pruden is editor-in-chief emeritus of The Times."
    verdicts = _verdicts(PARAGRAPH, SECOND, PARAGRAPH + " Again.", bio)
    assert verdicts["boilerplate"].tolist() == [False, False, False, True]
    assert verdicts["family"].iloc[3] == "bio"
    # a list item about someone the story tells of is the story's
    named = "Senator Pruden voted against the deal on Friday. " + SECOND
    assert _removed(PARAGRAPH, named, PARAGRAPH + " Again.", bio) == [False] * 4
