"""#17.2: decompression bombs and runaway lines stop at a bound, with a message naming the file
(and line); the input counts as skipped and the other inputs are kept. The bombs are built small
(a few KB on disk) and the tests lower the bounds, so that nothing here needs much memory."""

from __future__ import annotations

import io
import tracemalloc

import pandas as pd
import pytest

from corpuscli import load
from corpuscli.errors import UsageError
from corpuscli.io.inputs import InputItem
from corpuscli.io.limits import Bounded, InputTooLarge, format_size, parse_size
from corpuscli.io.loader import Loader
from corpuscli.io.streams import open_item

from .generated import COMPRESSORS, articles, bomb, jsonl

COMPRESSED = [s for s in COMPRESSORS if s]
MIB = 1 << 20


def _good(tmp_path):
    path = tmp_path / "good.jsonl"
    path.write_bytes(jsonl(articles(2)))
    return path


@pytest.mark.parametrize(
    ("fmt", "suffix"),
    [*(("jsonl", s) for s in COMPRESSED), ("txt", ".gz"), ("json", ".xz"), ("csv", ".zst")],
)
def test_a_bomb_of_zeros_stops_at_a_bound_and_the_other_inputs_are_kept(tmp_path, suffix, fmt):
    head = {"jsonl": jsonl(articles(1)), "csv": b"id,text\n1,", "json": b"[", "txt": b""}[fmt]
    path = bomb(tmp_path / f"bomb.{fmt}", suffix, head=head)
    assert path.stat().st_size < 200_000  # inflates 160 times or more
    tracemalloc.start()
    try:
        result = load([str(path), str(_good(tmp_path))], max_input_size=2 * MIB, max_line_size=MIB)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * MIB  # 32 MiB inflated: not held
    assert result.frame["path"].str.startswith(str(tmp_path / "good.jsonl")).sum() == 2
    (problem,) = result.problems
    assert problem.where.startswith(str(path))
    assert "MiB" in problem.message and (
        "--max-line-size" in problem.hint or "--max-input-size" in problem.hint
    )
    if fmt == "jsonl":  # the article before the bound is kept, the line named
        assert problem.where == f"{path}:2"
        assert "the article before it is kept" in problem.message
        assert (result.frame["path"] == f"{path}:1").sum() == 1


