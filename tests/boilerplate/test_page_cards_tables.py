"""Page mode keeps two shapes of a story that are no prose: the product cards of a deals post
(each closed by the same shop lines) and a table the story introduces with a colon (standings).
Short real excerpts of Scrapinghub benchmark dev pages (bgr.com, autoracing.com.br)."""

from __future__ import annotations

from corpuscli.boilerplate.detection import detect
from corpuscli.boilerplate.evidence import Verdict
from corpuscli.boilerplate.page import _extent, kind_of
from corpuscli.text.blocks import Block
from tests.boilerplate.cases import frame

LEDE = [
    "AirPods 2 dropped to an all-time low on Amazon at just $139, and AirPods 2 with Wireless "
    "Charging Case are down to $164.99. Heck, even the brand new AirPods Pro are discounted "
    "right now! Apple Watches start at $169.99, iPhone 7 refurbs can be had for just over $200, "
    "iPad Pro models have been discounted, and you can even get $300 Beats headphones for just "
    "$164.99. Check out our picks for the 10 best early Black Friday 2019 deals on Apple "
    "products below.",
]
CARDS = [
    ("Apple AirPods", ["Automatically on, automatically connected",
                       "Easy setup for all your Apple devices",
                       "Quick access to Siri by saying “Hey Siri”"],
     "Apple AirPods with Charging Case (Latest Model)", "$139.00"),
    ("Apple AirPods Pro", ["Active noise cancellation for immersive sound",
                           "Sweat and water resistant",
                           "Adaptive EQ automatically tunes music to the shape of your ear"],
     "Apple AirPods Pro with Wireless Charging Case", "$234.98"),
    ("Beats Solo3 Wireless On-Ear Headphones",
     ["Premium playback and fine-tuned acoustics maximize clarity, breadth, and balance",
      "Take calls, control your music and activate Siri with the multifunction on-ear controls"],
     "Beats Solo3 Wireless On-Ear Headphones - Matte Black", "$164.99"),
]  # fmt: skip
AFTER = [
    "Tags: BGR Deals",
    "BGR Top Deals",
    "Amazon just released a huge preview of its best Black Friday 2019 deals",
    "Advertise",
    "About",
    "Contact",
]


def cards(closing: list[str]) -> list[str]:
    out = []
    for title, features, name, price in CARDS:
        out += [title, *features, name, price, *closing]
    return out


def kept(page: list[str]) -> list[str]:
    verdicts = detect(frame("\n".join(page)), page=True)
    return verdicts.loc[~verdicts["boilerplate"], "text"].tolist()


def test_the_product_cards_of_a_deals_post_are_its_story():
    closing = ["Available from Amazon", "BGR may receive a commission", "Buy Now"]
    page = ["Deals", "Business", "Science", *LEDE, "Don't Miss:", *cards(closing), *AFTER]
    story = kept(page)
    for line in ("Apple AirPods Pro", "Sweat and water resistant",
                 "Beats Solo3 Wireless On-Ear Headphones - Matte Black"):  # fmt: skip
        assert line in story, line
    assert "Buy Now" not in story and "$139.00" not in story  # a card's button and price
    assert "Advertise" not in story and "BGR Top Deals" not in story


def test_cards_closed_by_a_read_more_link_are_teasers_not_the_story():
    page = ["Deals", "Business", "Science", *LEDE, "Don't Miss:", *cards(["Read more"]), *AFTER]
    assert "Sweat and water resistant" not in kept(page)


def test_cards_that_share_no_words_with_the_story_are_no_story():
    lede = [
        "Black Friday 2019 is going to be huge for all sorts of different product categories, "
        "from 4K TVs and robot vacuums to Instant Pots and more. Of course, as is the case each "
        "and every year on Black Friday, people tend to be particularly interested in deals."
    ]
    closing = ["Available from Amazon", "BGR may receive a commission", "Buy Now"]
    page = ["Deals", "Business", "Science", *lede, "Don't Miss:", *cards(closing), *AFTER]
    assert "Sweat and water resistant" not in kept(page)


