"""#17.1: SIGTERM and SIGHUP stop a run as Ctrl-C does — worker processes stopped, the temporary
file of -o removed, exit 143 / 129 — and even SIGKILL leaves no worker behind.

Real `corpus` processes, each in a session of its own (so that every process it makes can be
found in /proc, orphaned or not), on a workload that uses worker processes: forked ones, ones
from a fork server (a run with another thread), and a run stopped while it writes -o. SIGTERM,
SIGHUP and SIGKILL are each sent 20 times (CORPUSCLI_SIGNAL_RUNS), Ctrl-C a quarter as often,
the runs rotating through the three; after each, no process of the run may be left."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .generated import articles, jsonl
from .processes import kill_session, session_members, wait_for_none, workers

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the processes of a run are read from /proc"
)

RUNS = int(os.environ.get("CORPUSCLI_SIGNAL_RUNS", "20"))
#: Runs in flight at once (each is mostly a Python start-up).
AT_ONCE = 3
#: Seconds a run may take to reach the moment it is stopped at, or to stop: a hung run fails
#: the test instead of hanging it.
PATIENCE = 180

#: `corpus` with a thread running beside the main one: its workers come from a fork server.
FORK_SERVER = (
    "import sys, threading, time\n"
    "threading.Thread(target=time.sleep, args=(3600,), daemon=True).start()\n"
    "from corpuscli.cli.app import main\n"
    "main()\n"
)
VARIANTS = ("forked", "fork server", "writing -o")


@pytest.fixture(scope="module")
def workload(tmp_path_factory) -> Path:
    """150 JSON Lines files of about 0.7 MB of roundup articles (their lang given, so that
    load has no language to detect): two workers are busy for seconds after they start, so a
    signal sent once they are seen reaches a run at work, not one already ending (with a
    dozen files, a fast machine ended the run within a poll of the workers being seen, and the
    signal met an interpreter shutting down)."""
    folder = tmp_path_factory.mktemp("signals") / "corpus"
    folder.mkdir()
    body = jsonl({**row, "lang": "en"} for row in articles(100)) * 20
    for number in range(150):
        (folder / f"part{number:02}.jsonl").write_bytes(body)
    return folder


def _command(variant: str, workload: Path, out: Path) -> list[str]:
    if variant == "forked":
        return [sys.executable, "-m", "corpuscli", "terms", str(workload), "-j", "2"]
    if variant == "fork server":
        return [sys.executable, "-c", FORK_SERVER, "terms", str(workload), "-j", "2"]
    return [sys.executable, "-m", "corpuscli", "load", str(workload), "-j", "2", "-o", str(out)]


def _stop_one(variant: str, signum: int, workload: Path, folder: Path) -> str | None:
    """One run stopped by ``signum`` (at its worker processes, or while it writes -o): what
    went wrong, or None."""
    folder.mkdir()
    out = folder / "out.jsonl.gz"
    out.write_bytes(b"previous\n")
    env = {**os.environ, "CORPUSCLI_PARTITION_MB": "0", "NO_COLOR": "1"}  # a part per file
    with (folder / "stderr").open("wb") as err:
        proc = subprocess.Popen(
            _command(variant, workload, out), cwd=folder, env=env, start_new_session=True,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err,
        )  # fmt: skip
    try:
        seen = _wait_for_the_moment(proc, variant, folder)
        if isinstance(seen, str):
            return seen
        if signum == signal.SIGINT:
            os.killpg(proc.pid, signum)  # Ctrl-C at a terminal reaches the whole group
        else:
            os.kill(proc.pid, signum)
        try:
            code = proc.wait(timeout=PATIENCE)
        except subprocess.TimeoutExpired:
            return f"{variant}: still running {PATIENCE} s after {signal.Signals(signum).name}"
        left = wait_for_none(proc.pid, timeout=30)
        stderr = (folder / "stderr").read_text(errors="replace")
        return _judge(variant, signum, code, stderr, left, folder, seen)
    finally:
        kill_session(proc.pid)
        proc.wait(timeout=PATIENCE)


def _has_fork_server(pid: int, members: list) -> bool:
    """Whether the run's processes include a fork server: its command line is read from /proc,
    which a loaded machine may not have filled in yet at the first look, so look again."""
    for _ in range(20):
        if any("multiprocessing.forkserver" in m.command for m in members):
            return True
        time.sleep(0.05)
        members = session_members(pid)
    return False


def _wait_for_the_moment(proc: subprocess.Popen, variant: str, folder: Path) -> int | str:
    """Wait until the run has two workers (or writes its temporary -o file); the processes it
    had then, or what went wrong."""
    for _ in range(PATIENCE * 100):
        if proc.poll() is not None:
            return f"{variant}: the run ended (exit {proc.returncode}) before it could be stopped"
        members = session_members(proc.pid)
        if variant == "writing -o":
            if list(folder.glob(".out.jsonl.gz.*.tmp")):
                return len(members)
        elif len(workers(proc.pid, members)) >= 2:
            server = _has_fork_server(proc.pid, members)
            if server != (variant == "fork server"):
                return (
                    f"{variant}: the workers do not come from where they should (server {server})"
                )
            return len(members)
        time.sleep(0.01)
    return f"{variant}: no worker after {PATIENCE} s"


def _judge(
    variant: str, signum: int, code: int, stderr: str, left: list, folder: Path, seen: int
) -> str | None:
    name = signal.Signals(signum).name
    where = f"{variant}, {name} (with {seen} processes)"
    if left:
        return f"{where}: left running: {[(m.pid, m.command[:80]) for m in left]}"
    if signum == signal.SIGKILL:
        return None if code == -signal.SIGKILL else f"{where}: exit {code}"
    expected = 128 + signum
    said = "corpus: interrupted" if signum == signal.SIGINT else f"corpus: stopped by {name}"
    if code != expected or said not in stderr or "Traceback" in stderr:
        return f"{where}: exit {code} (not {expected}), stderr: {stderr[-600:]!r}"
    if variant == "writing -o":
        leftovers = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
        if leftovers:
            return f"{where}: temporary files left: {leftovers}"
        if (folder / "out.jsonl.gz").read_bytes() != b"previous\n":
            return f"{where}: the previous output was not kept"
    return None


@pytest.mark.parametrize(
    "signum",
    [signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGKILL],
    ids=["SIGTERM", "SIGHUP", "SIGINT-to-the-group", "SIGKILL"],
)
def test_a_stopped_run_leaves_no_process_and_no_temporary_file(workload, tmp_path, signum):
    variants = VARIANTS[:2] if signum == signal.SIGKILL else VARIANTS  # SIGKILL cannot clean up
    # Ctrl-C's handling is older and tested elsewhere: here, that workers which ignore it
    # still stop with the run, in fewer runs
    runs = max(len(variants), RUNS // 4) if signum == signal.SIGINT else RUNS
    with ThreadPoolExecutor(AT_ONCE) as pool:
        failures = [
            failure
            for failure in pool.map(
                lambda n: _stop_one(
                    variants[n % len(variants)], signum, workload, tmp_path / f"run{n:02}"
                ),
                range(runs),
            )
            if failure
        ]
    assert not failures, "\n".join(failures)


_SWALLOWED = """
import os, signal, time
from corpuscli import interrupts
from corpuscli.errors import Terminated
interrupts.install()

