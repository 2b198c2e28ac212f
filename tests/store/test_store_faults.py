"""Store faults: damaged files, read-only places, files that are not stores, long source names —
each a clear message and exit code 2, and no command that only reads ever changes a file."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from corpuscli import load
from corpuscli.errors import UsageError
from corpuscli.store import db as store
from tests.conftest import ROUNDUPS, SAMPLE, SEED_000

#: Every command that only reads a store, as arguments after `corpus`.
READERS = (
    ("store", "info"),
    ("store", "info", "--by", "source"),
    ("store", "patterns"),
    ("search", "Putin"),
    ("stats",),
    ("store", "export", "-f", "jsonl"),
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory) -> Path:
    """A store of sample_data/, made once per module (copy it before changing it)."""
    from typer.testing import CliRunner

    from corpuscli.cli.app import app

    db = tmp_path_factory.mktemp("store") / "news.db"
    result = CliRunner().invoke(app, ["ingest", str(SAMPLE), "--store", str(db), "-q"])
    assert result.exit_code == 0, result.stderr
    return db


def _copy(db: Path, to: Path) -> Path:
    target = to / db.name
    shutil.copy(db, target)
    return target


@pytest.mark.parametrize("content", [b"", b"my notes\nbuy milk\n"])
@pytest.mark.parametrize("args", READERS)
def test_a_file_that_is_not_a_store_is_refused_and_left_as_it_was(corpus, tmp_path, content, args):
    notes = tmp_path / "notes.txt"
    notes.write_bytes(content)
    result = corpus(*args, "--store", str(notes))
    assert result.exit_code == 2
    assert "not a corpuscli store" in result.stderr
    assert notes.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]  # no -wal, no -shm


def test_an_empty_sqlite_file_is_refused_by_readers(corpus, tmp_path):
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).execute("PRAGMA user_version = 0").connection.close()
    before = empty.read_bytes()
    result = corpus("store", "info", "--store", str(empty))
    assert result.exit_code == 2 and "empty SQLite file" in result.stderr
    assert "corpus ingest" in result.stderr
    assert empty.read_bytes() == before


def test_ingest_makes_a_store_in_an_empty_file_but_not_in_a_text_file(corpus, tmp_path):
    made = tmp_path / "made.db"
    made.touch()  # as `mktemp` leaves it
    assert corpus("ingest", str(ROUNDUPS), "--store", str(made), "-q").exit_code == 0
    assert corpus("store", "info", "--store", str(made), "-f", "json").exit_code == 0
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n", encoding="utf-8")
    refused = corpus("ingest", str(ROUNDUPS), "--store", str(notes))
    assert refused.exit_code == 2 and "not a corpuscli store" in refused.stderr
    assert notes.read_text(encoding="utf-8") == "my notes\n"


@pytest.mark.parametrize("args", READERS)
def test_reading_never_changes_the_store(corpus, sample_store, tmp_path, args):
    db = _copy(sample_store, tmp_path)
    before = _digest(db)
    result = corpus(*args, "--store", str(db))
    assert result.exit_code == 0, result.stderr
    assert _digest(db) == before


def test_a_schema_1_store_is_read_without_being_upgraded(corpus, tmp_path):
    db = tmp_path / "v1.db"
    con = sqlite3.connect(db)
    con.executescript(store._SCHEMA + "PRAGMA user_version = 1;")
    con.execute(
        "INSERT INTO articles(doc_id, text, content_hash, ingested) VALUES ('a', 'kept', 'h', 'x')"
    )
    con.commit()
    con.close()
    info = corpus("store", "info", "--store", str(db), "-f", "json")
    assert info.exit_code == 0, info.stderr
    assert json.loads(info.stdout)[0]["schema"] == 1
    assert json.loads(info.stdout)[0]["patterns"] == 0
    assert corpus("store", "patterns", "--store", str(db), "-f", "tsv").exit_code == 0
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == 1


def _damage(db: Path, at: int, size: int | None = None) -> None:
    """Overwrite ``size`` bytes of ``db`` from byte ``at`` (to the end without ``size``); past
    the 100-byte header, so that the file still reads as SQLite."""
    data = bytearray(db.read_bytes())
    end = len(data) if size is None else at + size
    data[at:end] = b"\x13" * (end - at)
    db.write_bytes(bytes(data))


@pytest.mark.parametrize("where", ["schema page", "data pages"])
@pytest.mark.parametrize("args", [*READERS, ("ingest", str(ROUNDUPS))])
def test_a_damaged_store_says_so_and_what_to_do(corpus, sample_store, tmp_path, where, args):
    db = _copy(sample_store, tmp_path)
    if where == "schema page":
        _damage(db, 100, 8192)
    else:
        _damage(db, db.stat().st_size // 4)
    result = corpus(*args, "--store", str(db))
    if result.exit_code == 0 and where == "data pages" and args[0] in ("store", "ingest"):
        # the (empty) patterns table, or the tables an ingest of files already stored reads,
        # may lie outside the damage
        assert args[:2] in (("store", "patterns"), ("ingest", str(ROUNDUPS)))
        return
    assert result.exit_code == 2, result.stderr
    assert "the store is damaged" in result.stderr
    assert ".recover" in result.stderr and "ingest the articles again" in result.stderr
    assert "internal error" not in result.stderr


def test_damage_found_while_streaming_is_a_store_error(sample_store, tmp_path):
    db = _copy(sample_store, tmp_path)
    _damage(db, db.stat().st_size // 2)
    con = store.connect(str(db))
    with pytest.raises(store.StoreError, match="damaged"):
        for _ in store.read(con, chunk=5):
            pass
    con.close()


def test_a_store_in_a_read_only_folder_is_read(corpus, sample_store, read_only_folder):
    """Reading commands work on a store in a folder nobody may write (no 'not a corpuscli
    store'), leave nothing beside it, and ingest is refused with a clear message."""
    folder, lock = read_only_folder
    db = _copy(sample_store, folder)
    lock(db)
    lock(folder)
    for args in [*READERS, ("terms", "--top", "3"), ("kwic", "Putin")]:
        result = corpus(*args, "--store", str(db))
        assert result.exit_code == 0, (args, result.stderr)
    assert sorted(p.name for p in folder.iterdir()) == ["news.db"]
    refused = corpus("ingest", str(ROUNDUPS), "--store", str(db))
    assert refused.exit_code == 2 and "read-only" in refused.stderr


def test_patterns_forget_still_writes(corpus, sample_store, tmp_path):
    db = _copy(sample_store, tmp_path)
    con = store.connect(str(db), write=True)
    con.execute(
        "INSERT INTO patterns(source, signature, example, articles, learned) "
        "VALUES ('Fox News', 'sig', 'More On This...', 3, 'x')"
    )
    con.close()
    gone = corpus("store", "patterns", "--store", str(db), "--forget", "Fox News")
    assert gone.exit_code == 0 and "dropped 1 patterns" in gone.stderr


# --- search ------------------------------------------------------------------------------------


def test_words_with_hyphens_are_searched_as_written(corpus, sample_store):
    for query in ("Armenia-controlled", "armenia-controlled districts", "Nagorno-Karabakh"):
        result = corpus("search", query, "--store", str(sample_store), "-f", "json")
        assert result.exit_code == 0, (query, result.stderr)
        assert json.loads(result.stdout)
    phrase = corpus("search", "Armenia-controlled", "--store", str(sample_store), "-f", "json")
    assert "[Armenia-controlled]" in json.loads(phrase.stdout)[0]["snippet"]


def test_a_limit_beyond_what_sqlite_takes_means_every_match(corpus, sample_store):
    """--limit 99999999999999999999 ended in `internal error: OverflowError: Python int too
    large to convert to SQLite INTEGER` (exit 70)."""
    db = str(sample_store)
    every = corpus("search", "Putin", "--store", db, "-f", "json", "--limit", "9" * 20)
    assert every.exit_code == 0, every.stderr
    some = corpus("search", "Putin", "--store", db, "-f", "json", "--limit", "1000")
    assert json.loads(every.stdout) == json.loads(some.stdout) != []


def test_fts5_syntax_written_on_purpose_is_kept(corpus, sample_store):
    db = str(sample_store)
    both = corpus("search", "Putin AND Karabakh", "--store", db, "-f", "json", "--limit", "99")
    either = corpus("search", "Putin OR Karabakh", "--store", db, "-f", "json", "--limit", "99")
    assert len(json.loads(both.stdout)) < len(json.loads(either.stdout))
    prefix = corpus("search", "Karab*", "--store", db, "-f", "json", "--limit", "99")
    assert len(json.loads(prefix.stdout)) >= len(json.loads(
        corpus("search", "Karabakh", "--store", db, "-f", "json", "--limit", "99").stdout
    ))  # fmt: skip
    titled = corpus("search", "title:Putin", "--store", db, "-f", "json", "--limit", "99")
    assert all("Putin" in row["title"] for row in json.loads(titled.stdout))
    assert corpus("search", '"unclosed', "--store", db).exit_code == 2
    assert corpus("search", " - & ", "--store", db).exit_code == 2


def test_score_is_positive_and_best_first(corpus, sample_store):
    result = corpus("search", "Putin", "--store", str(sample_store), "-f", "json", "--limit", "50")
    rows = json.loads(result.stdout)
    assert "rank" not in rows[0]
    scores = [row["score"] for row in rows]
    assert len(scores) > 2 and all(s > 0 for s in scores)
    assert scores == sorted(scores, reverse=True)


def test_query_filter_of_analysis_commands_is_quoted_too(corpus, sample_store):
    terms = corpus(
        "terms", "--store", str(sample_store), "--query", "Armenia-controlled", "-f", "csv"
    )
    assert terms.exit_code == 0, terms.stderr


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("border-wall", '"border-wall"'),
        ("border wall", "border wall"),
        ('"border wall" AND trump', '"border wall" AND trump'),
        ("impeach*", "impeach*"),
        ("border-wall*", '"border-wall"*'),
        ("U.S. tariffs", '"U.S." tariffs'),
        ("title:putin", "title:putin"),
        ('title:"border wall"', 'title: "border wall"'),
        ("foo:bar", '"foo:bar"'),
        ("NEAR(border trump, 5)", "NEAR ( border trump , 5 )"),
        ("wall-street AND trump", '"wall-street" AND trump'),
        ("and or not", "and or not"),
        ("x, y -", "x y"),
        ("^Putin", "^Putin"),
        ("Russia’s", "Russia’s"),
    ],
)
def test_fts_query_rule(query, expected):
    from corpuscli.store.query import fts_query

    assert fts_query(query) == expected


