"""The shapes of a block the boilerplate rules judge by: is it a sentence, a headline, a label
and a colon before a headline, a line in capitals, a list of names, a duration.

All regular expressions here are linear (no nested quantifiers over the same characters)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .evidence import SENTENCE_END, WORD
from .vocabulary import fold, plain_folded, words_in

#: "Label: rest" — a label of letters (and spaces, dots, ampersands, apostrophes, hyphens) of at
#: most 40 characters before a colon, maybe inside a bracket: "( Also on POLITICO: …)".
_LABEL = re.compile(r"^[(\[]?\s*(?P<label>[^\W\d_][^\W\d_ .&'’-]*(?:[ .&'’-]+[^\W\d_]+){0,5})"
                    r"\s*:(?P<space>\s*)(?P<rest>\S.*)$")  # fmt: skip
#: A character of a script written without spaces (Japanese kana, CJK ideographs).
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: A duration at the end of a block ("… 0:17", "01:24", "1:02:33)").
DURATION_END = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?\)?$")
#: A duration anywhere (a widget's clip length).
DURATION = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])")
#: A name's part: "Jean-Luc", "O’Brien", "McElwee", "J.", "Jr.", "III".
_NAME_PART = re.compile(
    r"(?:[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*|[A-Z][a-z]?[A-Z][a-z]+|[A-Z]\.(?:[A-Z]\.)?"
    r"|Jr\.?|Sr\.?|II|III|IV|[A-Z]{2,}(?:-[A-Z]{2,})?)$"
)
_NAME_PARTICLE = frozenset(["de", "van", "von", "der", "den", "al", "el", "bin", "la", "le", "da",
                            "di", "du", "del", "dos", "ibn", "st."])  # fmt: skip
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
_SUFFIX = re.compile(r"^(?:Jr\.?|Sr\.?|II|III|IV)$")
_INITIAL = re.compile(r"^[A-Z]\.(?:[A-Z]\.)?$")
_BARE_INITIAL = re.compile(r"^[A-Z]$")
_HANDLE = re.compile(r"(?<![\w.])@\w{2,}")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
#: "— Name (@handle) Month D, YYYY": the attribution line of an embedded tweet.
TWEET_ATTRIBUTION = re.compile(
    r"[—–-]\s*[^—–()]{1,80}\(@\w+\)\s*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})"
)


@dataclass(slots=True)
class Shape:
    """What the rules need to know of one block, found once."""

    text: str
    words: list[str]  # lower-cased, ’ folded to '
    wordset: frozenset[str]
    n: int  # number of words (a CJK character counting as half a word: no spaces in those scripts)
    sentence_end: bool
    function_share: float  # share of words that are stopwords
    #: the lower-cased text with ’ as ', when curly quotes and dashes are its only characters
    #: beyond ASCII (for :meth:`.vocabulary.Lexicon.search`), else None
    plain: str | None
    #: its words among the key words of the vocabularies (all of them when none are given):
    #: what a vocabulary's search needs, a set of a few words at most on most blocks
    keyed: frozenset[str]

    @property
    def sentence_like(self) -> bool:
        """A sentence of prose: ends like one, has a few words and function words among them."""
        return self.sentence_end and self.n >= 6 and self.function_share >= 0.2


def shape_of(text: str, stopwords: frozenset[str], keys: frozenset[str] | None = None) -> Shape:
    """The shape of a block; ``keys``: the key words of the vocabularies it will be searched
    for (see :attr:`Shape.keyed`)."""
    folded = fold(text)
    words = words_in(folded)
    n = len(words)
    share = sum(map(stopwords.__contains__, words)) / n if n else 0.0
    plain = plain_folded(folded)
    if plain is None:  # maybe CJK (a line with no other sign beyond ASCII than curly quotes,
        # dashes and ellipses has none): count its characters
        n += len(CJK.findall(text)) // 2
    wordset = frozenset(words)
    keyed = wordset if keys is None else wordset & keys
    return Shape(text, words, wordset, n, ends_sentence(text), share, plain, keyed)


#: What may close a sentence after its stop (:data:`SENTENCE_END`'s closing marks).
_CLOSERS = "\"'”’)」』"
_STOPS = frozenset(".!?…。！？")


def ends_sentence(text: str) -> bool:
    """Whether :data:`SENTENCE_END` finds a sentence's end in ``text``, read from its end (the
    pattern scans the whole block for it)."""
    if text.endswith("\n"):  # "$" matches before a last newline too: the pattern knows
        return SENTENCE_END.search(text) is not None
    return text.rstrip(_CLOSERS)[-1:] in _STOPS


def headline_shaped(text: str) -> bool:
    """A headline rather than a sentence: 1 to 25 words, not closed by a full stop (a question
    or exclamation mark, quotes and brackets may close it)."""
    stripped = text.strip().rstrip(")]").rstrip()
    n = len(WORD.findall(stripped))
    if not 1 <= n <= 25:
        return False
    return not re.search(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])\.['\"’”]*$", stripped)


@dataclass(frozen=True)
class Labelled:
    """A block of the shape "Label: rest"."""

    label: str
    rest: str
    spaced: bool  # a space after the colon
    bracketed: bool  # the whole block inside brackets: "( Also on X: …)"


def label_split(text: str) -> Labelled | None:
    """ "Label: rest" with a label of one to six words (no digits: "10:55" is a time, not a
    label), or None."""
    if ":" not in text[:48]:
        return None
    m = _LABEL.match(text)
    if m is None:
        return None
    rest = m.group("rest")
    bracketed = text[0] in "([" and text.rstrip()[-1:] in ")]"
    if bracketed:
        rest = rest.rstrip().rstrip(")]").rstrip()
    if rest[:1].isdigit() and not m.group("space"):
        return None  # "Tuesday:10 a.m." — not a label
    return Labelled(m.group("label").strip(), rest, bool(m.group("space")), bracketed)


def caps_share(text: str) -> float:
    """Share of upper-case letters among the letters of ``text``."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if c.isupper()) / len(letters)


