"""Quotes found by workers that load their own parts of the input equal one process reading
everything: rows, doc_ids (renamed across parts as one load renames them), messages."""

from __future__ import annotations

import shutil

import pytest

from corpuscli.coverage import quotes_in_files
from corpuscli.coverage.quotes import quotes_frame
from corpuscli.coverage.quotes_in_files import quotes_in_files as find_in_files
from corpuscli.engine.partitions import plan_partitions
from corpuscli.io.inputs import expand_inputs
from corpuscli.io.loader import load
from tests.conftest import ROUNDUPS, SAMPLE


@pytest.mark.parametrize("jobs", [1, 2])
def test_parts_give_the_table_of_the_whole_corpus(jobs):
    whole = quotes_frame(load([str(SAMPLE)]).frame)
    items, _ = expand_inputs([str(SAMPLE)])
    parts = plan_partitions(items, 8_000, split=True)
    assert len(parts) > 3
    table, read = find_in_files(parts, jobs=jobs)
    assert read.articles == 38 and not read.problems
    assert len(whole) > 100
    assert table.equals(whole)


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("--speaker", "Biden", "--kind", "indirect"),
        ("--since", "2021-06-01"),
    ],
)
def test_cli_with_workers_loading_equals_one_process(corpus, monkeypatch, tmp_path, args):
    shutil.copytree(SAMPLE, tmp_path / "sample")
    lines = ROUNDUPS.read_text(encoding="utf-8").splitlines()
    lines[19] = lines[19][:40]  # a broken line: the same message either way
    (tmp_path / "sample" / "copy.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    common = ("quotes", str(tmp_path / "sample"), *args, "-f", "tsv")
    one = corpus(*common, "--jobs", "1")  # the sample is too small to cut: one stream
    monkeypatch.setenv("CORPUSCLI_PARTITION_MB", "0.01")  # ~10 KB: many parts, a file cut up
    two = corpus(*common, "--jobs", "2")
    parts_read = []
    real = quotes_in_files._quote_partition
    monkeypatch.setattr(
        quotes_in_files, "_quote_partition", lambda p: parts_read.append(p) or real(p)
    )
    one_by_one = corpus(*common, "--jobs", "1")  # the parts one after the other, here
    assert len(parts_read) > 5
    assert one.exit_code == two.exit_code == one_by_one.exit_code == 1  # a line was skipped
    assert one.stdout == two.stdout == one_by_one.stdout
    assert one.stderr == two.stderr == one_by_one.stderr
    ids = [line.split("\t")[0] for line in two.stdout.splitlines()[1:]]
    assert len(set(ids)) > 1
    if not args:
        assert any("#2" in i or "/" in i for i in ids)  # the copy's ids, renamed
