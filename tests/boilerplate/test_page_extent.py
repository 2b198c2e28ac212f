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


def test_a_paragraph_hard_wrapped_into_lines_is_the_story():
    # engadget (Mozilla Readability's test pages): a review whose paragraphs the page's text
    # breaks at a fixed width; each line alone is a scrap, together they are the story
    wrapped = [
        "One X is the ultimate video game system. It sports",
        "more horsepower than any system ever. And it plays more",
        "titles in native 4K than Sony's",
        "Despite all the power inside, the One X is",
        "Microsoft's smallest console to date. It looks",
        "similar to the Xbox One S, except it has an entirely",
        "matte black case and is slightly slimmer. It's also",
        "surprisingly dense -- the console weighs 8.4 pounds,",
        "but it feels far heavier than you'd expect for its",
        "size, thanks to all of its new hardware. The One S,",
        "in comparison, weighs two pounds less.",
        "The console's controller hasn't changed since its",
        "last mini-upgrade with the Xbox One S. That revision",
        "rounded out its seams, improved bumper performance",
        "and added a 3.5mm headphone jack. It's still a great",
        "controller, though I'm annoyed Microsoft is sticking",
        "with AA batteries as their default power source.",
    ]
    teasers = [
        "Google is reportedly acquiring Lytro for around $40",
        "Samsung's commercial-grade Galaxy Tab Active 2 is",
        "Sony's next flagship camera has a few surprises",
    ]
    out = kept([*MENU, *teasers, *MENU, *wrapped, *MENU])
    # a line followed by a capital ("… the One X is" / "Microsoft's …") is not known to go on
    assert set(wrapped) - set(out) <= {wrapped[3]}
    assert not set(teasers) & set(out)
    assert not set(MENU) & set(out)


def test_a_box_of_related_headlines_with_dates_inside_the_story_is_no_wall():
    # nytimes (Mozilla Readability's test pages): "Related Coverage" and four dated headlines
    # between two halves of the story
    before = [
        "Yahoo’s $4.8 billion sale to Verizon is a complicated beast, showing how different "
        "acquisition structures can affect shareholders.",
        "The sale is being done in two steps. The first step will be the transfer of any assets "
        "related to Yahoo business to a singular subsidiary of Yahoo.",
    ]
    box = [
        "Related Coverage",
        "Marissa Mayer’s Media Problem at Yahoo Is Now Verizon’s to Solve",
        "JULY 26, 2016",
        "Verizon Announces $4.8 Billion Deal for Yahoo’s Internet Business",
        "JULY 25, 2016",
        "Yahoo’s Sale to Verizon Ends an Era for a Web Pioneer",
        "JULY 24, 2016",
        "Verizon Is Said to Be Near a Deal to Acquire Yahoo",
        "JULY 22, 2016",
    ]
    after = [
        "In the second step, at the closing, Yahoo will sell the stock in the single subsidiary "
        "to Verizon. At that point, Yahoo will own no assets related to its operating business.",
        "Because it is a sale of a subsidiary, the $4.8 billion will be paid to Yahoo. Its "
        "shareholders will not receive any money.",
        "Verizon’s Yahoo will then be run under the same umbrella as AOL. It is unclear whether "
        "there will be a further shake-up of the business after the deal closes.",
        "As for Remain Co., it will become a so-called investment company. This is a special "
        "designation for a company whose assets are mostly investments in other companies.",
    ]
    out = kept([*MENU, *before, *box, *after, *MENU])
    assert out == before + after


def test_a_story_printed_twice_keeps_both_copies():
    # businessinsider.com: the page prints the story twice (two layouts); a copy is no furniture
    story = [
        "Retiring early takes time and incredible discipline.",
        "If you're planning to retire early, you should aim to have at least 25 to 30 times your "
        "estimated annual expenses saved.",
        "Depending on how much you plan to spend annually, you'll generally fall into one of "
        "three FIRE (financial independence, retire early) categories.",
        "To achieve your target number, live below your means, increase your income, and max "
        "out your retirement accounts.",
        "You should also aim to pay off all high-interest debt before retiring, which may "
        "include paying off your mortgage.",
    ]
    longer = [
        *story,
        "The road to retiring early isn't easy. It takes time and incredible discipline to "
        "earn, save, and invest as much as you need to retire decades ahead of schedule.",
        "That said, early retirement comes in various shapes and sizes and what it looks like "
        "to you will determine exactly how much you need to save.",
    ]
    out = kept([*MENU, *longer, *MENU, *["Most popular", "Markets", "Tech"], *story, *MENU])
    assert out == longer + story


