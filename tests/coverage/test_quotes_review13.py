"""Review of round 13's speaker rules on 1,200 AllSides and 400 Reuters articles: two
changes that gave wrong speakers, each checked on a short excerpt of the article that showed it."""

from __future__ import annotations

from corpuscli.coverage.quotes import extract_quotes


def _speaker_of(text: str, opening: str) -> str | None:
    """The speaker of the quote found whose words open with ``opening``."""
    found = [q for q in extract_quotes(text) if q.text.lstrip('“" ').startswith(opening)]
    assert found, f"no quote opens with {opening!r}"
    return found[0].speaker


def test_he_is_not_a_name_inside_the_appositive_of_the_name_that_opens_the_sentence() -> None:
    # "Apple" of "Apple chairman" stood after "John Sculley" in text order and was taken as
    # the nearer subject that "he" means
    text = (
        '    The Mac SE (SE stands for "system expansion"), which Apple\n'
        "says will operate 15-20 pct faster than its current Mac Plus,\n"
        "\n"
        "Mac II which is designed to give Apple an entree to the\n"
        "expanding market for science and engineering workstations.\n"
        "    John Sculley, Apple chairman and chief executive officer,\n"
        "declined to estimate anticipated sales, but he said the Mac SE\n"
        "should contribute significantly to Apple's bottom line this\n"
        "year. He said it would appeal to the mainstream of PC users.\n"
    )
    assert _speaker_of(text, "the Mac SE") == "John Sculley"
    assert _speaker_of(text, "it would appeal") == "John Sculley"


def test_a_quote_goes_on_with_the_quote_before_it_in_its_own_paragraph() -> None:
    # a quote inside its paragraph kept no speaker once quotes had to open their paragraph
    text = (
        "House Judiciary Chairman Jerrold Nadler told CNN's Manu Raju on Tuesday that he was "
        'not "shutting the door" on impeachment.\n\n'
        '"We\'re a long way from facing that. We have, we have to know all the facts," the New '
        'York Democrat said. "Once we know all the facts, then we\'ll have to make judgments."\n'
    )
    assert _speaker_of(text, "Once we know") == "Jerrold Nadler"


def test_a_quote_inside_a_paragraph_still_does_not_go_on_with_the_paragraph_before() -> None:
    text = (
        "The governor recently signed into law yet another aggressive anti-climate-change "
        "package that even some supporters admit is a radical attempt to achieve a rapid "
        "reduction in the amount of oil produced here.\n\n"
        "Democrats here accuse Republicans of using anecdotes to illustrate their point. But "
        "Joel Kotkin and Wendell Cox, writing for Newgeography.com, look at the data and it’s "
        "unmistakable: “For generations, the Golden State developed a reputation as the "
        "ultimate destination of choice for millions of Americans. No longer.”\n"
    )
    assert _speaker_of(text, "For generations") != "even some supporters"
