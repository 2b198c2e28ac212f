"""Token settings as people give them (``--stopwords en``, ``--ngram 1-3``): a light
:class:`Tokens` that the command line builds before any heavy import, turned into the
counting engine's :class:`~corpuscli.engine.term_counts.TermOptions` when the work starts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from corpuscli.engine.counting import TermOptions


#: The longest n-gram counted. The counting engine packs an n-gram's word ids into one 64-bit
#: key, 21 bits a word (``corpuscli.engine.counting.GLOBAL_BITS``: two million distinct words):
#: three words fill 63 bits, and a fourth would overflow the key (it did: ``--ngram 4`` failed
#: with an IndexError). Longer n-grams need wider keys; until then they are refused.
MAX_NGRAM = 3


def parse_ngram(value: str | int | tuple[int, int]) -> tuple[int, int]:
    """``2`` -> (2, 2); ``"1-3"`` -> (1, 3); sizes from 1 to :data:`MAX_NGRAM`."""
    import re

    from corpuscli.errors import UsageError

    if isinstance(value, tuple):
        low, high = value
    elif isinstance(value, int):
        low = high = value
    else:
        m = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?", value)
        if not m:
            raise UsageError(f"cannot read --ngram {value!r}", hint="give N or N-M, e.g. 2 or 1-3")
        low = int(m.group(1))
        high = int(m.group(2) or low)
    if not 1 <= low <= high <= MAX_NGRAM:
        raise UsageError(
            f"--ngram {value} is out of range",
            hint=f"n-gram sizes go from 1 to {MAX_NGRAM} (e.g. 2 or 1-{MAX_NGRAM})",
        )
    return low, high


def check_pattern(pattern: str | None) -> str | None:
    """A token regex that compiles and cannot match the empty string (else a UsageError)."""
    from corpuscli.errors import UsageError

    if pattern is None:
        return None
    from corpuscli.text.regex import UserRegex

    if UserRegex(pattern, option="--pattern").matches_empty():
        raise UsageError("the --pattern regex matches the empty string", hint="use + rather than *")
    return pattern


@dataclass(frozen=True)
class Tokens:
    """What counts as a token, as a user gives it: fold case (``lower``), the ``stopwords`` list
    (``lang``: the list of ``lang``'s language; a language code; ``none``; or a file), Snowball
    ``stem`` in ``lang`` (``auto``: each article's own language), a token ``pattern``,
    ``keep_numbers``. The same defaults as the commands' token options."""

    lower: bool = True
    stopwords: str = "lang"
    stem: bool = False
    lang: str = "en"
    pattern: str | None = None
    keep_numbers: bool = False

    def options(self, ngram: str | int | tuple[int, int] = 1) -> TermOptions:
        """The :class:`TermOptions` for n-grams of ``ngram`` (``2``, ``"1-3"``)."""
        from corpuscli.engine.counting import TermOptions
        from corpuscli.text.language_names import language_code, snowball_name
        from corpuscli.text.languages import ArticleLanguages
        from corpuscli.text.stopwords import BY_LANG, load_stopwords

        lang = language_code(self.lang)
        languages = None
        stem_name = None
        if lang == "auto":
            languages = ArticleLanguages(stopwords=self.stopwords in BY_LANG, stem=self.stem)
        elif self.stem:
            stem_name = snowball_name(lang, required=True)
        return TermOptions(
            lower=self.lower,
            stopwords=load_stopwords(self.stopwords, lang),
            stem=stem_name,
            ngram=parse_ngram(ngram),
            pattern=check_pattern(self.pattern),
            keep_numbers=self.keep_numbers,
            languages=languages,
        )
