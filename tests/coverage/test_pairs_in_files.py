"""Pairing features made by workers that load their own parts of the input equal those of one
process reading everything: the features, the frame (without its text), the pairs and stories
the commands print, and their messages."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from corpuscli.coverage import pairs_in_files
from corpuscli.coverage.pairs import find_pairs
from corpuscli.coverage.pairs_in_files import pair_features_in_files
from corpuscli.coverage.story_features import article_features
from corpuscli.engine.partitions import plan_partitions
from corpuscli.io.inputs import expand_inputs
from corpuscli.io.loader import load
from tests.conftest import ROUNDUPS, SAMPLE


@pytest.mark.parametrize("jobs", [1, 2])
def test_parts_give_the_features_of_the_whole_corpus(jobs):
    whole = load([str(SAMPLE)]).frame
    expected = article_features(whole)
    items, _ = expand_inputs([str(SAMPLE)])
    parts = plan_partitions(items, 8_000, split=True)
    assert len(parts) > 3
    (frame, features), read = pair_features_in_files(parts, jobs=jobs)
    assert read.articles == 38 and not read.problems
    pd.testing.assert_frame_equal(frame, whole.drop(columns="text"), check_dtype=False)
    assert features.counters() == expected.counters()
    assert features.signatures == expected.signatures
    assert sum(map(len, expected.signatures)) > 5
    pd.testing.assert_frame_equal(
        find_pairs(frame, by="stance", features=features), find_pairs(whole, by="stance")
    )


@pytest.mark.parametrize("command", ["pairs", "stories"])
def test_cli_with_workers_loading_equals_one_process(corpus, monkeypatch, tmp_path, command):
    shutil.copytree(SAMPLE, tmp_path / "sample")
    lines = ROUNDUPS.read_text(encoding="utf-8").splitlines()
    lines[19] = lines[19][:40]  # a broken line: the same message either way
    (tmp_path / "sample" / "copy.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    common = (command, str(tmp_path / "sample"), "--by", "stance", "-f", "tsv")
    one = corpus(*common, "--jobs", "1")  # the sample is too small to cut: one stream
    monkeypatch.setenv("CORPUSCLI_PARTITION_MB", "0.01")  # ~10 KB: many parts, a file cut up
    two = corpus(*common, "--jobs", "2")
    parts_read = []
    real = pairs_in_files._feature_partition
    monkeypatch.setattr(
        pairs_in_files, "_feature_partition", lambda p: parts_read.append(p) or real(p)
    )
    one_by_one = corpus(*common, "--jobs", "1")  # the parts one after the other, here
    assert len(parts_read) > 5
    assert one.exit_code == two.exit_code == one_by_one.exit_code == 1  # a line was skipped
    assert len(one.stdout.splitlines()) > 3
    assert one.stdout == two.stdout == one_by_one.stdout
    assert one.stderr == two.stderr == one_by_one.stderr


@pytest.mark.parametrize("jobs", [1, 2])
def test_quotes_given_are_signed_by_the_workers_as_here(jobs, monkeypatch):
    from corpuscli.coverage import story_features
    from corpuscli.coverage.quotes import quotes_frame
    from corpuscli.coverage.story_features import quote_table_signatures

    whole = load([str(SAMPLE)]).frame
    table = quotes_frame(whole)
    monkeypatch.setattr(story_features, "leads", lambda texts, size=250: _leads(texts, 7))
    features = article_features(whole, quote_table=table, jobs=jobs)  # batches of 7 articles
    expected = quote_table_signatures(whole, table)
    assert features.signatures == expected
    assert sum(map(len, expected)) > 5
    assert features.counters() == article_features(whole, quotes=False).counters()


def _leads(texts, size):
    from corpuscli.coverage.story_features import LEAD_CHARS

    for i in range(0, len(texts), size):
        yield [t[:LEAD_CHARS] for t in texts.iloc[i : i + size].tolist()]
