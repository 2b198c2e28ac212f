"""Families of false reported speech found on outlets no label set had read (a random sample of
AllSides articles: benchmarks/labels/reported_rows_sample2.json, and reported_rows_sample.json),
one case per family, and what still reports beside each. Excerpts of real articles (AllSides and
BBC News corpora in ../shared/corpora; the outlet is named)."""

from __future__ import annotations

import pytest

from corpuscli.coverage.quotes import extract_quotes


def _reported(text: str) -> list[str]:
    return [q.text for q in extract_quotes(text) if q.kind == "indirect"]


@pytest.mark.parametrize(
    "text",
    [
        # a speech verb's form after a possessive, a determiner or "most" is an adjective
        "If the police crush them, or if China's army moves in and crushes the demonstrators "
        "whose hopes were raised by America's declared solidarity, then what are we prepared to "
        "do to save them and their cause?",  # Pat Buchanan
        "The Trump administration this past week penalized 17 Saudi officials for their alleged "
        "role in the killing.",  # Yahoo! The 360
        "Get started today for free and become the most informed Texan you know — after your "
        "first month, it's just $9.00.",  # The Texan
        # a counterfactual says nothing
        "Obama could have told that story in style, and made history while he did it.",
        # (sample of reported_rows_sample.json)
        # "issued a statement that" and a verb: a relative clause
        "When the affiliate reached out to YouTube about the removal, a company spokesperson "
        "issued a statement that offered the following justification:",  # FEE.org
        # "according to" evidence, a scenario or data: no speaker
        "This would, according to the scenario, prevent the economy from recovering — a failure "
        "the Democrats hope voters will blame on President Trump.",  # American Spectator
        "At least 54,000 residents and workers at nursing homes and other elder-care facilities "
        "have died of COVID-19 in the United States, according to data compiled by the New York "
        "Times in late June.",  # Yahoo! The 360
        # "…,” according to X, an appositive: the quotation's attribution, the appositive is X's
        "Iran would “receive a response that would be written in history,” according to comments "
        "carried by IRNA, a state-run news agency.",  # USA TODAY
        "Talks would probably not be more successful if it was framed as “radical Islamism,” "
        "according to Daniel Serwer, director of the Conflict Management Program at Johns Hopkins "
        "University.",  # The Hill
    ],
)
def test_no_statement_is_reported(text):
    assert _reported(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a newspaper, research by a named body, a poll: their statements report
        (
            "Two Des Moines police officers were killed earlier this year when their car was "
            "struck head-on by a wrong-way drunken driver, according to the paper.",  # AP
            "Two Des Moines police officers were killed earlier this year when their car was "
            "struck head-on by a wrong-way drunken driver",
        ),
        (
            "This has left Londoners, or those travelling by cab in the capital, as the world's "
            "best at losing laptops, according to the research by the Licensed Taxi Drivers "
            "Association and Pointsec, a mobile-data backup firm.",  # BBC News
            "This has left Londoners, or those travelling by cab in the capital, as the world's "
            "best at losing laptops",
        ),
        # once an adjective is set aside, the verb after it reports
        (
            "Reflecting on her reported defeat, pro-Beijing lawmaker Alice Mak suggested Ms Lam's "
            "administration was partly to blame.",  # BBC News
            "Ms Lam's administration was partly to blame",
        ),
        (
            "It has been widely reported that Kelly has said his game plan is to stay in his post "
            "for one year.",  # The Week
            "his game plan is to stay in his post for one year",
        ),
        # a determiner before the subject is no determiner of the verb; "he's" is "he has"
        (
            "Some critics say the plan will fail within a year.",
            "the plan will fail within a year",
        ),
        (
            "He’s said the talks would go on through the winter.",
            "the talks would go on through the winter",
        ),
    ],
)
def test_statements_still_report(text, expected):
    assert expected in _reported(text)