@pytest.mark.parametrize("suffix", COMPRESSED)
def test_a_bomb_of_short_lines_stops_at_the_size_bound(tmp_path, suffix):
    """Blank lines are skipped one by one without memory growing: the size bound ends them."""
    path = bomb(tmp_path / "lines.jsonl", suffix, head=jsonl(articles(1)), unit=b"\n", mib=8)
    result = load([str(path)], max_input_size=MIB // 2)
    (problem,) = result.problems
    assert problem.message.startswith("input is larger than 512 KiB after decompression")
    assert problem.where.startswith(f"{path}:")
    assert len(result.frame) == 1


def test_a_plain_file_past_the_size_bound_keeps_its_first_records(tmp_path):
    rows = articles(3) * 200
    path = tmp_path / "big.jsonl"
    path.write_bytes(jsonl(rows))
    bound = path.stat().st_size // 2
    result = load([str(path)], max_input_size=bound)
    (problem,) = result.problems
    assert (
        "input is larger than" in problem.message and "after decompression" not in problem.message
    )
    assert 0 < len(result.frame) < len(rows)
    # every article whose line ends before the bound is kept
    ends = pd.Series([len(jsonl([r])) for r in rows]).cumsum()
    assert len(result.frame) == int((ends <= bound).sum())


def test_an_input_exactly_at_the_bound_is_read_whole(tmp_path):
    path = tmp_path / "exact.jsonl"
    path.write_bytes(jsonl(articles(3)) * 40)
    result = load([str(path)], max_input_size=path.stat().st_size)
    assert not result.problems and len(result.frame) == 120


def test_a_long_line_stops_the_input_at_its_line(tmp_path):
    rows = articles(3)
    long_row = dict(rows[1], text=rows[1]["text"] * 500)
    path = tmp_path / "long.jsonl"
    path.write_bytes(jsonl([rows[0], long_row, rows[2]]))
    result = load([str(path)], max_line_size=len(jsonl([rows[0]])) * 5 + 70_000)
    (problem,) = result.problems
    assert problem.where == f"{path}:2"
    assert problem.message.startswith("line is longer than")
    assert result.frame["doc_id"].tolist() == [rows[0]["id"]]


def test_a_one_article_file_past_the_line_bound_is_not_read(tmp_path):
    text = articles(1)[0]["text"]
    path = tmp_path / "huge.txt"
    path.write_text(text * 400, encoding="utf-8")
    result = load([str(path)], max_line_size=128 * 1024)
    (problem,) = result.problems
    assert problem.where == str(path)
    assert "one article is larger than 128 KiB" in problem.message
    assert result.frame.empty


def test_a_parquet_file_is_bounded_by_its_inflated_size(tmp_path):
    rows = articles(3) * 100
    path = tmp_path / "big.parquet"
    pd.DataFrame(rows).to_parquet(path, compression="zstd")
    result = load([str(path)], max_input_size=64 * 1024)  # 300 rows of 2-5 KB, dictionary-encoded
    (problem,) = result.problems
    assert problem.where.startswith(str(path)) and "after decompression" in problem.message
    assert load([str(path)]).frame.shape[0] == 300


def test_parts_of_one_file_are_bounded_as_the_whole_file():
    """A large JSON Lines file cut into parts for worker processes: the part where the bound
    falls stops there, the parts after it read nothing, so the bound is reported once."""
    data = jsonl(articles(3)) * 50
    cut = data.index(b"\n", len(data) // 3) + 1
    bound = len(data) // 2

    def part(start: int, end: int) -> list[bytes]:
        raw = io.BytesIO(data[start:end])
        stream = Bounded(raw, "big.jsonl", max_size=bound, offset=start)
        stream.bound_lines(MIB)
        lines = []
        try:
            lines.extend(io.BufferedReader(stream))
        except InputTooLarge as exc:
            lines.append(str(exc).encode())
        return lines

    first = part(0, cut)
    second = part(cut, len(data))
    assert b"larger than" not in b"".join(first)
    assert second[-1].startswith(b"input is larger than")
    assert sum(len(x) for x in first + second[:-1]) <= bound


def test_a_part_past_the_bound_reads_nothing(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_bytes(jsonl(articles(3)) * 10)
    size = path.stat().st_size
    item = InputItem(str(path), path, None, "jsonl", None, span=(size // 2, size), first_line=16)
    stream, _ = open_item(item, max_size=size // 4)
    assert stream.read() == b""


def test_the_cli_option_reads_sizes_and_says_what_to_raise(tmp_path, corpus):
    path = bomb(tmp_path / "bomb.jsonl", ".gz", head=jsonl(articles(1)))
    good = _good(tmp_path)
    result = corpus("load", str(path), str(good), "--max-input-size", "1M", "--format", "jsonl")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 3  # the bomb's first article and the good two
    assert f"({path}:2)" in result.stderr
    assert "raise --max-input-size" in result.stderr
    result = corpus("load", str(path), "--max-line-size", "64K", "--format", "jsonl")
    assert result.exit_code == 1 and "longer than 64 KiB" in result.stderr
    result = corpus("load", str(good), "--max-input-size", "lots")
    assert result.exit_code == 2 and "cannot read --max-input-size 'lots'" in result.stderr


@pytest.mark.parametrize(
    ("text", "size"),
    [("500M", 500 * MIB), ("4G", 4 << 30), ("64k", 64 << 10), ("1.5GiB", 3 << 29), ("0", 0),
     ("123", 123), (2048, 2048)],
)  # fmt: skip
def test_sizes_read_as_sort_and_head_read_them(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "-1", "4X", "G", "1e9", "four"])
def test_bad_sizes_are_usage_errors(text):
    with pytest.raises(UsageError):
        parse_size(text)


def test_sizes_print_readably():
    assert format_size(4 << 30) == "4 GiB"
    assert format_size(3 << 29) == "1.5 GiB"
    assert format_size(100) == "100 bytes"


def test_a_bound_of_zero_is_no_bound(tmp_path):
    path = bomb(tmp_path / "zeros.jsonl", ".gz", head=jsonl(articles(1)), mib=4)
    bounded = Loader([str(path)], max_input_size=0, max_line_size=MIB)
    assert sum(len(f) for f in bounded.chunks()) == 1
    assert bounded.problems[0].message.startswith("line is longer than 1 MiB")
    unbounded = Loader([str(path)], max_input_size=0, max_line_size=0)
    assert sum(len(f) for f in unbounded.chunks()) == 1
    assert unbounded.problems[0].message == "line is not valid JSON"  # read whole: 4 MiB
