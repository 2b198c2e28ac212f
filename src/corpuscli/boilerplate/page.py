"""Whole web pages as plain text (``--page``): the story is the longest run of prose on the page,
with what continues it; the rest is page furniture.

Each block is judged by its shape, in any language (a CJK character counts as half a word, four
Thai, Lao, Myanmar or Khmer letters as one; a sentence may end in the marks of any script):

- **prose**: a paragraph — ends like a sentence and has eight words or more, or has thirty;
- **short sentence**: ends like a sentence, fewer words ("It’s simple.");
- **line**: anything else — a heading, a list item, a link, a table cell, a teaser's title, a
  line cut short with an ellipsis;
- **junk**: strong evidence of furniture from the article rules (a call to action, a credit, a
  player …), markup, script or developers' notes that leaked into the text, a widget's label.

The story's run is the stretch of blocks with the most prose words, where a short sentence
counts half its words, lines cost a little (a heading or a list does not break a story; a menu
of fifty links does) and junk costs its length (the maximum-sum segment of body-text
extraction). A sidebar cannot win by being long: a section label ("Related articles", "Most
popular", "More in …") is a wall no run crosses — unless it heads a box of a few lines set
inside the story, with the story going on after it (then the box is junk) — and so is the
heading of readers' comments ("Comments", "10 thoughts on “…”") — after which, when it closes a
run of a paragraph or two of prose, prose counts a quarter (comments are prose, often more than
the story). Teasers are not prose, however long they are: a title line followed by a
one-sentence description, three times or more, maybe with furniture between; and a card, a
title given twice with its description (junk inside the story).

The lines of a paragraph hard-wrapped at a fixed width (a line that does not end a sentence,
the next one starting in lower case) are judged as one block. A box of a section label and up
to twelve lines set inside the story, the story going on after it, neither counts nor costs.

What continues the run stays with it: prose right before or after it (past an ad, a caption, a
few lines, or a widget of scraps — a chart, a ticker — when that prose shares words with the
story), a second copy of the story printed on the same page, a short last sentence, and lists — the lines a block ending in a colon introduces,
or three or more lines whose punctuation starts alike ("Path A: …", "Path B: …"), maybe under a
heading. Also: past a box of a dozen lines (a heading over a few headlines), two paragraphs in a
row sharing the story's words; a wire story's lede ("WASHINGTON (AP) —") past anything but a
label; a lede right under the headline, past a byline's box (sharing a word with the story,
its headline not printed again below it); a deals post's product cards after the story (the same
closing lines, a price), where the story ends; and the cells of a table a line ending in a colon
introduces (they count in the run as short sentences). Everything else outside the run is
boilerplate ("outside the main text of the page"), and inside it the junk.
"""

from __future__ import annotations

import re

from corpuscli.text.blocks import Block

from .evidence import SENTENCE_END, STRONG, WORD, Verdict
from .shapes import CJK
from .teasers import closers
from .vocabulary import lexicon, words_of

PROSE, SHORT, LINE, JUNK = "prose", "short", "line", "junk"

#: Markup, script or style that leaked into the text: tags (a bare name, or a name and attributes:
#: a title in angle brackets, "<The Palace: Tale of Jang Noksu>", is no tag), attributes, braces,
#: CSS selectors.
_CODE = re.compile(
    r"</?[a-zA-Z][a-zA-Z0-9]{0,10}\s*/?>|<[a-zA-Z][a-zA-Z0-9]{0,10}\s[^<>]{0,200}=|^\s*<!|<!--"
    r"|\b[\w-]+=[\"'][^\"']*[\"']|[{};]\s*$|^\s*[#.][\w-]+\s*$"
    r"|\(\s*\)\s*[;{]|\bfunction\s*\(|^\s*//|\[if [^\]]*\]|https?://\S+\s*$"
    # a developer's note: an identifier ("google_ad_section_end"), a template's file
    # ("hearst/article/content/zone.tpl")
    r"|^\W*[a-zA-Z0-9]+_[\w-]*\W*$|(?:^|\s)[\w.-]+(?:/[\w.-]+)+\.[a-z]{2,4}\s*$"
)
#: What a short sentence counts for in the story's run, a share of its words.
_SHORT_SHARE = 0.5
#: A sentence's end in any script: the article rules' marks, and the Arabic and Urdu question
#: mark and full stop, the Devanagari danda, the Armenian and Ethiopic full stops; maybe closed
#: by a quote, a bracket or a guillemet.
_SENTENCE_END = re.compile(r"[.!?…。！？؟۔।։።][\"'”’)」』»]*$")
#: Signs of code, and their share of a long block's characters for it to be code (a script's
#: line of JSON, not a paragraph that ends with its source's address).
_CODE_SIGNS, _CODE_SHARE = re.compile(r"[{}<>=;\\_|^~`]"), 0.03
#: The cost of a line (heading, list item, link) inside the story's run, and the weight of what
#: comes after a marker of the story's end.
_LINE_COST, _AFTER_MARKER = 2.0, 0.25
#: Prose words the run going on must have for the heading of comments to end the story (a
#: "Comments" button among the share buttons above a story ends nothing).
_PROSE_BEFORE_MARKER = {"comments": 150.0}
#: The most words of a button ("Share", "Tweet this").
_BUTTON_WORDS = 3
#: The blocks within which a second "Comments" after a button is the heading of the comments it
#: opens ("Comments", "Show Comments", "Discussion Policy", "Comments", then the thread).
_BUTTON_GAP = 5
#: A time stamp: a clock time and a year on one line (a schedule's times have no year).
_STAMP = re.compile(r"^(?=.*(?<![\d:])\d{1,2}:\d{2}(?![\d:]))(?=.*\b(?:19|20)\d\d\b)")


