"""#17.5: -o onto a symlink, a device, a FIFO or a file of its own mode; and writes that cannot
be done (a full device, a read-only folder, the file-size limit) give a clear message, exit 2,
and leave the previous file as it was, with no temporary file behind."""

from __future__ import annotations

import os
import resource
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from corpuscli.errors import Terminated
from corpuscli.render.atomic import atomic_open
from tests.conftest import SAMPLE, SEED_000

ROOT = os.geteuid() == 0


def _device(tmp_path: Path, name: str, minor: int) -> Path:
    """A character device of the memory driver (3: null, 7: full): a node of its own in
    ``tmp_path`` as root — so that a regression could not replace the machine's — else the
    machine's, which only root could replace."""
    if not ROOT:
        return Path(f"/dev/{name}")
    node = tmp_path / name
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    return node


def _temporary_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_a_symlink_is_written_through_and_stays_a_link(corpus, tmp_path):
    target = tmp_path / "real.tsv"
    target.write_text("old\n")
    link = tmp_path / "link.tsv"
    link.symlink_to(target.name)
    result = corpus("stats", str(SEED_000), "-o", str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == "real.tsv"
    assert target.read_text().startswith("corpus\tarticles")
    assert _temporary_files(tmp_path) == []


def test_a_dangling_symlink_creates_its_target(corpus, tmp_path):
    link = tmp_path / "link.tsv"
    link.symlink_to("new.tsv")
    assert corpus("stats", str(SEED_000), "-o", str(link)).exit_code == 0
    assert link.is_symlink() and (tmp_path / "new.tsv").read_text().startswith("corpus\t")


def test_the_replaced_file_keeps_its_mode_and_owner(corpus, tmp_path):
    out = tmp_path / "private.csv"
    out.write_text("old\n")
    out.chmod(0o600)
    owner = (1234, 1234) if ROOT else (os.getuid(), os.getgid())
    if ROOT:
        os.chown(out, *owner)
    assert corpus("stats", str(SEED_000), "-o", str(out)).exit_code == 0
    st = out.stat()
    assert stat.S_IMODE(st.st_mode) == 0o600
    assert (st.st_uid, st.st_gid) == owner
    assert out.read_text().startswith("corpus,articles")


def test_a_new_file_gets_the_umask_mode(corpus, tmp_path):
    out = tmp_path / "new.csv"
    umask = os.umask(0o022)
    try:
        assert corpus("stats", str(SEED_000), "-o", str(out)).exit_code == 0
    finally:
        os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_a_device_is_written_directly_not_replaced(corpus, tmp_path):
    null = _device(tmp_path, "null", 3)
    result = corpus("stats", str(SAMPLE), "-o", str(null), "--format", "tsv")
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(null.stat().st_mode)
    assert _temporary_files(null.parent) == []


def test_a_fifo_is_written_directly(corpus, tmp_path):
    fifo = tmp_path / "pipe.tsv"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = corpus("stats", str(SEED_000), "-o", str(fifo))
    reader.join(timeout=60)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert received and received[0].startswith(b"corpus\tarticles")


def test_a_full_device_is_a_clear_error(corpus, tmp_path):
    full = _device(tmp_path, "full", 7)
    for fmt in ("tsv", "parquet", "md"):
        result = corpus("load", str(SAMPLE), "-o", str(full), "--format", fmt)
        assert result.exit_code == 2, result.stderr
        assert f"cannot write the output: No space left on device ({full})" in result.stderr
        assert "free some space" in result.stderr
    assert stat.S_ISCHR(full.stat().st_mode)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "command",
    [
        ["terms", str(SAMPLE)],
        ["load", str(SAMPLE), "-f", "jsonl"],
        ["stats", str(SAMPLE), "-f", "json"],
    ],
    ids=["terms", "load", "stats"],
)
def test_a_full_disk_behind_stdout_is_a_clear_error(command):
    """`corpus terms … > /dev/full` was exit 70, 'internal error: OSError' (#17)."""
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "corpuscli", *command], stdout=full, stderr=subprocess.PIPE,
            text=True, timeout=300,
        )  # fmt: skip
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert lines == [
        "corpus: error: cannot write the output: No space left on device (standard output) — "
        "free some space, or write it elsewhere"
    ], done.stderr


def test_a_folder_is_refused(corpus, tmp_path):
    result = corpus("stats", str(SEED_000), "-o", str(tmp_path), "--format", "tsv")
    assert result.exit_code == 2 and "the output is a folder" in result.stderr


def test_a_read_only_folder_keeps_the_previous_file(corpus, read_only_folder):
    folder, lock = read_only_folder
    out = folder / "terms.tsv"
    out.write_text("previous\n")
    lock(out)
    lock(folder)
    result = corpus("terms", str(SAMPLE), "-o", str(out))
    assert result.exit_code == 2, result.stderr
    assert "cannot write the output" in result.stderr and str(out) in result.stderr
    assert "the previous file is unchanged" in result.stderr
    assert out.read_text() == "previous\n"
    assert _temporary_files(folder) == []


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (16_384, 16_384))  # Python ignores SIGXFSZ


def test_a_file_larger_than_the_limit_keeps_the_previous_file(tmp_path):
    """The file-size limit stands for a disk that fills up while the file is written."""
    out = tmp_path / "terms.tsv"
    out.write_text("previous\n")
    done = subprocess.run(
        [sys.executable, "-m", "corpuscli", "terms", str(SAMPLE), "--top", "5000", "-o", str(out)],
        capture_output=True, text=True, preexec_fn=_limit_file_size, timeout=300,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "cannot write the output: File too large" in done.stderr
    assert out.read_text() == "previous\n"
    assert _temporary_files(tmp_path) == []


def test_a_stop_while_writing_removes_the_temporary_file(tmp_path):
    out = tmp_path / "out.tsv"
    out.write_text("previous\n")
    with pytest.raises(Terminated), atomic_open(str(out)) as handle:
        handle.write("half of it")
        raise Terminated(15, "SIGTERM")
    assert out.read_text() == "previous\n"
    assert _temporary_files(tmp_path) == []


_DEFERRED = """
import os, signal, sys, time
from corpuscli import interrupts
from corpuscli.errors import Terminated
interrupts.install()
try:
    with interrupts.deferred():
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.2)
        print("the step ended")
except Terminated as exc:
    print("then stopped by", exc.name, interrupts.received() == signal.SIGTERM)
"""


def test_a_stop_during_a_deferred_step_comes_at_its_end():
    done = subprocess.run(
        [sys.executable, "-c", _DEFERRED], capture_output=True, text=True, timeout=120
    )
    assert done.stdout.splitlines() == ["the step ended", "then stopped by SIGTERM True"], (
        done.stderr
    )


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="a /proc file system (Linux)")
def test_a_place_that_takes_no_new_file_is_a_clear_error(corpus):
    """/proc takes no new file (ENOENT on creating one): that ended in `internal error:
    FileNotFoundError` (exit 70); any refusal of the system is said as the place's fault."""
    result = corpus("terms", str(SAMPLE), "-o", "/proc/version.tsv")
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith("corpus: error: cannot write the output: No such file")
    assert "(/proc/version.tsv) — write it elsewhere; " in result.stderr
