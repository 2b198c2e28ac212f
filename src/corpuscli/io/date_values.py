"""One publication date value parsed to UTC, without pandas (see :mod:`corpuscli.io.dates` for
the shapes accepted and for a whole column), so that a short run can check its dates without
importing it."""

from __future__ import annotations

import math
import re
import sys
import warnings
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

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
    if value is None or _is_na(value):
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


def _is_na(value: Any) -> bool:
    """True for pandas' NA (which only a run that imported pandas can hold)."""
    pandas = sys.modules.get("pandas")
    return pandas is not None and value is pandas.NA


def surely_read(value: Any) -> bool:
    """True when a record's date ``value`` is one :func:`corpuscli.io.dates.parse_dates` counts
    no failure for: none, blank, or a date :func:`parse_one` reads. False for anything else
    (including values it would turn into text first), which the loader is left to tell. A
    number is never sure: the loader reads a column of numbers as int64 or float64 depending on
    the other records (a null among them makes it float), and reads the two differently."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    if isinstance(value, str):
        return not value.strip() or parse_one(value) is not None
    return False
