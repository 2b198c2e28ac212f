"""Loading every input format into the corpus frame, with real text from sample_data/."""

from __future__ import annotations

import bz2
import csv
import gzip
import json
import lzma
import shutil
from urllib.parse import urlsplit

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpuscli import CORE_COLUMNS, load
from corpuscli.errors import InputError
from corpuscli.io.decode import normalize_text
from corpuscli.io.loader import read_frame
from corpuscli.render.frames import atomic_write
from tests.conftest import ROUNDUPS, SAMPLE, SEED_000, SEED_003


def test_sample_folder_loads_seeds_and_roundups():
    result = load([str(SAMPLE)])
    frame = result.frame
    assert not result.problems
    assert list(frame.columns[: len(CORE_COLUMNS)]) == list(CORE_COLUMNS)
    assert len(frame) == 38  # 2 seeds + 36 roundups; README.md and manifest.csv skipped
    seeds = frame.set_index("doc_id").loc[["000_dceb8f66d6ffd2f1", "003_d3eae8a6fb502286"]]
    assert seeds["title"].tolist() == [
        "Putin explains Russia’s position on Karabakh’s conflict",
        "Russia ‘Open’ to Return of Armenia-Held Land to Azerbaijan – Putin",
    ]
    assert pd.isna(seeds["source"].iloc[0])
    assert seeds["source"].iloc[1] == "The Moscow Times"
    assert str(frame["published"].dtype) == "datetime64[us, UTC]"


def test_jsonl_columns_mapped_and_extras_kept(roundup_rows):
    frame = load([str(ROUNDUPS)]).frame
    first = frame.iloc[0]
    row = roundup_rows[0]
    assert first["doc_id"] == row["id"]
    assert first["source"] == row["source"]
    assert first["published"] == pd.Timestamp(row["date"], tz="UTC")
    assert first["path"] == f"{ROUNDUPS}:1"
    assert {"event_id", "stance", "topic"} <= set(frame.columns)
    assert frame["event_id"].dtype == "Int64"


def _write_rows(path, rows, fmt):
    if fmt == "csv" or fmt == "tsv":
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(
                handle, fieldnames=list(rows[0]), delimiter="," if fmt == "csv" else "\t"
            )
            writer.writeheader()
            writer.writerows(rows)
    elif fmt == "json":
        path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    elif fmt == "parquet":
        pd.DataFrame(rows).to_parquet(path)


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "parquet"])
def test_structured_formats_agree_with_jsonl(tmp_path, roundup_rows, fmt):
    rows = [
        {"article_id": r["id"], "outlet": r["source"], "headline": r["title"], "pubdate": r["date"],
         "link": r["url"], "body": r["text"]}
        for r in roundup_rows[:6]
    ]  # fmt: skip
    path = tmp_path / f"roundups.{fmt}"
    _write_rows(path, rows, fmt)
    frame = load([str(path)]).frame
    assert frame["doc_id"].tolist() == [r["article_id"] for r in rows]
    # multi-line fields survive CSV; the text is normalised (the roundups carry NBSPs)
    assert frame["text"].tolist() == [normalize_text(r["body"]) for r in rows]
    assert frame["title"].tolist() == [r["headline"] for r in rows]
    assert frame["source"].tolist() == [r["outlet"] for r in rows]


def test_csv_line_numbers_count_physical_lines(tmp_path, roundup_rows):
    path = tmp_path / "a.csv"
    rows = [{"text": r["text"]} for r in roundup_rows[:3]]
    _write_rows(path, rows, "csv")
    frame = load([str(path)]).frame
    first_lines = 1 + rows[0]["text"].count("\n") + 1
    assert frame["path"].tolist()[:2] == [f"{path}:2", f"{path}:{first_lines + 1}"]
    assert frame["doc_id"].tolist()[0] == "a:2"


def test_json_object_with_article_list(tmp_path, roundup_rows):
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"status": "ok", "articles": roundup_rows[:2]}), encoding="utf-8")
    assert load([str(path)]).frame["doc_id"].tolist() == [r["id"] for r in roundup_rows[:2]]


