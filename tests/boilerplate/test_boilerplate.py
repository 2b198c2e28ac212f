"""Boilerplate detection and cleaning on the seeds (exact) and on real repeated blocks."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from corpuscli import load
from corpuscli.boilerplate.detection import Patterns, clean, detect, learn_repeats, summarise
from corpuscli.errors import InputError
from corpuscli.text.blocks import remove_blocks, signature, split_blocks
from tests.conftest import ROUNDUPS, SAMPLE, SEED_000, SEED_003

SEED_003_BOILERPLATE = {
    "Support The Moscow Times!",
    "The heaviest fighting since a 1994 ceasefire over the South Caucasus region of Nagorno-Karabakh "
    "erupted last month. Stanislav Krasilnikov / TASS",
    "AFP contributed reporting.",
    "Sign up for our free weekly newsletter",
    "Subscribers agree to the Privacy Policy",
    "A Message from The Moscow Times:",
    "Dear readers,",
    "Once",
    "Monthly",
    "Annual",
    "Continue",
    "paiment methods",
    "Not ready to support today?",
    "Remind me later.",
    "Read more",
}


def test_seed_003_every_listed_line_found_every_story_line_kept():
    frame = load([str(SEED_003)]).frame
    verdicts = detect(frame)
    flagged = set(verdicts.loc[verdicts["boilerplate"], "text"])
    assert flagged >= SEED_003_BOILERPLATE
    # the newsletter blurb and the donation appeal's paragraphs go too
    assert any(t.startswith("Our weekly newsletter contains") for t in flagged)
    assert any(t.startswith("We, the journalists of The Moscow Times") for t in flagged)
    kept = verdicts.loc[~verdicts["boilerplate"], "text"].tolist()
    assert kept[0] == "Russia ‘Open’ to Return of Armenia-Held Land to Azerbaijan – Putin"
    assert kept[-1].startswith("Armenian Prime Minister Nikol Pashinyan")
    assert len(kept) == 13  # the headline and the 12 paragraphs of the story


def test_seed_000_tag_line_only():
    verdicts = detect(load([str(SEED_000)]).frame)
    assert verdicts.loc[verdicts["boilerplate"], "text"].tolist() == ["Russia, Vladimir Putin"]


def test_reasons_are_given():
    verdicts = detect(load([str(SEED_003)]).frame)
    why = dict(zip(verdicts["text"], verdicts["why"], strict=True))
    assert "credit" in why["AFP contributed reporting."]
    assert "banner" in why["Support The Moscow Times!"]
    assert "button" in why["Monthly"]


def test_quotes_about_donations_are_kept():
    # a roundup headline and a quoted sentence from the AllSides corpus that says "donated"
    text = (
        "Biden Defends Afghanistan Pullout Amid Bipartisan Criticism\n\n“The broadcast networks "
        "donated at least 124 hours of wall-to-wall live coverage as they pre-empted regular "
        "programming in favor of House Democrat-led impeachment activities,” the analysts said."
    )
    verdicts = detect(pd.DataFrame({"doc_id": ["x"], "source": ["s"], "text": [text]}))
    assert not verdicts["boilerplate"].any()


def test_clean_removes_blocks_and_records_them():
    frame = load([str(SEED_003)]).frame
    cleaned, _ = clean(frame)
    text = cleaned["text"].iloc[0]
    assert "Moscow Times" not in text and "Read more" not in text
    assert text.startswith("Russia ‘Open’")
    assert text.rstrip().endswith("help stop the conflict.")
    removed = json.loads(cleaned["removed"].iloc[0])
    original = frame["text"].iloc[0]
    for item in removed:
        assert original[item["start"] : item["end"]] == item["text"] and item["why"]


def test_repeated_blocks_per_source(tmp_path):
    rows = [json.loads(line) for line in ROUNDUPS.read_text(encoding="utf-8").splitlines()][:6]
    stamp = "CLICK HERE TO GET THE FOX NEWS APP"  # a real Fox News line (article_bias_prediction)
    for i, row in enumerate(rows):
        row["source"] = "Fox News"
        row["text"] = (
            row["text"] + "\n\n" + stamp + (f"\n\nUpdated Oct {i + 1}, 2021" if i % 2 else "")
        )
    frame = pd.DataFrame(rows).rename(columns={"id": "doc_id"})
    patterns = learn_repeats(frame, min_repeats=3)
    assert signature(stamp) in patterns.by_source["Fox News"]
    assert signature("Updated Oct 9, 2021") in patterns.by_source["Fox News"]  # dates fold away
    summary = summarise(detect(frame))
    row = summary[summary["text"] == stamp].iloc[0]
    assert row["articles"] == 6 and "repeated in 6 articles of Fox News" in row["why"]


def test_patterns_round_trip_and_errors(tmp_path):
    frame = load([str(SAMPLE)]).frame
    patterns = Patterns({"The Moscow Times": {signature("Read more"): ("Read more", 40)}})
    path = tmp_path / "p.json"
    patterns.save(str(path))
    assert Patterns.load(str(path)).by_source == patterns.by_source
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        Patterns.load(str(tmp_path / "bad.json"))
    (tmp_path / "old.json").write_text(
        '{"corpuscli_boilerplate_patterns": 99, "sources": {}}', encoding="utf-8"
    )
    with pytest.raises(InputError, match="version"):
        Patterns.load(str(tmp_path / "old.json"))
    assert len(frame)


def test_blocks_offsets_and_removal():
    text = SEED_003.read_text(encoding="utf-8")
    for block in split_blocks(text):
        assert text[block.start : block.end] == block.text
    assert remove_blocks("a\n\nb\n\nc", {1}) == "a\n\nc"


def test_edge_cases():
    empty = detect(pd.DataFrame({"doc_id": ["e"], "source": ["s"], "text": ["   \n  "]}))
    assert empty.empty
    long_line = "word " * 20000
    verdicts = detect(pd.DataFrame({"doc_id": ["l"], "source": ["s"], "text": [long_line]}))
    assert not verdicts["boilerplate"].any()


def test_parallel_detection_equals_serial(monkeypatch):
    import corpuscli.boilerplate.detection as bp

    monkeypatch.setattr(bp, "_PART_DOCS", 5)
    frame = load([str(SAMPLE)]).frame
    pd.testing.assert_frame_equal(detect(frame, by="stance"), detect(frame, by="stance", jobs=2))


def test_cli_page_mode_reaches_detection(corpus, tmp_path):
    # whole-page mode marks more than repeated blocks: the CLI must pass --page on. A page: the
    # seed article followed by a list of other stories' headlines (real roundup titles)
    frame = load([str(SAMPLE)]).frame
    titles = frame["title"].dropna().head(12).tolist()
    page = SEED_003.read_text(encoding="utf-8") + "\n\nMore stories\n" + "\n".join(titles)
    tmp = tmp_path / "page.txt"
    tmp.write_text(page, encoding="utf-8")
    one = load([str(tmp)]).frame
    want = int(detect(one, page=True)["boilerplate"].sum())
    assert want > int(detect(one, page=False)["boilerplate"].sum())
    result = corpus("boilerplate", str(tmp), "--page", "--explain", "-f", "jsonl", "-q")
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert sum(bool(r["boilerplate"]) for r in rows) == want


def test_transcript_turns_are_not_button_labels():
    """Short turns of a transcript ("Hi.", "Good.") between speakers' names are the story, not a
    run of buttons; the seed's real button run ("Once", "Monthly", "Annual") still goes."""
    from tests.conftest import FIXTURES

    lines = (FIXTURES / "transcript_excerpt.txt").read_text(encoding="utf-8").splitlines()[2:]
    text = "\n\n".join(lines)
    frame = pd.DataFrame({"doc_id": ["t"], "source": ["New York Times"], "text": [text]})
    verdicts = detect(frame)
    assert not verdicts["boilerplate"].any(), verdicts[verdicts["boilerplate"]]["text"].tolist()
    seed = detect(load([str(SEED_003)]).frame)
    removed = set(seed.loc[seed["boilerplate"], "text"])
    assert {"Once", "Monthly", "Annual"} <= removed
