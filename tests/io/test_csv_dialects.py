"""CSV as journalists have it: separated by ``;`` (Excel in German, French, Italian ...
settings), by tabs or ``|``, with decimal commas, and headers that name a column twice. Real
text: the German and French excerpts in tests/fixtures and the AllSides roundups."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpuscli.io.dialect import detect_delimiter
from corpuscli.io.loader import load
from corpuscli.io.streams import sniff_format
from corpuscli.render.frames import write_delimited
from tests.adversarial.generated import articles
from tests.conftest import FIXTURES

EXCERPTS = FIXTURES / "german_french_excerpts.jsonl"


def _excerpts() -> list[dict]:
    return [json.loads(line) for line in EXCERPTS.read_text(encoding="utf-8").splitlines()]


def _excel_csv(path: Path, delimiter: str = ";") -> Path:
    """The excerpts as Excel writes a CSV in a German locale: ``;`` between fields, quotes
    only where needed (the texts hold line breaks), and a decimal comma in a number column."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["id", "Quelle", "title", "text", "Wert"])
    for n, row in enumerate(_excerpts(), start=1):
        writer.writerow([row["id"], row["source"], row["title"], row["text"], f"{n},5"])
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_a_semicolon_csv_reads_as_its_comma_twin(tmp_path):
    result = load([str(_excel_csv(tmp_path / "excel.csv"))])
    frame = result.frame
    rows = _excerpts()
    assert frame["doc_id"].tolist() == [r["id"] for r in rows]
    assert frame["title"].tolist() == [r["title"] for r in rows]
    assert frame["text"].tolist() == [r["text"] for r in rows]
    assert frame["Wert"].tolist() == ["1,5", "2,5"]  # a decimal comma is just part of a field
    assert not result.problems
    assert any("separated by ';'" in n and "excel.csv" in n for n in result.notes)


def test_line_numbers_stay_exact_across_quoted_line_breaks(tmp_path):
    path = _excel_csv(tmp_path / "excel.csv")
    breaks = _excerpts()[0]["text"].count("\n")
    assert breaks  # the first text spans lines, so the second row starts further down
    frame = load([str(path)]).frame
    assert frame["path"].tolist() == [f"{path}:2", f"{path}:{3 + breaks}"]


@pytest.mark.parametrize("delimiter", ["\t", "|"])
def test_tab_and_pipe_separated_csv_files_read_too(tmp_path, delimiter):
    result = load([str(_excel_csv(tmp_path / "export.csv", delimiter))])
    assert result.frame["title"].tolist() == [r["title"] for r in _excerpts()]
    assert not result.problems


def test_a_comma_csv_is_never_read_as_another_separator(tmp_path):
    rows = _excerpts()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "title;subtitle", "text"])  # a ; inside a comma header's name
    for row in rows:
        writer.writerow([row["id"], row["title"] + "; " + row["source"], row["text"]])
    path = tmp_path / "comma.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    result = load([str(path)])
    assert result.frame["text"].tolist() == [r["text"] for r in rows]
    assert not any("separated by" in n for n in result.notes)


def test_the_separator_is_read_off_the_header_only():
    assert detect_delimiter("id,title,text\n") == ","
    assert detect_delimiter("id;title;text\r\n") == ";"
    assert detect_delimiter("id\ttitle\ttext\n") == "\t"
    assert detect_delimiter("id|title|text\n") == "|"
    assert detect_delimiter("text\n") == ","  # one column: nothing to tell, a comma
    assert detect_delimiter("id,title;subtitle,text\n") == ","  # several on commas: commas
    assert detect_delimiter('"id;x";title;text\n') == ";"
    assert detect_delimiter('id,"a;b;c;d"\n') == ","  # quoted ; in a comma header
    assert detect_delimiter("") == ","


def test_a_header_that_splits_both_ways_is_settled_by_the_rows():
    header = "Titel;Quelle, Datum;Text\n"  # a comma inside a name of a ; file
    rows = ["Eins;heise, 2015;Der Rat hat beschlossen.\n", "Zwei;taz, 2016;Die Länder zahlen.\n"]
    assert detect_delimiter(header) == ","  # no rows: nothing tells, a comma as before
    assert detect_delimiter(header, rows) == ";"
    commas = ["a,Der Rat hat beschlossen\n", "b,Die Länder zahlen\n"]
    assert detect_delimiter("id,title;sub;line\n", commas) == ","  # the rows fit the comma
    assert detect_delimiter(header, ["Eins;heise, Der Rat\n"]) == ","  # short on ;: a comma