def test_fts_query_never_fails_on_plain_words(tmp_path):
    """Any query without quotes, parentheses or operators is one FTS5 accepts."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from corpuscli.store.query import fts_query

    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE f USING fts5(title, text)")
    con.execute("INSERT INTO f VALUES ('Border wall', 'the border-wall was built, said Trump.')")
    words = st.text(
        st.characters(blacklist_characters='"()', blacklist_categories=("Cs",)), max_size=30
    )

    @settings(max_examples=300, deadline=None)
    @given(words)
    def check(query: str) -> None:
        try:
            rewritten = fts_query(query)
        except UsageError:
            return  # no word in it
        if any(op in query.split() for op in ("AND", "OR", "NOT", "NEAR")):
            return  # operators are FTS5's, and may be misplaced
        con.execute("SELECT rowid FROM f WHERE f MATCH ?", (rewritten,)).fetchall()

    check()


# --- info --------------------------------------------------------------------------------------


def test_info_is_one_summary_and_by_gives_the_detail(corpus, sample_store):
    db = str(sample_store)
    summary = json.loads(corpus("store", "info", "--store", db, "-f", "json").stdout)
    assert len(summary) == 1
    row = summary[0]
    assert row["articles"] == 38 and row["sources"] >= 3 and row["schema"] == store.SCHEMA_VERSION
    assert row["first"] <= row["last"] and row["bytes"] > 0
    by_source = json.loads(
        corpus("store", "info", "--store", db, "--by", "source", "-f", "json").stdout
    )
    assert sum(r["articles"] for r in by_source) == 38
    assert (
        len({r["source"] for r in by_source})
        == len(by_source)
        == row["sources"]
        + (row["articles"] > sum(r["articles"] for r in by_source if r["source"] != "(none)"))
    )
    by_month = json.loads(
        corpus("store", "info", "--store", db, "--by", "month", "-f", "json").stdout
    )
    assert sum(r["articles"] for r in by_month) == 38
    assert {r["month"] for r in by_month} >= {"(undated)"} if row["undated"] else True
    both = json.loads(
        corpus("store", "info", "--store", db, "--by", "source,month", "-f", "json").stdout
    )
    assert len(both) >= max(len(by_source), len(by_month))
    assert corpus("store", "info", "--store", db, "--by", "day").exit_code == 2


# --- export --partition ------------------------------------------------------------------------


def test_partition_names_of_long_sources_are_cut_with_a_hash(corpus, tmp_path, roundup_rows):
    long_a = "A" * 150 + " News Service of the " + "é" * 130  # 300 characters, more bytes
    long_b = "A" * 150 + " News Service of the " + "ü" * 130
    feed = tmp_path / "feed.jsonl"
    rows = [
        dict(roundup_rows[0], id="a", source=long_a),
        dict(roundup_rows[1], id="b", source=long_b),
    ]
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db, out = tmp_path / "news.db", tmp_path / "parts"
    assert corpus("ingest", str(feed), "--store", str(db), "-q").exit_code == 0
    result = corpus("store", "export", "--store", str(db), "--partition", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    folders = sorted(p.name for p in out.iterdir())
    assert len(folders) == 2 and all(len(f.encode()) <= 255 for f in folders)
    assert all("~" in f for f in folders)
    assert set(load([str(out)]).frame["source"]) == {long_a, long_b}


def test_partition_name_rule():
    assert store.partition_name("Reuters") == "Reuters"
    assert store.partition_name(None) == "(none)"
    assert store.partition_name("a/b") == "a%2Fb"
    assert store.partition_name(".hidden") == "%2Ehidden"
    long = store.partition_name("%" * 300)
    assert len(long) <= store.PARTITION_NAME_BYTES
    assert "%2" not in long.split("~")[0][-2:]  # never cut inside an escape
    assert store.partition_name("x" * 300) != store.partition_name("x" * 299)


# --- the store is plain SQLite -------------------------------------------------------------------


def test_readme_sql_example_runs_on_a_store(sample_store):
    """The example query in README.md's store section, run with SQLite itself."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    marker = "```sql\n"
    assert marker in readme
    sql = readme.split(marker, 1)[1].split("```", 1)[0]
    con = sqlite3.connect(f"file:{sample_store}?mode=ro", uri=True)
    rows = con.execute(sql).fetchall()
    con.close()
    assert rows and all(isinstance(r[1], int) and r[1] > 0 for r in rows)


