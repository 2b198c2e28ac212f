"""Hard-wrapped wire copy: lines broken at a fixed width inside paragraphs are joined for the
rules that read a line as a paragraph (excerpts of Reuters-21578 stories)."""

from __future__ import annotations

from corpuscli.coverage.quotes import extract_quotes, marked_quotes
from corpuscli.text.wrapping import hard_wrapped, unwrapped

WIRE = (
    "The Food and Drug Administration has\n"
    "approved Burroughs Wellcome Co's AZT as a treatment to help\n"
    "certain AIDS patients, including those with advanced-AIDS\n"
    "related complex.\n"
    "    The drug is the first approved treatment for AIDS in the\n"
    "U.S.\n"
    "    \"Today's approval marks an important step but by no means a\n"
    'final victory against our ongoing war against AIDS," said Dr\n'
    "Robert E. Windom, assistant secretary for health at the Public\n"
    "Health Service.\n"
)


def test_wire_copy_is_hard_wrapped_and_joined_in_place() -> None:
    assert hard_wrapped(WIRE)
    flat = unwrapped(WIRE)
    assert len(flat) == len(WIRE)
    assert "said Dr Robert E. Windom" in flat
    assert "\n    The drug" in flat  # an indented line still opens a paragraph


def test_web_text_with_a_paragraph_a_line_is_left_alone() -> None:
    web = (
        'Tony Blair says his personal standing in the eyes of voters will be "an issue" in '
        'the general election.\n\nThe prime minister said he was "up for it" as the country '
        "waits to go to the polls, possibly in a matter of weeks.\nHe told The Observer "
        'government life was a "constant barrage of attack" but said he would not stay.\n'
        "Mr Blair also spoke of meeting many people.\nHe said Britain was in danger.\n"
    )
    assert not hard_wrapped(web)
    assert unwrapped(web) is web
    assert not hard_wrapped("one\ntwo\nthree")  # too few breaks to tell


def test_a_speaker_named_over_a_line_break_is_found() -> None:
    quotes = [q for q in extract_quotes(WIRE) if q.kind == "direct"]
    assert len(quotes) == 1
    q = quotes[0]
    assert q.speaker == "Robert E. Windom"
    assert WIRE[q.start : q.end] == q.text  # the article's own text, line break kept
    assert marked_quotes(WIRE) == [("direct", q.text)]


def test_he_said_in_the_next_paragraph_of_wire_copy() -> None:
    text = (
        "The Swiss National Bank is\n"
        "prepared to increase its intervention on currency markets if\n"
        "the action can be properly coordinated with other central\n"
        "banks, Markus Lusser, a member of the Bank's three man\n"
        "directorate, said.\n"
        "    He said currency developments could not simply be talked\n"
        "into existence but needed to be matched by actions in the field\n"
        "of economic policy.\n"
    )
    reported = [q for q in extract_quotes(text) if q.kind == "indirect"]
    assert [q.speaker for q in reported if q.start > text.index("He said")] == ["Markus Lusser"]


#: A numbered shopping list of a web page (remember8090.it via the Scrapinghub article
#: extraction benchmark): one item and one link a line, every line ending where its item ends.
LIST = (
    "8) Magnum P.I. – Complete Collection (Stagioni 1-8) (45 DVD)\n"
    "http://amzn.to/2hWHtYm\n"
    "9) Batteria Elettronica Portatile con 7 Pad, Altoparlanti Integrati e Bacchette Incluse "
    "+ Collegamento USB\n"
    "http://amzn.to/2hYHawj\n"
    "10) Modellino della macchina del tempo DeLorean, da “Ritorno al Futuro”, scala 1:24\n"
    "http://amzn.to/2hXWcSP\n"
    "11) zerbino d’ ingresso tappetino Goonies Never say die\n"
    "http://amzn.to/2hWah3n\n"
    "12) Roger Waters – The Wall (DVD)\n"
    "http://amzn.to/2i2e7b7\n"
    "13) Dark Side of the Moon (180 gr) Registrazione originale rimasterizzata (Vinile)\n"
    "http://amzn.to/2hWxt1m\n"
)


def test_a_list_of_short_lines_is_no_wire_copy() -> None:
    # its lines end short of the width wherever an item ends: joined, "Goonies Never say die"
    # made the doormat's name a speaker of the links that followed
    assert not hard_wrapped(LIST)
    assert all(q.speaker != "Goonies Never" for q in extract_quotes(LIST))
