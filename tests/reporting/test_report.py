"""corpus report: golden Markdown and JSON, HTML escaping, windows, config, atomic output."""

from __future__ import annotations

import json
import os
import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from corpuscli.errors import UsageError
from corpuscli.io.window import parse_bound
from tests.conftest import SAMPLE

GOLDEN = Path(__file__).parent / "golden"
REGEN = os.environ.get("CORPUSCLI_REGEN_GOLDEN") == "1"


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if REGEN:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} changed (CORPUSCLI_REGEN_GOLDEN=1 to accept)"
    )


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_golden_reports(corpus, fmt):
    result = corpus(
        "report",
        str(SAMPLE),
        "--manifest",
        str(SAMPLE / "manifest.csv"),
        "--clean",
        "-f",
        fmt,
        "-q",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    _golden(f"report_sample.{fmt}", result.stdout)


def test_same_bytes_twice(corpus, tmp_path):
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    assert corpus("report", str(SAMPLE), "-o", str(a), "-q").exit_code == 0
    assert corpus("report", str(SAMPLE), "-o", str(b), "-q").exit_code == 0
    assert a.read_bytes() == b.read_bytes()
    stamped = tmp_path / "c.html"
    corpus("report", str(SAMPLE), "-o", str(stamped), "-q", "--stamp")
    assert "generated" in stamped.read_text(encoding="utf-8")


def test_html_escapes_article_text(corpus, tmp_path, roundup_rows):
    # real roundup text under a hostile outlet name and headline
    row = dict(
        roundup_rows[0],
        source="<script>alert('x')</script> {{ 7 * 7 }}",
        title="<b>{{ config }}</b>",
    )
    evil = tmp_path / "evil.jsonl"
    evil.write_text(json.dumps(row) + "\n", encoding="utf-8")
    out = tmp_path / "r.html"
    result = corpus("report", str(evil), str(SAMPLE), "-o", str(out), "-q")
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; {{ 7 * 7 }}" in page  # shown, not run

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[str] = []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)

    parser = Tags()
    parser.feed(page)
    assert "script" not in parser.tags and "svg" in parser.tags and "table" in parser.tags


def test_windows_around_midnight_and_zones():
    now = datetime(2026, 11, 27, 0, 30, tzinfo=UTC)
    assert parse_bound("today", now=now) == datetime(2026, 11, 27, tzinfo=UTC)
    assert parse_bound("yesterday", now=now) == datetime(2026, 11, 26, tzinfo=UTC)
    assert parse_bound("1d", now=now) == datetime(2026, 11, 26, 0, 30, tzinfo=UTC)
    assert parse_bound("2w", now=now) == datetime(2026, 11, 13, 0, 30, tzinfo=UTC)
    # 01:00 in Paris on the 27th is midnight UTC
    assert parse_bound("2026-11-27T01:00:00+01:00") == datetime(2026, 11, 27, tzinfo=UTC)
    with pytest.raises(UsageError):
        parse_bound("next tuesday")


