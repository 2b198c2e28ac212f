"""Speakers the attribution words do not name: "it" for an organisation or a country, long
appositives between a quote and its verb, and the like. Short excerpts of real articles (a
sentence or two each, from ../shared/corpora; the outlet is named)."""

from __future__ import annotations

from corpuscli.coverage.quote_patterns import Quote
from corpuscli.coverage.quotes import extract_quotes
from corpuscli.coverage.speaker_descriptions import resolve_definite
from corpuscli.coverage.speaker_names import clean_speaker


def _one(text: str, start: str):
    found = [q for q in extract_quotes(text) if q.text.startswith(start)]
    assert found, f"no quote starting {start!r} in {[q.text for q in extract_quotes(text)]}"
    return found[0]


# -- "it": an organisation or a country ----------------------------------------------------------


def test_it_is_the_body_that_opens_the_paragraph_before():
    text = (  # Al Jazeera
        "The US embassy in Baghdad condemned the deadly violence against unarmed demonstrators, "
        "and urged Iraq's leaders to engage urgently with the thousands who have been protesting."
        '\n\n"We deplore the killing and kidnapping [of] unarmed protesters, threats to freedom '
        'of expression, and the cycle of violence taking place," it said in a statement.'
    )
    q = _one(text, "We deplore")
    assert q.speaker is not None and q.speaker.endswith("embassy in Baghdad")


def test_it_is_the_country_whose_account_opens_the_paragraph_before():
    text = (  # BBC News
        "Saudi Arabia's account of Khashoggi's fate has not been consistent.\n\n"
        "First it said Khashoggi had left the building alive, then that he had been killed in a "
        '"fist-fight" inside the consulate.'
    )
    assert _one(text, "fist-fight").speaker == "Saudi Arabia"


def test_it_is_the_organisation_that_spoke_before():
    text = (  # Bloomberg
        "The Ezzedeen al-Qassam Brigades said by e-mail that Israeli ground forces entered Rafah "
        "at 2 a.m. yesterday. Al-Qassam has no information about the missing Israeli soldier, "
        "it said in a statement on its website."
    )
    q = _one(text, "Al-Qassam has no information")
    assert q.kind == "indirect" and q.speaker == "Ezzedeen al-Qassam Brigades"


def test_it_is_never_a_person_nor_a_dummy_subject():
    text = (  # Reuters
        "Kim Song said in a statement the talks were a trick.\n\n"
        "“We do not need to have lengthy talks with the U.S. now,” it said."
    )
    assert _one(text, "We do not need").speaker is None
    text = (  # Reuters
        "The Syrian Observatory for Human Rights monitoring group said 19 people had been killed."
        "\n\nIt was unclear what impact the blast might have after he decided last month to "
        "withdraw all 2,000 U.S. troops from Syria, declaring Islamic State had been defeated "
        "there."
    )
    found = [q for q in extract_quotes(text) if q.text.startswith("Islamic State had been")]
    assert all(q.speaker is None or "Observatory" not in q.speaker for q in found)


# -- a long appositive between a quote and its verb ----------------------------------------------


def test_a_name_and_a_long_appositive_after_the_quote():
    text = (  # Bloomberg
        "“It’s a positive but very small step, and can at least help the two Koreas exchange "
        "some views on the current state of affairs,” Kim Jin-ho, a professor of political "
        "science at Dankook University in South Korea, said of the meeting."
    )
    assert _one(text, "It’s a positive").speaker == "Kim Jin-ho"
    text = (  # Al Jazeera
        '"Male and female inmates will be kept in separate areas divided by a six feet '
        "red-coloured wall,\" Rabindra Das, an engineer with Assam's police housing board and "
        "incharge of the construction of the detention facility, told Al Jazeera."
    )
    assert _one(text, "Male and female").speaker == "Rabindra Das"


def test_a_long_stretch_with_no_name_before_its_comma_names_nobody():
    text = (  # made from the Bloomberg excerpt: the words before the verb are no appositive
        "“It’s a positive but very small step,” the talks that have gone on for many months "
        "between the two Koreas over the state of affairs on the peninsula and beyond, said."
    )
    assert _one(text, "It’s a positive").speaker is None


