"""#17.4: terminal escape codes in any field, column name or file name are shown, never obeyed,
in everything drawn at a terminal and in every message on stderr; a file or a pipe gets the
values as they are. The runs at a terminal are real: `corpus` on a pseudo-terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpuscli.render.safe import CONTROL_OR_NEWLINE, printable, printable_data

from .generated import articles

#: Sets the window's title; clears the screen; blinks; CSI in its one-character (C1) form.
TITLE, CLEAR, BLINK, CSI = "\x1b]0;PWNED\x07", "\x1b[2J", "\x1b[5m", "\x9b2J"


def test_printable_writes_control_characters_out():
    assert printable(f"a{TITLE}b") == "a\\x1b]0;PWNED\\x07b"
    assert printable(CSI) == "\\x9b2J"
    assert printable("left\u202eright") == "left\\u202eright"  # reorders what is shown
    assert printable("tab\tand\nnewline") == "tab\tand\nnewline"
    assert printable("two\nlines\r", one_line=True) == "two\\nlines\\r"
    assert printable("plain “text”, ünïcode") == "plain “text”, ünïcode"
    assert printable_data({"k\x1b": [f"v{CLEAR}", 3]}) == {"k\\x1b": ["v\\x1b[2J", 3]}


@given(st.text())
def test_printable_leaves_no_control_character(text):
    shown = printable(text, one_line=True)
    assert CONTROL_OR_NEWLINE.search(shown) is None
    assert printable(shown, one_line=True) == shown  # twice is once


@pytest.fixture
def evil(tmp_path):
    """An article whose id, source, url, an extra column's name and value carry escape codes,
    in a file whose name carries one too, beside a file with a broken line."""
    path = tmp_path / f"feed{TITLE}.jsonl"
    path.write_text(_evil_row() + "\n" + "not json\n", encoding="utf-8")
    return path


def _evil_row() -> str:
    row = articles(1)[0]
    row.update(id=f"id{TITLE}", source=f"src{CLEAR}", url=f"http://x/{BLINK}")
    row[f"extra{BLINK}"] = f"value{CSI}"
    return json.dumps(row, ensure_ascii=False)


def _at_a_terminal(*args: str) -> str:
    """`corpus ARGS` with stdout and stderr on a pseudo-terminal: everything it wrote."""
    import pty

    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "300", "NO_COLOR": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "corpuscli", *args],
        stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=env,
    )  # fmt: skip
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other side closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    proc.wait(timeout=120)
    return b"".join(chunks).decode("utf-8", errors="replace")


def _obeyed(text: str) -> list[str]:
    return [code for code in (TITLE, CLEAR, BLINK, CSI) if code in text]


pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="a pseudo-terminal (pty) as on Linux"
)


@pytest.mark.parametrize("fmt", ["table", "tsv", "csv", "jsonl", "md"])
def test_nothing_from_the_input_is_obeyed_at_a_terminal(evil, fmt):
    shown = _at_a_terminal("load", str(evil.parent), "--format", fmt)
    assert _obeyed(shown) == []
    if fmt == "jsonl":  # JSON writes ESC out itself
        assert "id\\u001b]0;PWNED\\u0007" in shown and "value\\x9b2J" in shown
    else:
        assert "id\\x1b]0;PWNED\\x07" in shown and "src\\x1b[2J" in shown
    # the broken line's message names the file, its escape code written out
    assert "feed\\x1b]0;PWNED\\x07.jsonl:2" in shown


def test_the_terms_table_and_its_column_names_at_a_terminal(evil):
    shown = _at_a_terminal("terms", str(evil), "--by", "source", "--top", "3")
    assert _obeyed(shown) == [] and "src\\x1b[2J" in shown


def test_a_diff_and_a_report_at_a_terminal(tmp_path):
    row = articles(2)[1]
    row.update(source=f"other{CLEAR}")
    corpus = tmp_path / "two.jsonl"
    corpus.write_text(_evil_row() + "\n" + json.dumps(row) + "\n", encoding="utf-8")
    for args in (
        ["diff", f"id{TITLE}", row["id"], "--corpus", str(corpus)],
        ["report", str(corpus)],
    ):
        shown = _at_a_terminal(*args)
        assert _obeyed(shown) == [], args
        assert "src\\x1b[2J" in shown and "other\\x1b[2J" in shown, (args, shown)


def test_messages_about_paths_and_values_are_printable(tmp_path):
    shown = _at_a_terminal("stats", str(tmp_path / f"missing{TITLE}.txt"))
    assert _obeyed(shown) == [] and "missing\\x1b]0;PWNED\\x07.txt" in shown
    shown = _at_a_terminal("stats", str(tmp_path), "--since", f"yesterday{CLEAR}")
    assert _obeyed(shown) == [] and "\\x1b[2J" in shown


def test_a_pipe_gets_the_values_as_they_are(evil):
    done = subprocess.run(
        [sys.executable, "-m", "corpuscli", "load", str(evil), "--format", "tsv"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert f"id{TITLE}\tsrc{CLEAR}" in done.stdout
    assert f"extra{BLINK}" in done.stdout.splitlines()[0]
    assert _obeyed(done.stderr) == []  # messages are for people, pipe or not
