"""A quoted passage's source line goes with its passage.

Roundups and op-eds print excerpts of other writers, each followed by a line naming its source:
"Nick Wadhams, Bloomberg", "Editorial Board, Wall Street Journal", "— Carl Sandburg". Alone, such
a line looks like a byline (names only) or, when the outlet prints it often, like a repeated
line; but it belongs to the quotation above it. So once every rule has spoken, a source line
right after a block that is a quotation takes that block's verdict: removed with one that is
furniture (an excerpt of another page repeated across the outlet's articles, a pull quote), kept
with a quotation the story makes when the article prints two such pairs or more (a roundup of
excerpts; a lone "Name, Outlet" after a story's closing quote may be its credit).

A source line: at most ten words, not closed by a full stop, a name (every word capitalised, but
small words such as "of" and "the") after a dash, or a name, a comma and an outlet ("Name,
Outlet"). A quotation: a block that opens with a quotation mark or closes with one (or with an
ellipsis)."""

from __future__ import annotations

from functools import cache

from corpuscli.text.blocks import Block

from .evidence import STRONG, Verdict
from .vocabulary import entries

#: How a quotation's source line may open: a dash.
_DASHES = ("—", "–", "--", "-", "―")
_OPENERS = ("“", '"', "‘")
_CLOSERS = ("”", '"', "’", "…", "...", "”)", '")')
_MOST_WORDS = 10


@cache
def name_words() -> frozenset[str]:
    """Words a source's name may hold in lower case ("Editorial Board, The Wall Street Journal of
    …"): data/boilerplate/source_name_words.txt, signs such as "&" kept as written."""
    return frozenset(entries("source_name_words", "words"))


def source_line(text: str) -> bool:
    """Whether ``text`` is the shape of a quotation's source ("Nick Wadhams, Bloomberg", "— Carl
    Sandburg", "Editorial Board, Wall Street Journal")."""
    body = text.strip()
    dashed = body.startswith(_DASHES)
    body = body.lstrip("—–―- ").rstrip()
    if not body or body.endswith((".", "!", "?", ":", ";")) or (not dashed and ", " not in body):
        return False
    if body.isupper():
        return False  # "RUBIO LEANS TOWARDS A RUN, GOP INSIDERS SAY": a headline in capitals
    words = body.replace(",", " ").split()
    if not 1 <= len(words) <= _MOST_WORDS or not words[0][:1].isupper():
        return False
    small = name_words()
    return all(w[:1].isupper() or w[:1].isdigit() or w in small for w in words)


def quotation(text: str) -> bool:
    """Whether ``text`` is a quoted passage: it opens or closes with a quotation mark."""
    body = text.strip()
    return body.startswith(_OPENERS) or body.endswith(_CLOSERS)


def follow_quotations(blocks: list[Block], verdicts: list[Verdict]) -> None:
    """Give each quotation's source line its quotation's verdict (module docstring)."""
    pairs = [
        i
        for i in range(1, len(blocks))
        if len(blocks[i].text) <= 120
        and source_line(blocks[i].text)
        and quotation(blocks[i - 1].text)
    ]
    for i in pairs:
        above, v = verdicts[i - 1], verdicts[i]
        if above.boilerplate and not v.boilerplate:
            v.add(STRONG - v.score, "the source line of a quotation removed above", above.family)
        elif v.boilerplate and not above.boilerplate and len(pairs) >= 2:
            v.add(-v.score, "the source line of the quotation above (the story's)")
