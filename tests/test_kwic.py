import pytest

from corpuscli import load
from corpuscli.errors import NotFound, UsageError
from corpuscli.kwic import kwic

from .conftest import SAMPLE, SEED_000, SEED_003


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
