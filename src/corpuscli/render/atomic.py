"""Writing a file atomically: into a temporary file beside it, then renamed into place. Readers
never see a half-written file, and a failure leaves any old file where it was."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from corpuscli.errors import UsageError


@contextmanager
def atomic_open(path: str, mode: str = "w") -> Iterator[IO]:  # type: ignore[type-arg]
    """Open ``path`` for writing ("w" text UTF-8, "wb" binary), atomically."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError("output folder does not exist", where=str(folder), hint="create it first")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # the permissions an ordinary new file gets
        if "b" in mode:
            with os.fdopen(fd, "wb") as handle:
                yield handle
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                yield handle
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: str, write: Callable[[IO[str]], None]) -> None:
    with atomic_open(path, "w") as handle:
        write(handle)
