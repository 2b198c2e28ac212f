"""Guards on round 13's page-mode rules, from pages they were not written on: a notice above a
post's header and a sponsored card's blurb are no lede, and a deals post's story ends with its
product cards. Short real excerpts (theantijunecleaver.com and bgr.com pages of the Scrapinghub
benchmark, a Yahoo page of Mozilla Readability's test pages)."""

from __future__ import annotations

from corpuscli.boilerplate.detection import detect
from tests.boilerplate.cases import frame
from tests.boilerplate.test_page_cards_tables import AFTER, LEDE, cards
from tests.boilerplate.test_page_ledes import ZEIT_BYLINE, ZEIT_STORY

DISCLOSURE = "This post may contain affiliate and/or referral links. Please see my disclosure page."
JAM_HEADER = [
    "Blogging",
    "Reviews",
    "Home Holidays Homemade Spiced Honey Pear Jam for the Holidays",
    DISCLOSURE,
    "HolidaysRecipes",
    "Homemade Spiced Honey Pear Jam for the Holidays",
    "by Regan December 6, 2017",
    "written by Regan",
    "Sharing is caring!",
    "858shares",
    "Pinterest",
    "Facebook",
]
JAM_STORY = [
    "This holiday season I was thinking of flavors that would put me in the holiday spirit when "
    "it came to me. Not to be confused with a 1990s grunge band, pear jam is a delicious gift to "
    "give for the holidays. With notes of cinnamon, nutmeg, ginger, and clove, this honey pear "
    "jam recipe will have you spreading Yuletide cheer in no time!",
    "Is there anything better than a piece of toast or a biscuit topped with a dollop of jam? "
    "Especially homemade jam. Not many things are more homey and comforting than jam that has "
    "been made in someone’s kitchen. Please try it.",
]


def kept(page: list[str]) -> list[str]:
    verdicts = detect(frame("\n".join(page)), page=True)
    return verdicts.loc[~verdicts["boilerplate"], "text"].tolist()


def test_a_notice_above_the_headline_printed_again_is_no_lede():
    # the breadcrumb ends with the headline; the post's header prints it again below the notice
    story = kept([*JAM_HEADER, *JAM_STORY, "Related post: Pickled Brussels Sprouts Recipe"])
    assert JAM_STORY[0] in story and JAM_STORY[1] in story
    assert DISCLOSURE not in story


def test_a_sponsored_blurb_sharing_no_word_with_the_story_is_no_lede():
    blurb = (
        "Learn About The Over the Counter Allergy Relief That Works Directly At The Source Where "
        "You Need It Most To Help Relieve Your Outdoor & Pet Allergies!"
    )
    ad = ["SponsoredFlonase", "Don't Be Afraid To Get Your Hands Dirty This Year", blurb]
    story = kept([*ad, *ZEIT_BYLINE, ZEIT_STORY])
    assert ZEIT_STORY in story and blurb not in story


def test_a_deals_posts_story_ends_with_its_cards():
    follow = (
        "Follow @BGRDeals on Twitter to keep up with the latest and greatest deals from around "
        "the web. Quantities may be limited. Prices are subject to change without notice and "
        "coupons may expire at any time. Some deals may not be available to all customers. BGR "
        "may receive a commission on orders placed through this article."
    )
    closing = ["Available from Amazon", "BGR may receive a commission", "Buy Now"]
    page = ["Deals", "Business", "Science", *LEDE, "Don't Miss:", *cards(closing), follow, *AFTER]
    story = kept(page)
    assert "Beats Solo3 Wireless On-Ear Headphones - Matte Black" in story
    assert follow not in story
