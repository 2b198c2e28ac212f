"""Families of furniture on real lines of the AllSides corpus (tests/fixtures/
boilerplate_families.json): each found in its paragraphs and named; the story's own lists, notes
and quotes kept; near repeats learned; page mode keeping a story a sidebar outweighs."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli import load
from corpuscli.boilerplate.detection import VERDICT_COLUMNS, Patterns, detect, learn_repeats
from corpuscli.boilerplate.evidence import FAMILIES
from corpuscli.boilerplate.vocabulary import compile_lexicon, lexicon
from tests.boilerplate.cases import assert_found_between_paragraphs, frame
from tests.conftest import FIXTURES, SEED_003

DATA = json.loads((FIXTURES / "boilerplate_families.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", DATA["families"], ids=lambda c: f"{c['family']}-{c['doc_id']}")
def test_each_family_is_found_between_its_paragraphs(case):
    assert_found_between_paragraphs(case)


def test_verdicts_name_a_family_for_every_removal_and_keep_the_old_columns():
    verdicts = detect(load([str(SEED_003)]).frame)
    assert tuple(verdicts.columns) == VERDICT_COLUMNS
    assert VERDICT_COLUMNS[:10] == ("doc_id", "source", "block", "start", "end", "text",
                                    "boilerplate", "score", "why", "where")  # fmt: skip
    removed = verdicts[verdicts["boilerplate"]]
    assert removed["family"].isin(FAMILIES).all() and (removed["family"] != "").all()
    assert (verdicts.loc[~verdicts["boilerplate"], "family"] == "").all()
    assert set(removed["family"]) >= {"newsletter_donation", "credit"}


def test_a_list_the_story_introduces_is_the_story():
    lines = DATA["story_list"]["lines"]
    paragraph = DATA["families"][0]["lines"][0]
    verdicts = detect(frame("\n\n".join([paragraph, *lines, paragraph + " Again."])))
    assert not verdicts["boilerplate"].any(), verdicts[verdicts["boilerplate"]]["text"].tolist()


def test_the_same_short_lines_without_an_introduction_are_button_labels():
    # the seed's donation buttons ("Once", "Monthly", "Annual") still go
    verdicts = detect(load([str(SEED_003)]).frame)
    assert {"Once", "Monthly", "Annual"} <= set(verdicts.loc[verdicts["boilerplate"], "text"])


def test_an_editors_update_note_is_kept_even_when_the_outlet_repeats_it():
    story = DATA["families"][0]["lines"][0]
    texts = [f"Updated at 5:2{k} p.m. ET\n\n{story} ({k})" for k in range(6)]
    verdicts = detect(frame(*texts))
    notes = verdicts[verdicts["text"].str.startswith("Updated at")]
    assert "repeated in" in notes["why"].iloc[0]
    assert not notes["boilerplate"].any()


def test_a_near_repeat_whose_changing_part_is_a_headline_is_learned():
    # real USA TODAY section teasers ("POLICING THE USA: <headline>") with another headline each
    heads = [case["lines"][1] for case in DATA["families"] if case["family"] == "teaser"]
    story = DATA["families"][6]["lines"][0]
    labelled = [f"{story}\n\nPOLICING THE USA: {h.split(':')[-1].strip().title()}\n\n{story}"
                for h in [*heads, "Abolish ICE goes mainstream", "Conyers won't seek re-election"]]  # fmt: skip
    alone = detect(frame(labelled[0]))
    assert not alone["boilerplate"].any()  # one article: nothing to learn from
    verdicts = detect(frame(*labelled))
    teasers = verdicts[verdicts["text"].str.startswith("POLICING THE USA")]
    assert teasers["boilerplate"].all() and (teasers["family"] == "teaser").all()
    assert "repeated in" in teasers["why"].iloc[0]
    patterns = learn_repeats(frame(*labelled))
    assert any(sig.startswith("⟨label⟩ policing the usa") for sig in patterns.by_source["Outlet"])


def test_learned_templates_survive_a_patterns_file(tmp_path):
    patterns = Patterns({"Outlet": {"⟨label⟩ policing the usa": ("POLICING THE USA: X", 9)}})
    path = tmp_path / "p.json"
    patterns.save(str(path))
    loaded = Patterns.load(str(path))
    story = DATA["families"][6]["lines"][0]
    text = f"{story}\n\nPOLICING THE USA: A look at race, justice, media\n\n{story}"
    verdicts = detect(frame(text), patterns=loaded, learn=False)
    assert verdicts["boilerplate"].tolist() == [False, True, False]


def test_the_headline_repeated_at_the_head_goes_when_the_outlet_does_it_always():
    story = DATA["families"][6]["lines"][0]
    titles = [" ".join(case["lines"][2].split()[:9]) for case in DATA["families"][:6]]
    texts = [f"{title}\n\n{story} ({k})" for k, title in enumerate(titles)]
    verdicts = detect(frame(*texts, titles=titles))
    heads = verdicts[verdicts["block"] == 0]
    assert heads["boilerplate"].all() and (heads["family"] == "navigation").all()
    # a plain-text file's title is its own first line: no repeat of anything
    seed = detect(load([str(SEED_003)]).frame)
    assert not seed.loc[seed["text"].str.startswith("Russia ‘Open’"), "boilerplate"].any()


def test_page_mode_keeps_the_story_when_a_teaser_sidebar_and_comments_are_longer():
    seed = detect(load([str(SEED_003)]).frame)
    story = seed.loc[~seed["boilerplate"], "text"].tolist()
    paragraphs = [p for p in story if len(p.split()) > 20]
    teasers = []
    for case in DATA["families"]:  # a title, then a one-sentence description: three dozen times
        teasers += [case["lines"][1][:70].rstrip(" .") + " today", case["lines"][0][:200] + "."]
    teasers = (teasers * 3)[:72]
    comments = ["Top Rated Comments"] + [p + " I agree." for p in paragraphs for _ in range(3)]
    page = "\n".join(["Menu", "Home", "World", *paragraphs, *comments, *teasers])
    verdicts = detect(frame(page), page=True)
    kept = verdicts.loc[~verdicts["boilerplate"], "text"].tolist()
    assert kept[: len(paragraphs)] == paragraphs
    assert not any(t.endswith("I agree.") for t in kept)
    assert not set(teasers) & set(kept)


def test_page_mode_counts_cjk_text_by_its_characters():
    # a real Japanese blog paragraph (Scrapinghub benchmark, note100yen.com), as a page's story
    sentence = "特に困ったのが、起動ショートカットキーに関する設定。"
    page = "\n".join(["Home", "Menu", *(sentence * (k + 2) for k in range(6)), "Share", "Tweet"])
    verdicts = detect(frame(page), page=True)
    assert verdicts.loc[verdicts["text"].str.contains("特に"), "boilerplate"].eq(False).all()


def test_vocabularies_load_and_match_on_word_boundaries():
    teaser = lexicon("teaser_labels")
    assert teaser.start("Read more", ["read", "more"]).group(0) == "Read more"
    assert lexicon("social").search("Share this story", frozenset(["share", "this", "story"]))
    assert lexicon("legal").search("cookiesandcream", frozenset(["cookiesandcream"])) is None
    gap = compile_lexicon("t", ["also on …"])
    assert gap.search("( Also on POLITICO: X)", frozenset(["also", "on", "politico", "x"]))
    with pytest.raises(ValueError, match="does not start with a word"):
        compile_lexicon("bad", ["© 2020"])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"aA bB:(),.-–—/|@#'\"“”0123456789\n", "Photo", "More", "日本"]),
        max_size=1500,
    ).map("".join)
)
def test_rules_take_linear_time_on_generated_text(text):
    """No rule backtracks catastrophically: any text of 3,000 characters is judged quickly (a
    generous bound, far above the milliseconds it takes)."""
    start = time.perf_counter()
    detect(frame(text))
    detect(frame(text), page=True)
    assert time.perf_counter() - start < 5.0
