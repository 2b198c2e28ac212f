"""The README's Python API examples run as doctests, so they stay true."""

from __future__ import annotations

import doctest
import os
import re

from tests.conftest import ROOT


def test_readme_python_api_examples_run(monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python API") : readme.index("## Development")]
    blocks = re.findall(r"```pycon\n(.*?)```", section, flags=re.S)
    assert blocks, "the Python API section has runnable examples"
    monkeypatch.chdir(ROOT)  # the examples name sample_data/ relative to the checkout
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for number, block in enumerate(blocks):
        test = parser.get_doctest(block, {}, f"README example {number}", "README.md", 0)
        runner.run(test)
    assert runner.failures == 0, f"{runner.failures} README example(s) failed (run with -s)"
    assert runner.tries >= 5
    assert os.getcwd() == str(ROOT)
