"""What the machine around a run does to it: a named pipe or a broken link left in a folder of
articles, a temporary folder that cannot take a file. A cron job meets these; none may hang the
run or end it with a traceback."""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys

import pytest

from corpuscli import load
from tests.conftest import SEED_000, SEED_003

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="named pipes and rlimits (POSIX)")


def _run(*args: str, env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "corpuscli", *args],
        capture_output=True,
        text=True,
        timeout=60,  # a hang fails the test instead of blocking the suite
        env={**os.environ, **(env or {})},
        **kwargs,
    )


@pytest.fixture
def folder_with_a_pipe(tmp_path):
    """The seed article, a named pipe nobody writes to and a link to nowhere, all named as
    articles are (``.txt``), in one folder."""
    shutil.copy(SEED_000, tmp_path / "seed.txt")
    os.mkfifo(tmp_path / "feed.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted-meanwhile.txt")
    return tmp_path


def test_a_named_pipe_in_a_folder_is_skipped_not_waited_on(folder_with_a_pipe):
    done = _run("stats", str(folder_with_a_pipe), "--format", "jsonl")
    assert done.returncode == 1, done.stderr  # written, an input skipped
    assert '"articles": 1' in done.stdout
    pipe = folder_with_a_pipe / "feed.txt"
    assert f"not a regular file (a named pipe): skipped ({pipe})" in done.stderr
    assert f"({folder_with_a_pipe / 'gone.txt'}) — " in done.stderr  # named, with a remedy
    assert "Traceback" not in done.stderr


def test_the_loader_names_the_pipe_and_the_broken_link(folder_with_a_pipe):
    result = load([str(folder_with_a_pipe)])
    assert result.frame["doc_id"].tolist() == ["seed"]
    problems = {p.where: p for p in result.problems}
    assert set(problems) == {
        str(folder_with_a_pipe / "feed.txt"),
        str(folder_with_a_pipe / "gone.txt"),
    }
    assert "broken symbolic link" in problems[str(folder_with_a_pipe / "gone.txt")].message
    assert problems[str(folder_with_a_pipe / "gone.txt")].hint


def test_a_named_pipe_given_by_name_is_read(tmp_path):
    """A pipe named on the command line is meant: `corpus stats <(zcat f.gz)` reads one."""
    pipe = tmp_path / "feed.txt"
    os.mkfifo(pipe)
    reader = subprocess.Popen(
        [sys.executable, "-m", "corpuscli", "stats", str(pipe), "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    with open(pipe, "wb") as writer:
        writer.write(SEED_000.read_bytes())
    out, err = reader.communicate(timeout=120)
    assert reader.returncode == 0, err
    assert '"articles": 1' in out


def _file_size_limit(limit: int):
    """A child's preexec: files it writes may not grow past ``limit`` bytes (as a full TMPDIR
    or a quota refuses them; Python ignores SIGXFSZ, so the write fails with EFBIG)."""
    import resource

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_temporary_folder_without_room_for_the_language_model_is_an_error_not_a_crash(tmp_path):
    """`corpus load` detects each article's language; py3langid inflates its model into a
    temporary file first. With no room there the run said `internal error: OSError`, exit 70."""
    short = tmp_path / "short.txt"  # too few English marker words: the model is asked
    short.write_text("Ankara: Türkiye und Aserbaidschan begrüßen Putins Erklärung.\n", "utf-8")
    done = _run("load", str(short), "--format", "jsonl", preexec_fn=_file_size_limit(4096))
    assert done.returncode == 2, done.stderr
    assert "internal error" not in done.stderr
    assert "cannot write a temporary file (the language detector's model): File too large" in (
        done.stderr
    )
    assert "set TMPDIR" in done.stderr and len(done.stderr.splitlines()) == 1


def test_a_temporary_folder_without_room_for_the_workers_parts_is_an_error_not_a_crash(tmp_path):
    """A compressed JSON Lines file read by several workers is inflated into parts in TMPDIR."""
    from tests.adversarial.generated import articles, jsonl

    path = tmp_path / "feed.jsonl.gz"
    # stored, not deflated: the file weighs what it holds, so it is cut into parts
    path.write_bytes(gzip.compress(jsonl(articles(12) * 40), compresslevel=0))
    done = _run(
        "terms", str(path), "--jobs", "2", "--format", "tsv",
        env={"CORPUSCLI_PARTITION_MB": "0.1", "TMPDIR": str(tmp_path)},
        preexec_fn=_file_size_limit(50_000),
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "internal error" not in done.stderr
    assert (
        "cannot write a temporary file (a part of a compressed file for the workers): "
        f"File too large ({tmp_path})"
    ) in done.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["feed.jsonl.gz"]  # no part left behind


def test_a_linked_outlet_folder_is_read_once_and_a_loop_is_not_followed(tmp_path):
    """corpus/fox -> elsewhere/fox was skipped without a word (the walk did not follow links:
    `folder holds no article files`, or exit 0 with the outlet missing). A link is followed,
    but not to a folder read already nor to one holding the corpus (a loop, or /)."""
    elsewhere = tmp_path / "elsewhere" / "fox"
    elsewhere.mkdir(parents=True)
    shutil.copy(SEED_000, elsewhere / "seed.txt")
    corpus = tmp_path / "corpus"
    (corpus / "moscow").mkdir(parents=True)
    shutil.copy(SEED_003, corpus / "moscow" / "seed3.txt")
    (corpus / "fox").symlink_to(elsewhere)
    (corpus / "fox-again").symlink_to(elsewhere)  # the same folder twice
    (corpus / "up").symlink_to(tmp_path)  # holds the corpus: a loop
    (corpus / "root").symlink_to("/")
    result = load([str(corpus)])
    assert sorted(result.frame["source"].tolist()) == ["fox", "moscow"]
    assert not result.problems


def _closed(fd: int):
    """A child's preexec: the standard stream ``fd`` closed, as `>&-`, `2>&-`, `<&-` leave it."""

    def apply() -> None:
        os.close(fd)

    return apply


def test_a_closed_stdout_is_said_in_one_line(tmp_path):
    """`corpus stats x >&-` ended in `internal error: AttributeError: 'NoneType' object has no
    attribute 'isatty'` (Python sets a closed stream to None)."""
    done = subprocess.run(
        [sys.executable, "-m", "corpuscli", "stats", str(SEED_000)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=60,
        preexec_fn=_closed(1),
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert done.stderr == (
        "corpus: error: cannot write the output: standard output is closed (standard output)"
        " — give -o FILE, or leave it open\n"
    )
    out = tmp_path / "stats.tsv"  # -o needs no stdout
    done = subprocess.run(
        [sys.executable, "-m", "corpuscli", "stats", str(SEED_000), "-o", str(out), "-q"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=60,
        preexec_fn=_closed(1),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("corpus\tarticles")


def test_a_closed_stderr_or_stdin_is_no_crash():
    done = subprocess.run(
        [sys.executable, "-m", "corpuscli", "stats", str(SEED_000), "--format", "jsonl"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, timeout=60,
        preexec_fn=_closed(2),
    )  # fmt: skip
    assert done.returncode == 0 and '"articles": 1' in done.stdout
    done = subprocess.run(
        [sys.executable, "-m", "corpuscli", "stats", "-"],
        capture_output=True, text=True, timeout=60, preexec_fn=_closed(0),
    )  # fmt: skip
    assert done.returncode == 2  # nothing to read, said as for an empty stdin
    assert "internal error" not in done.stderr and "empty file: no text (-)" in done.stderr
