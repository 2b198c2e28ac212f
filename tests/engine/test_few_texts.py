"""Small JSON Lines (and plain-text) inputs are read and counted in one process without pandas
(``Source.few_texts``, ``analysis.few_terms``): the result is the ordinary way's, byte for byte,
in every output format and for every option that way honours, on real and on generated input;
and an input the loader would have something to say about goes the ordinary way."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli.api.terms import terms
from corpuscli.engine import source as source_module
from corpuscli.engine.source import Source
from corpuscli.io.date_values import surely_read
from corpuscli.results import RowTable
from corpuscli.text.token_options import Tokens
from tests.conftest import ROUNDUPS

FORMATS = ("table", "tsv", "csv", "json", "jsonl", "md", "html")
OPTIONS = [
    [],
    ["--all"],
    ["--measure", "per_10k", "--top", "25"],
    ["--measure", "docs", "--top", "7"],
    ["--min-count", "3", "--min-docs", "2", "--all"],
    ["--keep-case", "--keep-numbers", "--all"],
    ["--stopwords", "none", "--top", "40"],
]


class _Ordinary:
    """Within the block, every input goes the ordinary way (no input is small enough)."""

    def __enter__(self) -> None:
        self.saved = source_module.FEW_TEXTS_BYTES
        source_module.FEW_TEXTS_BYTES = -1

    def __exit__(self, *exc: object) -> None:
        source_module.FEW_TEXTS_BYTES = self.saved


def _api_both(paths: list[str], tokens: Tokens, **args: object) -> tuple[object, object]:
    light = terms(Source(paths=tuple(paths)), tokens=tokens, **args)  # type: ignore[arg-type]
    with _Ordinary():
        ordinary = terms(Source(paths=tuple(paths)), tokens=tokens, **args)  # type: ignore[arg-type]
    return light, ordinary


def test_real_articles_go_the_short_way_with_the_same_table():
    light, ordinary = _api_both([str(ROUNDUPS)], Tokens(), top=None)
    assert isinstance(light, RowTable) and not isinstance(ordinary, RowTable)
    assert light.load.articles == ordinary.load.articles > 30
    pd.testing.assert_frame_equal(light.frame, ordinary.frame)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: " ".join(o) or "defaults")
def test_the_command_prints_the_same_bytes(corpus, fmt, options):
    args = ("terms", str(ROUNDUPS), "-f", fmt, *options)
    light = corpus(*args)
    with _Ordinary():
        ordinary = corpus(*args)
    assert light.exit_code == ordinary.exit_code == 0
    assert light.stdout == ordinary.stdout and len(light.stdout) > 200
    assert light.stderr == ordinary.stderr


def test_parquet_holds_the_same_table(corpus, tmp_path):
    light, ordinary = tmp_path / "light.parquet", tmp_path / "ordinary.parquet"
    corpus("terms", str(ROUNDUPS), "--all", "-o", str(light))
    with _Ordinary():
        corpus("terms", str(ROUNDUPS), "--all", "-o", str(ordinary))
    pd.testing.assert_frame_equal(pd.read_parquet(light), pd.read_parquet(ordinary))


_WORDS = st.sampled_from(
    ["the", "The", "U.S.", "Mr.", "don't", "don’t", "“Putin", "said.”", "café", "ÉCOLE", "—",
     "2020", "3.5%", "co-op", "well-known", "e-mail", "...", "a", "Afghanistan.", "x" * 20,
     "naïve", "Straße", "$5", "it's", "N.Y.", "#tag", "@user", "'quoted'", "!", "?"]
)  # fmt: skip
_TEXTS = st.lists(
    st.lists(st.one_of(_WORDS, st.text(min_size=1, max_size=12)), min_size=1, max_size=40).map(
        " ".join
    ),
    min_size=1,
    max_size=8,
)
_DATES = st.sampled_from([None, "", "2021-08-16", "2020-10-30T14:05:00+03:00", "7/23/17"])


@settings(max_examples=60)
@given(texts=_TEXTS, dates=st.lists(_DATES, min_size=8, max_size=8), keep_case=st.booleans())
def test_generated_articles_give_the_ordinary_table(tmp_path_factory, texts, dates, keep_case):
    path = tmp_path_factory.mktemp("few") / "generated.jsonl"
    lines = [
        json.dumps({"id": f"a{i}", "date": dates[i], "text": text}, ensure_ascii=False)
        for i, text in enumerate(texts)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tokens = Tokens(lower=not keep_case)
    for args in ({"top": None}, {"top": 5, "measure": "docs"}, {"min_count": 2, "top": None}):
        try:
            light, ordinary = _api_both([str(path)], tokens, **args)
        except Exception as exc:  # nothing to count: both ways fail alike
            with pytest.raises(type(exc)), _Ordinary():
                terms(Source(paths=(str(path),)), tokens=tokens, **args)  # type: ignore[arg-type]
            continue
        pd.testing.assert_frame_equal(light.frame, ordinary.frame)  # type: ignore[attr-defined]
        assert light.load.notes == ordinary.load.notes  # type: ignore[attr-defined]
        assert light.load.articles == ordinary.load.articles  # type: ignore[attr-defined]


def _jsonl(tmp_path: Path, records: list[dict[str, object]]) -> str:
    path = tmp_path / "odd.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "records",
    [
        [{"id": "a", "text": "one two"}, {"id": "a", "text": "three four"}],  # an id renamed
        [{"id": "a", "text": "one two", "date": "not a date"}],  # a date that cannot be read
        [{"id": "a", "text": "one two", "date": True}],
        [{"id": "a", "text": "one two", "date": 123456}],  # a number: int64 or float64 by column
        [{"id": "a", "text": "one", "date": 20201030}, {"id": "b", "text": "two", "date": None}],
        [{"id": "a", "text": "one two", "date": ["2021-08-16"]}],  # a list: read as its text
        [{"id": "a", "text": "one two", "date": {"day": "2021-08-16"}}],
        [{"id": "a", "text": "one"}, {"id": "b", "text": "   "}],  # an empty text skipped
    ],
)
def test_inputs_with_something_to_tell_go_the_ordinary_way(tmp_path, records):
    path = _jsonl(tmp_path, records)
    assert Source(paths=(path,)).few_texts(Source(paths=(path,)).new_report()) is None
    light, ordinary = _api_both([path], Tokens(), top=None)
    assert not isinstance(light, RowTable)
    pd.testing.assert_frame_equal(light.frame, ordinary.frame)  # type: ignore[attr-defined]


def test_bad_lines_go_the_ordinary_way(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": "one two"}\n{not json\n', encoding="utf-8")
    assert Source(paths=(str(path),)).few_texts(Source(paths=(str(path),)).new_report()) is None


def test_large_inputs_go_the_ordinary_way(tmp_path):
    path = _jsonl(tmp_path, [{"id": "a", "text": "one two three"}])
    saved = source_module.FEW_TEXTS_BYTES
    source_module.FEW_TEXTS_BYTES = Path(path).stat().st_size - 1
    try:
        assert Source(paths=(path,)).few_texts(Source(paths=(path,)).new_report()) is None
    finally:
        source_module.FEW_TEXTS_BYTES = saved
    assert Source(paths=(path,)).few_texts(Source(paths=(path,)).new_report()) == ["one two three"]


@pytest.mark.parametrize(
    ("value", "sure"),
    [
        (None, True), ("", True), ("  ", True), (float("nan"), True), ("2021-08-16", True),
        ("2020-10-30T14:05:00Z", True), ("Fri, 30 Oct 2020 14:05:00 GMT", True),
        (1603000000, False), (20201030, False), ("not a date", False), ("0999-01-01", False), (True, False),
        (["2021-08-16"], False), (float("inf"), False),
    ],
)  # fmt: skip
def test_a_date_is_sure_when_the_loader_reads_it(value, sure):
    assert surely_read(value) is sure


def test_whole_number_dates_warn_alike_both_ways(tmp_path, corpus, monkeypatch):
    """A whole-number date the loader cannot read is told as the input wrote it ("123456", not
    numpy's repr), and the same whether the run is short or goes the workers' way."""
    path = _jsonl(
        tmp_path,
        [{"doc_id": "1", "text": "hello world", "published": 123456},
         {"doc_id": "2", "text": "again world", "published": 20201030}],
    )  # fmt: skip
    short = corpus("terms", path, "-f", "tsv")
    monkeypatch.setenv("CORPUSCLI_PARTITION_MB", "4")
    parts = corpus("terms", path, "-f", "tsv")
    assert short.stdout == parts.stdout
    assert short.stderr == parts.stderr
    assert f"(e.g. 123456 at {path}:1)" in short.stderr
