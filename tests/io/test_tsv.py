"""TSV a record a line: escapes (PostgreSQL COPY / Miller), and telling them from CSV-style
quoted TSV by the head of the file."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli.io.loader import load
from corpuscli.io.tsv import HEAD_BYTES, escape, quotes_fields, unescape
from tests.conftest import SEED_003


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_escaping_round_trips_and_leaves_no_line_break_or_tab(text):
    field = escape(text)
    assert not set(field) & {"\n", "\t", "\r"}
    assert unescape(field) == text


def test_escapes_are_postgresql_copys():
    assert escape("a\\b\nc\td\re") == "a\\\\b\\nc\\td\\re"
    assert unescape("a\\\\nb") == "a\\nb"  # an escaped backslash before n: not a line feed
    assert unescape("C:\\x and \\q") == "C:\\x and \\q"  # other escapes stay as written


def _tsv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter="\t", lineterminator="\n").writerows(rows)
    return out.getvalue()


def test_csv_style_quoting_is_recognised_by_the_head():
    text = SEED_003.read_text(encoding="utf-8")
    quoted = _tsv([["id", "text"], ["a", text]])  # a quoted field with line breaks
    assert quotes_fields(quoted, whole=True)
    assert quotes_fields(_tsv([["id", "title"], ["a", 'He said "no"']]), whole=True)  # ""
    assert quotes_fields(_tsv([["id", "title"], ["a", "tab\there"]]), whole=True)
    # a field whose quote runs on past the head (a long article), with a line break in it
    assert quotes_fields('id\ttext\na\t"' + "words\n" * 20, whole=False)
    ours = "id\ttitle\ttext\n" + "\t".join(["a", '"Yes" he said', escape(text)]) + "\n"
    assert not quotes_fields(ours, whole=True)
    assert not quotes_fields('id\ttitle\na\t"open quote\nb\tnext "x" y\n', whole=True)
    assert not quotes_fields("id\ttext\n", whole=True)


def test_a_quoted_tsv_still_reads_as_before(tmp_path):
    text = SEED_003.read_text(encoding="utf-8")
    path = tmp_path / "quoted.tsv"
    path.write_text(_tsv([["id", "title", "text"], ["a", 'The "quoted" title', text]]))
    frame = load([str(path)]).frame
    assert frame["title"].tolist() == ['The "quoted" title']
    assert "\n\n" in frame["text"].iloc[0]


def test_a_line_based_tsv_unescapes_and_keeps_quotes(tmp_path):
    text = SEED_003.read_text(encoding="utf-8")
    path = tmp_path / "ours.tsv"
    body = "\t".join(["a", '"Yes," he said', escape(text)])
    path.write_text("id\ttitle\ttext\n" + body + "\r\n")  # a CRLF line end is one line end
    frame = load([str(path)]).frame
    assert frame["title"].tolist() == ['"Yes," he said']
    assert frame["text"].iloc[0] == load([str(SEED_003)]).frame["text"].iloc[0]


def test_a_quoted_field_past_the_head_breaks_rows_that_are_reported(tmp_path):
    """The first quoted field starts after the head: the head alone decides, so the file is
    read a line a record; its rows that break apart are reported, not silently merged."""
    filler = "".join(f"id{i}\ttext {i}\n" for i in range(HEAD_BYTES // 10))
    path = tmp_path / "late.tsv"
    path.write_text("id\ttext\n" + filler + 'late\t"two\nlines"\n')
    result = load([str(path)])
    assert len(result.frame) == HEAD_BYTES // 10 + 1
    assert result.problems and "field" in result.problems[0].message
