"""Stories and same-story pairs on real text: the AllSides roundups (12 events, each covered by a
left, a center and a right outlet), the two seed articles, and two German reports of one vote."""

from __future__ import annotations

import contextlib
import json

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli import load
from corpuscli.coverage.pairs import find_pairs
from corpuscli.coverage.stories import (
    COLUMNS,
    find_stories,
    score_clusters,
    story_graph,
)
from corpuscli.coverage.story_features import QuoteSigner, article_features, story_stopwords
from corpuscli.errors import NothingToAnalyse, UsageError
from tests.conftest import FIXTURES, ROUNDUPS, SAMPLE, SEED_000, SEED_003


@pytest.fixture(scope="module")
def roundups() -> pd.DataFrame:
    return load([str(ROUNDUPS)]).frame


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    return load([str(SAMPLE)], manifest=str(SAMPLE / "manifest.csv")).frame


def _undated(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(
        published=pd.Series(pd.NaT, index=frame.index, dtype=frame["published"].dtype)
    )


def _event(frame: pd.DataFrame, *events: int) -> pd.DataFrame:
    return frame[frame["event_id"].isin(events)].reset_index(drop=True)


def test_a_focused_folder_is_one_story(roundups):
    # each event's three articles alone: nothing else to contrast them with, every word of the
    # story in every article; with their dates and titles, and as bare undated texts
    for event, group in roundups.groupby("event_id"):
        folder = group.reset_index(drop=True)
        assert story_graph(folder, by="stance").story == [1, 1, 1], event
        bare = _undated(folder).assign(title=None)
        assert story_graph(bare, by="stance").story == [1, 1, 1], event


def test_a_missing_date_costs_more_where_dates_are_the_rule(roundups):
    from corpuscli.coverage.story_similarity import UNDATED_PENALTY

    frame = roundups.copy()
    assert story_graph(frame, by="stance").index.penalty == UNDATED_PENALTY
    frame.loc[frame.index[:9], "published"] = pd.NaT  # a quarter undated
    assert story_graph(frame, by="stance").index.penalty == pytest.approx(0.75 * UNDATED_PENALTY)
    assert story_graph(_undated(frame), by="stance").index.penalty == 0.0


def test_two_events_about_one_person_stay_two_stories_without_dates(roundups):
    # Kamala Harris in Guatemala (June) and Kamala Harris on immigration (April), dates removed
    mixed = _undated(_event(roundups, 5975, 6103))
    graph = story_graph(mixed, by="stance")
    stories = {}
    for event, story in zip(mixed["event_id"], graph.story, strict=True):
        if story:
            stories.setdefault(story, set()).add(event)
    assert len(stories) == 2
    assert all(len(events) == 1 for events in stories.values())
    # the same two the other way round: the order of the input does not matter
    backwards = mixed.iloc[::-1].reset_index(drop=True)
    again = dict(zip(backwards["doc_id"], story_graph(backwards, by="stance").story, strict=True))
    first = dict(zip(mixed["doc_id"], graph.story, strict=True))
    assert {d for d in first if first[d]} == {d for d in again if again[d]}


def test_open_world_leaves_unrelated_articles_out(sample):
    graph = story_graph(sample, by="stance")
    found = dict(zip(sample["doc_id"], graph.story, strict=True))
    assert found[SEED_000.stem] == found[SEED_003.stem] == 0  # Karabakh, seven weeks apart
    truth = {
        d: e for d, e in zip(sample["doc_id"], sample["event_id"], strict=True) if not pd.isna(e)
    }
    stance = dict(zip(sample["doc_id"], sample["stance"].astype(str), strict=True))
    scores = score_clusters(found, truth, group_of=stance.get)
    assert scores["precision"] >= 0.9 and scores["recall"] >= 0.9


def test_an_undated_article_still_joins_its_story(roundups):
    frame = roundups.copy()
    frame.loc[frame["doc_id"] == "6104_left", "published"] = pd.NaT
    graph = story_graph(frame, by="stance")
    story = dict(zip(frame["doc_id"], graph.story, strict=True))
    assert story["6104_left"] != 0
    assert story["6104_left"] == story["6104_center"] == story["6104_right"]


def test_stories_frame(sample):
    table = find_stories(sample, by="stance")
    assert list(table.columns) == [*COLUMNS[:8], "stance", *COLUMNS[8:]]
    assert table["story"].iloc[0] == 1 and table["story"].is_monotonic_increasing
    for _, story in table.groupby("story"):
        assert story["stance"].nunique() == story["groups"].iloc[0] >= 2
        assert len(story) == story["articles"].iloc[0]
        assert set(story["match"]) <= set(story["doc_id"])
        assert (story["first"] <= story["published"]).all()
    assert table["label"].str.len().gt(0).all()
    # by source: no extra column, and the same result twice, whatever the number of workers
    by_source = find_stories(sample)
    assert list(by_source.columns) == list(COLUMNS)
    pd.testing.assert_frame_equal(by_source, find_stories(sample, jobs=2))


def test_pairs_are_the_pairs_inside_stories(sample):
    stories = find_stories(sample, by="stance")
    pairs = find_pairs(sample, by="stance")
    assert list(pairs.columns[-2:]) == ["story", "label"]
    for story, rows in stories.groupby("story"):
        inside = pairs[pairs["story"] == story]
        docs = set(rows["doc_id"])
        assert set(inside["doc_a"]) | set(inside["doc_b"]) == docs
        assert (inside["source_a"] != inside["source_b"]).all()
        assert inside["score"].is_monotonic_decreasing


def test_identical_articles(roundups):
    one = roundups[roundups["doc_id"] == "5946_right"]
    twins = pd.concat([one, one.assign(doc_id="copy", stance="left")], ignore_index=True)
    pairs = find_pairs(twins, by="stance")
    assert len(pairs) == 1
    assert pairs["cosine"].iloc[0] == pytest.approx(1.0)
    assert pairs["title_overlap"].iloc[0] == 1.0
    # the same article twice in one group and once in another: one story of three
    three = pd.concat([twins, one.assign(doc_id="again")], ignore_index=True)
    assert story_graph(three, by="stance").story == [1, 1, 1]


def test_bad_input_gives_a_clear_error_or_a_sane_result(roundups):
    with pytest.raises(UsageError, match="stories need two groups"):
        find_stories(roundups.assign(source="One outlet"))
    with pytest.raises(UsageError, match="no column 'outlet'"):
        find_stories(roundups, by="outlet")
    with pytest.raises(UsageError, match="no article has a stance"):
        find_stories(roundups.assign(stance=pd.NA), by="stance")
    empty = roundups.assign(text="", title=None)
    with pytest.raises(NothingToAnalyse):
        find_stories(empty, by="stance")
    # no quotes at all: the words still find the stories
    quiet = find_stories(roundups, by="stance", quotes=False)
    assert quiet["story"].nunique() >= 10


def test_another_language(roundups):
    german = load([str(FIXTURES / "brexit_de.jsonl")]).frame
    both = pd.concat([roundups, german], ignore_index=True)
    story = dict(zip(both["doc_id"], story_graph(both).story, strict=True))
    # the two reports of one vote (322 to 306) form a story of their own
    assert story["brexit_stern"] == story["brexit_nzz"] != 0
    members = [d for d, k in story.items() if k == story["brexit_stern"]]
    assert sorted(members) == ["brexit_nzz", "brexit_stern"]


def _quotes(path, speaker_part: str) -> list[str]:
    from corpuscli.coverage.quotes import extract_quotes

    text = path.read_text(encoding="utf-8")
    return [q.text for q in extract_quotes(text) if speaker_part in q.text]


def test_quote_signatures_match_statements_not_wordings():
    from corpuscli.coverage.story_similarity import MIN_SHARED_STEMS, SHARED_SHARE

    signer = QuoteSigner(story_stopwords())

    def same(a: str, b: str) -> bool:
        sa, sb = signer.stems(a), signer.stems(b)
        shared = len(sa & sb)
        return shared >= MIN_SHARED_STEMS and shared >= SHARED_SHARE * min(len(sa), len(sb))

    (whole,) = _quotes(SEED_000, "From an international law point of view")
    first, second = whole.split(". Thus ")
    # one outlet quoting the statement in two parts, or only part of it, is the same statement
    assert same(whole, first) and same(whole, second)
    # Nagorno-Karabakh counts as Karabakh, plurals and tenses as their stems
    assert {"karabakh", "nagorno", "area", "return"} <= signer.stems(whole)
    (other,) = _quotes(SEED_003, "Our position is absolutely open")
    # another statement on the same subject (areas returned to Azerbaijan) is not the same one
    assert not same(whole, other)
    assert signer.signature("Is that good or not?") is None  # too little to match on


def test_features_from_a_quote_table_are_those_of_the_lead(sample):
    from corpuscli.coverage.quotes import quotes_frame

    found = article_features(sample)
    given_table = article_features(sample, quote_table=quotes_frame(sample))
    assert found.signatures == given_table.signatures
    assert (found.codes == given_table.codes).all()


def test_score_clusters_by_hand():
    # found {a1 a2 b1} {b2}; truth {a1 a2} {b1 b2}
    found = {"a1": 1, "a2": 1, "b1": 1, "b2": 2}
    truth = {"a1": "A", "a2": "A", "b1": "B", "b2": "B"}
    scores = score_clusters(found, truth)
    assert scores["precision"] == pytest.approx(1 / 3)  # a1-a2 right; a1-b1, a2-b1 wrong
    assert scores["recall"] == pytest.approx(1 / 2)  # b1-b2 missed
    # B-cubed precision: a1 2/3, a2 2/3, b1 1/3, b2 1; recall: 1, 1, 1/2, 1/2
    assert scores["bcubed_precision"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert scores["bcubed_recall"] == pytest.approx(0.75)
    # an unlabelled article in a labelled story counts against precision, unless left out
    open_world = score_clusters({**found, "x": 2}, truth)
    assert open_world["bcubed_precision"] < scores["bcubed_precision"]
    assert score_clusters({**found, "x": 2}, truth, labelled_only=True) == scores


@settings(deadline=2000, max_examples=60)
@given(st.text(alphabet=st.sampled_from("ab -'’.,“”\"\n7"), max_size=3000))
def test_text_of_any_shape_is_read_in_bounded_time(text):
    signer = QuoteSigner(story_stopwords())
    signer.stems(text)
    frame = pd.DataFrame(
        {"doc_id": ["x", "y"], "source": ["A", "B"], "title": [text[:200], text[:100]],
         "published": pd.to_datetime([None, None], utc=True), "text": [text, text[::-1]]}
    )  # fmt: skip
    with contextlib.suppress(NothingToAnalyse):
        find_stories(frame)


def test_cli(corpus, tmp_path):
    result = corpus("stories", str(SAMPLE), "--by", "stance", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        "story,label,articles,groups,first,last,doc_id,source,stance,published,title,match,"
    )
    jsonl = corpus("stories", str(ROUNDUPS), "-f", "jsonl")
    rows = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert {r["story"] for r in rows} == set(range(1, max(r["story"] for r in rows) + 1))
    one = corpus("stories", str(SEED_003))
    assert one.exit_code == 2 and "stories need two groups" in one.stderr
    apart = corpus(
        "stories", str(SEED_000), str(SEED_003), "--manifest", str(SAMPLE / "manifest.csv")
    )
    assert apart.exit_code == 2 and "no story" in apart.stderr  # seven weeks apart
    pairs = corpus("pairs", str(SAMPLE), "--by", "stance", "-f", "csv")
    assert pairs.stdout.splitlines()[0].endswith(",story,label")


def test_cli_defaults_are_the_library_defaults():
    import inspect

    from corpuscli.cli.cmd_pairs import pairs_command
    from corpuscli.cli.cmd_stories import stories_command
    from corpuscli.coverage.stories import MAX_DAYS, THRESHOLD

    for command in (pairs_command, stories_command):
        parameters = inspect.signature(command).parameters
        assert parameters["threshold"].default == THRESHOLD
        assert parameters["max_days"].default == MAX_DAYS


def test_features_of_a_folder_are_those_of_its_articles(roundups):
    whole = article_features(roundups)
    rows = [5, 0, 17]
    alone = article_features(roundups.iloc[rows].reset_index(drop=True))
    taken = whole.take(rows)
    assert taken.counters() == alone.counters()
    assert taken.signatures == alone.signatures


def test_scores_together_are_the_scores_one_by_one(sample, roundups):
    # the cosines worked out a batch at a time (a dense row per article) against each pair's
    # sum over its vectors' dictionaries: the same floats to the last bit, and every part
    import itertools
    import math

    from corpuscli.coverage.story_similarity import QUOTE_FLOOR, _total

    for frame, by in ((sample, "source"), (roundups, "stance")):
        index = story_graph(frame.reset_index(drop=True), by=by).index
        pairs = list(itertools.combinations(range(len(index)), 2))
        fresh = story_graph(frame.reset_index(drop=True), by=by).index
        fresh._cache.clear()
        got = fresh.scores(pairs[::-1])[::-1]  # asked in any order, each pair's own score
        for (i, j), s in zip(pairs, got, strict=True):
            cosine = index.cosine(i, j)
            ti, tj = index.titles[i], index.titles[j]
            overlap = len(ti & tj) / len(ti | tj) if ti and tj else 0.0
            shared = index.shared_quotes(i, j) if cosine >= QUOTE_FLOOR else 0
            assert s.cosine == cosine and s.title_overlap == overlap, (i, j)
            assert s.shared_quotes == shared and s.score == _total(cosine, overlap, shared)
            assert type(s.score) is type(_total(cosine, overlap, shared))  # rounds alike
            expected = s.score - index.penalty if math.isnan(index.days_apart(i, j)) else s.score
            assert fresh.supports([(j, i)]) == [expected] == [index.support(i, j)]
