"""NLTK's stemmers are imported without SciPy and scikit-learn, and nothing else changes."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout.strip()


def test_stemmers_load_without_scipy_or_sklearn_and_leave_them_importable():
    pytest.importorskip("scipy")
    out = _run(
        "import sys\n"
        "from corpuscli.text.nltk_light import porter, snowball\n"
        "words = ['occupied', 'returned', 'negotiations', 'districts']\n"
        "print([porter().stem(w) for w in words], [snowball('english').stem(w) for w in words])\n"
        "print('scipy' in sys.modules, 'sklearn' in sys.modules)\n"
        "import scipy.stats\n"
        "print(scipy.stats.norm.cdf(0))\n"
    )
    stems, loaded, norm = out.splitlines()
    assert stems == (
        "['occupi', 'return', 'negoti', 'district'] ['occupi', 'return', 'negoti', 'district']"
    )
    assert loaded == "False False"  # NLTK's init did not pull them in
    assert norm == "0.5"  # and they import as usual afterwards


def test_a_process_that_loaded_scipy_first_keeps_nltk_whole():
    pytest.importorskip("scipy")
    out = _run(
        "import scipy.stats\n"
        "from corpuscli.text.nltk_light import porter\n"
        "porter()\n"
        "from nltk.metrics.association import fisher_exact\n"
        "print(fisher_exact is scipy.stats.fisher_exact)\n"
    )
    assert out == "True"


def test_stems_equal_nltks_own_import():
    from nltk.stem.porter import PorterStemmer
    from nltk.stem.snowball import SnowballStemmer

    from corpuscli.text.nltk_light import porter, snowball

    words = [
        "Putin",
        "explains",
        "Russia's",
        "position",
        "on",
        "Karabakh's",
        "conflict,",
        "returning",
        "territories",
    ]
    assert [porter().stem(w) for w in words] == [PorterStemmer().stem(w) for w in words]
    for lang in ("english", "german", "russian"):
        assert [snowball(lang).stem(w) for w in words] == [
            SnowballStemmer(lang).stem(w) for w in words
        ]
