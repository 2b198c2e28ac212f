import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli import load
from corpuscli.analysis.kwic import Search, _finder, compile_query, kwic
from corpuscli.errors import NotFound, UsageError
from tests.conftest import SAMPLE, SEED_000, SEED_003


def test_offsets_point_into_the_text():
    frame = load([str(SEED_000), str(SEED_003)]).frame
    lines = kwic(frame, "occupied by Armenia")
    texts = dict(zip(frame["doc_id"], frame["text"], strict=True))
    assert len(lines) == 2
    for row in lines.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.match


def test_apostrophes_match_both_styles_and_whole_words_only():
    frame = load([str(SAMPLE)]).frame
    assert set(kwic(frame, "Russia's")["match"]) == {"Russia’s", "Russia‘s", "Russia's"}
    assert "Russian" not in set(kwic(frame, "Russia")["match"])


def test_case_regex_width_sort():
    frame = load([str(SEED_003)]).frame
    with pytest.raises(NotFound):
        kwic(frame, "shusha")
    assert len(kwic(frame, "shusha", ignore_case=True)) == 1
    both = kwic(frame, r"Shush[ai]", regex=True, width=10)
    assert list(both["match"]) == ["Shusha", "Shushi"]
    assert all(len(x) <= 10 for x in both["left"])
    by_right = kwic(frame, "Putin", sort="right")
    keys = [r.lower().lstrip() for r in by_right["right"]]
    assert keys == sorted(keys)


def test_bad_queries():
    frame = load([str(SEED_003)]).frame
    with pytest.raises(UsageError):
        kwic(frame, "  ")
    with pytest.raises(UsageError):
        kwic(frame, "(", regex=True)


def _slow_and_fast(query: str, text: str, ignore_case: bool) -> tuple[list, list]:
    pattern = compile_query(query, ignore_case=ignore_case)
    fast = _finder(pattern)
    spans = [(m.start(), m.end()) for m in pattern.finditer(text)]
    return spans, list(fast(text, None))


def test_plain_queries_find_what_the_look_behind_pattern_finds():
    """A plain query is searched from its first letters, the word boundary checked after: the
    same matches as the pattern with its look-behind, on real text and on awkward cases."""
    text = load([str(SAMPLE)]).frame["text"].str.cat(sep="\n")
    for query in ("Putin", "Russia's", "Nagorno-Karabakh", "the", "a", "U.S.", "said Putin"):
        for ignore_case in (False, True):
            slow, fast = _slow_and_fast(query, text, ignore_case)
            assert slow == fast, query
            assert slow or query == "U.S."
    for query, text in [
        ("aa", "aaaa xaa aa_aa _aa aa"),  # hits inside words are skipped, then found again
        ("ab", "aab ab éab 3ab"),  # letters and digits of any script bound a word
        ("Putin", "Putins Putin, «Putin» Путин Putin_"),
    ]:
        slow, fast = _slow_and_fast(query, text, False)
        assert slow == fast, (query, text)


@settings(max_examples=300, deadline=None)
@given(
    query=st.text(alphabet="ab_é' -人", min_size=1, max_size=4).filter(lambda q: q.strip()),
    text=st.text(alphabet="ab_é'’ -\n1人工", max_size=40),
    ignore_case=st.booleans(),
)
def test_plain_query_search_property(query: str, text: str, ignore_case: bool) -> None:
    slow, fast = _slow_and_fast(query, text, ignore_case)
    assert slow == fast


#: From a Tencent news page of Mozilla Readability's test pages (qq): Chinese is written without
#: spaces, and a Latin name sits between Han characters.
QQ = "谷歌(微博) 在2014年收购的人工智能公司DeepMind开发出一款能够用自己的记忆学习新知识并利用这些知识来回答问题的计算机。"


@pytest.mark.parametrize("query", ["人工智能", "DeepMind", "deepmind", "公司DeepMind"])
def test_queries_in_a_script_without_spaces_are_found(corpus, tmp_path, query):
    """Every hit was refused: a Han character counts as a word character, so "人工智能" inside
    a run of Chinese, or "DeepMind" between two Han characters, never stood at a word
    boundary, and kwic said "no match" (exit 3)."""
    path = tmp_path / "qq.txt"
    path.write_text(QQ + "\n", encoding="utf-8")
    result = corpus("kwic", query, str(path), "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert QQ[row["start"] : row["end"]].lower() == query.lower()


def test_words_of_spaced_scripts_still_keep_their_boundaries_beside_han():
    text = "公司DeepMinds开发 DeepMind_x 人工智能"
    assert [text[a:b] for a, b in _finder(compile_query("DeepMind"))(text, None)] == []
    assert _slow_and_fast("DeepMind", text, True) == ([], [])


def test_a_search_travels_to_worker_processes():
    """Workers started by a fork server or spawned receive the request pickled: its compiled
    search is left behind and made again."""
    import pickle

    frame = load([str(SEED_003)]).frame
    request = Search("Putin", width=15)
    lines = request.lines(frame)  # compiles the search
    copy = pickle.loads(pickle.dumps(request))
    assert copy == request and "_finditer" not in copy.__dict__
    assert copy.lines(frame) == lines and lines
    with pytest.raises(UsageError):
        Search("Shush[", regex=True)
