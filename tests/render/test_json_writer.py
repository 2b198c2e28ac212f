"""`-f json` lays records out by hand for speed: the bytes must be those of the standard
library's ``json.dump(records, indent=2)`` for every kind of value a table holds."""

from __future__ import annotations

import io
import json
import warnings

import numpy as np
import pandas as pd
from hypothesis import example, given, settings
from hypothesis import strategies as st

from corpuscli.render.frames import _json_default, _json_value, _plain, records, write_json

from .typed_columns import TYPED, typed_column


def _reference(frame: pd.DataFrame) -> str:
    out = io.StringIO()
    json.dump(records(frame), out, ensure_ascii=False, indent=2, default=_json_default)
    out.write("\n")
    return out.getvalue()


def _written(frame: pd.DataFrame) -> str:
    out = io.StringIO()
    write_json(frame, out)
    return out.getvalue()


_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
_VALUES = st.one_of(
    _TEXT,
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.lists(st.one_of(_TEXT, st.integers(), st.none()), max_size=3),
    st.dictionaries(_TEXT, st.integers(), max_size=2),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(_TEXT, st.lists(_VALUES, min_size=3, max_size=3)), max_size=5),
)
def test_the_same_bytes_as_the_standard_library(columns):
    frame = pd.DataFrame({f"{name}{i}": pd.Series(values, dtype=object)
                          for i, (name, values) in enumerate(columns)})  # fmt: skip
    assert _written(frame) == _reference(frame)


def test_typed_columns_and_the_real_quotes_of_a_seed():
    """A table as the commands make it: NumPy integers and floats, dates, missing values, and
    text with quotation marks, dashes and a line break (from the seed of The Moscow Times)."""
    frame = pd.DataFrame(
        {
            "doc_id": ["003_d3eae8a6fb502286", "003_d3eae8a6fb502286", "x"],
            "speaker": ["Vladimir Putin", None, "Arayik Harutyunyan"],
            "text": [
                "Our position is absolutely open about the possibility of handing over these "
                "five plus two districts to Azerbaijan",
                "The Armenians took up arms and did it themselves\n“Is that good or not?”",
                "Whoever controls Shushi controls Artsakh",
            ],
            "start": np.array([809, 1857, 1577], dtype=np.int64),
            "confidence": [0.9, float("nan"), 1 / 3],
            "published": pd.to_datetime(
                ["2020-11-17T00:00:00Z", None, "2020-11-17T10:00:00Z"], utc=True
            ),
        }
    )
    assert _written(frame) == _reference(frame)
    assert json.loads(_written(frame))[1]["speaker"] is None


def test_no_records_and_an_empty_record():
    assert _written(pd.DataFrame({"a": []})) == _reference(pd.DataFrame({"a": []})) == "[]\n"
    empty_rows = pd.DataFrame(index=range(2))
    assert _written(empty_rows) == _reference(empty_rows)


def _records_through_pandas(frame: pd.DataFrame) -> list[dict[str, object]]:
    """The records as ``to_dict(orient="records")`` gave them before they were read a column
    at a time."""
    rows = _plain(frame).to_dict(orient="records")
    return [{str(k): _json_value(v) for k, v in row.items()} for row in rows]


_FLOATS = st.floats(allow_nan=True, allow_infinity=True)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(TYPED, st.lists(st.one_of(_FLOATS, _VALUES), min_size=4, max_size=4)),
                max_size=5),
       st.integers(min_value=0, max_value=4))  # fmt: skip
@example([("float64", [1.5, float("inf"), float("nan"), -float("inf")])], 4)
def test_records_read_by_column_are_pandas_records(columns, rows):
    """Every column type a table holds (NumPy integers and floats with infinities and NaN,
    nullable integers, text with missing values, booleans, dates): the same records, and the
    same bytes of ``-f json``."""
    data = {}
    for i, (kind, values) in enumerate(columns):
        values = values[:rows]
        name = f"c{i % 3}" if i < 3 else i  # a name that is no string
        data[name] = typed_column(kind, values)
    frame = pd.DataFrame(data) if data else pd.DataFrame(index=range(rows))
    assert records(frame) == _records_through_pandas(frame)
    assert _written(frame) == _reference(frame)


def test_records_of_frames_without_distinct_names():
    """No columns (a record of no fields per row), a name twice, and two names that read the
    same as strings: as pandas gives them."""
    for frame in (
        pd.DataFrame(index=range(2)),
        pd.DataFrame([[1, "a"], [2, None]], columns=["x", "x"]),
        pd.DataFrame([[1, "a"], [2, None]], columns=[1, "1"]),
    ):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # pandas: columns are not unique
            assert records(frame) == _records_through_pandas(frame)
            assert _written(frame) == _reference(frame)
    assert records(pd.DataFrame(index=range(2))) == [{}, {}]
