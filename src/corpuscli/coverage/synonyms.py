"""General words that mean one thing: two outlets reporting one statement in their own words swap
them ("stay" / "remain", "photo" / "picture"). The groups are general vocabulary, listed in
``data/synonyms_en.txt``; :func:`similarity.content_senses` folds each group to one word for
statement alignment.
"""

from __future__ import annotations

from functools import lru_cache

from corpuscli.data_files import data_lines


@lru_cache(maxsize=1)
def synonym_groups() -> tuple[tuple[str, ...], ...]:
    """The groups of synonyms, lower-cased, as listed (not stemmed)."""
    return tuple(
        tuple(w.strip().lower() for w in line.split(",") if w.strip())
        for line in data_lines("synonyms_en.txt")
    )
