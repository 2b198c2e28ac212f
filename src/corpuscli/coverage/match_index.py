"""The first match of a pattern in a stretch of a text, from one pass over the whole text.

The speaker rules ask, quote after quote, whether a pattern matches between the start of the
quote's sentence and the quote. In a long sentence of many quotes (a broken or hostile text with
no full stop) each of those searches read the sentence again: quadratic time. A
:class:`MatchIndex` finds the pattern's matches once and answers each stretch with a bisection,
giving exactly what the search of that stretch gives; where it cannot be sure of that (a match
that runs over an edge of the stretch, a word character at an edge) it runs the search itself.
"""

from __future__ import annotations

import re
from bisect import bisect_left


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class MatchIndex:
    """Every match of ``pattern`` in ``text``, found once. The pattern has no anchor, no
    look-around, and a word boundary at most at its start and its end (``\\b(?:said|told)\\b``):
    then a stretch holds the matches the text holds within it, unless a word goes on over its
    end (a match may end there in the stretch only) or a match runs over one of its edges."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.pattern = pattern
        self.text = text
        self.matches = list(pattern.finditer(text))
        self.starts = [m.start() for m in self.matches]

    def first(self, start: int, end: int, *, sliced: bool = False) -> re.Match[str] | None:
        """What ``pattern.search(text, start, end)`` finds, or with ``sliced``
        ``pattern.search(text[start:end])`` (whose match offsets are then into the slice)."""
        text = self.text
        if (
            start >= end
            # a word boundary at ``end`` in the stretch but not in the text
            or (end < len(text) and _word(text[end - 1]) and _word(text[end]))
            or (sliced and start > 0 and _word(text[start - 1]))  # a boundary only the slice has
        ):
            return self._search(start, end, sliced)
        i = bisect_left(self.starts, start)
        if i and self.matches[i - 1].end() > start:
            return self._search(start, end, sliced)  # a match runs over the stretch's start
        if i == len(self.matches) or self.starts[i] >= end:
            return None
        if self.matches[i].end() > end:
            return self._search(start, end, sliced)  # the stretch may hold a shorter one
        if sliced:
            return self.pattern.search(text[start:end], self.starts[i] - start)
        return self.matches[i]

    def _search(self, start: int, end: int, sliced: bool) -> re.Match[str] | None:
        if sliced:
            return self.pattern.search(self.text[start:end])
        return self.pattern.search(self.text, start, end)
