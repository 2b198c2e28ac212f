"""The `corpus` Typer application. Command modules are light to import; each command imports
pandas and the analysis it runs inside its body, so that `corpus --help` returns fast."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from corpuscli import interrupts

from . import (
    cmd_boilerplate,
    cmd_collocations,
    cmd_compare,
    cmd_diff,
    cmd_kwic,
    cmd_load,
    cmd_pairs,
    cmd_quotes,
    cmd_report,
    cmd_stats,
    cmd_store,
    cmd_stories,
    cmd_terms,
)
from .help import CorpusGroup

APP_HELP = """Analyse corpora of news articles: load, count, compare, clean and diff.

Every command reads files, folders, globs or - (stdin) and writes a table on a terminal, TSV in a pipe, or any of --format table|tsv|csv|json|jsonl|md|html|parquet (-o FILE picks it from the extension).

Exit status: 0 ok; 1 output written but some inputs skipped (named on stderr); 2 bad usage or nothing usable; 3 a search found nothing (kwic, collocations --node, compare --naming); 4 the Dask scheduler could not be reached (--engine dask); 70 internal error; 129 stopped by SIGHUP; 130 interrupted (Ctrl-C); 143 stopped by SIGTERM. """

app = typer.Typer(
    name="corpus",
    help=APP_HELP,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    cls=CorpusGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"corpus {version('corpuscli')}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Analyse corpora of news articles."""


COMMANDS = (
    ("load", cmd_load.HELP, cmd_load.EPILOG, cmd_load.load_command),
    ("stats", cmd_stats.HELP, cmd_stats.EPILOG, cmd_stats.stats_command),
    ("terms", cmd_terms.HELP, cmd_terms.EPILOG, cmd_terms.terms_command),
    (
        "collocations",
        cmd_collocations.HELP,
        cmd_collocations.EPILOG,
        cmd_collocations.collocations_command,
    ),
    ("kwic", cmd_kwic.HELP, cmd_kwic.EPILOG, cmd_kwic.kwic_command),
    ("compare", cmd_compare.HELP, cmd_compare.EPILOG, cmd_compare.compare_command),
    (
        "boilerplate",
        cmd_boilerplate.BOILERPLATE_HELP,
        cmd_boilerplate.BOILERPLATE_EPILOG,
        cmd_boilerplate.boilerplate_command,
    ),
    (
        "clean",
        cmd_boilerplate.CLEAN_HELP,
        cmd_boilerplate.CLEAN_EPILOG,
        cmd_boilerplate.clean_command,
    ),
    ("quotes", cmd_quotes.HELP, cmd_quotes.EPILOG, cmd_quotes.quotes_command),
    ("diff", cmd_diff.HELP, cmd_diff.EPILOG, cmd_diff.diff_command),
    ("pairs", cmd_pairs.HELP, cmd_pairs.EPILOG, cmd_pairs.pairs_command),
    ("stories", cmd_stories.HELP, cmd_stories.EPILOG, cmd_stories.stories_command),
    ("report", cmd_report.HELP, cmd_report.EPILOG, cmd_report.report_command),
    ("ingest", cmd_store.INGEST_HELP, cmd_store.INGEST_EPILOG, cmd_store.ingest_command),
    ("search", cmd_store.SEARCH_HELP, cmd_store.SEARCH_EPILOG, cmd_store.search_command),
)
for _name, _help, _epilog, _func in COMMANDS:
    app.command(_name, help=_help, epilog=_epilog)(_func)
app.add_typer(cmd_store.store_app, name="store")


def main() -> None:
    """Console entry point: Ctrl-C exits 130, SIGTERM 143 and SIGHUP 129 (after stopping the
    worker processes and removing temporary files). SIGPIPE keeps Python's setting (ignored):
    a closed stdout (`| head`) is a BrokenPipeError that the command's session ends quietly,
    and a pipe between this process and its workers that breaks as they are stopped must not
    kill it before its clean-up."""
    interrupts.install()
    try:
        app(prog_name="corpus")
    except KeyboardInterrupt as exc:  # outside a command body (parsing the command line)
        interrupts.hold()
        signum = interrupts.signal_of(exc)
        interrupts.say(f"corpus: {interrupts.describe(signum)}")
        sys.exit(interrupts.exit_code(signum))
    except SystemExit as done:
        interrupts.hold()  # a Ctrl-C from here on comes too late to cut the run short
        received = interrupts.received()
        code = done.code
        if received is not None and code != interrupts.exit_code(received):
            code = interrupts.exit_code(received)  # Click's "Aborted!" (exit 1) and the like
        if interrupts.stopping() and isinstance(code, int):
            interrupts.leave(code)  # no process of the run outlives it, nothing more is said
        sys.exit(code)
