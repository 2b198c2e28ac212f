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


def test_stories_features_made_with_the_quotes_give_the_same_report(monkeypatch):
    """The stories' features are made in the quotes' pass when every article has a doc_id of
    its own, else from the quote table as the stories command makes them: the same document."""
    fused = cc.report(str(SAMPLE), compute=Compute(jobs=1)).document
    assert fused["pairs"] and fused["quotes"]
    monkeypatch.setattr(build, "_unique_ids", lambda frame: False)
    apart = cc.report(str(SAMPLE), compute=Compute(jobs=1)).document
    assert json.dumps(apart, sort_keys=True) == json.dumps(fused, sort_keys=True)


def test_doc_ids_shared_by_two_articles_are_not_unique():
    import pandas as pd

    assert build._unique_ids(pd.DataFrame({"doc_id": ["a", "b"]}))
    assert not build._unique_ids(pd.DataFrame({"doc_id": ["a", "a"]}))
    assert not build._unique_ids(pd.DataFrame({"doc_id": ["a", None]}))
