"""Turning command-line inputs (files, folders, globs, ``-``, ``--files-from``) into a list of
things to read, each with the format it will be read as.

Folder walks are recursive and sorted; they skip hidden files and folders, project files
(README*, LICENSE*, NOTICE*, CHANGELOG*), manifests (``manifest.*``, ``*.manifest.*``,
``*_manifest.*``) and files whose extension is not an article format. Files named explicitly are
always read, whatever their name.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import re
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from corpuscli.errors import Problem, UsageError

from .decode import COMPRESSED_SUFFIXES

#: Extension (after any compression suffix) -> format name.
FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}

_PROJECT_FILE = re.compile(r"^(readme|licen[cs]e|notice|changelog|copying|authors)\b", re.I)
_MANIFEST_FILE = re.compile(r"(^|[._-])manifest\.", re.I)

STDIN = "-"


@dataclass(frozen=True)
class InputItem:
    """One thing to read."""

    #: How the input is named in messages and in the ``path`` column.
    display: str
    #: None for standard input.
    path: Path | None
    #: The folder argument (or common folder of a file list) the file was found under.
    root: Path | None
    #: text, jsonl, json, csv, tsv, parquet, html; None when it must be sniffed from the content.
    fmt: str | None
    #: Compression named by the file's suffix (the content's magic bytes are checked as well).
    compression: str | None
    #: Only bytes [start, end) of the file (a part of a large JSON Lines file, cut at line ends),
    #: whose first line is line ``first_line`` of the file.
    span: tuple[int, int] | None = None
    first_line: int = 1
    #: A part of a compressed file, decompressed once by the process that planned the parts: its
    #: bytes (``span`` is then their place in the decompressed stream) stand in this temporary
    #: file, which the reader removes; ``fault`` is the error the decompressor met right after
    #: them, raised once they are read (as reading the whole file would).
    decompressed: Path | None = None
    fault: BaseException | None = None

    @property
    def stored_size(self) -> int:
        """Bytes to read as stored (compressed where it is; the span of a part), 0 where not
        known (standard input, a file gone): what a progress bar counts reading against."""
        if self.span is not None:
            return self.span[1] - self.span[0]
        try:
            return self.path.stat().st_size if self.path is not None else 0
        except OSError:
            return 0

    @property
    def stem(self) -> str:
        """File name without directory and without format/compression suffixes."""
        if self.path is None:
            return "stdin"
        name = self.path.name
        lowered = name.lower()
        for suffix in COMPRESSED_SUFFIXES:
            if lowered.endswith(suffix):
                name = name[: -len(suffix)]
                lowered = lowered[: -len(suffix)]
                break
        for suffix in FORMATS:
            if lowered.endswith(suffix):
                return name[: -len(suffix)]
        return name


def format_of(name: str) -> tuple[str | None, str | None]:
    """(format, compression) named by a file name's suffixes; None where they say nothing."""
    lowered = name.lower()
    compression = None
    for suffix, comp in COMPRESSED_SUFFIXES.items():
        if lowered.endswith(suffix):
            compression = comp
            lowered = lowered[: -len(suffix)]
            break
    for suffix, fmt in FORMATS.items():
        if lowered.endswith(suffix):
            return fmt, compression
    return None, compression


def _skipped_in_walk(name: str) -> bool:
    return (
        name.startswith((".", "~"))
        or bool(_PROJECT_FILE.match(name))
        or bool(_MANIFEST_FILE.search(name))
        or format_of(name)[0] is None
    )


