"""General words that mean one thing: two outlets reporting one statement in their own words swap
them ("stay" / "remain", "photo" / "picture"), and write one verb in another tense ("sent" /
"send", which a stemmer leaves apart). The groups are general vocabulary, listed in
``data/synonyms_en.txt`` and ``data/verb_forms_en.txt``; :func:`similarity.content_senses` folds
each group to one word for statement alignment.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def synonym_groups() -> tuple[tuple[str, ...], ...]:
    """The groups of synonyms and of the forms of one verb, lower-cased, as listed (not
    stemmed)."""
    return _groups("data/synonyms_en.txt") + _groups("data/verb_forms_en.txt")


def _groups(path: str) -> tuple[tuple[str, ...], ...]:
    """The comma-separated groups of the data file at ``path``, one a line, ``#`` comments out."""
    text = resources.files("corpuscli").joinpath(path).read_text("utf-8")
    return tuple(
        tuple(w.strip().lower() for w in line.split(",") if w.strip())
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )
