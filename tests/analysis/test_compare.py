"""Keyness, similarity and profiles against the published formulas and hand-computed values."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from corpuscli import load
from corpuscli.analysis.compare import (
    g2_four_term,
    g2_two_term,
    keyness,
    keyness_scores,
    profile,
    similarity,
)
from corpuscli.engine.counting import TermOptions
from corpuscli.errors import NothingToAnalyse, UsageError
from corpuscli.text.stopwords import load_stopwords
from tests.conftest import SAMPLE, SEED_000, SEED_003


def test_g2_by_hand():
    # a=10 in a 1,000-token target, b=20 in a 4,000-token reference: E1 = 6, E2 = 24
    two = 2 * (10 * math.log(10 / 6) + 20 * math.log(20 / 24))
    four = two + 2 * (990 * math.log(990 / 994) + 3980 * math.log(3980 / 3976))
    assert g2_two_term([10], [20], 1000, 4000)[0] == pytest.approx(two)
    assert g2_four_term([10], [20], 1000, 4000)[0] == pytest.approx(four)
    scores = keyness_scores([10], [20], 1000, 4000)
    assert scores["log_ratio"][0] == pytest.approx(1.0)  # log2((10/1000) / (20/4000))
    assert scores["pct_diff"][0] == pytest.approx(100.0)  # (0.01 - 0.005) * 100 / 0.005
    assert scores["p"][0] == pytest.approx(math.erfc(math.sqrt(two / 2)))
    assert scores["direction"][0] == "over"


def test_zero_counts_stay_finite():
    scores = keyness_scores([5, 0], [0, 7], 1000, 1000)
    assert all(math.isfinite(v) for key in ("g2", "log_ratio", "pct_diff") for v in scores[key])
    assert scores["log_ratio"][0] == pytest.approx(math.log2(5 / 0.5))
    assert list(scores["direction"]) == ["over", "under"]


def _seeds() -> pd.DataFrame:
    return load([str(SEED_000), str(SEED_003)], manifest=str(SAMPLE / "manifest.csv")).frame


def test_seed_keyness_counts_and_direction():
    table = keyness(_seeds(), by="source", min_count=4, p=1.0, top=None,
                    options=TermOptions(stopwords=load_stopwords("en")))  # fmt: skip
    mt = table[(table["group"] == "The Moscow Times") & (table["term"] == "moscow")].iloc[0]
    assert (mt["target_count"], mt["reference_count"], mt["direction"]) == (
        6,
        1,
        "over",
    )  # 000 has "in Moscow"
    # by hand: 596 word tokens in The Moscow Times' article, 494 in Anatolia Today's
    c, d = 596, 494
    e1, e2 = c * 7 / (c + d), d * 7 / (c + d)
    assert mt["g2"] == pytest.approx(2 * (6 * math.log(6 / e1) + 1 * math.log(1 / e2)), abs=1e-4)
    assert mt["log_ratio"] == pytest.approx(math.log2((6 / c) / (1 / d)), abs=1e-4)
    assert mt["pct_diff"] == pytest.approx((6 / c - 1 / d) * 100 / (1 / d), abs=1e-3)
    at = table[(table["group"] == "Anatolia Today") & (table["term"] == "moscow")].iloc[0]
    assert at["direction"] == "under"
    assert list(table.columns) == [
        "group", "term", "target_count", "reference_count", "target_per_10k", "reference_per_10k",
        "g2", "p_value", "log_ratio", "pct_diff", "direction",
    ]  # fmt: skip


def test_bonferroni_multiplies_by_the_terms_tested():
    corpus = load([str(SAMPLE)]).frame
    opts = TermOptions(stopwords=load_stopwords("en"))
    raw = keyness(
        corpus, by="stance", options=opts, min_count=3, correction="none", p=1.0, top=None
    )
    corrected = keyness(corpus, by="stance", options=opts, min_count=3, p=1.0, top=None)
    both = raw.merge(corrected, on=["group", "term"], suffixes=("_raw", "_bonf"))
    tested = raw.groupby("group")["term"].transform("size")
    expected = (raw["p_value"] * tested).clip(upper=1.0)
    assert both["p_value_bonf"].to_numpy() == pytest.approx(expected.to_numpy(), rel=1e-9)


def test_target_reference_and_docs_unit():
    corpus = load([str(SAMPLE)]).frame
    table = keyness(
        corpus,
        by="stance",
        target="left",
        reference="right",
        unit="docs",
        min_count=2,
        p=1.0,
        top=None,
    )
    assert set(table["group"]) == {"left"}
    assert (table["target_count"] <= 12).all()  # document counts, 12 articles per stance


def test_reference_list(tmp_path):
    ref = tmp_path / "ref.tsv"
    ref.write_text("word\tcount\nthe\t60000\nputin\t10\narmenia\t5\nsaid\t9000\n", encoding="utf-8")
    table = keyness(_seeds(), by="source", reference_list=str(ref), min_count=3, p=1.0, top=None)
    assert {"Anatolia Today", "The Moscow Times"} == set(table["group"])


@pytest.mark.parametrize(
    "settings",
    [
        {"direction": "over", "top": 5},
        {"direction": "under", "top": 3, "sort": "log-ratio", "p": 1.0},
        {"direction": "both", "top": None, "p": 1.0, "min_count": 2},
        {"direction": "over", "top": None, "p": 1.0, "correction": "none", "unit": "docs"},
        {"direction": "over", "top": 4, "reference": "right", "p": 1.0, "correction": "none"},
    ],
)
@pytest.mark.parametrize("ngram", [(1, 1), (1, 2)])
def test_keyness_by_key_is_keyness_by_string(settings, ngram, monkeypatch):
    """Terms told apart by their packed keys (decoded only when listed), scored only in the
    direction asked for, give the table the terms' strings give (every row, value and dtype)."""
    from corpuscli.analysis import compare
    from corpuscli.engine.term_counts import count_terms

    corpus = load([str(SAMPLE)]).frame
    opts = TermOptions(stopwords=load_stopwords("en"), ngram=ngram)
    by_key = keyness(count_terms(corpus, by="stance", options=opts), by="stance", **settings)
    monkeypatch.setattr(compare, "terms_by_key", lambda counts, sizes: False)
    by_string = keyness(count_terms(corpus, by="stance", options=opts), by="stance", **settings)
    assert len(by_key) > 0
    pd.testing.assert_frame_equal(by_key, by_string, check_exact=True)
    if settings["direction"] == "over" and settings["top"] is None:
        both = keyness(
            count_terms(corpus, by="stance", options=opts), by="stance",
            **{**settings, "direction": "both"},
        )  # fmt: skip
        over = both[both["direction"] == "over"].reset_index(drop=True)
        pd.testing.assert_frame_equal(by_key, over, check_exact=True)


