"""The processes of a `corpus` run, read from /proc (Linux): a run is started in a session of
its own, so every process it makes — worker processes, a fork server, multiprocessing's
resource tracker — carries the run's session id, even once orphaned."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")


@dataclass(frozen=True)
class Member:
    pid: int
    ppid: int
    command: str


def session_members(session: int) -> list[Member]:
    """The live (not zombie) processes of a session."""
    members = []
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:  # ended meanwhile
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (name) "
        state, ppid, sid = fields[0], int(fields[1]), int(fields[3])
        if sid == session and state not in ("Z", "X"):
            members.append(Member(int(entry.name), ppid, command.strip()))
    return members


def workers(main: int, members: list[Member]) -> list[Member]:
    """The worker processes among a run's ``members``: neither the run's own process nor
    multiprocessing's helpers (the fork server, the resource tracker)."""
    return [m for m in members if m.pid != main and not (m.ppid == main and _helper(m.command))]


def _helper(command: str) -> bool:
    return "multiprocessing.forkserver" in command or "multiprocessing.resource_tracker" in command


def wait_for_none(session: int, timeout: float) -> list[Member]:
    """Wait until no process of the session is left (or ``timeout`` seconds); what is left."""
    deadline = time.monotonic() + timeout
    while (left := session_members(session)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def kill_session(session: int) -> None:
    """Clean up after a failed test: kill what is left of the run, process by process."""
    for member in session_members(session):
        with contextlib.suppress(OSError):
            os.kill(member.pid, signal.SIGKILL)
