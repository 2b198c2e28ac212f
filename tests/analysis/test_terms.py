"""Term frequencies against hand-computed values on real excerpts."""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli import load
from corpuscli.analysis.terms import term_frequencies, term_table
from corpuscli.engine.counting import Counter as TermCounter
from corpuscli.engine.counting import TokenSpec, Totals
from corpuscli.engine.term_counts import TermOptions, count_terms
from corpuscli.errors import NothingToAnalyse, UsageError
from corpuscli.text.stopwords import load_stopwords
from corpuscli.text.tokens import Tokenizer
from tests.conftest import SAMPLE, SEED_003

# From seed 003 (The Moscow Times), two paragraphs quoted verbatim.
PUTIN = "“Is that good or not?” Putin asked. “You know, everyone has their own truth.”"
ARMENIANS = (
    "“The Armenians took up arms and did it themselves,” he said, adding that the seven "
    "surrounding districts fell under the control of Armenian protectorate Nagorno-Karabakh "
    "following these clashes."
)


def frame(*texts: str, **columns) -> pd.DataFrame:
    data = {"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts)}
    data.update(columns)
    return pd.DataFrame(data)


def test_counts_per_10k_docs_by_hand():
    table = term_frequencies(frame(PUTIN, ARMENIANS), options=TermOptions(), top=None)
    row = table.set_index("term").loc["putin"]
    tokens = 14 + 28  # words in each excerpt (numbers: none)
    assert row["count"] == 1
    assert row["per_10k"] == pytest.approx(1 / tokens * 10_000, abs=1e-4)
    assert row["docs"] == 1 and row["share_docs"] == 0.5
    assert table.set_index("term").loc["the", "count"] == 3  # "The", "the", "the"


def test_tfidf_smooth_idf_by_hand():
    table = term_frequencies(frame(PUTIN, ARMENIANS), by="doc", measure="tfidf", top=None)
    putin = table[(table["doc_id"] == "d0") & (table["term"] == "putin")].iloc[0]
    assert putin["tfidf"] == pytest.approx(1 * (math.log(3 / 2) + 1), abs=1e-6)
    the = table[(table["doc_id"] == "d1") & (table["term"] == "the")].iloc[0]
    assert the["tfidf"] == pytest.approx(3 * (math.log(3 / 2) + 1), abs=1e-6)


def test_bigrams_stay_inside_sentences():
    table = term_frequencies(frame(PUTIN), options=TermOptions(ngram=(2, 2)), top=None)
    bigrams = set(table["term"])
    assert {"is that", "putin asked", "you know", "own truth"} <= bigrams
    assert "not putin" not in bigrams  # the question mark ends a sentence
    assert "asked you" not in bigrams  # so does the full stop


@pytest.mark.parametrize("pattern", [None, r"[^\W_]+(?:[-'][^\W_]+)*"])
def test_a_full_stop_inside_closing_quotes_ends_the_sentence(pattern):
    # from the seed article: the quote ends, and the next sentence starts
    text = "“You know, everyone has their own truth.” Putin said. “Or 'Turkey.'” Armenians replied"
    options = TermOptions(ngram=(2, 2), pattern=pattern, stopwords=frozenset())
    bigrams = set(term_frequencies(frame(text), options=options, top=None)["term"])
    assert {"own truth", "putin said", "armenians replied"} <= bigrams
    assert "truth putin" not in bigrams and "turkey armenians" not in bigrams


def test_bigrams_respect_paragraphs_but_not_abbreviations():
    text = "Mr. Biden spoke in the U.S. Senate\n\nThe senators listened"
    bigrams = set(
        term_frequencies(frame(text), options=TermOptions(ngram=(2, 2)), top=None)["term"]
    )
    assert "mr biden" in bigrams and "u.s. senate" in bigrams
    assert "senate the" not in bigrams


def test_stopwords_drop_unigrams_and_ngram_edges():
    opts = TermOptions(stopwords=load_stopwords("en"), ngram=(1, 3))
    table = term_frequencies(frame(ARMENIANS), options=opts, top=None)
    terms = set(table["term"])
    assert "the" not in terms and "of the" not in terms
    assert "control of armenian" in terms  # inner stopwords are fine
    assert "armenian protectorate nagorno-karabakh" in terms
    assert set(table["n"]) == {1, 2, 3}


def test_numbers_dropped_unless_kept():
    text = "Armenia has controlled it for 26 years, since 1994, with 30,000 dead."
    assert "1994" not in set(term_frequencies(frame(text), top=None)["term"])
    kept = term_frequencies(frame(text), options=TermOptions(keep_numbers=True), top=None)
    assert {"1994", "26", "30,000"} <= set(kept["term"])


def test_keep_case_and_stemming():
    kept = term_frequencies(frame(ARMENIANS), options=TermOptions(lower=False), top=None)
    assert "The" in set(kept["term"]) and "the" in set(kept["term"])
    stemmed = term_frequencies(frame(ARMENIANS), options=TermOptions(stem="english"), top=None)
    assert "armenian" in set(stemmed["term"]) and "district" in set(stemmed["term"])


def test_top_breaks_ties_by_term():
    table = term_frequencies(frame(PUTIN), top=3)
    assert table["term"].tolist() == ["asked", "everyone", "good"]


def test_engine_equals_plain_tokenizer_on_the_sample():
    corpus = load([str(SAMPLE)]).frame
    table = term_frequencies(corpus, options=TermOptions(keep_numbers=True), top=None)
    tok = Tokenizer()
    expected = Counter()
    for text in corpus["text"]:
        expected.update(tok.tokens(text))
    assert dict(zip(table["term"], table["count"], strict=True)) == dict(expected)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("ab’'.-,“” \n1é!?AÉ"), max_size=60), max_size=5))
