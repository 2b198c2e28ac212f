"""Short quotes that are not statements of their own, for the alignment of `corpus diff`.

Two kinds of short quote look like a fragment of a longer statement on the other side, and are
not one:

- a **term**: a quote of a few words right after "so-called", "known as", "dubbed" ("what's known
  as the “nuclear option”"): a name for a thing that many people use, which the other outlet
  writes too, inside someone else's words;
- a **citation**: a speaker quoting someone else's words inside their own quote ("the war in
  Afghanistan was not ‘a war of Obama's choosing’"): the short quote on the other side is the
  first speaker's remark, and the longer one is the reply that cites it.

The words that introduce a term are listed in ``data/quoted_terms.toml``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .quotes import Quote

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
#: A quotation inside a quote: an opening mark after a space or the start, and the first closing
#: mark that a space, a punctuation mark or the end follows (so "Obama’s" does not close it).
_INNER = re.compile(
    r"(?:^|(?<=[\s(\[—-]))[‘“\"'](?P<inner>[^\n]{2,300}?)[’”\"'](?=[\s.,;:!?)\]—-]|$)"
)
#: The opening marks a quote may have before its text (and an article after a marker).
_OPENING = re.compile(r"[\s‘“\"'(]*$")


@dataclass(frozen=True)
class _Terms:
    markers: re.Pattern[str]
    max_words: int


@lru_cache(maxsize=1)
def _terms() -> _Terms:
    data = tomllib.loads(
        resources.files("corpuscli").joinpath("data/quoted_terms.toml").read_text("utf-8")
    )
    words = sorted(set(data["markers"]), key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    pattern = re.compile(rf"(?:^|\W)(?:{alternation})(?:\s+(?:the|a|an))?[\s‘“\"'(]*$", re.I)
    return _Terms(pattern, int(data["max_words"]))


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, with curly apostrophes made straight."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def is_term(q: Quote, text: str) -> bool:
    """Whether quote ``q`` of ``text`` is a term: a quote (not reported speech) of a few words
    right after a word that introduces a term ("known as the", "so-called")."""
    if q.kind not in ("partial", "direct") or len(words(q.text)) > _terms().max_words:
        return False
    before = text[max(0, q.start - 40) : q.start]
    return bool(_terms().markers.search(before))


def cites(longer: Quote, shorter: Quote) -> bool:
    """Whether quote ``longer`` cites the words of ``shorter`` in quotation marks of its own
    (a speaker quoting someone else): every word of ``shorter`` is in one quotation inside
    ``longer``, and ``shorter`` is not the whole of ``longer``."""
    if longer.kind not in ("partial", "direct"):
        return False
    short = words(shorter.text)
    if not short or len(short) >= len(words(longer.text)):
        return False
    wanted = set(short)
    return any(wanted <= set(words(m.group("inner"))) for m in _INNER.finditer(longer.text))
