"""The corpus store: idempotent ingest, search, filters, versions, faults, kill -9."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from corpuscli import load
from corpuscli.errors import CorpusError
from corpuscli.store import db as store
from tests.conftest import ROUNDUPS, SAMPLE, SEED_003


def test_ingest_is_idempotent_and_incremental(corpus, tmp_path):
    db = str(tmp_path / "news.db")
    first = corpus("ingest", str(SAMPLE), "--store", db, "-f", "json")
    assert first.exit_code == 0, first.stderr
    assert json.loads(first.stdout)[0]["added"] == 38
    again = json.loads(corpus("ingest", str(SAMPLE), "--store", db, "-f", "json").stdout)[0]
    assert again["added"] == 0 and again["unchanged_files_skipped"] == 3
    # a changed file is read again: its changed article updated, the others counted as duplicates
    changed = tmp_path / "more.jsonl"
    rows = [json.loads(line) for line in ROUNDUPS.read_text(encoding="utf-8").splitlines()[:3]]
    rows[0]["text"] += "\n\nUpdated with a correction."
    changed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    third = json.loads(corpus("ingest", str(changed), "--store", db, "-f", "json").stdout)[0]
    assert (third["added"], third["updated"], third["duplicates"]) == (0, 1, 2)


def test_search_filters_and_export(corpus, tmp_path):
    db = str(tmp_path / "news.db")
    corpus("ingest", str(SAMPLE), "--store", db, "-q")
    hits = corpus("search", '"five plus two districts"', "--store", db, "-f", "json")
    rows = json.loads(hits.stdout)
    assert [r["doc_id"] for r in rows] == ["003_d3eae8a6fb502286"]
    assert "[five plus two districts]" in rows[0]["snippet"]
    assert corpus("search", "xyzzy", "--store", db).exit_code == 3
    assert corpus("search", '"unclosed', "--store", db).exit_code == 2
    terms = corpus("terms", "--store", db, "--query", "putin", "--since", "2020-01-01", "-f", "csv")
    assert terms.exit_code == 0, terms.stderr
    out = tmp_path / "export.parquet"
    assert corpus("store", "export", "--store", db, "-o", str(out), "-q").exit_code == 0
    assert len(load([str(out)]).frame) == 38
    info = corpus("store", "info", "--store", db, "-f", "csv", "--by", "source,month")
    assert info.stdout.startswith("source,month,articles,first,last")


def test_env_var_and_bad_stores(corpus, tmp_path, monkeypatch):
    db = tmp_path / "news.db"
    corpus("ingest", str(SEED_003), "--store", str(db), "-q")
    monkeypatch.setenv("CORPUSCLI_STORE", str(db))
    assert corpus("stats", "-f", "csv").stdout.startswith("corpus,articles")
    not_a_store = tmp_path / "x.db"
    not_a_store.write_bytes(b"this is not sqlite at all" * 100)
    bad = corpus("stats", "--store", str(not_a_store))
    assert bad.exit_code == 2 and "not a corpuscli store" in bad.stderr
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.commit()
    assert "not a corpuscli store" in corpus("stats", "--store", str(other)).stderr
    newer = tmp_path / "newer.db"
    con = store.connect(str(newer), create=True)
    con.execute("PRAGMA user_version = 99")
    con.close()
    result = corpus("stats", "--store", str(newer))
    assert result.exit_code == 2 and "newer corpuscli" in result.stderr
    assert corpus("stats", "--store", str(tmp_path / "missing.db")).exit_code == 2


def test_read_only_folder(corpus, read_only_folder):
    folder, lock = read_only_folder
    lock(folder)
    result = corpus("ingest", str(SEED_003), "--store", str(folder / "n.db"))
    assert result.exit_code == 2 and "read-only" in result.stderr
    assert not any(folder.iterdir())


def test_kill_9_leaves_committed_articles_whole(tmp_path):
    db = tmp_path / "news.db"
    big = tmp_path / "big.jsonl"
    rows = [json.loads(line) for line in ROUNDUPS.read_text(encoding="utf-8").splitlines()]
    with big.open("w", encoding="utf-8") as handle:
        for i in range(400):  # 14,400 real excerpts, ids made unique
            for row in rows:
                handle.write(json.dumps(dict(row, id=f"{row['id']}_{i}")) + "\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "corpuscli", "ingest", str(big), "--store", str(db), "-q"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.time() + 60
    while time.time() < deadline:
        time.sleep(0.2)
        try:
            n = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            continue
        if n >= 1000:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    con = store.connect(str(db))
    count, bad = con.execute(
        "SELECT count(*), sum(text IS NULL OR text = '') FROM articles"
    ).fetchone()
    assert count % store.BATCH == 0 and count >= 1000  # whole batches only
    assert not bad
    assert (
        con.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Biden'"
        ).fetchone()[0]
        > 0
    )
    con.close()
    # the next run picks up where it stopped
    subprocess.run(
        [sys.executable, "-m", "corpuscli", "ingest", str(big), "--store", str(db), "-q"],
        check=True,
    )
    con = store.connect(str(db))
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 14_400
    con.close()


def test_errors_are_corpus_errors(tmp_path):
    with pytest.raises(CorpusError):
        store.connect(str(tmp_path / "nothing.db"))


def _roundups_with(line: str, rows: list[dict]) -> list[dict]:
    """Roundup excerpts as Fox News articles ending with ``line``."""
    return [dict(r, source="Fox News", text=r["text"] + "\n\n" + line) for r in rows]


def test_ingest_clean_keeps_patterns_for_single_new_articles(corpus, tmp_path):
    db = tmp_path / "news.db"
    rows = [json.loads(line) for line in ROUNDUPS.read_text(encoding="utf-8").splitlines()]
    more = "More On This..."  # a real Fox News line (article_bias_prediction), kept on its own
    week = tmp_path / "week.jsonl"
    week.write_text(
        "".join(json.dumps(r) + "\n" for r in _roundups_with(more, rows[:6])), encoding="utf-8"
    )
    day = tmp_path / "day.jsonl"
    day.write_text(json.dumps(_roundups_with(more, rows[6:7])[0]) + "\n", encoding="utf-8")
    # without what the week taught, the single article keeps the line
    alone = tmp_path / "alone.db"
    corpus("ingest", str(day), "--store", str(alone), "--clean", "-q")
    assert more in store.connect(str(alone)).execute("SELECT text FROM articles").fetchone()[0]
    first = corpus("ingest", str(week), "--store", str(db), "--clean")
    assert first.exit_code == 0, first.stderr
    assert "new patterns kept in the store" in first.stderr
    con = store.connect(str(db))
    assert con.execute("SELECT count(*) FROM patterns WHERE source = 'Fox News'").fetchone()[0]
    assert not con.execute(
        "SELECT count(*) FROM articles WHERE text LIKE '%More On This%'"
    ).fetchone()[0]
    corpus("ingest", str(day), "--store", str(db), "--clean", "-q")
    text, extra = con.execute(
        "SELECT text, extra FROM articles WHERE doc_id = ?", (rows[6]["id"],)
    ).fetchone()
    assert more not in text
    assert more in json.loads(json.loads(extra)["removed"])[0]["text"]  # nothing lost
    con.close()


def test_version_1_store_is_upgraded(tmp_path):
    db = tmp_path / "v1.db"
    con = sqlite3.connect(db)
    con.executescript(store._SCHEMA + "PRAGMA user_version = 1;")
    con.execute(
        "INSERT INTO articles(doc_id, text, content_hash, ingested) VALUES ('a', 'kept', 'h', 'x')"
    )
    con.commit()
    con.close()
    read_only = store.connect(str(db))  # commands that only read leave it as it is
    assert read_only.execute("PRAGMA user_version").fetchone()[0] == 1
    read_only.close()
    upgraded = store.connect(str(db), write=True)
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert upgraded.execute("SELECT text FROM articles").fetchone()[0] == "kept"
    assert upgraded.execute("SELECT count(*) FROM patterns").fetchone()[0] == 0
    upgraded.close()


def test_disk_full_mid_ingest_keeps_what_was_committed(tmp_path):
    """A file-size limit (RLIMIT_FSIZE) stands in for a full disk: the ingest fails with a clear
    message and exit code, and the store still opens with every committed batch whole."""
    resource = pytest.importorskip("resource")
    db = tmp_path / "news.db"
    big = tmp_path / "big.jsonl"
    rows = [json.loads(line) for line in ROUNDUPS.read_text(encoding="utf-8").splitlines()]
    with big.open("w", encoding="utf-8") as handle:
        for i in range(300):
            for row in rows:
                handle.write(json.dumps(dict(row, id=f"{row['id']}_{i}")) + "\n")
    limit = 4 * 2**20

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run(
        [sys.executable, "-m", "corpuscli", "ingest", str(big), "--store", str(db)],
        capture_output=True, text=True, preexec_fn=small_disk, timeout=300,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "cannot write the store" in done.stderr
    assert "Traceback" not in done.stderr
    con = store.connect(str(db))
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    count = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < count < 300 * len(rows) and count % store.BATCH == 0
    assert con.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == count
    con.close()


REUTERS_MONTH = "2021-06"


def test_export_partitioned_folder_reads_back_the_same(corpus, tmp_path):
    db, out = tmp_path / "news.db", tmp_path / "parts"
    corpus("ingest", str(SAMPLE), "--store", str(db), "-q")
    result = corpus("store", "export", "--store", str(db), "--partition", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.parquet"))
    assert "source=Reuters/month=" + REUTERS_MONTH + "/part-0.parquet" in files
    assert any(f.startswith("source=(none)/month=") for f in files)
    from_store = corpus("terms", "--store", str(db), "--by", "source", "-f", "tsv").stdout
    assert corpus("terms", str(out), "--by", "source", "-f", "tsv").stdout == from_store
    again = corpus("store", "export", "--store", str(db), "--partition", "-o", str(out))
    assert again.exit_code == 2 and "not empty" in again.stderr
    assert corpus("store", "export", "--store", str(db), "--partition").exit_code == 2
    # a file where the folder should go is named as a file (it was "a folder ... not empty")
    (tmp_path / "parts.tsv").write_text("kept\n", encoding="utf-8")
    onto_file = corpus(
        "store", "export", "--store", str(db), "--partition", "-o", str(tmp_path / "parts.tsv")
    )
    assert onto_file.exit_code == 2
    assert "the output is a file, and --partition writes a folder" in onto_file.stderr
    assert (tmp_path / "parts.tsv").read_text(encoding="utf-8") == "kept\n"


def test_two_ingests_at_once_both_succeed(tmp_path):
    """Two cron jobs on one (new) store: one waits for the other's batch, neither fails."""
    rows = [json.loads(line) for line in ROUNDUPS.read_text(encoding="utf-8").splitlines()]
    feeds = []
    for name in ("a", "b"):
        feed = tmp_path / f"{name}.jsonl"
        with feed.open("w", encoding="utf-8") as handle:
            for i in range(60):  # 2,160 real excerpts per feed, ids made unique
                for row in rows:
                    handle.write(json.dumps(dict(row, id=f"{name}_{row['id']}_{i}")) + "\n")
        feeds.append(feed)
    db = tmp_path / "news.db"
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "corpuscli", "ingest", str(feed), "--store", str(db), "-q"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for feed in feeds
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    con = store.connect(str(db))
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2 * 60 * len(rows)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def test_store_patterns_list_save_and_forget(corpus, tmp_path):
    db = tmp_path / "news.db"
    rows = [json.loads(line) for line in ROUNDUPS.read_text(encoding="utf-8").splitlines()]
    week = tmp_path / "week.jsonl"
    week.write_text(
        "".join(json.dumps(r) + "\n" for r in _roundups_with("More On This...", rows[:6])),
        encoding="utf-8",
    )
    corpus("ingest", str(week), "--store", str(db), "--clean", "-q")
    listed = corpus("store", "patterns", "--store", str(db), "-f", "tsv")
    assert listed.exit_code == 0, listed.stderr
    assert "Fox News\tMore On This..." in listed.stdout
    saved = tmp_path / "p.json"
    corpus("store", "patterns", "--store", str(db), "--save", str(saved), "-q")
    from corpuscli.boilerplate.detection import Patterns

    assert "Fox News" in Patterns.load(str(saved)).by_source
    gone = corpus("store", "patterns", "--store", str(db), "--forget", "Fox News")
    assert gone.exit_code == 0 and "dropped" in gone.stderr
    assert corpus("store", "patterns", "--store", str(db), "-f", "tsv").stdout.count("\n") == 1


