"""compare --naming: names two groups use for one thing, found from passages they share."""

import json
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli import load
from corpuscli.analysis.naming import COLUMNS, naming_differences, read_aliases
from corpuscli.errors import InputError, NotFound, NothingToAnalyse, UsageError
from tests.conftest import ROUNDUPS, SAMPLE, SEED_000, SEED_003, bounded


def _two_sides(texts_a: list[str], texts_b: list[str]) -> pd.DataFrame:
    rows = [("a", t) for t in texts_a] + [("b", t) for t in texts_b]
    return pd.DataFrame(
        {"doc_id": [f"d{i}" for i in range(len(rows))], "side": [s for s, _ in rows],
         "text": [t for _, t in rows]}
    )  # fmt: skip


def test_names_one_side_uses_are_found_without_hints():
    """Seed 003 as one side writes it, and as the other side would: Shushi for Shusha, Artsakh
    for Nagorno-Karabakh throughout, "Armenian-occupied" for "Armenia-controlled" districts."""
    own = SEED_003.read_text(encoding="utf-8")
    other = (
        own.replace("city of Shusha", "city of Shushi")
        .replace("Nagorno-Karabakh", "Artsakh")
        .replace("The Armenia-controlled districts", "The Armenian-occupied districts")
    )
    table = naming_differences(_two_sides([own], [other]), by="side", a="a", b="b")
    assert list(table.columns) == list(COLUMNS)
    pairs = {(r.term_a, r.term_b): r for r in table.itertuples()}
    assert ("shusha", "shushi") in pairs and ("nagorno-karabakh", "artsakh") in pairs
    assert ("armenia-controlled", "armenian-occupied") in pairs
    row = pairs[("shusha", "shushi")]
    # side a writes Shusha once and Shushi once (in the quote); side b Shushi twice
    assert (row.a_in_A, row.a_in_B, row.b_in_A, row.b_in_B) == (1, 0, 1, 2)
    assert "city of Shusha" in row.example_a and "city of Shushi" in row.example_b
    assert row.basis == "aligned" and row.swaps >= 1


def test_a_word_both_sides_use_is_no_naming_difference():
    own = SEED_000.read_text(encoding="utf-8")
    # "said" for "insisted": a reporting verb, not a name; both sides keep writing both
    other = own.replace("he insisted", "he said")
    with pytest.raises(NotFound, match="no naming differences"):
        naming_differences(_two_sides([own], [other]), by="side", a="a", b="b")


def test_declared_aliases_with_counts(tmp_path):
    aliases = tmp_path / "pairs.txt"
    aliases.write_text(
        "# known\noccupied by Armenia = Armenia-held\nNagorno-Karabakh\tArtsakh\n", encoding="utf-8"
    )
    frame = load([str(SEED_000), str(SEED_003)], manifest=str(SAMPLE / "manifest.csv")).frame
    table = naming_differences(
        frame, a="Anatolia Today", b="The Moscow Times", aliases=str(aliases)
    )
    first = table.iloc[0]
    assert (first["term_a"], first["term_b"], first["basis"]) == (
        "occupied by armenia",
        "armenia-held",
        "declared",
    )
    assert (first["a_in_A"], first["b_in_B"]) == (2, 1)
    second = table.iloc[1]
    assert (second["term_a"], second["term_b"]) == ("nagorno-karabakh", "artsakh")
    # six times in the Moscow Times, one of them "Nagorno-Karabakh." at a sentence's end
    assert second["b_in_B"] == 1 and second["a_in_B"] == 6


def test_roundups_give_no_noise():
    """The left and the right roundups of the sample tell a dozen stories in their own words and
    share no passage that swaps a name: what is listed is abbreviations spelled out more often
    by one side (it once listed "guatemalan" / "guatemala" and "mr" / "russian president
    vladimir"); with the thresholds down, still no reworded verb."""
    frame = load([str(SAMPLE)], manifest=str(SAMPLE / "manifest.csv")).frame
    table = naming_differences(frame, by="stance", a="left", b="right")
    assert set(table["basis"]) == {"abbreviation"}
    assert ("centers for disease control", "cdc") in set(
        zip(table["term_a"], table["term_b"], strict=True)
    )
    table = naming_differences(frame, by="stance", a="left", b="right", min_overlap=0.0)
    words = {w for t in table["term_a"].tolist() + table["term_b"].tolist() for w in t.split()}
    assert not words & {"said", "says", "stressed", "notes", "the", "and", "mr", "guatemala"}
    assert (table["preference"] >= 0.5).all()
    assert ((table["swaps"] >= 1) | (table["basis"] == "abbreviation")).all()