#: Letters of the scripts of South-East Asia that write no spaces between words (Thai, Lao,
#: Myanmar, Khmer): about four make a word.
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")


def length(text: str) -> float:
    """Words of ``text``, a CJK character counting as half a word and four Thai, Lao, Myanmar or
    Khmer letters as one (those scripts have no spaces between words)."""
    words = float(len(WORD.findall(text)))
    if not text or max(text) < "\u0e00":
        return words
    unspaced = len(_UNSPACED.findall(text))
    if unspaced:  # a word match stops at each vowel sign of those scripts: count letters instead
        words = len(WORD.findall(_UNSPACED.sub(" ", text))) + unspaced / 4
    return words + len(CJK.findall(text)) / 2


#: A wire story's dateline opening its lede: the place in capitals (maybe with its state or
#: country), the agency in brackets, a dash ("WASHINGTON (AP) —", "HAYWARD, Calif. (AP) —",
#: "LONDON (Reuters) -").
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{1,40}(?:, [A-Z][\w.]*(?: [A-Z][\w.]*){0,2})? \([\w .&/-]{2,24}\) ?[—–-]"
)
#: A line cut short with an ellipsis: a teaser's truncated headline or description, not a sentence.
_CUT = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])[\"'”’)」』]*$")


def kind_of(block: Block, verdict: Verdict) -> str:
    """prose, short (a short sentence), line or junk (see the module docstring)."""
    text = block.text
    if verdict.score >= STRONG or is_widget_label(text):
        return JUNK
    size = length(text)
    if _CODE.search(text) and (
        size < 30 or len(_CODE_SIGNS.findall(text)) >= _CODE_SHARE * len(text)
    ):
        return JUNK  # a paragraph that ends with its source's address or a semicolon is no code
    sentence = bool(_SENTENCE_END.search(text)) and not _CUT.search(text)
    if size >= 30 or (sentence and size >= 8) or (size >= 8 and _DATELINE.match(text)):
        return PROSE  # a wire story's lede may end in a colon ("… (all times local):")
    if not sentence and _STAMP.search(text):
        return JUNK  # "Published 10:02 AM EST Nov 19, 2019", "August 8, 2018 at 7:21 pm"
    return SHORT if sentence and size >= 3 else LINE


def is_widget_label(text: str) -> bool:
    """A scrap of page furniture: a word or two, under 15 characters, not a sentence ("text",
    "more", "1/5", "Share")."""
    stripped = text.strip()
    return len(stripped) < 15 and len(stripped.split()) <= 2 and not SENTENCE_END.search(stripped)


#: The vocabularies of markers: comments' headings, section labels (the article rules' and page
#: mode's own).
_MARKER_LEXICONS = (
    ("comment_markers", "comments"),
    ("section_labels", "section"),
    ("page_section_labels", "section"),
)
#: A count opening a line ("10 thoughts on …", "3 Kommentare zu …"), and the quotation mark
#: that opens the story's title after it.
_COUNTED, _QUOTED = re.compile(r"^\s*\d{1,5}\s+"), re.compile(r"[\"“„«”]")