def test_the_story_goes_on_past_a_chart_of_scraps():
    # nytimes (Mozilla Readability's test pages): a chart's labels and axis between paragraphs
    first = [
        "Finding the money to pay investors who hold government debt will crimp other parts of "
        "the budget. In a decade, interest payments will exceed spending on Medicaid.",
        "Interest costs already dwarf spending on many popular programs, and the heavy burden "
        "of interest payments could make it harder for the government to repair roads.",
    ]
    chart = ["Interest payments on the national debt", "$900", "billion", "600", "300", "0"]
    chart += [f"’{year}" for year in range(17, 29)] + ["By The New York Times | Source: CBO"]
    second = [
        "Deficit hawks have warned for years that a day of reckoning is coming, exposing the "
        "government to the kind of debt crisis that has hit other countries when interest "
        "payments soared.",
        "But most experts say that isn’t likely because the dollar is the world’s reserve "
        "currency. As a result, the government can borrow at low interest rates.",
        "And interest rates plunged over the last decade, even as the government turned to the "
        "market for trillions each year to finance its budget and its debt payments.",
    ]
    out = kept([*MENU, *first, *chart, *second, *MENU])
    assert first[0] in out and first[1] in out
    assert second == [text for text in out if text in second]


def test_readers_comments_after_a_subscription_box_do_not_win_over_the_story():
    # taz.de (trafilatura's evaluation pages): the story, a subscription box, then the readers'
    # comments under "Leserkommentare", longer than the story
    story = [
        "Siemens-Chef Joe Kaeser hat die Klimaaktivistin Luisa Neubauer und die "
        "Fridays-for-Future-Bewegung maximal geschickt vorgeführt, und zwar vor aller Augen und "
        "in aller Ruhe, während die Bewegung noch überlegte, was sie von dem Angebot halten "
        "sollte, das er ihr am Wochenende gemacht hatte.",
        "Die Klimabewegung schäumt. „Joe Kaeser macht einen unentschuldbaren Fehler“, sagte "
        "Neubauer. Warum um alles in der Welt liefert Siemens eine Signalanlage für eine "
        "Kohlemine in Australien, wenn das Land gerade brennt und die ganze Welt zusieht?",
        "Aus Sicht von Siemens macht das alles sehr viel Sinn. Kaeser hat Neubauers Renommee "
        "als Klimaschützerin schlicht genutzt, um sich selbst als nachdenklichen Manager zu "
        "inszenieren, der die Sorgen der jungen Leute ernst nimmt und doch am Vertrag festhält.",
        "Das Treffen mit Neubauer diente nur einem einzigen Zweck: Den Investoren zeigen, dass "
        "das Thema Klima Chefsache ist, und dass der Konzern die Risiken im Griff hat, die ihm "
        "von Seiten der Fonds und der Versicherer drohen, die ihr Geld abziehen könnten.",
    ]
    box = [
        "Mehr zum Thema",
        "Neubauer vs. Siemens",
        "Abo",
        "Lesen Sie 10 Wochen lang die digitale Ausgabe der taz und die taz am Wochenende "
        "zusätzlich auf Papier. Obendrein erhalten Sie ein Begrüßungsgeschenk.",
        "So können Sie kommentieren:",
        "Bitte registrieren Sie sich und halten Sie sich an unsere Netiquette.",
        "Dann mailen Sie uns bitte an die Redaktion",
        "Leserkommentare",
    ]
    comment = (
        "Den Posten abzulehnen war natürlich richtig. Verarschen können wir uns selbst. Fehler "
        "ist aber jetzt, nicht weiter mit ihm zu reden, denn nur wer redet, kann etwas an der "
        "Lage der Dinge ändern, und das gilt für Siemens genauso wie für die Bewegung selbst."
    )
    comments = []
    for n in range(12):
        comments += [f"Leser{n}", "14. 01. 2020,", "13:47", f"{comment} ({n})", "antworten"]
    out = kept([*MENU, *story, *box, *comments, *MENU])
    assert out[: len(story)] == story
    assert not any(text.startswith("Den Posten") for text in out)
