"""Round 13 of the boilerplate rules (issue #19), on real lines of AllSides articles: a photo
gallery's captions printed twice in a row, a pull quote closed by a full stop (a sentence of the
story set again as its own line), a section's byline with its role line, a teaser of a sentence
or two after a label that only heads links, a list of links under a call to read; and the
story's lines of the same shapes kept."""

from __future__ import annotations

from corpuscli.boilerplate.detection import detect
from tests.boilerplate.cases import PARAGRAPH, SECOND, frame


def _verdicts(*lines: str, source: str = "Outlet"):  # type: ignore[no-untyped-def]
    return detect(frame("\n\n".join(lines), source=source))


def _removed(*lines: str, source: str = "Outlet") -> list[bool]:
    return _verdicts(*lines, source=source)["boilerplate"].tolist()


# CNN, a gallery of the Charleston shooting after the story's first paragraphs: each caption twice
CAPTIONS = [
    "Police in Charleston released this security-camera image that they say shows Roof "
    "entering the Emanuel African Methodist Episcopal Church.",
    "Police close off a section of Calhoun Street near the scene of the shooting.",
    "People pray in a hotel parking lot across the street from the scene of the shooting on "
    "June 17. Every Wednesday evening, the church holds a Bible study in its basement.",
]
LEDE = (
    "Washington (CNN) President Barack Obama on Thursday called the nine deaths in the "
    'Charleston, South Carolina, church shooting "senseless murders" and suggested more gun '
    "control is needed in the wake of the tragedy."
)


def test_a_gallerys_captions_printed_twice_in_a_row() -> None:
    doubled = [line for caption in CAPTIONS for line in (caption, caption)]
    verdicts = _verdicts(LEDE, PARAGRAPH, *doubled, SECOND)
    assert verdicts["boilerplate"].tolist() == [False, False, *[True] * 6, False]
    assert set(verdicts["family"].iloc[2:8]) == {"video_gallery"}


def test_one_or_two_blocks_printed_twice_stay() -> None:
    # a lede printed twice (two layouts of the page) is no gallery; nor are two doubled lines
    assert _removed(LEDE, LEDE, PARAGRAPH, SECOND) == [False] * 4
    two = [CAPTIONS[0], CAPTIONS[0], CAPTIONS[1], CAPTIONS[1]]
    assert _removed(LEDE, *two, SECOND) == [False] * 6


# National Review: a pull quote right after the paragraph it shortens
NR_PARAGRAPH = (
    "This sentiment would be laughable if it weren’t so common. There’s reasonable, "
    "responsible progressivism — and then there is the howling mob of extremists. But again, "
    "where is the serious effort at grappling with genuine censorship?"
)
NR_PULL = (
    "There’s reasonable, responsible progressivism — and then there is the howling mob of "
    "extremists."
)
# MarketWatch: a sentence of the paragraph set again, its last clause left out
MW_PARAGRAPH = (
    "Nineteen states and Washington, D.C., have increased their minimum tobacco age to 21, says "
    "the Campaign for Tobacco-Free Kids, a nonprofit advocacy organization. Some 530 localities "
    "have done the same."
)
MW_PULL = (
    "Nineteen states and Washington, D.C., have increased their minimum tobacco age to 21, says "
    "the Campaign for Tobacco-Free Kids."
)


def test_a_pull_quote_closed_by_a_full_stop() -> None:
    verdicts = _verdicts(LEDE, PARAGRAPH, NR_PARAGRAPH, NR_PULL, SECOND)
    assert verdicts["boilerplate"].tolist() == [False, False, False, True, False]
    assert verdicts["family"].iloc[3] == "embed"
    assert _removed(LEDE, PARAGRAPH, MW_PARAGRAPH, MW_PULL, SECOND) == [False] * 3 + [True, False]


def test_a_signed_pull_quote_with_a_dash() -> None:
    # Fox News: the quote again with its speaker after a dash
    said = (
        "“We are here to honor the fight to end slavery … to join the right to vote and to gain "
        "birth-right equality,” Trump said in brief, subdued speech."
    )
    pull = (
        "“We are here to honor the fight to end slavery … to join the right to vote and to gain "
        "birth-right equality.” — President Trump in Mississippi"
    )
    assert _removed(LEDE, PARAGRAPH, pull, said, SECOND) == [False, False, True, False, False]


