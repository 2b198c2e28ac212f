"""Families of false reported speech found on new text (a random sample of articles no label
uses: benchmarks/labels/reported_rows_sample.json), one test per family, and what still reports
beside each. Excerpts of real articles (AllSides, BBC News and NewsWCL50 corpora in
../shared/corpora; the outlet is named)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli.coverage.quotes import extract_quotes
from tests.conftest import bounded


def _reported(text: str) -> list[str]:
    return [q.text for q in extract_quotes(text) if q.kind == "indirect"]


@pytest.mark.parametrize(
    "text",
    [
        # a judgement of something is no statement ("portrayed X as Y", "cast X as Y")
        "The National Rifle Association has portrayed the treaty as a threat to gun ownership "
        "rights enshrined in the U.S. Constitution.",  # Fox News
        "The Supreme Court just made it easier for the Trump administration to cast refugees as "
        "enemies",  # Vox
        # "added" with a noun phrase adds something, says nothing
        "The standoff adds a remarkable wrinkle to an already challenging year on Capitol Hill.",
        # (Washington Times)
        "Employers added 321,000 jobs in November, making 2014 the strongest year for job growth "
        "since 1999.",  # CNN
        # agreeing and refusing to do something are acts
        "Midkiff agreed to plead guilty to second-degree murder and spend 38 years in prison.",
        # (The Marshall Project)
        "Ajax have refused to reveal whether Tottenham's boss Martin Jol is on the Dutch "
        "champions' shortlist to become the Amsterdam club's new coach.",  # BBC News
        # directives and commitments ask or promise an act, they state nothing
        "However, MPs on the climate change committee have urged the government to bring the ban "
        "forward to 2030.",  # Daily Mail
        "In December, the EU pledged to work towards lifting the ban.",  # BBC News
        # a share of people polled: a poll's finding
        "Thirty-one percent said they have a favorable view of Che Guevara.",  # Washington Times
        # "that" as a determiner, after a preposition, or a relative pronoun
        "Those calls mounted after the group released another video showing the execution of an "
        "American journalist; the White House on Wednesday confirmed that video as authentic.",
        # (Fox News)
        "President Bill Clinton later blamed the assault weapon ban for the 1994 midterm "
        "victories that allowed Republicans to take over both houses of Congress.",  # The Guardian
        # nothing said: "felt obligated to say", "asked not to be identified"
        "Just a few years ago, even the most liberal Democrats in Congress felt obligated to say "
        "patriotic things about America.",  # Fox News
        "“We have seen more liberal, political Shiism being spelled out than in the hundred years "
        "before,” says an Iraqi government analyst, a native of Najaf who asked not to be further "
        "identified.",  # Christian Science Monitor
        # a relative clause or a second predicate after the verb
        "It appears that he meant what he said and — unlike his predecessors — is willing to "
        "take action to make his words stick.",  # American Spectator
        "Eight years ago, the networks aired 124 evening news reports which cited public "
        "opinion polls about President Bush’s overall approval rating.",  # Media Research Center
        # the verb has a complement of its own: the clause before its subject is no report
        "Sparring repeatedly with chair umpire Carlos Ramos, Williams refused to back down.",  # CBS
        # a charge in a noun after "accused of"; a question
        "Black women made a statement by defeating controversial former Judge Roy Moore, who had "
        "been accused of sexual misconduct with teenage girls.",  # Christian Science Monitor
        "“If he [Sessions] can get treated that way, what about the rest of us?” a sitting Cabinet "
        "secretary asked Erick Erickson.",  # Vox
        # data, not speech
        "According to calculations by the independent Tax Policy Center, if Congress did nothing "
        "and all tax increases took effect at the end of the year, the hit would be broad.",  # NYT
    ],
)
def test_no_statement_is_reported(text):
    assert _reported(text) == []


def test_a_video_headline_paragraph_reports_nothing():
    text = (  # CNN: the player's headline of a video between two paragraphs of the story
        "JUST WATCHED EPA Chief denies carbon is a pollutant Replay More Videos ... MUST WATCH "
        "EPA Chief denies carbon is a pollutant 04:17\n\n"
        '"In order to prioritize those spendings, without adding to that already large deficit, '
        'the money has to come from someplace," Mulvaney said.'
    )
    assert _reported(text) == []
    assert [q.kind for q in extract_quotes(text)] == ["direct"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # statements beside each family still report
        (
            "But she added that it did not fully reflect the party’s base.",  # Washington Post
            ["it did not fully reflect the party’s base"],
        ),
        (
            "Democrats also admit there have been serious consequences to gutting the "
            "filibuster.",  # Politico
            ["there have been serious consequences to gutting the filibuster"],
        ),
        (
            "Gao said that would depend on the agreement.",  # Associated Press: "that" is the subject
            ["that would depend on the agreement"],
        ),
        (
            "With the race entering its final, decisive phase, strategists on both sides agree "
            "that Mr. Obama maintains a razor-thin edge.",  # New York Times: a clause after it
            ["Mr. Obama maintains a razor-thin edge"],
        ),
        (
            "Yasmeen Daniel, Zina’s daughter, was at the spa when her mother was killed, and filed "
            "suit against Armslist in 2015, arguing that the shooting could’ve been stopped.",
            ["the shooting could’ve been stopped"],  # The Verge
        ),
        (
            "Mr Kerry accused Russia of violating Ukraine's sovereignty.",  # BBC News: a gerund
            ["Russia of violating Ukraine's sovereignty"],
        ),
        (
            # a word in -ed that opens the clause's subject, not a relative clause's verb
            "Bipartisan negotiators in the Senate, including Republicans Marco Rubio of Florida "
            "and John McCain of Arizona, have agreed that undocumented immigrants should have the "
            "ability, after a long wait, to become citizens.",  # ABC News
            [
                "undocumented immigrants should have the ability, after a long wait, to become "
                "citizens"
            ],
        ),
        (
            # "according to X" inside the sentence: the sentence goes on with its predicate
            "Tariffs the president has already imposed on Europe have, according to credit "
            "analysts Euler Hermes, affected UK businesses more than firms in any other EU "
            "country except Germany.",  # The Guardian
            [
                "Tariffs the president has already imposed on Europe have, according to credit "
                "analysts Euler Hermes, affected UK businesses more than firms in any other EU "
                "country except Germany"
            ],
        ),
        (
            # a second "that" clause is a statement of its own
            "A preliminary Iranian investigative report released Thursday said that the airliner "
            "pilots never made a radio call for help and that the burning plane was trying to "
            "turn back for the airport.",  # Associated Press
            [
                "the airliner pilots never made a radio call for help",
                "the burning plane was trying to turn back for the airport",
            ],
        ),
    ],
)
def test_statements_still_report(text, expected):
    assert _reported(text) == expected


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "urged",
                "them",
                "to",
                "do",
                "said",
                "that",
                "and",
                "—",
                "JUST WATCHED",
                "according",
                "percent",
                "added",
                "agreed",
                "it",
                "was",
                ",",
                ".",
                "\n\n",
                "video",
                "as",
                "could’ve",
                "the",
                "Putin",
                "says",
            ]
        ),
        max_size=60,
    )
)
def test_the_family_rules_read_generated_text_in_bounded_time(words):
    with bounded(10):
        extract_quotes(" ".join(words))


@pytest.mark.parametrize(
    "text",
    [
        "He urged " + "them " * 4000 + "to act.",  # a directive's object that never ends
        "He said that " + "it was so and that " * 800 + "it was.",  # many coordinated clauses
        "— " + "a " * 5000 + ": Reuters",  # a link-list line of thousands of words
    ],
)
def test_long_inputs_stay_sane(text):
    with bounded(20):
        quotes = extract_quotes(text)
    assert all(0 <= q.start <= q.end <= len(text) for q in quotes)