# -- pronouns ------------------------------------------------------------------------------------


def test_he_is_not_the_person_a_quote_ends_with():
    text = (  # Reuters
        "U.N. Ambassador Kim Song said in a statement the “sustained and substantial dialogue” "
        "sought by the United States was a “time-saving trick”.\n\n"
        "“We do not need to have lengthy talks with the U.S. now,” he said.\n\n"
        "Even so, Jenny Town of 38 North, a Washington-based North Korea project, said it was "
        "unclear how literally Kim Song’s words should be taken.\n\n"
        "“It’s an interesting choice of spokesperson. Kim Song is not directly involved in the "
        "negotiation process,” she said.\n\n"
        "“These kinds of hardline messages are increasing in frequency,” he said, adding that "
        "Kim Song had spoken before."
    )
    assert _one(text, "We do not need").speaker == "Kim Song"
    assert _one(text, "it was unclear").speaker == "Jenny Town"
    assert _one(text, "It’s an interesting").speaker == "Jenny Town"


# -- a quote with spaces inside its marks ----------------------------------------------------------


def test_a_second_quote_with_spaces_inside_its_marks_goes_on_with_the_speaker():
    text = (  # USA Today
        'Netanyahu, who bitterly opposed the deal, spoke in English.\n\n"This is a terrible '
        'deal," Netanyahu said. " In a few days time, President Trump will make his decision. '
        '... I am sure he will do the right thing. "'
    )
    q = _one(text, "In a few days")
    assert q.kind == "direct" and q.speaker == "Netanyahu"


# -- "the official": the unnamed speaker introduced before ----------------------------------------


def test_the_official_is_the_unnamed_official_introduced_before():
    text = (  # Reuters
        "“Trump asked: ‘If we withdraw our soldiers, can you clean up ISIS?’”, a Turkish official "
        "told Reuters.\n\n“Then you do it,” Trump told him abruptly.\n\n“I have to say it was an "
        "unexpected decision,” said the official, one of five Turkish sources who spoke to "
        "Reuters.\n\n“Of course it will be difficult,” a Turkish security official said.\n\n"
        "FILE PHOTO: U.S. President Donald Trump talks to Turkey's President Recep Tayyip "
        "Erdogan in Brussels, Belgium July 11, 2018.Tatyana Zenkovich/Pool via REUTERS\n\n"
        "“Distancing the YPG from the border is of critical importance,” the security official "
        "said."
    )
    assert _one(text, "I have to say").speaker == "a Turkish official"
    assert _one(text, "Distancing the YPG").speaker == "a Turkish security official"


def test_a_definite_description_needs_the_same_head_and_its_modifiers():
    said = [
        Quote(0, 10, "Of course", "direct", "a Turkish security official", "said",
              speaker_source="description"),
        Quote(20, 30, "Distancing", "direct", "the spokesman", "said", speaker_source="description"),
        Quote(40, 50, "It is", "direct", "the military official", "said",
              speaker_source="description"),
        Quote(60, 70, "It was", "direct", "the Turkish official", "said",
              speaker_source="description"),
    ]  # fmt: skip
    resolve_definite(said)
    assert [q.speaker for q in said] == [
        "a Turkish security official", "the spokesman", "the military official",
        "a Turkish security official",
    ]  # fmt: skip


# -- never a speaker ------------------------------------------------------------------------------


def test_a_headline_in_capitals_and_a_contraction_are_no_speakers():
    assert clean_speaker("SAYS HE WASN'T PRESSURED") is None  # Fox News: a headline in capitals
    assert clean_speaker("You’ll") is None  # National Review: "You’ll recall that …"
    assert clean_speaker("NIAC") == "NIAC"
    assert clean_speaker("Mark Levin") == "Mark Levin"


# -- a quote with no attribution of its own, in a paragraph with others ---------------------------


