"""marked_quotes, the quote finder of the pair and story features, gives the direct and partial
quotes extract_quotes gives (kinds, texts, order), while skipping the reported speech and the
speaker resolution whenever no short partial quote might be a scare quote."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corpuscli.coverage.quotes as quotes_module
from corpuscli.coverage.quotes import extract_quotes, marked_quotes
from corpuscli.coverage.story_features import (
    QUOTE_CHARS,
    QUOTE_KINDS,
    QuoteSigner,
    batch_features,
    init_worker,
    story_stopwords,
)
from tests.conftest import FIXTURES, ROUNDUPS, SEED_000, SEED_003, bounded

_SIGNER = QuoteSigner(story_stopwords())


def _signed(text: str) -> bool:
    return _SIGNER.signature(text) is not None


def _texts() -> list[str]:
    texts = [SEED_000.read_text(encoding="utf-8"), SEED_003.read_text(encoding="utf-8")]
    texts += [json.loads(line)["text"] for line in ROUNDUPS.read_text("utf-8").splitlines()]
    texts += [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    return [t for t in texts if isinstance(t, str)]


def _expected(text: str, wanted=None) -> list[tuple[str, str]]:
    return [
        (q.kind, q.text) for q in extract_quotes(text)
        if q.kind != "indirect" and (wanted is None or wanted(q.text))
    ]  # fmt: skip


def _same(text: str) -> None:
    assert marked_quotes(text) == _expected(text)
    assert marked_quotes(text, _signed) == _expected(text, _signed)


@pytest.mark.parametrize("part", ["whole", "lead"])
def test_the_quotes_of_real_articles(part, monkeypatch):
    full_runs = []
    real = quotes_module.extract_quotes

    def counted(text: str):
        full_runs.append(text)
        return real(text)

    texts = [t if part == "whole" else t[:QUOTE_CHARS] for t in _texts()]
    for text in texts:
        expected = _expected(text)
        monkeypatch.setattr(quotes_module, "extract_quotes", counted)
        assert marked_quotes(text) == expected
        monkeypatch.setattr(quotes_module, "extract_quotes", real)
    # both ways are taken: the short cut, and the whole extraction where a scare quote may be
    assert 0 < len(full_runs) < len(texts)
    for text in texts:
        assert marked_quotes(text, _signed) == _expected(text, _signed)


def test_the_signatures_of_the_features_are_those_of_every_quote():
    texts = _texts()
    init_worker(story_stopwords(), True)
    *_, signatures = batch_features(texts)
    for text, got in zip(texts, signatures, strict=True):
        lead = text[:QUOTE_CHARS]
        expected = {
            _SIGNER.signature(q.text) for q in extract_quotes(lead) if q.kind in QUOTE_KINDS
        } - {None}
        assert got == expected
    assert sum(map(len, signatures)) > 20  # real texts quote real statements


def test_a_scare_quote_is_left_out_and_a_said_fragment_kept():
    text = (
        "The group was designated as an “undesirable” organization last year.\n"
        "Putin spoke on Monday. He called the sanctions “a grave mistake.”"
    )
    got = marked_quotes(text)
    assert ("partial", "undesirable") not in got
    assert got == _expected(text)
    assert any(t.startswith("a grave mistake") for _, t in got)


_PIECES = [
    "Putin", " said", " told reporters", "“", "”", '"', "'", "‘", "’", " the ", " ghost",
    " mountain", ".", ",", ":", "\n", " according to officials,", " He", " added", " that",
    " Russia's", " Kremlin", " spokesman", " Dmitry Peskov", " claimed", " is known as", " we",
    " will", " respond", " a", " grave mistake", " 'undesirable'", " — ",
]  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_the_quotes_of_generated_text(text):
    with bounded(10):
        _same(text)
