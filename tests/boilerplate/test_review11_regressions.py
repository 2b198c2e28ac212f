"""Regressions a review found in the boilerplate rules of round 11: a story's sentence that holds
an address after a word that can call to a link, present-tense schedule sentences with a date,
credit phrases inside a sentence, and a page's lede after its headline printed twice."""

from __future__ import annotations

import pytest

from corpuscli.boilerplate.detection import detect
from tests.boilerplate.cases import PARAGRAPH, SECOND, frame


def _removed(line: str) -> bool:
    verdicts = detect(frame("\n".join([PARAGRAPH, line, SECOND]), source="Outlet"))
    return bool(verdicts["boilerplate"].iloc[1])


@pytest.mark.parametrize(
    "line",
    [
        "Open enrollment runs through Dec. 15 at www.healthcare.gov, officials said.",
        "Open enrollment runs through Dec. 15 at www.healthcare.gov.",
        "Find out more at www.irs.gov before the deadline, the agency said.",
    ],
)
def test_a_story_sentence_with_an_address_is_no_pointer_to_a_link(line: str) -> None:
    assert not _removed(line)


@pytest.mark.parametrize(
    "line",
    [
        "Pelosi testifies before the House Ways and Means Committee on Wednesday, where she is "
        "expected to defend the budget request.",
        "Biden travels to Ohio on Tuesday to promote the infrastructure law.",
        "Trump addresses the nation on Tuesday at 9 p.m. from the Oval Office, the White House "
        "said, and is expected to discuss the border wall.",
        "Obama speaks at a rally in Florida on Nov. 2, 2016, his final push before the vote, "
        "which drew thousands.",
        "Warren speaks in Iowa in April 2019, when she will unveil the plan, aides said.",
    ],
)
def test_a_schedule_or_account_with_a_date_is_no_caption(line: str) -> None:
    assert not _removed(line)


@pytest.mark.parametrize(
    "line",
    [
        "Obama speaks at a rally in Florida on Monday, Nov. 2, 2016.",
        "Rubio speaks to the media at the Doral restaurant in April 2014.",
        "Trump speaks at a rally in Tampa, Fla., on July 31, 2018, in Florida.",
    ],
)
def test_captions_that_lost_their_credit_are_still_removed(line: str) -> None:
    assert _removed(line)


@pytest.mark.parametrize(
    "line",
    [
        "The vaccine, distributed by McKesson, has reached 2 million people.",
        "The letter was republished with permission of the family on Tuesday.",
        "Hat tip to the teachers who kept the school open through the storm, the mayor said.",
        "The memo, first published by Politico, was later confirmed by the agency.",
    ],
)
def test_a_credit_phrase_inside_a_story_sentence_is_kept(line: str) -> None:
    assert not _removed(line)


@pytest.mark.parametrize(
    "line",
    [
        "Distributed by Creators.com",
        "This article is republished from The Conversation under a Creative Commons license.",
        "Reprinted with permission from The Dispatch.",
        "Hat tip to Ed Morrissey.",
        "Jane Doe contributed from Kabul.",
        "The Associated Press contributed to this report.",
        "Fox News' Jane Doe and the Associated Press contributed to this report.",
        "Reuters contributed additional reporting from London.",
    ],
)
def test_credits_are_still_removed(line: str) -> None:
    assert _removed(line)


def _kept_page(page: list[str]) -> list[str]:
    verdicts = detect(frame("\n".join(page)), page=True)
    return verdicts.loc[~verdicts["boilerplate"], "text"].tolist()


MENU = ["Home", "News", "Politics", "Sports", "Sign in"]
STORY = [
    "The House passed a spending bill early on Friday after a marathon overnight session, "
    "sending the measure to the Senate with hours to spare before a shutdown deadline.",
    PARAGRAPH,
    SECOND,
    "The Senate is expected to take up the bill on Saturday, and leaders in both parties said "
    "they expected it to pass with a comfortable margin despite objections on the right.",
]


def test_a_headline_printed_twice_keeps_the_lede_after_it() -> None:
    headline = "House passes sweeping spending bill after marathon session"
    out = _kept_page([*MENU, headline, headline, *STORY, "About us", "Contact"])
    assert out[-len(STORY) :] == STORY


def test_a_teaser_card_inside_the_story_is_still_removed() -> None:
    title = "Column: A vulture firm's bid for Gannett shows there's still value in newspapers"
    card = [
        title,
        title,
        "Alden Global Capital is a vulture firm that makes real vultures look good.",
    ]
    out = _kept_page([*MENU, *STORY[:2], *card, *STORY[2:], "About us", "Contact"])
    assert out == STORY
