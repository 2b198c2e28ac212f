"""Merged count tables: running sums over a hash table of (group, n-gram) keys, equal to summing
the batches' frames; and the key tables behind them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli import load
from corpuscli.engine import counting
from corpuscli.engine.counting import Counter, Totals, _HashedKeys, _KeyTable, key_table
from corpuscli.engine.term_counts import TermOptions
from tests.conftest import SAMPLE

batches = st.lists(
    st.lists(st.integers(min_value=0, max_value=40), max_size=60).map(
        lambda keys: np.array(keys, dtype=np.uint64)
    ),
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(batches)
def test_hashed_keys_place_keys_as_the_public_table_does(batches):
    hashed, public = _HashedKeys(), _KeyTable()
    for batch in batches:
        a, b = hashed.positions(batch), public.positions(batch)
        assert a[0].tolist() == b[0].tolist() and a[1] == b[1]
        assert hashed.keys.tolist() == public.keys.tolist()
    every = np.concatenate([np.zeros(0, np.uint64), *batches])
    assert hashed.keys.tolist() == list(dict.fromkeys(every.tolist()))


def test_key_table_falls_back_when_pandas_changes(monkeypatch):
    """The growing hash table is pandas' internal one: if it is missing or behaves otherwise,
    the public-API table is used."""
    monkeypatch.setattr(counting, "_HASHED_KEYS", [])
    assert isinstance(key_table(), _HashedKeys)

    def broken(self):
        raise AttributeError("no UInt64HashTable")

    monkeypatch.setattr(counting, "_HASHED_KEYS", [])
    monkeypatch.setattr(_HashedKeys, "__init__", broken)
    assert isinstance(key_table(), _KeyTable)


def _partials(groups_per_batch: list[list[int]], n: int):
    frame = load([str(SAMPLE)]).frame
    texts = frame["text"].tolist()
    options = TermOptions(ngram=(1, n))
    counter = Counter(options.token_spec())
    start = 0
    for groups in groups_per_batch:
        chunk = texts[start : start + len(groups)]
        start += len(groups)
        yield counter.count(chunk, np.array(groups[: len(chunk)]), options.sizes)


def _merged(parts, *, unpacked: bool) -> tuple[dict[str, pd.DataFrame], Totals]:
    totals = Totals()
    if unpacked:
        totals._unpacked = {"1", "2", "3"}  # the frames path, summed now and then
    for part in parts:
        totals.add(part)
    packed = set(totals._sums)
    tables = {
        name: totals.table(name).sort_values(["group", "key"], ignore_index=True)
        for name in ("1", "2", "3")
    }
    return tables, packed


@pytest.mark.parametrize(
    ("groups", "packed"),
    [
        ([[0] * 6, [0] * 6, [0] * 6], {"1", "2", "3"}),  # one group: all as running sums
        ([[0, 1] * 3, [0, 1] * 3, [1, 0] * 3], {"1", "2", "3"}),  # 63 + 1 bits still fit
        ([[0, 1] * 3, [2, 0, 1] * 2, [0] * 6], {"1", "2"}),  # group 2 sends trigrams to frames
    ],
)
def test_running_sums_equal_summed_frames(groups, packed):
    sums, packed_tables = _merged(_partials(groups, 3), unpacked=False)
    frames, none = _merged(_partials(groups, 3), unpacked=True)
    assert packed_tables == packed and not none
    for name in sums:
        assert len(sums[name]) > 0
        pd.testing.assert_frame_equal(sums[name], frames[name])


def test_words_keep_their_whole_ids_in_any_vocabulary(monkeypatch, corpus):
    """A word's key is its id, not packed: with room for 7 ids per n-gram position (instead of
    2 million) the word list is unchanged, and bigrams say clearly that they cannot be counted."""
    from corpuscli.analysis.terms import term_table
    from corpuscli.engine.term_counts import count_terms

    frame = load([str(SAMPLE)]).frame
    before = term_table(count_terms(frame, by="source"), top=None)
    monkeypatch.setattr(counting, "GLOBAL_BITS", 3)
    after = term_table(count_terms(frame, by="source"), top=None)
    pd.testing.assert_frame_equal(before, after)
    result = corpus("terms", str(SAMPLE), "--ngram", "2", "--jobs", "1")
    assert result.exit_code == 2
    assert "more than 7 distinct words: too many to count 2-grams of in one pass" in result.stderr
    assert "internal error" not in result.stderr


def test_merged_counts_pickle():
    """Counts travel between processes (and to disk) with their running sums."""
    import pickle

    from corpuscli.analysis.terms import term_table
    from corpuscli.engine.term_counts import count_terms

    counts = count_terms(load([str(SAMPLE)]).frame, by="source")
    assert counts.totals._sums  # running sums, over pandas' hash table where it has one
    copy = pickle.loads(pickle.dumps(counts))
    pd.testing.assert_frame_equal(term_table(copy, top=None), term_table(counts, top=None))
    keys = copy.totals._sums["1"].keys
    assert keys.positions(keys.keys[:3])[1] == 0  # the copy's table knows every key


def test_disjoint_groups_are_gathered_as_they_come():
    """Counted per article (each group in one batch), rows are gathered without summing: the
    same table as summing them."""
    batches = [list(range(0, 6)), list(range(6, 12)), list(range(12, 20))]
    summed, gathered = Totals(), Totals(disjoint=True)
    for part in _partials(batches, 2):
        summed.add(part)
        gathered.add(part)
    for name in ("1", "2"):
        a, b = (
            t.table(name).sort_values(["group", "key"], ignore_index=True)
            for t in (summed, gathered)
        )
        assert len(a) > 0
        pd.testing.assert_frame_equal(a, b)
    assert not gathered._sums and summed._sums


def test_pooled_sizes_are_the_collapsed_counts_of_every_group():
    """Two-word phrases counted over all groups together (as `corpus report` counts them, whose
    phrases are read overall only) are the per-group counts collapsed: the same counts and
    document frequencies, the same overall table; the words stay per group. Read per group,
    pooled counts are refused (they are not per group)."""
    from corpuscli.analysis.terms import term_table
    from corpuscli.engine import term_counts as terms
    from corpuscli.engine.term_counts import collapse, count_terms
    from corpuscli.text.stopwords import load_stopwords

    frame = load([str(SAMPLE)]).frame
    options = TermOptions(stopwords=load_stopwords("en"), ngram=(1, 2))
    apart = count_terms(frame, by="source", options=options)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(terms, "BATCH_DOCS", 7)
        for jobs in (1, 2):
            pooled = count_terms(frame, by="source", options=options, jobs=jobs, pooled=(2,))
            assert set(pooled.totals.table(2)["group"]) == {0}
            assert len(pooled.totals.table(2)) < len(apart.totals.table(2))
            for n in (1, 2):
                a, b = (
                    table.assign(key=c.totals.decode(table["key"].to_numpy(), n)).sort_values(
                        "key", ignore_index=True
                    )
                    for c in (apart, pooled)
                    for table in [collapse(c).totals.table(n)]
                )  # the terms' ids depend on the batches: compared as terms
                pd.testing.assert_frame_equal(a, b)
                pd.testing.assert_frame_equal(
                    term_table(collapse(apart), top=20, sizes=(n,)),
                    term_table(collapse(pooled), top=20, sizes=(n,)),
                )
            pd.testing.assert_frame_equal(
                term_table(apart, top=5, sizes=(1,)), term_table(pooled, top=5, sizes=(1,))
            )
            with pytest.raises(RuntimeError):
                term_table(pooled, top=5, sizes=(2,))


def test_rows_per_group_and_collapsed_sizes_equal_the_whole_tables():
    """The overview's distinct words per group read from the running sums equal the rows of
    the words table per group; a collapse of one size equals that size of the whole collapse,
    the pooled phrases (taken as they are) included."""
    from corpuscli.engine.counting import WORDS
    from corpuscli.engine.term_counts import collapse, count_terms
    from corpuscli.text.stopwords import load_stopwords

    frame = load([str(SAMPLE)]).frame
    options = TermOptions(stopwords=load_stopwords("en"), ngram=(1, 2))
    for pooled in ((), (2,)):
        counts = count_terms(
            frame, by="source", options=options, words_by_group=True, pooled=pooled
        )
        groups = len(counts.group_names)
        assert groups > 1
        table = counts.totals.table(WORDS)
        expected = np.bincount(table["group"].to_numpy(), minlength=groups)
        assert counts.totals.rows_per_group(WORDS, groups).tolist() == expected.tolist()
        whole = collapse(counts)
        for n in (1, 2):
            one = collapse(counts, sizes=(n,))
            assert list(one.totals.arity) == [str(n)]
            pd.testing.assert_frame_equal(one.totals.table(n), whole.totals.table(n))
            assert one.totals.group_tokens == whole.totals.group_tokens
    gathered = Totals()
    gathered.tables[WORDS] = [pd.DataFrame({"group": [0, 2, 2], "key": [1, 1, 2], "count": [1, 1, 1], "docs": [0, 0, 0]})]  # fmt: skip
    gathered.arity[WORDS] = 1
    assert gathered.rows_per_group(WORDS, 4).tolist() == [1, 0, 2, 0]
