"""#18, inputs people really have: columns named in their own way, records with an empty
text, and a file with many faults of one kind."""

from __future__ import annotations

import csv
import io
import json
import re

import pandas as pd

from corpuscli import load
from corpuscli.errors import Problem, plural
from corpuscli.io.columns import infer_columns
from corpuscli.io.problems import Repeated, summarise

from .generated import articles, jsonl


def _csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def test_a_url_column_named_in_its_own_way_is_recognised_by_its_urls(tmp_path, corpus):
    rows = [
        {"article_source_link": r["url"], "text": r["text"], "headline": r["title"]}
        for r in articles(4)
    ]
    path = tmp_path / "export.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    result = load([str(path)])
    assert result.frame["url"].tolist() == [r["article_source_link"] for r in rows]
    hosts = [r["article_source_link"].split("/")[2].removeprefix("www.") for r in rows]
    assert result.frame["source"].tolist() == hosts  # the outlet comes from the URL's host
    assert f"{path}: column article_source_link taken as url (its values are URLs)" in (
        result.notes
    )
    cli = corpus("load", str(path), "--format", "jsonl")
    assert cli.exit_code == 0
    assert "column article_source_link taken as url (its values are URLs)" in cli.stderr
    assert "article_source_link" not in json.loads(cli.stdout.splitlines()[0])


def test_text_date_and_title_columns_are_recognised_by_their_values(tmp_path):
    rows = [
        {"story_body": r["text"], "when_it_ran": r["date"], "hed": r["title"], "desk": "politics"}
        for r in articles(6)
    ]
    path = tmp_path / "feed.jsonl"
    path.write_bytes(jsonl(rows))
    result = load([str(path)])
    frame = result.frame
    assert frame["title"].tolist() == [r["hed"] for r in rows]
    assert frame["published"].tolist() == [pd.Timestamp(r["when_it_ran"], tz="UTC") for r in rows]
    assert frame["desk"].tolist() == ["politics"] * 6  # one word a row: not a headline
    assert {n.split(": ", 1)[1] for n in result.notes} == {
        "column story_body taken as text (its values are the longest prose)",
        "column when_it_ran taken as published (its values are dates)",
        "column hed taken as title (its values are one-line headlines)",
    }


def test_names_win_over_values_and_options_over_both(tmp_path):
    rows = [{"link": r["url"], "mirror": r["url"], "text": r["text"]} for r in articles(3)]
    path = tmp_path / "two_urls.jsonl"
    path.write_bytes(jsonl(rows))
    assert load([str(path)]).frame["url"].tolist() == [r["link"] for r in rows]
    overridden = load([str(path)], columns={"url": "mirror"})
    assert overridden.frame["url"].tolist() == [r["mirror"] for r in rows]
    assert not overridden.notes


def test_values_that_only_look_alike_are_not_taken():
    rows = [
        {"text": r["text"], "code": "12345678901", "tag": "World", "author": "Jane Doe",
         "note": "Updated on " + r["date"] + " at noon after new reports came in."}
        for r in articles(5)
    ]  # fmt: skip
    assert infer_columns(rows) == []


def test_records_with_an_empty_text_are_counted_in_one_note(tmp_path, corpus):
    rows = articles(4)
    lines = [rows[0], *({"id": f"e{i}", "text": " \n "} for i in range(36)), rows[1]]
    lines.insert(23, {"id": "no-text-field", "title": "A title and nothing else"})
    path = tmp_path / "with_empty.jsonl"
    path.write_bytes(jsonl(lines))
    result = load([str(path)])
    assert result.frame["doc_id"].tolist() == [rows[0]["id"], rows[1]["id"]]
    assert not result.problems
    assert f"37 records with empty text skipped; first: {path}:2" in result.notes
    cli = corpus("load", str(path), "--format", "jsonl")
    assert cli.exit_code == 0
    assert cli.stderr.count("empty text") == 1


def test_a_file_without_any_text_column_is_still_a_skipped_input(tmp_path):
    path = tmp_path / "titles.jsonl"
    path.write_bytes(jsonl([{"id": i, "title": r["title"]} for i, r in enumerate(articles(3))]))
    result = load([str(path)])
    assert [p.message for p in result.problems] == ["record has no text field"] * 3


