"""Stopword lists, shipped with corpuscli so that nothing is ever downloaded: the English list of
``data/stopwords_en.txt`` and, for other languages, the lists of the ``stop-words`` package
(BSD licence; every language NLTK's Snowball stemmer has, and more). ``--stopwords`` takes

- ``lang`` (the default): the list of the ``--lang`` language (English unless told), per
  article with ``--lang auto``; ``nltk`` is another name for it (NLTK's own lists need data
  that is not installed, so corpuscli ships lists of its own);
- a language code (``en``, ``de``, ``fr`` ...): that language's list, whatever ``--lang`` says;
- ``none``, or the path of a file of one word per line.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from corpuscli.errors import UsageError
from corpuscli.text.language_names import language_code

#: ``--stopwords`` values that mean "the list of the --lang language".
BY_LANG = ("lang", "nltk")
#: ISO 639-1 codes the stop-words package names differently.
_PACKAGE_CODES = {"no": "nb"}


def language_name(lang: str) -> str:
    """NLTK/Snowball name of a language code (``en`` -> ``english``); names pass through."""
    from corpuscli.text.language_names import SNOWBALL

    code = language_code(lang)
    return SNOWBALL.get(code, code)


def _read_list(text: str) -> frozenset[str]:
    words = set()
    for line in text.splitlines():
        word = line.strip()
        if word and not word.startswith("#"):
            words.add(word.lower().replace("’", "'"))
    return frozenset(words)


@cache
def _package_lists() -> dict[str, str]:
    """Language code -> the stop-words package's name for its list."""
    import stop_words

    return dict(stop_words.LANGUAGE_MAPPING)


def has_list(code: str) -> bool:
    """Whether corpuscli has a stopword list for the language ``code``."""
    code = language_code(code)
    return code == "en" or _PACKAGE_CODES.get(code, code) in _package_lists()


@cache
def language_stopwords(code: str) -> frozenset[str]:
    """The stopword list of the language ``code`` (``en``: the one shipped in corpuscli's data;
    others: the stop-words package's)."""
    code = language_code(code)
    if code == "en":
        data = resources.files("corpuscli").joinpath("data/stopwords_en.txt").read_text("utf-8")
        return _read_list(data)
    if not has_list(code):
        raise UsageError(
            f"no stopword list for the language {code!r}",
            hint="lists exist for " + ", ".join(sorted({"en", "no", *_package_lists()})),
        )
    import stop_words

    return _read_list("\n".join(stop_words.get_stop_words(_PACKAGE_CODES.get(code, code))))


def load_stopwords(spec: str, lang: str = "en") -> frozenset[str]:
    """Resolve ``--stopwords`` (see the module docstring) for ``--lang``. With ``--lang auto``
    the per-language lists are chosen per article (:class:`corpuscli.text.languages.
    ArticleLanguages`), and ``lang`` gives no single list here: an empty one."""
    if spec == "none":
        return frozenset()
    if spec in BY_LANG:
        if lang == "auto":
            return frozenset()
        return language_stopwords(lang)
    if len(spec) <= 3 and spec.isalpha() and has_list(spec):
        return language_stopwords(spec)
    path = Path(spec)
    if not path.is_file():
        raise UsageError(
            f"no stopword list {spec!r}",
            hint="use lang, a language code (en, de, fr ...), none, or a file of one word per line",
        )
    try:
        return _read_list(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the stopword file: {exc}", where=spec) from None
