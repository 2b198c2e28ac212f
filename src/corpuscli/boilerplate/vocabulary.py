"""The vocabularies the boilerplate rules use, read from data/boilerplate/*.txt (see the README
there): each a :class:`Lexicon` of phrases, matched on word boundaries, case-insensitively.

A block's words are found once (:func:`words_of`); a lexicon runs its regular expression only on
blocks that hold the longest word of one of its phrases (the rarest, as a rule: "shared" rather
than "a" in "a post shared by"), so that a vocabulary of a hundred phrases costs a set
intersection on most blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from corpuscli.data_files import data_lines

from .evidence import WORD

#: "…" in a phrase: one to four words (and what separates them) in the text.
_GAP = r"(?:[\w'’.&@-]+[\s,]+){0,3}[\w'’.&@-]+"


#: :data:`WORD` where no letter is beyond ASCII: in a lower-cased text, the letters are a-z.
_ASCII_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")
#: A letter beyond ASCII (what :data:`WORD` takes as a letter: a word character, not a digit
#: nor an underscore).
_WIDE_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")


def fold(text: str) -> str:
    """``text`` lower-cased, with ’ folded to ' (as the vocabularies are written)."""
    return text.lower().replace("’", "'")


def words_of(text: str) -> list[str]:
    """The words of ``text``, lower-cased, with ’ folded to ' (as the vocabularies are written)."""
    return words_in(fold(text))


def words_in(folded: str) -> list[str]:
    """The words of a text :func:`fold` gave.

    Most blocks of English news have no letter beyond ASCII (their curly quotes and dashes are
    no letters): their words are what is left of their ASCII letters, apostrophes and hyphens by
    one bytes translation, split on spaces, where each apostrophe and hyphen is inside a word
    (most blocks), and else found by a pattern of ASCII letters (twice as fast as
    :data:`WORD`'s Unicode classes): the same words both ways (tested)."""
    if folded.isascii():
        data = folded.encode("ascii")
    elif _WIDE_LETTER.search(folded) is None:
        # no letter beyond ASCII: each other character beyond it only parts words; its UTF-8
        # bytes are all beyond ASCII, so the translation makes each a space (no error handler
        # per character, as encoding to ASCII with "replace" runs)
        data = folded.encode("utf-8")
    else:
        return WORD.findall(folded)
    # the letters, apostrophes and hyphens alone: where every apostrophe and hyphen is inside a
    # word (between two letters), the words are what splitting on spaces leaves
    kept = data.translate(_WORD_BYTES).decode("ascii")
    if "'" not in kept and "-" not in kept:
        return kept.split()
    probe = f" {kept} ".replace("'", "-")
    if "--" in probe or " -" in probe or "- " in probe:
        return _ASCII_WORD.findall(folded)
    return kept.split()


#: Each byte of an ASCII text as :func:`words_in` reads it: a letter a-z, an apostrophe or a
#: hyphen kept, any other byte a space (a bytes translation: ten times faster than a pattern).
_WORD_BYTES = bytes(c if 0x61 <= c <= 0x7A or c in (0x27, 0x2D) else 0x20 for c in range(256))


#: The signs beyond ASCII that most English news lines hold: none changes with case, nor matches
#: any other character regardless of case.
_WIDE_MARKS = ("“", "”", "‘", "—", "–", "…")


def plain_folded(folded: str) -> str | None:
    """``folded`` (a text :func:`fold` gave) when its only characters beyond ASCII are curly
    quotes, dashes and ellipses, else None. In such a text, a phrase of a :class:`Lexicon` (matched
    regardless of case) can be found only where each of its words is a substring of ``folded``:
    see :meth:`Lexicon.search`."""
    if folded.isascii():
        return folded
    rest = folded
    for mark in _WIDE_MARKS:
        rest = rest.replace(mark, "")
    return folded if rest.isascii() else None


