import pandas as pd
import pytest

from corpuscli import load
from corpuscli.analysis.naming import naming_differences, read_aliases
from corpuscli.errors import InputError, UsageError
from tests.conftest import SAMPLE, SEED_000, SEED_003

# Two real paragraphs of seed 003: the outlet's own voice, and an Armenian official's quote.
OWN_VOICE = (
    "He spoke as Nagorno-Karabakh president Arayik Harutyunyan warned that Azeri forces were closing "
    "in on the unrecognized republic’s second-largest city of Shusha, which would mark a turning point "
    "in the month of fighting."
)
QUOTE = '“Whoever controls Shushi controls Artsakh," he said, using the Armenian names for the town and Nagorno-Karabakh.'


def test_spelling_variants_of_names():
    frame = pd.DataFrame(
        {"doc_id": ["a", "b"], "source": ["own", "quote"], "text": [OWN_VOICE, QUOTE]}
    )
    table = naming_differences(frame, a="own", b="quote", min_count=1, p=1.0, min_log_ratio=0.0)
    row = table[(table["term_a"] == "shusha") & (table["term_b"] == "shushi")].iloc[0]
    assert row["basis"] == "spelling"
    assert (row["a_in_A"], row["a_in_B"], row["b_in_A"], row["b_in_B"]) == (1, 0, 0, 1)


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


def test_alias_file_errors(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("only-one-term\n", encoding="utf-8")
    with pytest.raises(InputError, match="two terms"):
        read_aliases(str(bad))
    frame = load([str(SAMPLE)]).frame
    with pytest.raises(UsageError, match="did you mean"):
        naming_differences(frame, by="stance", a="centre", b="left")
