"""#17.7: bad values give one clear message and exit 2 (a usage error), never exit 70 — and a
record too deep to read costs only that record."""

from __future__ import annotations

import json

import pytest

from corpuscli import load
from corpuscli.analysis.naming import read_aliases
from corpuscli.errors import InputError, UsageError
from corpuscli.io.decode import check_encoding
from corpuscli.io.inputs import read_file_list
from corpuscli.io.window import parse_bound
from tests.conftest import SAMPLE

from .generated import articles, jsonl

DEEP = 100_000
#: Bytes that are no text: what a binary (an executable, an image) looks like to a reader.
BINARY = bytes(range(256)) * 64


def _deep(depth: int = DEEP) -> str:
    return '{"x": ' + "[" * depth + "]" * depth + "}"


def test_a_line_nested_100000_deep_costs_that_line_only(tmp_path):
    rows = articles(2)
    path = tmp_path / "deep.jsonl"
    path.write_text(
        json.dumps(rows[0]) + "\n" + _deep() + "\n" + json.dumps(rows[1]) + "\n", encoding="utf-8"
    )
    result = load([str(path)])
    assert result.frame["doc_id"].tolist() == [rows[0]["id"], rows[1]["id"]]
    (problem,) = result.problems
    assert (problem.where, problem.message) == (f"{path}:2", "line is nested too deeply")


def test_a_json_file_nested_100000_deep_is_a_clear_error(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * DEEP + "]" * DEEP, encoding="utf-8")
    result = load([str(path)])
    (problem,) = result.problems
    assert (problem.where, problem.message) == (str(path), "JSON nested too deeply to read")


def test_json_lines_named_json_keep_their_valid_lines_around_a_deep_one(tmp_path):
    rows = articles(2)
    path = tmp_path / "export.json"  # "JSON" exports are often JSON Lines
    path.write_text(json.dumps(rows[0]) + "\n" + _deep() + "\n" + json.dumps(rows[1]) + "\n")
    result = load([str(path)])
    assert len(result.frame) == 2
    assert [p.where for p in result.problems] == [f"{path}:2"]


def test_deep_json_on_the_command_line(tmp_path, corpus):
    path = tmp_path / "deep.json"
    path.write_text("[" * DEEP + "]" * DEEP, encoding="utf-8")
    result = corpus("load", str(path))
    assert result.exit_code == 2
    assert "JSON nested too deeply to read" in result.stderr


@pytest.mark.parametrize("codec", ["bogus-codec", "base64", "rot13"])
def test_an_unknown_or_non_text_encoding_is_a_usage_error(tmp_path, corpus, codec):
    with pytest.raises(UsageError, match="is not a text encoding Python knows"):
        check_encoding(codec)
    path = tmp_path / "a.jsonl"
    path.write_bytes(jsonl(articles(1)))
    for command in ("load", "terms"):
        result = corpus(command, str(path), str(SAMPLE), "--encoding", codec)
        assert result.exit_code == 2, result.stderr
        assert f"'{codec}' is not a text encoding Python knows" in result.stderr


def test_a_binary_files_from_list_is_a_usage_error(tmp_path, corpus):
    path = tmp_path / "program"
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00" + BINARY)
    with pytest.raises(UsageError, match="looks like a binary file"):
        read_file_list(path.read_bytes(), str(path))
    result = corpus("load", "--files-from", str(path))
    assert result.exit_code == 2
    assert f"the --files-from list looks like a binary file, not a list of paths ({path})" in (
        result.stderr
    )
    result = corpus("load", "--files-from", "-", input=BINARY)
    assert result.exit_code == 2


def test_file_lists_of_any_bytes_that_name_files_still_work(tmp_path):
    """A file name may be any bytes but NUL and /: a Latin-1 name read from find -print0."""
    name = "caf\xe9.txt".encode("latin-1")
    listing = b"a.txt\0" + name + b"\0"
    paths = read_file_list(listing)
    assert paths[0] == "a.txt" and paths[1].encode("utf-8", "surrogateescape") == name


@pytest.mark.parametrize(
    ("line", "key"),
    [("paths = 5", "paths"), ('since = ["a"]', "since"), ('top = "ten"', "top"),
     ("sections = 7", "sections"), ("top = 0", "top"), ("stamp = 1", "stamp"),
     ("title = 3.5", "title"), ('output = ""', "output"), ('since = ""', "since"),
     ('paths = [""]', "paths")],
)  # fmt: skip
def test_report_config_values_of_the_wrong_type_are_usage_errors(tmp_path, corpus, line, key):
    config = tmp_path / "report.toml"
    config.write_text(line + "\n", encoding="utf-8")
    result = corpus("report", str(SAMPLE), "--config", str(config), "--format", "md")
    assert result.exit_code == 2, result.stderr
    assert f"corpus: error: config key {key} must be" in result.stderr
    assert str(config) in result.stderr


def test_a_binary_report_config_is_a_usage_error(tmp_path, corpus):
    config = tmp_path / "report.toml"
    config.write_bytes(BINARY)
    result = corpus("report", str(SAMPLE), "--config", str(config), "--format", "md")
    assert result.exit_code == 2
    assert "the config is not UTF-8 text" in result.stderr