def _marker(text: str) -> str:
    """ "comments" for the heading of readers' comments, "section" for a page's section label
    ("Related articles", "Most popular", "More in …"), "" for anything else."""
    counted = _COUNTED.match(text)
    if (
        counted
        and _QUOTED.search(text)
        and lexicon("comment_markers").start(text[counted.end() :], words_of(text))
    ):
        return "comments"  # "10 thoughts on “<the story's title>”" (not "5 Replies to Fear")
    if len(text) > 60:
        return ""
    words = words_of(text)
    wordset = frozenset(words)
    for name, marker in _MARKER_LEXICONS:
        m = lexicon(name).search(text, wordset)
        if m is None:
            continue
        rest = len(words) - len(words_of(m.group(0)))
        if rest <= 2 or (m.start() == 0 and rest <= 6 and not SENTENCE_END.search(text)):
            # the label and a word or two ("Comments (12)"), or a heading it opens ("Related
            # coverage from How to Do Everything: Money:")
            return marker
    return ""


def _teasers(blocks: list[Block], kinds: list[str]) -> set[int]:
    """Blocks of teaser lists: three or more titles (lines of four words or more, or two after a
    link's mark: "» Loucos 2019 – Episódio 29"; maybe twice, as a picture's text and as a link)
    each followed by a one-sentence description of under 35 words, 50 after a link (a story's
    headed sections have longer paragraphs); a link's title may come after up to three lines
    of furniture. Most titles are plain lines: a story's paragraphs between captions and
    headlines in capitals (junk the article rules found) are no teasers."""

    def described(j: int) -> int:
        """The description of a title at ``j`` (0 when ``j`` holds no title)."""
        d = j + 2 if j + 2 < n and blocks[j + 1].text == blocks[j].text else j + 1
        if d >= n or kinds[j] not in (LINE, JUNK) or kinds[d] not in (PROSE, SHORT):
            return 0
        link = bool(_LINK_MARK.match(blocks[j].text))
        if length(blocks[j].text) >= (2 if link else 4) and length(blocks[d].text) < (
            50 if link else 35
        ):
            return d
        return 0

    out: set[int] = set()
    k, n = 0, len(blocks)
    while k < n - 1:
        j, pairs = k, []
        while d := described(j):
            pairs.append((j, d))
            j = d + 1
            if not described(j):  # the next link's title, past furniture (a label, an ad)
                j = next((j + s for s in (1, 2, 3) if j + s < n and kinds[j + s - 1] != PROSE
                          and _LINK_MARK.match(blocks[j + s].text) and described(j + s)),
                         j)  # fmt: skip
        if len(pairs) >= 3 and 2 * sum(kinds[t] == LINE for t, _ in pairs) > len(pairs):
            for t, d in pairs:
                out.update(range(t, d + 1))
            k = j
        else:
            k += 1
    return out


def _cards(blocks: list[Block], kinds: list[str]) -> list[int]:
    """Teaser cards: a title given twice within three blocks (a picture's text, then the link),
    with a one-paragraph description (under 50 words) after the second: the story says no line
    twice in a row. Not the page's headline printed twice (a title, then the heading) before
    the first prose, when the story goes on after the lede (prose after the description)."""
    out: list[int] = []
    first_prose = next((i for i, kind in enumerate(kinds) if kind == PROSE), len(kinds))
    for k in range(len(blocks) - 1):
        if kinds[k] != LINE or length(blocks[k].text) < 4:
            continue
        twin = next((j for j in (k + 1, k + 2) if j < len(blocks)
                     and blocks[j].text == blocks[k].text), 0)  # fmt: skip
        d = twin + 1
        if (
            twin
            and d < len(blocks)
            and kinds[d] in (PROSE, SHORT)
            and length(blocks[d].text) < 50
            and (k == 0 or blocks[k - 1].text != blocks[k].text)  # no picture's caption, thrice
            # the story goes on after its lede: a page printing its headline twice (a title,
            # then the heading) before the lede and the next paragraph, no prose before them
            and (k > first_prose or d + 1 >= len(blocks) or kinds[d + 1] != PROSE)
        ):
            out.extend(range(k, d + 1))
    return out


#: The most blocks a box set inside a story holds ("Related coverage" and a few headlines, each
#: with its date).
_INLINE_BOX = 12


def _inline_boxes(kinds: list[str], markers: list[str]) -> list[int]:
    """The blocks of boxes set inside the story: a section label ("Related articles", "Don't
    miss") after prose (within three blocks), with at most twelve blocks of lines under it, the
    story's prose going on after them (two of the next three blocks that are not junk are
    paragraphs). Such a box is junk in the story's run, not a wall (a sidebar's box is longer,
    or no story goes on after it: a teaser's question and a bio are no story going on)."""
    out: list[int] = []
    n = len(kinds)
    for k, marker in enumerate(markers):
        if marker != "section" or not any(kinds[j] == PROSE for j in range(max(0, k - 3), k)):
            continue
        j = k + 1
        while j < n and j - k - 1 <= _INLINE_BOX and kinds[j] != PROSE and not markers[j]:
            j += 1
        if j - k - 1 > _INLINE_BOX or j >= n or kinds[j] != PROSE:
            continue
        after = [kinds[i] for i in range(j, min(n, j + 12)) if kinds[i] != JUNK][:3]
        if after.count(PROSE) >= 2:
            out.extend(range(k, j))
    return out


