"""Users' regular expressions: the same matches as Python's re, in linear time where RE2 can run
the pattern, and a time budget that names the pattern where it cannot."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpuscli import load
from corpuscli.analysis.kwic import kwic
from corpuscli.errors import UsageError
from corpuscli.text.regex import UserRegex, translate
from corpuscli.text.tokens import Tokenizer
from tests.conftest import SAMPLE, bounded

#: Pieces of patterns: literals, Unicode-sensitive classes, sets, anchors, boundaries.
_ATOMS = st.sampled_from([
    "a", "b", "é", "-", "'", "’", r"\.", ".", r"\w", r"\W", r"\d", r"\D", r"\s", r"\S", r"\b",
    r"\B", "[a-c]", "[^a ]", r"[\w-]", r"[\d.]", "^", "$", r"\Z", r"\u00e9", "[]a]",
])  # fmt: skip
_QUANTIFIERS = st.sampled_from(["", "", "+", "*", "?", "{2}", "{1,3}", "{,2}", "+?"])


@st.composite
def _patterns(draw: st.DrawFn) -> str:
    def piece() -> str:
        atom = draw(_ATOMS)
        if draw(st.booleans()) and atom not in ("^", "$", r"\Z", r"\b", r"\B"):
            atom = f"(?:{atom}{draw(_ATOMS)})" if draw(st.booleans()) else f"({atom})"
        return atom + draw(_QUANTIFIERS)

    branches = ["".join(piece() for _ in range(draw(st.integers(1, 4)))) for _ in range(2)]
    return "|".join(branches[: draw(st.integers(1, 2))])


_TEXTS = st.text(st.sampled_from(list("ab cé-’'.\n5٣_É\u00a0")), max_size=40)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_patterns(), _TEXTS, st.booleans())
def test_same_matches_as_python_re(pattern, text, ignore_case):
    try:
        regex = UserRegex(pattern, ignore_case=ignore_case)
    except UsageError:
        return  # re itself refuses it (e.g. a quantifier after an anchor)
    flags = re.IGNORECASE if ignore_case else 0
    assert regex.spans(text) == [m.span() for m in re.finditer(pattern, text, flags)]
    assert regex.findall(text) == re.findall(pattern, text, flags)


def test_most_ordinary_patterns_run_on_re2():
    for pattern in (r"Shush[ai]", r"\bPutin\b", r"[A-Z]\w+ said", r"\d{4}", r"(a+)+$", "x{,3}y"):
        assert UserRegex(pattern).linear, pattern
    for pattern in (r"(?<=said )\w+", r"(\w)\1", r"(?x) a b"):
        assert not UserRegex(pattern).linear, pattern
    assert translate(r"[\w-]+\Z") == r"[\p{L}\p{N}_-]+\z"
    assert translate(r"[\W]") is None and translate("[[:alpha:]]") is None


@settings(max_examples=30, deadline=None)  # bounded below: far below re's seconds to hours
@given(st.integers(20, 100_000), st.sampled_from(["", "b", "!", "\n"]))
def test_nested_repetition_runs_in_linear_time(n, tail):
    with bounded(60):
        regex = UserRegex(r"(a+)+$")
        text = "a" * n + tail
        assert regex.spans(text) == ([(0, n)] if tail in ("", "\n") else [])


def test_a_pattern_only_re_runs_stops_at_the_budget_and_names_itself(monkeypatch):
    monkeypatch.setenv("CORPUSCLI_REGEX_BUDGET", "0.2")
    regex = UserRegex(r"(a+)+(?=b)")  # the look-ahead keeps it off RE2
    assert not regex.linear
    with pytest.raises(UsageError, match=r"\(a\+\)\+\(\?=b\)") as caught:
        regex.spans("a" * 40 + "c", what="doc 7")
    assert "doc 7" in str(caught.value) and "0.2 s" in str(caught.value)
    assert regex.spans("aab") == [(0, 2)]  # quick texts still work
    monkeypatch.setenv("CORPUSCLI_REGEX_BUDGET", "soon")
    with pytest.raises(UsageError, match="CORPUSCLI_REGEX_BUDGET"):
        UserRegex("a")


def test_kwic_regex_output_is_what_re_finds_on_real_text():
    frame = load([str(SAMPLE)]).frame
    for pattern in (r"Shush[ai]", r"\bPutin\b", r"[A-Z]\w+ said", r"\d+(?:,\d{3})+", r"\w+’s"):
        table = kwic(frame, pattern, regex=True, width=30)
        expected = [
            (doc_id, m.start(), m.end(), m.group(0))
            for doc_id, text in zip(frame["doc_id"], frame["text"], strict=True)
            for m in re.finditer(pattern, text)
            if m.end() > m.start()
        ]
        got = list(zip(table["doc_id"], table["start"], table["end"], table["match"], strict=True))
        assert got == [(d, s, e, re.sub(r"\s+", " ", t)) for d, s, e, t in expected], pattern


def test_token_pattern_runs_on_re2_and_counts_as_before():
    text = load([str(SAMPLE)]).frame["text"].str.cat(sep="\n")
    pattern = r"[A-Z]\w+(?:-\w+)*"
    assert Tokenizer(pattern=pattern, lower=False).tokens(text) == re.findall(pattern, text)


def test_kwic_cli_on_a_catastrophic_pattern(corpus, tmp_path):
    feed = tmp_path / "aaa.jsonl"
    feed.write_text(json.dumps({"id": "a", "text": "a" * 100_000 + "!"}) + "\n", encoding="utf-8")
    result = corpus("kwic", "(a+)+!", str(feed), "--regex", "-f", "tsv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1].split("\t")[2:4] == ["0", "100001"]
    counted = corpus("terms", str(feed), "--pattern", "(a+)+", "-f", "tsv", "--jobs", "1")
    assert counted.exit_code == 0, counted.stderr


def test_kwic_cli_names_a_pattern_past_its_budget(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUSCLI_REGEX_BUDGET", "0.3")
    feed = tmp_path / "aaa.jsonl"
    feed.write_text(json.dumps({"id": "a", "text": "a" * 60 + "c"}) + "\n", encoding="utf-8")
    for jobs in ("1", "2"):
        result = corpus("kwic", "(a+)+(?=b)", str(feed), "--regex", "--jobs", jobs)
        assert result.exit_code == 2, result.stderr
        assert "(a+)+(?=b)" in result.stderr and "0.3 s" in result.stderr
