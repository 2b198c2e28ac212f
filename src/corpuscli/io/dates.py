"""Publication dates in the usual shapes, parsed to UTC.

Accepted: ISO 8601 (``2020-10-30``, ``2020-10-30T14:05:00+03:00``), RFC 2822
(``Fri, 30 Oct 2020 14:05:00 GMT``), written dates (``Oct 30, 2020``, ``30 October 2020``),
US numeric dates (``10/30/2020``), and epoch seconds or milliseconds (numbers). Times without a
zone are taken as UTC. Values that cannot be read, or fall outside 1000–2999, become NA and are
counted, never fatal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from corpuscli.schema import DATETIME

from .date_values import parse_one


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


__all__ = ["parse_dates", "parse_one"]
