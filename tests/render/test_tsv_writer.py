"""`-f tsv` joins its lines a column at a time for speed: the bytes must be those pandas'
writer gave for the same escaped cells, for every kind of value a table holds."""

from __future__ import annotations

import csv
import io
from typing import Any

import numpy as np
import pandas as pd
from hypothesis import example, given, settings
from hypothesis import strategies as st

from corpuscli.io.tsv import escape
from corpuscli.render.frames import _plain, write_delimited

from .typed_columns import TYPED, typed_column


def _through_pandas(frame: pd.DataFrame) -> str:
    """The TSV as pandas' writer wrote it before the lines were joined by hand."""
    plain = _plain(frame)

    def cell(value: Any) -> Any:
        if value is None or isinstance(value, bool | int | float):
            return value
        return escape(value if isinstance(value, str) else str(value))

    escaped = pd.DataFrame(
        {i: pd.Series([cell(v) for v in plain[col].tolist()], dtype=object)
         for i, col in enumerate(plain.columns)},
        index=plain.index,
    )  # fmt: skip
    escaped.columns = [escape(str(c)) for c in plain.columns]
    out = io.StringIO()
    escaped.to_csv(
        out, sep="\t", index=False, lineterminator="\n", float_format=None,
        quoting=csv.QUOTE_NONE, escapechar=None,
    )  # fmt: skip
    return out.getvalue()


def _written(frame: pd.DataFrame) -> str:
    out = io.StringIO()
    write_delimited(frame, out, "\t")
    return out.getvalue()


_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)
_VALUES = st.one_of(
    _TEXT,
    st.sampled_from(["a\tb", "line\nbreak", "back\\slash", "cr\r", '"quoted"', "", " "]),
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.lists(st.one_of(_TEXT, st.integers()), max_size=2),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(TYPED, _TEXT, st.lists(_VALUES, min_size=4, max_size=4)), max_size=5),
    st.integers(min_value=0, max_value=4),
)
@example([("float64", "x", [1.5, float("inf"), float("nan"), -0.0]), ("object", "", [None, 1, 2.5, "t"])], 4)  # fmt: skip
def test_the_same_bytes_as_pandas_writer(columns, rows):
    data: dict[Any, Any] = {}
    for i, (kind, name, values) in enumerate(columns):
        values = values[:rows]
        key = f"{name}{i}"
        data[key] = typed_column(kind, values)
    frame = pd.DataFrame(data) if data else pd.DataFrame(index=range(rows))
    expected = _outcome(_through_pandas, frame)
    if expected[0] == "text":
        assert _written(frame) == expected[1]
    else:  # pandas refuses a record of one empty field: ours is a blank line, each other
        # line as a table with a column more gives it (which pandas' writer does write)
        assert len(frame.columns) == 1, expected
        wider = _written(frame.assign(pad=0)).split("\n")[:-1]
        assert _written(frame) == "".join(line.rsplit("\t", 1)[0] + "\n" for line in wider)


def _outcome(write: Any, frame: pd.DataFrame) -> tuple[str, Any]:
    """What ``write`` gives for ``frame``: its text, or the error it raises (pandas' writer
    refuses a record of one empty field)."""
    try:
        return "text", write(frame)
    except csv.Error as e:
        return "error", str(e)


def test_a_quote_table_and_a_lone_column():
    """A table as `corpus quotes` makes it (NumPy integers, a float with missing values, text
    with tabs and line breaks), and a table of one column."""
    frame = pd.DataFrame(
        {
            "doc_id": ["003_d3eae8a6fb502286", "x"],
            "speaker": ["Vladimir Putin", None],
            "text": ["five plus two\tdistricts", "“Is that good or not?”\nsaid"],
            "start": np.array([809, 1857], dtype=np.int64),
            "confidence": [0.9, float("nan")],
        }
    )
    assert _written(frame) == _through_pandas(frame)
    assert _written(frame).splitlines()[2].split("\t")[1:] == [
        "", "“Is that good or not?”\\nsaid", "1857", ""
    ]  # fmt: skip
    for lone in (pd.DataFrame({"a": ["x", "y"]}), pd.DataFrame({"a": [1.5, 2]})):
        assert _written(lone) == _through_pandas(lone)
    # a lone empty field, which pandas' writer refuses, is an empty line
    assert _written(pd.DataFrame({"text": ["a", "", None, "b\tc"]})) == "text\na\n\n\nb\\tc\n"