def test_an_unattributed_quote_goes_on_with_the_nearest_speaker_before_it():
    text = (  # The New York Times
        "As Iran warned on Tuesday that it might resume its nuclear activities if the United "
        'States does pull out, Mr. Trump threatened it with unspecified retaliation. "You can '
        'mark it down," he said. "If they restart their nuclear program, they will have bigger '
        'problems than they have ever had before."'
    )
    assert _one(text, "If they restart").speaker == "Trump"


def test_a_territory_is_no_person():
    text = (  # ABC News
        "Puerto Rico has 51 pledged Democratic delegates.\n\nHe announced his stance in an "
        "Orlando Sentinel op-ed on Monday, alongside his plan for Puerto Rico's economic "
        "development."
    )
    assert all(q.speaker != "Puerto Rico" for q in extract_quotes(text))


# -- canonical names -----------------------------------------------------------------------------


def test_a_family_name_written_first_is_named_in_full():
    text = (  # Bloomberg
        "North Korean Foreign Minister Ri Yong Ho met his counterpart on Sunday.\n\n"
        "Ri Yong Ho Photographer: Kyodo News via Getty Images\n\n"
        "Ri said the offer “lacks sincerity,” according to the unnamed official."
    )
    assert _one(text, "lacks sincerity").speaker == "Ri Yong Ho"
    text = (  # Time
        "North Korean leader Kim Jong Un has agreed to talks. His father Kim Jong Il never did."
        "\n\nKim promised the talks would occur regardless of the looming drills."
    )
    assert _one(text, "the talks would occur").speaker == "Kim Jong Un"


# -- headlines and captions that name the speaker --------------------------------------------------


def test_a_caption_names_the_speaker_before_a_colon():
    text = (  # BBC News
        "Media playback is unsupported on your device Media caption Donald Trump: Macron "
        'comments "nasty, insulting, and disrespectful"\n\n'
        '"Since 2016, Canada and European allies have added $130bn more to the defence budget," '
        "Mr Stoltenberg said.\n\n"
        "Media playback is unsupported on your device Media caption Macron on Nato: \"We don't "
        'have the same definition of terrorism"\n\n'
        '"This is unprecedented, this is making Nato stronger."\n\n'
        "President Macron said Nato was brain dead. Macron spoke in London."
    )
    assert _one(text, "nasty, insulting").speaker == "Donald Trump"
    assert _one(text, "We don't have").speaker == "Macron"
    assert _one(text, "This is unprecedented").speaker == "Stoltenberg"


def test_a_one_word_label_before_a_colon_is_no_speaker():
    text = 'Analysis: the talks went "nowhere at all," and both sides knew it.'
    assert all(q.speaker is None for q in extract_quotes(text))


# -- names with an affiliation -------------------------------------------------------------------


def test_a_name_of_an_organisation_is_the_person():
    text = (  # Bloomberg
        "“Hostile actions in Washington, such as the announcement of the construction of the "
        "wall, from our point of view, means that the U.S. doesn’t want any collaboration from "
        "our side,” Senator Armando Rios Piter of the Democratic Revolution Party said in a "
        "statement Wednesday."
    )
    assert _one(text, "Hostile actions").speaker == "Armando Rios Piter"
    text = (  # The Guardian
        "Jamal Abdi from the National Iranian American Council (NIAC) said: “Clearly, Pompeo is "
        "hoping to elevate voices who would set the US and Iran on a collision course.”"
    )
    assert _one(text, "Clearly, Pompeo").speaker == "Jamal Abdi"


def test_a_short_sentence_in_marks_after_another_is_a_statement():
    text = (  # Bloomberg
        "Trump’s spokesman, Sean Spicer, indicated the administration still wanted Pena Nieto to "
        "come to the U.S. “We’ll look for a date to schedule something in the future,” he told "
        "reporters. “We’ll continue to coordinate.”"
    )
    q = _one(text, "We’ll continue")
    assert q.kind == "direct" and q.speaker == "Sean Spicer"


# -- roles and circumstances after an inverted verb ------------------------------------------------


