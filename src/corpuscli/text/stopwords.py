"""Stopword lists: the one shipped with corpuscli (``en``), NLTK's (``nltk``, when its data is
installed), none, or a file of one word per line."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from corpuscli.errors import UsageError

_LANGS = {
    "en": "english", "de": "german", "fr": "french", "es": "spanish", "it": "italian",
    "pt": "portuguese", "nl": "dutch", "ru": "russian", "sv": "swedish", "da": "danish",
    "no": "norwegian", "fi": "finnish", "hu": "hungarian", "ro": "romanian", "tr": "turkish",
}  # fmt: skip


def language_name(lang: str) -> str:
    """NLTK/Snowball name of a language code (``en`` -> ``english``); names pass through."""
    return _LANGS.get(lang.lower(), lang.lower())


def _read_list(text: str) -> frozenset[str]:
    words = set()
    for line in text.splitlines():
        word = line.strip()
        if word and not word.startswith("#"):
            words.add(word.lower().replace("’", "'"))
    return frozenset(words)


def load_stopwords(spec: str, lang: str = "en") -> frozenset[str]:
    """Resolve ``--stopwords``: ``en`` (shipped), ``none``, ``nltk`` or a file path."""
    if spec == "none":
        return frozenset()
    if spec == "en":
        data = resources.files("corpuscli").joinpath("data/stopwords_en.txt").read_text("utf-8")
        return _read_list(data)
    if spec == "nltk":
        from nltk.corpus import stopwords

        name = language_name(lang)
        try:
            return frozenset(w.lower() for w in stopwords.words(name))
        except LookupError:
            raise UsageError(
                "NLTK's stopword data is not installed",
                hint="install it with: python -m nltk.downloader stopwords (or use --stopwords en)",
            ) from None
        except OSError:
            raise UsageError(f"NLTK has no stopword list for {name!r}") from None
    path = Path(spec)
    if not path.is_file():
        raise UsageError(
            f"no stopword list {spec!r}", hint="use en, none, nltk, or a file of one word per line"
        )
    try:
        return _read_list(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the stopword file: {exc}", where=spec) from None
