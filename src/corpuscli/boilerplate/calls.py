"""Calls to action spread over a block's sentences: a promotion or sign-up whose last sentence
is the call ("Get all the latest news … delivered daily to your inbox. Sign up here.", "Watch
<show> Sundays at 9am ET. For the latest from <show> click here."), and a sign-up form's fine
print, whose words are of two or more families of calls (a newsletter's and the rights' "Email
Sign Up By signing up you agree to receive email newsletters … Privacy Policy and Terms of
Service apply"). The single-block rules see one call in a long block as medium evidence only;
here the block's sentences are what make it a call. The sentences before the call are a
promotion's: short (15 words at most) or questions; a story's sentence before "Click here for
results" keeps the block.

Never a block with a quotation mark (a quoted page: 'The site reads: "Parents, click here …"'),
nor one of more than 80 words or six sentences (abbreviations split a few)."""

from __future__ import annotations

import re

from .shapes import Shape
from .vocabulary import Lexicon, key_words, lexicon, words_of

#: The longest sentence of a promotion before its call: a story's sentence is longer (a
#: question is a promotion's: "Want <newsletter> in your inbox every day?").
_PROMO_WORDS = 15
#: A sentence's end, then the next one's start.
_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[\"“‘'(]?[A-Z0-9])")


def _opens_or_closes(sentence: str, calls: Lexicon) -> bool:
    words = words_of(sentence)
    if calls.start(sentence, words) is not None:
        return True
    tail = sentence.rstrip(".!?”\"' ")[-24:]
    m = calls.pattern.search(tail)
    return m is not None and m.end() == len(tail) and "here" in tail[m.start() :].lower()


def _count(s: Shape, families: tuple[str, ...]) -> int:
    """How many calls the block holds, of every vocabulary."""
    return sum(len(lexicon(name).pattern.findall(s.text)) for name in families)


def spread_call(
    s: Shape, families: tuple[str, ...], family_of: dict[str, str]
) -> tuple[str, str] | None:
    """(reason, family) when the block is a call to action by its sentences, else None;
    ``families``: the vocabularies of calls, in the order tried; ``family_of``: the family a
    vocabulary names when not its own name."""
    if s.n > 80 or s.n < 4 or '"' in s.text or "“" in s.text or "”" in s.text:
        return None
    calls = lexicon("cta_imperatives")
    named = (
        []  # none of the families' key words is the block's (most blocks): none is named
        if key_words(families).isdisjoint(s.keyed)
        else [name for name in families if not lexicon(name).keys.isdisjoint(s.keyed)]
    )
    if calls.keys.isdisjoint(s.keyed) and len({family_of.get(x, x) for x in named}) < 2:
        return None  # neither a call to close it nor a form's calls of two families
    found: dict[str, str] = {}
    for name in named:
        m = lexicon(name).search(s.text, s.keyed, s.plain)
        if m is not None:
            found.setdefault(family_of.get(name, name), m.group(0).lower())
    sentences = _SENTENCES.split(s.text.strip())
    if len(sentences) > 6:
        return None
    if (
        len(sentences) >= 2
        and _opens_or_closes(sentences[-1], calls)
        and all(len(words_of(x)) <= _PROMO_WORDS or x.endswith("?") for x in sentences[:-1])
    ):
        family = next(iter(found), "navigation")
        return f"a promotion closed by a call to action ({sentences[-1][:30].strip()} …)", family
    if len(found) >= 2 and _count(s, families) >= 4:
        words = ", ".join(found.values())
        return f"a sign-up form's calls ({words})", next(iter(found))
    return None
