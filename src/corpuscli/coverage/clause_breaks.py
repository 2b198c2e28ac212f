"""The stretch of a sentence right before a quote, read in its last characters.

The attribution rules read the words before a quote's opening mark: where the clause of the speech
verb before it starts (after a semicolon, a dash, a conjunction), and "according to X,", "as X put
it:", "X:" at the end. Each was a search of the sentence from its start, once per quote: a sentence
of thousands of words and hundreds of quotes took quadratic time. :class:`ClauseBreaks` finds the
breaks of a text in one pass and answers each question with a bisection and a search of a few
characters; :func:`search_end` searches the last characters only. Both give exactly what the
searches from the sentence's start give (``tests/coverage/test_clause_breaks.py`` checks them on
generated text).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .speaker_phrase import mask_abbreviations

__all__ = ["CLAUSE_BREAK", "STOP", "ClauseBreaks", "StopMarks", "search_end"]

#: Where a clause before a speech verb starts: after a semicolon, a parenthesis (not an acronym's:
#: "Jamal Abdi from the National Iranian American Council (NIAC) said", "… Alliance (APRA) party,
#: told reporters"), a dash or a conjunction.
CLAUSE_BREAK = re.compile(
    r"(?:;|\((?![A-Z][\w.&-]{0,10}\))|[ \t][—–―-]+[ \t]|\b(?:and|but|while|as|which|who)\b)"
)
#: How far past the place it is tried at :data:`CLAUSE_BREAK` reads, a dash's run aside: the
#: acronym after a parenthesis, "(" and up to eleven characters, then ")".
REACH = 12
_WORD = re.compile(r"\w")


class ClauseBreaks:
    """The clause breaks (:data:`CLAUSE_BREAK`) of one text, found in one pass."""

    def __init__(self, text: str) -> None:
        self.text = text
        spans = [m.span() for m in CLAUSE_BREAK.finditer(text)]
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]  # in order too: the matches never overlap
        #: characters searched again near the end of a stretch (read by the tests)
        self.searched = 0
        #: the text's stops, found when first asked for (see :class:`StopMarks`)
        self.marks: StopMarks | None = None

    def clause_start(self, start: int, end: int) -> int:
        """Where the last clause of ``text[start:end]`` starts: after its last break, as a search
        of that slice alone finds them, ``start`` if it has none.

        The breaks found in the whole text are those of the slice, except that a search of the
        slice ends at ``end`` (a word, or an acronym's parenthesis, cut there reads otherwise):
        the breaks that end ``REACH`` characters before it or earlier are taken from the whole
        text's, and the last few characters are searched again. When the slice's first character
        is read otherwise alone (a word character before it, or a break of the whole text that
        runs over its start), the slice is searched as it was."""
        text = self.text
        k = bisect_left(self.starts, start)
        if (start > 0 and _WORD.match(text, start - 1)) or (k > 0 and self.ends[k - 1] > start):
            self.searched += max(0, end - start)
            clause = start
            for b in CLAUSE_BREAK.finditer(text[start:end]):
                clause = start + b.end()
            return clause
        limit = end - REACH
        j = bisect_right(self.ends, limit, k)  # the breaks k..j-1 end by the limit
        clause = self.ends[j - 1] if j > k else start
        # searched again from the limit (or the start of the first break that runs past it, or
        # the last break's end): the searches agree on every place tried before it
        again = max(clause, min(limit, self.starts[j] if j < len(self.starts) else limit))
        self.searched += max(0, end - again)
        for b in CLAUSE_BREAK.finditer(text, again, end):
            clause = b.end()
        return clause


def search_end(
    pattern: re.Pattern[str], text: str, start: int, end: int, reach: int
) -> tuple[int, int] | None:
    """Where the first group of the first match of ``pattern`` lies in ``text``, as
    ``pattern.search(text[start:end], max(0, end - start - reach))`` finds it, from a slice of
    ``reach + 1`` characters at most (the character before the search's start is kept for a
    ``\\b``; ``^`` matches at ``start`` only, as in the slice from ``start``). ``pattern`` looks
    back one character at most."""
    begin = max(start, end - reach)
    base, pos = (start, 0) if begin == start else (begin - 1, 1)
    m = pattern.search(text[base:end], pos)
    return None if m is None else (base + m.start(1), base + m.end(1))


#: The end of a sentence, or a quotation mark, in the words between a quote and a speech verb
#: (not the stop of an initial or a title, masked first: "Elijah E. Cummings", "Mr. Trump").
STOP = re.compile(r"[!?“”\"«»‘]|\.(?!\d)")  # not a decimal point: "oversees $1.9 billion"
#: The characters of :data:`STOP` but the full stop.
_MARK = re.compile(r"[!?“”\"«»‘]")


class StopMarks:
    """Where the quotation marks, the other stops and the full stops of one text are, found in
    one pass: whether a stretch holds a stop (:meth:`stop_in`) is then asked without reading
    it, unless it holds a full stop and nothing else that ends a sentence."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.marks = [m.start() for m in _MARK.finditer(text)]
        self.dots = [m.start() for m in re.finditer(r"\.", text)]

    def stop_in(self, start: int, end: int) -> bool:
        """Whether ``STOP.search(mask_abbreviations(text[start:end]))`` finds one. Masking
        changes full stops only: a mark in the stretch is a stop; with no full stop either, there
        is none; else the stretch is masked and searched."""
        k = bisect_left(self.marks, start)
        if k < len(self.marks) and self.marks[k] < end:
            return True
        k = bisect_left(self.dots, start)
        if k == len(self.dots) or self.dots[k] >= end:
            return False
        return STOP.search(mask_abbreviations(self.text[start:end])) is not None
