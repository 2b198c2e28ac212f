"""Mapping the columns of structured inputs (JSONL, JSON, CSV/TSV, Parquet) onto the corpus frame.

Each core column is looked up by common names, case-insensitively and ignoring ``-``, ``_`` and
spaces; the first name in each list that a file has wins. ``--text-col`` and friends override.

Columns whose names say nothing (``article_source_link``, ``story_body``) are recognised by
their values, in a sample of the input's first rows (:func:`infer_columns`): a column of URLs is
the url, one of dates the publication date, one of long prose the text, and one of short
one-line texts (headline-like) the title. Each such choice is told to the user.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

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


def map_columns(
    columns: Iterable[str],
    overrides: ColumnOverrides | None = None,
    inferred: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Return {input column: core column} for the columns of one input.

    Columns not mapped are kept under their own names (see :func:`extra_name`). An override that
    names a column the input lacks maps nothing; the caller reports it. ``inferred`` maps
    columns recognised by their values (:func:`infer_columns`) where no name matched.
    """
    cols = list(columns)
    folded: dict[str, str] = {}
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
            found = folded.get(candidate)
            if found is not None and found not in taken:
                mapping[found] = core
                taken.add(found)
                break
    for col, core in (inferred or {}).items():
        overridden = overrides is not None and overrides.get(core) is not None
        if col in cols and col not in taken and core not in mapping.values() and not overridden:
            mapping[col] = core
            taken.add(col)
    return mapping


# --- columns recognised by their values ---------------------------------------------------------

#: Rows of an input looked at to recognise columns by their values.
SAMPLE_ROWS = 50
#: Share of a column's non-empty sampled values that must look right.
_SHARE = 0.8

_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s]*$", re.I)
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_LETTER = re.compile(r"[^\W\d_]")
#: Name parts that favour one column over another of the same kind.
_HINTS = {
    "url": ("url", "link", "href", "uri"),
    "published": ("date", "time", "publish", "created", "posted"),
    "title": ("title", "headline", "head", "name", "subject"),
    "text": ("text", "body", "content", "article", "story"),
}
#: Name parts of columns that hold a summary of the article, never its text.
_SUMMARY = ("excerpt", "summary", "description", "abstract", "teaser", "snippet", "standfirst")
_REASONS = {
    "url": "its values are URLs",
    "published": "its values are dates",
    "text": "its values are the longest prose",
    "title": "its values are one-line headlines",
}


@dataclass(frozen=True)
class Inferred:
    """A column recognised by its values: which core column it fills, and why."""

    column: str
    core: str

    def note(self) -> str:
        return f"column {self.column} taken as {self.core} ({_REASONS[self.core]})"


def _is_url(value: str) -> bool:
    return bool(_URL.match(value.strip()))


def _is_date(value: str) -> bool:
    text = value.strip()
    if len(text) > 40 or not _YEAR.search(text) or _is_url(text):
        return False
    from .date_values import parse_one

    return parse_one(text) is not None


def _words(value: str) -> int:
    """Words separated by spaces that hold a letter ("abortion|2012-05-31" and a file path are
    one word each, not five)."""
    return sum(1 for word in value.split() if _LETTER.search(word))


def _is_prose(value: str) -> bool:
    """An article's text: a few sentences at least (a summary or excerpt is shorter)."""
    text = value.lstrip()
    return len(text) >= 400 and _words(text) >= 60 and not text.startswith(("{", "[", "<"))


def _is_headline(value: str) -> bool:
    text = value.strip()
    return (
        0 < len(text) <= 300
        and "\n" not in text
        and 3 <= _words(text) <= 30
        and not _is_url(text)
        and not _is_date(text)
    )


def _share(values: Sequence[str], test: Any) -> float:
    return sum(1 for v in values if test(v)) / len(values)


def _headlines(values: Sequence[str]) -> bool:
    """Mostly one-line texts of a few words, distinct, and not sentences (not a summary)."""
    if _share(values, _is_headline) < _SHARE:
        return False
    sentences = sum(1 for v in values if v.rstrip().endswith("."))
    distinct = len(set(values)) / len(values)
    mean_words = statistics.mean(_words(v) for v in values)
    return sentences <= len(values) / 2 and mean_words >= 4 and (len(values) < 5 or distinct >= 0.8)


def _hinted(core: str, column: str) -> bool:
    name = fold_name(column)
    return any(hint in name for hint in _HINTS[core])


def infer_columns(
    rows: Sequence[Mapping[str, Any]],
    overrides: ColumnOverrides | None = None,
) -> list[Inferred]:
    """Columns of ``rows`` (a sample of one input) that fill the url, published, text and title
    columns by their values, where no column name did (see the module docstring). Among several
    candidates of one kind, a column whose name hints at it wins, else the first."""
    columns: dict[str, list[str]] = {}
    for row in rows:
        for col, value in row.items():
            values = columns.setdefault(col, [])
            if isinstance(value, str) and value.strip():
                values.append(value)
    named = map_columns(columns, overrides)
    free = {col: values for col, values in columns.items() if col not in named and values}
    found: list[Inferred] = []

    def wanted(core: str) -> bool:
        return core not in named.values() and not (overrides and overrides.get(core))

    def pick(core: str, candidates: list[str]) -> None:
        if not candidates:
            return
        column = next((c for c in candidates if _hinted(core, c)), candidates[0])
        found.append(Inferred(column, core))
        del free[column]

    if wanted("url"):
        pick("url", [c for c, v in free.items() if _share(v, _is_url) >= _SHARE])
    if wanted("published"):
        pick("published", [c for c, v in free.items() if _share(v, _is_date) >= _SHARE])
    if wanted("text"):
        prose = [
            c for c, v in free.items()
            if _share(v, _is_prose) >= 0.5 and not any(w in fold_name(c) for w in _SUMMARY)
        ]  # fmt: skip
        prose.sort(key=lambda c: -statistics.median(len(v) for v in free[c]))  # longest first
        pick("text", prose)
    if wanted("title"):
        pick("title", [c for c, v in free.items() if _headlines(v)])
    return found


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