def test_a_query_in_a_window_reads_the_same_articles(corpus, tmp_path):
    """With a time window, the window's rows are found by the date index and looked for among
    the query's matches: the same articles, in the same order, as the matches filtered by date;
    a query that is not valid FTS5 says so as it does without a window."""
    from datetime import UTC, datetime

    db = str(tmp_path / "news.db")
    corpus("ingest", str(SAMPLE), "--store", db, "-q")
    con = store.connect(db)
    since, until = datetime(2021, 6, 1, tzinfo=UTC), datetime(2021, 8, 1, tzinfo=UTC)
    found = 0
    for query in ("putin", "biden OR armenia", '"five plus two districts"'):
        windowed = list(store.read(con, query=query, since=since, until=until))
        everywhere = list(store.read(con, query=query))
        got = [i for f in windowed for i in f["doc_id"].tolist()]
        want = [
            i
            for f in everywhere
            for i, when in zip(f["doc_id"].tolist(), f["published"].tolist(), strict=True)
            if when is not None and since <= when < until
        ]
        assert got == want
        found += len(got)
    assert found > 3  # the window holds articles on these subjects
    with pytest.raises(CorpusError) as windowed_error:
        list(store.read(con, query="putin AND", since=since))
    with pytest.raises(CorpusError) as plain_error:
        list(store.read(con, query="putin AND"))
    assert str(windowed_error.value) == str(plain_error.value)
    con.close()
