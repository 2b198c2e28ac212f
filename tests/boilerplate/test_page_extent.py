"""Page mode (``--page``): the story's extent on whole pages — a story split by an inline box of
links or set apart from its first paragraph by a widget, a page that prints its story twice, the
page's footer and WordPress's comment heading, titles in angle brackets. The story is the seed
article's paragraphs (real text); the furniture is lines of the shapes pages have."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli import load
from corpuscli.boilerplate.detection import detect
from corpuscli.boilerplate.evidence import Verdict
from corpuscli.boilerplate.page import kind_of, main_region
from corpuscli.text.blocks import Block
from tests.boilerplate.cases import frame
from tests.conftest import SEED_003

MENU = ["Home", "World", "Politics", "Business", "Sign in"]
FOOTER = ["About us", "Contact", "© 2019 Example Media Group. All rights reserved.", "Privacy"]


def paragraphs() -> list[str]:
    """The seed article's paragraphs of over twenty words (its story, as a page would show it)."""
    seed = detect(load([str(SEED_003)]).frame)
    story = seed.loc[~seed["boilerplate"], "text"].tolist()
    return [p for p in story if len(p.split()) > 20]


def kept_of(lines: list[str]) -> list[str]:
    verdicts = detect(frame("\n".join(lines)), page=True)
    return verdicts.loc[~verdicts["boilerplate"], "text"].tolist()


def test_a_story_split_by_an_inline_box_of_links_is_kept_whole():
    story = paragraphs()
    box = [
        "Related articles",
        "Armenia and Azerbaijan agree to a truce after weeks of fighting",
        "Nagorno-Karabakh: the old conflict explained",
    ]
    kept = kept_of([*MENU, *story[:4], *box, *story[4:], *FOOTER])
    assert kept == story


def test_a_lone_teaser_paragraph_past_a_box_is_not_the_story():
    story = paragraphs()
    teaser = (
        "Stocks fell on Wednesday as investors weighed the latest trade figures and a drop in oil."
    )
    box = ["More from the site", "Business", "Stocks slip as oil drops", teaser, "Advertisement"]
    kept = kept_of([*MENU, *story, *box, "Latest news", "World", *FOOTER])
    assert kept == story


def test_a_first_paragraph_set_apart_by_a_ticker_widget_is_kept():
    story = paragraphs()
    ticker = ["HD", "THE HOME DEPOT INC.", "225.86", "-12.99", "-5.44%", "LOW", "LOWE'S INC.",
              "113.40", "-1.62", "-1.41%"]  # fmt: skip
    kept = kept_of([*MENU, story[0], *ticker, *story[1:], *FOOTER])
    assert kept == story


def test_a_story_printed_twice_keeps_both_copies_and_not_the_metadata_between():
    story = paragraphs()
    metadata = ["Schema.org/NewsArticle metadata", "Russia open to a return of land", "500",
                "250", "https://example.com/images/logo.png", "Jane Doe"]  # fmt: skip
    kept = kept_of([*MENU, *story, "Related coverage:", *metadata, *story, *FOOTER])
    assert kept == story + story


def test_what_follows_the_pages_footer_is_not_the_story():
    story = paragraphs()[:3]  # a short story; a longer notice after the footer
    after = [
        "We use cookies to improve your experience on our website. By browsing this website, "
        "you agree to our use of cookies and to the terms under which they are stored.",
        "Root element of the gallery widget. It must have the class that the script looks for.",
        "It is a separate element because animating its opacity is faster than the alternative.",
        "The gallery keeps only three of them in the document to save memory on small phones.",
        "Do not modify these three elements: their data is added later on by the script itself.",
        "The default interface sits on top of the sliding area, and it can be changed in the theme.",
        "Controls are self-explanatory, and their order can be changed in the settings of the site.",
        "The preloader gets its active class while it runs, and loses it when the image is shown.",
        "Buttons are shown only on devices that have a pointer; on phones the gestures are used.",
    ]
    menu = [*MENU, "Sport", "Culture", "Travel", "Opinion", "Science", "Health", "Video"] * 2
    kept = kept_of([*menu, *story, *FOOTER, *after])
    assert kept == story