def test_newsapi_style_source_object(tmp_path, roundup_rows):
    path = tmp_path / "feed.jsonl"
    row = {"source": {"id": "cnn", "name": "CNN"}, "content": roundup_rows[0]["text"]}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert load([str(path)]).frame["source"].tolist() == ["CNN"]


def test_url_host_is_the_source_when_no_outlet_column(tmp_path, roundup_rows):
    path = tmp_path / "scraped.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for r in roundup_rows[:3]:
            handle.write(json.dumps({"url": r["url"], "text": r["text"]}) + "\n")
    hosts = load([str(path)]).frame["source"].tolist()
    expected = [urlsplit(r["url"]).hostname.removeprefix("www.") for r in roundup_rows[:3]]
    assert hosts == expected
    assert "wsj.com" in hosts  # from https://www.wsj.com/...


@pytest.mark.parametrize(
    ("suffix", "opener"),
    [(".gz", gzip.open), (".bz2", bz2.open), (".xz", lzma.open)],
)
def test_compressed_inputs(tmp_path, suffix, opener):
    path = tmp_path / f"roundups.jsonl{suffix}"
    with opener(path, "wb") as handle:
        handle.write(ROUNDUPS.read_bytes())
    assert len(load([str(path)]).frame) == 36


def test_zstd_input(tmp_path):
    zstandard = pytest.importorskip("zstandard")
    path = tmp_path / "seed.txt.zst"
    path.write_bytes(zstandard.ZstdCompressor().compress(SEED_003.read_bytes()))
    frame = load([str(path)]).frame
    assert frame["doc_id"].tolist() == ["seed"]
    assert frame["source"].tolist() == ["The Moscow Times"]


def test_html_page(tmp_path, roundup_rows):
    pytest.importorskip("trafilatura")
    row = roundup_rows[0]
    paragraphs = "".join(f"<p>{p}</p>" for p in row["text"].split("\n\n"))
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{row['title']}</title><meta property='og:site_name' content='{row['source']}'>"
        f"<meta property='article:published_time' content='{row['date']}'>"
        f"</head><body><nav>Home | World | Politics</nav><article><h1>{row['title']}</h1>"
        f"{paragraphs}</article><footer>All rights reserved</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    frame = load([str(path)]).frame
    assert frame["title"].iloc[0] == row["title"]
    assert frame["source"].iloc[0] == row["source"]
    assert frame["published"].iloc[0] == pd.Timestamp(row["date"], tz="UTC")
    assert row["text"].split("\n\n")[0][:80] in frame["text"].iloc[0]
    assert "All rights reserved" not in frame["text"].iloc[0]


def test_column_overrides(tmp_path, roundup_rows):
    path = tmp_path / "odd.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for r in roundup_rows[:2]:
            handle.write(
                json.dumps({"story_body": r["text"], "text": "teaser", "who": r["source"]}) + "\n"
            )
    frame = load([str(path)], columns={"text": "story_body", "source": "who"}).frame
    assert frame["text"].tolist() == [normalize_text(r["text"]) for r in roundup_rows[:2]]
    assert frame["text_input"].tolist() == ["teaser", "teaser"]  # the clashing column is kept
    assert frame["source"].tolist() == [r["source"] for r in roundup_rows[:2]]


