"""Workers that load their own part of the input: cutting files, and results (tables, messages,
exit codes) equal to one process reading everything."""

from __future__ import annotations

import gzip
import itertools
import shutil

import pandas as pd
import pytest

from corpuscli.analysis.terms import term_table
from corpuscli.engine import partitioned
from corpuscli.engine.partitioned import count_terms_in_files
from corpuscli.engine.partitions import plan_partitions, split_jsonl
from corpuscli.engine.term_counts import TermOptions, count_terms
from corpuscli.io.inputs import expand_inputs
from corpuscli.io.loader import load
from tests.conftest import ROUNDUPS, SAMPLE


def _item(path):
    (item,), _ = expand_inputs([str(path)])
    return item


@pytest.mark.parametrize("block", [8 * 2**20, 1000, 97])  # lines longer than a block read, too
def test_split_jsonl_cuts_at_line_ends_and_numbers_lines(monkeypatch, block):
    from corpuscli.engine import partitions

    whole_file = split_jsonl(_item(ROUNDUPS), 5_000)  # the file is read in one block
    monkeypatch.setattr(partitions, "_BLOCK", block)
    data = ROUNDUPS.read_bytes()
    parts = split_jsonl(_item(ROUNDUPS), 5_000)
    assert parts == whole_file and len(parts) > 3
    assert parts[0].span[0] == 0 and parts[-1].span[1] == len(data)
    for before, after in itertools.pairwise(parts):
        assert before.span[1] == after.span[0]
    for part in parts:
        start, end = part.span
        assert start == 0 or data[start - 1 : start] == b"\n"
        assert part.first_line == data[:start].count(b"\n") + 1
        assert all(line.startswith(b"{") for line in data[start:end].splitlines())


def test_compressed_and_small_files_stay_whole(tmp_path):
    packed = tmp_path / "roundups.jsonl.gz"
    packed.write_bytes(gzip.compress(ROUNDUPS.read_bytes()))
    assert len(split_jsonl(_item(packed), 1000)) == 1
    assert split_jsonl(_item(ROUNDUPS), 10**9) == [_item(ROUNDUPS)]


def test_partitions_keep_input_order():
    items, _ = expand_inputs([str(SAMPLE)])
    parts = plan_partitions(items, 8_000, split=True)
    flat = [item for part in parts for item in part]
    assert [i.display for i in flat] == sorted(
        (i.display for i in flat), key=[i.display for i in items].index
    )
    assert len(parts) > 2


@pytest.mark.parametrize("jobs", [1, 2])
def test_counts_equal_one_reading_process(jobs, monkeypatch):
    import corpuscli.engine.term_counts

    monkeypatch.setattr(
        corpuscli.engine.term_counts, "BATCH_DOCS", 3
    )  # in-process (jobs 1): merged batches
    options = TermOptions(ngram=(1, 2))
    whole = count_terms(load([str(SAMPLE)]).frame, by="source", options=options)
    items, _ = expand_inputs([str(SAMPLE)])
    parts = plan_partitions(items, 8_000, split=True)
    counts, read = count_terms_in_files(parts, by="source", options=options, jobs=jobs)
    assert counts.group_names == whole.group_names
    assert read.articles == 38 and not read.problems
    pd.testing.assert_frame_equal(term_table(counts, top=None), term_table(whole, top=None))


def _damaged_copy(tmp_path):
    """The roundups with line 20 broken and the date of line 30 unreadable."""
    lines = ROUNDUPS.read_text(encoding="utf-8").splitlines()
    lines[19] = lines[19][:40]
    lines[29] = lines[29].replace('"date": "', '"date": "sometime ', 1)
    assert "sometime" in lines[29]
    path = tmp_path / "roundups.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("--by", "source", "--ngram", "1-2"),
        ("--by", "month"),
        ("--by", "stance", "--manifest", str(SAMPLE / "manifest.csv"), "--since", "2021-06-01"),
        # per article: the repeated ids renamed as one load renames them, window or not
        ("--by", "doc", "--measure", "tfidf", "--top", "3"),
        ("--by", "doc", "--until", "2021-07-20"),
    ],
)
def test_cli_with_workers_loading_equals_one_process(corpus, monkeypatch, tmp_path, args):
    shutil.copytree(SAMPLE, tmp_path / "sample")
    damaged = _damaged_copy(tmp_path / "sample")
    common = ("terms", str(tmp_path / "sample"), *args, "--top", "20", "-f", "tsv")
    one = corpus(*common, "--jobs", "1")  # the sample is too small to cut: one stream
    monkeypatch.setenv("CORPUSCLI_PARTITION_MB", "0.01")  # ~10 KB: many parts, a file cut up
    two = corpus(*common, "--jobs", "2")
    parts_read = []
    real = partitioned._count_partition
    monkeypatch.setattr(partitioned, "_count_partition", lambda p: parts_read.append(p) or real(p))
    one_by_one = corpus(*common, "--jobs", "1")  # the parts one after the other, here
    assert len(parts_read) > 5
    assert one.exit_code == two.exit_code == one_by_one.exit_code == 1  # a line was skipped
    assert one.stdout == two.stdout == one_by_one.stdout
    assert one.stderr == two.stderr == one_by_one.stderr
    assert f"line is not valid JSON ({damaged}:20)" in two.stderr
    assert "1 date could not be read and are left empty (e.g. 'sometime" in two.stderr
    assert f"at {damaged}:30)" in two.stderr
    # the copy repeats the sample's ids: renamed across parts as in one process
    assert "35 articles shared an id with an earlier one" in two.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("Putin",),
        ("Putin", "--keep-case", "--sort", "right", "--since", "2021-06-01"),
        ("Shush[ai]", "--regex", "--limit", "5"),
        ("Biden", "--until", "2021-07-20"),  # the file's first articles are outside the window
    ],
)
def test_kwic_with_workers_loading_equals_one_process(corpus, monkeypatch, tmp_path, args):
    """Concordance lines found by workers carry the doc_ids one load gives: the sample's ids
    repeat in the copy and are renamed the same way, time window or not."""
    shutil.copytree(SAMPLE, tmp_path / "sample")
    damaged = _damaged_copy(tmp_path / "sample")
    common = ("kwic", *args[:1], str(tmp_path / "sample"), *args[1:], "-f", "tsv")
    one = corpus(*common, "--jobs", "1")
    monkeypatch.setenv("CORPUSCLI_PARTITION_MB", "0.01")
    two = corpus(*common, "--jobs", "2")
    assert one.exit_code == two.exit_code == 1  # partial: a line was skipped
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    assert f"line is not valid JSON ({damaged}:20)" in two.stderr
    ids = [line.split("\t")[0] for line in two.stdout.splitlines()[1:]]
    assert len(ids) > 1
    if "--limit" not in args and "--since" not in args:
        assert any("#2" in i or "/" in i for i in ids)  # renamed ids of the repeated articles