#: A table the story introduces: a line of four words or more ending in a colon ("Final standings
#: of the Cup Series after 36 races:"), then twelve cells or more (blocks of six words or fewer,
#: no paragraph, no section label), a third of them or more numbers ("5040", "70-44", "$139").
_TABLE_HEAD, _TABLE_CELLS, _CELL_WORDS = 4, 12, 6
_NUMBER = re.compile(r"^[\W_]*\d[\d\W_]*$")


def _table_cells(blocks: list[Block], kinds: list[str], markers: list[str]) -> list[int]:
    """The cells of the tables a line ending in a colon introduces (:data:`_TABLE_HEAD`): the
    story's data (a standings table, results), not a sidebar's list of links. One pass: where
    each run of cells ends and how many numbers come before each block are counted once."""
    n = len(blocks)
    ends = list(range(n + 1))  # ends[i]: the first block at or after i that is no cell
    for i in range(n - 1, -1, -1):
        cell = kinds[i] != PROSE and not markers[i] and length(blocks[i].text) <= _CELL_WORDS
        ends[i] = ends[i + 1] if cell else i
    numbers = [0] * (n + 1)  # numbers[i]: the cells that are numbers before block i
    for i, block in enumerate(blocks):
        numbers[i + 1] = numbers[i] + bool(_NUMBER.match(block.text))
    out: list[int] = []
    k = 0
    while k < n - 1:
        text = blocks[k].text.rstrip()
        j = ends[k + 1]
        cells = j - k - 1
        if (
            text.endswith(":")
            and kinds[k] != JUNK
            and not markers[k]
            and length(text) >= _TABLE_HEAD
            and cells >= _TABLE_CELLS
            and 3 * (numbers[j] - numbers[k + 1]) >= cells
        ):
            out.extend(range(k + 1, j))
            k = j
        else:
            k += 1
    return out


def main_region(
    kinds: list[str],
    sizes: list[float],
    markers: list[str],
    free: frozenset[int] = frozenset(),
    cells: frozenset[int] = frozenset(),
) -> tuple[int, int]:
    """The story's run [start, end): the maximum-sum stretch of block values — prose its words, a
    short sentence half of them, a line a little, junk its length — that crosses no section label
    ("Related articles"), and where the heading of readers' comments, once the page has had some
    prose, devalues what follows it. The blocks of ``free`` (a box of headlines set inside the
    story) neither count nor cost; the cells of a table the story introduces (``cells``) count as
    short sentences do, whatever their shape."""
    best, best_span = 0.0, (0, 0)
    running, start = 0.0, 0
    weight, run_prose, most_prose = 1.0, 0.0, 0.0  # prose words of the last run, of the most
    for i, (kind, size) in enumerate(zip(kinds, sizes, strict=True)):
        if markers[i]:
            if max(run_prose, most_prose) >= _PROSE_BEFORE_MARKER.get(markers[i], float("inf")):
                weight = _AFTER_MARKER  # the comments under a story
            running = 0.0  # nothing runs across a marker (its prose is remembered till new prose)
            continue
        if running <= 0 and kind == PROSE:
            run_prose = 0.0
        if i in free:
            value = 0.0
        elif i in cells:
            value = size * weight * _SHORT_SHARE
        elif kind == PROSE:
            value = size * weight
            run_prose += size
            most_prose = max(most_prose, run_prose)
        elif kind == SHORT:
            value = size * weight * _SHORT_SHARE
        elif kind == LINE:
            value = -_LINE_COST
        else:
            value = -max(5.0, size)
        if running <= 0:
            running, start = value, i
        else:
            running += value
        if running > best:
            best, best_span = running, (start, i + 1)
    return best_span


#: A link's mark opening a line: "» Coluna de Adauto Silva", "› More", "→ Next".
_LINK_MARK = re.compile(r"^\s*[»›→▶►]")
#: A list item's mark: "1)", "2.", "•", "*", "–".
_LIST_MARK = re.compile(r"^\s*(?:\d{1,3}[.)]|[•·*–-])\s")


