"""#17.3: nothing is lost without a word — an unreadable folder inside a tree, and a CSV quote
left open (which used to turn every later row into the text of one row)."""

from __future__ import annotations

import csv
import io
import os

import pytest

from corpuscli import load

from .generated import articles


def _csv(rows: list[dict], delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _plain_rows(n: int) -> list[dict]:
    """Rows whose fields need no quoting (one line, no quote or comma), as many exports have:
    a quote left open in one of them then runs on through all the rows after it."""

    def plain(text: str) -> str:
        return " ".join(text.replace('"', "”").replace(",", ";").split())

    return [
        {"id": r["id"], "title": plain(r["title"]), "text": plain(r["text"])} for r in articles(n)
    ]


@pytest.fixture
def tree(tmp_path):
    """corpus/{fox,cnn,locked}/..., each with one article; ``locked`` cannot be listed."""
    rows = articles(3)
    for name, row in zip(("fox", "cnn", "locked"), rows, strict=True):
        (tmp_path / "corpus" / name).mkdir(parents=True)
        (tmp_path / "corpus" / name / f"{row['id']}.txt").write_text(row["text"], encoding="utf-8")
    return tmp_path / "corpus"


def _lock(monkeypatch, folder) -> None:
    """Make ``folder`` unlistable, as without its x permission (tests may run as root, who
    lists anything)."""
    real_scandir = os.scandir

    def scandir(path=".", *args, **kwargs):
        if os.fspath(path) == os.fspath(folder):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_subfolder_is_a_skipped_input(tree, monkeypatch):
    _lock(monkeypatch, tree / "locked")
    result = load([str(tree)])
    assert sorted(result.frame["source"]) == ["cnn", "fox"]
    (problem,) = result.problems
    assert problem.where == str(tree / "locked")
    assert problem.message == "cannot read this folder: Permission denied"
    assert result.partial


def test_an_unreadable_subfolder_gives_exit_1_on_the_command_line(tree, corpus, monkeypatch):
    _lock(monkeypatch, tree / "locked")
    result = corpus("load", str(tree), "--format", "jsonl")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    assert f"cannot read this folder: Permission denied ({tree / 'locked'})" in result.stderr


def test_an_unreadable_top_folder_says_so_rather_than_empty(tmp_path, monkeypatch):
    folder = tmp_path / "nope"
    folder.mkdir()
    _lock(monkeypatch, folder)
    result = load([str(folder)])
    assert [p.message for p in result.problems] == ["cannot read this folder: Permission denied"]


@pytest.mark.parametrize("delimiter", [",", "\t"])
@pytest.mark.parametrize("column", ["text", "title"])
def test_a_quote_left_open_is_named_and_the_rows_before_it_kept(tmp_path, delimiter, column):
    """The quote opens in the text column (the row keeps its field count: every later row used
    to become its text) or in another one (the row has too few fields: the later rows used to
    vanish without a word). A TSV counts as quoting its fields when its head shows a quoted
    field holding a tab (row 1 here); otherwise a quote is a character (the next test)."""
    rows = _plain_rows(6)
    if delimiter == "\t":
        rows[0]["title"] = rows[0]["title"].replace(" ", "\t", 1)  # csv quotes it: "a\tb"
    lines = _csv(rows, delimiter).splitlines(keepends=True)
    # row 3 (line 4): its field opens a quote that never closes
    fields = lines[3].rstrip("\n").split(delimiter)
    fields[list(rows[0]).index(column)] = '"' + fields[list(rows[0]).index(column)]
    lines[3] = delimiter.join(fields) + "\n"
    path = tmp_path / ("broken.csv" if delimiter == "," else "broken.tsv")
    path.write_text("".join(lines), encoding="utf-8")
    result = load([str(path)])
    assert result.frame["doc_id"].tolist() == [r["id"] for r in rows[:2]]
    (problem,) = result.problems
    assert problem.where == f"{path}:4"
    assert problem.message.startswith("unterminated quote: a field of the row on line 4 runs")
    assert "the 2 articles before it are kept" in problem.message


@pytest.mark.parametrize("column", ["text", "title"])
def test_in_a_line_based_tsv_a_quote_is_a_character(tmp_path, column):
    """A TSV that quotes no field is read a line a record (as corpuscli writes TSV): a field
    opening with a quote that never closes is text, and no row is lost."""
    rows = _plain_rows(6)
    lines = _csv(rows, "\t").splitlines(keepends=True)
    fields = lines[3].rstrip("\n").split("\t")
    at = list(rows[0]).index(column)
    fields[at] = '"' + fields[at]
    lines[3] = "\t".join(fields) + "\n"
    path = tmp_path / "plain.tsv"
    path.write_text("".join(lines), encoding="utf-8")
    result = load([str(path)])
    assert not result.problems
    assert result.frame["doc_id"].tolist() == [r["id"] for r in rows]
    assert result.frame[column].iloc[2].startswith('"')


def test_a_field_running_past_the_line_bound_stops_the_file_there(tmp_path):
    rows = _plain_rows(4)
    text = _csv(rows[:2])
    tail = _csv(rows[2:]).split("\n", 1)[1]
    bound = 2 * max(len(line) for line in (text + tail).splitlines())  # every line fits
    path = tmp_path / "runaway.csv"
    path.write_text(text + 'x,"Open quote,' + tail * (3 * bound // len(tail)), encoding="utf-8")
    result = load([str(path)], max_line_size=bound)
    assert result.frame["doc_id"].tolist() == [r["id"] for r in rows[:2]]
    (problem,) = result.problems
    assert problem.where == f"{path}:{len(text.splitlines()) + 1}"
    assert "(an unterminated quote?)" in problem.message


def test_quotes_that_close_are_not_flagged(tmp_path):
    rows = [{"id": r["id"], "title": r["title"], "text": r["text"]} for r in articles(5)]
    rows[-1]["text"] = 'He said "no" —\nand left, "quietly'  # last row, quotes doubled by csv
    path = tmp_path / "fine.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    result = load([str(path)])
    assert not result.problems and len(result.frame) == 5
