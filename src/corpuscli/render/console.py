"""A rich console for standard output that leaves a closed pipe (``| head -1``) to the command.

Rich's own console answers a broken pipe by exiting with status 1 at once, which would report a
reader that had seen enough as a failure; this one raises :class:`BrokenPipeError` instead, and
the command ends quietly with status 0 as it does for every other output."""

from __future__ import annotations

from rich.console import Console


class PipeConsole(Console):
    """:class:`rich.console.Console` whose broken pipe is an exception, not an exit."""

    def on_broken_pipe(self) -> None:
        """Hand the closed pipe to the caller (the command's session ends quietly)."""
        self.quiet = True
        raise BrokenPipeError
