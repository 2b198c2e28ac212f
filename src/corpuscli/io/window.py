"""Time windows for ``--since`` and ``--until``.

A bound is an absolute date or time (``2026-11-26``, ``2026-11-26T06:00:00+01:00``; no zone means
UTC), ``today`` or ``yesterday`` (midnight UTC), or a duration back from now: ``12h``, ``1d``,
``7d``, ``2w``. Windows are half-open: ``since <= published < until``.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from corpuscli.errors import UsageError

_DURATION = re.compile(r"^(\d+)\s*([hdw])$", re.I)
_UNITS = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}


def parse_bound(value: str, *, now: datetime | None = None, option: str = "--since") -> datetime:
    """Turn one ``--since``/``--until`` value into an aware UTC datetime. A value that is not a
    string (from a config file), or a span that reaches beyond the calendar (years 1 to 9999),
    is a UsageError."""
    if not isinstance(value, str):
        raise UsageError(
            f"{option} must be text, not {type(value).__name__} {value!r}",
            hint='give a date ("2026-11-26"), today, yesterday, or a duration such as "7d"',
        )
    try:
        return _parse_bound(value, now or datetime.now(UTC), option)
    except OverflowError:
        raise UsageError(
            f"{option} {value!r} reaches beyond the calendar (years 1 to 9999)",
            hint="give a date, or a shorter span",
        ) from None


def _parse_bound(value: str, now: datetime, option: str) -> datetime:
    text = value.strip().lower()
    midnight = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    if text == "today":
        return midnight
    if text == "yesterday":
        return midnight - timedelta(days=1)
    if text == "now":
        return now
    m = _DURATION.match(text)
    if m:
        return now - int(m.group(1)) * _UNITS[m.group(2).lower()]
    try:
        dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(
            f"cannot read {option} {value!r}",
            hint="give a date (2026-11-26), today, yesterday, or a duration such as 1d, 7d, 2w, 12h",
        ) from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)
