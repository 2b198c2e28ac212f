"""Round 12 of the boilerplate rules (issue #19), on real lines of AllSides articles: a pointer to
the outlet's page on a social platform ("Read CNNOpinion's new Flipboard magazine"); a known
teaser label naming what it links to, glued to its headline; a bio set as a list item at the tail;
and the story's lines of the same shapes kept."""

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
    # a list item about someone the story tells of is the story's; at the head, a list of the story
    assert (
        _removed(bio, PARAGRAPH, SECOND, PARAGRAPH + " Again.", SECOND + " Again.") == [False] * 5
    )
    named = "Senator Pruden voted against the deal on Friday. " + SECOND
    assert _removed(PARAGRAPH, named, PARAGRAPH + " Again.", bio) == [False] * 4
