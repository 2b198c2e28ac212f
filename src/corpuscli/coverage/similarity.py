"""How alike two statements are, in the ways that matter for telling one statement reported by two
outlets from two statements on the same topic.

A statement's **content words** are its words less stopwords, stemmed (Snowball, English), with
numbers read as values ("7", "seven" and "five plus two" are one word), and the words of a group
of general synonyms ("stay", "remain": ``data/synonyms_en.txt``) as one word. Each word is weighted by how
rare it is among the sentences of the two articles compared (an inverse sentence frequency), so
the words of the story itself ("marijuana" in every paragraph) count for little and the words of
one statement ("vendetta", "balcony") for much. From these:

- ``dice``: the weighted Dice overlap of the two sets of content words (rewording, translation);
- ``cover``: the weighted share of the smaller set found in the larger (a short quote inside a
  long one, a sentence of a long quote reported on its own);
- ``run``: the longest run of words the two have in the same order, word for word (a quote
  copied from one wire story to another);
- ``wording``: how alike the two are word for word, stopwords included (difflib's ratio): "we
  will not do it" and "we will do it" share no content word, but nearly all their words.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from corpuscli.text.stopwords import load_stopwords

from .numbers import find_numbers, number_words
from .synonyms import synonym_groups
from .worddiff import tokenize

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@lru_cache(maxsize=1)
def _stemmer() -> Callable[[str], str]:
    from corpuscli.text.nltk_light import snowball

    stemmer: Callable[[str], str] = snowball("english").stem  # NLTK ships no types
    return stemmer


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return load_stopwords("en")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (English) stem of a lower-case word."""
    return _stemmer()(word)


@lru_cache(maxsize=65536)
def word_key(key: str) -> str:
    """What a token is compared by in a reworded statement: a number's value ("seven" and "7"
    are one), else the stem of the word ("returned" and "return" are one)."""
    numbers = find_numbers(key)
    if len(numbers) == 1 and numbers[0].start == 0 and numbers[0].end == len(key):
        return number_words(key)
    return stem(key.removesuffix("'s")) if key[:1].isalpha() else key


def content_words(text: str) -> list[str]:
    """The content words of ``text`` in order: lower-cased, stopwords out, stemmed, numbers as
    values; hyphenated words count as their parts ("Armenia-held" is "armenia" and "held")."""
    stop = _stopwords()
    out = []
    for w in _WORD.findall(number_words(text).lower().replace("’", "'").replace("-", " ")):
        if w in stop or (len(w) < 2 and not w.isdigit()):
            continue
        out.append(w if w.isdigit() else stem(w.removesuffix("'s")))
    return out


@lru_cache(maxsize=1)
def _senses() -> dict[str, str]:
    out: dict[str, str] = {}
    for group in synonym_groups():
        stems = [stem(w) for w in group]
        for s in stems:
            out.setdefault(s, stems[0])
    return out


def content_senses(text: str) -> list[str]:
    """The content words of ``text`` with the words of a group of synonyms (``synonyms``:
    "stay" and "remain") as one word, the group's first: what statements are compared by."""
    senses = _senses()
    return [senses.get(w, w) for w in content_words(text)]


def folded_words(text: str) -> list[str]:
    """All the words of ``text`` as :mod:`worddiff` compares them (a hyphenated word is one):
    what ``run`` compares."""
    return [t.key for t in tokenize(text) if t.key[0].isalnum()]


@dataclass
class Weights:
    """Inverse sentence frequency of content words over the sentences of the articles compared."""

    counts: Counter[str] = field(default_factory=Counter)
    total: int = 0
    _memo: dict[str, float] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, sentences: Iterable[str]) -> Weights:
        counts: Counter[str] = Counter()
        total = 0
        for s in sentences:
            counts.update(set(content_senses(s)))
            total += 1
        return cls(counts, total)

    def __call__(self, word: str) -> float:
        value = self._memo.get(word)
        if value is None:
            value = math.log((self.total + 1) / (self.counts.get(word, 0) + 0.5))
            self._memo[word] = value
        return value


@dataclass(frozen=True)
class Similarity:
    """The measures of the module docstring for one pair of statements."""

    dice: float
    cover: float
    run: int
    shared: int
    shared_weight: float
    wording: float = 0.0

    @property
    def score(self) -> float:
        """One number for ranking: the larger of dice and a cover discounted for size."""
        return max(self.dice, 0.8 * self.cover)

    @property
    def overlap(self) -> float:
        """How much the two statements' own words overlap: the larger of dice and cover (a short
        quote inside a long one overlaps it wholly)."""
        return max(self.dice, self.cover)


@dataclass
class Profile:
    """A statement's words, computed once for all the pairs it takes part in, and those of each
    of its sentences when it has several."""

    content: frozenset[str]
    words: tuple[str, ...]
    parts: tuple[Profile, ...] = ()

    @classmethod
    def of(cls, text: str) -> Profile:
        pieces = [p for p in _SENTENCE_END.split(text) if len(p.split()) >= 4]
        parts = tuple(cls.of(p) for p in pieces) if len(pieces) > 1 else ()
        return cls(frozenset(content_senses(text)), tuple(folded_words(text)), parts)


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘]?[A-Z])")


def compare(x: Profile, y: Profile, weights: Weights) -> Similarity:
    """The measures of the module docstring for two statements: of the whole statements, or of
    a sentence of one with the other (or a sentence of each), whichever overlap most — a long
    quote may hold the one sentence another outlet reported."""
    best = _compare(x, y, weights)
    for px in x.parts or (x,):
        for py in y.parts or (y,):
            if px is x and py is y:
                continue
            s = _compare(px, py, weights)
            if s.dice > best.dice:
                best = Similarity(s.dice, max(s.cover, best.cover), best.run, max(s.shared, best.shared),
                                  max(s.shared_weight, best.shared_weight), best.wording)  # fmt: skip
    return best


def _compare(x: Profile, y: Profile, weights: Weights) -> Similarity:
    # fsum: exactly rounded, so the result does not depend on the sets' (hash-seeded) order
    shared = x.content & y.content
    wx = math.fsum(weights(w) for w in x.content)
    wy = math.fsum(weights(w) for w in y.content)
    ws = math.fsum(weights(w) for w in shared)
    dice = 2 * ws / (wx + wy) if wx + wy > 0 else 0.0
    cover = ws / min(wx, wy) if min(wx, wy) > 0 else 0.0
    run, wording = _runs(x.words, y.words)
    return Similarity(dice, cover, run, len(shared), ws, wording)


def _runs(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[int, float]:
    """The longest run of words in common, and difflib's ratio of the two word sequences."""
    if not a or not b:
        return 0, 0.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    longest = matcher.find_longest_match(0, len(a), 0, len(b)).size
    return longest, matcher.ratio()