STANDINGS = [
    "Nesta página você terá sempre a classificação atualizada da NASCAR até a última corrida!",
    "Coloque nos seus favoritos e venha sempre conferir a classificação da NASCAR!",
    "Classificação final da Monster Energy NASCAR Cup Series em 2019 após 36 etapas:",
    "Pos.", "Piloto", "Pontos", "Vitórias", "Poles", "Top 5", "Top 10",
    "1", "Kyle Busch", "5040", "5", "1", "17", "27",
    "2", "Martin Truex Jr.", "5035", "7", "0", "15", "24",
    "3", "Kevin Harvick", "5033", "4", "6", "15", "26",
    "4", "Denny Hamlin", "5027", "6", "3", "19", "24",
    "*Somente os 12 primeiros disputam o título nas 10 últimas corridas.",
    "* O calendário da Cup é composto por 36 corridas.",
    "Share this on WhatsApp",
]  # fmt: skip
SIDEBAR = [
    "» Coluna de Adauto Silva",
    "Clique na foto do Adauto e veja as colunas sobre Formula 1, MotoGP e outras que ele "
    "escreve para o Autoracing!",
    "» Autoracing Power Ranking",
    "Clique na imagem acima e veja como está o ranking dos pilotos nesta temporada da F1 no GP "
    "do Brasil e no Geral de 2019.",
    "» Preview Autoracing – GP do Brasil 2019",
    "Clique e saiba os horários da TV do GP do Brasil, o 20º da temporada 2019. Conheça a "
    "pista, estatísticas, os pneus que serão usados, zonas de DRS, o clima para os treinos e "
    "corrida, as apostas na bolsa de Londres, vídeos e etc.",
    "» Loucos 2019 – Episódio 29",
    "Grande volta do Loucos por Automobilismo na 12ª temporada batendo aquele papo sobre tudo o "
    "que tem acontecido no mundo do esporte a motor, com seriedade e descontração!",
]


def test_a_table_the_story_introduces_is_the_story_and_wins_over_a_sidebar():
    story = kept(["Classificação da NASCAR", *STANDINGS, *SIDEBAR])
    assert STANDINGS[0] in story and STANDINGS[2] in story
    # the cells are scraps inside the story (numbers, names): removed as inside any story
    assert "* O calendário da Cup é composto por 36 corridas." in story  # the table's notes
    assert SIDEBAR[1] not in story and SIDEBAR[-1] not in story


def test_a_label_with_a_colon_over_a_table_of_scores_heads_no_story_table():
    # "Standings:" is a widget's label (under four words), not a sentence introducing a table
    scores = ["Standings:", *STANDINGS[3:38]]
    story = kept([*SIDEBAR[:2], *scores, *SIDEBAR[2:]])
    assert SIDEBAR[1] in story  # the sidebar's teasers win: no table in sight
    assert "Pos." not in story


