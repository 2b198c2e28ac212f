"""Fixtures of the store tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest


@pytest.fixture
def read_only_folder():
    """A folder nobody may write, with a file nobody may write in it: by permissions, or for
    root (who writes anywhere) by the immutable attribute (``chattr +i``)."""
    folder = Path(tempfile.mkdtemp(prefix="corpus-ro-"))
    locked: list[Path] = []

    def lock(path: Path) -> None:
        if os.geteuid() != 0:
            path.chmod(0o555 if path.is_dir() else 0o444)
            return
        done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
        if done.returncode != 0:
            pytest.skip("cannot make a folder read-only for root here (chattr +i)")
        locked.append(path)

    try:
        yield folder, lock
    finally:
        for path in reversed(locked):
            subprocess.run(["chattr", "-i", str(path)], check=False)
        folder.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)