def _skeleton(text: str) -> str:
    """The first two punctuation marks of a line: list items of one list share them ("England
    (Group A): 10th appearance" and "Spain (Group F): 11th appearance" -> "()"; "June 9 -- Coral
    Sky Amphitheatre, …" -> "--"); a menu's items have none."""
    return re.sub(r"[\w\s]+", "", text)[:2]


def _list_after(blocks: list[Block], kinds: list[str], k: int) -> list[int]:
    """A list starting at block ``k`` (maybe after one heading line): three or more lines whose
    punctuation starts alike (:func:`_skeleton`), or the lines a line ending in a colon
    introduces — each maybe followed by a block or two of junk (a product's link, a price).
    Empty when there is none."""
    n = len(blocks)

    def item(j: int) -> bool:
        return j < n and (kinds[j] in (LINE, SHORT) or bool(_LIST_MARK.match(blocks[j].text)))

    def run(j: int, same: str | None) -> int:
        """The end of the items from ``j`` (each maybe with one junk block after it)."""
        end = j
        while item(j) and (same is None or _skeleton(blocks[j].text) == same) and j - k <= 120:
            j += 1
            end = j
            if j < n and kinds[j] == JUNK:
                j += 1 if item(j + 1) else 2 if j + 2 < n and kinds[j + 1] == JUNK else 0
        return end

    for head in (k, k + 1):
        if head > k and not item(k):
            break
        if (
            item(head)
            and blocks[head].text.rstrip().endswith(":")
            and not _marker(blocks[head].text)
        ):
            end = run(head + 1, None)
            if end - head > 1:
                return list(range(k, end))
        shape = _skeleton(blocks[head].text) if item(head) else ""
        if shape:
            end = run(head, shape)
            if sum(1 for j in range(head, end) if kinds[j] != JUNK) >= 3:
                return list(range(k, end))
    return []


def _colon_items(blocks: list[Block], kinds: list[str], markers: list[str]) -> list[int]:
    """The items of a list a line ending in a colon introduces that are as long as a sentence
    (six words or more: "Hundreds of cool tasks that will make your evenings fuller"): the
    story's, they count as short sentences do."""
    out: list[int] = []
    for k, block in enumerate(blocks):
        if kinds[k] != JUNK and not markers[k] and block.text.rstrip().endswith(":"):
            out.extend(j for j in _list_after(blocks, kinds, k)
                       if kinds[j] == LINE and length(blocks[j].text) >= 6)  # fmt: skip
    return out


#: What the story's prose goes on past: three blocks of anything (an ad, a caption), or up to
#: twenty scraps of a widget with a dozen words in all (a ticker's table of prices).
_GAP_BLOCKS, _GAP_SCRAPS, _GAP_WORDS = 3, 20, 12


def _bridged(blocks: list[Block], gap: list[int]) -> bool:
    """Whether the story's prose may go on past the blocks of ``gap``."""
    if len(gap) <= _GAP_BLOCKS:
        return True
    return len(gap) <= _GAP_SCRAPS and sum(length(blocks[j].text) for j in gap) <= _GAP_WORDS


#: A widget set inside the story: up to sixty blocks of three words or fewer on average (a
#: chart's labels and axis, a stock ticker's table), past which the story goes on when the prose
#: beyond shares three words or more of its own (of five letters or more).
_WIDGET_BLOCKS, _WIDGET_WORDS, _SHARED_WORDS = 60, 3.0, 3
_LONG_WORD = re.compile(r"[^\W\d_]{5,}")


def _widget(blocks: list[Block], gap: list[int]) -> bool:
    """Whether ``gap`` may be a widget of scraps inside the story (:data:`_WIDGET_BLOCKS`)."""
    return len(gap) <= _WIDGET_BLOCKS and sum(
        length(blocks[j].text) for j in gap
    ) <= _WIDGET_WORDS * len(gap)


def _vocabulary(text: str) -> set[str]:
    return {w.lower() for w in _LONG_WORD.findall(text)}


#: Cards of a list of products after the story (a deals post: each product's features, its
#: name, its price, then the same closing lines, "Available from Amazon", "Buy Now"): the first
#: card within forty blocks of the story's end, a card every three to forty blocks, three or
#: more cards, five blocks or more each.
_CARD_REACH, _CARD_MIN, _CARD_MAX, _CARD_MEAN, _CARDS = 40, 5, 40, 5.0, 3
#: The lines a product's card holds on average (its name, its features, the shop's lines), and
#: at most one paragraph every two cards (a teaser's card is a title and a paragraph).
_CARD_LINES = 5
#: A price: an amount with a currency's sign or code ("$139.00", "19,99 €", "EUR 25").
_PRICE = re.compile(
    r"[$€£¥₹]\s?\d|\d\s?[€£₹]|\b(?:USD|EUR|GBP|CHF|R\$)\s?\d|\d\s?(?:USD|EUR|GBP|CHF)\b"
)
#: The blocks between the story's end and the first card: a label and a scrap ("Don't Miss:").
_CARD_LABEL = 2


