"""The faster ways of the story features give what the plain ways give: an article's content
words (an ASCII pattern where no word character is beyond ASCII) and the term ids of a batch."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli.coverage.story_features import (
    batch_features,
    content_words,
    init_worker,
    story_stopwords,
)
from corpuscli.engine.parallel import worker_state
from corpuscli.text.tokens import fold_quotes
from tests.conftest import SEED_000, SEED_003

#: The pattern of the content words, as it reads every text.
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:[-'][^\W_]+)*")
_STOP = story_stopwords()


def _content_words_before(text: str) -> Counter[str]:
    counts = Counter(_WORD.findall(fold_quotes(text).lower()))
    for t in [t for t in counts if len(t) < 3 or t in _STOP]:
        del counts[t]
    return counts


def _same(text: str) -> None:
    got, expected = content_words(text, _STOP), _content_words_before(text)
    assert got == expected
    assert list(got) == list(expected)  # in the order met: term ids follow it


def test_content_words_of_the_seeds():
    for seed in (SEED_000, SEED_003):
        _same(seed.read_text(encoding="utf-8"))


def test_content_words_beside_every_character():
    for point in range(0x20000):
        if 0xD800 <= point < 0xE000:
            continue
        char = chr(point)
        _same(f"Abc{char}de-f9g it’s {char}xyz Armenia-held")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"aZ19 .,’'-–—_é“”ßİ٣²ﬁあⅫ\u0301", "word", "Armenia-held", "12a"]),
        max_size=20,
    ).map("".join)
)
def test_content_words_of_tricky_text(text):
    _same(text)


def test_batch_term_ids_in_the_order_met():
    state = worker_state()
    kept = dict(state)
    init_worker(_STOP, False)
    texts = [SEED_000.read_text(encoding="utf-8"), SEED_003.read_text(encoding="utf-8"), ""]
    try:
        terms, codes, counts, lengths, _ = batch_features(texts)
    finally:
        state.clear()
        state.update(kept)
    expected: dict[str, int] = {}
    for text in texts:
        for term in content_words(text, _STOP):
            expected.setdefault(term, len(expected))
    assert terms == list(expected)
    flat = [(t, n) for text in texts for t, n in content_words(text, _STOP).items()]
    assert [terms[c] for c in codes.tolist()] == [t for t, _ in flat]
    assert counts.tolist() == [n for _, n in flat]
    assert lengths.tolist() == [len(content_words(text, _STOP)) for text in texts]
