"""The canonical form of a speaker: the fullest name the article gives the person, without the
words a page or a sentence glued to it. Short excerpts of real articles (AllSides, BBC News;
a sentence or two each, the outlet named)."""

from __future__ import annotations

import pytest

from corpuscli.coverage.quotes import extract_quotes
from corpuscli.coverage.speaker_names import clean_speaker, unglue


def _speaker(text: str, start: str) -> str | None:
    found = [q for q in extract_quotes(text) if q.text.startswith(start)]
    assert found, f"no quote starting {start!r} in {[q.text for q in extract_quotes(text)]}"
    return found[0].speaker


# A name that ends a sentence ("… chief Shamil Tarpishchev.") is that person's fullest name.
_TARPISHCHEV = (  # BBC News
    "However, Kuznetsova's naming was condemned by Russian tennis chief Shamil Tarpishchev. "
    '"First of all, this Belgian sports minister has broken every ethical rule in the book," '
    'Tarpishchev said. "We all know the basic principle in doping cases," he said.'
)
_GRAYSON = (  # NPR
    "Among the more than 80 House freshmen who were sworn in this week, there were several who "
    "had been there before — including Florida Democrat Alan Grayson.\n\n"
    "After starting his first term four years ago, Grayson quickly made a name for himself with "
    'biting comments targeting Republicans. "If you get sick, America, the Republican health care '
    'plan is this: Die quickly," Grayson said.'
)
# Titles of agency and court style before a name.
_MCNULTY = (  # BBC News
    "The longest jail sentence - 46 months - was handed down to Sankus, a 28-year-old from "
    'Philadelphia. US Attorney Paul McNulty said at the time: "John Sankus and his techno-gang '
    'operated in the faceless world of the internet and thought they would never be caught."'
)
_DUNCAN = (  # Fox News
    "Juror Paula Duncan says 11 of 12 jury members thought former Trump campaign chief was "
    "guilty on all 18 charges\n\n"
    '"I did not want him to be guilty. But he was," Duncan said.'
)
# Page furniture before a name ("Add Donald Trump as an interest").
_ADD_TRUMP = (  # ABC News
    "Interested in Donald Trump? Add Donald Trump as an interest to stay up to date on the latest "
    "Donald Trump news, video, and analysis from ABC News. Add Interest\n\n"
    "President Donald Trump said he is not concerned by North Korea's recent missile tests.\n\n"
    '"I can tell you that Joe Biden was a disaster," the president said.\n\n'
    '"Kim Jong-Un made a statement," Trump said.'
)
# A place named after a person is not the person.
_TRUMP_TOWER = (  # Reuters
    "Hundreds of protesters made their way from Trump Tower in West Palm Beach to a staging "
    "area near Palm Beach on Bingham Island.\n\n"
    "“It’s a disgrace that they leaked because it’s very much against our country,” Trump said."
)
# Link text run into the next (The Hill): the name as far as the link.
_PELOSI = (  # The Hill
    "Speaker Nancy Pelosi Nancy PelosiOvernight Health Care: Trump officials making changes to "
    "drug pricing proposal | House panel advances flavored e-cig ban MORE (D- Calif.) has fought "
    "for months to contain a small but vocal group of Democrats.\n\n"
    '"We are not going to be talking about impeachment today," Pelosi said.'
)


@pytest.mark.parametrize(
    ("text", "start", "speaker"),
    [
        pytest.param(_TARPISHCHEV, "We all know", "Shamil Tarpishchev", id="name-ends-sentence"),
        pytest.param(_TARPISHCHEV, "First of all", "Shamil Tarpishchev", id="name-ends-sentence"),
        pytest.param(_GRAYSON, "If you get sick", "Alan Grayson", id="party-before-name"),
        pytest.param(_MCNULTY, "John Sankus", "Paul McNulty", id="agency-title"),
        pytest.param(_DUNCAN, "I did not want", "Paula Duncan", id="court-title"),
        pytest.param(_ADD_TRUMP, "I can tell you", "Donald Trump", id="page-furniture"),
        pytest.param(_ADD_TRUMP, "Kim Jong-Un", "Donald Trump", id="page-furniture"),
        pytest.param(_TRUMP_TOWER, "It’s a disgrace", "Trump", id="place-is-no-person"),
        pytest.param(_PELOSI, "We are not going", "Nancy Pelosi", id="link-text"),
    ],
)
def test_canonical_speaker(text: str, start: str, speaker: str) -> None:
    assert _speaker(text, start) == speaker


