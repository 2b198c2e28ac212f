"""A task slow per byte asks for smaller parts: the last part of an input runs alone while the
other workers wait, so `corpus quotes` (about 1 MB a second on a core) cuts the input into parts
of 4 MB at most, where counting takes parts of up to 16 MB."""

from __future__ import annotations

from pathlib import Path

from corpuscli.api.coverage import QUOTES_PART_BYTES
from corpuscli.engine.source import MAX_PART_BYTES, MIN_PART_BYTES, Source


def _corpus(tmp_path: Path, megabytes: int) -> Path:
    line = '{"id": "%d", "text": "' + "Officials said the talks would go on. " * 25 + '"}\n'
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as out:
        n, written = 0, 0
        while written < megabytes * 2**20:
            row = line % n
            out.write(row)
            written += len(row)
            n += 1
    return path


def test_a_lower_bound_on_parts_gives_more_parts(tmp_path, monkeypatch):
    monkeypatch.delenv("CORPUSCLI_PARTITION_MB", raising=False)
    path = _corpus(tmp_path, 40)
    source = Source(paths=(str(path),))
    default = source.parts(2)
    small = source.parts(2, QUOTES_PART_BYTES)
    assert default is not None and small is not None
    with default[0] as plan, small[0] as plan_small:
        assert plan.target == min(path.stat().st_size // 8, MAX_PART_BYTES)  # 5 MB: 8 parts
        assert plan_small.target <= QUOTES_PART_BYTES
        assert plan_small.expected > plan.expected
        assert plan_small.expected % 2 == 0  # as many parts for each worker


def test_even_parts_bounded_below(tmp_path, monkeypatch):
    monkeypatch.delenv("CORPUSCLI_PARTITION_MB", raising=False)
    path = _corpus(tmp_path, 3)
    planned = Source(paths=(str(path),)).parts(2, QUOTES_PART_BYTES)
    assert planned is not None
    with planned[0] as plan:
        assert plan.target == max(-(-path.stat().st_size // 2), MIN_PART_BYTES // 4)
        assert plan.expected == 2


def test_quotes_asks_for_its_part_size(tmp_path, monkeypatch):
    from corpuscli.api import coverage
    from corpuscli.engine.compute import Compute

    asked: list[int | None] = []
    original = Compute.in_parts

    def in_parts(self, source, report, task, *, max_part=None):  # type: ignore[no-untyped-def]
        asked.append(max_part)
        return original(self, source, report, task, max_part=max_part)

    monkeypatch.setattr(Compute, "in_parts", in_parts)
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "1", "text": "“We will go on,” Putin said."}\n', encoding="utf-8")
    table = coverage.quotes(str(path))
    assert asked == [QUOTES_PART_BYTES]
    assert table.frame["speaker"].tolist() == ["Putin"]
