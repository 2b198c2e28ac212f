"""Columns of every type a table holds, built from values hypothesis draws: shared by the tests
that check the writers against pandas' own."""

from __future__ import annotations

from typing import Any

import pandas as pd
from hypothesis import strategies as st

#: The column types a table of corpuscli holds.
TYPED = st.sampled_from(["object", "int64", "float64", "Int64", "string", "bool", "datetime"])


def typed_column(kind: str, values: list[Any]) -> pd.Series:
    """A column of type ``kind`` as long as ``values``, from those of them the type can hold
    (NumPy integers are made up; the others keep what fits and are missing elsewhere)."""
    if kind == "int64":
        return pd.Series([k * 7 - 3 for k in range(len(values))], dtype="int64")
    if kind == "float64":
        return pd.Series([v if isinstance(v, float) else None for v in values], dtype="float64")
    if kind == "Int64":
        return pd.Series(
            [v if type(v) is int and abs(v) < 2**62 else None for v in values], dtype="Int64"
        )
    if kind == "string":
        return pd.Series([v if isinstance(v, str) else None for v in values], dtype="string")
    if kind == "bool":
        return pd.Series([bool(v) for v in values], dtype=bool)
    if kind == "datetime":
        return pd.Series(
            pd.to_datetime(["2020-11-17T10:00:00Z" if v else None for v in values], utc=True)
        )
    return pd.Series(values, dtype=object)
