"""How alike two statements are, in the ways that matter for telling one statement reported by two
outlets from two statements on the same topic.

A statement's **content words** are its words less stopwords, stemmed (Snowball, English), with
numbers read as values ("7", "seven" and "five plus two" are one word). Each word is weighted by how
rare it is among the sentences of the two articles compared (an inverse sentence frequency), so
the words of the story itself ("marijuana" in every paragraph) count for little and the words of
one statement ("vendetta", "balcony") for much. From these:

- ``dice``: the weighted Dice overlap of the two sets of content words (rewording, translation);
- ``cover``: the weighted share of the smaller set found in the larger (a short quote inside a
  long one, a sentence of a long quote reported on its own);
- ``run``: the longest run of words the two have in the same order, word for word (a quote
  copied from one wire story to another).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from corpuscli.text.stopwords import load_stopwords

from .numbers import number_words
from .worddiff import tokenize

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english").stem


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return load_stopwords("en")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _stemmer()(word)


def content_words(text: str) -> list[str]:
    """The content words of ``text`` in order: lower-cased, stopwords out, stemmed, numbers as
    values; hyphenated words count as their parts ("Armenia-held" is "armenia" and "held")."""
    stop = _stopwords()
    out = []
    for w in _WORD.findall(number_words(text).lower().replace("’", "'").replace("-", " ")):
        if w in stop or (len(w) < 2 and not w.isdigit()):
            continue
        out.append(w if w.isdigit() else _stem(w.removesuffix("'s")))
    return out


def folded_words(text: str) -> list[str]:
    """All the words of ``text`` as :mod:`worddiff` compares them (a hyphenated word is one):
    what ``run`` compares."""
    return [t.key for t in tokenize(text) if t.key[0].isalnum()]


@dataclass
class Weights:
    """Inverse sentence frequency of content words over the sentences of the articles compared."""

    counts: Counter[str] = field(default_factory=Counter)
    total: int = 0

    @classmethod
    def of(cls, sentences: Iterable[str]) -> Weights:
        counts: Counter[str] = Counter()
        total = 0
        for s in sentences:
            counts.update(set(content_words(s)))
            total += 1
        return cls(counts, total)

    def __call__(self, word: str) -> float:
        return math.log((self.total + 1) / (self.counts.get(word, 0) + 0.5))


@dataclass(frozen=True)
class Similarity:
    """The measures of the module docstring for one pair of statements."""

    dice: float
    cover: float
    run: int
    shared: int
    shared_weight: float

    @property
    def score(self) -> float:
        """One number for ranking: the larger of dice and a cover discounted for size."""
        return max(self.dice, 0.8 * self.cover)


@dataclass
class Profile:
    """A statement's words, computed once for all the pairs it takes part in."""

    content: frozenset[str]
    words: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> Profile:
        return cls(frozenset(content_words(text)), tuple(folded_words(text)))


def compare(x: Profile, y: Profile, weights: Weights) -> Similarity:
    """The measures of the module docstring for two statements."""
    shared = x.content & y.content
    wx = sum(weights(w) for w in x.content)
    wy = sum(weights(w) for w in y.content)
    ws = sum(weights(w) for w in shared)
    dice = 2 * ws / (wx + wy) if wx + wy > 0 else 0.0
    cover = ws / min(wx, wy) if min(wx, wy) > 0 else 0.0
    return Similarity(dice, cover, _longest_run(x.words, y.words), len(shared), ws)


def _longest_run(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    if not a or not b:
        return 0
    import difflib

    m = difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return m.size