def _card_list(
    blocks: list[Block], kinds: list[str], markers: list[str], last: int, story: set[str]
) -> list[int]:
    """The blocks of a list of product cards that goes on from the story's end at ``last``
    (maybe past a label, "Don't Miss:"): three or more cards closed by the same line ("Available
    from Amazon"; not a read-more link nor a social network's name), a card every five to forty
    blocks, two cards in three showing a price, five lines or more a card (a product's name and
    features) and a paragraph every two cards at most (a teaser's card is a title and a
    paragraph), no section label nor comments among them, the cards sharing three words or more
    with the story's prose. Empty when there is none."""
    n = len(blocks)
    seen: dict[str, list[int]] = {}
    for j in range(last, n):
        if kinds[j] in (LINE, SHORT) and not markers[j]:
            seen.setdefault(blocks[j].text, []).append(j)
    end, count = 0, 0
    for text, places in seen.items():
        if places[0] - last > _CARD_REACH:
            continue
        chain = places[:1]
        for j in places[1:]:
            if not _CARD_MIN <= j - chain[-1] <= _CARD_MAX:
                break
            chain.append(j)
        if len(chain) < _CARDS or (chain[-1] - chain[0]) / (len(chain) - 1) < _CARD_MEAN:
            continue
        words = frozenset(words_of(text))
        if text.lower().rstrip().endswith(closers()) or lexicon("social_networks").search(
            text, words
        ):
            continue
        priced = sum(
            any(_PRICE.search(blocks[j].text) for j in range(a, b))
            for a, b in zip([last, *chain], chain, strict=False)
        )
        if 3 * priced >= 2 * len(chain):  # a product's card shows its price
            end, count = max(end, chain[-1] + 1), max(count, len(chain))
    if not end:
        return []
    first = next(j for j in range(last, end) if not markers[j] and kinds[j] != JUNK)
    cards = list(range(first, end))
    if (
        first - last > _CARD_LABEL
        or any(markers[j] for j in cards)
        or "comments" in markers[last:first]
    ):
        return []  # no thread of comments, no sidebar's sections: a label ("Don't miss") at most
    lines = sum(kinds[j] == LINE for j in cards)
    if lines < _CARD_LINES * count or 2 * sum(kinds[j] == PROSE for j in cards) > count:
        return []  # a teaser's card is a title and a paragraph; a product's, its features
    shared = _vocabulary(" ".join(blocks[j].text for j in cards if kinds[j] != JUNK)) & story
    return cards if len(shared) >= _SHARED_WORDS else []


#: The words of a headline over a lede, and the most of a lede (a standfirst: a sentence or two).
_HEADLINE_WORDS, _LEDE_WORDS = 4, 60


def _lede(
    blocks: list[Block],
    kinds: list[str],
    markers: list[str],
    k: int,
    gap: list[int],
    story: set[str],
) -> bool:
    """Whether the paragraph at ``k``, above the story past ``gap`` (a byline's box: the
    author's name, the date, a picture's caption), is its lede: right under the headline (a line
    of four words or more, no label), a sentence or two, past a dozen blocks at most, sharing a
    word with the story (a sponsored card's blurb under its ad headline shares none), and not
    above the headline printed again (a notice over a post's header: "Home Holidays Pear Jam
    for the Holidays", "This post may contain affiliate links.", "Pear Jam for the Holidays by
    Regan", …)."""
    if not (
        len(gap) <= _INLINE_BOX
        and k > 0
        and kinds[k - 1] == LINE
        and not markers[k - 1]
        and length(blocks[k - 1].text) >= _HEADLINE_WORDS
        and length(blocks[k].text) <= _LEDE_WORDS
        and _vocabulary(blocks[k].text) & story
    ):
        return False
    tail = " ".join(blocks[k - 1].text.split()[-_HEADLINE_WORDS:])  # the headline's last words
    return not any(tail in blocks[j].text for j in gap)


