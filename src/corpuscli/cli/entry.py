"""The `corpus` console script (and `python -m corpuscli`): Ctrl-C is handled from the first
moment, before the command line's modules are imported (see corpuscli.interrupts), then the
command runs."""

from __future__ import annotations


def main() -> None:
    from corpuscli import interrupts

    interrupts.early()
    from .app import main as run

    run()
