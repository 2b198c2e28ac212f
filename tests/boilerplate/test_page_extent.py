"""Page mode's model of the story's extent on short real excerpts of news pages (Scrapinghub
article-extraction benchmark, dev pages): a box of headlines set inside the story is no wall, a
sidebar of link teasers does not win over a short story, a list the story introduces is the
story's, and the shapes hold in other scripts."""

from __future__ import annotations

from corpuscli.boilerplate.detection import detect
from corpuscli.boilerplate.evidence import Verdict
from corpuscli.boilerplate.page import JUNK, LINE, PROSE, _marker, kind_of, length
from corpuscli.text.blocks import Block
from tests.boilerplate.cases import frame

MENU = ["Home", "News", "Sport", "Science", "Weather", "Contact"]


def kept(page: list[str]) -> list[str]:
    verdicts = detect(frame("\n".join(page)), page=True)
    return verdicts.loc[~verdicts["boilerplate"], "text"].tolist()


def kind(text: str) -> str:
    return kind_of(Block(0, 0, len(text), text), Verdict())


def test_a_title_in_angle_brackets_is_no_leaked_tag():
    title = (
        "Visitors who booked their tickets through KLOOK came to Jeongdong Theater to watch "
        "<The Palace: Tale of Jang Noksu> and enjoyed the show."
    )
    assert kind(title) == PROSE
    assert kind('<ins class="adsbygoogle" style="display:inline-block"') == JUNK
    assert kind("</script>") == JUNK


def test_a_paragraph_ending_with_its_source_address_is_prose_but_a_script_is_not():
    paragraph = (
        "The ministry published the figures on Tuesday, and officials said the numbers would be "
        "revised once the regional offices had reported, as they are every year at this time, "
        "in full at https://example.org/report"
    )
    # autoracing.com.br: a script's settings, leaked into the page's text
    script = (
        'var pollsL10n = {"ajax_url":"wp-content\\/plugins\\/wp-polls\\/wp-polls.php",'
        '"text_wait":"Your last request is still being processed. Please wait a while ...",'
        '"text_valid":"Please choose a valid poll answer.","text_multiple":"Maximum number of '
        'choices allowed: ","show_loading":"1","show_fading":"1"};'
    )
    assert kind(paragraph) in (PROSE, LINE)
    assert kind(script) == JUNK
    for note in ("google_ad_section_end", "hearst/article/content/zone.tpl"):
        assert kind(note) == JUNK, note


def test_a_box_of_headlines_inside_the_story_is_removed_and_the_story_goes_on():
    # express.co.uk: "Related articles" and two headlines between the story's paragraphs
    story = [
        "Health authorities in China’s Inner Mongolia have confirmed that a third instance of "
        "the plague has been reported, after two people contracted it in Beijing earlier this "
        "month.",
        "However, the other 28 people have showed no signs or symptoms of the plague.",
        "The other two contractors caught pneumonic plague, with the difference being bubonic "
        "effects the lymph nodes whereas pneumonic effects the lungs.",
        "However, with three confirmed diagnoses, the public is beginning to panic over a "
        "potential outbreak.",
    ]
    box = [
        "Related articles",
        "Plague outbreak: China hit by ‘highly contagious’ pneumonic plague",
        "Horror as plague of killer mosquitos are headed to Britain",
    ]
    out = kept([*MENU, story[0], *box, *story[1:], *MENU])
    assert out == story


def test_a_line_cut_with_an_ellipsis_is_no_sentence():
    assert kind("UK weather alert: Plague of mosquitos to devastate Britain as Hurri...") == LINE


def test_a_sidebar_of_link_teasers_does_not_win_over_a_short_story():
    # autoracing.com.br: a standings page's two sentences, and the column's teasers beside it
    story = [
        "Nesta página você terá sempre a classificação atualizada da NASCAR até a última corrida!",
        "Coloque nos seus favoritos e venha sempre conferir a classificação da NASCAR!",
    ]
    sidebar = [
        "» Coluna de Adauto Silva",
        "Clique na foto do Adauto e veja as colunas sobre Formula 1, MotoGP e outras que ele "
        "escreve para o Autoracing!",
        "Última coluna: F1 – Max Verstappen é um animal",
        "» Publicidade",
        "» Autoracing Power Ranking",
        "Clique na imagem acima e veja como está o ranking dos pilotos nesta temporada da F1 no "
        "GP do Brasil e no Geral de 2019.",
        "» Preview Autoracing – GP do Brasil 2019",
        "Clique e saiba os horários da TV do GP do Brasil, o 20º da temporada 2019. Conheça a "
        "pista, estatísticas, os pneus que serão usados, zonas de DRS, o clima para os treinos "
        "e corrida, as apostas na bolsa de Londres, vídeos e etc.",
        "» Loucos 2019 – Episódio 29",
        "Grande volta do Loucos por Automobilismo na 12ª temporada batendo aquele papo sobre "
        "tudo o que tem acontecido no mundo do esporte a motor, com seriedade e descontração!",
    ]
    out = kept([*MENU, *story, "Pos.", "Piloto", "Pontos", *MENU, *sidebar, *MENU])
    assert out[:2] == story
    assert not set(sidebar) & set(out)


