"""Who "the Ealing North MP" is: the person the article titles so ("Labour MP Stephen Pound has
told of his shock … ¶ “…,” said the Ealing North MP").

A definite description whose head is a title written after a name's seat, party or state ("the
Ealing North MP", "the Labour MP", "the Georgia Senator"; the titles of data/quotes/titles.txt)
takes the last person written with that title before their name ("MP Stephen Pound": the title,
then two or three capitalised words) before the quote; with none before, the first one after it
(a speaker introduced later). With nobody titled so, the description stays as written: an
unnamed role is better than a wrong name.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon
from .quote_patterns import Quote

#: "the Ealing North MP": "the", one to three capitalised words, then the title (its last word).
_DESCRIPTION = re.compile(r"[Tt]he[ \t]+(?:[A-Z][\w.'’-]*[ \t]+){1,3}([A-Z][\w.-]*)")


@cache
def _titled_person(title: str) -> re.Pattern[str]:
    """The title written before a person's name of two or three capitalised words."""
    return re.compile(
        rf"(?<![\w'’-]){re.escape(title)}[ \t]+([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){{1,2}})\b"
    )


def resolve_titled(text: str, quotes: list[Quote]) -> None:
    """Give each quote said by a titled description ("the Ealing North MP") the person the
    article titles so (see the module docstring); other quotes are left alone."""
    lex = lexicon()
    for q in quotes:
        if q.speaker_source != "description" or not q.speaker:
            continue
        m = _DESCRIPTION.fullmatch(q.speaker)
        if m is None or m.group(1) not in lex.titles:
            continue
        found = [
            (p.start(1), p.group(1))
            for p in _titled_person(m.group(1)).finditer(text)
            if not any(w in lex.not_names for w in p.group(1).split())
        ]
        before = [f for f in found if f[0] < q.start]
        after = [f for f in found if f[0] >= q.start]
        if before:
            q.speaker = before[-1][1]
        elif after:
            q.speaker = after[0][1]