BREITBART_STORY = [
    "Snopes fact checker and staff writer David Emery posted to Twitter asking if there were “any un-angry Trump supporters?”",
    "Emery, a writer for partisan “fact-checking” website Snopes.com which soon will be in charge of labelling “fake news” alongside ABC News and Politifact, retweeted an article by Vulture magazine relating to the protests of the Hamilton musical following the decision by the cast of the show to make a public announcement to Vice-president elect Mike Pence while he watched the performance with his family.",
    "The tweet from Vulture magazine reads, “#Hamilton Chicago show interrupted by angry Trump supporter.” Emery retweeted the story, saying, “Are there un-angry Trump supporters?”",
    "This isn’t the first time the Snopes.com writer has expressed anti-Trump sentiment on his Twitter page. In another tweet in which Emery links to an article that falsely attributes a quote to President-elect Trump, Emery states, “Incredibly, some people actually think they have to put words in Trump’s mouth to make him look bad.”",
    "Emery also retweeted an article by New York magazine that claimed President-elect Trump relied on lies to win during his campaign and that we now lived in a “post-truth” society. “Before long we’ll all have forgotten what it was like to live in the same universe; or maybe we already have,” Emery tweeted.",
    "Facebook believe that Emery, along with other Snopes writers, ABC News, and Politifact are impartial enough to label and silence what they believe to be “fake news” on social media.",
]
#: sponsored links under it: the same advertisers' names recur, no price
BREITBART_ADS = [
    "Read More Stories About:",
    "Tech, Donald Trump, facebook, Fact Check, fake news, Snopes",
    "bbbtmshare",
    "report this ad",
    "by Taboola by Taboola",
    "Sponsored Links Sponsored Links",
    "Promoted Links Promoted Links",
    "We Recommend",
    "Lumify Flashlight X9",
    "Best Flashlight Ever is Selling Like CrazyLumify Flashlight X9",
    "Undo",
    "My Snoring Solution",
    "Say Goodbye To Snoring, Say Hello to SleepMy Snoring Solution",
    "Undo",
    "tripsinsider.com",
    "Finding Cheap Flights is Now Easytripsinsider.com",
    "Undo",
    "LifeDaily.com",
    "Fresh Evidence In Maddie McCann Mystery Stuns PoliceLifeDaily.com",
    "Undo",
    "Smart Device Trends",
    "Finally You Can Track Your Car Using Your SmartphoneSmart Device Trends",
    "Undo",
    "Womensarticle.com",
    "5 College Degrees That Will Be Extinct In 20 YearsWomensarticle.com",
    "Undo",
    "Carophile",
    "56 of the Worst Cars of All TimeCarophile",
    "Undo",
    "My Snoring Solution",
    "End Your Nightly Snoring Nightmare With This Simple SolutionMy Snoring Solution",
    "Undo",
    "Lumify X9",
    "Crazy Cheap Flashlight - Selling Like Hotcakes!Lumify X9",
    "Undo",
    "LifeDaily.com",
    "Cop Finds Baby In Dumpster: But 25 Years Later, This Happened...LifeDaily.com",
    "Undo",
    "LifeDaily.com",
    "New Evidence In Missing Alabama Teen Mystery Stuns PoliceLifeDaily.com",
    "Undo",
    "LifeDaily.com",
    "Teen Vanishes On Spring Break: But 7 Years Later, Police Uncover Truth...LifeDaily.com",
    "Undo",
    "LifeDaily.com",
    "Couple Finds 50-Year-Old Fallout Shelter, But When They Look inside...LifeDaily.com",
    "Undo",
    "LifeDaily.com",
    "Baby Girl Vanishes From Crib: But 20 Years Later, This Happened...LifeDaily.com",
    "Undo",
    "LifeDaily.com",
    "Mysterious Alcatraz Escape Unsolved For Years, Until Police Find This...LifeDaily.com",
    "Undo",
    "My Snoring Solution",
    "A Solution That Puts Snoring to BedMy Snoring Solution",
    "Undo",
]


def test_sponsored_links_whose_sources_recur_are_no_product_cards():
    # Mozilla Readability test page "breitbart" (half A): an advertiser's name three times,
    # every twenty blocks, under the story: cards without a price are no deals post
    story = kept(["Tech", "Politics", *BREITBART_STORY, *BREITBART_ADS])
    assert BREITBART_STORY[-1] in story
    assert "Lumify Flashlight X9" not in story and "My Snoring Solution" not in story