def walk_folder(folder: Path, problems: list[Problem] | None = None) -> Iterable[Path]:
    """Article files under ``folder``, recursively, in a stable order. A folder that cannot be
    read (no permission, gone meanwhile) is added to ``problems`` as a skipped input."""

    def unreadable(exc: OSError) -> None:
        if problems is not None:
            where = exc.filename if exc.filename is not None else folder
            reason = exc.strerror or str(exc)
            problems.append(
                Problem(str(where), f"cannot read this folder: {reason}", "check its permissions")
            )

    # A linked folder is read (corpus/fox -> /data/fox: an outlet kept elsewhere was skipped
    # without a word), but not one read already (a second link to it) nor one that holds the
    # folder read (a loop, or a link to / that would read the whole disk).
    seen = _folder_and_its_parents(folder)
    for dirpath, dirnames, filenames in os.walk(folder, onerror=unreadable, followlinks=True):
        dirnames[:] = [
            d
            for d in sorted(dirnames)  # (in order: the first link to a folder is the one read)
            if not d.startswith(".") and _new_folder(Path(dirpath) / d, seen)
        ]
        for name in sorted(filenames):
            if _skipped_in_walk(name):
                continue
            path = Path(dirpath) / name
            fault = _not_a_file(path)
            if fault is None:
                yield path
            elif problems is not None:
                problems.append(Problem(str(path), *fault))


def _folder_and_its_parents(folder: Path) -> set[tuple[int, int]]:
    """The (device, inode) of ``folder`` and of every folder above it."""
    found = set()
    for path in (folder.resolve(), *folder.resolve().parents):
        with contextlib.suppress(OSError):
            info = os.stat(path)
            found.add((info.st_dev, info.st_ino))
    return found


def _new_folder(path: Path, seen: set[tuple[int, int]]) -> bool:
    """Whether the walk should enter ``path``: a folder not seen before (then remembered)."""
    try:
        info = os.stat(path)
    except OSError:
        return False
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


#: What a folder may hold beside files, named for a message.
_SPECIAL_FILES = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def _not_a_file(path: Path) -> tuple[str, str] | None:
    """Why a name found in a folder is no article file (message, hint), or None for a regular
    file. Opening a named pipe nobody writes to waits for ever: a cron job reading a folder
    must not, so what is not a regular file is skipped, and named (a pipe given by name on the
    command line, as ``<(zcat f.gz)`` gives one, is read: it was meant)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if path.is_symlink():
            return "broken symbolic link: skipped", "remove it, or make it point to a file"
        return "gone while the folder was read: skipped", "rerun when the folder is settled"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return (
                "a loop of symbolic links: skipped",
                "remove the link, or make it point to a file",
            )
        return f"cannot read this file: {exc.strerror or exc}", "check its permissions"
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _SPECIAL_FILES if test(mode)), "not a file")
    return f"not a regular file ({kind}): skipped", "move it out of the folder"


def read_file_list(text: str | bytes, where: str = "--files-from") -> list[str]:
    """Paths from a ``--files-from`` list: one per line, or NUL-separated (``find -print0``).

    Bytes are decoded as file names are (UTF-8, other bytes kept as they are); a list holding
    control characters other than tab is a binary file, not a list: a UsageError."""
    return [path for _, path in read_numbered_file_list(text, where)]


def read_numbered_file_list(
    text: str | bytes, where: str = "--files-from"
) -> list[tuple[int, str]]:
    """:func:`read_file_list` with each path's line number (see :func:`numbered_file_list`)."""
    if isinstance(text, bytes):
        text = os.fsdecode(text) if os.name != "nt" else text.decode("utf-8", "replace")
    if _CONTROL.search(text) or text.count("\ufffd") > 16:
        raise UsageError(
            "the --files-from list looks like a binary file, not a list of paths",
            where=where,
            hint="give a text file with one path per line (or NUL-separated: find -print0)",
        )
    return numbered_file_list(text)


def numbered_file_list(text: str) -> list[tuple[int, str]]:
    """The paths of a decoded ``--files-from`` list with their line numbers (entry numbers in a
    NUL-separated list), blank lines skipped but counted, so that a missing entry is named by
    the line a user can open."""
    parts = text.split("\0") if "\0" in text else text.splitlines()
    return [(n, p.strip("\r")) for n, p in enumerate(parts, 1) if p.strip()]


#: Control characters no list of paths holds (NUL separates, tab and line ends may occur).
_CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")


