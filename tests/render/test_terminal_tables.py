"""Tables drawn at a terminal of 80 and 120 columns hide no data: every column keeps a readable
header, numbers are never cut, text wraps rather than vanishes, a table too wide for its
minimums becomes records, control characters are shown as escapes, and a table longer than the
screen stops after a screenful with a line saying how many rows follow (#18)."""

from __future__ import annotations

import io
import re
from collections import Counter

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from corpuscli.api.corpus import stats
from corpuscli.api.terms import kwic, terms
from corpuscli.render.emit import MORE_ROWS, emit
from corpuscli.render.frames import cell_text
from corpuscli.render.widths import TEXT_MIN, Column, header_lines, header_minimum, layout
from corpuscli.results import Table
from tests.conftest import ROUNDUPS, SAMPLE, SEED_000, SEED_003
from tests.terminal import needs_pty, run_at_terminal

WIDTHS = (80, 120)


def drawn(table: Table, width: int, monkeypatch, *, height: int = 1000, all_rows=True) -> str:
    """The table as ``emit`` draws it at a terminal ``width`` x ``height``."""
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("LINES", str(height))
    out = io.StringIO()
    emit(table, "table", stdout=out, terminal=True, all_rows=all_rows)
    text = out.getvalue()
    assert all(cell_len(line) <= width for line in text.splitlines()), text
    return text


def numbers_whole(text: str, frame: pd.DataFrame) -> None:
    """Every value of every number column appears whole (not cut, not wrapped)."""
    for col in frame.columns:
        if pd.api.types.is_numeric_dtype(frame[col]):
            for value in frame[col].tolist():
                shown = cell_text(value)
                assert re.search(rf"(?<![\d,.]){re.escape(shown)}(?![\d,.])", text), (col, shown)


def headers_readable(text: str, frame: pd.DataFrame) -> None:
    """Every header shows, on one line or broken between its pieces (after _ or -, at spaces)."""
    flat = re.sub(r"\s+", "", text)
    for col in frame.columns:
        assert re.sub(r"\s+", "", str(col)) in flat or _broken_header_shown(text, str(col)), col


def _broken_header_shown(text: str, header: str) -> bool:
    lines = [line.split() for line in text.splitlines()]
    pieces = [p.strip() for p in re.findall(r"[^\s_-]*[_-]+|[^\s_-]+\s*", header)]
    return all(any(p in words for words in lines) for p in pieces if p)


@pytest.fixture(scope="module")
def sample_stats() -> tuple[Table, Table]:
    return stats(SAMPLE), stats(SAMPLE, by="source")


@pytest.mark.parametrize("width", WIDTHS)
def test_stats_shows_every_column_and_whole_numbers(width, sample_stats, monkeypatch):
    for table in sample_stats:
        text = drawn(table, width, monkeypatch)
        numbers_whole(text, table.frame)
        headers_readable(text, table.frame)
        assert "…" not in text
    overall = drawn(sample_stats[0], width, monkeypatch)
    words = cell_text(sample_stats[0].frame["words"].tolist()[0])
    assert words in overall and "words" in overall


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("sort", ["position", "right"])
def test_kwic_keeps_the_match(width, sort, monkeypatch):
    table = kwic(SAMPLE, "Karabakh", sort=sort)
    text = drawn(table, width, monkeypatch)
    assert re.search(r"\bmatch\b", text)
    lines = [[c.strip() for c in line.split("│")] for line in text.splitlines() if "│" in line]
    firsts = [cells for cells in lines if cells[2]]  # a row's first line has its start offset
    assert len(firsts) == len(table.frame)
    for cells, match in zip(firsts, table.frame["match"], strict=True):
        assert cells[5] == match  # whole, on the row's first line, beside its contexts
        assert cells[4] and cells[6]
    assert all(not cells[4] and not cells[6] for cells in lines if not cells[2])  # clipped
    numbers_whole(text, table.frame)


