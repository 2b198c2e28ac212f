"""Hard-wrapped text: news wire copy whose lines are broken at a fixed width ("…, said Dr\\nRobert
E. Windom, assistant secretary …"), paragraphs opening on an indented or blank line.

Rules that read a line as a paragraph (quotes and their speakers) see such a text as dozens of
one-line paragraphs and lose every sentence that runs over a break. :func:`unwrapped` gives the
same text with those breaks made spaces, offsets unchanged, when the text is hard-wrapped.
"""

from __future__ import annotations

import re

#: A line break between two words of one paragraph: text right before it and right after it
#: (an indented or blank next line opens a paragraph).
_SOFT_BREAK = re.compile(r"(?<=\S)\n(?=\S)")
#: A text is hard-wrapped when at least this many of its line breaks are soft …
_MIN_SOFT = 4
#: … they are at least this share of all its line breaks …
_MIN_SHARE = 0.4
#: … and the lines they end are short: at most this many characters long for half of them (web
#: text with one paragraph a line has lines of hundreds of characters).
_MAX_WIDTH = 100
#: … and they are full: for at least this share of them the next line's first word would not
#: have fitted on the line within the text's width (a list, a table, a calendar or a run of
#: one-sentence lines breaks wherever its items end, short of the width: "1 Kyle Busch 5040",
#: "12) Roger Waters – The Wall (DVD)").
_MIN_FULL = 0.5
#: The text's width: this share of its soft-broken lines is no longer.
_WIDTH_SHARE = 0.9


def hard_wrapped(text: str) -> bool:
    """Whether ``text`` is broken into lines of a fixed width inside its paragraphs."""
    breaks = text.count("\n")
    if breaks < _MIN_SOFT:
        return False
    soft = [m.start() for m in _SOFT_BREAK.finditer(text)]
    if len(soft) < _MIN_SOFT or len(soft) < _MIN_SHARE * breaks:
        return False
    lines = [pos - text.rfind("\n", 0, pos) - 1 for pos in soft]
    widths = sorted(lines)
    if widths[len(widths) // 2] > _MAX_WIDTH:
        return False
    width = widths[int(len(widths) * _WIDTH_SHARE)]
    full = sum(
        1
        for pos, line in zip(soft, lines, strict=True)
        if line + 1 + len(text[pos + 1 : pos + 60].split(None, 1)[0]) > width
    )
    return full >= _MIN_FULL * len(soft)


def unwrapped(text: str) -> str:
    """``text`` with its soft line breaks made spaces when it is hard-wrapped
    (:func:`hard_wrapped`), else ``text`` itself. Same length: every offset is the same."""
    if not hard_wrapped(text):
        return text
    return _SOFT_BREAK.sub(" ", text)
