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


#: trafilatura's evaluation page of zeit.de: the headline, the lede, a byline's box, the story
ZEIT_HEAD = ["Naturparadies Asturien", "mehr", "Klimaschutz: Bohren, bis es heiß wird"]
ZEIT_LEDE = "Weltweit finanzieren Banken und Investoren Unternehmungen, die dem Klima schaden."
ZEIT_BYLINE = [
    "Von",
    "Heike Buchter",
    "19. Oktober 2019, 19:08 Uhr",
    "Editiert am 19. Oktober 2019, 19:08 Uhr",
    "DIE ZEIT Nr. 43/2019",
    "Exklusiv für Abonnenten",
    "Eine Fracking-Anlage zur Förderung von Gas im US-Bundesstaat Pennsylvania",
    "© Noah Addis",
]
ZEIT_STORY = (
    "Touristen und Börsenhändler waren überrascht, als sich plötzlich mit Kunstblut besudelte "
    "Gestalten auf das Pflaster vor der New Yorker Börse warfen. Die Klimaaktivisten der Gruppe "
    "Extinction Rebellion wollten damit vor zwei Wochen die Verbindung zwischen der Wall Street "
    "und jenen Energieunternehmen, die fossile Rohstoffe verbrennen, sichtbar machen. Nur wenige "
    "Tage zuvor hatten sich in Minneapolis, Chicago und San Francisco Demonstranten vor den "
    "Filialen von JPMorgan Chase versammelt, wegen der Rolle des größten amerikanischen "
    "Finanzkonzerns bei der Finanzierung von Kohleminen und Ölförderprojekten. Die Aktivisten "
    "wollen auf diese Weise öffentlichen Druck auf Banken, Fonds und Versicherer erzeugen, damit "
    "sie sich aus Geschäften mit der Energiegewinnung aus fossilen Rohstoffen zurückziehen."
)  # the whole first paragraph (its "Banken" is the lede's: a lede shares a word with the story)


def test_a_lede_under_the_headline_above_a_byline_box_is_the_storys():
    page = [*ZEIT_HEAD, ZEIT_LEDE, *ZEIT_BYLINE, ZEIT_STORY, "Wählen Sie Ihren Zugang"]
    story = kept(page)
    assert ZEIT_LEDE in story and ZEIT_STORY in story
    assert "Heike Buchter" not in story and "Exklusiv für Abonnenten" not in story


def test_a_paragraph_under_a_label_or_past_a_long_box_is_no_lede():
    under_label = kept(["Naturparadies Asturien", "mehr", ZEIT_LEDE, *ZEIT_BYLINE, ZEIT_STORY])
    assert ZEIT_LEDE not in under_label  # "mehr" is no headline
    far = kept([*ZEIT_HEAD, ZEIT_LEDE, *ZEIT_BYLINE * 2, ZEIT_STORY])
    assert ZEIT_LEDE not in far  # sixteen blocks: a teaser's description, not a byline's box