def test_report_config_takes_toml_dates_and_lists_of_sections(tmp_path, corpus):
    config = tmp_path / "report.toml"
    config.write_text('since = 2020-01-01\nsections = ["overview", "terms"]\n', encoding="utf-8")
    result = corpus("report", str(SAMPLE), "--config", str(config), "--print-config")
    assert result.exit_code == 0, result.stderr
    assert 'since = "2020-01-01"' in result.stdout
    assert 'sections = "overview,terms"' in result.stdout


def test_a_binary_aliases_file_is_an_input_error(tmp_path, corpus):
    path = tmp_path / "pairs.txt"
    path.write_bytes(BINARY)
    with pytest.raises(InputError, match="not UTF-8 text"):
        read_aliases(str(path))
    result = corpus(
        "compare", str(SAMPLE), "--naming", "--target", "Fox News (Online News)",
        "--reference", "CNN (Online News)", "--aliases", str(path),
    )  # fmt: skip
    assert result.exit_code == 2
    assert f"the aliases file is not UTF-8 text ({path})" in result.stderr


@pytest.mark.parametrize(
    ("option", "value"),
    [("--since", "999999d"), ("--until", "99999999999h"), ("--since", "9" * 30 + "w"),
     ("--until", "9999-12-31T23:00:00-05:00")],
)  # fmt: skip
def test_windows_beyond_the_calendar_are_usage_errors(corpus, option, value):
    with pytest.raises(UsageError, match="reaches beyond the calendar"):
        parse_bound(value, option=option)
    result = corpus("load", str(SAMPLE), option, value)
    assert result.exit_code == 2
    assert f"corpus: error: {option} '{value}' reaches beyond the calendar" in result.stderr


def test_a_window_far_back_but_in_the_calendar_works(corpus):
    result = corpus("load", str(SAMPLE), "--since", "700000d", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 36  # the dated roundups; the seeds have no date


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (["terms", str(SAMPLE), "-o", ""], "--output"),
        (["stats", str(SAMPLE), "--since", ""], "--since"),
        (["stats", str(SAMPLE), "--manifest", ""], "--manifest"),
        (["terms", str(SAMPLE), "--store", ""], "--store"),
        (["report", str(SAMPLE), "--config", ""], "--config"),
        (["boilerplate", str(SAMPLE), "--save-patterns", ""], "--save-patterns"),
        (["store", "info", "--store", ""], "--store"),
    ],
    ids=["output", "since", "manifest", "store", "config", "save-patterns", "store-info"],
)
def test_an_option_given_an_empty_value_is_refused(corpus, args, flag):
    """`corpus terms dir -o "$OUT"` in a cron job with OUT unset wrote the table to stdout
    (exit 0), and `--since "$SINCE"` read every day: an empty value was taken as no option."""
    result = corpus(*args)
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    assert result.stderr == (
        f"corpus: error: {flag} was given an empty value — give it a value "
        "(is a shell variable unset?), or leave the option out\n"
    )


def test_an_empty_path_is_not_the_current_folder(corpus, tmp_path, monkeypatch):
    """`corpus stats "$DIR"` with DIR unset read the whole current folder (Path("") is ".")."""
    monkeypatch.chdir(SAMPLE)
    result = corpus("stats", "", "--format", "jsonl")
    assert result.exit_code == 2, result.stdout
    assert "an empty path ('') — give a file or folder ('.' for this folder)" in result.stderr
    assert load([""]).frame.empty  # the library too
    both = corpus("stats", "", str(SAMPLE / "000_dceb8f66d6ffd2f1.txt"), "--format", "jsonl")
    assert both.exit_code == 1 and '"articles": 1' in both.stdout


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "-5", "lots"])
def test_a_partition_size_that_is_no_size_is_a_usage_error(corpus, monkeypatch, value):
    """CORPUSCLI_PARTITION_MB=inf ended in `internal error: OverflowError` (exit 70), and a
    negative size was taken as 0 without a word."""
    monkeypatch.setenv("CORPUSCLI_PARTITION_MB", value)
    result = corpus("terms", str(SAMPLE), "--top", "1", "--jobs", "2")
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith(
        f"corpus: error: CORPUSCLI_PARTITION_MB must be a number of megabytes, 0 or more, "
        f"not {value!r}"
    )


def test_a_report_config_saved_with_a_byte_order_mark_is_read(tmp_path, corpus):
    """Windows editors save UTF-8 with a BOM; tomllib refused it as `Invalid statement (at
    line 1, column 1)`, a message that points at nothing the user can see."""
    config = tmp_path / "report.toml"
    config.write_bytes(b"\xef\xbb\xbf" + b'title = "Daily"\r\nsections = ["overview"]\r\n')
    result = corpus("report", str(SAMPLE), "--config", str(config), "--print-config")
    assert result.exit_code == 0, result.stderr
    assert 'title = "Daily"' in result.stdout and 'sections = "overview"' in result.stdout


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (["boilerplate", str(SAMPLE), "--min-share", "nan"], "--min-share"),
        (["stories", str(SAMPLE), "--by", "stance", "--threshold", "nan"], "--threshold"),
        (["compare", str(SAMPLE), "--by", "stance", "--p", "nan"], "--p"),
    ],
    ids=["min-share", "threshold", "p"],
)
def test_a_number_option_given_nan_is_refused(corpus, args, flag):
    """`boilerplate --min-share nan` passed click's range check (nan compares false with
    both ends) and ended in `internal error: ValueError: cannot convert float NaN`."""
    result = corpus(*args)
    assert result.exit_code == 2, result.stderr
    assert result.stderr == f"corpus: error: {flag} must be a number, not nan — give a number\n"