def _extent(
    blocks: list[Block],
    kinds: list[str],
    markers: list[str],
    first: int,
    last: int,
    cells: frozenset[int] = frozenset(),
) -> tuple[set[int], set[int]]:
    """The story: its run, and what goes on with it after the run — prose past up to three
    blocks of anything but a marker (an ad, a caption), or past a widget of scraps (a chart, a
    ticker) when that prose shares words with the story, and lists (a colon's, or parallel
    lines: "Path A: …", "Path B: …"). Also the blocks of those lists (a link in a list is the
    list's)."""
    kept = set(range(first, last))
    listed: set[int] = set()
    for k in range(first, last):  # lists a block of the run introduces (a table's are cells)
        if blocks[k].text.rstrip().endswith(":") and k + 1 not in cells:
            listed.update(_list_after(blocks, kinds, k))
    story = _vocabulary(" ".join(blocks[k].text for k in kept if kinds[k] == PROSE))

    def goes_on(k: int, gap: list[int], step: int) -> bool:
        """Whether the prose at ``k`` goes on with the story past ``gap`` (``step``: 1 after the
        run, -1 before it), sharing its words: past a widget, past a box of a dozen lines (a
        heading over a few headlines) when two paragraphs in a row are there (a teaser's
        description is one), and a wire story's lede (its dateline) past anything but a label."""
        if _bridged(blocks, gap):
            return True
        if len(_vocabulary(blocks[k].text) & story) < _SHARED_WORDS:
            return False
        beyond = k + step
        if step < 0 and _DATELINE.match(blocks[k].text):
            return True  # the lede, above a video player's or a gallery's markup
        return _widget(blocks, gap) or (
            len(gap) <= _INLINE_BOX and 0 <= beyond < len(blocks) and kinds[beyond] == PROSE
        )

    cards = _card_list(blocks, kinds, markers, last, story)
    kept.update(cards)  # its junk (a price, "Buy Now") is not the story's
    # the cards close a deals post: what follows them is the outlet's ("Follow @BGRDeals on
    # Twitter … Prices are subject to change"), not more story
    k = len(blocks) if cards else last
    gap: list[int] = []
    while k < len(blocks) and not markers[k] and len(gap) <= _WIDGET_BLOCKS:
        if kinds[k] == PROSE or (kinds[k] == SHORT and not gap):  # a short last sentence too
            if not goes_on(k, gap, 1):
                break
            kept.add(k)
            kept.update(j for j in gap if kinds[j] == SHORT)
            gap = []
            k += 1
            continue
        items = _list_after(blocks, kinds, k) if len(gap) <= 1 else []
        if items:
            listed.update(items)
            k = items[-1] + 1
            continue
        gap.append(k)
        k += 1
    k, gap = first - 1, []
    while k >= 0 and not markers[k] and len(gap) <= _WIDGET_BLOCKS:
        if kinds[k] == PROSE:  # and before it, the same way
            if not goes_on(k, gap, -1):
                if _lede(blocks, kinds, markers, k, gap, story):
                    kept.add(k)
                break
            kept.add(k)
            kept.update(j for j in gap if kinds[j] == SHORT)
            gap = []
        else:
            gap.append(k)
        k -= 1
    return kept | listed, listed


#: The quotes and brackets a line may open with before its first letter.
_OPENING = re.compile(r"^[\"'“‘(\[«]*")


def _starts_lower(text: str) -> bool:
    """Whether ``text`` starts with a lower-case letter (maybe after a quote or a bracket): the
    rest of a sentence. Scripts without case never do."""
    rest = text[_OPENING.match(text).end() :]  # type: ignore[union-attr]
    return bool(rest) and rest[0].islower()


#: The words a line must have for the next line to be the rest of its sentence.
_WRAPPED_WORDS = 4


#: A sentence's end inside a line, the next sentence starting after it ("… ever. And it plays").
_INNER_END = re.compile(r"\w[.!?][\"'”’)]*\s+[\"'“‘]?[^\W\d_]")


def _wrapped_groups(blocks: list[Block]) -> list[list[int]]:
    """Blocks grouped into paragraphs: a line of four words or more that does not end like a
    sentence (nor with a colon), followed by a line that starts in lower case, is a paragraph
    hard-wrapped at a fixed width ("It sports" / "more horsepower than any system ever.") and
    counts as one block with it. Every other block is a group of its own."""
    groups: list[list[int]] = []
    for k, block in enumerate(blocks):
        if groups and k > 0:
            before = blocks[k - 1].text.rstrip()
            if (
                _starts_lower(block.text)
                and not _SENTENCE_END.search(before)
                and not before.endswith(":")
                and length(before) >= _WRAPPED_WORDS
                and not _CODE.search(before)
                and not _CODE.search(block.text)
            ):
                groups[-1].append(k)
                continue
        groups.append([k])
    return groups


