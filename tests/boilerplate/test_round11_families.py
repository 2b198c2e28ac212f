"""Round 11 of the boilerplate rules (issue #19), on real lines of AllSides articles that carry no
hand label: a wire story's two-city dateline is the story's; bios and blurbs at the tail; runs of
related links across advertisements; long glued labels; republished and hat-tip credits; links in
brackets and pointers to links; photo captions that lost their credit; and the story's lines of
the same shapes kept."""

from __future__ import annotations

import pytest

from corpuscli.boilerplate.detection import detect
from tests.boilerplate.cases import PARAGRAPH, SECOND, frame


def _verdicts(*lines: str, source: str = "Outlet"):  # type: ignore[no-untyped-def]
    return detect(frame("\n".join(lines), source=source))


def _removed(*lines: str, source: str = "Outlet") -> list[bool]:
    return _verdicts(*lines, source=source)["boilerplate"].tolist()


def test_a_two_city_dateline_is_the_storys_first_paragraph() -> None:
    """ "SAN FRANCISCO/NEW YORK (Reuters) - …" opened like a caption's "photographer/agency"
    credit: 69 Reuters articles lost their first paragraph."""
    lead = (
        "SAN FRANCISCO/NEW YORK (Reuters) - Cannabis businesses across the United States said "
        "they are bracing for an investment slowdown following the Justice Department's directive."
    )
    assert _removed(lead, PARAGRAPH, SECOND, source="Reuters") == [False, False, False]
    caption = "Caitlin Ochs/Reuters A man walks past the court house in Manhattan."
    assert _removed(PARAGRAPH, caption, SECOND, source="Reuters") == [False, True, False]


def test_a_bio_at_the_tail_with_a_rarer_given_name() -> None:
    bio = (
        "Abbe Gluck is professor of law and faculty director of the Solomon Center for Health "
        "Law and Policy at Yale Law School."
    )
    verdicts = _verdicts(PARAGRAPH, SECOND, PARAGRAPH + " Again.", bio)
    assert verdicts["boilerplate"].tolist() == [False, False, False, True]
    assert verdicts["family"].iloc[3] == "bio"
    # the story's own subject, named elsewhere in it, is no bio
    named = "Gluck said the ruling would stand. " + SECOND
    assert _removed(PARAGRAPH, named, PARAGRAPH + " Again.", bio) == [False, False, False, False]
    # in the body, a name of no known given name stays the story's
    assert _removed(PARAGRAPH, bio, SECOND, PARAGRAPH + " Again.", SECOND + " Again.") == [
        False,
        False,
        False,
        False,
        False,
    ]


def test_a_columns_blurb_with_an_e_mail_at_the_tail() -> None:
    blurb = (
        "The Big Idea is the home for smart, often scholarly excursions into the most important "
        "issues and ideas in politics, science, and culture — typically written by outside "
        "contributors. If you have an idea for a piece, pitch us at thebigidea@example.com."
    )
    assert _removed(PARAGRAPH, SECOND, blurb) == [False, False, True]


def test_a_run_of_related_links_goes_on_across_an_advertisement() -> None:
    lines = (
        PARAGRAPH,
        SECOND,
        "READ MORE:",
        "Advertisement",
        "The Incredible Tale of a Reckless, Partisan FBI Agent and Our Partisan Bureaucracy",
        "The Republican Tax Bill Is a Serious Reform",
    )
    verdicts = _verdicts(*lines)
    assert verdicts["boilerplate"].tolist() == [False, False, True, True, True, True]
    assert verdicts["family"].tolist()[4:] == ["teaser", "teaser"]


def test_a_lone_label_of_more_words_and_the_links_in_sentence_case_after_it() -> None:
    lines = (
        PARAGRAPH,
        SECOND,
        "You may also be interested in:",
        "Why does Wisconsin send so many Republicans to Congress?",
        "Photos show overcrowding at US migrant centres",
    )
    assert _removed(*lines) == [False, False, True, True, True]
    # when the story goes on after the label, its paragraphs stay
    assert _removed(PARAGRAPH, "You may also be interested in:", SECOND, PARAGRAPH + " Again.") == [
        False,
        True,
        False,
        False,
    ]


@pytest.mark.parametrize(
    "teaser",
    [
        "Waiting for the Mueller report:Justice Department could reveal conclusions of Russia "
        "inquiry on Sunday",
        "The death of Gen. Soleimani:What you need to know about the escalating situation with Iran",
    ],
)
def test_a_longer_label_glued_to_its_headline(teaser: str) -> None:
    verdicts = _verdicts(PARAGRAPH, teaser, SECOND)
    assert verdicts["boilerplate"].tolist() == [False, True, False]
    assert verdicts["family"].iloc[1] == "teaser"


@pytest.mark.parametrize(
    ("line", "family"),
    [
        ("Originally published by The Washington Times", "credit"),
        ("H/T Ed Morrissey and Mad Saint Jack", "credit"),
        ("DISTRIBUTED BY CREATORS.COM", "credit"),
        ("This article contains material from the Associated Press.", "credit"),
        ("Warren reported from Atlanta.", "credit"),
        ("Take me back to the top of this post.", "navigation"),
        ("[pullquote]", "embed"),
        ("(For a graphic on asylum-seekers, click on: tmsnrt.rs/2NUL74l)", "navigation"),
        ("Watch the latest video at video.foxnews.com", "navigation"),
        ("GRAPHIC: reut.rs/2ptFPhy", "navigation"),
        ("https://twitter.com/rorycooper/status/841818652940865536", "embed"),
        ("Rubio speaks to the media at the Doral restaurant in April 2014.", "caption"),
        (
            "Presidents George W. Bush, George H. W. Bush and former Florida Gov. Jeb Bush pose "
            "in 2009.",
            "caption",
        ),
    ],
)
def test_furniture_at_the_tail_is_removed_and_named(line: str, family: str) -> None:
    verdicts = _verdicts(PARAGRAPH, SECOND, PARAGRAPH + " Again.", line)
    assert verdicts["boilerplate"].tolist() == [False, False, False, True], verdicts["why"].tolist()
    assert verdicts["family"].iloc[3] == family


@pytest.mark.parametrize(
    "line",
    [
        "Leaflets distributed by the party urged voters to stay at home on Tuesday.",
        "The vote came two days after a U.S. drone strike killed Soleimani on Monday.",
        "Mick Mulvaney is seen in Congress in 2016. “Everyone respects him,” Rep. Richard Hudson "
        "said.",
        "However, protests and violence continued in a number of nations on Sunday.",
        "The entire report can be viewed at http://www.globalchange.gov",
    ],
)
def test_the_storys_lines_of_the_same_shapes_are_kept(line: str) -> None:
    assert _removed(PARAGRAPH, line, SECOND, PARAGRAPH + " Again.") == [False] * 4


def test_sources_a_story_lists_after_a_colon_are_kept() -> None:
    lines = (
        PARAGRAPH,
        "Please see:",
        "http://en.wikipedia.org/wiki/Economy_of_Norway",
        "http://en.wikipedia.org/wiki/Economy_of_Finland",
        SECOND,
    )
    assert _removed(*lines) == [False] * 5
