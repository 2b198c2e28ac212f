"""`corpus report`: a complete, self-contained report for a time window, made for cron."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

import typer

from corpuscli.engine.compute import Compute

from .command import Out, command
from .session import Session, say

HELP = """One report that assembles the analyses for a time window: overview (articles per source and day, words, dates, skipped inputs), top terms and phrases, keyness per source, trending terms against a comparison window, boilerplate removed, stories covered by more than one source with their statement-level diffs, and the most-quoted speakers.

Formats: html (one self-contained file: inline charts, no network), md, json; at a terminal without -o (or with --format table) the report is drawn there with bars and a sparkline, and in a pipe it is Markdown. The same input gives the same bytes; --stamp adds the time of the run. Windows: --since/--until take dates, today, yesterday or 1d, 7d, 2w; --compare-to 7d compares the window with the 7 days before it. Every option can come from a TOML file (--config); options on the command line win; --print-config shows the result. Exit status: 0 ok, 1 report written but some inputs skipped (listed in the report), 2 nothing usable.
"""

EPILOG = """\b
Examples:
  corpus report articles/ -o report.html
  corpus report articles/ --since 2026-11-26 --until 2026-11-27 -o daily.md
  corpus report articles/ --since 1d --compare-to 7d -o daily.html
  corpus report articles/ --config report.toml
  corpus report articles/ --format json | jq '.sources'
