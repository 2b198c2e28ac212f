"""The shared reader of the package's data files: what a comment and a blank line are, and how
lines are trimmed, with and without the options two readers keep."""

from __future__ import annotations

from corpuscli.data_files import data_lines, useful_lines

TEXT = "# a comment\nsaid\n\n   \n  Sen. \n  # indented\n\tsays\t\r\n#x\r\nTold, told\n"


def test_blank_lines_and_comments_dropped_lines_stripped() -> None:
    assert useful_lines(TEXT) == ["said", "Sen.", "says", "Told, told"]


def test_first_column_comments_only() -> None:
    assert useful_lines(TEXT, indented_comments=False) == [
        "said", "Sen.", "# indented", "says", "Told, told",
    ]  # fmt: skip


def test_lines_kept_as_written() -> None:
    assert useful_lines(TEXT, strip=False, indented_comments=False) == [
        "said", "  Sen. ", "  # indented", "\tsays\t", "Told, told",
    ]  # fmt: skip


def test_no_lines() -> None:
    assert useful_lines("") == []
    assert useful_lines("# only\n\n  # comments\n") == []


def test_reads_a_packaged_file() -> None:
    lines = data_lines("boilerplate/MANIFEST")
    assert lines and all(line == line.strip() and not line.startswith("#") for line in lines)
    assert all(len(line.split()) == 2 for line in lines)
