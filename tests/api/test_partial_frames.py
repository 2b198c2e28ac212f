"""A notebook's own frame as the corpus: a frame of texts alone (no doc_id, title, published
...) is completed as the loader completes a file without them, and a frame without a text column
is a clear CorpusError. Every command's function raised KeyError('doc_id') or
KeyError('published') on ``pd.DataFrame({"text": [...]})``."""

from __future__ import annotations

import pandas as pd
import pytest

import corpuscli as cc
from corpuscli.errors import UsageError
from tests.conftest import SEED_000, SEED_003


@pytest.fixture
def texts() -> pd.DataFrame:
    """The two seeds as a notebook holds them: a column of texts and one of the outlet."""
    return pd.DataFrame(
        {
            "text": [SEED_000.read_text("utf-8"), SEED_003.read_text("utf-8")],
            "source": ["Anatolia Today", "The Moscow Times"],
        }
    )


@pytest.mark.parametrize(
    "call",
    [
        lambda f: cc.stats(f),
        lambda f: cc.kwic(f, "occupied by Armenia"),
        lambda f: cc.quotes(f, speaker="Putin"),
        lambda f: cc.find_boilerplate(f),
        lambda f: cc.clean(f),
        lambda f: cc.pairs(f),
        lambda f: cc.report(f, sections=["overview"]),
    ],
    ids=["stats", "kwic", "quotes", "boilerplate", "clean", "pairs", "report"],
)
def test_a_frame_of_texts_alone_is_a_corpus(texts, call):
    call(texts)  # no KeyError


def test_a_frame_of_texts_gets_ids_by_row(texts):
    lines = cc.kwic(texts, "occupied by Armenia").frame
    assert lines["doc_id"].tolist() == ["0", "0"]
    assert int(cc.stats(texts).frame.loc[0, "undated"]) == 2


def test_a_frame_without_text_is_a_usage_error(texts):
    with pytest.raises(UsageError, match="the corpus frame has no 'text' column"):
        cc.stats(texts.rename(columns={"text": "body"}))
