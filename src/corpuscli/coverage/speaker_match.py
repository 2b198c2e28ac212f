"""Whether two statements' speakers are one person, by the names they share.

"Sen. Arlen Specter" and "Mr. Specter" are one speaker; "Specter" and "Casey" are two; "he", "a
spokesman" or no speaker at all leave it open. Titles ("Sen.", "President") are not names; they
are listed in ``data/speaker_titles.txt``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from corpuscli.data_files import data_lines


@lru_cache(maxsize=1)
def speaker_titles() -> frozenset[str]:
    """The title words of data/speaker_titles.txt, lower-cased."""
    return frozenset(
        line.lower() for line in data_lines("speaker_titles.txt", indented_comments=False)
    )


_NAME_WORD = re.compile(r"\b[A-Z][\w'’.-]*")


def speaker_names(speaker: str | None) -> frozenset[str]:
    """The name words of a speaker, lower-cased, titles and possessives out."""
    if not speaker:
        return frozenset()
    titles = speaker_titles()
    out = set()
    for w in _NAME_WORD.findall(speaker):
        key = w.lower().replace("’", "'").removesuffix("'s").rstrip(".")
        if key not in titles and key.rstrip(".") not in titles and len(key) > 1:
            out.add(key)
    return frozenset(out)


def same_speaker(a: str | None, b: str | None) -> bool | None:
    """Whether two speakers are one person: True when their names share a word ("Sen. Arlen
    Specter", "Mr. Specter"), False when both are named and share none, None when either is a
    pronoun, a description or unknown."""
    na, nb = speaker_names(a), speaker_names(b)
    if not na or not nb:
        return None
    return bool(na & nb)
