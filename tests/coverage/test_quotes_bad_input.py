"""Bad input for quote extraction: unbalanced marks across a whole article, a quote of 5,000
words, nested quotes, a Q:/A: transcript, text with no sentence punctuation. The result may be
partial but must be sane (offsets that point at the quote's text, known kinds) and come in
bounded time: hypothesis's deadline fails any example that backtracks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli.coverage.quotes import extract_quotes
from tests.conftest import FIXTURES, SEED_003, bounded

WORDS = ["Putin", "said", "he", "told", "reporters", "that", "the", "Kremlin", "would", "not",
         "according", "to", "Mr.", "Sen.", "R-Texas", "Russia's", "'90s", "rock", "'n'", "roll",
         "U.S.", "officials", "warned", "added", "—", "-", ":", ",", ".", "?", "\n", "\n\n",
         "“", "”", '"', "‘", "’", "'", "«", "»", "„", "Q:", "A:"]  # fmt: skip


def _sane(text: str) -> None:
    for q in extract_quotes(text):
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.kind in ("direct", "partial", "indirect")
        assert q.speaker_source in ("named", "pronoun", "description", "context", "none")
        assert (q.speaker is None) == (q.speaker_source == "none")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=400))
def test_generated_news_words(words):
    with bounded(60):
        _sane(" ".join(words))


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("aA .,'\"“”‘’«»:\n-—"), max_size=3000))
def test_generated_punctuation(text):
    with bounded(60):
        _sane(text)


def test_a_quote_of_5000_words_and_unbalanced_marks():
    seed = SEED_003.read_text(encoding="utf-8")
    long_quote = "“" + " ".join(["the fighting must stop"] * 1250) + ",” Putin said."
    _sane(long_quote)
    _sane(seed.replace("”", ""))  # every closing mark gone
    _sane(seed.replace("“", ""))  # every opening mark gone
    _sane("“" * 2000 + "Putin said" + "”" * 2000)


def test_nested_quotes_and_no_punctuation():
    _sane("“He told me ‘we will “never” give up’ and left,” Putin said.")
    _sane(" ".join(SEED_003.read_text(encoding="utf-8").replace(".", " ").split()))


def test_transcript():
    text = (FIXTURES / "transcript_excerpt.txt").read_text(encoding="utf-8")
    _sane(text)
    _sane("\n".join(f"Q: Did Putin say that {i}?\nA: He said “no” {i}." for i in range(300)))
