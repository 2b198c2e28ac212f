"""Terms of Chinese or Japanese text are whole clauses (no spaces, no segmenter): `corpus terms`
says so instead of presenting them as words."""

from __future__ import annotations

import json

from corpuscli.text.unspaced import unsegmented_terms

#: Two sentences of a Chinese news article (Mozilla Readability's test page "gmw").
ZH = (
    "不幸的是，对于希望能喝上一杯的太空探险者，那些将他们送上太空的政府机构普遍禁止他们染指"
    "包括酒在内的含酒精饮料。17名男子被要求在地面和一间模拟海拔3.7公里的房间内喝下一些伏特加。"
)
#: An English sentence: no warning.
EN = "Russian President Vladimir Putin explained Russia's position on the Karabakh conflict."


def test_runs_longer_than_a_word_are_counted():
    assert unsegmented_terms(["他说", "所以", "伏特加", "一杯", "karabakh", 3]) == 0
    assert unsegmented_terms(["对于希望能喝上一杯的太空探险者", "他说"]) == 1
    assert unsegmented_terms(["ロシアのプーチン大統領は"]) == 1  # kana and Han
    assert unsegmented_terms(["대통령이라고"]) == 0  # Korean is written with spaces


def _corpus(tmp_path, text: str) -> str:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"doc_id": "a", "text": text}, ensure_ascii=False) + "\n")
    return str(path)


def test_terms_warns_when_its_terms_are_clauses(corpus, tmp_path):
    result = corpus("terms", _corpus(tmp_path, ZH), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    terms = [json.loads(line)["term"] for line in result.stdout.splitlines()]
    assert "对于希望能喝上一杯的太空探险者" in terms  # what the warning is about
    assert "runs of Chinese, Japanese or Thai text between punctuation" in result.stderr
    assert f"of the {len(terms)} terms" in result.stderr
    by_doc = corpus("terms", _corpus(tmp_path, ZH), "--by", "doc", "--format", "jsonl")
    assert "clauses, not words" in by_doc.stderr  # the pandas way says it too


def test_terms_of_spaced_text_say_nothing(corpus, tmp_path):
    result = corpus("terms", _corpus(tmp_path, EN), "--format", "jsonl")
    assert result.exit_code == 0
    assert "clauses" not in result.stderr