def caps_prefix(text: str) -> str | None:
    """The words in capitals a block opens with, when there are two or more (or one of four
    letters or more) and the block goes on in lower case ("JUST WATCHED Trump releases robocall …"
    -> "JUST WATCHED", "CLOSE West coast wineries …" -> "CLOSE")."""
    tokens = text.split()
    k = 0
    while k < len(tokens) and len(tokens[k]) > 1 and tokens[k].isupper() and tokens[k].isalpha():
        k += 1
    if k == 0 or (k == 1 and len(tokens[0]) < 4) or k == len(tokens) or tokens[k].isupper():
        return None
    return " ".join(tokens[:k])


def name_groups(text: str) -> list[list[str]] | None:
    """The names in a block that is nothing but names ("Yousef Al-Helou, Ilana Conway and John
    Bacon", "By David Jackson", "Ruben Navarrette Jr.", "—Natalie Andrews"): each of two to four name parts, with
    particles ("de", "van") allowed inside; None when the block is anything else."""
    body = text.strip()
    if (
        body.endswith(".")
        and not _SUFFIX.match(body.split()[-1])
        and not _INITIAL.match(body.split()[-1])
    ):
        return None  # "Poor John Boehner." is a sentence
    body = body.rstrip(".").lstrip("—–―- ")  # a signature's dash: "—Natalie Andrews"
    if body[:3].lower() == "by ":
        body = body[3:]
    if not body or len(body) > 160:
        return None
    groups = []
    for chunk in _NAME_SPLIT.split(body):
        if not chunk:
            continue
        parts = chunk.split()
        if not 2 <= len(parts) <= 5:
            return None
        names = [p for p in parts if p.lower() not in _NAME_PARTICLE]
        if not names or not parts[0][0].isupper():
            return None
        if not all(
            _NAME_PART.match(p) or (0 < k < len(names) - 1 and _BARE_INITIAL.match(p))
            for k, p in enumerate(names)
        ):
            return None  # a middle initial may lack its dot: "John C Moritz"
        groups.append(parts)
    return groups or None


def strong_name(parts: list[str]) -> bool:
    """A name no heading would have: a middle initial or a suffix ("David A. Andelman", "Ruben
    Navarrette Jr.")."""
    return any(_SUFFIX.match(p) or _INITIAL.match(p) for p in parts[1:])


def leading_name(text: str) -> str | None:
    """The name a block opens with, when it is followed by a verb phrase ("Sean McElwee is a
    research associate …" -> "Sean McElwee"): two to four capitalised parts."""
    tokens = text.split()
    k = 0
    while k < min(len(tokens), 5) and (
        _NAME_PART.match(tokens[k].rstrip(",")) or tokens[k].lower() in _NAME_PARTICLE
    ):
        k += 1
        if tokens[k - 1].endswith(","):
            break
    if not 2 <= k <= 4:
        return None
    return " ".join(t.rstrip(",") for t in tokens[:k])


def has_handle(text: str) -> bool:
    return bool(_HANDLE.search(text))


def has_email(text: str) -> bool:
    return "@" in text and bool(_EMAIL.search(text))
