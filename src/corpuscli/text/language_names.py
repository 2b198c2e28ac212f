"""Language names as people give them (``--lang de``, ``--lang german``) and the Snowball stemmer
each has: the one table that stopword lists, stemming and language detection share."""

from __future__ import annotations

from corpuscli.errors import UsageError

#: ISO 639-1 code -> the name NLTK's Snowball stemmer knows it by.
SNOWBALL = {
    "ar": "arabic", "da": "danish", "nl": "dutch", "en": "english", "fi": "finnish",
    "fr": "french", "de": "german", "hu": "hungarian", "it": "italian", "no": "norwegian",
    "nb": "norwegian", "pt": "portuguese", "ro": "romanian", "ru": "russian", "es": "spanish",
    "sv": "swedish",
}  # fmt: skip
#: Language names people give for ``--lang`` (``german``), as codes.
_NAMES = {name: code for code, name in SNOWBALL.items() if code != "nb"}


def language_code(lang: str) -> str:
    """``--lang`` as an ISO 639-1 code: a code passes through (lower-cased), a Snowball name
    (``german``) becomes its code."""
    lang = lang.strip().lower()
    return _NAMES.get(lang, lang)


def snowball_name(code: str, *, required: bool = False) -> str | None:
    """The Snowball stemmer of a language code (None if it has none; with ``required``, a
    UsageError saying which languages have one)."""
    name = SNOWBALL.get(language_code(code))
    if name is None and required:
        raise UsageError(
            f"no Snowball stemmer for --lang {code}",
            hint="--stem works for " + ", ".join(sorted(set(SNOWBALL) - {"nb"})),
        )
    return name
