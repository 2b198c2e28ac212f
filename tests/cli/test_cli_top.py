"""--top for pairs (per pair of groups) and boilerplate (per source), honoured by the API."""

from __future__ import annotations

import io
import shutil
from collections import Counter

import pandas as pd

import corpuscli as cc
from tests.conftest import ROUNDUPS, SEED_003


def _tsv(result) -> pd.DataFrame:
    assert result.exit_code == 0, result.stderr
    return pd.read_csv(io.StringIO(result.stdout), sep="\t", quoting=3)


def test_pairs_top_keeps_the_best_per_pair_of_groups(corpus):
    every = _tsv(corpus("pairs", str(ROUNDUPS), "--by", "stance", "-f", "tsv"))
    top = _tsv(corpus("pairs", str(ROUNDUPS), "--by", "stance", "--top", "2", "-f", "tsv"))
    key = lambda f: [tuple(sorted(p)) for p in zip(f["source_a"], f["source_b"], strict=True)]  # noqa: E731
    per_pair = Counter(key(every))
    assert max(per_pair.values()) > 2  # the option has something to cut
    assert Counter(key(top)) == {k: min(v, 2) for k, v in per_pair.items()}
    for pair in per_pair:  # each pair of groups keeps its best scored
        best = every[[k == pair for k in key(every)]]["score"].nlargest(2).tolist()
        kept = top[[k == pair for k in key(top)]]["score"].tolist()
        assert sorted(kept, reverse=True) == best  # in the table's order: by story
    assert corpus("pairs", str(ROUNDUPS), "--top", "0").exit_code == 2


def test_boilerplate_top_keeps_the_commonest_blocks_per_source(corpus, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):  # one outlet's page furniture, three times over
        shutil.copy(SEED_003, folder / f"moscow_{i}.txt")
    shutil.copy(ROUNDUPS, folder)
    every = cc.find_boilerplate(str(folder)).frame
    top = cc.find_boilerplate(str(folder), top=2).frame
    assert every.groupby("source").size().max() > 2  # the option has something to cut
    assert (top.groupby("source").size() <= 2).all()
    assert set(top["source"]) == set(every["source"])
    assert top.to_dict("records") == every.groupby("source", sort=False).head(2).to_dict("records")
    printed = _tsv(corpus("boilerplate", str(folder), "--top", "2", "-f", "tsv"))
    assert printed["text"].tolist() == top["text"].tolist()
    result = corpus("boilerplate", str(folder), "--top", "1", "--explain")
    assert result.exit_code == 2 and "--explain lists every block" in result.stderr
