"""How options read in ``--help`` (and in the man page made from it).

Typer shows each option's Python type: ``<bool>`` beside a flag that takes no value,
``<list[str]>`` beside the input paths, ``<int>`` beside a count. Here every option reads as it
is given instead: a flag shows nothing, an option shows the name of its value (``N``, ``FILE``,
``auto|table|...``), an option that may be given more than once says so (``NAME, repeatable``),
and an argument shows only its name. :class:`CorpusGroup` applies this to every command it
hands out, so help, usage lines and the man page agree.
"""

from __future__ import annotations

from typing import Any

import typer.core

#: The value name of options of these types that have none of their own.
_VALUE_NAMES = {"int": "N", "float": "X", "str": "TEXT"}
_TIDIED = "_corpus_tidied"


def _no_type(ctx: Any = None) -> None:
    return None


def _untyped(param: Any) -> None:
    """An argument as typer 0.29 shows it, for typer before 0.29: no type beside its name in
    the help (``<str>``), and ``[PATH]...`` in the usage line when it takes several values
    (``PATH`` in the list of arguments)."""
    import copy

    param.type = copy.copy(param.type)  # click's types are shared: change this one only
    param.type.get_metavar = lambda *args, **kwargs: ""
    name = param.metavar
    if not name or param.nargs == 1:
        return

    def make_metavar(ctx: Any = None, *, usage: bool = False) -> str:
        if not usage:
            return str(name)
        return f"{{{name}}}..." if param.required else f"[{name}]..."

    param.make_metavar = make_metavar


def _type_name(param: Any, ctx: Any) -> str:
    """The name of an option's value type: typer's own from 0.29 on (``int``, ``path``,
    ``a|b|c``), click's type read the same way before it."""
    if hasattr(param, "display_type"):
        return str(param.display_type(ctx)).strip("<>").removesuffix(" range")
    import click

    kind = param.type
    if isinstance(kind, click.Choice) or hasattr(kind, "choices"):
        return "|".join(str(getattr(c, "value", c)) for c in kind.choices)
    if isinstance(kind, click.Path):
        return "path"
    name = str(kind.name).removesuffix(" range")
    return {"integer": "int", "text": "str", "boolean": "bool"}.get(name, name)


def tidy(command: Any, ctx: Any) -> Any:
    """``command`` with the metavars of its parameters set as the module docstring says (once);
    ``ctx`` is the click context help is made in."""
    if getattr(command, _TIDIED, False):
        return command
    for param in command.get_params(ctx):
        if isinstance(param, typer.core.TyperArgument):
            argument: Any = param  # typer 0.29's rich help asks it for its type: none
            argument.display_type_rich = _no_type
            if not hasattr(param, "display_type"):  # typer before 0.29
                _untyped(param)
            continue
        if not isinstance(param, typer.core.TyperOption):
            continue
        if param.is_flag or param.count:
            param.metavar = ""
            continue
        name = param.metavar
        if name is None:
            shown = _type_name(param, ctx)
            if shown.startswith("list[") and shown.endswith("]"):
                shown = shown[len("list[") : -1]
            name = _VALUE_NAMES.get(shown, shown)
        if param.multiple and not name.endswith("repeatable"):
            name = f"{name}, repeatable"
        param.metavar = name
    setattr(command, _TIDIED, True)
    return command


class CorpusGroup(typer.core.TyperGroup):
    """The ``corpus`` group (and ``corpus store``): every command it gives has tidy metavars."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        return None if command is None else tidy(command, ctx)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        tidy(self, ctx)
        super().format_help(ctx, formatter)
