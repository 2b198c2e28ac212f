"""Sentences of an article, as offsets into its text.

A sentence ends at ".", "!" or "?" (and any closing quotation marks after it) before a space, or
at the end of a paragraph; a full stop after a title or an initial ("Mr.", "Sen.", "U.S.", "H.R.")
or a month's abbreviation ("Dec. 17") does not end one. The abbreviations are data
(``data/abbreviations.txt``). ``benchmarks/bench_quotes.py`` measured NLTK's Punkt against
these rules for quote attribution (see README).
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")
#: A sentence's end: stops (and closing marks after them) before a space or the end, or line
#: breaks. Written ``[.!?…]+[\"”’'»)]*(?=\s|$)|\n+`` it finds the same ends, but a pattern that
#: opens with one character class lets the search skip to those characters at C speed instead
#: of trying both branches at every position (3.5 times faster over news text).
_END = re.compile(r"[.!?…\n](?:(?<=[.!?…])[.!?…]*[\"”’'»)]*(?=\s|$)|(?<=\n)\n*)")


@cache
def abbreviations() -> frozenset[str]:
    """Words whose full stop does not end a sentence, lower-case, without the stop."""
    text = files("corpuscli").joinpath("data", "abbreviations.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower().rstrip(".")
        for line in text.splitlines()
        if line.strip() and line[0] != "#"
    )


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text[start:end]``, whitespace trimmed."""
    end = len(text) if end is None else end
    abbrev = abbreviations()
    initials = _INITIALS.fullmatch
    out: list[tuple[int, int]] = []
    pos = start
    for m in _END.finditer(text, start, end):
        at, after = m.span()
        mark = text[at]
        if mark == "." and after - at == 1:
            # the word before the stop, 20 characters at most: only a space or a line break
            # among them matters (searching back to the paragraph's start for a line break it
            # does not hold, once per full stop, took quadratic time in long paragraphs)
            near = max(start, at - 20)
            space = max(text.rfind(" ", near, at), text.rfind("\n", near, at))
            w = text[max(space + 1, at - 20) : at].lstrip("(“\"‘'").lower()
            if w and (w in abbrev or initials(w)):
                continue  # "Mr.", "U.S.", "H.R.", a single initial
        _add(text, pos, after if mark != "\n" else at, out)
        pos = after
    _add(text, pos, end, out)
    return out


def _add(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append((a, b))