def test_a_store_path_with_uri_characters_opens_read_only(corpus, sample_store, tmp_path):
    """Read-only opening goes through an SQLite URI: spaces, #, ? and % in the path are
    escaped."""
    folder = tmp_path / "odd dir #?"
    folder.mkdir()
    db = folder / "news 100%.db"
    shutil.copy(sample_store, db)
    result = corpus("store", "info", "--store", str(db), "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)[0]["articles"] == 38


def test_commands_that_read_a_store_leave_no_files_beside_it(corpus, tmp_path):
    """A store in WAL mode got -wal and -shm files from every read-only command (a read-only
    connection makes them and cannot remove them): ingest now leaves it at rest, in
    rollback-journal mode, and reading it leaves the folder as it was (#18)."""
    db = tmp_path / "news.db"
    assert corpus("ingest", str(SAMPLE), "--store", str(db)).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.db"]
    before = db.read_bytes()
    for command in (
        ["store", "info", "--store", str(db)],
        ["search", "president", "--store", str(db)],
        ["terms", "--store", str(db), "--top", "3"],
        ["stats", "--store", str(db)],
    ):
        result = corpus(*command)
        assert result.exit_code == 0, (command, result.stderr)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["news.db"], command
    assert db.read_bytes() == before
    # a later ingest writes with its write-ahead log again, and leaves the store at rest
    assert corpus("ingest", str(SEED_000), "--store", str(db)).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.db"]