def test_a_list_the_story_introduces_with_a_colon_is_kept_whatever_its_punctuation():
    # remember8090.it: the items' punctuation differs ("1) …", "3) Cofanetto Nolan: …/…")
    story = [
        "Si tratta di una tradizione consolidatasi negli anni Sessanta: i negozianti americani "
        "propongono sconti speciali allo scopo di favorire lo shopping e dare il via alle spese "
        "natalizie.",
        "E chi siamo noi per astenersi da questa corsa consumistica? Ecco allora le offerte "
        "PRO-NOSTALGICI anni ’80 e ’90 da non lasciarsi sfuggire su a Amazon:",
    ]
    items = [
        "1) Lego Star Wars 75188 Bombardiere della Resistenza",
        "2) Polistil 960574 Pista Elettrica Sorpasso",
        "3) Cofanetto Nolan: Interstellar/Il Cavaliere Oscuro – La Trilogia/Inception (Blu-Ray)",
        "4) Blade Runner The Final Cut (4K Ultra HD + Blu-Ray)",
    ]
    out = kept([*MENU, *story, *items, *MENU])
    assert out == story + items


def test_teaser_cards_inside_the_story_are_removed():
    # latimes.com: a card (the title twice, then its description) between two paragraphs
    story = [
        "“Since 2008, there hasn’t been a single year of revenue gain in the newspaper industry "
        "as a whole,” says veteran industry analyst Ken Doctor.",
        "The merged Gannett and GateHouse may not diverge from the trend; Reed has said that he "
        "expects to wring as much as $300 million in “synergies” from the combination.",
        "The private equity firm Alden Capital, which owns the Orange County Register, Denver "
        "Post, San Jose Mercury News and more than 90 other publications, has attracted much "
        "of the publicly expressed ire over wholesale plundering of local news resources.",
        "But public companies such as Gannett, GateHouse and also McClatchy Co. can’t escape "
        "the industry’s economic challenges.",
        "But the company also reported long-term debt of more than $700 million. McClatchy "
        "said its finances were so impaired that it wouldn’t have the cash or cash flow to "
        "make a required minimum contribution of $124 million to its pension fund next year.",
    ]
    title = "Column: A vulture firm’s bid for Gannett shows there’s still value in newspapers"
    card = [
        title,
        title,
        "Among those who believe that the press provides value for society, Alden Global "
        "Capital is a “vulture investing” firm that makes real vultures look good by comparison.",
    ]
    out = kept([*MENU, *story[:2], *card, "Advertisement", *story[2:], *MENU])
    assert out == story


def test_a_counted_comments_heading_ends_the_story_whatever_title_it_quotes():
    heading = "10 thoughts on “Business Focus: It’s Why Some People Triumph Online and Others Never Make It”"
    assert _marker(heading) == "comments"
    assert _marker("3 Kommentare zu „Warum wir bleiben“") == "comments"
    assert _marker("10 things in tech you need to know today") == ""


def test_a_section_label_between_junk_is_still_a_wall():
    # vse-diety.com: "Самые популярные диеты" after the reviews' buttons, before its teasers
    assert _marker("Самые популярные диеты") == "section"
    assert _marker("Читайте также") == "section"


def test_unspaced_scripts_are_counted_by_their_letters():
    thai = "ประเทศไทยมีประชากรประมาณหกสิบหกล้านคน และมีกรุงเทพเป็นเมืองหลวง"
    assert 12 <= length(thai) <= 20  # about sixteen words, not the nine a word match finds
    assert length("Hello world") == 2.0
    assert kind("هل هذا صحيح حقا؟ قال الوزير إن الأرقام ستنشر غدا بعد مراجعتها؟") == PROSE


def test_a_time_stamp_line_is_furniture_but_a_schedule_is_not():
    assert kind("Published 10:02 AM EST Nov 19, 2019") == JUNK  # usatoday.com
    assert kind("August 8, 2018 at 7:21 pm") == JUNK  # a comment's stamp
    assert kind("Tue – Sat 7:30 PM, Sun 3:00 PM") == LINE  # a theatre's hours: no year


def test_an_instruction_that_opens_with_start_or_end_is_no_developers_note():
    assert kind("Start in a plank position") == LINE
    assert kind("End with your arms overhead") == LINE


def test_a_counted_heading_of_the_story_is_no_comments_heading():
    assert _marker("5 Replies to the Most Common Objections") == ""