def test_alias_file_and_group_errors(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("only-one-term\n", encoding="utf-8")
    with pytest.raises(InputError, match="two terms"):
        read_aliases(str(bad))
    frame = load([str(SAMPLE)]).frame
    with pytest.raises(UsageError, match="did you mean"):
        naming_differences(frame, by="stance", a="centre", b="left")
    with pytest.raises(UsageError, match="two different groups"):
        naming_differences(frame, by="stance", a="left", b="left")


def test_cli(corpus, tmp_path):
    own = SEED_003.read_text(encoding="utf-8")
    for side, text in (("a", own), ("b", own.replace("city of Shusha", "city of Shushi"))):
        (tmp_path / side).mkdir()
        (tmp_path / side / "003.txt").write_text(text, encoding="utf-8")
    result = corpus(
        "compare", str(tmp_path), "--naming", "--target", "a", "--reference", "b", "-f", "tsv",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("term_a\tterm_b\ta_in_A\ta_in_B\tb_in_A\tb_in_B\tswaps")
    assert "\nshusha\tshushi\t" in result.stdout
    none = corpus(
        "compare", str(SEED_000), str(SEED_003), "--manifest", str(SAMPLE / "manifest.csv"),
        "--naming", "--target", "Anatolia Today", "--reference", "The Moscow Times",
    )  # fmt: skip
    assert none.exit_code == 3 and "no naming differences" in none.stderr


_PIECES = st.sampled_from(
    [
        *"ab .,’-\n",
        "the city of ",
        "Shusha",
        "Shushi",
        " said ",
        "North Korean ",
        "leader ",
        "of the ",
    ]
)


@settings(max_examples=40, deadline=None)
@given(st.lists(_PIECES, max_size=120).map("".join), st.lists(_PIECES, max_size=120).map("".join))
def test_any_text_gives_pairs_or_a_clear_error(text_a, text_b):
    with bounded(60):
        try:
            table = naming_differences(_two_sides([text_a], [text_b]), by="side", a="a", b="b")
        except (NothingToAnalyse, NotFound, UsageError):
            return
        assert list(table.columns) == list(COLUMNS) and (table["swaps"] >= 1).all()


def test_a_common_word_spelled_two_ways_is_no_name_but_a_name_spelled_two_ways_is():
    own = SEED_003.read_text(encoding="utf-8")
    # British and American spelling of one verb: no naming difference
    other = own.replace("recognizes", "recognises")
    with pytest.raises(NotFound):
        naming_differences(_two_sides([own], [other]), by="side", a="a", b="b")
    # one letter apart, but a name: Shusha / Shushi is what the command is for
    other = own.replace("city of Shusha", "city of Shushi")
    table = naming_differences(_two_sides([own], [other]), by="side", a="a", b="b")
    assert ("shusha", "shushi") in set(zip(table["term_a"], table["term_b"], strict=True))


def test_an_abbreviation_against_the_name_in_full():
    """One side writes "CDC" where the other spells the name out: a pair found without an
    aligned passage, with the sentences that show each side's way. The Daily Wire's roundup
    as it is (it defines the abbreviation, then uses it) against the same text written out."""
    rows = [json.loads(line) for line in ROUNDUPS.read_text(encoding="utf-8").splitlines()]
    own = next(r["text"] for r in rows if r["id"] == "5828_right")
    full = "Centers for Disease Control and Prevention"
    other = own.replace(f"{full} (CDC)", full).replace("CDC", full)
    table = naming_differences(_two_sides([own], [other]), by="side", a="a", b="b")
    row = table.iloc[0]
    assert (row["term_a"], row["term_b"]) == ("cdc", "centers for disease control")
    assert row["basis"] == "abbreviation" and row["swaps"] == 0
    assert (row["a_in_A"], row["a_in_B"], row["b_in_A"]) == (3, 0, 1)
    assert "CDC" in row["example_a"] and full in row["example_b"]
    # written with dots in one article of the side and without in another: one row, counted
    # both ways
    dotted = own.replace("CDC", "C.D.C.")
    table = naming_differences(_two_sides([own, dotted], [other]), by="side", a="a", b="b")
    rows = table[table["term_b"] == "centers for disease control"]
    assert len(rows) == 1 and rows.iloc[0]["term_a"] in ("cdc", "c.d.c.")
    assert rows.iloc[0]["a_in_A"] == 6
    # no article defines it, but the two sentences are one statement: still the pair
    undefined = own.replace(f"{full} (CDC)", "agency")
    table = naming_differences(_two_sides([undefined], [other]), by="side", a="a", b="b")
    assert ("cdc", "centers for disease control") in set(
        zip(table["term_a"], table["term_b"], strict=True)
    )
    # initials that only happen to match are no pair: no article writes the name, then the
    # abbreviation, and the name stands in a sentence of its own
    apart = undefined.replace("CDC", "agency") + f"\n\nShe once worked at the {full}."
    with pytest.raises(NotFound):
        naming_differences(_two_sides([undefined], [apart]), by="side", a="a", b="b")


def test_an_abbreviation_is_counted_with_and_without_dots_but_never_as_a_word(tmp_path):
    """ "D.N.C." and "DNC" are one way of naming; "U.S." (and "US" amid lower-case words) is
    not the pronoun "us"."""
    aliases = tmp_path / "pairs.txt"
    aliases.write_text("u.s. = united states\n", encoding="utf-8")
    frame = load([str(ROUNDUPS)]).frame
    table = naming_differences(
        frame, by="stance", a="left", b="right", aliases=str(aliases), top=None
    )
    row = table.iloc[0]
    left = " ".join(frame.loc[frame["stance"] == "left", "text"])
    dotted = len(re.findall(r"\bU\.S\.(?![\w-])", left))
    assert row["a_in_A"] == dotted + len(re.findall(r"\bUS\b", left))
    assert " us " in left.lower()  # the pronoun is there, and not counted
    own = SEED_003.read_text(encoding="utf-8").replace("TASS", "T.A.S.S.", 1)
    aliases.write_text("tass = itar\n", encoding="utf-8")
    table = naming_differences(
        _two_sides([own], [own]), by="side", a="a", b="b", aliases=str(aliases)
    )
    assert table.iloc[0]["a_in_A"] == own.count("TASS") + own.count("T.A.S.S.")


def test_a_swap_outside_a_shared_passage_counts_only_when_each_side_keeps_to_its_name():
    """With ``min_exclusive``, a swap whose sentences share too little still counts when each
    group writes its own term at least that often and the other's never: Artsakh for
    Nagorno-Karabakh throughout (side a's one "Artsakh" made its own name too); Shushi, which
    side a quotes once, does not."""
    seed = SEED_003.read_text(encoding="utf-8")
    assert seed.count("Artsakh") == 1
    own = seed.replace("Artsakh", "Nagorno-Karabakh")
    other = own.replace("city of Shusha", "city of Shushi").replace("Nagorno-Karabakh", "Artsakh")
    frame = _two_sides([own], [other])
    # no passage counts as shared: only the exclusive rule can find a pair
    with pytest.raises(NotFound):
        naming_differences(frame, by="side", a="a", b="b", min_overlap=1.01)
    table = naming_differences(frame, by="side", a="a", b="b", min_overlap=1.01, min_exclusive=2)
    pairs = {(r.term_a, r.term_b): r for r in table.itertuples()}
    row = pairs[("nagorno-karabakh", "artsakh")]
    assert row.basis == "exclusive" and row.b_in_A == row.a_in_B == 0
    assert row.a_in_A >= 2 and row.b_in_B >= 2 and row.example_a and row.example_b
    assert ("shusha", "shushi") not in pairs
    assert set(table["basis"]) == {"exclusive"}


def test_a_word_before_a_common_noun_counts_only_when_each_side_keeps_to_its_own():
    """ "the deadly ethnic clashes" / "the violent ethnic clashes" once on each side describes
    the clashes; written so by each side throughout (as "the occupied territories" / "the
    liberated territories"), it is a naming difference."""
    own = SEED_003.read_text(encoding="utf-8")
    other = own.replace("the deadly ethnic clashes", "the violent ethnic clashes")
    with pytest.raises(NotFound):
        naming_differences(_two_sides([own], [other]), by="side", a="a", b="b")
    table = naming_differences(_two_sides([own], [other]), by="side", a="a", b="b", min_modifier=0)
    assert ("deadly", "violent") in set(zip(table["term_a"], table["term_b"], strict=True))
    table = naming_differences(_two_sides([own, own], [other, other]), by="side", a="a", b="b")
    assert ("deadly", "violent") in set(zip(table["term_a"], table["term_b"], strict=True))


@pytest.mark.parametrize(
    ("own", "other", "overlap"),
    [
        # BASIL, a Fox News and a HuffPost sentence: a verb followed by its object
        (
            "Trump accused Obama of conducting a confusing policy on the civil war in Libya.",
            "He accused Obama of carrying out a confusing policy on the civil war in Libya.",
            0.4,
        ),
        # BASIL, HuffPost and The New York Times: a verb after its auxiliary
        (
            "Donald Trump has announced Tuesday that he is pulling out of his own debate.",
            "Mr. Trump's statement on Tuesday that he was bowing out of the Newsmax debate.",
            0.0,
        ),
    ],
)
def test_a_run_trimmed_of_small_words_keeps_its_place_in_the_sentence(own, other, overlap):
    """A swap trimmed of its stopwords is read where its terms stand: after "is" / "was", or
    before "a", is a verb's place, not a name's."""
    frame = _two_sides([own], [other])
    try:
        table = naming_differences(frame, by="side", a="a", b="b", min_overlap=overlap)
    except NotFound:
        return
    terms = set(table["term_a"]) | set(table["term_b"])
    assert not terms & {"conducting", "carrying", "pulling", "bowing"}


def test_an_abbreviation_stands_for_one_name_in_full():
    """Two names with the initials of one abbreviation written before it ("RNC": the
    Republican National Convention, then the Republican National Committee (RNC)): the
    abbreviation is the nearer one, the one the article defines, not both."""
    rows = [json.loads(line) for line in ROUNDUPS.read_text(encoding="utf-8").splitlines()]
    own = next(r["text"] for r in rows if r["id"] == "5828_right")
    full = "Centers for Disease Control and Prevention"
    own = "Officials of the County Drug Court were not consulted. " + own
    other = own.replace(f"{full} (CDC)", full).replace("CDC", full)
    table = naming_differences(_two_sides([own], [other]), by="side", a="a", b="b", top=None)
    pairs = set(zip(table["term_a"], table["term_b"], strict=True))
    assert ("cdc", "centers for disease control") in pairs
    assert ("cdc", "county drug court") not in pairs


def test_two_outlets_describe_one_person_each_their_own_way():
    """No sentence shared, but each side describes Putin its own way where it names him ("the
    Russian president" / "the Kremlin leader"): a pair found from the descriptions, with a
    sentence of each side; seen in one pair of articles only, it is not enough."""
    own = SEED_003.read_text(encoding="utf-8")
    said = "President Vladimir Putin said Thursday"
    assert said in own
    mine = own.replace(said, "said Vladimir Putin, the Russian president, on Thursday")
    theirs = own.replace(said, "said Vladimir Putin, the Kremlin leader, on Thursday")
    table = naming_differences(_two_sides([mine, mine], [theirs, theirs]), by="side", a="a", b="b")
    row = table.set_index(["term_a", "term_b"]).loc[("president", "leader")]
    assert row["basis"] == "described" and row["swaps"] >= 2
    assert "Russian president" in row["example_a"] and "Kremlin leader" in row["example_b"]
    with pytest.raises(NotFound):
        naming_differences(_two_sides([mine], [theirs]), by="side", a="a", b="b")
    # both sides describing him alike is no pair
    with pytest.raises(NotFound):
        naming_differences(_two_sides([mine, mine], [mine, mine]), by="side", a="a", b="b")


def _counted(tmp_path, pair: str, text_a: str, text_b: str) -> tuple[int, int]:
    """How often side a writes each term of a declared pair (``a_in_A``, ``b_in_A``)."""
    aliases = tmp_path / "pairs.txt"
    aliases.write_text(f"{pair}\n", encoding="utf-8")
    table = naming_differences(
        _two_sides([text_a], [text_b]), by="side", a="a", b="b", aliases=str(aliases)
    )
    row = table.iloc[0]
    return int(row["a_in_A"]), int(row["b_in_A"])


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("He said he would NOT resign over the report.", "not"),
        ("The senator said ALL of them had voted.", "all"),
        ("Voters said NO to the plan on Tuesday.", "no"),
        ("He shouted I AM\nthe law at the crowd.", "am"),
    ],
)
def test_a_stopword_in_capitals_for_emphasis_is_the_word(tmp_path, text, word):
    """Capitals that stress a word ("he would NOT resign") abbreviate nothing: the word is
    counted as itself, not as "n.o.t.". Only stopwords that are also abbreviations ("US",
    "WHO", data/naming_slots.toml) are read as the abbreviation."""
    assert _counted(tmp_path, f"{word} = ballot", text, "A ballot was cast.") == (1, 0)


def test_an_abbreviation_that_is_a_stopword_reads_its_own_line(tmp_path):
    """ "US" under a heading in capitals is still the abbreviation: its neighbours are the words
    of its own line; the heading's "US" (a line of capitals) stays the pronoun."""
    text = "WHAT IT MEANS FOR US\nThe US economy grew and the WHO said so."
    assert _counted(tmp_path, "u.s. = united states", text, "The economy grew.") == (1, 0)
    assert _counted(tmp_path, "us = united states", text, "The economy grew.") == (1, 0)
    assert _counted(tmp_path, "w.h.o. = world health", text, "The economy grew.") == (1, 0)
