"""``@command(...)``: gives a command the option groups it honours, declared once.

A command names its groups (``input``, ``filters``, ``store``, ``cleaning``, ``tokens``,
``jobs``, ``dask``, ``output``) and declares only its own options. Its body receives, by
keyword, what the groups make of the options:

- ``session``: the :class:`~corpuscli.cli.session.Session` (already inside the error handling);
- ``source``: the :class:`~corpuscli.engine.source.Source` (input, filters, store, cleaning);
- ``compute``: the :class:`~corpuscli.engine.compute.Compute` (jobs, dask);
- ``tokens``: the :class:`~corpuscli.engine.term_counts.Tokens` (tokens);
- ``out``: an :class:`Out`, the output format and file (output);
- ``given``: the groups' option values as given (for a command that merges them with a
  configuration file before making its Source).

A group not named is not offered, so a command accepts only the options it honours.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .options import COLUMN_OPTIONS, GROUPS, OutputFormat
from .session import Session, running

if TYPE_CHECKING:
    from corpuscli.engine.compute import Compute
    from corpuscli.engine.source import Source

#: The parameters the decorator hands a command body.
INJECTED = ("session", "source", "compute", "tokens", "out", "given")


@dataclass(frozen=True)
class Out:
    """Where a command writes: the concrete ``fmt`` and the ``-o`` file (None: stdout)."""

    fmt: str
    path: str | None
    #: The format as asked (``auto`` when not given), for commands with their own defaults.
    asked: OutputFormat = OutputFormat.auto


def command(
    *groups: str, without: tuple[str, ...] = ()
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give the decorated command body the option ``groups`` (see the module docstring), but
    for the options named in ``without``: those that cannot change what the command does (the
    headline column for a command that neither prints nor uses headlines)."""
    unknown = set(groups) - set(GROUPS)
    if unknown:
        raise ValueError(f"unknown option groups: {sorted(unknown)}")

    def decorate(func: Callable[..., None]) -> Callable[..., None]:
        own = [
            p
            for name, p in inspect.signature(func, eval_str=True).parameters.items()
            if name not in INJECTED
        ]
        shared = [
            inspect.Parameter(
                name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
            )
            for group in groups
            for name, annotation, default in GROUPS[group]
            if name not in without
        ]
        wants = set(inspect.signature(func).parameters) & set(INJECTED)

        @functools.wraps(func)
        def wrapper(**kwargs: Any) -> None:
            values = {
                name: default if name in without else kwargs.pop(name)
                for group in groups
                for name, _, default in GROUPS[group]
            }
            with running(
                quiet=values.get("quiet", False),
                debug=values.get("debug", False),
                all_rows=values.get("all_rows", False),
            ) as s:
                refuse_empty(
                    [(p.name, p.annotation, kwargs.get(p.name)) for p in own]
                    + [(n, a, values[n]) for g in groups for n, a, _ in GROUPS[g]]
                )
                made: dict[str, Any] = {"session": s, "given": values}
                if "output" in groups:
                    made["out"] = Out(
                        s.output_format(values["fmt"], values["output"]),
                        values["output"],
                        values["fmt"],
                    )
                    s.raw_csv = raw_csv(values.get("raw_csv", False), made["out"].fmt)
                if "tokens" in groups:
                    made["tokens"] = tokens_of(values)
                made["compute"] = compute_of(values, s)
                if "source" in wants:
                    made["source"] = source_of(values, s)
                func(**kwargs, **{k: v for k, v in made.items() if k in wants})

        wrapper.__signature__ = inspect.Signature([*own, *shared])  # type: ignore[attr-defined]
        return wrapper

    return decorate


