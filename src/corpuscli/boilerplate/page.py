"""Whole web pages as plain text (``--page``): the article is the stretch of sentence-like blocks
a page's text centres on, with what continues it; the rest is page furniture."""

from __future__ import annotations

from corpuscli.text.blocks import Block

from .evidence import SENTENCE_END, STRONG, WORD, Verdict


def mark_page_furniture(
    blocks: list[Block], verdicts: list[Verdict], stopwords: frozenset[str]
) -> None:
    """Add strong evidence to every block outside the page's main text (:func:`main_region`, what
    continues it, the headline above it) and to the widget labels inside it."""
    first, last = main_region(blocks, stopwords)
    near = _continuations(blocks, first, last, stopwords) | _story_edges(
        blocks, verdicts, first, last
    )
    for k, verdict in enumerate(verdicts):
        if not (first <= k < last or k in near):
            verdict.add(STRONG, "outside the main text of the page")
        elif _is_widget_label(blocks[k].text):
            verdict.add(STRONG, "a page's widget label")


def _is_widget_label(text: str) -> bool:
    """A scrap of page furniture inside a whole page's main text: a word or two, under 15
    characters, not a sentence ("text", "more", "1/5", "Share")."""
    stripped = text.strip()
    return len(stripped) < 15 and len(stripped.split()) <= 2 and not SENTENCE_END.search(stripped)


def main_region(blocks: list[Block], stopwords: frozenset[str]) -> tuple[int, int]:
    """The main text of a whole web page's text: the stretch of blocks [start, end) with the most
    sentence-like words, where navigation, teasers and short labels count against (the maximum-sum
    segment of body-text extraction, on plain text)."""
    best, best_span = 0.0, (0, 0)
    running, start = 0.0, 0
    all_words = [w.lower() for b in blocks for w in WORD.findall(b.text)]
    # A page in a language the stopword list does not cover: judge by length and sentences only.
    known_language = sum(w in stopwords for w in all_words) / max(len(all_words), 1) >= 0.08
    for i, block in enumerate(blocks):
        words = WORD.findall(block.text)
        nw = len(words)
        density = (
            sum(1 for w in words if w.lower() in stopwords) / max(nw, 1) if known_language else 1.0
        )
        sentence = bool(SENTENCE_END.search(block.text))
        if nw >= 10 and density >= 0.2 and sentence:
            value = float(nw)
        elif nw >= 20 and density >= 0.25:
            value = nw * 0.5
        elif nw >= 4 and density >= 0.2 and sentence:
            value = 0.0  # a short sentence: the story may go on past it (neither for nor against)
        else:
            value = -max(3.0, nw * 1.0)
        if running <= 0:
            running, start = value, i
        else:
            running += value
        if running > best:
            best, best_span = running, (start, i + 1)
    return best_span


def _continuations(
    blocks: list[Block], first: int, last: int, stopwords: frozenset[str]
) -> set[int]:
    """Sentence-like blocks just outside the main region (the article goes on after an ad)."""
    out: set[int] = set()
    for direction, edge in ((1, last), (-1, first - 1)):
        k, gap = edge, 0
        while 0 <= k < len(blocks) and gap <= 8:
            words = WORD.findall(blocks[k].text)
            density = sum(1 for w in words if w.lower() in stopwords) / max(len(words), 1)
            sentence = SENTENCE_END.search(blocks[k].text)
            if (len(words) >= 15 and density >= 0.25 and sentence) or (
                gap == 0 and len(words) >= 4 and density >= 0.2 and sentence
            ):  # a long sentence-like block, or a short sentence right at the edge
                out.add(k)
                gap = 0
            else:
                gap += 1
            k += direction
    return out


def _story_edges(blocks: list[Block], verdicts: list[Verdict], first: int, last: int) -> set[int]:
    """Blocks that go with the main text though they are not sentences: after it, everything up
    to the first block with strong evidence of boilerplate (a call to action, a credit, a
    copyright line …) or three widget labels in a row — lists, product boxes, subheadings; before
    it, the block right above (the headline, usually)."""
    out: set[int] = set()
    k, labels = last, 0
    while k < len(blocks) and verdicts[k].score < STRONG and labels < 3:
        if _is_widget_label(blocks[k].text):
            labels += 1
        else:
            out.add(k)
            labels = 0
        k += 1
    above = first - 1
    if above >= 0 and verdicts[above].score < STRONG and not _is_widget_label(blocks[above].text):
        out.add(above)
    return out
