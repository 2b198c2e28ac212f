"""The corpus frame: one row per article, fixed leading columns, extra metadata after them."""

from __future__ import annotations

from typing import Literal, TypeAlias

import pandas as pd

from corpuscli.errors import UsageError

#: Columns every corpus frame starts with, in this order (NA where unknown).
CORE_COLUMNS: tuple[str, ...] = ("doc_id", "source", "title", "published", "url", "path", "text")

#: Text columns use pandas' nullable string dtype backed by Arrow: compact, and NA-aware.
STRING = pd.StringDtype("pyarrow")
#: How the text column may be held: as :data:`STRING`, or as ``object`` (Python strings).
TextDtype: TypeAlias = "pd.StringDtype[Literal['pyarrow']] | type[object]"
#: Publication times are UTC, microsecond resolution.
DATETIME = pd.DatetimeTZDtype(unit="us", tz="UTC")


#: ``by`` values that group articles by their publication time rather than by a column.
PERIODS = {"day": "D", "week": "W-MON", "month": "M", "year": "Y"}


def empty_frame() -> pd.DataFrame:
    """A corpus frame with no rows and the core columns typed."""
    return coerce_frame(pd.DataFrame({c: [] for c in CORE_COLUMNS}))


def coerce_frame(frame: pd.DataFrame, *, text_dtype: TextDtype = STRING) -> pd.DataFrame:
    """Give ``frame`` the core columns, in order and typed, keeping every other column after them.
    ``text_dtype=object`` leaves the text as Python strings (for a frame about to be tokenised
    and dropped, where converting to Arrow and back would cost more than it saves)."""
    out = frame.copy()
    for col in CORE_COLUMNS:
        if col not in out.columns:
            out[col] = pd.NA
    for col in CORE_COLUMNS:
        if col == "published":
            if out[col].dtype != DATETIME:
                out[col] = pd.to_datetime(out[col], utc=True, errors="coerce").astype(DATETIME)
        elif col == "text" and text_dtype is not STRING:
            out[col] = out[col].astype(text_dtype)
        elif out[col].dtype != STRING:
            out[col] = out[col].astype(STRING)
    extras = [c for c in out.columns if c not in CORE_COLUMNS]
    return out[list(CORE_COLUMNS) + extras].reset_index(drop=True)


def typed_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with each column in the best nullable dtype (text as :data:`STRING`), as the
    corpus frame's extra metadata columns are kept."""
    typed = frame.convert_dtypes()
    for col in typed.columns:
        if isinstance(typed[col].dtype, pd.StringDtype):
            typed[col] = typed[col].astype(STRING)
    return typed


def group_keys(frame: pd.DataFrame, by: str) -> pd.Series:
    """The group of each article for ``by``: a column name, or day/week/month/year of publication,
    or ``lang`` (each article's language, detected where the input has no such column).

    Articles with no value for the column (or no date, or no language) fall in the group
    "(none)".
    """
    if by == "lang":
        from corpuscli.text.languages import language_column

        keys = language_column(frame).astype(object)
        keys = keys.where(keys.notna(), None)
    elif by in PERIODS:
        published = frame["published"]
        fmt = {"day": "%Y-%m-%d", "week": "%G-W%V", "month": "%Y-%m", "year": "%Y"}[by]
        keys = published.dt.strftime(fmt)
    elif by in frame.columns:
        keys = frame[by].astype(object).map(lambda v: None if v is None or v is pd.NA else str(v))
    else:
        cols = ", ".join(str(c) for c in frame.columns if c != "text")
        raise UsageError(
            f"no column {by!r} to group by",
            hint=f"use day, week, month, year, lang or one of: {cols}",
        )
    return keys.astype(object).where(keys.notna(), "(none)")
