"""The hand alignments the statement-alignment benchmark scores against
(benchmarks/labels/alignments_basil*.json): well formed, no event labelled twice, and the third
set's halves the ones its hash rule draws (the half that rules are written on must not be
chosen after reading the diff's output)."""

from __future__ import annotations

import hashlib
import json

from tests.conftest import ROOT

LABELS = ROOT / "benchmarks" / "labels"
FILES = tuple(
    name
    for name in (
        "alignments_basil.json",
        "alignments_basil_dev2.json",
        "alignments_basil_dev3.json",
        "alignments_basil_fresh.json",  # the held-out set, where the checkout has it
    )
    if (LABELS / name).is_file()
)
RELATIONS = {"same", "reworded", "split", "contained"}


def _pairs(name: str) -> list[dict]:  # type: ignore[type-arg]
    return json.loads((LABELS / name).read_text(encoding="utf-8"))["pairs"]


def test_every_alignment_has_spans_inside_its_articles_and_a_known_relation():
    for name in FILES:
        for pair in _pairs(name):
            assert pair["doc_a"] != pair["doc_b"] and pair["source_a"] != pair["source_b"]
            assert pair["alignments"], f"{name}: {pair['event_id']} has no alignment"
            for al in pair["alignments"]:
                assert al["relation"] in RELATIONS and al["speaker"]
                for key, length in (("a", pair["text_length_a"]), ("b", pair["text_length_b"])):
                    assert al[key], f"{name}: an alignment without a {key} span"
                    for start, end in al[key]:
                        assert 0 <= start < end <= length


def test_no_event_is_labelled_in_two_files():
    seen: dict[str, str] = {}
    for name in FILES:
        for pair in _pairs(name):
            assert pair["event_id"] not in seen, (pair["event_id"], seen.get(pair["event_id"]))
            seen[pair["event_id"]] = name


def test_the_third_sets_halves_follow_the_hash_of_the_event():
    pairs = _pairs("alignments_basil_dev3.json")
    assert len(pairs) >= 13  # 16 labelled, 3 taken out: the held-out set holds their events
    for pair in pairs:
        digit = hashlib.sha256(pair["event_id"].encode()).hexdigest()[0]
        assert pair["split"] == ("dev3a" if digit in "01234567" else "dev3b")
    assert {p["split"] for p in pairs} == {"dev3a", "dev3b"}


def test_the_dev_pairs_are_halved_by_the_hash_of_the_event_for_fitting_and_holding_aside():
    import importlib.util
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        spec = importlib.util.spec_from_file_location(
            "bench_alignment", ROOT / "benchmarks" / "bench_alignment.py"
        )
        assert spec and spec.loader
        bench = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(bench)
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    dev = [p for p in _pairs("alignments_basil.json") if p["split"] == "dev"]
    dev += _pairs("alignments_basil_dev2.json")
    held = [p for p in dev if bench.held_aside(p)]
    assert 0 < len(held) < len(dev)
    for pair in dev:
        odd = hashlib.sha256(pair["event_id"].encode()).digest()[0] % 2 == 1
        assert bench.held_aside(pair) == odd
    for pair in _pairs("alignments_basil_dev3.json"):
        assert bench.held_aside(pair) == (pair["split"] == "dev3b")