def test_override_naming_a_missing_column_is_reported(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("text\nhello world\n", encoding="utf-8")
    result = load([str(path)], columns={"text": "body"})
    assert result.frame.empty
    assert "--text-col body" in result.problems[0].message


def test_manifest_joins_by_file_name():
    result = load([str(SEED_000), str(SEED_003)], manifest=str(SAMPLE / "manifest.csv"))
    frame = result.frame
    assert frame["source"].tolist() == ["Anatolia Today", "The Moscow Times"]
    assert frame["published"].dt.strftime("%Y-%m-%d").tolist() == ["2020-12-17", "2020-10-30"]
    assert frame["url"].iloc[1].startswith("https://www.themoscowtimes.com/")


def test_manifest_without_key_column(tmp_path):
    bad = tmp_path / "m.csv"
    bad.write_text("source\nX\n", encoding="utf-8")
    with pytest.raises(InputError, match="no key column"):
        load([str(SEED_000)], manifest=str(bad))


def test_source_precedence_option_then_folder_then_banner(tmp_path):
    for outlet in ("anatolia", "moscowtimes"):
        (tmp_path / outlet).mkdir()
    shutil.copy(SEED_000, tmp_path / "anatolia")
    shutil.copy(SEED_003, tmp_path / "moscowtimes")
    frame = load([str(tmp_path)]).frame
    assert frame["source"].tolist() == ["anatolia", "moscowtimes"]
    # --set-source beats the folder; a file list's common folder works like a folder argument
    files = [
        str(tmp_path / "anatolia" / SEED_000.name),
        str(tmp_path / "moscowtimes" / SEED_003.name),
    ]
    assert load(files).frame["source"].tolist() == ["anatolia", "moscowtimes"]
    assert load(files, set_source="Wire").frame["source"].tolist() == ["Wire", "Wire"]
    # directly in the folder given: no folder source, the banner names the outlet
    flat = load([str(SEED_003)]).frame
    assert flat["source"].tolist() == ["The Moscow Times"]


def test_date_folders_are_not_outlets(tmp_path):
    (tmp_path / "2020-10-30").mkdir()
    shutil.copy(SEED_000, tmp_path / "2020-10-30")
    assert load([str(tmp_path)]).frame["source"].isna().all()


def test_doc_ids_stay_unique(tmp_path):
    for outlet in ("a", "b"):
        (tmp_path / outlet).mkdir()
        shutil.copy(SEED_000, tmp_path / outlet / "story.txt")
    result = load([str(tmp_path)])
    ids = result.frame["doc_id"].tolist()
    assert len(set(ids)) == 2
    assert all("story" in i for i in ids)


def test_repeated_ids_are_numbered_in_order():
    """Ids clashing within JSON Lines (paths carry line numbers) get #2, #3 ... in input order,
    skipping a number an input already uses; batches that clash with nothing pass unchanged."""
    from corpuscli.io.loader import IdRegistry

    registry = IdRegistry()
    assert registry.assign(["a", "b"], ["f.jsonl:1", "f.jsonl:2"]) == ["a", "b"]
    assert registry.assign(["a#3", "a"], ["f.jsonl:3", "f.jsonl:4"]) == ["a#3", "a#2"]
    assert registry.assign(["a", "a", "b"], ["f.jsonl:5", "f.jsonl:6", "f.jsonl:7"]) == [
        "a#4",
        "a#5",
        "b#2",
    ]
    assert registry.assign(["c"], ["f.jsonl:8"]) == ["c"]
    assert registry.renamed == 4


def test_dedupe_drops_exact_duplicates(tmp_path):
    shutil.copy(SEED_000, tmp_path / "copy.txt")
    result = load([str(SEED_000), str(tmp_path / "copy.txt")], dedupe=True)
    assert len(result.frame) == 1
    assert any("dedupe dropped 1" in n for n in result.notes)


def test_dates_in_usual_shapes(tmp_path):
    text = json.loads(ROUNDUPS.read_text(encoding="utf-8").splitlines()[0])["text"]
    values = [
        "2020-10-30",
        "Fri, 30 Oct 2020 14:05:00 +0300",
        "Nov 19, 2020",
        1606780800,
        "not a date",
    ]
    path = tmp_path / "d.jsonl"
    path.write_text(
        "".join(json.dumps({"date": v, "text": text}) + "\n" for v in values), encoding="utf-8"
    )
    result = load([str(path)])
    got = result.frame["published"].tolist()
    assert got[:4] == [
        pd.Timestamp("2020-10-30", tz="UTC"),
        pd.Timestamp("2020-10-30 11:05", tz="UTC"),
        pd.Timestamp("2020-11-19", tz="UTC"),
        pd.Timestamp("2020-12-01", tz="UTC"),
    ]
    assert pd.isna(got[4])
    assert any("1 date could not be read" in n and "not a date" in n for n in result.notes)


def test_time_window_is_half_open_and_counts_undated(roundup_rows):
    from datetime import UTC, datetime

    result = load(
        [str(SAMPLE)],
        since=datetime(2021, 6, 1, tzinfo=UTC),
        until=datetime(2021, 7, 1, tzinfo=UTC),
    )
    dates = result.frame["published"]
    assert (dates >= pd.Timestamp("2021-06-01", tz="UTC")).all()
    assert (dates < pd.Timestamp("2021-07-01", tz="UTC")).all()
    expected = sum(1 for r in roundup_rows if "2021-06-01" <= r["date"] < "2021-07-01")
    assert len(result.frame) == expected
    assert any("2 articles without a date" in n for n in result.notes)


@pytest.mark.parametrize("name", ["empty.jsonl", "blank.jsonl", "empty.json", "blank.json"])
def test_an_empty_json_or_jsonl_file_is_named_as_empty(tmp_path, roundup_rows, name):
    """An empty JSON Lines file was read as no articles without a word (alone: "no articles in
    the input", naming no file), an empty JSON file as "not valid JSON: Expecting value"; both
    are named as an empty text file is, and the good files beside them are kept."""
    (tmp_path / name).write_text("" if name.startswith("empty") else "\n \n", encoding="utf-8")
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "ok", "text": roundup_rows[0]["text"]}) + "\n")
    result = load([str(tmp_path / name), str(good)])
    assert result.frame["doc_id"].tolist() == ["ok"]
    (problem,) = result.problems
    assert problem.where == str(tmp_path / name)
    assert problem.message == "empty file: no articles"


