"""The package's modules keep their private names to themselves (#14): a name that starts with
one underscore is never imported from another module."""

from __future__ import annotations

import ast
from pathlib import Path

import corpuscli

PACKAGE = Path(corpuscli.__file__).parent


def test_no_private_name_is_imported_across_modules():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                found += [
                    f"{path.relative_to(PACKAGE)}: {node.module}.{alias.name}"
                    for alias in node.names
                    if alias.name.startswith("_") and not alias.name.startswith("__")
                ]
    assert found == []