@pytest.mark.parametrize("width", WIDTHS)
def test_terms_by_source_shows_whole_counts(width, monkeypatch):
    from corpuscli.analysis.terms import wide_table

    for outlets in (("Reuters", "BBC News", "The Moscow Times"), ()):  # a table; records
        long = terms(SAMPLE, by="source", top=8) if not outlets else None
        if outlets:
            from corpuscli.engine.source import Source

            long = terms(Source(paths=(str(SAMPLE),), sources=outlets), by="source", top=8)
        table = Table(wide_table(long.frame, "source"), "terms")
        text = drawn(table, width, monkeypatch)
        shown = Counter(re.findall(r"\(([\d,]+)\)", text))
        cells = [c for col in table.frame.columns[1:] for c in table.frame[col] if c]
        assert shown == Counter(re.findall(r"\(([\d,]+)\)", " ".join(cells)))
        headers_readable(text, table.frame)
        assert "…" not in text


@pytest.mark.parametrize("width", WIDTHS)
def test_search_keeps_source_and_score(width, monkeypatch):
    """A store's search results: source and score shown, scores whole, published as a date."""
    frame = pd.DataFrame(
        {
            "doc_id": ["5948_center", "5948_right"],
            "source": ["Wall Street Journal (News)", "Fox News (Online News)"],
            "published": ["2021-06-16T00:00:00+00:00", "2021-06-16T00:00:00+00:00"],
            "title": [
                "Biden, Putin Discuss Prickly Issues During First Summit",
                "Biden calls tone of Putin meeting 'positive,' says he made 'no threats'",
            ],
            "snippet": [
                "…and Russia during a summit with President Vladimir [Putin], including Moscow’s…",
                '…None," Biden said, noting that he and [Putin] "share a unique responsibility…',
            ],
            "score": [2.2476222300108817, 2.2198488544017803],
        }
    )
    text = drawn(Table(frame, "search: putin"), width, monkeypatch)
    assert re.search(r"\bsource\b", text) and re.search(r"\bscore\b", text)
    numbers_whole(text, frame)
    assert "2021-06-16" in text and "2021-06-16T0" not in text
    for word in ("Wall", "Street", "Journal", "Fox", "summit", "Vladimir"):
        assert word in text


def test_the_real_search_command_at_a_terminal(tmp_path, monkeypatch, corpus):
    store = tmp_path / "news.db"
    assert corpus("ingest", str(ROUNDUPS), "--store", str(store), "-q").exit_code == 0
    from corpuscli.store import db

    con = db.connect(str(store))
    try:
        frame = db.search(con, "putin")
    finally:
        con.close()
    for width in WIDTHS:
        text = drawn(Table(frame, "search: putin"), width, monkeypatch)
        assert re.search(r"\bsource\b", text) and re.search(r"\bscore\b", text)
        numbers_whole(text, frame)


def test_control_characters_are_shown_as_escapes(monkeypatch):
    frame = pd.DataFrame(
        {"title": ["clear\x1b[2Jscreen", "over\rwrite", "bell\x07"], "n": [1, 2, 3]}
    )
    text = drawn(Table(frame, "t\x1b]0;owned\x07"), 80, monkeypatch)
    assert "\x1b[2J" not in text and "\r" not in text and "\x07" not in text
    assert "clear\\x1b[2Jscreen" in text and "over\\rwrite" in text and "bell\\x07" in text


def test_too_wide_for_the_minimums_becomes_records(monkeypatch):
    frame = pd.DataFrame({f"column_{i}": [i * 1_000_003] for i in range(12)})
    text = drawn(Table(frame, "wide"), 80, monkeypatch)
    assert "─[ row 1 ]" in text
    numbers_whole(text, frame)
    for col in frame.columns:
        assert re.search(rf"^{col}\s+[\d,]+\s*$", text, re.MULTILINE)