_COMEY = (  # Fox News: the full name is written only as a possessive
    "Former FBI director James Comey’s memos have been released to the press.\n\n"
    '"He said he needed loyalty," Comey added.'
)
_WALLACE = (  # The Hill: a link's text glued after the name
    "But while being pressed by Fox News's Chris Wallace Christopher (Chris) WallaceBiden "
    "campaign demands news channels stop booking Giuliani MORE, Kudlow acknowledged the trade "
    "fight will lead to pain on both sides.\n\n"
    "Wallace replied by noting that Trump has said China pays the tariffs."
)
_HOLDER = (  # NPR: a sentence adverb before a family name is no part of the name
    "Holder was attorney general for six years. Eventually Holder said the department had to "
    "change.\n\n"
    '"We have made progress," Holder said.'
)
_ERDOGAN = (  # Reuters: the shorter form is used more, the longer is the fuller name
    "Trump said in a phone call with Tayyip Erdogan that he would leave. He said Erdogan "
    "replied that Turkey would act. Trump met Turkey's President Recep Tayyip Erdogan at NATO "
    "headquarters.\n\n"
    '"We will finish the job," Erdogan said.'
)


@pytest.mark.parametrize(
    ("text", "start", "speaker"),
    [
        pytest.param(_WALLACE, "Trump has said", "Chris Wallace", id="glued-link-text"),
        pytest.param(_HOLDER, "We have made", "Holder", id="sentence-adverb"),
        pytest.param(_COMEY, "He said he needed", "James Comey", id="possessive-full-name"),
        pytest.param(_ERDOGAN, "We will finish", "Recep Tayyip Erdogan", id="fuller-form"),
    ],
)
def test_fullest_name(text: str, start: str, speaker: str) -> None:
    assert _speaker(text, start) == speaker


@pytest.mark.parametrize(
    ("words", "kept"),
    [
        ("Nancy Pelosi Nancy PelosiOvernight Health Care", "Nancy Pelosi"),
        ("Trump Donald John TrumpKamala Harris", "Trump"),
        ("Eric SasseDemocrat", "Eric Sasse"),
        ("Kamala Harris Harris", "Kamala Harris"),
        ("Abdullah Abdullah", "Abdullah Abdullah"),  # two words: a name, not a repetition
        ("BuzzFeed News", "BuzzFeed News"),  # a glued first word is the name itself
        ("Ben LaBolt", "Ben LaBolt"),
        ("Mitch McConnell", "Mitch McConnell"),
    ],
)
def test_unglue(words: str, kept: str) -> None:
    assert " ".join(unglue(words.split())) == kept


def test_clean_speaker_drops_sentence_stop_and_glue() -> None:
    assert clean_speaker("Bill Barr.") == "Bill Barr"
    assert clean_speaker("Financial Times.") == "Financial Times"
    assert clean_speaker("Lynn CheneyLawmakers") == "Lynn Cheney"
    assert clean_speaker("Donald Trump Jr.") == "Donald Trump Jr."


# Who said it, where the words after a quote are not its attribution, and "it" after an acronym.
_BURGUM = (  # AP
    "Burgum, who has said he’ll seek a second term, acknowledged that Burleigh County’s vote "
    "could be seen as unwelcoming.\n\n"
    "“It sends a very negative signal” if Burleigh County refuses refugees, he said."
)
_GOLDSMITH = (  # BBC News
    "But a short statement about Lord Goldsmith's position was presented in a written "
    'parliamentary answer on 17 March 2003. It said it was "plain" Iraq continued to be in '
    "material breach of UN resolution 1441."
)
_IMF = (  # BBC News
    "While longer lockdowns will constrain economic activity, the IMF said quarantines and "
    "social distancing measures were vital.\n\n"
    'It said: "Upfront containment measures are essential to slow the spread of the virus."'
)


@pytest.mark.parametrize(
    ("text", "start", "speaker"),
    [
        pytest.param(_BURGUM, "It sends", "Burgum", id="subordinate-clause-after-quote"),
        pytest.param(_IMF, "Upfront containment", "IMF", id="it-after-an-acronym"),
    ],
)
def test_speaker_past_the_words_after_a_quote(text: str, start: str, speaker: str) -> None:
    assert _speaker(text, start) == speaker


