"""Publication dates in the usual shapes, parsed to UTC.

Accepted: ISO 8601 (``2020-10-30``, ``2020-10-30T14:05:00+03:00``), RFC 2822
(``Fri, 30 Oct 2020 14:05:00 GMT``), written dates (``Oct 30, 2020``, ``30 October 2020``),
US numeric dates (``10/30/2020``), and epoch seconds or milliseconds (numbers). Times without a
zone are taken as UTC. Values that cannot be read, or fall outside 1000–2999, become NA and are
counted, never fatal.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import pandas as pd

from corpuscli.schema import DATETIME

_EPOCH = re.compile(r"^-?\d{9,13}(\.\d+)?$")


def _from_epoch(value: float) -> datetime | None:
    if not math.isfinite(value):
        return None
    if abs(value) >= 1e11:  # milliseconds
        value /= 1000.0
    try:
        return datetime.fromtimestamp(value, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def parse_one(value: Any) -> datetime | None:
    """Parse one date value; None when it cannot be read."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if isinstance(value, float) and math.isnan(value):
            return None
        return _from_epoch(float(value))
    if isinstance(value, datetime):
        dt = value
    else:
        text = str(value).strip()
        if not text:
            return None
        if _EPOCH.match(text):
            return _from_epoch(float(text))
        parsed = _parse_text(text)
        if parsed is None:
            return None
        dt = parsed
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    try:
        dt = dt.astimezone(UTC)
    except (OverflowError, ValueError):
        return None
    if not 1000 <= dt.year <= 2999:
        return None
    return dt


def _parse_text(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    from dateutil import parser

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return parser.parse(text)
    except (ValueError, OverflowError, TypeError, parser.ParserError):
        return None


def parse_dates(values: Sequence[Any] | pd.Series) -> tuple[pd.Series, int]:
    """Parse a column of date values to ``datetime64[us, UTC]``.

    Returns the parsed series and how many non-empty values could not be read. Each distinct value
    is parsed once, so a large corpus with few distinct dates costs little.
    """
    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    series = series.astype(object).map(lambda v: v if _hashable(v) else str(v))
    blank = series.isna() | series.map(lambda v: isinstance(v, str) and not v.strip())
    present = series[~blank]
    parsed = {value: parse_one(value) for value in pd.unique(present)}
    converted = present.map(parsed)
    failed = int(converted.isna().sum())
    result = pd.Series(pd.NaT, index=series.index, dtype=DATETIME)
    if len(converted):
        result.loc[converted.index] = pd.to_datetime(
            converted.astype(object), utc=True, errors="coerce"
        ).astype(DATETIME)
    return result, failed


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True