def test_a_word_with_a_space_keeps_terms_by_string():
    """A pattern may make words with spaces: then "a b" + "c" and "a" + "b c" are one string, and
    keyness reads terms by their strings (as it always did)."""
    from corpuscli.analysis.compare import terms_by_key
    from corpuscli.engine.term_counts import count_terms

    frame = pd.DataFrame({"doc_id": ["1", "2"], "text": ["new york now", "new york now"],
                          "source": ["a", "b"]})  # fmt: skip
    spaced = count_terms(frame, by="source", options=TermOptions(pattern=r"new york|\w+"))
    plain = count_terms(frame, by="source")
    assert not terms_by_key(spaced, (1, 2))
    assert terms_by_key(spaced, (1,))
    assert terms_by_key(plain, (1, 2))


def test_bad_groups_and_options():
    corpus = load([str(SAMPLE)]).frame
    with pytest.raises(UsageError, match="did you mean center"):
        keyness(corpus, by="stance", target="centre")
    with pytest.raises(UsageError, match="at least two groups"):
        keyness(load([str(SEED_003)]).frame, by="source")
    with pytest.raises(UsageError):
        keyness(corpus, by="stance", ll=3)
    with pytest.raises(NothingToAnalyse):
        keyness(corpus, by="stance", min_count=10_000)