def test_an_inverted_verb_with_a_role_or_a_manner_after_it():
    text = (  # The Guardian
        "“Because of Hillary Clinton our daughters, and all our sons and daughters, now take for "
        "granted that woman can be president of the United States,” said Obama with evident "
        "emotion in her voice.\n\n“In this election we cannot sit back and hope that everything "
        "works out for the best,” added the first lady."
    )
    assert _one(text, "Because of Hillary").speaker == "Obama"
    assert _one(text, "In this election").speaker == "the first lady"
    text = "“If you’re spending another trillion dollars, unpaid, that is bad,” the staffer said."
    assert _one(text, "If you’re spending").speaker == "the staffer"  # Reuters


# -- bodies named by an abbreviation; adverbs before the verb ------------------------------------


def test_the_un_and_nato_speak_and_an_adverb_does_not_hide_the_subject():
    text = (  # BBC News
        "Fighting between Ukrainian forces and pro-Russian rebels has killed nearly 5,400 people "
        "since April, the UN says.\n\nOnly Poland has explicitly stated that it might arm Ukraine "
        "if asked."
    )
    said = {q.verb: q for q in extract_quotes(text) if q.kind == "indirect"}
    assert said["says"].speaker == "UN" and said["says"].text.startswith("Fighting between")
    assert said["stated"].speaker == "Poland" and said["stated"].text.startswith("it might arm")
    text = "Turkish officials said the talks would resume."  # an adjective is still no name
    assert [q.speaker for q in extract_quotes(text)] == ["Turkish officials"]


def test_a_name_with_a_particle_is_named_in_full():
    text = (  # Newsmax
        "Three militants rushed inside and opened fire, Issam al-Naass, a security services "
        "spokesman, told AFP.\n\nThe nationalities of the foreigners killed were not immediately "
        "known, but Naass said two of the foreigners were women."
    )
    assert _one(text, "two of the foreigners").speaker == "Issam al-Naass"


def test_a_party_in_the_plural_speaks_and_its_adjective_does_not():
    assert clean_speaker("Democrats") == "Democrats"  # The Hill: "Democrats …, saying …"
    assert clean_speaker("Republican") is None


def test_a_title_that_is_a_family_name():
    text = (  # Bloomberg
        "Senator Angus King of Maine, an independent who caucuses with Democrats, warned against "
        "taking a victory lap until a deal is in place. “A word of caution: We’re not there yet,” "
        "King said on CNN."
    )
    said = {q.verb: q.speaker for q in extract_quotes(text)}
    assert said == {"warned against": "Angus King", "said": "King"}
    text = "Saudi Arabia's King Salman said the kingdom would respond."
    assert [q.speaker for q in extract_quotes(text)] == ["Salman"]
    text = "“This is a serious matter,” said Clinton’s campaign manager, Robby Mook."  # Guardian
    assert _one(text, "This is a serious").speaker == "Robby Mook"


def test_verbs_of_manner_attribute_a_quote_and_report_nothing():
    text = (  # Associated Press
        "“They shouldn't be doing this, man. We live around here,” she wailed, and Maria Lopez "
        "shouted “Get out!” at the crowd."
    )
    assert _one(text, "Get out").speaker == "Maria Lopez"
    text = "The crowd laughed at the joke and chanted for an hour."
    assert not [q for q in extract_quotes(text) if q.kind == "indirect"]


def test_it_goes_on_meaning_the_body_it_meant():
    text = (  # BBC News
        "Huawei's chief financial officer was arrested last year, the company confirmed.\n\n"
        "It said in a statement it was unaware of any wrongdoing by its executive.\n\n"
        '"The company has been provided very little information," it said.'
    )
    assert _one(text, "The company has been").speaker == "the company"


def test_a_document_with_its_owner_and_an_acronym_in_parentheses():
    text = (  # BBC News
        '"Unfortunately, we expect this situation to worsen, and to become even more dangerous '
        "for our client,\" Mr Bakaj's letter says.\n\nOmar Quesada, the general secretary of Mr "
        "García's American Popular Revolutionary Alliance (APRA) party, told reporters: \"Alan "
        'García has died, long live APRA."'
    )
    assert _one(text, "Unfortunately").speaker == "Bakaj"
    assert _one(text, "Alan García has died").speaker == "Omar Quesada"


