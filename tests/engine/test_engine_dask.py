"""--engine dask: on a two-worker LocalCluster, every command gives what the pandas engine gives."""

from __future__ import annotations

import json
import shutil
import socket
import sys

import pytest

from tests.conftest import ROUNDUPS, SEED_000, SEED_003

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler():
    """The address of a LocalCluster with two single-threaded worker processes."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def parts(tmp_path, monkeypatch):
    """The sample corpus as several partitions: the seeds and the roundups in three files."""
    folder = tmp_path / "parts"
    folder.mkdir()
    shutil.copy(SEED_000, folder)
    shutil.copy(SEED_003, folder)
    lines = ROUNDUPS.read_text(encoding="utf-8").splitlines(keepends=True)
    third = len(lines) // 3 + 1
    for k in range(3):
        (folder / f"roundups_{k}.jsonl").write_text(
            "".join(lines[k * third : (k + 1) * third]), encoding="utf-8"
        )
    monkeypatch.setenv("CORPUSCLI_PARTITION_MB", "0")  # one partition per file
    return folder


def _both(corpus, scheduler, *args):
    pandas = corpus(*args, "--engine", "pandas")
    dask = corpus(*args, "--engine", "dask", "--scheduler", scheduler)
    assert pandas.exit_code == 0, pandas.stderr
    assert dask.exit_code == 0, dask.stderr
    return pandas.stdout, dask.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("terms", "--top", "10"),
        ("terms", "--by", "source", "--ngram", "1-2", "--long", "--top", "5"),
        ("terms", "--by", "month", "--term", "biden", "--term", "putin"),
        ("terms", "--by", "doc", "--measure", "tfidf", "--top", "3"),
        ("terms", "--by", "stance", "--clean", "--top", "5"),
        ("compare", "--by", "source", "--min-count", "2", "--top", "5"),
        ("compare", "--similarity"),
        ("boilerplate", "--explain"),
        ("clean",),
        ("pairs", "--threshold", "0.1"),
        ("stories", "--by", "source"),
    ],
)
def test_same_output_as_pandas(corpus, scheduler, parts, args):
    pandas, dask = _both(corpus, scheduler, *args, str(parts), "-f", "jsonl")
    assert pandas, "the command printed nothing: the comparison would prove nothing"
    assert dask == pandas


def test_partitions_are_planned_per_file(parts):
    from corpuscli.engine.dask import load

    loaded = load([str(parts)])
    assert loaded.frame.npartitions == 5


def test_saved_patterns_are_the_same(corpus, scheduler, parts, tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    corpus("boilerplate", str(parts), "--save-patterns", str(a))
    corpus("boilerplate", str(parts), "--save-patterns", str(b), "--engine", "dask",
           "--scheduler", scheduler)  # fmt: skip
    assert a.read_bytes() == b.read_bytes()


def test_clean_keeps_every_metadata_column(corpus, scheduler, parts):
    result = corpus(
        "clean", str(parts), "-f", "jsonl", "--engine", "dask", "--scheduler", scheduler
    )
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 38
    assert any("stance" in row and "event_id" in row for row in rows)


def test_bad_file_is_reported_and_the_rest_counted(corpus, scheduler, parts):
    (parts / "broken.jsonl").write_bytes(b'{"text": "fine"}\n{not json\n')
    result = corpus("terms", str(parts), "--engine", "dask", "--scheduler", scheduler)
    assert result.exit_code == 1
    assert "line is not valid JSON" in result.stderr
    assert "broken.jsonl:2)" in result.stderr
    assert "biden" in result.stdout


def test_unreachable_scheduler(corpus, parts):
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = corpus(
        "terms", str(parts), "--engine", "dask", "--scheduler", f"tcp://127.0.0.1:{port}"
    )
    assert result.exit_code == 4
    assert "cannot reach the Dask scheduler" in result.stderr
    assert "internal error" not in result.stderr


def test_missing_extra_names_it(corpus, parts, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    result = corpus("terms", str(parts), "--engine", "dask")
    assert result.exit_code == 2
    assert "corpuscli[dask]" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--engine", "spark"), "unknown --engine"),
        (("--scheduler", "tcp://127.0.0.1:1"), "--scheduler is for --engine dask"),
        (("--engine", "dask", "--dedupe"), "--dedupe needs the whole corpus"),
        (("--engine", "dask", "--store", "x.db"), "--engine dask reads files"),
    ],
)
def test_usage_errors(corpus, parts, args, message):
    paths = [] if "--store" in args else [str(parts)]  # input paths win over a store
    result = corpus("terms", *paths, *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_stdin_is_refused(corpus):
    result = corpus("terms", "-", "--engine", "dask", input='{"text": "a b c"}\n')
    assert result.exit_code == 2
    assert "not standard input" in result.stderr


def test_local_cluster_from_the_command_line(parts):
    """No --scheduler: the command starts (and stops) a local cluster of --jobs workers."""
    import subprocess

    done = subprocess.run(
        [sys.executable, "-m", "corpuscli", "terms", str(parts), "--engine", "dask", "--jobs", "2",
         "--top", "3", "-f", "tsv"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "term\tcount\tper_10k\tdocs\tshare_docs"
    assert len(done.stdout.splitlines()) == 4
    assert "Traceback" not in done.stderr


def test_nothing_to_read_is_reported_like_the_pandas_engine(corpus, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    pandas = corpus("terms", str(empty))
    dask = corpus("terms", str(empty), "--engine", "dask")
    assert dask.exit_code == pandas.exit_code == 2
    assert dask.stderr == pandas.stderr
    assert "folder holds no article files" in dask.stderr


def test_only_bad_files_exit_2_with_every_problem(corpus, scheduler, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.jsonl").write_bytes(b"{not json\n")
    (bad / "b.jsonl").write_bytes(b'{"title": "no text here"}\n')
    result = corpus("terms", str(bad), "--engine", "dask", "--scheduler", scheduler)
    assert result.exit_code == 2
    assert "a.jsonl:1" in result.stderr and "b.jsonl:1" in result.stderr
    assert "nothing usable" in result.stderr


def test_clean_tells_what_it_removed_like_pandas(corpus, scheduler, parts):
    pandas = corpus("terms", str(parts), "--clean")
    dask = corpus("terms", str(parts), "--clean", "--engine", "dask", "--scheduler", scheduler)
    assert "--clean removed 22 boilerplate blocks" in pandas.stderr
    assert "--clean removed 22 boilerplate blocks" in dask.stderr
