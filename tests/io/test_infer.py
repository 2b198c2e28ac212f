import pytest

from corpuscli.io.infer import infer_source, infer_title, is_tag_line, skip_reason
from tests.conftest import SEED_000, SEED_003


def test_seed_titles_skip_tag_line_and_banner():
    assert infer_title(SEED_000.read_text(encoding="utf-8")) == (
        "Putin explains Russia’s position on Karabakh’s conflict"
    )
    assert infer_title(SEED_003.read_text(encoding="utf-8")) == (
        "Russia ‘Open’ to Return of Armenia-Held Land to Azerbaijan – Putin"
    )


def test_seed_sources_from_banner_lines():
    assert infer_source(SEED_003.read_text(encoding="utf-8")) == "The Moscow Times"
    assert infer_source(SEED_000.read_text(encoding="utf-8")) is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Russia, Vladimir Putin", "tag line"),
        ("World | Europe", "tag line"),
        ("Support The Moscow Times!", "banner"),
        ("Advertisement", "banner"),
        ("By Jane Doe", "byline"),
        ("October 30, 2020", "date"),
        ("Stanislav Krasilnikov / TASS", "credit"),
        ("Putin explains Russia’s position on Karabakh’s conflict", None),
    ],
)
def test_skip_reasons(line, reason):
    assert skip_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Russia, Vladimir Putin", "World | Europe", "Support, Donate", "By Jane, Doe",
        "Oct 9, 2021", "Stanislav Krasilnikov / TASS", "Politics, Elections.", "A, B, C, D, E",
        "Putin explains Russia’s position on Karabakh’s conflict", "", "Home / News / World",
    ],
)  # fmt: skip
def test_is_tag_line_is_the_skip_reason(line):
    assert is_tag_line(line) == (skip_reason(line) == "tag line")


def test_markdown_heading_is_a_title():
    assert infer_title("# Biden Defends Afghanistan Pullout Amid Criticism\n\nBody.") == (
        "Biden Defends Afghanistan Pullout Amid Criticism"
    )


def test_no_title_when_only_a_long_paragraph():
    para = " ".join(["word"] * 80)
    assert infer_title(para) is None


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Body.\n\nCopyright © 2019 The Washington Times, LLC. Click here for reprint permission.",
            "The Washington Times",
        ),
        (
            "Body.\n\nCLICK HERE TO GET THE FOX NEWS APP\n\nMore.\n\nGet the Fox News app",
            "Fox News",
        ),
        ("Body.\n\nSupport us!\n\nSupport local journalism.", None),
    ],
)
def test_banner_sources(text, source):
    assert infer_source(text) == source