def test_window_and_compare(corpus):
    result = corpus(
        "report", str(SAMPLE), "--since", "2021-07-01", "--until", "2021-08-01", "--compare-to", "30d",
        "-f", "json", "-q",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["window"]["since"].startswith("2021-07-01")
    assert (
        data["overview"]["undated_outside_window"] == 0
        or data["overview"]["undated_outside_window"] == 2
    )
    assert all("2021-07" in r["day"] for r in data["overview"]["per_day"])
    assert data["trending"] is None or "rising" in data["trending"]
    empty = corpus("report", str(SAMPLE), "--since", "2030-01-01", "-f", "md")
    assert empty.exit_code == 2


def test_config_precedence_and_print(corpus, tmp_path):
    config = tmp_path / "report.toml"
    config.write_text(
        f'paths = ["{SAMPLE}"]\ntitle = "From the file"\ntop = 3\nsections = "overview,terms"\n',
        encoding="utf-8",
    )
    printed = corpus("report", "--config", str(config), "--top", "5", "--print-config")
    assert printed.exit_code == 0
    assert 'title = "From the file"' in printed.stdout and "top = 5" in printed.stdout
    result = corpus("report", "--config", str(config), "-f", "json", "-q")
    data = json.loads(result.stdout)
    assert data["title"] == "From the file" and len(data["terms"]["words"]) == 3
    assert "keyness" not in data
    bad = tmp_path / "bad.toml"
    bad.write_text("colour = 'blue'\n", encoding="utf-8")
    assert corpus("report", str(SAMPLE), "--config", str(bad)).exit_code == 2


def test_atomic_output_survives_a_failure(corpus, tmp_path, monkeypatch):
    out = tmp_path / "daily.md"
    out.write_text("yesterday's report\n", encoding="utf-8")
    import corpuscli.render.report as rr

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(rr, "write_markdown", broken)
    result = corpus("report", str(SAMPLE), "-o", str(out), "-q")
    assert result.exit_code == 70
    assert out.read_text(encoding="utf-8") == "yesterday's report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["daily.md"]


def test_skipped_inputs_exit_1_and_listed(corpus, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    out = tmp_path / "r.json"
    result = corpus("report", str(SAMPLE), str(bad), "-o", str(out), "-q")
    assert result.exit_code == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert any("bad.jsonl" in s for s in data["overview"]["skipped_inputs"])


def test_verbose_summary_counts_a_bad_line_as_a_problem_not_an_input(corpus, tmp_path):
    """A bad line inside a good file was counted "1 inputs skipped": the file was read."""
    lines = (SAMPLE / "allsides_roundups.jsonl").read_bytes().splitlines(keepends=True)[:6]
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_bytes(
        b"".join(lines[:3]) + b'{"id": "x", "text": "caf\xe9 \xff"}\n' + b"".join(lines[3:])
    )
    result = corpus("report", str(mixed), "-f", "md", "-v")
    assert result.exit_code == 1
    assert "line is not valid UTF-8 (" in result.stderr and "mixed.jsonl:4" in result.stderr
    assert "6 articles read" in result.stderr
    assert "1 problem (inputs or lines skipped)" in result.stderr
    assert "inputs skipped," not in result.stderr


@pytest.mark.parametrize("how", [("--format", "tsv"), ("-o", "daily.tsv"), ("--format", "csv")])
def test_a_table_format_is_refused_not_written_as_markdown(corpus, tmp_path, how):
    """`--format tsv` (and `-o daily.tsv`) wrote Markdown without a word: tsv is also the pipe
    default, and an asked-for tsv was taken for it. It is refused, as csv is."""
    lines = (SAMPLE / "allsides_roundups.jsonl").read_bytes().splitlines(keepends=True)[:4]
    few = tmp_path / "few.jsonl"
    few.write_bytes(b"".join(lines))
    flag, value = how
    if flag == "-o":
        value = str(tmp_path / value)
    result = corpus("report", str(few), flag, value, "-q")
    assert result.exit_code == 2
    assert "a report is html, md or json, not" in result.stderr
    assert not (tmp_path / "daily.tsv").exists()


def test_terminal_view_draws_bars_from_the_same_data(corpus):
    result = corpus("report", str(SAMPLE), "-f", "table", "-q")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "articles per source" in out and "top words" in out
    assert "█" in out  # bars, not a Markdown table
    assert "| " not in out
    data = json.loads(corpus("report", str(SAMPLE), "-f", "json", "-q").stdout)
    top = data["terms"]["words"][0]
    assert top["term"] in out


def test_html_charts_articles_per_day_and_trending(corpus, tmp_path):
    out = tmp_path / "r.html"
    result = corpus(
        "report", str(SAMPLE), "--manifest", str(SAMPLE / "manifest.csv"), "-o", str(out), "-q",
        "--since", "2021-07-01", "--until", "2021-09-01", "--compare-to", "12w",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "Articles per day" in page and page.count("<polyline") >= 2  # one line per top source
    assert "Trending against" in page
    rising = page.split("<h3>Rising</h3>", 1)[1].split("</div>", 1)[0]
    assert rising.startswith("<svg")  # a bar chart above the table


def test_trending_counts_only_the_comparison_window_and_matches_counting_both():
    """The window's counts are reused; keyness against the comparison window counted apart
    equals keyness over both windows counted together."""
    import pandas as pd

    from corpuscli import load
    from corpuscli.analysis.compare import keyness
    from corpuscli.engine.term_counts import TermOptions
    from corpuscli.reporting.build import build_report, window
    from corpuscli.text.stopwords import load_stopwords

    frame = load([str(SAMPLE)]).frame
    since = datetime(2021, 7, 1, tzinfo=UTC)
    before_since = datetime(2021, 4, 1, tzinfo=UTC)
    report = build_report(frame, since=since, compare_since=before_since, clean=False,
                          sections=("trending",))  # fmt: skip
    current, before = window(frame, since, None), window(frame, before_since, since)
    both = pd.concat([current.assign(_w="now"), before.assign(_w="before")], ignore_index=True)
    expected = keyness(both, by="_w", target="now", min_count=3, top=20,
                       options=TermOptions(stopwords=load_stopwords("en")))  # fmt: skip
    got = report.document["trending"]
    rising = expected[expected["direction"] == "over"].head(10)
    assert got["rising"], "nothing rising: the comparison would prove nothing"
    assert [r["term"] for r in got["rising"]] == rising["term"].tolist()
    assert [r["g2"] for r in got["rising"]] == rising["g2"].tolist()
    falling = expected[expected["direction"] == "under"].head(10)
    assert [r["term"] for r in got["falling"]] == falling["term"].tolist()
    assert got["compared_with"]["articles"] == len(before)


def test_the_sparkline_keeps_empty_days():
    """291 days with articles on 13 of them drew 13 marks: every day counts, empty ones blank,
    runs of days summed when there are more days than room."""
    from corpuscli.render.report import daily_series, sparkline

    per_day = {"2021-04-24": 3.0, "2021-04-26": 1.0, "2021-04-30": 6.0}
    values, step = daily_series(per_day, 80)
    assert (values, step) == ([3, 0, 1, 0, 0, 0, 6], 1)
    assert sparkline(values) == "▄ ▂   █"
    values, step = daily_series({"2020-10-30": 1.0, "2021-08-16": 2.0}, 80)
    assert step == 4 and len(values) == 73 and sum(values) == 3  # 291 days, 4 a mark
    values, step = daily_series({"2021-01-01": 1.0, "2021-01-10": 1.0}, 1)
    assert len(values) == 1 and values == [2]


def test_the_report_at_a_terminal_draws_every_day(corpus):
    import io

    from rich.console import Console

    from corpuscli.api.report import report
    from corpuscli.engine.source import Source
    from corpuscli.render.report import print_terminal

    result = report(
        Source(paths=(str(SAMPLE),), manifest=str(SAMPLE / "manifest.csv")), sections=["overview"]
    )
    for width in (60, 80, 200):
        out = io.StringIO()
        print_terminal(result, Console(file=out, width=width, force_terminal=True, no_color=True))
        lines = re.sub(r"\x1b\[[0-9;]*m", "", out.getvalue()).splitlines()
        (at,) = [i for i, line in enumerate(lines) if line.startswith("articles per ")]
        heading = lines[at]
        marks = heading.split(": ", 1)[1] if ": " in heading else lines[at + 1]
        unit = heading.split(" 2020-10-30")[0].removeprefix("articles per ")
        step = 1 if unit == "day" else 7 if unit == "week" else int(unit.split()[0])
        assert len(marks) == -(-291 // step)  # 2020-10-30 to 2021-08-16: 291 days
        assert " " in marks.strip()  # empty stretches are blank
        assert all(len(line) <= width for line in lines)


def test_the_readme_main_command_says_where_the_report_went(corpus, tmp_path, monkeypatch):
    """The report step of README's main command prints the path it wrote (and -q silences it)."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    main = readme.split("<!-- main-command -->")[1].split("<!-- /main-command -->")[0]
    step = next(p for p in main.split("&&") if " report " in p).split()
    assert "-q" not in step and "--quiet" not in step
    args = step[step.index("report") :]
    monkeypatch.chdir(Path(__file__).resolve().parents[2])
    target = tmp_path / "report.html"
    args[args.index("-o") + 1] = str(target)
    result = corpus(*args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == f"corpus: wrote the report to {target}"
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    quiet = corpus(*args, "-q")
    assert quiet.stderr == ""
