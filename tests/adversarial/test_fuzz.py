"""Fuzzing every reader: bytes -> text, JSON Lines, CSV, TSV, JSON, HTML, Parquet, compressed or
not, truncated or not. The only outcomes allowed are articles, or problems (or a CorpusError)
naming the file (file or file:line) — never another exception. Each read is bounded in memory by
low input bounds (which the generated inputs often pass) and in time by hypothesis' deadline."""

from __future__ import annotations

import io
import json
import os

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpuscli import load
from corpuscli.errors import CorpusError
from tests.conftest import bounded

from .generated import COMPRESSORS, articles

MAX_INPUT = 4096
MAX_LINE = 1024
#: A few seconds in the normal run; set CORPUSCLI_FUZZ_EXAMPLES for a longer hunt.
FUZZ = settings(
    max_examples=int(os.environ.get("CORPUSCLI_FUZZ_EXAMPLES", "25")),
    deadline=None,  # blow-ups are bounded by `bounded`, not a timing deadline
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

#: Pieces of every format's syntax, of real article text, and of trouble.
_PIECES = [
    b"{", b"}", b"[", b"]", b'"', b"'", b",", b":", b"\t", b"\n", b"\r\n", b"\r", b"\\", b" ",
    b'"text"', b'"title"', b'"url"', b'"date"', b'"id"', b"null", b"true", b"1e999", b"-0",
    b"NaN", b"text,title,url", b"text\ttitle", b"<html>", b"<body>", b"<p>", b"</p>", b"<script>",
    b"<!doctype html>", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\xe2\x80", b"\x1b[2J",
    b"2020-10-30", b"https://example.com/a", b"\xc3\xa9", b"\xed\xa0\x80", b'""', b"\\u0000",
    b"\\ud800", b"[[[[[[[[", b"]]]]", b"9" * 30,
]  # fmt: skip
_WORDS = articles(1)[0]["text"].encode().split()[:60]

pieces = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.sampled_from(_WORDS), st.binary(max_size=6)),
    max_size=80,
).map(b"".join)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=40),
    st.sampled_from([a["text"] for a in articles(3)]),
)  # fmt: skip
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
keys = st.sampled_from(["text", "title", "url", "date", "id", "source", "body", "x", ""])
records = st.dictionaries(keys | st.text(max_size=8), values, max_size=6)


def _json_lines(rows: list[dict]) -> bytes:
    return b"".join(json.dumps(r, allow_nan=True).encode() + b"\n" for r in rows)


def _delimited(rows: list[list[str]], sep: str) -> bytes:
    return "\n".join(sep.join(row) for row in rows).encode("utf-8", "surrogatepass")


jsonl_bytes = st.one_of(st.lists(records, max_size=8).map(_json_lines), pieces)
json_bytes = st.one_of(
    st.lists(records, max_size=6).map(lambda rows: json.dumps(rows).encode()),
    records.map(lambda row: json.dumps({"articles": [row]}).encode()),
    pieces,
)
cells = st.one_of(st.text(max_size=30), st.sampled_from(['"', '"a', 'b"', '""', "text", "title"]))
csv_bytes = st.one_of(
    st.lists(st.lists(cells, min_size=1, max_size=4), max_size=8).map(
        lambda rows: _delimited([["id", "text", "title"], *rows], ",")
    ),
    pieces,
)
tsv_bytes = st.one_of(
    st.lists(st.lists(cells, min_size=1, max_size=4), max_size=8).map(
        lambda rows: _delimited([["id", "text", "title"], *rows], "\t")
    ),
    pieces,
)
text_bytes = st.one_of(st.text(max_size=400).map(str.encode), pieces, st.binary(max_size=300))
html_bytes = st.one_of(
    st.lists(st.sampled_from(_WORDS), max_size=60).map(
        lambda words: b"<html><head><title>T</title></head><body><article><p>"
        + b" ".join(words) + b"</p></article></body></html>"
    ),
    pieces,
)  # fmt: skip


@st.composite
def parquet_bytes(draw: st.DrawFn) -> bytes:
    rows = draw(st.lists(st.dictionaries(keys, scalars, min_size=1, max_size=4), max_size=6))
    frame = pd.DataFrame(rows).astype(object) if rows else pd.DataFrame({"text": []})
    out = io.BytesIO()
    try:
        pq.write_table(pa.Table.from_pandas(frame.astype(str), preserve_index=False), out)
    except (pa.ArrowException, ValueError):
        return draw(pieces)
    data = out.getvalue()
    if draw(st.booleans()):  # corrupted: a byte changed, or cut short
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :]
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data


FORMATS = {
    ".txt": text_bytes, ".jsonl": jsonl_bytes, ".json": json_bytes, ".csv": csv_bytes,
    ".tsv": tsv_bytes, ".html": html_bytes, ".parquet": parquet_bytes(),
}  # fmt: skip


def _check(path) -> None:
    try:
        result = load([str(path)], max_input_size=MAX_INPUT, max_line_size=MAX_LINE)
    except CorpusError as exc:
        assert exc.where and exc.where.startswith(str(path)), exc
        return
    for problem in result.problems:
        assert problem.where.startswith(str(path)), problem
        assert problem.message
    frame = result.frame
    for text in frame["text"]:
        assert isinstance(text, str) and text.strip()
    assert all(str(p).startswith(str(path)) for p in frame["path"])


@pytest.mark.parametrize("suffix", list(FORMATS))
def test_every_reader_gives_articles_or_names_the_fault(tmp_path, suffix):
    @FUZZ
    @given(
        data=FORMATS[suffix],
        compression=st.sampled_from(list(COMPRESSORS)),
        cut=st.none() | st.integers(0, 200),
    )
    def run(data: bytes, compression: str, cut: int | None) -> None:
        packed = COMPRESSORS[compression](data)
        if compression and cut is not None:  # a truncated archive
            packed = packed[: max(len(packed) - cut, 0)]
        path = tmp_path / f"fuzz{suffix}{compression}"
        path.write_bytes(packed)
        _check(path)

    run()


@FUZZ
@given(data=st.one_of(jsonl_bytes, csv_bytes, html_bytes, text_bytes))
def test_standard_input_gives_articles_or_names_the_fault(data, monkeypatch):
    with bounded(60):

        class Stdin:
            buffer = io.BytesIO(data)

        monkeypatch.setattr("sys.stdin", Stdin)
        try:
            result = load(["-"], max_input_size=MAX_INPUT, max_line_size=MAX_LINE)
        except CorpusError as exc:
            assert exc.where and exc.where.startswith("-")
            return
        assert all(p.where.startswith("-") for p in result.problems)
