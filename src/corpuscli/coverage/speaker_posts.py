"""Who wrote an embedded post: a quote inside a social-media post that an article embeds is the
post's author's, named by the post's signature at the end of its paragraph ("Oh look, it’s the
sound of me Googling “how to make your own Adobo” https://t.co/… — Alexandria Ocasio-Cortez
(@AOC) July 10, 2020").

The signatures are data (``data/quotes/post_signatures.txt``): a new platform's or outlet's
embed is a new line there. Only quotes nobody was found for take the author.
"""

from __future__ import annotations

import re
from functools import cache

from corpuscli.data_files import data_lines

from .quote_patterns import Quote


@cache
def _signatures() -> tuple[re.Pattern[str], ...]:
    lines = data_lines("quotes/post_signatures.txt", strip=False, indented_comments=False)
    return tuple(re.compile(line) for line in lines)


#: How far after a quote its paragraph's signature is looked for: a post is short.
_REACH = 600


def resolve_posts(text: str, quotes: list[Quote]) -> None:
    """Give each quote without a speaker that ends inside an embedded post the post's author,
    as named speaker (see the module docstring)."""
    for q in quotes:
        if q.speaker or "(@" not in text[q.end : q.end + _REACH]:
            continue
        end = text.find("\n", q.end, q.end + _REACH)
        if end < 0:
            end = min(len(text), q.end + _REACH)
        for signature in _signatures():
            m = signature.search(text, q.end, end)
            if m is not None:
                name = m.group("name").strip()
                q.speaker, q.speaker_text, q.speaker_source = name, name, "named"
                break
