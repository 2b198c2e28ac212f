"""Writing an output file (``-o``) so that a failure or a stop never leaves a half-written file.

- A regular file, new or old, is written atomically: into a temporary file beside it, then
  renamed into place. Readers never see a half-written file; a failure (a full disk, a quota,
  ``/dev/full``) or a stop (Ctrl-C, SIGTERM) removes the temporary file and leaves the old file
  as it was.
- A symbolic link is followed: its target is replaced and the link stays a link. A file with
  other hard links is replaced by a new file under this name: its other names keep the old
  content (as with ``sed -i`` or ``rsync``); give the name that should change.
- The file replaced keeps its permission bits (a 0600 file stays 0600), and its owner and group
  where this process may set them; a new file gets what the umask allows.
- A device or a FIFO (``/dev/null``, ``/dev/stdout``, a named pipe) is written directly: it
  cannot be renamed over, and must not be (as root, ``-o /dev/null`` would replace the device
  with a file). A folder or a socket is refused.
- A write that cannot be done is a :class:`~corpuscli.errors.UsageError` (exit 2) that names
  the file, says why and what stays as it was, not a traceback.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

from corpuscli import interrupts
from corpuscli.errors import UsageError
from corpuscli.interrupts import deferred

#: Paths that name an open file descriptor (``-o /dev/stdout``): written directly, as the file
#: behind them may be a pipe, a terminal, or a file the shell opened to append to.
DESCRIPTOR_PATH = re.compile(r"/dev/(?:stdout|stderr|fd/\d+)|/proc/(?:self|\d+)/fd/\d+")

#: Why a write fails, as a person can act on it (``errno`` -> what to do).
FAILURES = {
    errno.ENOSPC: "free some space, or write it elsewhere",
    errno.EFBIG: "the file is larger than this file system or your limits allow: write it "
    "elsewhere, or compress it (a name ending in .gz)",
    errno.EROFS: "write it on a file system that is not read-only",
    errno.EACCES: "write it where you may write",
    errno.EPERM: "write it where you may write (is the file or folder immutable?)",
    errno.EIO: "check the device, or write it elsewhere",
    errno.EBADF: "give -o FILE, or leave it open",
}
if hasattr(errno, "EDQUOT"):  # not on Windows
    FAILURES[errno.EDQUOT] = "free some of your quota, or write it elsewhere"


@contextmanager
def atomic_open(path: str, mode: str = "w") -> Iterator[IO]:  # type: ignore[type-arg]
    """Open ``path`` for writing ("w" text UTF-8, "wb" binary): atomically for a regular file,
    directly for a device or a FIFO (see the module docstring)."""
    existing = _stat(path)
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise UsageError("the output is a folder", where=path, hint="give a file name with -o")
    if existing is not None and stat.S_ISSOCK(existing.st_mode):
        raise UsageError("the output is a socket", where=path, hint="give a file name with -o")
    if (existing is not None and not stat.S_ISREG(existing.st_mode)) or DESCRIPTOR_PATH.fullmatch(
        os.path.abspath(path)
    ):
        with _direct(path, mode) as handle:
            yield handle
        return
    target = Path(os.path.realpath(path))  # a link's target is replaced, the link kept
    folder = target.parent
    if not folder.is_dir():
        raise UsageError("output folder does not exist", where=str(folder), hint="create it first")
    tmp: Path | None = None
    kept = "the previous file is unchanged" if existing is not None else "nothing was written"
    try:
        with deferred():  # a stop comes after the name is noted, for the clean-up below
            tmp, fd = _create_temporary(folder, target.name)
            interrupts.note_temporary(str(tmp))  # removed by a stop's deadline too
        _take_metadata(fd, existing)
        if "b" in mode:
            with os.fdopen(fd, "wb") as handle:
                yield handle
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                yield handle
        with deferred():
            os.replace(tmp, target)
            interrupts.forget_temporary(str(tmp))
    except OSError as exc:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
            interrupts.forget_temporary(str(tmp))
        raise write_error(exc, path, kept, otherwise="write it elsewhere") from None
    except BaseException:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
            interrupts.forget_temporary(str(tmp))
        raise


def atomic_write_text(path: str, write: Callable[[IO[str]], object]) -> None:
    with atomic_open(path, "w") as handle:
        write(handle)


def _stat(path: str) -> os.stat_result | None:
    """What ``path`` names, links followed; None when nothing (or a dangling link)."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:  # a loop of links, a file where a folder should be
        raise UsageError(
            f"cannot write the output: {exc.strerror}", where=path, hint="give another -o file"
        ) from None


def _create_temporary(folder: Path, name: str) -> tuple[Path, int]:
    """A new file ``.NAME.XXXXXXXX.tmp`` in ``folder`` that nobody else has: its path (noted
    before it exists, so that a clean-up removes it) and its descriptor."""
    while True:
        tmp = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            return tmp, os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue


def _take_metadata(fd: int, existing: os.stat_result | None) -> None:
    """The replaced file's owner, group and permission bits (the owner first: changing it
    clears set-id bits); a new file's permissions as the umask gives them."""
    if existing is None:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # the permissions an ordinary new file gets
        return
    if hasattr(os, "fchown"):
        try:
            os.fchown(fd, existing.st_uid, existing.st_gid)
        except OSError:
            with suppress(OSError):  # not root: the group at least, when this user is in it
                os.fchown(fd, -1, existing.st_gid)
    os.fchmod(fd, stat.S_IMODE(existing.st_mode))


@contextmanager
def _direct(path: str, mode: str) -> Iterator[IO]:  # type: ignore[type-arg]
    """A device, a FIFO or a descriptor, written as it is."""
    try:
        if "b" in mode:
            with open(path, "wb") as handle:
                yield handle
        else:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                yield handle
    except BrokenPipeError:
        raise  # the reader of a FIFO went away: quiet, as for a closed stdout
    except OSError as exc:
        raise write_error(exc, path, "", otherwise="write it elsewhere") from None


def write_error(
    exc: OSError, path: str, kept: str, *, otherwise: str | None = None
) -> OSError | UsageError:
    """The error a person reads for a failed write; other errors as they were, unless
    ``otherwise`` gives the hint for them (a file: what the system refuses there, such as a
    file in /proc or a name the file system does not take, is the place, not a bug)."""
    hint = FAILURES.get(exc.errno or 0, otherwise)
    if hint is None or isinstance(exc, BrokenPipeError):
        return exc
    return UsageError(
        f"cannot write the output: {exc.strerror or exc}",
        where=path,
        hint=f"{hint}; {kept}" if kept else hint,
    )