"""

CompareOpt = Annotated[
    str | None,
    typer.Option(
        "--compare-to", metavar="SPAN", help="Compare with this span before --since (7d, 2w)."
    ),
]
ConfigOpt = Annotated[
    str | None, typer.Option("--config", metavar="FILE", help="Options from a TOML file.")
]
PrintConfigOpt = Annotated[
    bool, typer.Option("--print-config", help="Print the effective options as TOML and exit.")
]
SectionsOpt = Annotated[
    str | None,
    typer.Option("--sections", metavar="LIST", help="Comma-separated sections (default: all)."),
]
SkipOpt = Annotated[
    str | None, typer.Option("--skip", metavar="LIST", help="Sections to leave out.")
]
TopOpt = Annotated[int, typer.Option("--top", min=1, help="Rows per list.")]
ByOpt = Annotated[
    str, typer.Option("--by", metavar="COLUMN", help="Group by this column (outlets).")
]
TitleOpt = Annotated[str, typer.Option("--title", help="The report's title.")]
StampOpt = Annotated[
    bool, typer.Option("--stamp", help="Add the time of the run (the report changes each run).")
]
VerboseOpt = Annotated[
    bool, typer.Option("--verbose", "-v", help="A log line on stderr: counts and time taken.")
]

#: The report's options by config key, as the config file and the command line give them (each
#: value of the type :func:`_checked_config` checks for).
Settings = dict[str, Any]

DEFAULTS: Settings = {
    "compare_to": None, "sections": None, "skip": None, "top": 10, "by": "source",
    "title": "Corpus report", "stamp": False, "verbose": False,
}  # fmt: skip
#: Keys of a --config file: the report's options, and the input options a cron job fixes.
CONFIG_KEYS = {
    "paths", "since", "until", "compare_to", "sections", "skip", "top", "by", "title", "stamp",
    "clean", "patterns", "verbose", "manifest", "source", "output", "format", "dedupe", "store",
    "query", "jobs",
}  # fmt: skip
#: Group options a --config file may set (values given on the command line win).
CONFIG_INPUTS = ("paths", "since", "until", "manifest", "source", "output", "dedupe", "store",
                 "query", "clean", "patterns", "jobs")  # fmt: skip


@command("input", "filters", "store", "cleaning", "jobs", "output", without=("raw_csv", "all_rows"))
def report_command(
    compare_to: CompareOpt = None,
    config: ConfigOpt = None,
    print_config: PrintConfigOpt = False,
    sections: SectionsOpt = None,
    skip: SkipOpt = None,
    top: TopOpt = 10,
    by: ByOpt = "source",
    title: TitleOpt = "Corpus report",
    stamp: StampOpt = False,
    verbose: VerboseOpt = False,
    *,
    session: Session,
    given: dict[str, Any],
    compute: Compute,
    out: Out,
) -> None:
    import sys
    import time
    from dataclasses import replace

    from .command import source_of

    started = time.monotonic()
    mine = {"compare_to": compare_to, "sections": sections, "skip": skip, "top": top, "by": by,
            "title": title, "stamp": stamp, "verbose": verbose}  # fmt: skip
    settings = _settings(config, mine, given, out)
    if print_config:
        sys.stdout.write(_toml(settings))
        return
    from corpuscli.api.report import report

    values = {**given, **{k: settings.get(k) for k in CONFIG_INPUTS if k != "output"}}
    values["fts_query"] = settings.get("query")
    if isinstance(values.get("source"), str):
        values["source"] = [values["source"]]
    source = source_of(values, session)
    if settings.get("jobs"):
        compute = replace(compute, jobs=int(settings["jobs"]))
    log = (lambda line: say(f"corpus report: {line}")) if settings.get("verbose") else None
    result = report(
        source,
        since=source.since, until=source.until, compare_to=settings.get("compare_to"),
        sections=settings["sections"].split(",") if settings.get("sections") else None,
        skip=settings["skip"].split(",") if settings.get("skip") else (),
        top=int(settings["top"]), by=settings["by"], title=settings["title"],
        stamp=bool(settings.get("stamp")), clean=bool(settings.get("clean") or settings.get("patterns")),
        compute=compute, load_report=session.load, log=log,
    )  # fmt: skip
    target = settings.get("output")
    session.tell_load()
    session.write(result, settings["format"], target)
    if target:
        session.info(f"wrote the report to {target}")
    _summary(settings, result.document, session.load.articles, len(session.load.problems),
             started, target)  # fmt: skip


def _summary(
    settings: Settings,
    data: dict[str, Any],
    articles: int,
    skipped: int,
    started: float,
    target: str | None,
) -> None:
    import time

    if settings.get("verbose"):
        ov = data.get("overview") or {}
        say(
            f"corpus report: {articles:,} articles read, {ov.get('articles', '?')} in the window, "
            f"{len(data['sources'])} sources, {_skips(skipped)}, "
            f"{time.monotonic() - started:.1f} s" + (f", written to {target}" if target else "")
        )


def _skips(count: int) -> str:
    """How many inputs or lines were skipped: a problem may name a file or one line of it."""
    return f"{count} {'problem' if count == 1 else 'problems'} (inputs or lines skipped)"


def _settings(
    config: str | None, mine: Mapping[str, object], given: dict[str, Any], out: Out
) -> Settings:
    """Config file values, overridden by every option given on the command line."""
    import tomllib

    from corpuscli.errors import UsageError

    from_file: dict[str, Any] = {}
    if config:
        try:
            with open(config, "rb") as handle:
                # a BOM (Windows editors save one) is no TOML: tomllib would say line 1 is wrong
                from_file = tomllib.loads(handle.read().decode("utf-8-sig"))
        except OSError as exc:
            raise UsageError(f"cannot read the config: {exc.strerror}", where=config) from None
        except UnicodeDecodeError:
            raise UsageError("the config is not UTF-8 text (a binary file?)", where=config,
                             hint="give a TOML file, e.g. from --print-config") from None  # fmt: skip
        except tomllib.TOMLDecodeError as exc:
            raise UsageError(f"the config is not valid TOML: {exc}", where=config) from None
        unknown = set(from_file) - CONFIG_KEYS
        if unknown:
            raise UsageError(f"unknown config keys: {', '.join(sorted(unknown))}", where=config,
                             hint=f"known keys: {', '.join(sorted(CONFIG_KEYS))}")  # fmt: skip
        from_file = _checked_config(from_file, config)
    settings: Settings = dict(DEFAULTS)
    settings.update(dict(from_file.items()))
    for key, value in mine.items():
        if value != DEFAULTS[key]:
            settings[key] = value
    cli = {key: given.get(key) for key in CONFIG_INPUTS}
    cli["query"] = given.get("fts_query")
    cli["output"] = out.path
    for key, value in cli.items():
        if value:
            settings[key] = value
    if isinstance(settings.get("paths"), str):
        settings["paths"] = [settings["paths"]]
    explicit_fmt = from_file.get("format")
    fmt, output = out.fmt, out.path
    if fmt == "table" and not output and not explicit_fmt:
        settings["format"] = "table"  # a terminal (or --format table): bars and sparklines
    elif fmt not in ("tsv", "table") or out.asked == "tsv":  # --format given, or -o's extension
        settings["format"] = fmt  # (a tsv asked for is refused when written, as csv is)
    elif settings.get("output"):
        name = str(settings["output"]).lower()
        if name.endswith((".tsv", ".tsv.gz")):
            settings["format"] = "tsv"  # refused when written: not Markdown under a .tsv name
            return settings
        settings["format"] = (
            "html"
            if name.endswith((".html", ".htm"))
            else "json"
            if name.endswith(".json")
            else "md"
        )
    else:
        settings["format"] = explicit_fmt or "md"
    return settings


#: The type each config key takes: text, a whole number, true/false, or (paths, sections, skip)
#: text or a list of text; since/until also take a TOML date.
_TEXT = ("since", "until", "compare_to", "by", "title", "manifest", "output", "format", "store",
         "query", "patterns")  # fmt: skip
_LISTS = ("paths", "sections", "skip", "source")
_FLAGS = ("stamp", "clean", "verbose", "dedupe")


def _checked_config(values: dict[str, Any], config: str) -> Settings:
    """The config file's values, each checked for its type (a UsageError naming the key
    otherwise); TOML dates become ISO text, lists of sections comma-separated text."""
    import datetime as dt

    from corpuscli.errors import UsageError

    def wrong(key: str, want: str) -> UsageError:
        value = values[key]
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
        return UsageError(
            f"config key {key} must be {want}, not {type(value).__name__} {shown}", where=config
        )

    checked: Settings = {}
    for key, value in values.items():
        if key in _TEXT:
            if key in ("since", "until") and isinstance(value, dt.date | dt.datetime):
                value = value.isoformat()
            if not isinstance(value, str) or not value:  # "": as if not given, silently
                raise wrong(key, "text that is not empty")
        elif key in _LISTS:
            if isinstance(value, list) and all(isinstance(v, str) and v for v in value):
                value = value if key in ("paths", "source") else ",".join(value)
            elif not isinstance(value, str) or not value:
                raise wrong(key, "text or a list of text, none of it empty")
        elif key in _FLAGS:
            if not isinstance(value, bool):
                raise wrong(key, "true or false")
        elif key in ("top", "jobs") and (
            isinstance(value, bool) or not isinstance(value, int) or value < 1
        ):
            raise wrong(key, "a whole number of 1 or more")
        checked[key] = value
    return checked


def _toml(settings: Settings) -> str:
    lines = []
    for key in sorted(settings):
        value = settings[key]
        if value is None:
            continue
        if isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, int | float):
            text = str(value)
        elif isinstance(value, list):
            text = "[" + ", ".join('"' + str(v).replace('"', '\\"') + '"' for v in value) + "]"
        else:
            text = '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'
        lines.append(f"{key} = {text}")
    return "\n".join(lines) + "\n"
