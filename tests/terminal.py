"""Running `corpus` at a pseudo-terminal of a given size, as a person at a terminal would (POSIX
only): what it draws there, with the escape codes of styles and cursor moves taken out."""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

import pytest

#: Escape sequences a terminal interprets (SGR styles, cursor moves, erasing, modes).
_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r")

needs_pty = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


@dataclass
class Screen:
    """What a run drew at the terminal, and what went to a pipe where one was asked for."""

    raw: str
    returncode: int
    stdout: str = ""
    stderr: str = ""

    @property
    def text(self) -> str:
        return _ESCAPES.sub("", self.raw)

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()


def run_at_terminal(
    args: list[str],
    *,
    columns: int = 80,
    rows: int = 24,
    stdout_tty: bool = True,
    stderr_tty: bool = True,
    env: dict[str, str] | None = None,
    timeout: float = 60,
) -> Screen:
    """Run ``python -m corpuscli ARGS`` with a pseudo-terminal of ``columns`` x ``rows`` as its
    terminal (stdin always; stdout and stderr unless told otherwise: those then go to pipes,
    kept apart in :attr:`Screen.stdout` and :attr:`Screen.stderr`)."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    environ = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    environ.update({"TERM": "xterm-256color", **(env or {})})
    proc = subprocess.Popen(
        [sys.executable, "-m", "corpuscli", *args],
        stdin=slave,
        stdout=slave if stdout_tty else subprocess.PIPE,
        stderr=slave if stderr_tty else subprocess.PIPE,
        env=environ,
        close_fds=True,
    )
    os.close(slave)
    piped: dict[str, bytes] = {}
    # the pipes (if any) are drained beside the terminal, so that neither fills and blocks
    drain = threading.Thread(
        target=lambda: piped.update(zip(("out", "err"), proc.communicate(), strict=True)),
        daemon=True,
    )
    drain.start()
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    try:
        while True:
            if time.monotonic() > deadline:
                proc.kill()
                raise AssertionError(f"corpus {' '.join(args)} ran past {timeout} s")
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    data = os.read(master, 1 << 16)
                except OSError:  # every end of the terminal closed (Linux: EIO)
                    data = b""
                if not data:
                    break
                chunks.append(data)
            elif proc.poll() is not None:
                break  # exited, and nothing more to read
        drain.join(timeout)
    finally:
        os.close(master)
    out, err = piped.get("out"), piped.get("err")
    return Screen(
        b"".join(chunks).decode("utf-8", "replace"),
        proc.returncode,
        (out or b"").decode("utf-8", "replace"),
        (err or b"").decode("utf-8", "replace"),
    )