def _excel_csv_comma_in_a_name(path: Path) -> Path:
    """:func:`_excel_csv` with a header name that holds a comma (and ten rows, so that the
    lines read to settle the separator end inside a quoted text that spans lines)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["id", "Quelle, Ort", "title", "text"])
    for n in range(5):
        for row in _excerpts():
            writer.writerow([f"{row['id']}-{n}", row["source"], row["title"], row["text"]])
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_a_semicolon_csv_with_a_comma_in_a_column_name_reads_every_row(corpus, tmp_path):
    path = _excel_csv_comma_in_a_name(tmp_path / "excel.csv")
    result = load([str(path)])
    assert not result.problems
    assert result.frame["text"].tolist() == [r["text"] for r in _excerpts()] * 5
    assert result.frame["Quelle, Ort"].tolist() == [r["source"] for r in _excerpts()] * 5
    from_stdin = corpus("load", "-", "-f", "jsonl", input=path.read_bytes())
    assert from_stdin.exit_code == 0, from_stdin.stderr
    assert len(from_stdin.stdout.splitlines()) == 10


def test_the_cli_reads_a_semicolon_csv_from_a_file_and_from_stdin(corpus, tmp_path):
    path = _excel_csv(tmp_path / "excel.csv")
    from_file = corpus("stats", str(path))
    assert from_file.exit_code == 0, from_file.stderr
    assert "no text column" not in from_file.stderr
    assert "excel.csv: CSV fields separated by ';'" in from_file.stderr
    from_stdin = corpus("load", "-", "-f", "jsonl", input=path.read_bytes())
    assert from_stdin.exit_code == 0, from_stdin.stderr
    loaded = [json.loads(line) for line in from_stdin.stdout.splitlines()]
    assert [r["text"] for r in loaded] == [r["text"] for r in _excerpts()]
    breaks = _excerpts()[0]["text"].count("\n")
    assert [r["path"] for r in loaded] == ["-:2", f"-:{3 + breaks}"]


def test_stdin_with_a_semicolon_header_is_taken_for_csv():
    assert sniff_format(b"id;title;text\n1;a;b\n") == "csv"
    assert sniff_format(b"id|title|text\n") == "csv"
    assert sniff_format("Der Rat hat beschlossen; die Länder zahlen.\n".encode()) == "text"


def test_a_semicolon_manifest_is_joined(corpus, tmp_path):
    path = _excel_csv(tmp_path / "excel.csv")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "doc_id;published\nheise-1password;2015-05-01\nliberation-nepal;2015-04-30\n",
        encoding="utf-8",
    )
    result = corpus("load", str(path), "--manifest", str(manifest), "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    dates = [json.loads(line)["published"] for line in result.stdout.splitlines()]
    assert [d[:10] for d in dates] == ["2015-05-01", "2015-04-30"]


def test_a_column_named_twice_keeps_the_first_and_fills_its_gaps(tmp_path):
    rows = articles(3)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "title", "text", "title"])
    writer.writerow([rows[0]["id"], rows[0]["title"], rows[0]["text"], "Second title"])
    writer.writerow([rows[1]["id"], "", rows[1]["text"], rows[1]["title"]])  # first empty
    writer.writerow([rows[2]["id"], rows[2]["title"], rows[2]["text"], ""])  # second empty
    path = tmp_path / "twice.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    result = load([str(path)])
    assert result.frame["title"].tolist() == [r["title"] for r in rows]
    told = [n for n in result.notes if "'title'" in n]
    assert len(told) == 1 and "twice.csv" in told[0] and "the first is read" in told[0]


def test_a_tsv_column_named_twice_is_told_too(tmp_path):
    row = articles(1)[0]
    path = tmp_path / "twice.tsv"
    path.write_text(f"id\ttext\ttext\n{row['id']}\t{row['text'][:200]}\tother\n", "utf-8")
    result = load([str(path)])
    (text,) = result.frame["text"].tolist()
    assert text.startswith(row["text"][:20]) and "other" not in text
    assert any("2 columns 'text'" in n and "twice.tsv" in n for n in result.notes)


def test_a_short_row_is_told_in_good_grammar(tmp_path):
    row = articles(1)[0]
    path = tmp_path / "short.csv"
    text = row["text"][:300]  # with line breaks: the stray row's line counts them
    path.write_text(f'id;title;text\n{row["id"]};x;"{text}"\nstray\n', "utf-8")
    result = load([str(path)])
    messages = [p.message for p in result.problems]
    assert messages == ["row has 1 field, the header 3"]
    assert result.problems[0].where == f"{path}:{3 + text.count(chr(10))}"


_TRICKY = (
    st.lists(st.sampled_from([*";,|\t\"' \n", "1,5", "a", "é", "Ä", "ß", "="]), max_size=20)
    .map("".join)
    .filter(lambda s: s.strip() != "")
)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(
    titles=st.lists(_TRICKY, min_size=2, max_size=2),
    notes=st.lists(_TRICKY, min_size=2),
    name=st.builds(  # a name with more ; or | than the header has columns, at times
        lambda sep, n, tail: ("note" + sep * n + tail).strip(),
        st.sampled_from(";|\t"),
        st.integers(0, 20),
        st.text(st.sampled_from([*";|,\"' é"]), max_size=8),
    ),
)
def test_a_comma_csv_the_project_writes_reads_back_the_same(titles, notes, name):
    """Whatever the cells and an extra column's name hold (``;`` ``|``, quotes, line breaks,
    decimal commas), the CSV that ``corpus load -f csv`` writes is read as a comma CSV, to the
    same articles."""
    rows = articles(2)
    for row, title, note in zip(rows, titles, notes, strict=False):
        row.update({"title": title, name: note})
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        first = load([str(source)]).frame
        written = io.StringIO()
        write_delimited(first, written, ",")
        again = Path(folder) / "again.csv"
        again.write_text(written.getvalue(), encoding="utf-8")
        result = load([str(again)])
    columns = ["doc_id", "title", "text", name]
    pd.testing.assert_frame_equal(
        result.frame[columns].reset_index(drop=True).astype(object),
        first[columns].reset_index(drop=True).astype(object),
    )
    assert not result.problems
    assert not any("separated by" in n for n in result.notes)
