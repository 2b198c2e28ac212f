"""The `corpus` console script (and `python -m corpuscli`): Ctrl-C is handled from the first
moment, before the command line's modules are imported (see corpuscli.interrupts), then the
command runs. In a worker process the command starts, Ctrl-C is ignored (the command stops
its workers)."""

from __future__ import annotations

import sys

if sys.modules.get("__mp_main__", sys.modules["__main__"]) is not sys.modules["__main__"]:
    # A worker process of this command: multiprocessing's spawn and forkserver import the main
    # script in each, as "__mp_main__", before anything else (in the command itself that name is
    # absent, or another name for "__main__"). The terminal's Ctrl-C reaches the whole process
    # group, and a worker still importing its libraries (a Dask worker: a second or two) would
    # print a KeyboardInterrupt traceback; stopping the workers is the command's job.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def main() -> None:
    from corpuscli import interrupts

    interrupts.early()
    from .app import main as run

    run()