#: Mozilla Readability test page "nytimes-4" (half A): the story's paragraphs, a box of two
#: headlines with their dates under an unlabelled heading, the story's next section
NYT_BEFORE = [
    "Finding the money to pay investors who hold government debt will crimp other parts of the "
    "budget. In a decade, interest on the debt will eat up 13 percent of government spending, up "
    "from 6.6 percent in 2017.",
    "What’s more, the heavy burden of interest payments could make it harder for the government "
    "to repair aging infrastructure or take on other big new projects.",
    "Mr. Trump has called for spending $1 trillion on infrastructure, but Congress has not taken "
    "up that idea.",
]
NYT_BOX = [
    "More about the federal debt and the economy",
    "Trump Administration Mulls a Unilateral Tax Cut for the Rich",
    "July 30, 2018",
    "How the Trump Tax Cut Is Helping to Push the Federal Deficit to $1 Trillion",
    "July 25, 2018",
    "The U.S. hasn’t faced this issue for years",
]
NYT_AFTER = [
    "“There was virtual unanimity among economists that we needed a stimulus,” he said. “But a $2 trillion tax cut at the end of a business cycle with borrowed money won’t end well.”",
    "Some members of Congress want to set the stage for even more red ink. Republicans in the "
    "House want to make last year’s tax cuts permanent, instead of letting some of them expire "
    "at the end of 2025. That would reduce federal revenue by an additional $631 billion over 10 "
    "year s, according to the Tax Policy Center.",
    "But that privileged position has allowed politicians in both parties to avoid politically "
    "painful steps like cutting spending or raising taxes.",
    "Until recently, ultralow interest rates, set by the Federal Reserve to support the economy, "
    "allowed lawmakers to borrow without fretting too much about the cost of that debt.",
    "But as the economy has strengthened, the Fed has gradually raised rates, starting in "
    "December 2015. The central bank is expected to push rates up again on Wednesday, and more "
    "increases are in store.",
    "Deficit hawks have warned for years that a day of reckoning is coming, exposing the United "
    "States to the kind of economic crisis that overtook profligate borrowers in the past like "
    "Greece or Argentina.",
    "But most experts say that isn’t likely because the dollar is the world’s reserve currency. "
    "As a result, the United States still has plenty of borrowing capacity left because the Fed "
    "can print money with fewer consequences than other central banks.",
]


def extent(texts: list[str], first: int, last: int) -> set[int]:
    """The blocks kept with the story's run [first, last) (markers none)."""
    blocks = [Block(k, 0, len(t), t) for k, t in enumerate(texts)]
    kinds = [kind_of(b, Verdict()) for b in blocks]
    return _extent(blocks, kinds, [""] * len(blocks), first, last)[0]


def test_the_story_goes_on_before_a_box_of_headlines_when_two_paragraphs_are_there():
    texts = [*NYT_BEFORE, *NYT_BOX, *NYT_AFTER]
    run = len(NYT_BEFORE) + len(NYT_BOX)  # the run: the section after the box
    story = extent(texts, run, len(texts))
    assert {0, 1, 2} <= story  # the paragraphs before the box
    assert 4 not in story  # a headline of the box


def test_a_teasers_single_paragraph_past_a_box_is_no_story():
    # one paragraph sharing the story's words past the box, a line before it: a teaser's
    texts = ["Read this next", NYT_BEFORE[-1], *NYT_BOX, *NYT_AFTER]
    assert 1 not in extent(texts, 2 + len(NYT_BOX), len(texts))


def test_tables_are_found_in_one_pass_over_many_colon_lines(monkeypatch):
    # every block a short line ending in a colon (a head, and a cell of the one before): each
    # block is measured a bounded number of times, not once per head before it
    from corpuscli.boilerplate import page

    calls = 0
    measure = page.length

    def counted(text: str) -> float:
        nonlocal calls
        calls += 1
        return measure(text)

    monkeypatch.setattr(page, "length", counted)
    texts = [f"Results of heat {k} today:" for k in range(3000)]
    blocks = [Block(k, 0, len(t), t) for k, t in enumerate(texts)]
    assert page._table_cells(blocks, [page.LINE] * 3000, [""] * 3000) == []
    assert calls <= 3 * len(texts)
