"""corpus diff on the seeds: the model case."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from corpuscli import load
from corpuscli.coverage.diff import diff_articles, side, similarity, word_diff
from tests.conftest import SAMPLE, SEED_000, SEED_003


def _seeds():
    frame = load([str(SEED_000), str(SEED_003)], manifest=str(SAMPLE / "manifest.csv")).frame
    return side(frame.iloc[0]), side(frame.iloc[1])


def test_district_statements_align():
    a, b = _seeds()
    d = diff_articles(a, b)
    pairs = [(r.a.text, r.b.text) for r in d.rows if r.a and r.b]
    assert any(
        "7 areas around Nagorno-Karabakh" in x and "seven areas surrounding" in y for x, y in pairs
    )
    only_b = [r.b.text for r in d.rows if r.label == "only in B"]
    assert any(t.startswith("Whoever controls Shushi") for t in only_b)
    assert any(t == "inaction" for t in only_b)
    only_a = [r.a.text for r in d.rows if r.label == "only in A"]
    assert any(t.startswith("Turkey defended") for t in only_a)
    assert d.summary["headlines"]["b"].startswith("Russia ‘Open’")
    assert d.summary["published"] == {
        "a": "2020-12-17T00:00:00+00:00",
        "b": "2020-10-30T00:00:00+00:00",
    }
    assert "occupied" in d.summary["terms_only_in_a"]


def test_numbers_and_rewording():
    assert similarity("the 7 areas", "the seven areas") == 1.0
    assert similarity("five plus two districts", "seven districts") == 1.0
    ops = word_diff(
        "the 7 areas around Nagorno-Karabakh", "the seven areas surrounding Nagorno-Karabakh"
    )
    assert ("replace", "7", "seven") in ops


def test_identical_articles():
    a, _ = _seeds()
    d = diff_articles(a, a)
    assert d.summary["identical"] and all(r.label == "same" for r in d.rows)


def test_cli_formats_and_errors(corpus, tmp_path):
    a, b = str(SEED_000), str(SEED_003)
    js = corpus("diff", a, b, "-f", "json")
    assert js.exit_code == 0, js.stderr
    data = json.loads(js.stdout)
    assert {"a", "b", "rows", "summary"} <= set(data)
    assert data["rows"][0]["label"] in ("same", "reworded", "only in A", "only in B")
    md = corpus("diff", a, b, "-f", "md")
    assert md.stdout.startswith("# A:") and "| label | similarity | A | B |" in md.stdout
    missing = corpus("diff", "5948_lefty", "5948_right", "--corpus", str(SAMPLE))
    assert missing.exit_code == 2 and "5948_left" in missing.stderr
    ok = corpus("diff", "5948_left", "5948_right", "--corpus", str(SAMPLE), "-f", "tsv")
    assert ok.exit_code == 0 and ok.stdout.startswith("label\tsimilarity")


def test_html_escapes_article_text(corpus, tmp_path):
    evil = tmp_path / "evil.txt"
    evil.write_text(
        SEED_003.read_text(encoding="utf-8")
        + "\n\n“<script>alert(1)</script> is not a quote,” Putin said.",
        encoding="utf-8",
    )
    out = tmp_path / "diff.html"
    result = corpus("diff", str(SEED_003), str(evil), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.seen: list[str] = []

        def handle_starttag(self, tag, attrs):
            self.seen.append(tag)

    parser = Tags()
    parser.feed(page)
    assert "script" not in parser.seen and "table" in parser.seen


def test_pairs_on_the_roundups():
    from corpuscli.coverage.pairs import evaluate, find_pairs

    frame = load([str(SAMPLE)]).frame
    pairs = find_pairs(frame, by="stance")
    rows = frame[frame["event_id"].notna()]
    truth = [
        (a, b)
        for event, group in rows.groupby("event_id")
        for i, a in enumerate(group["doc_id"])
        for b in list(group["doc_id"])[i + 1 :]
    ]
    result = evaluate(pairs, truth)
    # short excerpts (about 90 words) of 12 stories: precise, if not complete
    assert result["precision"] >= 0.85 and result["recall"] >= 0.45
    assert (pairs["source_a"] != pairs["source_b"]).all()
    assert list(pairs.columns)[:4] == ["doc_a", "source_a", "doc_b", "source_b"]


def test_pairs_cli(corpus):
    result = corpus("pairs", str(SAMPLE), "--by", "stance", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("doc_a,source_a,doc_b,source_b,score")
    one = corpus("pairs", str(SEED_003), "--by", "source")
    assert one.exit_code == 2 and "two groups" in one.stderr
