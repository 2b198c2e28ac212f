"""Languages: detection per article, stopword lists shipped for every Snowball language, --lang
picking them, and --lang auto counting each article in its own language."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from corpuscli import load
from corpuscli.errors import UsageError
from corpuscli.text.language_names import SNOWBALL, snowball_name
from corpuscli.text.languages import detect_language, language_column
from corpuscli.text.stopwords import has_list, language_stopwords, load_stopwords
from tests.conftest import FIXTURES, ROUNDUPS, SAMPLE, SEED_000

#: Two real excerpts (provenance in each record): German (heise) and French (Libération).
EXCERPTS = FIXTURES / "german_french_excerpts.jsonl"
GERMAN_STOPWORDS = {"die", "und", "ein", "das", "der", "dem", "auch"}


def _texts() -> dict[str, str]:
    rows = [json.loads(line) for line in EXCERPTS.read_text(encoding="utf-8").splitlines()]
    return {row["id"]: row["text"] for row in rows}


def test_detects_the_language_of_real_articles():
    texts = _texts()
    assert detect_language(texts["heise-1password"]) == "de"
    assert detect_language(texts["liberation-nepal"]) == "fr"
    assert detect_language(SEED_000.read_text(encoding="utf-8")) == "en"
    for row in ROUNDUPS.read_text(encoding="utf-8").splitlines():
        assert detect_language(json.loads(row)["text"]) == "en"
    assert detect_language("Hi.") is None and detect_language(None) is None


def test_the_english_shortcut_agrees_with_the_detector():
    from corpuscli.text.languages import SAMPLE_CHARS, _identifier

    texts = [*load([str(SAMPLE)]).frame["text"], *_texts().values()]
    for text in texts:
        assert detect_language(text) == _identifier().classify(text[:SAMPLE_CHARS])[0]


def test_a_lang_column_given_by_the_input_is_kept():
    frame = pd.DataFrame({"text": ["", *_texts().values()], "lang": ["pt-BR", None, "  "]})
    assert language_column(frame).tolist() == ["pt-BR", "de", "fr"]


def test_stopword_lists_ship_for_every_snowball_language():
    for code in SNOWBALL:
        assert has_list(code) and len(language_stopwords(code)) > 20, code
    assert load_stopwords("lang", "de") >= GERMAN_STOPWORDS
    assert load_stopwords("lang", "german") == load_stopwords("de")
    assert load_stopwords("nltk", "de") == load_stopwords("lang", "de")  # no NLTK data needed
    assert load_stopwords("lang") == load_stopwords("en")
    assert not GERMAN_STOPWORDS & {"die"} - load_stopwords("lang", "de")
    assert "the" in load_stopwords("en") and "und" not in load_stopwords("en")
    assert load_stopwords("lang", "auto") == frozenset()  # chosen per article
    with pytest.raises(UsageError):
        load_stopwords("lang", "xx")
    with pytest.raises(UsageError):
        load_stopwords("no-such-list")
    assert snowball_name("de") == "german" and snowball_name("pl") is None
    with pytest.raises(UsageError, match="no Snowball stemmer"):
        snowball_name("tr", required=True)


def _terms(corpus, *args: str) -> pd.DataFrame:
    result = corpus("terms", *args, "-f", "json", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    return pd.DataFrame(json.loads(result.stdout))


def test_lang_de_picks_german_stopwords(corpus, tmp_path):
    german = tmp_path / "de.jsonl"
    german.write_text(EXCERPTS.read_text(encoding="utf-8").splitlines()[0] + "\n", "utf-8")
    english_list = set(_terms(corpus, str(german), "--all")["term"])
    assert english_list >= GERMAN_STOPWORDS  # the English list keeps them
    german_list = set(_terms(corpus, str(german), "--all", "--lang", "de")["term"])
    assert not GERMAN_STOPWORDS & german_list
    assert {"1password", "totp-nutzung"} <= german_list
    # --stopwords nltk works on a fresh install (no NLTK data) and means the same
    nltk = set(_terms(corpus, str(german), "--all", "--lang", "de", "--stopwords", "nltk")["term"])
    assert nltk == german_list
    stemmed = set(_terms(corpus, str(german), "--all", "--lang", "de", "--stem")["term"])
    assert "verzicht" in stemmed  # verzichten, by the German stemmer


@pytest.fixture
def mixed(tmp_path):
    """sample_data/ plus the German and French excerpts, in one folder."""
    folder = tmp_path / "mixed"
    shutil.copytree(SAMPLE, folder)
    shutil.copy(EXCERPTS, folder / "excerpts.jsonl")
    return folder


def test_lang_auto_counts_each_article_in_its_own_language(corpus, mixed, tmp_path):
    auto = _terms(corpus, str(mixed), "--by", "source", "--all", "--lang", "auto")
    german = set(auto.loc[auto["source"] == "heise online", "term"])
    french = set(auto.loc[auto["source"] == "Libération", "term"])
    assert german and not german & load_stopwords("de")
    assert french and not french & load_stopwords("fr")
    english = auto[~auto["source"].isin(["heise online", "Libération"])]
    assert not set(english["term"]) & load_stopwords("en")
    # each group counted as if its language had been given for it alone
    de_alone = _terms(corpus, str(EXCERPTS), "--by", "source", "--all", "--lang", "de")
    assert _rows(auto, "heise online") == _rows(de_alone, "heise online")
    fr_alone = _terms(corpus, str(EXCERPTS), "--by", "source", "--all", "--lang", "fr")
    assert _rows(auto, "Libération") == _rows(fr_alone, "Libération")


def _rows(table: pd.DataFrame, source: str) -> list[tuple]:
    part = table[table["source"] == source]
    return sorted(zip(part["term"], part["count"], part["docs"], strict=True))


def test_lang_auto_with_stem_uses_each_language_stemmer(corpus, mixed):
    args = ("--by", "source", "--all", "--stem", "--ngram", "1-2")
    auto = _terms(corpus, str(mixed), *args, "--lang", "auto")
    for lang, source in (("de", "heise online"), ("fr", "Libération")):
        alone = _terms(corpus, str(EXCERPTS), *args, "--lang", lang)
        assert _rows(auto, source) == _rows(alone, source), lang
    english = _terms(corpus, str(SAMPLE), *args, "--lang", "en")
    english_sources = set(english["source"])
    for source in english_sources:
        assert _rows(auto, source) == _rows(english, source), source
    assert {"verzicht", "franc"} <= set(auto["term"])


def test_lang_auto_on_english_text_is_the_default_output(corpus):
    for command in (("terms",), ("terms", "--ngram", "2", "--stem"), ("collocations",)):
        default = corpus(*command, str(SAMPLE), "-f", "tsv", "--jobs", "1")
        auto = corpus(*command, str(SAMPLE), "-f", "tsv", "--jobs", "1", "--lang", "auto")
        assert default.exit_code == 0, default.stderr
        assert auto.stdout == default.stdout, command


def test_lang_auto_in_workers_counts_as_one_process_does(corpus, mixed):
    one = corpus("terms", str(mixed), "--lang", "auto", "--stem", "--by", "source", "-f", "tsv",
                 "--jobs", "1")  # fmt: skip
    two = corpus("terms", str(mixed), "--lang", "auto", "--stem", "--by", "source", "-f", "tsv",
                 "--jobs", "2")  # fmt: skip
    assert one.exit_code == 0, one.stderr
    assert two.stdout == one.stdout


def test_load_and_stats_report_the_language(corpus, mixed):
    loaded = json.loads(corpus("load", str(mixed), "-f", "json").stdout)
    langs = {row["doc_id"]: row["lang"] for row in loaded}
    assert langs["heise-1password"] == "de" and langs["liberation-nepal"] == "fr"
    assert list(loaded[0])[:8] == [
        "doc_id",
        "source",
        "title",
        "published",
        "url",
        "path",
        "text",
        "lang",
    ]
    summary = corpus("load", str(mixed), "-f", "md")
    assert (
        summary.stdout.splitlines()[0] == "| doc_id | source | title | published | lang | words |"
    )
    stats = json.loads(corpus("stats", str(mixed), "--by", "lang", "-f", "json").stdout)
    assert {row["lang"]: row["articles"] for row in stats} == {"en": 38, "de": 1, "fr": 1}


def test_bad_language_options_are_usage_errors(corpus):
    stem = corpus("terms", str(SEED_000), "--stem", "--lang", "tr")
    assert stem.exit_code == 2 and "no Snowball stemmer" in stem.stderr
    unknown = corpus("terms", str(SEED_000), "--lang", "xx")
    assert unknown.exit_code == 2 and "no stopword list" in unknown.stderr


def test_a_term_typed_by_a_user_is_stemmed_with_lang_auto(corpus):
    term = corpus(
        "terms", str(SAMPLE), "--lang", "auto", "--stem", "--term", "presidents", "-f", "json"
    )
    assert term.exit_code == 0, term.stderr
    assert json.loads(term.stdout)[0]["count"] > 0
    node = corpus("collocations", str(SAMPLE), "--lang", "auto", "--stem", "--node", "presidents")
    assert node.exit_code == 0, node.stderr