# -- joint speakers ------------------------------------------------------------------------------


def test_they_are_the_joint_subject_before():
    text = (  # Reuters
        "The university system’s board chair, Harry Smith, and president, Margaret Spellings, "
        "denounced the toppling of the statue in a joint statement.\n\n“The actions last evening "
        "were unacceptable, dangerous, and incomprehensible,” they said."
    )
    assert _one(text, "The actions last").speaker == "Harry Smith and Margaret Spellings"
    text = (  # the same, with one person named: "they" is not resolved to a joint subject
        "The university system’s board chair, Harry Smith, denounced the toppling of the statue."
        "\n\n“The actions last evening were unacceptable,” they said."
    )
    assert " and " not in (_one(text, "The actions last").speaker or "")


def test_said_one_of_his_lawyers_and_a_name():
    text = "“This has been a terrible ordeal,” said one of his lawyers, Eugene Fidell."  # Reuters
    assert _one(text, "This has been").speaker == "Eugene Fidell"


# -- round 4: families found on unlabelled AllSides articles and on dev --------------------------


def test_a_dotted_acronym_does_not_end_the_speaker():
    text = (  # The Washington Times
        "“The Army used to have a saying that ‘every soldier is a sensor,’” added the U.S. "
        "official, who spoke with The Times on Thursday."
    )
    assert _one(text, "The Army used").speaker == "the U.S. official"


def test_dialogue_verbs_attribute_the_quote():
    text = (  # The Guardian
        "“OK Donald, I know you are into big diversion tonight,” shot back Clinton. “Anything to "
        "get away from your campaign.”"
    )
    assert _one(text, "OK Donald").speaker == "Clinton"
    text = (  # Reuters
        "“You’re the boss, Mr. Rosenstein,” Jordan interrupted.\n\n"
        "“That’s correct,” Rosenstein snapped back."
    )
    assert _one(text, "You’re the boss").speaker == "Jordan"
    assert _one(text, "That’s correct").speaker == "Rosenstein"


def test_continued_attributes_a_quote_and_reports_nothing():
    text = (  # BBC News
        "Mr Trump's public criticism of Saudi Arabia on Tuesday was his strongest so far, but he "
        "has continued to highlight the kingdom's importance as a US ally."
    )
    assert not [q for q in extract_quotes(text) if "highlight" in q.text]
    text = (  # Politico
        "“We don’t want war,” Zarif told CNN.\n\n"
        "“We don’t want to engage in a military confrontation,” he continued."
    )
    assert _one(text, "We don’t want to engage").speaker == "Zarif"


def test_an_institution_is_no_he():
    text = (  # USA TODAY
        "Meanwhile, from Trump, there was no resumption of the stream of tweets denigrating Mueller "
        'for conducting a "witch hunt" (a phrase the president had hurled at the special counsel '
        '183 times since his inauguration, according to the Trump Twitter Archive) or a "hoax" '
        'being pursued by "13 Angry Democrats" on Mueller\'s staff.\n\nThe president started the '
        'day with an unusually sunny tweet. "Good Morning, Have A Great Day," he said. Hours later, '
        "he described himself as a victim. \"It's a shame that our country had to go through "
        'this," he told reporters.'
    )
    assert _one(text, "It's a shame").speaker != "Trump Twitter Archive"


def test_he_may_be_the_unnamed_official_who_spoke_just_before():
    text = (  # Reuters
        "But Ankara and its Syrian rebel allies alone do not have the capacity to take over the "
        "whole region, Cagaptay said.\n\n"
        "“Distancing the YPG from the border is of critical importance,” a Turkish security "
        "official said.\n\n"
        "He stressed the need for careful coordination over who should fill other areas."
    )
    assert _one(text, "the need for careful").speaker == "a Turkish security official"