def test_a_sentence_told_again_with_more_or_as_long_stays() -> None:
    # Breitbart: the sentence again, with its source added at its end: the writer's, no copy
    source = (
        "Turkey has felt the brunt of much of the great migration of the Syrian people. The "
        "Turkish government and president Erdogan are now coming to the realization that the "
        "Syrians may never go back to their home country"
    )
    again = (
        "The Turkish government and president Erdogan are now coming to the realization that the "
        "Syrians may never go back to their home country reports Tagesspiegel."
    )
    assert _removed(LEDE, PARAGRAPH, source, again, SECOND) == [False] * 5
    # the same paragraph twice (a lede again further down) is no pull quote
    assert _removed(LEDE, PARAGRAPH, MW_PULL, SECOND, MW_PULL) == [False] * 5


def test_a_sections_byline_with_its_role_line() -> None:
    # BBC and The Christian Science Monitor: a byline heading a section inside the article
    for byline in (
        "By Tara McKelvey, White House reporter",
        "By Patrik Jonsson and Simon Montlake, Staff writers",
    ):
        verdicts = _verdicts(LEDE, PARAGRAPH, "A formidable enemy", byline, SECOND, LEDE)
        assert verdicts["boilerplate"].tolist() == [False, False, False, True, False, False]
        assert verdicts["family"].iloc[3] == "credit"


def test_a_teaser_of_sentences_after_a_label_that_only_heads_links() -> None:
    teaser = (
        "More: The Parkland survivors started a movement when they took on gun violence. Here's "
        "how it happened."
    )
    verdicts = _verdicts(PARAGRAPH, teaser, SECOND, source="USA TODAY")
    assert verdicts["boilerplate"].tolist() == [False, True, False]
    assert verdicts["family"].iloc[1] == "teaser"
    # "Also:" and "Analysis:" head the story's own lines too
    note = (
        "Also: With the 4th of July holiday falling on Wednesday, the Political Junkie segment "
        "will appear on Tuesday, July 3rd."
    )
    analysis = "Analysis: The deal leaves the hardest questions for later. Both sides know it."
    assert _removed(PARAGRAPH, note, analysis, SECOND) == [False] * 4


def test_a_list_of_links_under_a_call_to_read() -> None:
    # USA TODAY: "Read more:" and three headlines between the story's paragraphs
    links = [
        "New EPA head tells employees to 'avoid abuses' in regulating process",
        "Trump's new EPA head is in the middle of an email controversy",
        "Senate confirms Scott Pruitt for EPA chief amid last-minute drama",
    ]
    verdicts = _verdicts(PARAGRAPH, "Read more:", *links, SECOND)
    assert verdicts["boilerplate"].tolist() == [False, True, True, True, True, False]
    assert set(verdicts["family"].iloc[2:5]) == {"teaser"}


def test_a_list_the_story_introduces_stays() -> None:
    # issue #19: a short list inside the story, introduced by the sentence before it
    intro = "More than a dozen contests are left, and the biggest prizes are:"
    items = ["Virginia (99 delegates)", "Massachusetts (91 delegates)", "Texas (155 delegates)"]
    assert _removed(PARAGRAPH, intro, *items, SECOND) == [False] * 6


# NPR: a story that profiles the members of a transition team, each under a heading
PROFILES = [
    "Ken Blackwell is the senior fellow for human rights and constitutional governance at the "
    "conservative Family Research Council.",
    "Management/Budget",
    "Edwin Meese is a fellow emeritus at the conservative Heritage Foundation. He served "
    "President Reagan in a variety of positions, including attorney general.",
    "Executive Authority Adviser",
    "Carlos Diaz Rosillo is a lecturer at Harvard University. He recently taught a popular class "
    'called "The Road to the White House," examining Trump\'s campaign.',
    "Other members of this team include:",
]


def test_a_storys_list_of_profiles_keeps_its_headings_and_its_last_profile() -> None:
    # the last profile is shaped like an author's bio at the tail, and the heading "A/B" like a
    # photo credit: the story profiles other people the same way, and no agency is named
    assert _removed(LEDE, PARAGRAPH, *PROFILES) == [False] * 8
    # a credit of one surname and an agency stays a credit
    assert _removed(LEDE, PARAGRAPH, "Smith/Reuters", SECOND) == [False, False, True, False]


def test_a_subheading_opening_with_an_appeals_noun_stays() -> None:
    # NPR: a subheading of a story on political donors; a sign-up button is still removed
    heading = "Donations In Full Force"
    assert _removed(LEDE, PARAGRAPH, heading, SECOND) == [False] * 4
    assert _removed(LEDE, PARAGRAPH, "Sign Up For Our Newsletter", SECOND) == [
        False,
        False,
        True,
        False,
    ]
