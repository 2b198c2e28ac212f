"""The report's quote table: the rows and fields of the full quote table that its sections read."""

import pandas as pd

from corpuscli import load
from corpuscli.coverage.quotes import quotes_frame
from corpuscli.coverage.story_features import QUOTE_CHARS, article_features
from corpuscli.reporting.quoted import (
    COLUMNS,
    TEXT_COLUMNS,
    compact,
    report_quotes,
    report_quotes_and_features,
)
from tests.conftest import SAMPLE


def test_report_quotes_are_the_full_tables_rows_it_reads_in_order():
    """Attributed quotes that are not partial ones, and quotes ending in the lead: the same rows
    in the same order, with the same types, as the full table holds them, whether found in one
    process or two, in one piece or several."""
    frame = load([str(SAMPLE)]).frame
    full = quotes_frame(frame)
    read = (full["speaker"].notna() & (full["kind"] != "partial")) | (full["end"] <= QUOTE_CHARS)
    expected = full.loc[read, list(COLUMNS)].reset_index(drop=True)
    assert 0 < len(expected) < len(full)  # some rows are left out, most kept
    for jobs, pieces in ((1, [frame]), (2, [frame.iloc[:20], frame.iloc[20:]])):
        pd.testing.assert_frame_equal(report_quotes(pieces, jobs=jobs), expected)


def test_no_quotes_give_an_empty_table_of_the_columns():
    frame = pd.DataFrame({"doc_id": ["a"], "source": ["X"], "text": ["No quotation here."]})
    out = report_quotes([frame])
    assert list(out.columns) == list(COLUMNS) and out.empty


def test_parts_made_compact_one_by_one_make_the_table_made_compact_whole():
    """A batch whose speakers are all unknown (a column of None) beside batches with speakers:
    compact parts, joined and made compact, are the joined parts made compact at once."""
    rows = [
        [("a", "X", "Ann Lee", "direct", "We will win.", 40)],
        [("b", "Y", None, "partial", "a lie", 900), ("b", "Y", None, "direct", "No.", 1200)],
        [("c", None, "Bo Chen", "indirect", "it was over", 30)],
    ]

    def parts() -> list[pd.DataFrame]:
        return [pd.DataFrame(r, columns=list(COLUMNS)) for r in rows]

    whole = pd.concat(parts(), ignore_index=True)
    for column in TEXT_COLUMNS:
        if whole[column].notna().any():
            whole[column] = whole[column].astype("str")
    joined = compact(pd.concat([compact(p) for p in parts()], ignore_index=True))
    pd.testing.assert_frame_equal(joined, whole)
    assert joined["text"].dtype == "str" and joined["speaker"].isna().sum() == 2


def test_quotes_and_features_in_one_pass_are_those_made_apart():
    """The attributed quotes and the stories' features made in one pass over each article are
    the rows of the report's quote table that the "most quoted" section reads, and the
    features the stories make from that table's lead quotes: the same terms in the same order,
    the same counts and signatures, in one process or two, in one piece or several."""
    frame = load([str(SAMPLE)]).frame
    table = report_quotes([frame])
    quoted = table["speaker"].notna() & (table["kind"] != "partial")
    expected_rows = table[quoted].reset_index(drop=True)
    expected = article_features(frame, quote_table=table[table["end"] <= QUOTE_CHARS])
    assert any(expected.signatures) and len(expected_rows) > 0
    for jobs, pieces in ((1, [frame]), (2, [frame.iloc[:20], frame.iloc[20:]])):
        rows, features = report_quotes_and_features(pieces, jobs=jobs)
        pd.testing.assert_frame_equal(rows, expected_rows)
        assert features.terms == expected.terms
        for name in ("codes", "counts", "lengths"):
            assert getattr(features, name).tolist() == getattr(expected, name).tolist()
        assert features.signatures == expected.signatures
