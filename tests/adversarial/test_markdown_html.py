"""#17.10: HTML in a value is written as text in Markdown output (tables, diffs, reports): a
Markdown viewer shows ``<script>``, it does not run it."""

from __future__ import annotations

import json

import pytest

from .generated import articles

SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def tagged(tmp_path):
    """Two articles whose source and title carry HTML."""
    rows = articles(2)
    rows[0].update(source=SCRIPT, title=f"Biden {IMAGE} & co")
    rows[1].update(source="Plain & <b>bold</b>")
    path = tmp_path / "tagged.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path, rows


def _no_raw_html(markdown: str) -> None:
    for tag in ("<script", "<img", "<b>"):
        assert tag not in markdown, tag
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markdown


def test_a_markdown_table_writes_html_as_text(corpus, tagged):
    path, _ = tagged
    result = corpus("load", str(path), "--format", "md")
    assert result.exit_code == 0, result.stderr
    _no_raw_html(result.stdout)
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; co" in result.stdout
    by_source = corpus("terms", str(path), "--by", "source", "--format", "md")
    _no_raw_html(by_source.stdout)  # the column names are sources here


def test_a_markdown_diff_and_report_write_html_as_text(corpus, tagged):
    path, rows = tagged
    diff = corpus("diff", rows[0]["id"], rows[1]["id"], "--corpus", str(path), "--format", "md")
    assert diff.exit_code == 0, diff.stderr
    _no_raw_html(diff.stdout)
    report = corpus("report", str(path), "--format", "md")
    assert report.exit_code == 0, report.stderr
    _no_raw_html(report.stdout)
