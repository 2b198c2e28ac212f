"""Token settings as people give them (``--stopwords en``, ``--ngram 1-3``): a light
:class:`Tokens` that the command line builds before any heavy import, turned into the
counting engine's :class:`~corpuscli.engine.term_counts.TermOptions` when the work starts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from corpuscli.engine.term_counts import TermOptions


def parse_ngram(value: str | int | tuple[int, int]) -> tuple[int, int]:
    """``2`` -> (2, 2); ``"1-3"`` -> (1, 3); sizes from 1 to 5."""
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
    if not 1 <= low <= high <= 5:
        raise UsageError(f"--ngram {value} is out of range", hint="n-gram sizes go from 1 to 5")
    return low, high


def check_pattern(pattern: str | None) -> str | None:
    """A token regex that compiles and cannot match the empty string (else a UsageError)."""
    import re

    from corpuscli.errors import UsageError

    if pattern is None:
        return None
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise UsageError(
            f"the --pattern regex does not compile: {exc}", hint="check the regex"
        ) from None
    if compiled.match(""):
        raise UsageError("the --pattern regex matches the empty string", hint="use + rather than *")
    return pattern


@dataclass(frozen=True)
class Tokens:
    """What counts as a token, as a user gives it: fold case (``lower``), the ``stopwords`` list
    (``en``, ``none``, ``nltk`` or a file), Snowball ``stem`` in ``lang``, a token ``pattern``,
    ``keep_numbers``. The same defaults as the commands' token options."""

    lower: bool = True
    stopwords: str = "en"
    stem: bool = False
    lang: str = "en"
    pattern: str | None = None
    keep_numbers: bool = False

    def options(self, ngram: str | int | tuple[int, int] = 1) -> TermOptions:
        """The :class:`TermOptions` for n-grams of ``ngram`` (``2``, ``"1-3"``)."""
        from corpuscli.engine.term_counts import TermOptions
        from corpuscli.text.stopwords import language_name, load_stopwords

        return TermOptions(
            lower=self.lower,
            stopwords=load_stopwords(self.stopwords, self.lang),
            stem=language_name(self.lang) if self.stem else None,
            ngram=parse_ngram(ngram),
            pattern=check_pattern(self.pattern),
            keep_numbers=self.keep_numbers,
        )
