"""`@corpus_command`: gives a command every shared input and output option, once.

A command declares only its own options and takes ``run`` (the :class:`Run`, already inside the
error handling), ``inputs`` (an :class:`InputSpec`) and ``fmt`` (the concrete output format) and
``output`` (the ``-o`` path or None). The decorator adds the shared parameters to the signature
Typer reads, so ``--help`` lists them in their panels like any other option.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from ._engine import COMPUTE_OPTIONS, Compute
from ._options import (
    CleanOpt,
    DateColOpt,
    DebugOpt,
    DedupeOpt,
    EncodingOpt,
    FilesFromOpt,
    FormatOpt,
    IdColOpt,
    ManifestOpt,
    MaxInputSizeOpt,
    MaxLineSizeOpt,
    OutputFormat,
    OutputOpt,
    PathsArg,
    PatternsOpt,
    QueryOpt,
    QuietOpt,
    SinceOpt,
    SourceColOpt,
    SourceOpt,
    StoreOpt,
    TextColOpt,
    TitleColOpt,
    UntilOpt,
    UrlColOpt,
)
from ._run import InputSpec, columns_from, command
from ._token_options import TOKEN_OPTIONS, Tokens

#: (name, annotation, default) of the options every command shares, in --help order.
SHARED: tuple[tuple[str, Any, Any], ...] = (
    ("paths", PathsArg, None),
    ("files_from", FilesFromOpt, None),
    ("source", SourceOpt, None),
    ("manifest", ManifestOpt, None),
    ("encoding", EncodingOpt, None),
    ("since", SinceOpt, None),
    ("until", UntilOpt, None),
    ("dedupe", DedupeOpt, False),
    ("max_input_size", MaxInputSizeOpt, None),
    ("max_line_size", MaxLineSizeOpt, None),
    ("clean", CleanOpt, False),
    ("patterns", PatternsOpt, None),
    ("store", StoreOpt, None),
    ("fts_query", QueryOpt, None),
    ("text_col", TextColOpt, None),
    ("title_col", TitleColOpt, None),
    ("source_col", SourceColOpt, None),
    ("date_col", DateColOpt, None),
    ("url_col", UrlColOpt, None),
    ("id_col", IdColOpt, None),
    ("fmt", FormatOpt, OutputFormat.auto),
    ("output", OutputOpt, None),
    ("quiet", QuietOpt, False),
    ("debug", DebugOpt, False),
)
_INJECTED = ("run", "inputs", "fmt", "output", "compute", "tokens")


def corpus_command(
    func: Callable[..., None] | None = None, *, compute: bool = False, tokens: bool = False
) -> Any:
    """Wrap a command body (see the module docstring). ``@corpus_command(compute=True)`` also
    gives it ``--jobs``, ``--engine`` and ``--scheduler``, handed over as ``compute`` (a
    :class:`~corpuscli.cli._engine.Compute`); ``tokens=True`` the token options (``--lower``,
    ``--stopwords``, ``--stem``, ``--lang``, ``--pattern``, ``--keep-numbers``) as ``tokens`` (a
    :class:`~corpuscli.cli._token_options.Tokens`)."""
    if func is None:
        return functools.partial(corpus_command, compute=compute, tokens=tokens)
    token_part = TOKEN_OPTIONS if tokens else ()
    compute_part = COMPUTE_OPTIONS if compute else ()
    extra = (*token_part, *compute_part)
    own = [
        p
        for name, p in inspect.signature(func, eval_str=True).parameters.items()
        if name not in _INJECTED
    ]
    shared = [
        inspect.Parameter(
            name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
        )
        for name, annotation, default in (*extra, *SHARED)
    ]

    @functools.wraps(func)
    def wrapper(**kwargs: Any) -> None:
        if tokens:
            kwargs["tokens"] = Tokens(**{name: kwargs.pop(name) for name, _, _ in token_part})
        if compute:
            kwargs["compute"] = Compute(**{name: kwargs.pop(name) for name, _, _ in compute_part})
        values = {name: kwargs.pop(name) for name, _, _ in SHARED}
        with command(quiet=values["quiet"], debug=values["debug"]) as run:
            inputs = InputSpec(
                paths=values["paths"],
                files_from=values["files_from"],
                source=values["source"],
                manifest=values["manifest"],
                encoding=values["encoding"],
                since=values["since"],
                until=values["until"],
                dedupe=values["dedupe"],
                max_input_size=values["max_input_size"],
                max_line_size=values["max_line_size"],
                clean=values["clean"],
                patterns=values["patterns"],
                store=values["store"],
                query=values["fts_query"],
                columns=columns_from(**{k: values[k] for k in values if k.endswith("_col")}),
            )
            fmt = run.output_format(values["fmt"], values["output"])
            func(run=run, inputs=inputs, fmt=fmt, output=values["output"], **kwargs)

    wrapper.__signature__ = inspect.Signature([*own, *shared])  # type: ignore[attr-defined]
    return wrapper
