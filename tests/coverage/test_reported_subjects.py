"""Reported speech whose subject is more than a name before the verb: coordinated modifiers
("security and oil sector sources said"), a participle after the head ("A report released
Thursday said"). Excerpts of real articles (AllSides corpus in ../shared/corpora; the outlet is
named)."""

from __future__ import annotations

from corpuscli.coverage.quotes import extract_quotes


def _reported(text: str) -> list:
    return [q for q in extract_quotes(text) if q.kind == "indirect"]


def test_a_subject_with_coordinated_modifiers_ends_the_sentence():
    text = (  # Al Jazeera
        "Meanwhile, thousands of demonstrators continued to gather in Iraq's impoverished "
        "southern Shia heartland with a group blocking the entrance to the Nassiriya oil refinery "
        "in the oil-producing southern province of Basra, security and oil sector sources said."
    )
    [q] = _reported(text)
    assert q.text.startswith("thousands of demonstrators continued")
    assert q.text.endswith("province of Basra")
    assert q.speaker is not None and q.speaker.endswith("sources")


def test_a_name_after_a_coordinated_place_is_no_subject_of_that_kind():
    text = (  # Associated Press: the byline's credit is no reported speech
        "Krauss reported from Dubai, United Arab Emirates and Karimi reported from Tehran."
    )
    assert _reported(text) == []


def test_a_participle_after_the_subject_is_no_verb_of_its_own():
    text = (  # Associated Press
        "A preliminary Iranian investigative report released Thursday said that the airliner "
        "pilots never made a radio call for help."
    )
    [q] = _reported(text)
    assert q.text == "the airliner pilots never made a radio call for help"
    assert q.verb == "said"


def test_a_participle_after_a_subordinate_clause_takes_that_clause_s_subject():
    text = (  # The Guardian
        "Donald Trump Jr issued a statement on Saturday. That appeared at odds with his first "
        "statement on Saturday when he omitted any mention of Clinton, saying the discussion "
        "focused on a defunct programme that had allowed American adoptions of Russian children."
    )
    [q] = _reported(text)
    assert q.text.startswith("the discussion focused on a defunct programme")
    assert q.speaker_text == "he"


def test_security_forces_speak_as_a_body():
    text = (  # Newsmax
        "Security forces prevented journalists from entering the hotel after the assault, "
        "saying work was needed inside to ensure the assailants had not left behind booby traps."
    )
    [q] = _reported(text)
    assert q.text.startswith("work was needed inside")
    assert q.speaker == "Security forces"


def test_a_participle_with_an_object_is_the_verb_of_its_own_clause():
    text = (  # The Hill
        "On Thursday, Franken issued an apology without confirming the most recent allegations "
        "lodged against him."
    )
    assert _reported(text) == []


def test_a_participle_after_a_clause_that_is_no_subordinate_one_takes_no_subject_from_it():
    text = (  # The New York Times
        "She uses the issue to rally her base, framing it as a test of whether Georgia will be a "
        "symbol of the Old or New South, urging crowds to fight back by voting."
    )
    assert all(q.speaker != "New South" for q in _reported(text))


def test_a_single_quoted_statement_over_paragraphs_goes_on_with_the_speaker_before_it():
    text = (  # Daily Mail: each paragraph re-opens the quote, the last one closes it
        "French presidential favourite Emmanuel Macron said he did not want to 'punish' Britain."
        "\n\n'The question is not to punish the UK for a vote made by British people,' he said at "
        "a meeting with London Mayor Sadiq Khan in Paris.\n\n'My priority will be to protect the "
        "European Union, the interests of the European Union, and the interests of European "
        "citizens.\n\n'And my deep wish is to have Great Britain with the European Union in "
        "another relationship.\n\n'I think especially on defence matters it's important to work "
        "together.'"
    )
    direct = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert [q.paragraph for q in direct] == [1, 2, 3, 4]
    assert {q.speaker for q in direct} == {"Emmanuel Macron"}


