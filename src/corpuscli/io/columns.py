"""Mapping the columns of structured inputs (JSONL, JSON, CSV/TSV, Parquet) onto the corpus frame.

Each core column is looked up by common names, case-insensitively and ignoring ``-``, ``_`` and
spaces; the first name in each list that a file has wins. ``--text-col`` and friends override.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

#: core column -> accepted input names, in order of preference.
CANDIDATES: dict[str, tuple[str, ...]] = {
    "doc_id": ("doc_id", "id", "article_id", "articleid", "uuid", "guid", "_id", "docid", "key"),
    "text": (
        "text", "body", "content", "article", "article_text", "articletext", "full_text",
        "fulltext", "maintext", "main_text", "content_original", "story", "body_text",
    ),
    "title": ("title", "headline", "heading", "head", "news_title", "article_title"),
    "source": (
        "source", "outlet", "publisher", "site", "domain", "site_name", "sitename", "media",
        "media_outlet", "publication", "newspaper", "news_source", "source_name",
    ),
    "published": (
        "published", "date", "publish_date", "pubdate", "published_at", "publication_date",
        "date_published", "date_publish", "datetime", "published_date", "pub_date",
        "timestamp", "created_at", "time",
    ),
    "url": ("url", "link", "source_link", "article_url", "href", "uri", "canonical_url"),
}  # fmt: skip

#: User-facing option name for each override.
OPTION_NAMES = {
    "doc_id": "--id-col",
    "text": "--text-col",
    "title": "--title-col",
    "source": "--source-col",
    "published": "--date-col",
    "url": "--url-col",
}

_FOLD = re.compile(r"[\s_-]+")


def fold_name(name: str) -> str:
    return _FOLD.sub("", name.strip().lower())


_FOLDED = {core: tuple(fold_name(n) for n in names) for core, names in CANDIDATES.items()}


@dataclass(frozen=True)
class ColumnOverrides:
    """Explicit input column names for core columns (``--text-col body`` ...)."""

    names: Mapping[str, str] = field(default_factory=dict)

    def get(self, core: str) -> str | None:
        return self.names.get(core)


def map_columns(columns: Iterable[str], overrides: ColumnOverrides | None = None) -> dict[str, str]:
    """Return {input column: core column} for the columns of one input.

    Columns not mapped are kept under their own names (see :func:`extra_name`). An override that
    names a column the input lacks maps nothing; the caller reports it.
    """
    cols = list(columns)
    folded = {}
    for col in cols:
        folded.setdefault(fold_name(str(col)), col)
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for core in CANDIDATES:
        wanted = overrides.get(core) if overrides else None
        if wanted is not None:
            if wanted in cols:
                mapping[wanted] = core
                taken.add(wanted)
            continue
        for candidate in _FOLDED[core]:
            col = folded.get(candidate)
            if col is not None and col not in taken:
                mapping[col] = core
                taken.add(col)
                break
    return mapping


def missing_overrides(columns: Iterable[str], overrides: ColumnOverrides | None) -> list[str]:
    """Override options that name a column this input does not have, as ``--text-col body``."""
    if not overrides:
        return []
    cols = set(columns)
    return [f"{OPTION_NAMES[c]} {n}" for c, n in overrides.names.items() if n not in cols]


#: Core columns an input may carry under its own name that must not clash with ours.
_RESERVED = {"doc_id", "source", "title", "published", "url", "text"}


def extra_name(col: str) -> str:
    """Name for an unmapped input column in the frame (renamed when it clashes with a core one)."""
    return f"{col}_input" if col in _RESERVED else col