def test_bad_inputs_are_reported_and_good_ones_kept(tmp_path, roundup_rows):
    good = json.dumps({"id": "ok", "text": roundup_rows[0]["text"]})
    (tmp_path / "mixed.jsonl").write_text(
        f"{good}\n{{broken\n[1, 2]\n{json.dumps({'id': 'x', 'title': 'no text'})}\n"
        f"{json.dumps({'id': 'ok2', 'text': roundup_rows[1]['text']})}\n",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "notext.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    result = load([str(tmp_path), str(tmp_path / "missing.txt")])
    assert result.frame["doc_id"].tolist() == ["ok", "ok2"]
    wheres = [p.where for p in result.problems]
    assert str(tmp_path / "missing.txt") in wheres
    assert f"{tmp_path / 'mixed.jsonl'}:2" in wheres
    assert f"{tmp_path / 'mixed.jsonl'}:3" in wheres
    # a record without a text, where other records have one, is skipped and only counted
    assert f"{tmp_path / 'mixed.jsonl'}:4" not in wheres
    assert f"1 record with empty text skipped; first: {tmp_path / 'mixed.jsonl'}:4" in result.notes
    assert str(tmp_path / "empty.txt") in wheres
    assert str(tmp_path / "binary.txt") in wheres
    assert str(tmp_path / "notext.csv") in wheres
    assert result.partial


def test_truncated_gzip_keeps_what_was_read(tmp_path):
    data = gzip.compress(ROUNDUPS.read_bytes())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    result = load([str(path)])
    assert 0 < len(result.frame) < 36
    assert result.problems and "kept" in result.problems[0].message


def _lines_before_the_cut(data: bytes, suffix: str) -> int:
    """Whole lines in what a cut compressed file still inflates to (its decompressor fed it all
    at once)."""
    import zlib

    import zstandard

    inflate = {
        ".gz": lambda: zlib.decompressobj(31),
        ".bz2": bz2.BZ2Decompressor,
        ".xz": lzma.LZMADecompressor,
        ".zst": lambda: zstandard.ZstdDecompressor().decompressobj(),
    }[suffix]()
    return inflate.decompress(data).count(b"\n")


@pytest.mark.parametrize("suffix", [".gz", ".bz2", ".xz", ".zst"])
def test_a_cut_compressed_file_keeps_every_whole_line_before_the_cut(tmp_path, suffix):
    """The loader read a decompressor 1 MB at a time, and a read that met the cut lost what it
    had inflated so far: half of the BBC corpus gzipped kept 1,003 of its 1,176 whole lines
    (and said "the 1,003 articles before it are kept"). Every whole line before the cut is an
    article."""
    from tests.adversarial.generated import COMPRESSORS, articles, jsonl

    rows = [{**row, "id": f"{row['id']}-{i}"} for i in range(30) for row in articles(36)]
    data = COMPRESSORS[suffix](jsonl(rows))  # ~940 KB inflated: more than one read
    low, high = 0, len(data)  # the shortest cut that still inflates to half of the lines
    while low < high:
        middle = (low + high) // 2
        low, high = (
            (middle + 1, high)
            if _lines_before_the_cut(data[:middle], suffix) < len(rows) // 2
            else (low, middle)
        )
    cut = data[: low + 1]
    path = tmp_path / f"cut.jsonl{suffix}"
    path.write_bytes(cut)
    result = load([str(path)])
    whole = _lines_before_the_cut(cut, suffix)
    assert 0 < whole < len(rows)
    assert len(result.frame) == whole
    (problem,) = result.problems
    assert problem.where == str(path) and f"the {whole:,} articles before it are kept" in (
        problem.message
    )


@pytest.mark.parametrize("share", [1 / 2, 1 / 6], ids=["half", "a sixth"])
def test_truncated_zstd_is_named_not_silent(tmp_path, share):
    """zstandard's reader ends a cut file quietly: half a .zst gave its articles and then
    "line is not valid JSON" for the cut line (or nothing at all when the cut fell between
    lines), and a sixth gave no byte and "no articles in the input — check the paths". A cut
    file is named as gzip's is: the articles before the cut kept, the file said to end early."""
    zstandard = pytest.importorskip("zstandard")
    data = zstandard.ZstdCompressor().compress(ROUNDUPS.read_bytes())
    path = tmp_path / "cut.jsonl.zst"
    path.write_bytes(data[: int(len(data) * share)])
    result = load([str(path)])
    assert len(result.frame) < 36
    (problem,) = result.problems
    assert problem.where == str(path)
    assert "ended before the end-of-stream marker" in problem.message
    # worded as gzip's cut is, whether or not a whole block came before the cut
    assert problem.message.startswith("read error: ")
    if not len(result.frame):
        assert "nothing before it could be recovered" in problem.message


@pytest.mark.parametrize("suffix", [".gz", ".zst"])
def test_a_cut_inside_the_first_block_is_worded_as_any_cut(tmp_path, suffix):
    """A .zst of one block cut in half holds no whole block, and said "broken zst compression"
    where a later cut says "read error: … ended before the end-of-stream marker"; a .gz cut
    after 100 bytes did the same. Both now say what happened and that nothing was recovered."""
    if suffix == ".zst":
        zstandard = pytest.importorskip("zstandard")
        data = zstandard.ZstdCompressor().compress(ROUNDUPS.read_bytes())[:-100]
    else:
        data = gzip.compress(ROUNDUPS.read_bytes())[:100]
    path = tmp_path / f"cut.jsonl{suffix}"
    path.write_bytes(data)
    result = load([str(path)])
    assert result.frame.empty
    (problem,) = result.problems
    assert problem.where == str(path)
    assert problem.message.startswith("read error: ")
    assert "nothing before it could be recovered" in problem.message


def test_concatenated_zstd_frames_are_read_whole(tmp_path):
    zstandard = pytest.importorskip("zstandard")
    lines = ROUNDUPS.read_bytes().splitlines(keepends=True)
    frames = [zstandard.ZstdCompressor().compress(b"".join(lines[i : i + 10])) for i in (0, 10)]
    path = tmp_path / "two.jsonl.zst"
    path.write_bytes(b"".join(frames))
    result = load([str(path)])
    assert len(result.frame) == 20 and not result.problems


def test_read_frame_raises_on_problems(tmp_path):
    with pytest.raises(InputError):
        read_frame([str(tmp_path / "missing.txt")])


@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "csv", "tsv", "json"])
def test_round_trip(tmp_path, fmt):
    original = load([str(SAMPLE)], manifest=str(SAMPLE / "manifest.csv")).frame
    out = tmp_path / f"corpus.{fmt}"
    atomic_write(str(out), fmt, original)
    back = load([str(out)]).frame
    if fmt in ("csv", "tsv"):  # text formats carry no types for the extra columns
        pd.testing.assert_frame_equal(back[list(CORE_COLUMNS)], original[list(CORE_COLUMNS)])
    else:
        pd.testing.assert_frame_equal(back, original)


