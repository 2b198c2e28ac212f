"""Collocation measures against NLTK's association measures and hand-computed values."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from nltk.metrics.association import BigramAssocMeasures

from corpuscli import load
from corpuscli.analysis.collocations import association, collocations
from corpuscli.engine.term_counts import TermOptions
from corpuscli.errors import NotFound, UsageError
from corpuscli.text.stopwords import load_stopwords
from tests.conftest import SAMPLE


def test_measures_match_nltk():
    # white house in the sample: O11=11, f1=11, f2=11, N pairs=3375 (values from the sample)
    cases = [(11, 11, 11, 3375), (8, 8, 22, 3375), (3, 117, 11, 20000), (1, 5, 7, 100)]
    for o11, f1, f2, n in cases:
        got = association(
            pd.Series([o11]).to_numpy(), pd.Series([f1]).to_numpy(), pd.Series([f2]).to_numpy(), n
        ).iloc[0]
        m = BigramAssocMeasures
        assert got["llr"] == pytest.approx(m.likelihood_ratio(o11, (f1, f2), n), rel=1e-9)
        assert got["pmi"] == pytest.approx(m.pmi(o11, (f1, f2), n), rel=1e-9)
        assert got["t_score"] == pytest.approx(m.student_t(o11, (f1, f2), n), rel=1e-6)
        assert got["dice"] == pytest.approx(m.dice(o11, (f1, f2), n), rel=1e-9)
        assert got["expected"] == pytest.approx(f1 * f2 / n)


def test_pmi_by_hand():
    got = association(
        pd.Series([2]).to_numpy(), pd.Series([4]).to_numpy(), pd.Series([5]).to_numpy(), 40
    ).iloc[0]
    assert got["pmi"] == pytest.approx(math.log2(2 / (4 * 5 / 40)))
    assert got["dice"] == pytest.approx(4 / 9)


def test_adjacent_pairs_are_bigram_counts():
    frame = load([str(SAMPLE)]).frame
    table = collocations(
        frame, options=TermOptions(stopwords=load_stopwords("en")), min_count=5, top=None
    )
    white = table[(table["w1"] == "white") & (table["w2"] == "house")].iloc[0]
    assert white["count"] == 11
    assert table["llr"].is_monotonic_decreasing


def test_node_window_and_marginals_consistent():
    frame = load([str(SAMPLE)]).frame
    table = collocations(frame, node="Putin", window=5, min_count=1, top=None)
    assert ((table["w1"] == "putin") | (table["w2"] == "putin")).all()
    vladimir = table[(table["w1"] == "vladimir") & (table["w2"] == "putin")].iloc[0]
    assert vladimir["count"] == 8


def test_errors():
    frame = load([str(SAMPLE)]).frame
    with pytest.raises(NotFound, match="close matches: putin"):
        collocations(frame, node="putn")
    with pytest.raises(UsageError):
        collocations(frame, measure="x")
    with pytest.raises(UsageError):
        collocations(frame, window=0)
