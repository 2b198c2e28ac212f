"""The report hands its corpus to the counting and the quotes in pieces, so that the whole text
is never copied at once: the document is the same whatever the pieces (even pieces that cut
the analyses' own batches), on one core and on two."""

from __future__ import annotations

import json

import pytest

import corpuscli as cc
from corpuscli.engine.compute import Compute
from corpuscli.reporting import build
from tests.conftest import SAMPLE


@pytest.mark.parametrize("jobs", [1, 2])
def test_pieces_give_the_same_report(monkeypatch, jobs):
    whole = cc.report(str(SAMPLE), by="stance", compute=Compute(jobs=jobs)).document
    assert whole["quotes"] and whole["terms"]["words"]
    monkeypatch.setattr(build, "PIECE", 7)
    told = []
    pieces = cc.report(
        str(SAMPLE), by="stance", compute=Compute(jobs=jobs, progress=_Told(told))
    ).document
    assert json.dumps(pieces, sort_keys=True) == json.dumps(whole, sort_keys=True)
    counted = [t for t in told if t[2].endswith(("counting", "quotes found")) and t[1]]
    assert counted and all(total == 38 for _, total, _ in counted)  # the whole still told


class _Told:
    def __init__(self, told: list) -> None:
        self.told = told

    def __call__(self, done, total, label="", *, step="", unit="files"):
        self.told.append((done, total, step))