def test_kwic_with_workers_says_when_nothing_matches(corpus, monkeypatch):
    monkeypatch.setenv("CORPUSCLI_PARTITION_MB", "0.01")
    result = corpus("kwic", "Zanzibarian", str(SAMPLE), "--jobs", "2")
    assert result.exit_code == 3
    assert "no match for 'Zanzibarian' in 38 articles" in result.stderr


def test_cli_with_workers_reports_a_missing_file(corpus, monkeypatch):
    monkeypatch.setenv("CORPUSCLI_PARTITION_MB", "0.01")
    result = corpus("terms", str(ROUNDUPS), "no/such.jsonl", "--jobs", "2", "-f", "tsv")
    assert result.exit_code == 1
    assert "no/such.jsonl" in result.stderr
    assert result.stdout.startswith("term\t")


def test_merged_batches_count_as_the_batches_do():
    """A worker sends one result per part: its batches merged, vocabulary gains joined, keys
    widened as the vocabulary grew past a power of two."""
    from corpuscli.engine.counting import Counter, Totals, merge_partials

    texts = load([str(SAMPLE)]).frame["text"].tolist()
    batches = [texts[0:2], texts[2:9], texts[9:30], texts[30:]]
    parts = []
    counter = Counter(TermOptions(ngram=(1, 2)).token_spec())
    for batch in batches:
        groups = [i % 3 for i in range(len(batch))]
        parts.append(counter.count(batch, groups, (1, 2), per_doc=True))
    assert len({p.bits for p in parts}) > 1  # the packing width changed on the way
    one, merged = Totals(), Totals()
    for part in parts:
        one.add(part)
    merged.add(merge_partials(parts))
    for name in ("1", "2"):
        a, b = (
            t.table(name).sort_values(["group", "key"], ignore_index=True) for t in (one, merged)
        )
        pd.testing.assert_frame_equal(a, b)
    assert one.terms == merged.terms
    assert (one.group_tokens, one.group_docs) == (merged.group_tokens, merged.group_docs)
    (tokens_a, words_a), (tokens_b, words_b) = one.word_table(), merged.word_table()
    assert tokens_a.tolist() == tokens_b.tolist()
    pd.testing.assert_frame_equal(
        words_a.sort_values(["doc", "key"], ignore_index=True),
        words_b.sort_values(["doc", "key"], ignore_index=True),
    )


@pytest.mark.parametrize("args", [("--window", "3"), ("--node", "Putin", "--window", "5")])
def test_collocations_with_workers_loading_equal_one_process(corpus, monkeypatch, args):
    common = ("collocations", str(SAMPLE), *args, "--min-count", "2", "-f", "tsv")
    one = corpus(*common, "--jobs", "1")
    monkeypatch.setenv("CORPUSCLI_PARTITION_MB", "0.01")
    two = corpus(*common, "--jobs", "2")
    assert one.exit_code == two.exit_code == 0, two.stderr
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) > 3
    assert one.stderr == two.stderr


def test_collocations_with_workers_say_a_node_word_is_missing(corpus, monkeypatch):
    monkeypatch.setenv("CORPUSCLI_PARTITION_MB", "0.01")
    result = corpus("collocations", str(SAMPLE), "--node", "putinn", "--jobs", "2")
    assert result.exit_code == 3
    assert "the node word 'putinn' does not occur" in result.stderr
    assert "putin" in result.stderr  # the close match
    bad = corpus("collocations", str(SAMPLE), "--measure", "zscore", "--jobs", "2")
    assert bad.exit_code == 2 and "unknown measure" in bad.stderr


def test_dedupe_is_refused_by_partitioned_reading():
    """Dropping duplicates needs the whole corpus in one process (the command line takes the
    one-reader way for it)."""
    from corpuscli.analysis.kwic import Search, search_files

    items, _ = expand_inputs([str(SAMPLE)])
    parts = plan_partitions(items, 8_000, split=True)
    with pytest.raises(ValueError, match="--dedupe"):
        count_terms_in_files(parts, loader={"dedupe": True})
    with pytest.raises(ValueError, match="--dedupe"):
        search_files(parts, Search("Putin"), loader={"dedupe": True})