def test_a_participle_is_said_by_its_clause_subject_not_the_name_before_its_comma():
    text = (  # The Hollywood Reporter, via AllSides
        "Hillary Clinton slammed Sen. Bernie Sanders, her main competitor in the 2016 Democratic "
        'primary, saying "nobody likes him" and accusing him of supporting sexist attacks.'
    )
    assert _one(text, "nobody likes him").speaker == "Hillary Clinton"
    text = (  # Associated Press
        "Dozens of hard-liners later gathered outside the British Embassy, chanting "
        "“Death to England.”"
    )
    assert _one(text, "Death to England").speaker != "Embassy"
    text = (  # Fox News
        "France's ambassador to the United States, Gerard Araud, sought to show there are no hard "
        'feelings, tweeting on Monday: "I am extremely grateful for the overwhelming support."'
    )
    assert _one(text, "I am extremely").speaker == "Gerard Araud"


def test_a_participle_after_a_quotation_reports_with_the_quotation_speaker():
    text = (  # BBC News
        "However, Mr Macron told reporters: \"We don't have the same definition of terrorism "
        'around the [Nato] table," adding that the greatest priority was to fight IS.'
    )
    q = _one(text, "the greatest priority")
    assert q.kind == "indirect" and q.speaker == "Macron"
    text = (  # CNN
        "“Its wasting half the initiative, half the brain power, half the passion, of a nation,” "
        "Biden said, also acknowledging that the obstacles to gender equality in Africa seem "
        "daunting."
    )
    q = _one(text, "the obstacles")
    assert q.kind == "indirect" and q.speaker == "Biden"


def test_a_reported_clause_before_the_part_that_holds_a_quoted_fragment():
    text = (  # Associated Press
        "Ukraine’s Foreign Minister Vadym Prystaiko tweeted that he and the president met with "
        "U.S. Embassy officials Friday and obtained “important data” about the crash."
    )
    q = _one(text, "he and the president met")
    assert q.kind == "indirect" and "obtained" not in q.text
    text = (  # Associated Press
        "Germany’s Lufthansa airline said it and subsidiaries are canceling flights to and from "
        "Tehran for the next 10 days as a precautionary measure, citing the “unclear security "
        "situation for the airspace around Tehran airport.”"
    )
    q = _one(text, "it and subsidiaries")
    assert q.kind == "indirect" and q.text.endswith("precautionary measure")


def test_a_subject_then_circumstance_before_the_verb():
    text = (  # The Hill
        "Starr at another point in the interview on the Catsimatidis radio show reiterated that he "
        "trusts Mueller but feels wary of those around him."
    )
    q = _one(text, "he trusts Mueller")
    assert q.kind == "indirect" and q.speaker == "Starr"
    text = (  # Associated Press
        "After initially pointing to a technical failure and insisting the armed forces were not "
        "to blame, authorities on Saturday admitted accidentally shooting it down."
    )
    assert _one(text, "the armed forces").text == "the armed forces were not to blame"


def test_a_participle_after_he_said_is_his_not_a_name_inside_the_quotation():
    text = (  # The Moscow Times (the seed)
        "Putin also accused the Soviet leadership of “inaction” toward the deadly ethnic clashes.\n\n"
        "“The Armenians took up arms and did it themselves,” he said, adding that the seven "
        "surrounding districts fell under the control of Armenian protectorate Nagorno-Karabakh."
    )
    q = _one(text, "the seven surrounding")
    assert q.kind == "indirect" and q.speaker == "Putin"


def test_may_alone_is_theresa_may_and_as_x_put_it_reports():
    text = (  # BBC News
        "Theresa May met the leaders of France and Germany.\n\n"
        "Speaking after visiting businesses in Salisbury, May said the four countries were "
        "“very clear in attributing this act to Russia”."
    )
    assert _one(text, "very clear").speaker == "Theresa May"
    assert clean_speaker("Theresa May") == "Theresa May"
    text = (  # CNN
        'Why the gunman shot him in the back -- "in cold blood," as Harper put it, while he stood '
        "guard at Canada's National War Memorial."
    )
    assert any(q.kind == "indirect" and q.speaker == "Harper" for q in extract_quotes(text))