def test_a_record_at_a_narrow_terminal_breaks_field_names_between_their_pieces(monkeypatch):
    """`corpus stats --by source` at 40 columns draws records; the names' column was a third of
    the width and folded the names mid-word ("distinct_word" / "s", "first_publish" / "ed").
    A name breaks after `_` or `-` as a table header does, never inside a piece."""
    table = stats(str(SAMPLE), by="source")
    text = drawn(table, 40, monkeypatch)
    assert "─[ row 1 ]" in text
    assert re.search(r"^distinct_ +\d", text, re.MULTILINE), text
    assert re.search(r"^words\s*$", text, re.MULTILINE)
    assert re.search(r"^first_\s", text, re.MULTILINE)
    assert re.search(r"^published\s*$", text, re.MULTILINE)
    assert not re.search(r"^(distinct_word|first_publish|last_publishe)\b", text, re.MULTILINE)


def test_layout_respects_minimums_and_the_width():
    cols = [
        Column("doc_id", ("000_dceb8f66d6ffd2f1",)),
        Column("distinct_words", ("1,388",), "number"),
        Column("title", ("Putin explains Russia’s position on Karabakh’s conflict " * 3,)),
        Column("said", ("said (1,234,567)",)),
    ]
    for width in (60, 80, 120):
        widths = layout(cols, width)
        assert widths is not None
        assert sum(widths) + 3 * (len(cols) - 1) <= width
        assert all(w >= c.minimum for w, c in zip(widths, cols, strict=True))
    assert cols[1].minimum == max(len("1,388"), header_minimum("distinct_words")) == 9
    assert cols[3].minimum >= len("(1,234,567)")
    assert cols[0].minimum == TEXT_MIN
    assert layout(cols, 30) is None
    assert layout(cols, None) == [c.natural for c in cols]
    assert header_lines("distinct_words", 9) == "distinct_\nwords"
    assert header_lines("Wall Street Journal (News)", 12) == "Wall Street\nJournal\n(News)"


def test_a_long_table_stops_after_a_screenful(monkeypatch):
    frame = pd.DataFrame({"term": [f"word{i}" for i in range(500)], "count": range(500)})
    table = Table(frame, "terms")
    text = drawn(table, 80, monkeypatch, height=20, all_rows=False)
    lines = text.splitlines()
    assert len(lines) <= 19  # a line left for the prompt
    shown = [line for line in lines if line.startswith("word")]
    assert lines[-1] == f"… {500 - len(shown):,} more rows: {MORE_ROWS}"
    assert shown[0].split()[0] == "word0" and len(shown) >= 10
    everything = drawn(table, 80, monkeypatch, height=20, all_rows=True)
    assert sum(line.startswith("word") for line in everything.splitlines()) == 500
    short = drawn(Table(frame.head(5), "terms"), 80, monkeypatch, height=20, all_rows=False)
    assert "more rows" not in short


def test_a_screenful_of_wrapped_rows_counts_lines_not_rows(monkeypatch):
    text = " ".join(["a long headline that wraps"] * 6)
    frame = pd.DataFrame({"title": [text] * 40, "n": range(40)})
    out = drawn(Table(frame, ""), 80, monkeypatch, height=24, all_rows=False)
    assert len(out.splitlines()) <= 23
    assert re.search(r"… \d+ more rows", out.splitlines()[-1])


