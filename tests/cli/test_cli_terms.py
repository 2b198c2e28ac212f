"""terms, collocations and kwic through the command line."""

from __future__ import annotations

import json
from io import StringIO

import pandas as pd

from tests.conftest import SAMPLE, SEED_003


def test_terms_default_top(corpus):
    result = corpus("terms", str(SAMPLE), "--top", "30", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    table = pd.read_csv(StringIO(result.stdout))
    assert list(table.columns) == ["term", "count", "per_10k", "docs", "share_docs"]
    assert len(table) == 30
    assert table["term"].iloc[0] == "president"


def test_terms_wide_for_people_long_for_programs(corpus):
    wide = corpus("terms", str(SAMPLE), "--by", "source", "--ngram", "2", "--top", "3", "-f", "md")
    assert wide.stdout.splitlines()[0].startswith("| rank | Fox News (Online News) |")
    long = corpus(
        "terms", str(SAMPLE), "--by", "source", "--ngram", "2", "--top", "3", "-f", "jsonl"
    )
    first = json.loads(long.stdout.splitlines()[0])
    assert list(first) == ["source", "term", "count", "per_10k", "docs", "share_docs"]


def test_terms_series_and_tfidf(corpus):
    series = corpus("terms", str(SAMPLE), "--by", "month", "--term", "karabakh", "-f", "csv")
    table = pd.read_csv(StringIO(series.stdout))
    assert (
        table.loc[table["month"] == "(none)", "count"].item() == 5
    )  # Nagorno-Karabakh is one token
    tfidf = corpus(
        "terms", str(SAMPLE), "--measure", "tfidf", "--by", "doc", "--top", "5", "-f", "csv"
    )
    table = pd.read_csv(StringIO(tfidf.stdout))
    assert (table.groupby("doc_id").size() == 5).all()
    assert "tfidf" in table.columns


def test_terms_warns_about_absent_terms(corpus):
    result = corpus("terms", str(SAMPLE), "--term", "zebra", "-f", "csv")
    assert result.exit_code == 0
    assert "'zebra' does not occur" in result.stderr


def test_terms_bad_input(corpus, tmp_path):
    assert corpus("terms", str(SAMPLE), "--pattern", "([a-z]").exit_code == 2
    assert corpus("terms", str(SAMPLE), "--top", "0").exit_code == 2
    assert corpus("terms", str(SAMPLE), "--ngram", "9").exit_code == 2
    assert corpus("terms", str(SAMPLE), "--measure", "magic").exit_code == 2
    stop = tmp_path / "stop.txt"
    stop.write_text("The and of the to a in\n", encoding="utf-8")
    result = corpus("terms", str(stop))
    assert result.exit_code == 2
    assert "no terms left" in result.stderr
    assert "internal error" not in result.stderr


def test_terms_ngram_sizes_beyond_the_key_are_refused_not_a_crash(corpus):
    """--ngram 4 used to overflow the 64-bit n-gram keys (IndexError, exit 70)."""
    from corpuscli.engine.counting import GLOBAL_BITS
    from corpuscli.text.token_options import MAX_NGRAM

    assert MAX_NGRAM * GLOBAL_BITS <= 63  # the longest n-gram allowed fits its key
    for ngram in ("4", "5", "2-4", "1-5"):
        result = corpus("terms", str(SAMPLE), "--ngram", ngram, "-f", "tsv")
        assert result.exit_code == 2, (ngram, result.stderr)
        assert f"--ngram {ngram} is out of range" in result.stderr
        assert "from 1 to 3" in result.stderr
    three = corpus("terms", str(SAMPLE), "--ngram", "1-3", "--all", "-f", "tsv")
    assert three.exit_code == 0, three.stderr
    rows = [line.split("\t") for line in three.stdout.splitlines()[1:]]
    assert {row[1] for row in rows} == {"1", "2", "3"}  # the n column
    assert all(len(row[0].split()) == int(row[1]) for row in rows)


def test_terms_from_stdin_pipe(corpus):
    jsonl = corpus("load", str(SEED_003), "-f", "jsonl").stdout
    result = corpus("terms", "-", "--top", "3", "-f", "csv", input=jsonl)
    assert result.stdout.splitlines()[1:3] == [
        "azerbaijan,6,100.67114093959731,1,1.0",
        "moscow,6,100.67114093959731,1,1.0",
    ]


def test_machine_formats_carry_full_values_people_formats_round(corpus):
    """per_10k and the other measures were rounded in the analysis (4 decimals in JSON)."""
    rows = json.loads(corpus("terms", str(SEED_003), "--top", "3", "-f", "json").stdout)
    assert rows[0]["per_10k"] == 6 / 596 * 10_000  # 596 word tokens in the seed
    md = corpus("terms", str(SEED_003), "--top", "3", "-f", "md").stdout
    assert "| azerbaijan | 6 | 100.6711 | 1 | 1 |" in md
    tfidf = json.loads(
        corpus(
            "terms", str(SAMPLE), "--by", "doc", "-m", "tfidf", "--top", "1", "-f", "json"
        ).stdout
    )
    assert any(len(repr(r["tfidf"]).split(".")[-1]) > 6 for r in tfidf)
    pairs = json.loads(corpus("collocations", str(SAMPLE), "--top", "3", "-f", "json").stdout)
    assert any(len(repr(r["llr"]).split(".")[-1]) > 6 for r in pairs)


def test_collocations_and_kwic(corpus):
    col = corpus(
        "collocations",
        str(SAMPLE),
        "--window",
        "5",
        "--node",
        "putin",
        "--min-count",
        "2",
        "-f",
        "csv",
    )
    assert col.exit_code == 0, col.stderr
    table = pd.read_csv(StringIO(col.stdout))
    assert list(table.columns) == [
        "w1",
        "w2",
        "count",
        "expected",
        "f1",
        "f2",
        "llr",
        "pmi",
        "t_score",
        "dice",
    ]
    kwic = corpus("kwic", "Karabakh", str(SAMPLE), "--width", "60", "-f", "tsv")
    assert kwic.exit_code == 0
    assert len(kwic.stdout.splitlines()) == 16
    missing = corpus("kwic", "xyzzy", str(SAMPLE))
    assert missing.exit_code == 3
    assert missing.stderr.startswith("corpus: error: no match for 'xyzzy'")


def test_compare_keyness_similarity_profile(corpus):
    keyness = corpus(
        "compare", str(SAMPLE), "--by", "stance", "--min-count", "3", "--p", "1", "-f", "csv"
    )
    assert keyness.exit_code == 0, keyness.stderr
    table = pd.read_csv(StringIO(keyness.stdout))
    assert set(table["group"]) == {"left", "center", "right"}
    assert "2-term form" in keyness.stderr
    sim = corpus("compare", str(SAMPLE), "--by", "stance", "--similarity", "-f", "json")
    rows = json.loads(sim.stdout)
    assert [r["stance"] for r in rows] == list(rows[0])[1:]
    prof = corpus("compare", str(SAMPLE), "--by", "stance", "--profile", "-f", "csv")
    assert pd.read_csv(StringIO(prof.stdout))["articles"].sum() == 38


def test_compare_errors(corpus):
    wrong = corpus("compare", str(SAMPLE), "--by", "stance", "--target", "centre")
    assert wrong.exit_code == 2
    assert "did you mean center" in wrong.stderr
    one = corpus("compare", str(SEED_003), "--by", "source")
    assert one.exit_code == 2 and "at least two groups" in one.stderr
    per_url = corpus("compare", str(SAMPLE), "--by", "url")  # a group per article: one each
    assert per_url.exit_code == 0, per_url.stderr
    assert per_url.stdout.count("https://thehill.com/policy/healthcare/565098") == 3
    assert corpus("compare", str(SAMPLE), "--similarity", "--profile").exit_code == 2


def test_boilerplate_clean_and_clean_option(corpus, tmp_path):
    found = corpus("boilerplate", str(SEED_003), "-f", "csv")
    assert found.exit_code == 0, found.stderr
    assert "Support The Moscow Times!" in found.stdout
    out = tmp_path / "clean.jsonl"
    cleaned = corpus("clean", str(SAMPLE), "-o", str(out))
    assert cleaned.exit_code == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    seed = next(r for r in rows if r["doc_id"].startswith("003_"))
    assert "Read more" not in seed["text"] and json.loads(seed["removed"])
    show = corpus("clean", str(SEED_003), "--show")
    assert "[-] Read more" in show.stdout
    terms = corpus("terms", str(SEED_003), "--clean", "--top", "40", "-f", "csv")
    assert terms.exit_code == 0, terms.stderr
    assert terms.stdout.startswith("term,count,") and "karabakh," in terms.stdout
    assert "boilerplate blocks" in terms.stderr  # what --clean removed is told
    assert "moscow," not in terms.stdout and "journalism," not in terms.stdout
    patterns = tmp_path / "p.json"
    assert corpus("boilerplate", str(SAMPLE), "--save-patterns", str(patterns)).exit_code == 0
    assert corpus("clean", str(SEED_003), "--patterns", str(patterns), "-f", "jsonl").exit_code == 0
    (tmp_path / "bad.json").write_text("[]", encoding="utf-8")
    bad = corpus("clean", str(SEED_003), "--patterns", str(tmp_path / "bad.json"))
    assert bad.exit_code == 2 and "patterns" in bad.stderr