def test_many_faults_of_one_kind_are_summarised_after_five(tmp_path, corpus):
    good = articles(2)
    lines = [json.dumps(good[0])] + ["{broken"] * 400 + ["[1]"] * 3 + [json.dumps(good[1])]
    path = tmp_path / "noisy.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = load([str(path)])
    assert len(result.frame) == 2
    wheres = [p.where for p in result.problems]
    assert wheres[:5] == [f"{path}:{n}" for n in range(2, 7)]
    assert len(result.problems) == 5 + 3 + 1  # five shown, three of another kind, one summary
    (summary,) = [p for p in result.problems if isinstance(p, Repeated)]
    assert summary.count == 395
    assert (
        str(summary)
        == f"line is not valid JSON: 395 more like this ({path}:7 … {path}:401) — skipped"
    )
    cli = corpus("load", str(path), "--format", "jsonl")
    assert cli.exit_code == 1
    assert len(cli.stderr.splitlines()) == 9


def test_summaries_of_parts_of_a_load_merge_into_one():
    """Worker processes each summarise their part; merged, the count is the whole load's."""
    part1 = summarise([Problem(f"a.jsonl:{n}", "line is not valid JSON") for n in range(1, 9)])
    part2 = summarise([Problem(f"b.jsonl:{n}", "line is not valid JSON") for n in range(1, 4)])
    merged = summarise(part1 + part2)
    assert [p.where for p in merged[:5]] == [f"a.jsonl:{n}" for n in range(1, 6)]
    (summary,) = merged[5:]
    assert (summary.count, summary.first, summary.last) == (6, "a.jsonl:6", "b.jsonl:3")
    assert summarise(merged)[5].count == 6  # idempotent


def test_messages_that_differ_only_in_numbers_are_one_kind():
    problems = [Problem(f"f.csv:{n}", f"row has {n % 4} fields, the header 5") for n in range(20)]
    merged = summarise(problems)
    assert len(merged) == 6
    assert str(merged[-1]).startswith("row has N fields, the header N: 15 more like this")
    one = [
        Problem(f"f.csv:{n}", f"row has {plural(n % 2 + 1, 'field')}, the header 5")
        for n in range(8)
    ]
    assert len(summarise(one)) == 6  # "1 field" and "2 fields" are one kind


def test_workers_loading_parts_report_as_one_reader_does(tmp_path, corpus, monkeypatch):
    """Cut into parts for worker processes, a file's faults are summarised once, and the size
    bound falls where it falls for one reader."""
    monkeypatch.setenv("CORPUSCLI_PARTITION_MB", "0.01")  # ~10 KB parts: the file is cut up
    rows = articles(8)
    lines = [json.dumps(r) for r in rows] * 6
    for at in range(2, 80, 2):
        lines.insert(at, "{broken")
    path = tmp_path / "noisy.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    bound = str(path.stat().st_size * 3 // 4)
    one = corpus("load", str(path), "--format", "jsonl", "--max-input-size", bound)
    parts = corpus("terms", str(path), "--jobs", "2", "--max-input-size", bound)
    assert one.exit_code == parts.exit_code == 1
    # (a part knows how many articles it read before the bound, not the whole file)
    assert re.sub(r"the \d+ articles", "the articles", one.stderr) == parts.stderr
    assert re.search(r"line is not valid JSON: \d+ more like this", one.stderr)
    assert "input is larger than" in one.stderr


def test_ids_paths_and_summaries_are_not_taken_for_titles_or_text():
    """Found on real corpora: "abortion|2012-05-31" group ids, uuids and file paths looked like
    five-word headlines when words were split at punctuation; an excerpt is not the text."""
    rows = [
        {"group_id": f"{r['title'].split()[0].lower()}|{r['date'][:10]}",
         "uuid": "2b95d2cf-e979-4f9c-ae27-9a5370934f23", "html_path": f"html/{r['id']}.html.gz",
         "excerpt": r["text"][:600]}
        for r in articles(6)
    ]  # fmt: skip
    assert infer_columns(rows) == []