@needs_pty
def test_at_a_real_terminal(tmp_path):
    """The whole way, at a pseudo-terminal: stats draws words at 80 columns; a long load stops
    after a screenful, --all-rows draws every row (kwic at 120 columns, every match on its line),
    and a pipe gets every row as TSV, a record a line (nothing on the terminal)."""
    screen = run_at_terminal(["stats", str(SAMPLE), "-q"], columns=80, rows=24)
    assert screen.returncode == 0, screen.text
    assert re.search(r"^words\s+4,352\s*$", screen.text, re.MULTILINE), screen.text
    cut = run_at_terminal(["load", str(SAMPLE), "-q"], columns=80, rows=24)
    assert cut.returncode == 0
    assert len(cut.lines) <= 23
    assert re.fullmatch(rf"… \d+ more rows: {re.escape(MORE_ROWS)}", cut.lines[-1])
    kwic_rows = run_at_terminal(  # 15 matches on a screen of 12 lines: --all-rows draws them all
        ["kwic", "Karabakh", str(SAMPLE), "--sort", "right", "-q", "--all-rows"],
        columns=120,
        rows=12,
    )
    drawn_rows = [line for line in kwic_rows.lines if "│" in line]
    assert len(drawn_rows) == 15 and all("│ Karabakh │" in line for line in drawn_rows)
    assert "more rows" not in kwic_rows.text
    assert all(len(line) <= 120 for line in kwic_rows.lines)
    piped = run_at_terminal(["load", str(SAMPLE), "-q"], columns=80, rows=24, stdout_tty=False)
    assert len(piped.stdout.splitlines()) == 39 and piped.text == ""  # a record a line


@needs_pty
@pytest.mark.parametrize("no_color", ["", "1"])
def test_a_diff_at_a_real_terminal_honours_no_color(no_color):
    """At a terminal a diff is drawn in colour unless NO_COLOR is set; then no colour code is
    sent, and what one side lacks is still visible: struck through and bracketed."""
    screen = run_at_terminal(
        ["diff", str(SEED_000), str(SEED_003), "-q"],
        columns=160,
        rows=400,
        env={"NO_COLOR": no_color},
    )
    assert screen.returncode == 0, screen.text
    params = [p for code in re.findall(r"\x1b\[([0-9;]*)m", screen.raw) for p in code.split(";")]
    colours = [p for p in params if p.isdigit() and (30 <= int(p) <= 49 or 90 <= int(p) <= 107)]
    if no_color:
        assert colours == [], colours[:5]
        assert "[-" in screen.text and "{+" in screen.text
    else:
        assert colours


def test_text_that_only_looks_like_times_stays_text(monkeypatch):
    frame = pd.DataFrame({"day": ["0001-01-01", "2021-02-30T10:00"], "n": [1, 2]})
    text = drawn(Table(frame, "odd dates"), 80, monkeypatch)
    assert "0001-01-01" in text and "2021-02-30T10:00" in text


_cells = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60)


@settings(max_examples=200, deadline=2000)
@given(
    st.lists(
        st.tuples(_cells, st.lists(_cells, max_size=5), st.sampled_from(["number", "text"])),
        min_size=1,
        max_size=8,
    ),
    st.integers(20, 200),
)
def test_layout_never_exceeds_the_width_nor_cuts_below_a_minimum(spec, width):
    columns = [Column(header, tuple(cells), kind) for header, cells, kind in spec]
    widths = layout(columns, width)
    minimums = [c.minimum for c in columns]
    if widths is None:
        assert sum(minimums) + 3 * (len(columns) - 1) > width
        return
    assert sum(widths) + 3 * (len(columns) - 1) <= width
    assert all(w >= m for w, m in zip(widths, minimums, strict=True))
    assert all(w <= c.natural or w == c.minimum for w, c in zip(widths, columns, strict=True))
    for column, size in zip(columns, widths, strict=True):
        lines = header_lines(column.header, size).split("\n")
        assert all(cell_len(line) <= size for line in lines)


@needs_pty
def test_terms_at_a_real_terminal_draws_its_table():
    """`corpus terms FILE` at a terminal draws its table (its short way builds a RowTable, which
    lacked the ``clip`` field a terminal table reads: every run there was an internal error)."""
    screen = run_at_terminal(["terms", str(ROUNDUPS), "-q", "--top", "5"], columns=80, rows=24)
    assert screen.returncode == 0, screen.text
    assert "internal error" not in screen.text
    assert re.search(r"^\s*president\s+│\s+49\s+│", screen.text, re.MULTILINE), screen.text