def refuse_empty(options: Iterable[tuple[str, Any, Any]]) -> None:
    """Refuse an option given an empty value or a float that is no number (``(name,
    annotation, value)`` of each). ``-o "$OUT"`` or ``--since "$SINCE"`` with the variable
    unset in a cron job was taken as not given, and wrote to stdout, or read every day;
    ``--min-share nan`` passed click's range check (nan compares false) and crashed. Arguments
    (a query, a path) say for themselves what an empty one means."""
    from typer.models import OptionInfo

    from corpuscli.errors import UsageError

    for name, annotation, value in options:
        info = getattr(annotation, "__metadata__", (None,))[0]
        if not isinstance(info, OptionInfo):
            continue
        declared = info.default
        flag = (
            declared
            if isinstance(declared, str) and declared.startswith("--")
            else ("--" + name.replace("_", "-"))
        )
        given = value if isinstance(value, list | tuple) else [value]
        if any(v == "" for v in given):
            raise UsageError(
                f"{flag} was given an empty value",
                hint="give it a value (is a shell variable unset?), or leave the option out",
            )
        if any(isinstance(v, float) and v != v for v in given):  # NaN is not equal to itself
            raise UsageError(f"{flag} must be a number, not nan", hint="give a number")


def raw_csv(given: bool, fmt: str) -> bool:
    """``--raw-csv``, refused where the output is not CSV (it would change nothing)."""
    if given and fmt != "csv":
        from corpuscli.errors import UsageError

        raise UsageError(
            f"--raw-csv is for CSV output, and this run writes {fmt}",
            hint="give --format csv (or -o FILE.csv), or drop --raw-csv",
        )
    return given


def tokens_of(values: dict[str, Any]) -> Any:
    from corpuscli.text.token_options import Tokens

    return Tokens(
        lower=values["lower"], stopwords=values["stopwords"], stem=values["stem"],
        lang=values["lang"], pattern=values["pattern"], keep_numbers=values["keep_numbers"],
    )  # fmt: skip


def compute_of(values: dict[str, Any], session: Session) -> Compute:
    from corpuscli.engine.compute import Compute

    return Compute(
        jobs=values.get("jobs"),
        engine=values.get("engine", "pandas"),
        scheduler=values.get("scheduler"),
        progress=session.progress(),
    )


def source_of(values: dict[str, Any], session: Session) -> Source:
    """The Source the input, filters, store and cleaning options describe."""
    import os

    from corpuscli.engine.source import Cleaning, Source
    from corpuscli.errors import UsageError
    from corpuscli.io.decode import check_encoding
    from corpuscli.io.limits import DEFAULT_MAX_INPUT_SIZE, DEFAULT_MAX_LINE_SIZE, parse_size
    from corpuscli.io.window import parse_bound

    def size(value: str | None, option: str, default: int) -> int:
        return default if value is None else parse_size(value, option=option)

    since, until = values.get("since"), values.get("until")
    clean = values.get("clean") or bool(values.get("patterns"))
    store = values.get("store")
    if store and (values.get("paths") or values.get("files_from")):
        if store != os.environ.get("CORPUSCLI_STORE"):
            raise UsageError(
                "give input paths or --store, not both",
                hint="drop the paths to read the store, or --store to read the files",
            )
        store = None  # a store from the environment gives way to the inputs named
    start = parse_bound(since, option="--since") if since else None
    end = parse_bound(until, option="--until") if until else None
    if start is not None and end is not None and start >= end:  # no article could be kept
        raise UsageError(
            f"--since {since} is not before --until {until}: the time window is empty",
            hint="swap them (articles kept: since <= published < until)",
        )
    return Source(
        paths=tuple(session.input_paths(values.get("paths"), values.get("files_from"), store)),
        files_from=values.get("files_from"),
        store=store,
        query=values.get("fts_query"),
        manifest=values.get("manifest"),
        encoding=check_encoding(values["encoding"]) if values.get("encoding") else None,
        columns=tuple(
            (core, values[opt]) for opt, core in COLUMN_OPTIONS.items() if values.get(opt)
        ),
        set_source=values.get("set_source"),
        sources=tuple(values.get("source") or ()),
        since=start,
        until=end,
        dedupe=bool(values.get("dedupe")),
        clean=Cleaning(patterns=values.get("patterns")) if clean else None,
        max_input_size=size(
            values.get("max_input_size"), "--max-input-size", DEFAULT_MAX_INPUT_SIZE
        ),
        max_line_size=size(values.get("max_line_size"), "--max-line-size", DEFAULT_MAX_LINE_SIZE),
    )
