"""Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar).

corpuscli splits words at spaces and punctuation and ships no word segmenter for these
scripts, so a "term" of such text is the whole run between two punctuation marks: a clause
("7公里的房间内喝下一些伏特加"), not a word. :func:`unsegmented_terms` finds such terms in a
result so that a command can say so rather than present clauses as word counts."""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Han (with the extensions), kana, halfwidth katakana, Thai, Lao, Khmer, Myanmar. Hangul is left
#: out: Korean is written with spaces (a word with its particle is still one word).
UNSPACED_SCRIPTS = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0002ffff"
)
#: Runs this long are longer than almost any word of these scripts (Chinese words are mostly
#: one to three characters, set phrases four): such a term is a stretch of text, not a word.
LONGEST_WORD = 4
_RUN = re.compile(f"[{UNSPACED_SCRIPTS}]{{{LONGEST_WORD + 1},}}")


def unsegmented_terms(terms: Iterable[object]) -> int:
    """How many of ``terms`` hold a run of an unspaced script longer than a word.

    >>> unsegmented_terms(["karabakh", "他说", "7公里的房间内喝下一些伏特加"])
    1
    """
    return sum(1 for term in terms if isinstance(term, str) and _RUN.search(term))


def unsegmented_warning(count: int, shown: int) -> str:
    """The warning for ``count`` such terms among ``shown``."""
    return (
        f"{count} of the {shown} terms are runs of Chinese, Japanese or Thai text between "
        "punctuation (clauses, not words): these scripts are written without spaces and "
        "corpuscli has no word segmenter for them; corpus kwic finds a word inside such runs"
    )