@dataclass(frozen=True)
class Lexicon:
    """Phrases of one vocabulary: ``search`` finds the first in a text, ``start`` the one a text
    opens with. ``first`` holds the words that start the phrases, ``keys`` the longest word of
    each (a text without any of these cannot match)."""

    name: str
    phrases: tuple[str, ...]
    first: frozenset[str]
    keys: frozenset[str]
    pattern: re.Pattern[str]
    #: key word -> the pattern of the phrases holding it (a short alternation is a fast search)
    by_key: dict[str, re.Pattern[str]]
    #: key word -> the literal words of each phrase holding it (the gaps left out)
    literals: dict[str, tuple[tuple[str, ...], ...]]
    #: key word -> the runs of words of each phrase holding it, one space between the words (a
    #: phrase's parts between its gaps): in a text whose only spaces are single spaces, each is
    #: a substring wherever the phrase matches
    runs: dict[str, tuple[tuple[str, ...], ...]]

    def search(
        self, text: str, words: frozenset[str] | set[str], plain: str | None = None
    ) -> re.Match[str] | None:
        """The first phrase in ``text`` (whose lower-cased words are ``words``), or None.
        ``plain``: :func:`plain_folded` of ``text``, when it has it: the patterns run only for
        the keys one of whose phrases has each of its words in it (the same result, found
        without a search on most blocks that hold a common key word such as "more")."""
        if self.keys.isdisjoint(words):
            return None
        found = None
        spaced: bool | None = None  # whether the text's only spaces are single spaces
        for key in self.keys.intersection(words):
            if plain is not None:
                if spaced is None:
                    # printable: no tab nor line break (nor other control); a space beside
                    # another is the only way left for a run of spaces
                    spaced = "  " not in plain and plain.isprintable()
                if not _any_phrase_in(plain, self.runs[key] if spaced else self.literals[key]):
                    continue
            m = self.by_key[key].search(text)
            if m is not None and (
                found is None or (m.start(), found.end(), key) < (found.start(), m.end(), "")
            ):
                found = m  # the leftmost; of two there, the longest (then by key: deterministic)
        return found

    def start(self, text: str, words: list[str]) -> re.Match[str] | None:
        """The phrase ``text`` starts with (after an opening bracket or quote), or None."""
        if not words or words[0] not in self.first:
            return None
        return self.pattern.match(text.lstrip("([\"'“‘•⦁·*-–— "))


def _phrase_regex(phrase: str) -> str:
    parts = []
    for token in phrase.split():
        if token == "…":
            parts.append(_GAP)
        else:
            parts.append(re.escape(token).replace("’", "'").replace("'", "['’]"))
    return r"\s+".join(parts)


def compile_lexicon(name: str, lines: list[str]) -> Lexicon:
    """A lexicon of the given phrase lines (comments and blanks skipped)."""
    phrases = tuple(
        dict.fromkeys(
            line.strip().lower().replace("’", "'")
            for line in lines
            if line.strip() and not line.lstrip().startswith("#")
        )
    )
    first: set[str] = set()
    grouped: dict[str, list[str]] = {}
    for phrase in phrases:
        head = words_of(phrase.split()[0])
        if not head:
            raise ValueError(
                f"boilerplate vocabulary {name}: {phrase!r} does not start with a word"
            )
        first.add(head[0])
        grouped.setdefault(max(words_of(phrase), key=len), []).append(phrase)
    by_key = {key: _alternation(group) for key, group in grouped.items()}
    literals = {
        key: tuple(tuple(word for word in phrase.split() if word != "…") for phrase in group)
        for key, group in grouped.items()
    }
    runs = {key: tuple(_runs_of(phrase) for phrase in group) for key, group in grouped.items()}
    return Lexicon(
        name, phrases, frozenset(first), frozenset(grouped), _alternation(list(phrases)), by_key,
        literals, runs,
    )  # fmt: skip