def test_engine_equals_regex_on_any_text(texts):
    counter = TermCounter(TokenSpec(boundaries=True))
    totals = Totals()
    totals.add(counter.count(texts, [0] * len(texts), (1,)))
    table = totals.table(1)
    got = dict(zip(totals.decode(table["key"].to_numpy(), 1), table["count"], strict=True))
    tok = Tokenizer()
    expected = Counter()
    for text in texts:
        expected.update(tok.tokens(text))
    assert got == dict(expected)


_WORDS = st.text(alphabet=st.sampled_from("abcXéİ’'.-,0"), min_size=1, max_size=20)
_GAPS = st.sampled_from([" ", "  ", "\n", "\x00", "\x01", "\x02", " “", "” ", "! ", "\t"])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.tuples(_WORDS, _GAPS), max_size=30), max_size=4))
def test_engine_equals_regex_across_chunk_lengths(docs):
    """Chunks of up to 8 bytes, up to 16 and longer take three different routes to their ids."""
    texts = ["".join(word + gap for word, gap in doc) for doc in docs]
    counter = TermCounter(TokenSpec(boundaries=True))
    totals = Totals()
    for start in range(0, len(texts), 2):  # the vocabulary carries over between batches
        totals.add(
            counter.count(texts[start : start + 2], [0] * len(texts[start : start + 2]), (1,))
        )
    table = totals.table(1)
    got = dict(zip(totals.decode(table["key"].to_numpy(), 1), table["count"], strict=True))
    tok = Tokenizer()
    expected = Counter()
    for text in texts:
        expected.update(
            tok.tokens(text.replace("\x00", " ").replace("\x01", " ").replace("\x02", " "))
        )
    assert got == dict(expected)


def test_custom_pattern_goes_through_the_general_path():
    table = term_frequencies(frame(PUTIN), options=TermOptions(pattern=r"[A-Za-z]+"), top=None)
    assert table.set_index("term").loc["putin", "count"] == 1