def expand_inputs(args: Sequence[str]) -> tuple[list[InputItem], list[Problem]]:
    """Expand path arguments into items to read.

    A missing path or a glob that matches nothing becomes a Problem, not an exception, so that the
    rest of the batch is still read. ``-`` may appear once.
    """
    items: list[InputItem] = []
    problems: list[Problem] = []
    loose: list[Path] = []
    if sum(1 for a in args if a == STDIN) > 1:
        raise UsageError("standard input '-' can be read only once")
    for arg in args:
        if arg == STDIN:
            items.append(InputItem(STDIN, None, None, None, None))
            continue
        if not arg:  # Path("") is the current folder: `corpus stats "$DIR"`, DIR unset
            problems.append(
                Problem("''", "an empty path", "give a file or folder ('.' for this folder)")
            )
            continue
        path = Path(arg)
        if not path.exists() and glob.has_magic(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                problems.append(Problem(arg, "no file matches this pattern", "check the glob"))
            for match in matches:
                mpath = Path(match)
                if mpath.is_dir():
                    items.extend(_folder_items(mpath, problems))
                elif not _skipped_in_walk(mpath.name):
                    loose.append(mpath)
            continue
        if path.is_dir():
            unreadable: list[Problem] = []
            found = list(_folder_items(path, unreadable))
            problems.extend(unreadable)
            if not found and not unreadable:
                problems.append(Problem(arg, "folder holds no article files", _KNOWN_FORMATS))
            items.extend(found)
        elif path.exists():
            loose.append(path)
        else:
            problems.append(Problem(arg, "no such file or folder", "check the path"))
    items.extend(_loose_items(loose))
    return items, problems


_KNOWN_FORMATS = "corpus reads " + ", ".join(sorted(set(FORMATS) | set(COMPRESSED_SUFFIXES)))


def _folder_items(folder: Path, problems: list[Problem]) -> Iterable[InputItem]:
    for path in walk_folder(folder, problems):
        fmt, comp = format_of(path.name)
        yield InputItem(str(path), path, folder, fmt, comp)


def _loose_items(paths: list[Path]) -> Iterable[InputItem]:
    """Files named one by one: their common folder serves as the root for per-outlet folders."""
    root: Path | None = None
    if len(paths) > 1:
        try:
            root = Path(os.path.commonpath([p.parent.absolute() for p in paths]))
        except ValueError:  # different drives on Windows
            root = None
    for path in paths:
        fmt, comp = format_of(path.name)
        yield InputItem(str(path), path, root, fmt, comp)


_DATE_LIKE = re.compile(r"^[\d_.-]+$")
_GENERIC_FOLDERS = {
    "articles", "corpus", "corpora", "data", "docs", "documents", "html", "input", "inputs",
    "json", "jsonl", "raw", "sample_data", "samples", "text", "texts", "tmp", "txt",
}  # fmt: skip


def folder_source(item: InputItem) -> str | None:
    """The outlet named by a per-outlet folder: the first folder level under the item's root.

    ``corpus/fox/a.txt`` read from ``corpus/`` gives "fox", and a Hive-style partition folder
    ``source=Fox%20News/`` gives "Fox News" (other ``key=value`` folders name no outlet). Folder names that are dates or numbers
    (``2020/``, ``2020-10-30/``) or generic (``data/``, ``articles/`` ...) name no outlet.
    """
    if item.path is None or item.root is None:
        return None
    try:
        rel = item.path.absolute().relative_to(item.root.absolute())
    except ValueError:
        return None
    if len(rel.parts) < 2:
        return None
    name = rel.parts[0]
    if "=" in name:  # Hive-style partitions (corpus store export --partition): source=NAME
        key, _, value = name.partition("=")
        value = unquote(value)
        return value if key == "source" and value and value != "(none)" else None
    if _DATE_LIKE.match(name) or name.lower() in _GENERIC_FOLDERS:
        return None
    return name