def _runs_of(phrase: str) -> tuple[str, ...]:
    """The runs of words of a phrase between its gaps ("read … more" -> "read", "more"), one
    space between the words of a run (the pattern's ``\\s+``)."""
    runs: list[list[str]] = [[]]
    for word in phrase.split():
        if word == "…":
            runs.append([])
        else:
            runs[-1].append(word)
    return tuple(" ".join(run) for run in runs if run)


def _any_phrase_in(plain: str, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether each part of one of ``phrases`` is a substring of ``plain`` (loops: faster than
    generators on the few phrases of a key)."""
    for phrase in phrases:
        for part in phrase:
            if part not in plain:
                break
        else:
            return True
    return False


def _alternation(phrases: list[str]) -> re.Pattern[str]:
    # longest first, so that "read more" wins over "read"
    alternatives = "|".join(_phrase_regex(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’])(?:{alternatives})(?![\w'’])", re.I)


#: The kinds of file data/boilerplate/MANIFEST names: vocabularies of phrases (each compiled
#: into a :class:`Lexicon`), sets of single words, signs (not words) and line closers.
KINDS = ("phrases", "words", "signs", "closers")


@cache
def kinds() -> dict[str, str]:
    """Each vocabulary of data/boilerplate/ (its file name without ``.txt``) and its kind, as
    data/boilerplate/MANIFEST lists them, so that what a file is is said once, beside the files
    (a test checks every ``.txt`` file there is listed)."""
    found: dict[str, str] = {}
    for line in data_lines("boilerplate/MANIFEST"):
        name, kind = line.split()
        if kind not in KINDS:
            raise ValueError(f"boilerplate MANIFEST: {name} is of no known kind ({kind!r})")
        found[name] = kind
    return found


def vocabularies(kind: str = "phrases") -> tuple[str, ...]:
    """The names of the vocabularies of the given kind (:data:`KINDS`), sorted."""
    return tuple(sorted(name for name, of in kinds().items() if of == kind))


@cache
def lexicon(name: str) -> Lexicon:
    """The vocabulary data/boilerplate/``name``.txt, compiled once per process; a ValueError
    when the MANIFEST does not list it as a vocabulary of phrases."""
    if kinds().get(name) != "phrases":
        raise ValueError(f"boilerplate vocabulary {name}: not a vocabulary of phrases (MANIFEST)")
    return compile_lexicon(name, data_lines(f"boilerplate/{name}.txt"))


@cache
def key_words(names: tuple[str, ...]) -> frozenset[str]:
    """The key words of the named vocabularies together: a text's words among them are all that
    :meth:`Lexicon.search` of any of them looks at."""
    return frozenset().union(*(lexicon(name).keys for name in names))


def entries(name: str, kind: str) -> tuple[str, ...]:
    """The entries of data/boilerplate/``name``.txt (its lines, stripped, without blank lines and
    comments), read only as the ``kind`` the MANIFEST gives it: a ValueError otherwise, so that a
    file is never read as what it is not."""
    if kinds().get(name) != kind:
        raise ValueError(f"boilerplate vocabulary {name}: not of kind {kind!r} (MANIFEST)")
    return tuple(data_lines(f"boilerplate/{name}.txt"))


@cache
def symbols() -> tuple[str, ...]:
    """Signs that mark a rights line (data/boilerplate/symbols.txt, kind ``signs``)."""
    return entries("symbols", "signs")


@cache
def word_set(name: str) -> frozenset[str]:
    """The words of a vocabulary (data/boilerplate/``name``.txt) as a set, lower-cased; a
    ValueError when the MANIFEST lists it as neither phrases nor words."""
    if kinds().get(name) not in ("phrases", "words"):
        raise ValueError(f"boilerplate vocabulary {name}: not a vocabulary of words (MANIFEST)")
    return frozenset(w for line in data_lines(f"boilerplate/{name}.txt") for w in words_of(line))
