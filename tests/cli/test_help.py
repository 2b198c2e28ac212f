"""--help reads as the options are given, shell completion is on, and the man page shipped in
docs/corpus.1 is made from the help and current."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from corpuscli.cli.app import COMMANDS, app
from corpuscli.cli.manpage import manual

MAN = Path(__file__).resolve().parents[2] / "docs" / "corpus.1"
HELPS = (
    [[name] for name, *_ in COMMANDS]
    + [["store", sub] for sub in ("info", "patterns", "export")]
    + [[]]
)


@pytest.mark.parametrize("command", HELPS, ids=lambda c: " ".join(c) or "corpus")
def test_help_shows_no_python_types(runner, command):
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    text = result.stdout
    for python_type in ("<bool>", "<list[", "<int", "<float", "<str>", "]...]", "[[PATH]"):
        assert python_type not in text, (command, python_type)
    if command and command[0] not in ("search", "diff", "store"):
        assert re.search(r"Usage: corpus \w+ \[OPTIONS\].* \[PATH\]\.\.\.", text), text[:300]


def test_flags_show_no_value_and_repeatable_options_say_so(runner):
    text = runner.invoke(app, ["terms", "--help"], env={"COLUMNS": "200"}).stdout
    rows = {line.split()[1]: line for line in text.splitlines() if re.match(r"│ --", line)}
    assert re.match(r"│ --stem\s+Reduce", rows["--stem"])  # a flag: nothing between name and help
    assert re.match(r"│ --all\s+List", rows["--all"])
    assert "TERM, repeatable" in rows["--term"]
    assert "NAME, repeatable" in rows["--source"]
    assert re.search(r"--top\s+-n\s+N\s", rows["--top"])


def test_shell_completion_is_on():
    env = {**os.environ, "_CORPUS_COMPLETE": "complete_bash", "COMP_WORDS": "corpus te",
           "COMP_CWORD": "1"}  # fmt: skip
    run = subprocess.run(
        [sys.executable, "-c", "from corpuscli.cli.app import main; main()"],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert run.stdout.split() == ["terms"], run.stderr
    env["COMP_WORDS"], env["COMP_CWORD"] = "corpus terms --format ", "3"
    run = subprocess.run(
        [sys.executable, "-c", "from corpuscli.cli.app import main; main()"],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert "jsonl" in run.stdout.split()


def test_root_help_offers_completion(runner):
    text = runner.invoke(app, ["--help"], env={"COLUMNS": "200"}).stdout
    assert "--install-completion" in text and "--show-completion" in text


def test_the_shipped_man_page_is_current():
    """Regenerate with: python -m corpuscli.cli.manpage > docs/corpus.1"""
    assert MAN.read_text(encoding="utf-8") == manual(app)


def test_the_man_page_covers_every_command_and_option():
    page = manual(app)
    import typer.main

    root = typer.main.get_command(app)
    for name, *_ in COMMANDS:
        assert f'.SS "corpus {name} ' in page, name
        for param in root.commands[name].params:  # type: ignore[attr-defined]
            for opt in param.opts:
                if opt.startswith("--"):
                    assert opt.replace("-", "\\-") in page, (name, opt)
    assert '.SS "corpus store info ' in page
    assert ".SH OPTION GROUPS" in page and ".SS Tokens" in page
    requests = {".TH", ".SH", ".SS", ".PP", ".TP", ".RS", ".RE", ".nf", ".fi", ".B"}
    for line in page.splitlines():  # text never starts a line as a troff request would
        assert not line.startswith((".", "'")) or line.split()[0] in requests, line