class Finalised:
    def __del__(self):  # an exception raised here is printed, not raised
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.05)

thing = Finalised()
del thing
try:
    time.sleep(30)
    print("not stopped")
except Terminated:
    print("stopped after all")
"""


def test_a_stop_swallowed_by_a_finaliser_is_raised_again():
    done = subprocess.run(
        [sys.executable, "-c", _SWALLOWED], capture_output=True, text=True, timeout=120
    )
    assert done.stdout.strip() == "stopped after all", done.stderr
    assert "Exception ignored" not in done.stderr


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_dask_run_stops_whole_and_quietly(workload, tmp_path, signum):
    """A run on a local Dask cluster stopped while its workers run: its exit status, the one
    line on stderr and nothing else (a Dask client's cut-short tasks logged 'Task exception was
    never retrieved' with a traceback, and the resource tracker warned of leaked semaphores),
    and no process of it left two seconds later (they lingered for about three)."""
    pytest.importorskip("distributed")
    parts = tmp_path / "parts"
    parts.mkdir()
    for source in sorted(workload.iterdir())[:8]:
        (parts / source.name).write_bytes(source.read_bytes())
    env = {**os.environ, "NO_COLOR": "1"}
    command = [sys.executable, "-m", "corpuscli", "boilerplate", str(parts), "--engine", "dask",
               "-j", "2", "-o", str(tmp_path / "out.tsv")]  # fmt: skip
    with (tmp_path / "stderr").open("wb") as err:
        proc = subprocess.Popen(
            command, cwd=tmp_path, env=env, start_new_session=True,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err,
        )  # fmt: skip
    try:
        for _ in range(PATIENCE * 100):  # the cluster's two workers are up
            assert proc.poll() is None, "the run ended before it could be stopped"
            if len(workers(proc.pid, session_members(proc.pid))) >= 2:
                break
            time.sleep(0.01)
        time.sleep(1.0)  # and at work
        os.kill(proc.pid, signum)  # the run alone: Ctrl-C to the group reaches the workers too
        code = proc.wait(timeout=PATIENCE)
        left = wait_for_none(proc.pid, timeout=2)
        stderr = (tmp_path / "stderr").read_text(errors="replace")
        said = "corpus: interrupted" if signum == signal.SIGINT else "corpus: stopped by SIGTERM"
        assert code == 128 + signum, stderr
        assert stderr.strip().splitlines() == [said], stderr
        assert not left, [(m.pid, m.command[:80]) for m in left]
        assert not list(tmp_path.glob(".out.tsv.*.tmp"))
    finally:
        kill_session(proc.pid)
        proc.wait(timeout=PATIENCE)


_LATE = """
import os, signal
from corpuscli import interrupts
from corpuscli.cli import app as cli

def finished(**kwargs):
    print("whole output")
    raise SystemExit(0)

def late():
    os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C as the finished run leaves
    return None

cli.app = finished
interrupts.received = late
cli.main()
"""


def test_a_ctrl_c_that_comes_as_a_finished_run_leaves_cuts_nothing():
    done = subprocess.run(
        [sys.executable, "-c", _LATE], capture_output=True, text=True, timeout=120
    )
    assert (done.returncode, done.stdout) == (0, "whole output\n"), done.stderr
    assert "Traceback" not in done.stderr