#: The paragraphs a second copy of the story must repeat for it to be the story printed twice.
_COPY_PROSE = 3


def _copies(blocks: list[Block], kinds: list[str], kept: set[int]) -> set[int]:
    """A second copy of the story on the page (a page that prints the story twice, in two
    layouts): the blocks outside the story that repeat one of its blocks word for word, when
    three paragraphs or more are repeated (a headline repeated in a list of links is no copy)."""
    story = {blocks[k].text for k in kept if kinds[k] != JUNK}
    copies = {k for k, b in enumerate(blocks)
              if k not in kept and kinds[k] != JUNK and b.text in story}  # fmt: skip
    return copies if sum(kinds[k] == PROSE for k in copies) >= _COPY_PROSE else set()


def mark_page_furniture(
    blocks: list[Block], verdicts: list[Verdict], stopwords: frozenset[str]
) -> None:
    """Add strong evidence to every block outside the page's story (:func:`main_region` and what
    continues it) and to the junk inside it. ``stopwords`` are not needed: the shapes are
    language-neutral (the parameter stays for callers). The lines of a hard-wrapped paragraph
    are judged as one block (:func:`_wrapped_groups`)."""
    del stopwords
    groups = _wrapped_groups(blocks)
    if len(groups) == len(blocks):
        _mark(blocks, verdicts, [[k] for k in range(len(blocks))], verdicts)
        return
    joined = [
        Block(blocks[g[0]].index, blocks[g[0]].start, blocks[g[-1]].end,
              " ".join(blocks[k].text for k in g))
        for g in groups
    ]  # fmt: skip
    # a wrapped paragraph is furniture when each of its lines is (one line may trip a rule)
    evidence = [
        verdicts[g[0]] if len(g) == 1 else Verdict(score=min(verdicts[k].score for k in g))
        for g in groups
    ]
    _mark(joined, evidence, groups, verdicts)


def _mark(
    blocks: list[Block], evidence: list[Verdict], groups: list[list[int]], verdicts: list[Verdict]
) -> None:
    """:func:`mark_page_furniture` over ``blocks`` (paragraphs, each of the lines of ``groups``),
    the evidence added to ``verdicts`` (one per line)."""
    kinds = [kind_of(b, v) for b, v in zip(blocks, evidence, strict=True)]
    for k, group in enumerate(groups):  # a wrapped paragraph cut where a sentence goes on
        if len(group) > 1 and kinds[k] == LINE and _INNER_END.search(blocks[k].text):
            kinds[k] = PROSE
    for k in _teasers(blocks, kinds):
        kinds[k] = LINE if kinds[k] != JUNK else JUNK
    sizes = [length(b.text) for b in blocks]
    for k in _cards(blocks, kinds):  # furniture of a known shape: removed, but no break
        kinds[k], sizes[k] = JUNK, 0.0
    markers = [_marker(b.text) if kinds[k] != PROSE else "" for k, b in enumerate(blocks)]
    n = len(blocks)
    button = -_BUTTON_GAP - 1  # the last "Comments" button
    for k in range(1, n - 1):  # a "Comments" button in a row of share buttons heads nothing
        if markers[k] == "comments" and all(
            kinds[j] == JUNK and sizes[j] <= _BUTTON_WORDS for j in (k - 1, k + 1)
        ):
            if k - button <= _BUTTON_GAP:
                continue  # the heading of the comments the button just above opens
            markers[k], button = "", k
    boxes = frozenset(_inline_boxes(kinds, markers))
    for k in boxes:
        markers[k], kinds[k], sizes[k] = "", JUNK, 0.0
    for k in _colon_items(blocks, kinds, markers):
        kinds[k] = SHORT
    cells = frozenset(_table_cells(blocks, kinds, markers))
    first, last = main_region(kinds, sizes, markers, boxes, cells)
    kept, listed = _extent(blocks, kinds, markers, first, last, cells)
    kept |= _copies(blocks, kinds, kept)
    for k, group in enumerate(groups):
        for verdict in (verdicts[line] for line in group):
            if len(group) > 1 and k in kept and kinds[k] != JUNK and verdict.score >= STRONG:
                # a line of a hard-wrapped paragraph of the story ("has rechargeable
                # controllers."): what its shape alone suggested does not hold
                verdict.add(-verdict.score, "a line of a paragraph of the story, wrapped")
            elif k not in kept:
                if verdict.score < STRONG:
                    verdict.add(STRONG, "outside the main text of the page", "outside_story")
            elif kinds[k] == JUNK and verdict.score < STRONG and k not in listed:
                verdict.add(STRONG, "a page's widget label or markup", "navigation")