def test_similarity_matrix():
    corpus = load([str(SAMPLE)]).frame
    cos = similarity(corpus, by="stance", options=TermOptions(stopwords=load_stopwords("en")))
    values = cos.set_index("stance")
    assert list(values.columns) == list(values.index)
    for g in values.index:
        assert values.loc[g, g] == pytest.approx(1.0)
    assert values.loc["left", "right"] == values.loc["right", "left"]
    jac = similarity(corpus, by="stance", metric="jaccard").set_index("stance")
    assert 0 < jac.loc["left", "right"] < 1


def _reference_similarity(corpus, by, metric, max_terms, min_count):
    """The similarity matrix the plain way: a pivot table of the kept terms' frequencies."""
    from corpuscli.analysis.compare import _group_table
    from corpuscli.engine.term_counts import count_terms

    counts = count_terms(corpus, by=by)
    table, sizes, names = _group_table(counts, "tokens")
    table = table[table["freq"] >= min_count]
    groups = [g for g in range(len(names)) if sizes[g] > 0]
    keep = table.groupby("term")["freq"].sum().nlargest(max_terms).index
    table = table[table["term"].isin(keep)]
    values = (
        table.pivot_table(index="group", columns="term", values="freq", aggfunc="sum", fill_value=0)
        .reindex(groups, fill_value=0)
        .to_numpy(dtype=float)
    )
    if metric == "cosine":
        weights = values * (np.log((1 + len(groups)) / (1 + (values > 0).sum(axis=0))) + 1)
        unit = weights / np.linalg.norm(weights, axis=1, keepdims=True)
        return unit @ unit.T
    present = (values > 0).astype(float)
    inter = present @ present.T
    union = present.sum(axis=1)[:, None] + present.sum(axis=1)[None, :] - inter
    return inter / union


@pytest.mark.parametrize("metric", ["cosine", "jaccard"])
def test_similarity_equals_the_pivot_table_way(metric):
    """The matrix is filled straight from the counts; the same numbers as through a pivot
    table, with the max_terms cut (ties: alphabetical) and min_count applied."""
    corpus = load([str(SAMPLE)]).frame
    for max_terms, min_count in [(40, 2), (50_000, 1)]:
        got = similarity(
            corpus, by="source", metric=metric, max_terms=max_terms, min_count=min_count
        )
        want = _reference_similarity(corpus, "source", metric, max_terms, min_count)
        np.testing.assert_allclose(got.iloc[:, 1:].to_numpy(), want, rtol=1e-12, atol=1e-15)


def test_profile_seeds():
    table = profile(_seeds(), by="source", segment=100).set_index("source")
    assert table.loc["The Moscow Times", "articles"] == 1
    assert 0 < table.loc["The Moscow Times", "quoted_share"] < 1
    assert table.loc["The Moscow Times", "top_quoted"].startswith("Putin")
    assert 0 < table.loc["Anatolia Today", "sttr"] <= 1


@pytest.mark.parametrize(
    ("options", "refused", "for_mode"),
    [
        (["--aliases", "pairs.txt"], "--aliases does nothing with keyness", "--naming"),
        (["--min-swaps", "9"], "--min-swaps does nothing with keyness", "--naming"),
        (["--metric", "jaccard"], "--metric does nothing with keyness", "--similarity"),
        (["--similarity", "--direction", "under"], "--direction does nothing with --similarity",
         "keyness"),
        (["--similarity", "--correction", "none"], "--correction does nothing with --similarity",
         "keyness"),
        (["--profile", "--top", "1"], "--top/--all does nothing with --profile", "--naming"),
        (["--profile", "--sort", "log-ratio"], "--sort does nothing with --profile", "keyness"),
    ],
)  # fmt: skip
def test_an_option_another_way_of_compare_uses_is_refused(corpus, options, refused, for_mode):
    """Each was accepted and silently changed nothing (a binary --aliases file too): now exit 2,
    naming the option and the way of compare that uses it."""
    result = corpus("compare", str(SAMPLE), *options)
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    assert refused in result.stderr and for_mode in result.stderr


def test_options_of_the_way_chosen_are_accepted(corpus):
    result = corpus("compare", str(SAMPLE), "--similarity", "--metric", "jaccard", "-f", "tsv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("source\t")
