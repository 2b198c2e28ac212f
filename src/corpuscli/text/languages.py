"""The language of each article, and what a language brings: its stopwords and its stemmer.

Detection reads the first :data:`SAMPLE_CHARS` characters of a text. An article whose first
words (400 characters, else 1,000) are 6% or more English marker words
(``data/language_markers_en.txt``: "the", "and", "that" ...) is English at once; any other goes
to py3langid (a maintained fork of langid.py
that ships its model: 97 languages, ISO 639-1 codes). A text with fewer than
:data:`MIN_WORDS` words has no language (None).

``--lang auto`` counts each article with the stopwords and the Snowball stemmer of its own
language (:class:`ArticleLanguages`); an article of a language without them, or of none,
is counted as the ``fallback`` language (English) says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from corpuscli.errors import TemporarySpaceError
from corpuscli.text.language_names import snowball_name

if TYPE_CHECKING:
    import pandas as pd

#: Characters read from the start of each text to tell its language.
SAMPLE_CHARS = 1000
#: Fewer words than this (in the sample) and a text has no language.
MIN_WORDS = 3
#: Share of English marker words from which a text is English without the detector.
ENGLISH_SHARE = 0.06
#: At least this many words before the English shortcut is trusted.
ENGLISH_MIN_WORDS = 20
#: The English shortcut reads this many characters first, then :data:`SAMPLE_CHARS`.
_ENGLISH_SAMPLES = (400, SAMPLE_CHARS)

_ASCII_WORD = re.compile(r"[a-z]+")
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _markers() -> frozenset[str]:
    data = resources.files("corpuscli").joinpath("data/language_markers_en.txt")
    return frozenset(
        line.strip()
        for line in data.read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )


@cache
def _identifier() -> Any:
    """py3langid's identifier, its model loaded once per process (about a second)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    try:  # py3langid inflates its model into a temporary file first
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    except OSError as exc:
        raise TemporarySpaceError("the language detector's model", exc) from exc


def detect_language(text: object) -> str | None:
    """The ISO 639-1 code of ``text``'s language (see the module docstring), or None."""
    if not isinstance(text, str):
        return None
    for size in _ENGLISH_SAMPLES:  # most English articles tell at once; the rest read on
        words = _ASCII_WORD.findall(text[:size].lower())
        markers = sum(map(_markers().__contains__, words))
        if len(words) >= ENGLISH_MIN_WORDS and markers >= ENGLISH_SHARE * len(words):
            return "en"
    sample = text[:SAMPLE_CHARS]
    if len(_WORD.findall(sample)) < MIN_WORDS:
        return None
    code = _identifier().classify(sample)[0]
    return None if code == "zxx" else code  # zxx: no linguistic content


def detect_languages(texts: Iterable[object]) -> list[str | None]:
    """:func:`detect_language` of each text."""
    return [detect_language(text) for text in texts]


#: The column that holds each article's language.
COLUMN = "lang"


def language_column(frame: pd.DataFrame, detected: list[str | None] | None = None) -> pd.Series:
    """Each article's language (ISO 639-1 code, NA when too short to tell) as a string Series:
    the input's own ``lang`` column where it has a value, else ``detected`` (by default
    :func:`detect_languages` of the texts)."""
    import pandas as pd

    if detected is None:
        detected = detect_languages(frame["text"])
    found = pd.Series(detected, index=frame.index, dtype="string")
    if COLUMN in frame.columns:
        given = frame[COLUMN].astype("string")
        return given.where(given.notna() & (given.str.strip() != ""), found)
    return found


@dataclass(frozen=True)
class ArticleLanguages:
    """``--lang auto``: each article counted with its own language's stopwords (when
    ``stopwords``) and Snowball stemmer (when ``stem``). An article too short to tell is taken
    to be in the ``fallback`` language; one in a language without a stopword list or a stemmer
    keeps every word, or is not stemmed."""

    stopwords: bool = True
    stem: bool = False
    fallback: str = "en"

    def language(self, code: str | None) -> str:
        """The language an article of detected language ``code`` is counted in."""
        return code if code is not None else self.fallback

    def stopword_list(self, code: str) -> frozenset[str]:
        """The stopwords of an article in language ``code`` (see :meth:`language`)."""
        from corpuscli.text.stopwords import has_list, language_stopwords

        return language_stopwords(code) if self.stopwords and has_list(code) else frozenset()

    def stemmer(self, code: str) -> str | None:
        """The Snowball stemmer of an article in language ``code``, or None."""
        return snowball_name(code) if self.stem else None