def test_round_trip_gzip_output(tmp_path):
    original = load([str(ROUNDUPS)]).frame
    out = tmp_path / "corpus.jsonl.gz"
    atomic_write(str(out), "jsonl", original)
    pd.testing.assert_frame_equal(load([str(out)]).frame, original)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=3000))
def test_no_bytes_crash_the_text_loader(tmp_path, data):
    path = tmp_path / "fuzz.txt"
    path.write_bytes(data)
    result = load([str(path)])
    assert len(result.frame) + len(result.problems) == 1


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(st.binary(max_size=200), max_size=8))
def test_no_bytes_crash_the_jsonl_loader(tmp_path, lines):
    path = tmp_path / "fuzz.jsonl"
    path.write_bytes(b"\n".join(lines))
    result = load([str(path)])
    assert result.frame is not None


def test_json_lines_read_the_same_with_or_without_orjson(tmp_path, monkeypatch, roundup_rows):
    """orjson (corpuscli[fast]) reads what it can; what it refuses goes to the standard library,
    so records, values and problems are the same either way."""
    from corpuscli.io import readers

    row = roundup_rows[0]
    lines = [
        json.dumps(row, ensure_ascii=False).encode(),
        json.dumps({**row, "id": "nan", "score": float("nan")}).encode(),  # NaN literal
        json.dumps({**row, "id": "big", "views": 2**70, "ids": [[-(2**64)]]}).encode(),  # > 64 bits
        json.dumps({**row, "id": "esc", "title": "Karabakh \ud83d\ude00 \u00e9"}).encode(),
        b'{"id": "bad", "text": "caf\xe9"}',  # not UTF-8
        b'{"id": "broken", "text": ',
    ]
    path = tmp_path / "tricky.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    fast = load([str(path)])
    monkeypatch.setattr(readers, "json_loads", readers._standard_loads)
    plain = load([str(path)])
    pd.testing.assert_frame_equal(fast.frame, plain.frame)
    assert [str(p) for p in fast.problems] == [str(p) for p in plain.problems]
    assert fast.frame["doc_id"].tolist() == [row["id"], "nan", "big", "esc"]
    assert fast.frame["views"].tolist()[2] == 2**70
    assert len(fast.problems) == 2


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_an_unpaired_surrogate_escape_is_a_replacement_character(tmp_path, corpus, fmt):
    """JSON may escape half a UTF-16 pair ("\\ud800"), which no UTF-8 text can hold: it is read
    as U+FFFD, as undecodable bytes are, and every command runs (it crashed the writers)."""
    record = {"doc_id": "1", "text": "Putin said \\ud800 nothing new", "title": "t\\udc00"}
    line = json.dumps(record).replace("\\\\u", "\\u")
    path = tmp_path / f"half.{fmt}"
    path.write_text(line + "\n" if fmt == "jsonl" else f"[{line}]", encoding="utf-8")
    frame = load([str(path)]).frame
    assert frame.loc[0, "text"] == "Putin said \ufffd nothing new"
    assert frame.loc[0, "title"] == "t\ufffd"
    for args in (("terms",), ("stats",), ("kwic", "nothing")):
        result = corpus(*args, str(path), "-f", "tsv")
        assert result.exit_code == 0, result.stderr