def test_by_source_month_and_series_with_zeros():
    corpus = load([str(SAMPLE)]).frame
    by_source = term_frequencies(
        corpus, by="source", top=5, options=TermOptions(stopwords=load_stopwords("en"))
    )
    assert by_source.columns[0] == "source"
    assert (by_source.groupby("source").size() <= 5).all()
    series = term_frequencies(corpus, by="month", terms=["putin"])
    assert series["month"].tolist() == sorted(
        series["month"].tolist(), key=lambda m: (m == "(none)", m)
    )
    assert (series["count"] == 0).any() and series["count"].sum() == 29


def test_streaming_chunks_equal_one_frame():
    corpus = load([str(SAMPLE)]).frame
    whole = term_frequencies(corpus, top=None, by="source")
    parts = term_frequencies(
        [corpus.iloc[:10], corpus.iloc[10:25], corpus.iloc[25:]], top=None, by="source"
    )
    pd.testing.assert_frame_equal(whole, parts)


def test_worker_processes_give_the_same_counts(monkeypatch):
    import corpuscli.engine.term_counts as terms

    monkeypatch.setattr(terms, "BATCH_DOCS", 7)  # several batches from the small sample
    corpus = load([str(SAMPLE)]).frame
    opts = TermOptions(ngram=(1, 2))
    one = term_table(count_terms(corpus, by="source", options=opts, jobs=1), top=None)
    two = term_table(count_terms(corpus, by="source", options=opts, jobs=2), top=None)
    pd.testing.assert_frame_equal(one, two)


def test_empty_and_bad_requests():
    only_stop = frame("The and of the to a in")
    with pytest.raises(NothingToAnalyse, match="no terms left"):
        term_frequencies(only_stop, options=TermOptions(stopwords=load_stopwords("en")))
    with pytest.raises(NothingToAnalyse, match="no word tokens"):
        term_frequencies(frame("— … ¿!"))
    with pytest.raises(UsageError):
        term_frequencies(frame(PUTIN), top=0)
    with pytest.raises(UsageError):
        term_frequencies(frame(PUTIN), measure="bogus")


def test_seed_boilerplate_is_visible_in_its_terms():
    table = term_frequencies(
        load([str(SEED_003)]).frame, options=TermOptions(stopwords=load_stopwords("en")), top=None
    )
    assert table.set_index("term").loc["moscow", "count"] == 6


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(
        st.tuples(st.integers(0, 4), st.sampled_from([0.5, 1.0, 2.0, 2.0, 3.0, 7.25])),
        min_size=1,
        max_size=40,
    ),
    top=st.integers(1, 6),
)
def test_top_candidates_by_passes_equal_the_sort(rows, top):
    """A group's cut-off found in ``top`` passes keeps the rows the full sort keeps (ties at
    the last place included)."""
    import corpuscli.analysis.terms as terms_module

    table = pd.DataFrame(rows, columns=["group", "count"])
    passes = terms_module._top_candidates(table, "count", top)
    saved = terms_module._PASSES
    terms_module._PASSES = 0  # the sort
    try:
        sorted_way = terms_module._top_candidates(table, "count", top)
    finally:
        terms_module._PASSES = saved
    assert sorted(passes.index) == sorted(sorted_way.index)


@pytest.mark.parametrize("measure", ["count", "docs"])
def test_top_of_several_sizes_equals_the_cut_of_the_whole_ranking(measure):
    """With a measure the counts already hold, each size is cut to its own top candidates
    before the measures are worked out: the top of all sizes together is still the first
    ``top`` rows of each group's full ranking."""
    corpus = load([str(SAMPLE)]).frame
    counts = count_terms(
        corpus, by="source", options=TermOptions(stopwords=load_stopwords("en"), ngram=(1, 2))
    )
    whole = term_table(counts, top=None, measure=measure)
    assert whole["source"].nunique() > 1
    for top in (1, 3, 8):
        cut = whole[whole.groupby("source", sort=False).cumcount() < top].reset_index(drop=True)
        got = term_table(counts, top=top, measure=measure)
        # the n column is left out when every row shown has one size
        pd.testing.assert_frame_equal(got, cut[list(got.columns)])