def test_a_fragment_is_not_said_by_the_clause_after_it() -> None:
    assert _speaker(_GOLDSMITH, "plain") != "Iraq"


# "They" is never one person: a group or a joint subject near it, or nobody.
_SHUTDOWN = (  # Washington Times
    "Republicans also said Mr. Trump’s plan was the only one he’s willing to sign, Sen. Richard "
    "Shelby said.\n\n"
    "Democrats, though, said the Senate should test the president’s resolve.\n\n"
    "They have said border security negotiations can come later."
)
_BUDGET = (  # CNN
    "On Thursday, leaders of the House and Senate budget committees -- Republican Rep. Paul Ryan "
    "of Wisconsin and Democratic Sen. Patty Murray of Washington -- held a symbolic breakfast.\n\n"
    "They noted that their negotiations would start soon."
)


def test_they_is_no_one_person() -> None:
    assert _speaker(_SHUTDOWN, "border security") != "Richard Shelby"


def test_they_is_a_joint_subject() -> None:
    assert _speaker(_BUDGET, "their negotiations") == "Paul Ryan and Patty Murray"


# A description with a country's possessive and the body the title serves is the person the
# article names so ("North Korea's ambassador to the United Nations, Kim Song,").
_KIM_SONG = (  # Reuters
    "North Korea's ambassador to the United Nations, Kim Song, spoke on Friday.\n\n"
    "North Korea's ambassador to the United Nations said on Saturday that denuclearization is "
    "off the negotiating table."
)
_JACQUI_SMITH = (  # BBC News
    "Trade and Industry Secretary Patricia Hewitt said the plans were uncosted.\n\n"
    "Labour's deputy minister for women Jacqui Smith accused the Lib Dems of offering false "
    "promises to women and said their sums did not add up."
)
_OVERALL = (  # CNN
    "Overall, about half of Republicans (49%) would like to see the field resolve early, saying "
    "it would be best for the party if one strong candidate emerged early."
)


def test_possessive_description_with_its_body() -> None:
    assert _speaker(_KIM_SONG, "denuclearization") == "Kim Song"


def test_description_that_names_its_person() -> None:
    assert _speaker(_JACQUI_SMITH, "their sums") != "Patricia Hewitt"


def test_a_sentence_adverb_is_no_speaker() -> None:
    assert _speaker(_OVERALL, "it would be best") != "Overall"


# A speaker the article says it will not name is never resolved to someone it names.
_ATTORNEY = (  # Politico
    "The FBI took possession of email copies on a thumb drive maintained by Clinton’s attorney "
    "David Kendall.\n\n"
    "“Nobody contacted me,” said the attorney, who asked not to be named. “It doesn’t make a lot "
    "of sense.”"
)


@pytest.mark.parametrize("start", ["Nobody contacted", "It doesn’t make"])
def test_an_unnamed_speaker_stays_unnamed(start: str) -> None:
    assert _speaker(_ATTORNEY, start) == "the attorney"


def test_a_family_name_is_not_named_as_the_only_other_member_named_in_full() -> None:
    """ "Trump said" where the only Trump named in full is "Melania Trump", and the bare name is
    a man's ("President Trump … he"): the bare name stays; her own quote is hers."""
    from corpuscli.coverage.quotes import extract_quotes

    text = (
        "President Trump arrived in Paris on Friday with first lady Melania Trump.\n\n"
        '"We are going to make a deal," Trump said, adding that he expected talks to go well. '
        "Trump said he was ready and that his team was ready.\n\n"
        'Melania Trump visited a hospital. "It was a moving day," she said.'
    )
    speakers = {text[q.start : q.end][:12]: q.speaker for q in extract_quotes(text)}
    assert speakers["We are going"] == "Trump"
    assert speakers["It was a mov"] == "Melania Trump"


def test_a_titled_family_name_is_the_member_written_with_that_title() -> None:
    """ "President Trump" and "President Donald Trump" beside "Melania Trump": the bare name is
    the President's, whatever pronouns follow other people's names."""
    from corpuscli.coverage.quotes import extract_quotes

    text = (
        "President Donald Trump and Melania Trump met Ms. Newman. She said Trump should be "
        "afraid, and she said her lawyers were ready.\n\n"
        '"President Trump is well known for giving people opportunities," Trump said.'
    )
    speakers = [q.speaker for q in extract_quotes(text) if q.kind == "direct"]
    assert speakers == ["Donald Trump"]
