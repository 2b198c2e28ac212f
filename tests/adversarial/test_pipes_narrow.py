"""A cron job or a shell pipe around a run: `-o -` for standard output, a reader that closes
the pipe after one line (`| head -1`) while rich draws, and a diff on a 30-column terminal."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from rich.console import Console
from rich.text import Text

from corpuscli import load
from corpuscli.coverage.diff import diff_articles, side
from corpuscli.render.console import PipeConsole
from corpuscli.render.diff import rich_view
from tests.conftest import SAMPLE, SEED_000, SEED_003

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")


def _run(*args: str, cwd, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "corpuscli", *args],
        capture_output=True, text=True, timeout=120, cwd=cwd, env=os.environ.copy(), **kwargs,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("args", "first"),
    [
        (["terms", str(SEED_000), "-o", "-", "--format", "jsonl"], '{"term": '),
        (["stats", str(SEED_000), "-o", "-"], "corpus\tarticles"),  # auto: TSV in a pipe
    ],
)
def test_dash_output_is_standard_output_not_a_file_named_dash(tmp_path, args, first):
    """`-o -` wrote a file called "-" in the working folder ("wrote 50 rows to -") and nothing
    to the pipe; with no --format it refused: "cannot tell the output format from '-'"."""
    done = _run(*args, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(first)
    assert not (tmp_path / "-").exists()
    assert "wrote" not in done.stderr


class _ClosedPipe(io.StringIO):
    def write(self, s: str) -> int:
        raise BrokenPipeError


def test_a_closed_pipe_under_rich_is_an_exception_not_an_exit():
    """Rich's console exits with status 1 on a broken pipe, so `corpus report --format table |
    head -1` ended with 1 ("some inputs skipped") while the same pipe of TSV ended with 0."""
    with pytest.raises(SystemExit):  # what rich itself does: the reason for PipeConsole
        Console(file=_ClosedPipe()).print(Text("Corpus report"))
    with pytest.raises(BrokenPipeError):
        PipeConsole(file=_ClosedPipe()).print(Text("Corpus report"))


def test_report_as_a_table_into_a_closed_pipe_ends_with_zero(tmp_path):
    proc = subprocess.Popen(
        [sys.executable, "-m", "corpuscli", "report", str(SEED_000), str(SEED_003),
         "--format", "table"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env=os.environ.copy(),
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the first line is written
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 0, err
    assert err == ""


def _lines(width: int, monkeypatch) -> list[str]:
    monkeypatch.setenv("NO_COLOR", "1")
    frame = load([str(SEED_000), str(SEED_003)], manifest=str(SAMPLE / "manifest.csv")).frame
    d = diff_articles(side(frame.iloc[0]), side(frame.iloc[1]))
    out = io.StringIO()
    console = Console(file=out, width=width, no_color=True)
    console.print(rich_view(d, width=width))
    return out.getvalue().splitlines()


def test_a_diff_on_a_narrow_terminal_stacks_the_two_sides(monkeypatch):
    """At 30 columns the row-number column took 15 and each article got five characters a line
    ("Rus…", "sup…"): no statement could be read. Narrow, A and B are stacked in one column."""
    lines = _lines(30, monkeypatch)
    assert all(len(line) <= 30 for line in lines)
    body = "\n".join(lines)
    assert "│ A: why Russia supported" in body
    assert "│ B: —" in body
    assert "┳" not in lines[0]  # one column
    wide = _lines(120, monkeypatch)
    assert "┳" in wide[0]  # side by side as before
    assert "│ A: why Russia" not in "\n".join(wide)


def test_a_missing_entry_of_a_files_from_list_is_named_with_its_line(tmp_path):
    """A cron job's list with a file deleted meanwhile said only "no such file or folder
    (gone.txt)": which list, which line? The rest is still read (exit 1, output written)."""
    listing = tmp_path / "list.txt"
    listing.write_text(f"{SEED_000}\n\ngone.txt\n{SEED_003}\n", encoding="utf-8")
    done = _run("stats", "--files-from", str(listing), "--format", "jsonl", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert '"articles": 2' in done.stdout
    assert f"no such file or folder (gone.txt, line 3 of {listing})" in done.stderr
    assert "Traceback" not in done.stderr
    piped = _run("stats", "--files-from", "-", cwd=tmp_path, input=listing.read_text())
    assert "(gone.txt, line 3 of the --files-from list on standard input)" in piped.stderr


def test_since_after_until_is_said_as_such(corpus):
    """`--since 2021-06-20 --until 2021-06-01` said "no article falls in the time window —
    widen --since/--until", as if the corpus held nothing then: the bounds are swapped."""
    result = corpus("stats", str(SAMPLE), "--since", "2021-06-20", "--until", "2021-06-01")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "corpus: error: --since 2021-06-20 is not before --until 2021-06-01"
    )
    assert "swap them" in result.stderr
    kept = corpus("stats", str(SAMPLE), "--since", "2021-06-01", "--until", "2021-06-20")
    assert kept.exit_code == 0, kept.stderr