# -- the attribution after a quote ------------------------------------------------------------


def test_an_appositive_with_a_decimal_number_does_not_end_the_attribution():
    text = (  # Bloomberg
        "“Jobless claims were a little bit better than expected which gives some comfort,” "
        "Richard Sichel, who oversees about $1.9 billion as chief investment officer at "
        "Philadelphia Trust Co., said by phone."
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Richard Sichel"


def test_a_document_noun_before_the_verb_is_the_subject_not_the_verb():
    text = (  # BBC News
        '"Social media have gone from being the natural infrastructure for sharing collective '
        "grievances and co-ordinating civic engagement, to being a computational tool for social "
        'control," the report says.'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "the report"


def test_a_report_speaks_for_the_outlet_an_according_to_names():
    text = (  # International Business Times
        "According to Fox News, tens of thousands North Koreans gathered at the main square in "
        "Pyongyang to rally support for Kim’s call to arms.\n\n“Men and women, many of them in "
        "olive drab uniforms, stood in arrow-straight lines, fists raised,” the report said."
    )
    direct = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["Fox News"]


def test_a_clause_after_a_quote_that_opens_with_a_conjunction_has_a_speaker_of_its_own():
    text = (  # The Guardian
        'Russian cosmonaut Oleg Kononenko said Leonov\'s death was a "loss for the whole planet", '
        "while President Vladimir Putin said he admired the astronaut's courage."
    )
    partial = [q for q in extract_quotes(text) if q.kind == "partial"]
    assert [q.speaker for q in partial] == ["Oleg Kononenko"]


# -- more of the clause and of the subject ------------------------------------------------------


def test_a_clause_that_opens_with_no_is_reported():
    text = (  # BBC News
        "Mr Giuliani said no payment was made in the end although he did not know why that was "
        "the case."
    )
    [q] = _reported(text)
    assert q.text.startswith("no payment was made")
    assert q.speaker == "Giuliani"
    assert _reported("He said no to the plan, and left the room after he was asked.") == []


def test_a_relative_clause_inside_the_subject_leaves_the_verb_to_its_antecedent():
    text = (  # Reuters
        "The 66-year-old financier had been on suicide watch, but a source familiar with the "
        "matter who spoke on condition of anonymity said he was not on watch at the time of his "
        "death."
    )
    [q] = _reported(text)
    assert q.text == "he was not on watch at the time of his death"
    assert q.speaker == "a source familiar with the matter"


def test_a_relative_clause_whose_own_verb_is_the_speech_verb_keeps_it():
    text = (  # The Washington Post
        "Georgia Gov. Brian Kemp (R), who earlier this week announced his state is lifting its "
        "lockdown, was criticised by the president."
    )
    assert all(q.speaker != "R" for q in _reported(text))


def test_a_fronted_phrase_with_no_comma_leaves_the_subject_after_it():
    text = (  # BBC News
        "At the time Mr Lajcak said it was up to Albania’s leaders “to do what we ask them to do”."
    )
    [q] = extract_quotes(text)
    assert q.speaker is not None and q.speaker.endswith("Lajcak")


def test_commitments_to_act_report_no_statement():
    text = (  # BBC News: "promised to pay", "vowed to jail" commit to acts (no statement)
        "During his campaign Mr Trump promised to pay the legal bills of anyone who assaults a "
        "protester and vowed to jail his opponent Hillary Clinton after the election."
    )
    assert _reported(text) == []


def test_a_fronted_possessive_phrase_with_no_comma_leaves_a_description_after_it():
    text = (  # The Washington Times
        "In Friday’s filing the Justice Department said it was getting caught between a 2015 "
        "ruling in the so-called Flores settlement and this week’s ruling in a case known as "
        "Ms. L v. ICE."
    )
    [q] = _reported(text)
    assert q.text.startswith("it was getting caught between")
    assert q.speaker_text == "Justice Department"


def test_a_pronoun_after_a_fronted_phrase_takes_the_sentence_before():
    text = (  # BBC News
        "De Niro - the star of films Raging Bull and Meet the Parents - is a vocal Trump "
        'opponent. In the past he has called him "a national disaster", "a mutt who doesn\'t '
        'know what he\'s talking about" and said that he wanted to "punch him in the face".'
    )
    quotes = [q for q in extract_quotes(text) if q.kind == "partial"]
    assert len(quotes) == 3
    assert all(q.speaker == "Robert De Niro" or q.speaker == "De Niro" for q in quotes)


def test_a_fronted_infinitive_clause_is_no_phrase_before_a_subject():
    text = (  # a reader's letter quoted by Fox News
        "For them to take some texts my buddy’s and I wrote back to some dweeb we were playing "
        "with that we met a few times while we had a few drinks is definitely laughable."
    )
    assert _reported(text) == []


def test_a_noun_in_ing_after_a_fronted_phrase_is_no_verb_of_its_subject():
    text = (  # Politico
        "In a subsequent State Department press briefing, spokeswoman Jen Psaki, asked about the "
        "exchange between Earnest and Karl, said that the victims did not come from one "
        "background or nationality."
    )
    [q] = _reported(text)
    assert q.text == "the victims did not come from one background or nationality"
    assert q.verb == "said"


def test_a_bare_plural_after_an_inverted_verb_at_the_end_speaks():
    text = (  # ABC News
        "Darkness and bad weather had forced the suspension of the search about 5:30 p.m. local "
        "time Sunday evening, said Indonesian transport officials."
    )
    [q] = _reported(text)
    assert q.text.startswith("Darkness and bad weather")
    assert q.speaker == "Indonesian transport officials"
    text = (  # The Christian Science Monitor
        "Moderate Republicans saved him, with a margin of one vote, in his Senate trial. The "
        "whole process was quite convoluted, say House historians."
    )
    [q] = _reported(text)
    assert q.text == "The whole process was quite convoluted"
    assert q.speaker == "House historians"


def test_a_bare_plural_that_goes_on_is_no_speaker():
    text = (  # a clause after "say", not a speaker
        "Around the table, some claim to be Democrats, others Republicans. Others, like Terry "
        "Martin, say they’re swing voters."
    )
    assert all(q.speaker != "they’re swing voters" for q in _reported(text))


def test_she_never_means_a_group():
    text = (  # NPR
        "School choice advocates are now asking the U.S. Supreme Court to revive the scholarship "
        "aid program in its entirety. They are backed by the Trump administration, including "
        "Education Secretary Betsy DeVos, who as a private citizen and as a Cabinet member has "
        'advocated for what she recently called "faith-based education."'
    )
    [q] = [q for q in extract_quotes(text) if q.text.startswith("faith-based")]
    assert q.speaker == "Betsy DeVos"


def test_a_bare_plural_with_an_adjective_phrase_after_the_verb_speaks():
    text = (  # Washington Post (AllSides excerpt)
        "Trump eventually changed his tone after being shown statistical models about the spread "
        "of the virus from other countries, said people familiar with Trump’s conversations."
    )
    [q] = _reported(text)
    assert q.text.startswith("Trump eventually changed his tone")
    assert q.speaker is not None and q.speaker.endswith("with Trump’s conversations")


def test_an_adjective_phrase_after_the_speaker_belongs_to_the_speaker():
    text = (  # The Hill (AllSides excerpt)
        "But adding the wall into the mix would create a toxic political environment.\n\n"
        "“That’s a bigger problem,” said a Republican senator familiar with the emerging "
        "spending bills."
    )
    [q] = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert q.speaker == "a Republican senator familiar with the emerging spending bills"


def test_a_bare_plural_whose_sentence_goes_on_is_no_speaker():
    text = (  # the sentence goes on after the adjective's phrase: no attribution at its end
        "Taxes will rise, say economists familiar with the budget, who expect a deficit."
    )
    assert all(q.speaker != "economists familiar with the budget" for q in _reported(text))