def test_a_rights_line_in_the_first_half_of_the_page_is_no_footer():
    story = paragraphs()[:3]
    header = ["©1996- 2019 Example Games, LLC. All rights reserved.", "Log in to your account",
              "Latest game reviews", "Upcoming releases this week", "Guides and walkthroughs"]  # fmt: skip
    sidebar = [  # prose before the rights line: the story after it must not count a quarter
        "Our team reviews every new game on every platform, from the smallest indie title to "
        "the biggest release of the year, and we play each one for days before we write.",
        "Sign up to our weekly letter and get the best reviews, guides and news in your inbox "
        "every Friday morning, with a deal or two from our partners in the shops.",
    ]
    kept = kept_of([*MENU, *sidebar, *header, *story, "Share", "Tweet"])
    assert set(story) <= set(kept)


def test_a_story_heading_opening_like_a_comment_count_does_not_end_the_story():
    story = paragraphs()
    kept = kept_of([*MENU, *story[:6], "Thoughts on the talks", *story[6:], *FOOTER])
    assert set(story) <= set(kept)


def test_a_photo_credit_with_a_year_inside_the_story_is_no_footer():
    story = paragraphs()
    credit = "Jewels after Jewels, installation views, photos © Example Magazine, 2018"
    kept = kept_of([*MENU, *story[:7], credit, *story[7:], "Share"])
    assert kept == story


def test_a_wordpress_comment_heading_ends_the_story():
    story = paragraphs()[:6]  # a story of some length (a button "Comments" above it ends nothing)
    heading = "10 thoughts on “Russia ‘Open’ to Return of Armenia-Held Land to Azerbaijan”"
    comments = [p + " Thanks for writing this, I agree." for p in paragraphs() for _ in range(2)]
    kept = kept_of([*MENU, *story, heading, *comments, *FOOTER])
    assert kept == story


def test_a_title_in_angle_brackets_is_not_markup():
    block = Block(0, 0, 10, "Visitors came to Jeongdong Theater to watch <The Palace: Tale of "
                  "Jang Noksu> and have left many reviews on the booking site.")  # fmt: skip
    assert kind_of(block, Verdict()) == "prose"
    tag = Block(0, 0, 10, 'Watch the video <div class="player"> of the event in the capital.')
    assert kind_of(tag, Verdict()) == "junk"


def test_an_emoji_after_a_full_stop_still_ends_a_sentence():
    done = Block(0, 0, 10, "Book your tickets easily and come and experience this show today! 🙂")
    assert kind_of(done, Verdict()) == "prose"
    assert (
        kind_of(Block(0, 0, 10, "Book your tickets easily and come today 🙂"), Verdict()) == "line"
    )


def test_main_region_is_empty_on_a_page_of_lines():
    assert main_region(["line"] * 5, [2.0] * 5, [""] * 5) == (0, 0)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"aA bB:(),.-<>/=\"'“”©…0123456789\n", "2019", "thoughts on", "Related"]),
        max_size=1500,
    ).map("".join)
)
def test_page_rules_take_linear_time_on_generated_text(text):
    """No page rule backtracks catastrophically (a generous bound, far above what it takes)."""
    start = time.perf_counter()
    detect(frame(text), page=True)
    assert time.perf_counter() - start < 5.0


def test_a_hard_wrapped_story_is_judged_as_the_paragraphs_its_lines_make():
    story = paragraphs()
    lines: list[str] = []
    for paragraph in story:  # wrapped at about 50 characters, as some pages' text comes
        words, line = paragraph.split(), ""
        for word in words:
            if len(line) + len(word) > 50 and line:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.append(line)
    # readers' comments under it, more prose than the story: they win unless the story's lines
    # are judged as the paragraphs they make (then the comments count a quarter)
    comments = [p + " Thanks for writing this, I agree." for p in paragraphs() for _ in range(2)]
    kept = kept_of([*MENU, *lines, "Top Rated Comments", *comments, *FOOTER])
    assert not set(comments) & set(kept)
    assert len(set(lines) & set(kept)) >= 0.75 * len(lines)  # all but the first paragraphs
    paths = ["hearst/ads/large_scale_ads.tpl", "e hearst/home/navigation_main.tpl and more"]
    assert kind_of(Block(0, 0, 1, paths[1]), Verdict()) == "line"
