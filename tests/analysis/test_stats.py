import pandas as pd

from corpuscli import corpus_stats, load
from corpuscli.analysis.stats import article_summary, word_counts
from corpuscli.text.tokens import Tokenizer
from tests.conftest import SAMPLE, SEED_003


def test_word_counts_match_the_tokenizer_on_a_seed():
    frame = load([str(SEED_003)]).frame
    text = frame["text"].iloc[0]
    assert word_counts(frame).iloc[0] == len(Tokenizer(lower=False).tokens(text))


def test_hand_counted_excerpt():
    frame = pd.DataFrame(
        {"text": ["“Is that good or not?” Putin asked. “You know, everyone has their own truth.”"]}
    )
    # Is that good or not Putin asked You know everyone has their own truth = 14 words
    assert word_counts(frame).tolist() == [14]


def test_stats_by_source_and_overall():
    frame = load([str(SAMPLE)]).frame
    overall = corpus_stats(frame)
    assert overall["articles"].tolist() == [38]
    assert overall["words"].iloc[0] == word_counts(frame).sum()
    assert overall["undated"].iloc[0] == 2
    by = corpus_stats(frame, by="source")
    assert by["articles"].sum() == 38
    assert by["words"].sum() == overall["words"].iloc[0]
    assert (by["articles"].diff().dropna() <= 0).all()  # most articles first
    assert by.columns[0] == "source"


def test_stats_by_month_in_time_order():
    frame = load([str(SAMPLE)]).frame
    months = corpus_stats(frame, by="month")["month"].tolist()
    assert months[-1] == "(none)"
    assert months[:-1] == sorted(months[:-1])


def test_article_summary_columns():
    frame = load([str(SAMPLE)]).frame
    assert list(article_summary(frame).columns) == [
        "doc_id",
        "source",
        "title",
        "published",
        "lang",
        "words",
    ]


def test_one_tokenisation_serves_stats(monkeypatch):
    """Per-article words kept by the counting pass (as `corpus report` uses them) give the same
    overview as tokenising the text again, across batches and processes."""
    from corpuscli.engine import term_counts as terms
    from corpuscli.engine.term_counts import TermOptions, count_terms
    from corpuscli.text.stopwords import load_stopwords

    frame = load([str(SAMPLE)]).frame
    monkeypatch.setattr(terms, "BATCH_DOCS", 7)  # several batches, doc numbers offset per batch
    options = TermOptions(stopwords=load_stopwords("en"), ngram=(1, 2))
    for jobs in (1, 2):
        counts = count_terms(frame, by="source", options=options, jobs=jobs, per_doc=True)
        assert counts.has_article_words(len(frame))
        doc_tokens, table = counts.totals.word_table()
        assert doc_tokens.tolist() == word_counts(frame, Tokenizer()).tolist()
        assert table["doc"].max() == len(frame) - 1
        pd.testing.assert_frame_equal(
            corpus_stats(frame, by="source", counts=counts), corpus_stats(frame, by="source")
        )
    stemmed = count_terms(frame, options=TermOptions(stem="english"), per_doc=True)
    assert not stemmed.has_article_words(len(frame))  # stems are not the overview's words
    assert not count_terms(frame, options=options).has_article_words(len(frame))


def test_words_by_group_serve_the_overview_of_the_same_groups(monkeypatch):
    """Counted ``words_by_group`` (as `corpus report` counts), the counts hold each article's
    number of words and each group's words, not the (article, word) rows: the overview of the
    same groups is the one tokenising again gives, across batches and processes; of other
    groups it tokenises again (the same overview still)."""
    from corpuscli.engine import term_counts as terms
    from corpuscli.engine.counting import WORDS
    from corpuscli.engine.term_counts import TermOptions, collapse, count_terms
    from corpuscli.text.stopwords import load_stopwords

    frame = load([str(SAMPLE)]).frame
    monkeypatch.setattr(terms, "BATCH_DOCS", 7)
    options = TermOptions(stopwords=load_stopwords("en"), ngram=(1, 2))
    for jobs in (1, 2):
        counts = count_terms(frame, by="source", options=options, jobs=jobs, words_by_group=True)
        assert counts.has_article_words(len(frame)) and not counts.totals.doc_words
        assert len(counts.totals.table(WORDS)) > len(counts.totals.table(1))  # stopwords too
        pd.testing.assert_frame_equal(
            corpus_stats(frame, by="source", counts=counts), corpus_stats(frame, by="source")
        )
        pd.testing.assert_frame_equal(
            corpus_stats(frame, by="month", counts=counts), corpus_stats(frame, by="month")
        )
        assert WORDS not in collapse(counts).totals.arity  # not a term count


def test_distinct_words_from_counts_per_group_and_overall():
    """The distinct words of each group told from the counting pass's (doc, word) pairs are the
    ones the tokeniser finds: per month (undated articles a group of their own) and overall."""
    from corpuscli.engine.term_counts import TermOptions, count_terms
    from corpuscli.text.stopwords import load_stopwords

    frame = load([str(SAMPLE)]).frame
    options = TermOptions(stopwords=load_stopwords("en"), ngram=(1, 2))
    counts = count_terms(frame, options=options, per_doc=True)
    for by in ("month", None):
        from_counts = corpus_stats(frame, by=by, counts=counts)
        pd.testing.assert_frame_equal(from_counts, corpus_stats(frame, by=by))
        assert (from_counts["distinct_words"] > 0).all()
    vocabulary = {w for t in frame["text"] for w in Tokenizer().tokens(t)}
    assert corpus_stats(frame, counts=counts)["distinct_words"].tolist() == [len(vocabulary)]
