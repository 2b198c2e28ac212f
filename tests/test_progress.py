"""Progress of long work: the library tells a callback (never prints), and the command line
draws bars on stderr only when stderr is a terminal and --quiet is off (#18)."""

from __future__ import annotations

import gzip
import shutil

import pytest

from corpuscli.boilerplate.detection import detect
from corpuscli.coverage.pairs import find_pairs
from corpuscli.coverage.quotes import quotes_frame
from corpuscli.engine.term_counts import count_terms
from corpuscli.io.loader import Loader, load
from corpuscli.progress import STEP, AsStep, tracked
from tests.conftest import ROUNDUPS, SAMPLE
from tests.terminal import needs_pty, run_at_terminal


class Recorder:
    """A progress callback that keeps every call."""

    def __init__(self) -> None:
        self.calls: list[tuple[int, int, str, str, str]] = []

    def __call__(self, done, total, label="", *, step="loading", unit="files"):
        self.calls.append((done, total, label, step, unit))

    def steps(self) -> set[str]:
        return {c[3] for c in self.calls}

    def last(self, step: str) -> tuple[int, int, str, str, str]:
        return [c for c in self.calls if c[3] == step][-1]


def test_tracked_tells_what_came_back():
    seen = Recorder()

    def run(batches):
        return (sum(b) for b in batches)  # a result per batch, in order

    results = list(tracked(run, [[1, 2], [3], [4, 5, 6]], seen, step="adding", total=6))
    assert results == [3, 3, 15]
    assert [c[0] for c in seen.calls] == [0, 2, 3, 6]
    assert all(c[1] == 6 and c[3] == "adding" and c[4] == "articles" for c in seen.calls)
    assert list(tracked(run, [[1]], None, step="x")) == [1]  # no callback, no cost


def test_as_step_names_the_step_and_announces_it():
    seen = Recorder()
    inner = AsStep(seen, "report 3/9: quotes found")
    inner.begin()
    inner(5, 10, step="quotes", unit="articles")
    assert seen.calls == [
        (0, 0, "", "report 3/9: quotes found", STEP),
        (5, 10, "", "report 3/9: quotes found", "articles"),
    ]


@pytest.fixture(scope="module")
def corpus():
    return load([str(SAMPLE)]).frame


@pytest.mark.parametrize("jobs", [1, 2])
def test_analyses_tell_the_articles_done(corpus, jobs, monkeypatch):
    import corpuscli.boilerplate.detection as detection

    monkeypatch.setattr(detection, "_PART_DOCS", 5)  # the parallel path on a small corpus
    for run, step in (
        (lambda p: detect(corpus, jobs=jobs, progress=p), "boilerplate"),
        (lambda p: quotes_frame(corpus, jobs=jobs, progress=p), "quotes"),
        (lambda p: count_terms(corpus, jobs=jobs, progress=p), "counting"),
        (lambda p: find_pairs(corpus, jobs=jobs, progress=p, threshold=0.01), "pairing"),
    ):
        seen = Recorder()
        run(seen)
        assert seen.steps() == {step}
        done = [c[0] for c in seen.calls]
        assert done == sorted(done) and seen.calls[-1][1] == len(corpus)
        if step != "boilerplate" or jobs > 1:
            assert done[-1] == len(corpus)


def test_a_single_gz_file_tells_its_compressed_bytes(tmp_path):
    packed = tmp_path / "roundups.jsonl.gz"
    with open(ROUNDUPS, "rb") as src, gzip.open(packed, "wb") as dst:
        shutil.copyfileobj(src, dst)
    seen = Recorder()
    loader = Loader([str(packed)], progress=seen)
    assert sum(len(chunk) for chunk in loader.chunks()) == 36
    size = packed.stat().st_size
    assert seen.calls and all(c[3:] == ("loading", "bytes") and c[1] == size for c in seen.calls)
    assert seen.calls[-1][0] == size and seen.calls[-1][2] == str(packed)


def test_the_report_announces_each_step(corpus):
    from corpuscli.reporting.build import build_report

    seen = Recorder()
    build_report(corpus, sections=("overview", "terms", "quotes"), clean=False, progress=seen)
    announced = [c[3] for c in seen.calls if c[4] == STEP]
    assert announced == [
        "report 1/5: counting",
        "report 2/5: overview",
        "report 3/5: section terms",
        "report 4/5: quotes found",
        "report 5/5: section quotes",
    ]
    counted = [c for c in seen.calls if c[3] == "report 1/5: counting" and c[4] == "articles"]
    assert counted[-1][:2] == (len(corpus), len(corpus))


@needs_pty
def test_bars_go_to_a_terminal_stderr_only(tmp_path):
    """Bars at a terminal (delay 0 here, a second normally), on stderr; nothing on stdout, and
    nothing when stderr is not a terminal or with --quiet."""
    env = {"CORPUSCLI_PROGRESS_DELAY": "0"}
    args = ["quotes", str(ROUNDUPS), "-f", "tsv", "--jobs", "1"]
    both = run_at_terminal(args, stdout_tty=False, env=env, columns=120)
    assert both.returncode == 0, both.text
    assert "quotes" in both.text and "articles" in both.text and "━" in both.text
    assert "━" not in both.stdout and "\x1b" not in both.stdout
    assert both.stdout.splitlines()[0].startswith("doc_id\tsource")
    piped = run_at_terminal(args, stdout_tty=False, stderr_tty=False, env=env)
    assert "━" not in piped.stderr and "\x1b" not in piped.stderr
    assert piped.stdout == both.stdout
    quiet = run_at_terminal([*args, "-q"], stdout_tty=False, env=env)
    assert quiet.text == ""
    report = run_at_terminal(
        ["report", str(ROUNDUPS), "--sections", "overview,quotes", "-o", str(tmp_path / "r.md")],
        env=env,
    )
    assert "report 1/3: overview" in report.text and "report 3/3: section quotes" in report.text
    assert report.lines[-1] == f"corpus: wrote the report to {tmp_path / 'r.md'}"


def test_workers_loading_parts_tell_the_bytes_of_the_parts_read():
    from corpuscli.engine.partitioned import count_terms_in_files
    from corpuscli.io.inputs import expand_inputs

    items, _ = expand_inputs([str(SAMPLE)])
    partitions = [[item] for item in items]
    seen = Recorder()
    count_terms_in_files(partitions, jobs=1, progress=seen)
    total = sum(item.stored_size for item in items)
    assert [c[0] for c in seen.calls][-1] == total
    assert all(c[1] == total and c[3:] == ("loading", "bytes") for c in seen.calls)
    assert len(seen.calls) == len(partitions)
