"""The term table of a few plain-text files, counted without pandas, equals the ordinary one:
the same rows, numbers and order, the same bytes on the command line."""

from __future__ import annotations

import io
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from corpuscli.analysis.few_terms import COLUMNS, few_term_rows
from corpuscli.analysis.terms import term_table
from corpuscli.api.terms import terms
from corpuscli.engine.counting import Counter, TokenSpec
from corpuscli.engine.source import Source
from corpuscli.engine.term_counts import count_terms
from corpuscli.io.loader import load
from corpuscli.render.frames import write_delimited
from corpuscli.render.rows import write_rows
from corpuscli.results import RowTable
from corpuscli.text.token_options import Tokens
from tests.conftest import ROUNDUPS, SEED_000, SEED_003

SEEDS = [str(SEED_000), str(SEED_003)]


def _texts() -> list[str]:
    return load([str(ROUNDUPS)]).frame["text"].tolist() + load(SEEDS).frame["text"].tolist()


@pytest.mark.parametrize("keep_case", [False, True])
def test_word_totals_are_those_of_the_bulk_path(keep_case):
    texts = _texts()
    spec = TokenSpec(lower=not keep_case, boundaries=False)
    bulk, light = Counter(spec), Counter(spec, light=True)
    ids, doc = bulk.encode(texts)
    light_ids, light_doc = light.encode(texts)
    assert [light.terms[i] if i >= 0 else i for i in light_ids.tolist()] == [
        bulk.terms[i] if i >= 0 else i for i in ids.tolist()
    ]
    assert light_doc.tolist() == doc.tolist()
    counts, docs = Counter(spec, light=True).word_totals(texts)
    words = ids >= 0
    assert counts.tolist() == np.bincount(ids[words], minlength=len(bulk.terms)).tolist()
    per_doc = [set(ids[(doc == d) & words].tolist()) for d in range(len(texts))]
    assert docs.tolist() == [sum(t in s for s in per_doc) for t in range(len(bulk.terms))]


@pytest.mark.parametrize(
    ("tokens", "args"),
    [
        (Tokens(), {}),
        (Tokens(), {"top": None}),
        (Tokens(), {"measure": "per_10k", "top": 25}),
        (Tokens(), {"measure": "docs", "top": 7}),
        (Tokens(), {"min_count": 3, "min_docs": 2, "top": None}),
        (Tokens(lower=False, keep_numbers=True), {"top": None}),
        (Tokens(stopwords="none"), {"top": 40}),
    ],
)
def test_rows_equal_the_term_table(tokens, args):
    texts = _texts()
    options = tokens.options(1)
    rows = few_term_rows(texts, options, **args)
    frame = pd.DataFrame({"text": texts, "doc_id": [str(i) for i in range(len(texts))]})
    want = term_table(count_terms(frame, options=options), **args)
    pd.testing.assert_frame_equal(pd.DataFrame(rows, columns=list(COLUMNS)), want)


def test_what_it_cannot_rank_goes_the_ordinary_way():
    texts = _texts()
    assert few_term_rows(texts, Tokens().options(2)) is None  # n-grams
    assert few_term_rows(texts, Tokens().options(1), measure="tfidf") is None
    assert few_term_rows(texts, Tokens(pattern=r"\w+").options(1)) is None
    assert few_term_rows(texts, Tokens().options(1), min_count=10**6) is None  # nothing left


def test_the_api_gives_the_ordinary_frame():
    light = terms(Source(paths=tuple(SEEDS)), top=30)
    assert isinstance(light, RowTable) and light.load.articles == 2
    ordinary = term_table(count_terms(load(SEEDS).frame, options=Tokens().options(1)), top=30)
    pd.testing.assert_frame_equal(light.frame, ordinary)
    assert len(light) == 30


def test_rows_are_written_as_pandas_writes_their_frame():
    rows = [
        ("a\tb", 1, 0.1 + 0.2, 3, 1e-05),
        ('say "no"', 2, 100.0, 0, 125.565),
        ("x,y", 3, 5e-07, 1, 2.0),
    ]
    for sep in ("\t", ","):
        mine, theirs = io.StringIO(), io.StringIO()
        write_rows(COLUMNS, rows, mine, sep)
        write_delimited(pd.DataFrame(rows, columns=list(COLUMNS)), theirs, sep)
        assert mine.getvalue() == theirs.getvalue()


def test_a_short_run_does_not_import_pandas_and_prints_the_same(corpus, tmp_path):
    code = (
        "import sys\nfrom corpuscli.cli.app import main\n"
        f"sys.argv = ['corpus', 'terms', *{SEEDS!r}, '--all', '-f', 'tsv']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('pandas' in sys.modules, file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip() == "False"
    # the same bytes as the ordinary way: a third file of another format takes that way
    other = tmp_path / "empty.jsonl"
    other.write_text("")
    ordinary = corpus("terms", *SEEDS, str(other), "--all", "-f", "tsv")
    assert done.stdout == ordinary.stdout and len(done.stdout.splitlines()) > 300


@pytest.mark.parametrize(
    "content", [b"", "Le café crème brûlée était très réussi à Noël.".encode("cp1252")]
)
def test_files_with_something_to_tell_go_the_ordinary_way(tmp_path, content):
    odd = tmp_path / "odd.txt"
    odd.write_bytes(content)
    report = Source(paths=(*SEEDS, str(odd))).new_report()
    assert Source(paths=(*SEEDS, str(odd))).few_texts(report) is None
