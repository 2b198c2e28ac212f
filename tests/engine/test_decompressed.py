"""A compressed JSON Lines file decompressed once and cut into parts for the workers: the parts
cover the stream at line ends, and the command's output and messages equal one process reading
the whole file."""

from __future__ import annotations

import bz2
import gzip
import itertools
import lzma
import re
import tempfile

import pytest

from corpuscli.engine.decompressed import SpillFolder, decompressed_parts
from corpuscli.io.inputs import expand_inputs
from tests.conftest import ROUNDUPS

COMPRESSORS = {"gz": gzip.compress, "bz2": bz2.compress, "xz": lzma.compress}


def _item(path):
    (item,), _ = expand_inputs([str(path)])
    return item


def _packed(tmp_path, data: bytes, suffix: str = "gz"):
    path = tmp_path / f"roundups.jsonl.{suffix}"
    path.write_bytes(COMPRESSORS[suffix](data))
    return path


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
def test_parts_cover_the_stream_at_line_ends(tmp_path, suffix):
    data = ROUNDUPS.read_bytes()
    with SpillFolder() as spill:
        parts = list(
            decompressed_parts(
                _item(_packed(tmp_path, data, suffix)), 5_000, spill, max_size=0, max_line=0
            )
        )
        assert len(parts) > 3
        assert parts[0].span[0] == 0 and parts[-1].span[1] == len(data)
        for before, after in itertools.pairwise(parts):
            assert before.span[1] == after.span[0]
        for part in parts:
            start, end = part.span
            assert part.decompressed.read_bytes() == data[start:end]
            assert data[end - 1 : end] == b"\n"
            assert part.first_line == data[:start].count(b"\n") + 1
            assert part.fault is None and part.display == str(tmp_path / f"roundups.jsonl.{suffix}")
        folder = parts[0].decompressed.parent
    assert not folder.exists()  # removed with what the workers left


def test_a_file_not_compressed_after_all_is_handed_on_whole(tmp_path):
    path = tmp_path / "roundups.jsonl.gz"
    path.write_bytes(ROUNDUPS.read_bytes())  # named .gz, plain inside
    with SpillFolder() as spill:
        parts = list(decompressed_parts(_item(path), 5_000, spill, max_size=0, max_line=0))
    assert parts == [_item(path)]


def _run_both(corpus, monkeypatch, *args):
    """The command read by one process (no parts), then by two workers given parts of ~10 KB."""
    one = corpus(*args, "--jobs", "1")
    monkeypatch.setenv("CORPUSCLI_PARTITION_MB", "0.01")
    two = corpus(*args, "--jobs", "2")
    return one, two


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
def test_terms_on_a_compressed_file_equal_one_process(corpus, monkeypatch, tmp_path, suffix):
    lines = ROUNDUPS.read_bytes().splitlines(keepends=True)
    lines[19] = lines[19][:40] + b"\n"  # a broken line, named by its number
    path = _packed(tmp_path, b"".join(lines), suffix)
    spill_root = tmp_path / "tmp"
    spill_root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spill_root))
    written = []
    real_write = SpillFolder.write
    monkeypatch.setattr(
        SpillFolder, "write", lambda self, data: written.append(1) or real_write(self, data)
    )
    one, two = _run_both(corpus, monkeypatch, "terms", str(path), "--by", "source", "-f", "tsv")
    assert len(written) > 2  # the file was cut into parts
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) > 20
    assert one.stderr == two.stderr
    assert f"line is not valid JSON ({path}:20)" in two.stderr
    assert not list(spill_root.glob("corpuscli-parts-*"))  # the decompressed parts are gone


def test_kwic_on_a_compressed_file_equals_one_process(corpus, monkeypatch, tmp_path):
    path = _packed(tmp_path, ROUNDUPS.read_bytes())
    one, two = _run_both(corpus, monkeypatch, "kwic", "Biden", str(path), "-f", "tsv")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) > 5


def test_the_input_bound_stops_where_one_process_stops(corpus, monkeypatch, tmp_path):
    path = _packed(tmp_path, ROUNDUPS.read_bytes())
    args = ("terms", str(path), "--max-input-size", "20K", "-f", "tsv")
    one, two = _run_both(corpus, monkeypatch, *args)
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    assert "after decompression" in two.stderr
    where = re.search(r"\((\S+:\d+)\)", one.stderr)[1]
    assert f"({where})" in two.stderr  # the same file:line


def test_a_truncated_file_keeps_the_articles_before_the_break(corpus, monkeypatch, tmp_path):
    data = gzip.compress(ROUNDUPS.read_bytes())
    path = tmp_path / "roundups.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    one, two = _run_both(corpus, monkeypatch, "terms", str(path), "-f", "tsv", "--all")
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) > 100
    assert "read error" in one.stderr and "read error" in two.stderr
    assert "articles before it are kept" in two.stderr


def test_a_line_past_the_line_bound_stops_where_one_process_stops(corpus, monkeypatch, tmp_path):
    lines = ROUNDUPS.read_bytes().splitlines(keepends=True) * 3  # past the first 64 KB read
    lines[89] = lines[89].rstrip(b"\n") + b" " * 30_000 + b"\n"
    path = _packed(tmp_path, b"".join(lines))
    args = ("terms", str(path), "--max-line-size", "20K", "-f", "tsv", "--all")
    one, two = _run_both(corpus, monkeypatch, *args)
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) > 100
    # a part does not know how many articles came before it (as for a plain file cut up)
    assert re.sub(r"the 89 articles", "the articles", one.stderr) == two.stderr
    assert f"({path}:90)" in two.stderr


def test_the_stream_is_cut_where_the_reading_stopped(tmp_path):
    """The error that stopped the planner travels with the last part, after its lines."""
    data = gzip.compress(ROUNDUPS.read_bytes())
    path = tmp_path / "roundups.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    with SpillFolder() as spill:
        parts = list(decompressed_parts(_item(path), 5_000, spill, max_size=0, max_line=0))
    assert len(parts) > 2
    assert all(p.fault is None for p in parts[:-1]) and isinstance(parts[-1].fault, EOFError)


def test_one_process_reads_a_compressed_file_itself(tmp_path):
    from corpuscli.engine.partitions import PartPlan

    item = _item(_packed(tmp_path, ROUNDUPS.read_bytes()))
    with PartPlan([item], 5_000, inflate=False) as plan:
        assert list(plan) == [[item]]
    with PartPlan([item], 5_000) as plan:
        parts = [p for partition in plan for p in partition]
        assert len(parts) > 3 and all(p.decompressed is not None for p in parts)
