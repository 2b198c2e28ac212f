"""Options shared by every counting command (terms, collocations, compare), declared once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any

import typer

from corpuscli.errors import UsageError

TOKENS = "Tokens"

LowerOpt = Annotated[
    bool,
    typer.Option(
        "--lower/--keep-case",
        help="Fold case before counting (default) or keep it.",
        rich_help_panel=TOKENS,
    ),
]
StopwordsOpt = Annotated[
    str,
    typer.Option(
        "--stopwords",
        metavar="lang|CODE|none|FILE",
        help="Stopwords to drop: lang (default) the list of --lang's language (per article with "
        "--lang auto; nltk is another name for it), a language code (en, de, fr ...) for that "
        "list, none, or a file of one word per line. The lists ship with corpuscli.",
        rich_help_panel=TOKENS,
    ),
]
StemOpt = Annotated[
    bool,
    typer.Option(
        "--stem", help="Reduce words to their Snowball stem (per --lang).", rich_help_panel=TOKENS
    ),
]
LangOpt = Annotated[
    str,
    typer.Option(
        "--lang",
        metavar="CODE|auto",
        help="Language of the texts (en, de, fr ...; default en) for --stem and the stopwords; "
        "auto detects each article's language and uses its stopwords and stemmer.",
        rich_help_panel=TOKENS,
    ),
]
MinCountOpt = Annotated[
    int,
    typer.Option(
        "--min-count",
        min=1,
        help="Drop terms seen fewer times (per group).",
        rich_help_panel=TOKENS,
    ),
]
MinDocsOpt = Annotated[
    int,
    typer.Option(
        "--min-docs",
        min=1,
        help="Drop terms found in fewer documents (per group).",
        rich_help_panel=TOKENS,
    ),
]
TopOpt = Annotated[
    int,
    typer.Option("--top", "-n", help="How many terms to list (per group).", rich_help_panel=TOKENS),
]
AllOpt = Annotated[
    bool, typer.Option("--all", help="List every term (overrides --top).", rich_help_panel=TOKENS)
]
NgramOpt = Annotated[
    str,
    typer.Option(
        "--ngram",
        metavar="N|N-M",
        help="Word n-grams of size N, or sizes N to M (1-3).",
        rich_help_panel=TOKENS,
    ),
]
PatternOpt = Annotated[
    str | None,
    typer.Option(
        "--pattern",
        metavar="REGEX",
        help="What counts as a token (default: words with inner hyphens and apostrophes, "
        "dotted abbreviations, numbers).",
        rich_help_panel=TOKENS,
    ),
]
KeepNumbersOpt = Annotated[
    bool,
    typer.Option(
        "--keep-numbers",
        help="Count tokens without letters (1994, 30,000).",
        rich_help_panel=TOKENS,
    ),
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", min=1, help="Worker processes (default: all cores).", rich_help_panel=TOKENS
    ),
]


def parse_ngram(value: str) -> tuple[int, int]:
    """``2`` -> (2, 2); ``1-3`` -> (1, 3)."""
    m = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?", value)
    if not m:
        raise UsageError(f"cannot read --ngram {value!r}", hint="give N or N-M, e.g. 2 or 1-3")
    low = int(m.group(1))
    high = int(m.group(2) or low)
    if not 1 <= low <= high <= 5:
        raise UsageError(f"--ngram {value} is out of range", hint="n-gram sizes go from 1 to 5")
    return low, high


def check_pattern(pattern: str | None) -> str | None:
    """``--pattern`` if it compiles and cannot match the empty string."""
    if pattern is None:
        return None
    from corpuscli.text.regex import UserRegex

    if UserRegex(pattern, option="--pattern").matches_empty():
        raise UsageError("the --pattern regex matches the empty string", hint="use + rather than *")
    return pattern


def term_options(
    *,
    lower: bool,
    stopwords: str,
    stem: bool,
    lang: str,
    ngram: str,
    pattern: str | None,
    keep_numbers: bool,
):  # -> TermOptions (imported lazily)
    from corpuscli.engine.term_counts import TermOptions
    from corpuscli.text.languages import ArticleLanguages, language_code, snowball_name
    from corpuscli.text.stopwords import BY_LANG, load_stopwords

    lang = language_code(lang)
    languages = None
    stem_name = None
    if lang == "auto":
        languages = ArticleLanguages(stopwords=stopwords in BY_LANG, stem=stem)
    elif stem:
        stem_name = snowball_name(lang, required=True)
    return TermOptions(
        lower=lower,
        stopwords=load_stopwords(stopwords, lang),
        stem=stem_name,
        ngram=parse_ngram(ngram),
        pattern=check_pattern(pattern),
        keep_numbers=keep_numbers,
        languages=languages,
    )


@dataclass(frozen=True)
class Tokens:
    """What counts as a token, as the shared options say (``@corpus_command(tokens=True)``)."""

    lower: bool = True
    stopwords: str = "lang"
    stem: bool = False
    lang: str = "en"
    pattern: str | None = None
    keep_numbers: bool = False

    def options(self, ngram: str = "1"):  # type: ignore[no-untyped-def]  # -> TermOptions
        """The :class:`~corpuscli.engine.term_counts.TermOptions` for n-grams of ``ngram`` (``2``, ``1-3``)."""
        return term_options(
            lower=self.lower, stopwords=self.stopwords, stem=self.stem, lang=self.lang,
            ngram=ngram, pattern=self.pattern, keep_numbers=self.keep_numbers,
        )  # fmt: skip


#: (name, annotation, default) of the options ``Tokens`` is made of, in --help order.
TOKEN_OPTIONS: tuple[tuple[str, Any, Any], ...] = (
    ("lower", LowerOpt, True),
    ("stopwords", StopwordsOpt, "lang"),
    ("stem", StemOpt, False),
    ("lang", LangOpt, "en"),
    ("pattern", PatternOpt, None),
    ("keep_numbers", KeepNumbersOpt, False),
)
