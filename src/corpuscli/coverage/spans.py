"""Whether a position lies inside any of many spans, by bisection.

The quote rules ask, for each quote or reported clause, whether a word lies inside some quote
of the article (words in quotation marks are never a speaker). Asked by reading every quote's
span, a run-on text of thousands of quotes took quadratic time; a :class:`SpanSet` answers each
question with one bisection and gives exactly what ``any(a <= pos < b for a, b in spans)``
gives.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate


class SpanSet:
    """Half-open spans ``(start, end)``, in any order, overlapping or not."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        #: the furthest end of the spans that start at each place in ``starts`` or before it
        self.reach = list(accumulate((b for _, b in ordered), max))

    def holds(self, pos: int) -> bool:
        """Whether some span holds ``pos`` (``a <= pos < b``): among the spans that start at
        ``pos`` or before it, one ends after it."""
        k = bisect_right(self.starts, pos)
        return k > 0 and self.reach[k - 1] > pos


def starting_within(starts: list[int], start: int, end: int) -> range:
    """The places in ``starts`` (sorted) of the values ``v`` with ``start <= v < end``."""
    return range(bisect_left(starts, start), bisect_left(starts, end))
