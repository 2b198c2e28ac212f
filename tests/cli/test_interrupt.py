"""Ctrl-C ends every process of a run — the command and its worker processes — within two
seconds, every time (#18: 1 of 9 tries hung for ten minutes, workers waiting on a futex).

A real `corpus terms --jobs 2` over a generated JSON Lines file of repeated sample_data text is
interrupted 20 times, at different moments (starting up, loading, counting in the workers), by
SIGINT to its process group (what a terminal's Ctrl-C sends) or to the command alone; then no
process of the group may be left. The loop takes a minute or two: `-m "not interrupts"` leaves
it out. CORPUSCLI_INTERRUPT_DEADLINE widens the two seconds on a machine too loaded to keep it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROUNDUPS

pytestmark = [
    pytest.mark.interrupts,
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)"),
]

TRIES = 20
DEADLINE = float(os.environ.get("CORPUSCLI_INTERRUPT_DEADLINE", "2"))


@pytest.fixture(scope="module")
def workload(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 30 MB of JSON Lines: the 36 roundups again and again, under new ids."""
    path = tmp_path_factory.mktemp("interrupt") / "big.jsonl"
    rows = [json.loads(line) for line in ROUNDUPS.read_text(encoding="utf-8").splitlines()]
    with path.open("w", encoding="utf-8") as out:
        n = 0
        while out.tell() < 30_000_000:
            for row in rows:
                out.write(json.dumps({**row, "id": f"{row['id']}_{n}"}) + "\n")
                n += 1
    return path


def group(pgid: int) -> list[tuple[int, str]]:
    """(pid, state) of the live processes of a process group (zombies left out)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (name) "
        state, pgrp = fields[0], int(fields[2])
        if pgrp == pgid and state != "Z":
            found.append((int(entry), state))
    return found


def wait_for(condition, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def test_ctrl_c_ends_every_process_within_two_seconds_every_time(workload, tmp_path):
    args = [sys.executable, "-m", "corpuscli", "terms", str(workload), "--jobs", "2", "-f", "tsv"]
    whole = subprocess.run(args, capture_output=True, check=True).stdout
    interrupted = 0
    for attempt in range(TRIES):
        out_path = tmp_path / f"out{attempt}.tsv"
        with out_path.open("wb") as out:
            proc = subprocess.Popen(args, stdout=out, stderr=subprocess.PIPE, start_new_session=True)
        pgid = proc.pid
        try:
            if attempt % 4 == 0:  # early: importing, reading, forking
                time.sleep(0.3 + 0.2 * (attempt // 4))
            else:  # while the workers count
                wait_for(lambda pgid=pgid: len(group(pgid)) >= 3, 30)
                time.sleep(0.1 * (attempt % 5))
            if proc.poll() is not None:
                continue  # done before the interrupt: nothing to test this time
            if attempt % 2:
                os.kill(proc.pid, signal.SIGINT)  # the command alone
            else:
                os.killpg(pgid, signal.SIGINT)  # Ctrl-C at a terminal: the whole group
            sent = time.monotonic()
            ended = wait_for(
                lambda pgid=pgid, proc=proc: not group(pgid) and proc.poll() is not None, DEADLINE
            )
            took = time.monotonic() - sent
            left = group(pgid)
            assert ended, f"try {attempt}: after {took:.1f} s, still running: {left}"
            err = proc.stderr.read().decode() if proc.stderr else ""
            if proc.returncode == 0:
                # The Ctrl-C came as the finished run was exiting (the interpreter no longer runs
                # handlers then): success is the truth only if the whole output was written.
                assert out_path.read_bytes() == whole, (attempt, "exit 0 with partial output")
                assert not err, (attempt, err)
                continue
            assert proc.returncode in (130, -signal.SIGINT), (attempt, proc.returncode, err)
            interrupted += 1
            assert "Traceback" not in err, err
        finally:
            if group(pgid):
                os.killpg(pgid, signal.SIGKILL)
            proc.wait(timeout=10)
            if proc.stderr:
                proc.stderr.close()
    assert interrupted >= TRIES * 3 // 4  # most tries caught it at work


#: A stand-in for the `corpus` console script: it imports the entry module as the script does,
#: then starts one process as multiprocessing's spawn does for a Dask worker (which re-imports
#: this script first), and prints each process's Ctrl-C disposition.
SPAWNING_SCRIPT = """\
import multiprocessing, signal
from corpuscli.cli.entry import main

def disposition():
    return "ignored" if signal.getsignal(signal.SIGINT) is signal.SIG_IGN else "handled"

def report(queue):
    queue.put(disposition())

if __name__ == "__main__":
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=report, args=(queue,))
    child.start()
    print("command", disposition(), "worker", queue.get(timeout=60))
    child.join()
"""


def test_a_worker_process_of_the_command_leaves_ctrl_c_to_the_command(tmp_path):
    """The terminal's Ctrl-C reaches every process of the group: a worker still importing its
    libraries (a Dask worker takes a second or two) would print a KeyboardInterrupt traceback.
    The workers ignore it from the moment they import the script; the command keeps it."""
    script = tmp_path / "corpus_like.py"
    script.write_text(SPAWNING_SCRIPT)
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["command", "handled", "worker", "ignored"]
