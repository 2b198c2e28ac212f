"""The man page, corpus(1), made from the commands' own help: ``python -m corpuscli.cli.manpage``
writes it in troff to standard output (the repository keeps it as docs/corpus.1, and a test
checks it is current).

Each command's section has its description, its own options and its examples; the option groups
commands share (Input, Filters, Store, Cleaning, Tokens, Compute, Output) are described once.
Nothing in it depends on the date or the terminal, so the page changes only when the help does.
"""

from __future__ import annotations

import re
import sys
from importlib.metadata import version
from typing import Any

import typer
import typer.main

from .options import CLEANING, COMPUTE, FILTERS, INPUT, OUTPUT, STORE, TOKENS

#: The shared option groups, in the order the page lists them.
PANELS = (INPUT, FILTERS, STORE, CLEANING, TOKENS, COMPUTE, OUTPUT)

ENVIRONMENT = (
    ("CORPUSCLI_STORE", "the store read when no input path is given (as --store)"),
    ("CORPUSCLI_ENGINE", "pandas or dask (as --engine)"),
    ("CORPUSCLI_SCHEDULER", "the Dask scheduler's address (as --scheduler)"),
    ("CORPUSCLI_REGEX_BUDGET", "seconds a --regex that only Python's engine runs may take on one "
     "article (default 5)"),
    ("NO_COLOR", "no colour in tables and messages"),
)  # fmt: skip


def _text(value: str) -> str:
    """Help text as troff: rich markup's escaped brackets as brackets, backslashes and hyphens
    escaped, and no line starting with a control character."""
    value = value.replace("\\[", "[").replace("\\", "\\e").replace("-", "\\-")
    return re.sub(r"(?m)^([.'])", r"\\&\1", value)


def _paragraphs(help_text: str) -> list[str]:
    return [" ".join(p.split()) for p in help_text.strip().split("\n\n") if p.strip()]


def _examples(epilog: str | None) -> list[str]:
    lines = (epilog or "").replace("\b", "").strip().splitlines()
    return [line.strip() for line in lines if line.strip() and line.strip() != "Examples:"]


def _commands(group: Any, ctx: Any, prefix: str = "") -> list[tuple[str, Any, Any]]:
    """(full name, command, its context) of every command, sub-commands of groups included."""
    found = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is None or command.hidden:
            continue
        sub = typer.Context(command, info_name=name, parent=ctx)
        if hasattr(command, "list_commands"):  # a group: its commands
            found += _commands(command, sub, f"{prefix}{name} ")
        else:
            found.append((f"{prefix}{name}", command, sub))
    return found


def _option(record: tuple[str, str]) -> list[str]:
    names, help_text = record
    parts = re.split(r"(?<![\w-])(--?[A-Za-z][\w-]*)", names)  # option names at odd places
    shown = "".join(
        f"\\fB{_text(part)}\\fR" if i % 2 else _text(part) for i, part in enumerate(parts)
    )
    return [".TP", shown, _text(" ".join(help_text.split()))]


def manual(app: typer.Typer) -> str:
    """corpus(1) in troff."""
    root = typer.main.get_command(app)
    ctx = typer.Context(root, info_name="corpus")
    out = [
        f'.TH CORPUS 1 "" "corpuscli {version("corpuscli")}" "User Commands"',
        ".SH NAME",
        "corpus \\- analyse corpora of news articles: load, count, compare, clean and diff",
        ".SH SYNOPSIS",
        ".B corpus",
        "\\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIPATH\\fR]...",
        ".SH DESCRIPTION",
    ]
    for paragraph in _paragraphs(root.help or ""):
        out += [".PP", _text(paragraph)]
    for record in (p.get_help_record(ctx) for p in root.get_params(ctx)):
        if record:
            out += _option(record)
    shared: dict[str, dict[str, tuple[str, str]]] = {panel: {} for panel in PANELS}
    out.append(".SH COMMANDS")
    for name, command, sub in _commands(root, ctx):
        usage = " ".join(command.collect_usage_pieces(sub))
        out += [f'.SS "corpus {name} {_text(usage)}"']
        for paragraph in _paragraphs(command.help or ""):
            out += [".PP", _text(paragraph)]
        own, groups = [], []
        for param in command.get_params(sub):
            if param.name == "help":  # every command has it; the page says so once, above
                continue
            record = param.get_help_record(sub)
            panel = getattr(param, "rich_help_panel", None)
            if record is None:
                continue
            if panel in shared:
                shared[panel].setdefault(param.name or record[0], record)
                if panel not in groups:
                    groups.append(panel)
            else:
                own.append(record)
        for record in own:
            out += _option(record)
        if groups:
            out += [".PP", "Option groups: " + ", ".join(groups) + " (see OPTION GROUPS)."]
        examples = _examples(command.epilog)
        if examples:
            out += [".PP", "Examples:", ".RS", ".nf", *(_text(e) for e in examples), ".fi", ".RE"]
    out.append(".SH OPTION GROUPS")
    for panel in PANELS:
        if shared[panel]:
            out.append(f".SS {panel}")
            for record in shared[panel].values():
                out += _option(record)
    out += [".SH ENVIRONMENT"]
    for variable, meaning in ENVIRONMENT:
        out += [".TP", f"\\fB{variable}\\fR", _text(meaning)]
    out += [
        ".SH SEE ALSO",
        "The README of corpuscli: inputs, outputs, exit codes, bad input and faults, "
        "performance, and the Python API.",
    ]
    return "\n".join(out) + "\n"


def main() -> None:
    from .app import app

    sys.stdout.write(manual(app))


if __name__ == "__main__":
    main()
