"""Shared fixtures. Test data is real text: the seeds and the AllSides roundups in sample_data/
(copied into the repository with their provenance), never invented articles."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from corpuscli.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data"
SEED_000 = SAMPLE / "000_dceb8f66d6ffd2f1.txt"
SEED_003 = SAMPLE / "003_d3eae8a6fb502286.txt"
ROUNDUPS = SAMPLE / "allsides_roundups.jsonl"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Property tests are reproducible (the same examples on every run and machine) and carry no
# timing deadline: a slow shared machine must not fail them. Blow-ups are caught by `bounded`.
settings.register_profile("corpuscli", derandomize=True, deadline=None)
settings.register_profile("explore", deadline=None)  # HYPOTHESIS_PROFILE=explore: new examples
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "corpuscli"))


@contextmanager
def bounded(seconds: float) -> Iterator[None]:
    """Fail the block if it runs longer than ``seconds``: a bound for catastrophic slowness
    (backtracking, hangs), far above any ordinary run, not a timing assertion."""

    def expired(signum: int, frame: object) -> None:
        raise AssertionError(f"ran for more than {seconds} s: a blow-up, not slowness")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def roundup_rows() -> list[dict]:
    return [json.loads(line) for line in ROUNDUPS.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def corpus(runner: CliRunner):
    """Invoke `corpus` with arguments; returns the Result (stdout and stderr kept apart)."""

    def invoke(*args: str, input: str | bytes | None = None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke


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