def test_a_headline_in_capitals_or_a_link_word_is_no_part_of_a_speaker():
    text = (  # CNN
        "JUST WATCHED Obama authorizes airstrikes against ISIS Replay More Videos ... MUST WATCH "
        "Obama authorizes airstrikes against ISIS 08:24\n\nObama said there will be no buildup of "
        'U.S. combat troops in Iraq. "As commander in chief, I will not allow the United States to '
        'be dragged into fighting another war in Iraq," the President said.'
    )
    assert "WATCH" not in (_one(text, "As commander in chief").speaker or "")
    text = 'Says Paine: "The main thing that\'s disturbing about it is trying to have our children understand."'  # NPR
    assert _one(text, "The main thing").speaker == "Paine"


def test_a_predicate_without_subject_after_the_clause_is_the_speakers_own_act():
    text = (  # Christian Science Monitor
        "Trump says he would support stopping federal money to Planned Parenthood, but also has "
        "made positive comments about the organization."
    )
    q = _one(text, "he would support")
    assert q.text == "he would support stopping federal money to Planned Parenthood"
    text = (  # The Moscow Times (the seed)
        "Armenian Prime Minister Nikol Pashinyan has meanwhile called on Russian-led peacekeepers "
        "to help stop the conflict."
    )
    assert _one(text, "Russian-led peacekeepers").speaker == "Nikol Pashinyan"


def test_a_sentence_adverb_is_no_speaker():
    text = (  # Politico
        "Nevertheless, the administration has repeatedly maintained it can strike a deal with Iran "
        "without congressional approval."
    )
    assert _one(text, "it can strike").speaker == "the administration"


def test_no_name_before_a_colon_that_follows_a_speech_verb():
    text = (  # Associated Press
        "In one video, a fast-moving light can be seen through the trees as someone films from "
        "the ground.\n\nSomeone off-camera says in Farsi: “The plane has caught fire. ... In the "
        "name of God, the compassionate, the merciful. God, please help us. Call the fire "
        "department!”"
    )
    assert _one(text, "The plane has caught fire").speaker != "Farsi"


def test_after_saying_is_an_attribution_of_its_own():
    text = (  # CBS News
        "On Thursday morning, Ottawa police said they were confident that only one gunman took "
        "part in the attack after previously saying that other shooters may have been involved."
    )
    q = _one(text, "they were confident")
    assert q.text == "they were confident that only one gunman took part in the attack"
    q = _one(text, "other shooters")
    assert q.kind == "indirect" and q.speaker == "Ottawa police"


def test_a_capitalised_word_in_ed_is_a_name_not_a_verb():
    text = (  # Associated Press
        "Barr announced the plan, known as the Missing and Murdered Indigenous Persons Initiative, "
        "during a visit with tribal leaders on the Flathead Reservation in Montana."
    )
    assert not [q for q in extract_quotes(text) if q.kind == "indirect"]


# -- round 5: titles with "of", and a family name shared by two people ----------------------------


def test_a_title_with_of_before_a_name_is_a_title():
    text = (  # AllSides excerpt
        "Director of National Intelligence James Clapper said Iran would test the limits of the "
        "deal.\n\n“We will not shut the government down,” Speaker of the House John Boehner said."
    )
    assert _one(text, "Iran would test").speaker == "James Clapper"
    assert _one(text, "We will not shut").speaker == "John Boehner"
    text = "The spokesman for Erdogan's AK Party said the vote would go ahead on Sunday."
    assert _one(text, "the vote would").speaker_source == "description"


def test_a_family_name_alone_is_not_a_different_person_who_shares_it():
    text = (  # BASIL excerpt: "Donald" is never written, the first lady is
        "In a statement, the first lady, Melania Trump, questioned Ms. Griffin’s sanity.\n\n"
        "Referring to reports about Carter Page, Mr. Trump wrote that it was all part of a "
        "“witch hunt” against him.\n\n“So now it is reported that the Democrats don’t want him "
        "to testify,” he wrote."
    )
    assert _one(text, "witch hunt").speaker == "Trump"
    assert _one(text, "So now it is").speaker == "Trump"
    text = (  # the man's first name is given: he is named in full
        "Donald Trump and Melania Trump arrived on Friday.\n\n“It was a great visit,” Mr. Trump "
        "said."
    )
    assert _one(text, "It was a great").speaker == "Donald Trump"


