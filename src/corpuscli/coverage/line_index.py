"""Where the lines of one text start and end, found once: the rules ask for the line around
each quote, and a search for the next or the last line break from each quote read to the text's
end (or its start) when a long text has few breaks, in time growing with the square of its
quotes."""

from __future__ import annotations

from bisect import bisect_left


class LineIndex:
    """The line breaks (``\\n``) of ``text``, asked about by bisection."""

    def __init__(self, text: str) -> None:
        self.size = len(text)
        self.breaks: list[int] = []
        at = text.find("\n")
        while at >= 0:
            self.breaks.append(at)
            at = text.find("\n", at + 1)

    def line_start(self, pos: int) -> int:
        """Where the line holding ``pos`` starts: ``text.rfind("\\n", 0, pos) + 1``."""
        i = bisect_left(self.breaks, pos)
        return self.breaks[i - 1] + 1 if i else 0

    def line_end(self, pos: int) -> int:
        """The first line break at ``pos`` or after it, else the text's length:
        ``text.find("\\n", pos)``, with ``len(text)`` for -1."""
        i = bisect_left(self.breaks, pos)
        return self.breaks[i] if i < len(self.breaks) else self.size
