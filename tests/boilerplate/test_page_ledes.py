"""Page mode keeps a wire story's lede (its dateline: "WASHINGTON (AP) —") above a video
player's markup, and a lede that ends in a colon. Short real excerpts of Scrapinghub benchmark
dev pages (hosted.ap.org, sfgate.com)."""

from __future__ import annotations

from corpuscli.boilerplate.detection import detect
from corpuscli.boilerplate.evidence import Verdict
from corpuscli.boilerplate.page import PROSE, kind_of
from corpuscli.text.blocks import Block
from tests.boilerplate.cases import frame

LEDE = (
    "WASHINGTON (AP) — Ambassador Gordon Sondland, the most anticipated witness in the "
    "impeachment inquiry, is likely to be unpredictable when he faces questions about his "
    "evolving accounts of the Trump administration’s dealings with Ukraine and a newly revealed "
    "summertime phone call with President Donald Trump."
)
PLAYER = [
    '<div class="item hosted-video">',
    '<a href="?id=i-">',
    '<img src="" alt="">',
    '<span class="video-item"><i class="fa fa-play" aria-hidden="true"></i></span>',
    "</a>",
    "</div>",
]
STORY = [
    "Sondland, a wealthy hotelier Trump tapped as his ambassador to the European Union, is more "
    "directly entangled than any witness yet in the Republican president’s efforts to get Ukraine "
    "to investigate political rival Joe Biden and Democrats in the 2016 election. Yet Sondland "
    "has already amended his testimony once — “I now do recall,” he said, talking to Ukraine "
    "about investigations.",
    "Sondland’s appearance at Wednesday morning’s hearing, and his closeness to Trump, is of "
    "particular concern to the White House as the historic impeachment inquiry reaches closer to "
    "the president, pushing through an intense week with nine witnesses testifying over three "
    "days in back-to-back sessions.",
    "Trump has recently tried to suggest that he barely knows his hand-picked ambassador, but "
    "Sondland has said he has spoken several times with the president and was acting on his "
    "direction.",
]


def kept(page: list[str]) -> list[str]:
    verdicts = detect(frame("\n".join(page)), page=True)
    return verdicts.loc[~verdicts["boilerplate"], "text"].tolist()


def test_a_wire_lede_above_a_video_players_markup_is_the_storys():
    page = ["Email", "Patrick Semansky, ASSOCIATED PRESS", LEDE, *PLAYER * 5, "View all (23)",
            *STORY, "National security"]  # fmt: skip
    story = kept(page)
    assert LEDE in story and STORY[0] in story
    assert PLAYER[0] not in story and "View all (23)" not in story


def test_a_paragraph_without_a_dateline_past_the_markup_is_not_kept_so():
    # the same paragraph with its dateline cut: past thirty blocks of markup, no story goes on
    other = LEDE.split("— ", 1)[1]
    page = ["Email", other, *PLAYER * 5, "View all (23)", *STORY, "National security"]
    assert other not in kept(page)


def test_a_wire_lede_ending_in_a_colon_is_prose():
    lede = (
        "HAYWARD, Calif. (AP) — The Latest on a deadly stabbing on a San Francisco Bay Area "
        "commuter train (all times local):"
    )
    assert kind_of(Block(0, 0, len(lede), lede), Verdict()) == PROSE
    assert kind_of(Block(0, 0, 12, "WASHINGTON ("), Verdict()) != PROSE