def test_the_president_is_the_one_named_president_before_not_the_last_speaker():
    text = (  # BASIL excerpt
        "Strzok appeared to launch a new Twitter account to fire back, saying he's "
        '"deeply saddened" by the decision.\n\n'
        "President Trump and his allies for months, though, have hammered the former FBI agent."
        '\n\nReacting to the firing, the president tweeted, "finally," while asking whether '
        "the Russia case will now be dropped:\n\n"
        '"Agent Peter Strzok was just fired from the FBI - finally. The list of bad players in '
        'the FBI & DOJ gets longer & longer."'
    )
    assert _one(text, "finally").speaker == "Trump"


def test_a_speaker_is_never_a_possessive_nor_a_fragment_around_a_quotation():
    text = (  # BASIL excerpt
        "Then there was New Jersey Sen. Bob Menendez's response. He bluntly accused Trump of "
        'forcing "a pointless shutdown" to pay for the border wall.\n\n'
        '"This is about more than 800,000 Americans who are being held hostage. This is not '
        'about immigration."'
    )
    assert _one(text, "This is about more").speaker == "Bob Menendez"
    assert clean_speaker('writing "your mother') is None
    assert clean_speaker("The New York Democrat said Republicans “have to have the guts") is None


def test_of_two_politicians_in_a_sentence_the_quote_is_said_by_its_own_clause_subject():
    text = (  # BASIL family: Tlaib's words were given to Pelosi
        "Rep. Rashida Tlaib, a Michigan Democrat, vowed to “impeach the motherfucker” on "
        "Thursday, and Speaker Nancy Pelosi said she would not censor her."
    )
    assert _one(text, "impeach").speaker == "Rashida Tlaib"
    assert _one(text, "she would not").speaker == "Nancy Pelosi"


def test_an_indefinite_appositive_describes_the_name_before_it():
    text = (  # AllSides excerpt
        "James Russell, a former Pentagon official and now an instructor at the Naval "
        "Postgraduate School, said Mr Putin “seeks to punch his weight.”"
    )
    assert _one(text, "seeks to punch").speaker == "James Russell"
    text = "“We will win,” Rep. Rashida Tlaib, a Michigan Democrat, said."
    assert _one(text, "We will win").speaker == "Rashida Tlaib"


def test_words_in_quotation_marks_are_never_the_speaker():
    text = (  # AP (dev2) excerpt
        "Dozens of hard-liners later gathered outside the British Embassy, chanting “Death to "
        "England.” They also called for the ambassador to be expelled."
    )
    assert "Death" not in (_one(text, "Death to").speaker or "")
    text = "Trump denounced Kim as “Little Rocket Man” and a “madman,” and vowed to act."
    assert _one(text, "madman").speaker == "Trump"
    assert clean_speaker("against real news to") is None
    assert clean_speaker("lawmakers by") is None


def test_a_quote_after_a_colon_is_said_by_whoever_speaks_in_the_colons_sentence():
    text = (  # BASIL excerpt
        "Strzok appeared to launch a new Twitter account to fire back.\n\n"
        "President Trump and his allies for months have hammered the former FBI agent.\n\n"
        'Reacting to the firing, the president tweeted, "finally," while asking whether the '
        "Russia case will now be dropped:\n\n"
        '"Agent Peter Strzok was just fired from the FBI - finally. It is a total Hoax."'
    )
    assert _one(text, "Agent Peter Strzok").speaker == "Trump"


def test_a_person_of_a_state_who_speaks_is_the_person():
    text = (  # BASIL excerpt
        "It was a similar call from Sen. Amy Klobuchar of Minnesota, who tweeted that “the "
        "report must be made public.”"
    )
    assert _one(text, "the report must").speaker == "Amy Klobuchar"
