"""The `corpus` command line through Typer's CliRunner and through real subprocesses."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from io import StringIO

import pandas as pd
import pytest

from corpuscli.cli.app import app
from tests.conftest import ROUNDUPS, SAMPLE, SEED_000, SEED_003


def test_load_table_lists_articles(corpus):
    result = corpus("load", str(SAMPLE), "--format", "table")
    assert result.exit_code == 0, result.stderr
    assert "Putin explains Russia’s position on Karabakh’s conflict" in result.stdout
    assert "The Moscow Times" in result.stdout
    assert "words" in result.stdout.splitlines()[1]


def test_load_defaults_to_full_tsv_in_a_pipe(corpus):
    result = corpus("load", str(SEED_003))
    frame = pd.read_csv(StringIO(result.stdout), sep="\t", quoting=csv.QUOTE_NONE)
    assert list(frame.columns) == [
        "doc_id",
        "source",
        "title",
        "published",
        "url",
        "path",
        "text",
        "lang",
    ]
    assert frame["source"].tolist() == ["The Moscow Times"]
    assert "Support The Moscow Times!" in frame["text"].iloc[0]


def test_load_jsonl_pipes_into_stats(corpus):
    jsonl = corpus("load", str(SAMPLE), "--format", "jsonl").stdout
    assert len(jsonl.splitlines()) == 38
    stats = corpus("stats", "-", "--by", "source", "--format", "json", input=jsonl)
    assert stats.exit_code == 0, stats.stderr
    rows = json.loads(stats.stdout)
    by_source = {r["source"]: r for r in rows}
    assert by_source["The Moscow Times"]["articles"] == 1
    assert by_source["(none)"]["articles"] == 1  # seed 000 names no outlet


def test_tsv_output_reads_back_through_stdin(corpus):
    """TSV is a record a line (newlines, tabs and backslashes escaped), and reads back exactly."""
    tsv = corpus("load", str(SAMPLE)).stdout
    assert len(tsv.splitlines()) == 39  # the header and 38 articles
    assert all(line.count("\t") == tsv.splitlines()[0].count("\t") for line in tsv.splitlines())
    again = corpus("load", "-", "--format", "jsonl", input=tsv)
    assert again.exit_code == 0, again.stderr
    read_back = [json.loads(line) for line in again.stdout.splitlines()]
    direct = [
        json.loads(line) for line in corpus("load", str(SAMPLE), "-f", "jsonl").stdout.splitlines()
    ]
    assert len(read_back) == 38
    for a, b in zip(read_back, direct, strict=True):
        assert (a["doc_id"], a["title"], a["text"]) == (b["doc_id"], b["title"], b["text"])
    assert any("\n\n" in a["text"] for a in read_back)


def test_tsv_escapes_as_postgresql_copy_does_and_csv_keeps_raw_text(corpus, tmp_path):
    text = "C:\\temp\\new is a path\n\tindented\nand a \\n that is two characters. " * 3
    article = tmp_path / "odd.jsonl"
    article.write_text(json.dumps({"id": "x", "title": "a title", "text": text}) + "\n")
    loaded = json.loads(corpus("load", str(article), "-f", "jsonl").stdout)["text"]
    assert "\\" in loaded and "\n" in loaded
    tsv = corpus("load", str(article), "-f", "tsv").stdout
    header, row = tsv.splitlines()
    fields = dict(zip(header.split("\t"), row.split("\t"), strict=True))
    expected = (
        loaded.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    )
    assert fields["text"] == expected
    again = corpus("load", "-", "-f", "jsonl", input=tsv)
    assert json.loads(again.stdout)["text"] == loaded
    csv_out = corpus("load", str(article), "-f", "csv").stdout
    assert pd.read_csv(StringIO(csv_out))["text"].tolist() == [loaded]  # raw text, quoted


def test_files_from_stdin(corpus):
    listing = f"{SEED_000}\n{SEED_003}\n"
    result = corpus("load", "--files-from", "-", "--format", "jsonl", input=listing)
    ids = [json.loads(line)["doc_id"] for line in result.stdout.splitlines()]
    assert ids == ["000_dceb8f66d6ffd2f1", "003_d3eae8a6fb502286"]


def test_plain_text_on_stdin(corpus):
    result = corpus("load", "-", "--format", "json", input=SEED_003.read_text(encoding="utf-8"))
    row = json.loads(result.stdout)[0]
    assert row["doc_id"] == "stdin" and row["path"] == "-"
    assert row["title"].startswith("Russia ‘Open’")


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "jsonl", "md", "html", "table"])
def test_every_format_renders(corpus, fmt):
    result = corpus("stats", str(SAMPLE), "--by", "source", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert "The Moscow Times" in result.stdout


def test_output_file_format_from_extension(corpus, tmp_path):
    for name in ("c.parquet", "c.jsonl", "c.csv", "c.tsv", "c.json", "c.jsonl.gz"):
        out = tmp_path / name
        result = corpus("load", str(SAMPLE), "-o", str(out), "--quiet")
        assert result.exit_code == 0, result.stderr
        assert result.stderr == "" and result.stdout == ""
        assert len(corpus("load", str(out), "--format", "jsonl").stdout.splitlines()) == 38
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_unknown_output_extension_is_a_usage_error(corpus, tmp_path):
    result = corpus("load", str(SAMPLE), "-o", str(tmp_path / "c.xyz"))
    assert result.exit_code == 2
    assert result.stderr.startswith("corpus: error: cannot tell the output format")


def test_missing_path_exit_2_one_line(corpus):
    result = corpus("load", "missing.txt")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert lines[0] == "corpus: error: no such file or folder (missing.txt) — check the path"
    assert "internal error" not in result.stderr


def test_partial_batch_exit_1_names_bad_inputs(corpus, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "fine text here"}\n{oops\n', encoding="utf-8")
    result = corpus("load", str(SEED_000), str(bad), "--format", "jsonl")
    assert result.exit_code == 1
    assert f"({bad}:2)" in result.stderr
    assert len(result.stdout.splitlines()) == 2


def test_bad_option_values(corpus):
    assert corpus("stats", str(SAMPLE), "--since", "someday").exit_code == 2
    result = corpus("stats", str(SAMPLE), "--by", "nope")
    assert result.exit_code == 2
    assert "no column 'nope' to group by" in result.stderr


def test_time_window_excluding_everything(corpus):
    result = corpus("stats", str(SAMPLE), "--since", "2030-01-01")
    assert result.exit_code == 2
    assert "no article falls in the time window" in result.stderr


def test_manifest_option(corpus):
    result = corpus("load", str(SAMPLE), "--manifest", str(SAMPLE / "manifest.csv"), "-f", "jsonl")
    rows = {json.loads(line)["doc_id"]: json.loads(line) for line in result.stdout.splitlines()}
    assert rows["000_dceb8f66d6ffd2f1"]["source"] == "Anatolia Today"
    assert rows["000_dceb8f66d6ffd2f1"]["published"] == "2020-12-17T00:00:00+00:00"


def test_every_command_has_help_with_examples(runner):
    import re

    from corpuscli.cli.app import COMMANDS

    for name, help_text, epilog, _func in COMMANDS:
        result = runner.invoke(app, [name, "--help"], env={"COLUMNS": "400"})
        assert result.exit_code == 0
        assert "Examples" in result.stdout, name
        # nothing in square brackets may be swallowed as console markup
        for bracketed in re.findall(r"\\(\[[^\]]+\])", help_text + (epilog or "")):
            assert bracketed in result.stdout, (name, bracketed)
        assert "Columns: ," not in result.stdout, name


def test_version(corpus):
    assert corpus("--version").stdout.startswith("corpus ")


def _run(args, **kwargs):
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "corpuscli", *args], capture_output=True, env=env, **kwargs
    )


def test_help_does_not_import_heavy_modules():
    code = (
        "import sys; from corpuscli.cli.app import app\n"
        "try:\n    app(['--help'], prog_name='corpus')\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in ('pandas', 'nltk', 'numpy', 'pyarrow') if m in sys.modules)\n"
        "print('HEAVY', heavy, file=sys.stderr)"
    )
    for args in ([], ["load"], ["stats"]):
        run = subprocess.run(
            [sys.executable, "-c", code.replace("['--help']", repr([*args, "--help"]))],
            capture_output=True, text=True,
        )  # fmt: skip
        assert "HEAVY []" in run.stderr, run.stderr


def test_real_pipe_between_processes():
    first = subprocess.Popen(
        [sys.executable, "-m", "corpuscli", "load", str(SAMPLE), "--format", "jsonl"],
        stdout=subprocess.PIPE,
    )
    second = subprocess.run(
        [sys.executable, "-m", "corpuscli", "stats", "-", "--format", "csv"],
        stdin=first.stdout, capture_output=True, text=True,
    )  # fmt: skip
    first.stdout.close()
    assert first.wait() == 0
    assert second.returncode == 0, second.stderr
    header, row = second.stdout.strip().splitlines()
    assert header.startswith("corpus,articles,words")
    assert row.startswith("all,38,")


def test_closed_pipe_is_quiet():
    big = [str(ROUNDUPS)] * 3
    proc = subprocess.Popen(
        [sys.executable, "-m", "corpuscli", "load", *big, str(SAMPLE), "--format", "jsonl"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    proc.stdout.readline()
    proc.stdout.close()
    _, err = proc.communicate()
    assert b"Traceback" not in err
    assert b"Broken pipe" not in err


def test_debug_shows_traceback_for_internal_errors(monkeypatch, runner):
    import corpuscli.analysis.stats as stats

    def boom(*args, **kwargs):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(stats, "corpus_stats", boom)
    result = runner.invoke(app, ["stats", str(SEED_000)])
    assert result.exit_code == 70
    assert "internal error: RuntimeError: kaboom" in result.stderr
    result = runner.invoke(app, ["stats", str(SEED_000), "--debug"])
    assert isinstance(result.exception, RuntimeError)
