"""Every command, run with every option it accepts, shows that the option does something: the
output (stdout, stderr or exit status) differs from the same run without it, or the command
refuses the option with a message. An option a command accepts and silently ignores fails here.

Each option is tried in a context that makes its effect observable (a filter that the option
can satisfy, a group to show the outlets ...), given to both runs. Compute options are checked
by what reaches the worker pool (``--jobs``) or the Dask engine (an unreachable scheduler)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from corpuscli.cli.app import COMMANDS, app
from tests.conftest import ROUNDUPS, SEED_000, SEED_003

NAMES = [name for name, *_ in COMMANDS]


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two seeds and nine roundups (three events, left/center/right) in one folder."""
    folder = tmp_path_factory.mktemp("matrix") / "in"
    folder.mkdir()
    shutil.copy(SEED_000, folder)
    shutil.copy(SEED_003, folder)
    shutil.copy(SEED_003, folder / "003_copy.txt")  # an exact duplicate, for --dedupe
    lines = ROUNDUPS.read_text(encoding="utf-8").splitlines()[:11]
    (folder / "roundups.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # two of them again with no outlet and their address under a name no reader guesses
    linked = []
    for line in lines[9:11]:
        row = json.loads(line)
        linked.append({"id": "linked_" + row["id"], "title": row["title"], "date": row["date"],
                       "address_of_page": row["url"], "text": row["text"]})  # fmt: skip
    (folder / "linked.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in linked), encoding="utf-8"
    )
    manifest = folder.parent / "manifest.csv"
    manifest.write_text(
        "file,source,published\n000_dceb8f66d6ffd2f1.txt,Anatolia Today,2020-12-17\n"
        "003_d3eae8a6fb502286.txt,The Moscow Times,2020-10-30\n",
        encoding="utf-8",
    )
    listing = folder.parent / "files.txt"
    listing.write_text(str(folder / SEED_003.name) + "\n", encoding="utf-8")
    return folder


def _params(name: str) -> list[Any]:
    import typer.main

    group = typer.main.get_command(app)
    return list(group.commands[name].params)  # type: ignore[attr-defined]


#: command -> arguments before the input path (kwic's query; diff's two files come apart)
LEADING = {"kwic": ["biden"]}
#: (command, option) -> more context, where the generic one cannot show the option's effect
MORE = {
    ("terms", "--id-col"): ["--by", "doc"],
    ("stats", "--id-col"): ["--by", "doc_id"],
    ("compare", "--id-col"): ["--by", "doc_id", "--similarity"],
    ("stats", "--title-col"): ["--by", "title"],
    ("terms", "--title-col"): ["--by", "title"],
    ("compare", "--title-col"): ["--by", "title", "--similarity"],
    ("boilerplate", "--id-col"): ["--explain"],
    ("boilerplate", "--text-col"): ["--explain"],
    ("collocations", "--keep-numbers"): ["--min-count", "1", "--all"],
    ("compare", "--keep-numbers"): ["--min-count", "1", "--p", "1", "--all"],
    ("report", "--id-col"): ["-f", "json"],
    ("report", "--title-col"): ["-f", "json"],
    ("report", "--quiet"): ["-o", "OUT.md"],
    ("ingest", "--jobs"): ["--clean"],
}
#: command -> context always given (so that a change of outlet or date can show)
ALWAYS = {"terms": ["--by", "source", "--all"], "stats": ["--by", "source"]}


def scenario(option: str, small: Path) -> tuple[list[str], list[str]] | None:
    """(context given to both runs, the option with its value) for an option, or None when the
    option is the command's own and has no generic scenario."""
    manifest, listing = small.parent / "manifest.csv", small.parent / "files.txt"
    table: dict[str, tuple[list[str], list[str]]] = {
        "--files-from": ([], ["--files-from", str(listing)]),
        "--manifest": (["--since", "2020-01-01"], ["--manifest", str(manifest)]),
        "--encoding": ([], ["--encoding", "cp1251"]),
        "--set-source": (["--source", "Wire"], ["--set-source", "Wire"]),
        "--text-col": ([], ["--text-col", "title"]),
        "--title-col": (["-f", "jsonl"], ["--title-col", "topic"]),
        "--source-col": (["--source", "left"], ["--source-col", "stance"]),
        "--date-col": (["--since", "2021-01-01"], ["--date-col", "title"]),
        "--url-col": (["--source", "cnbc.com"], ["--url-col", "address_of_page"]),
        "--id-col": (["-f", "jsonl"], ["--id-col", "title"]),
        "--source": ([], ["--source", "The Moscow Times"]),
        "--since": ([], ["--since", "2021-08-01"]),
        "--until": ([], ["--until", "2021-08-01"]),
        "--dedupe": ([], ["--dedupe"]),
        "--store": ([], ["--store", "nosuch.db"]),
        "--query": ([], ["--query", "putin"]),
        "--clean": ([], ["--clean"]),
        "--patterns": ([], ["--patterns", "nosuch-patterns.json"]),
        "--lower": (["--keep-case"], ["--lower"]),
        "--stopwords": ([], ["--stopwords", "none"]),
        "--stem": ([], ["--stem"]),
        "--lang": (["--stem"], ["--lang", "de"]),
        "--pattern": ([], ["--pattern", r"[A-Z]\w+"]),
        "--keep-numbers": ([], ["--keep-numbers"]),
        "--format": ([], ["--format", "csv"]),
        "--output": ([], ["--output", "OUT.jsonl"]),
        "--quiet": (["--since", "2021-01-01"], ["--quiet"]),
        "--debug": (["--since", "never"], ["--debug"]),
        # refused but with CSV; what it changes in CSV: tests/adversarial/test_csv_formulas.py
        "--raw-csv": ([], ["--raw-csv"]),
        "--all-rows": ([], ["--all-rows"]),
        "--jobs": ([], ["--jobs", "1"]),
        "--engine": ([], ["--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"]),
        "--scheduler": ([], ["--scheduler", "tcp://127.0.0.1:9"]),
    }
    return table.get(option)


def _spy_on_cores(monkeypatch: pytest.MonkeyPatch, seen: list[int]) -> None:
    """Record the worker processes each analysis asks its Compute for."""
    from corpuscli.engine.compute import Compute

    real = Compute.cores.fget  # type: ignore[attr-defined]

    def cores(self):  # type: ignore[no-untyped-def]
        value = real(self)
        seen.append(value)
        return value

    monkeypatch.setattr(Compute, "cores", property(cores))


def _stored(store: Path) -> Any:
    """What a store holds (what ingest did), or None."""
    import sqlite3

    if not store.exists():
        return None
    con = sqlite3.connect(store)
    try:
        return con.execute(
            "SELECT doc_id, source, title, url, published, text FROM articles ORDER BY doc_id"
        ).fetchall()
    finally:
        con.close()


#: Runs without the option, by their arguments (many options share a context).
_BASELINES: dict[tuple[str, ...], tuple[Any, ...]] = {}


def _run(runner: Any, args: list[str], tmp: Path, jobs_seen: list[int]) -> tuple[Any, ...]:
    args = [a.replace("OUT.", str(tmp / "out.")) for a in args]
    (tmp / "out.jsonl").unlink(missing_ok=True)
    result = runner.invoke(app, args, catch_exceptions=True)
    written = (tmp / "out.jsonl").read_text() if (tmp / "out.jsonl").exists() else None
    return (result.exit_code, result.stdout, result.stderr, written, type(result.exception),
            tuple(jobs_seen))  # fmt: skip


SHARED = [
    "--files-from", "--manifest", "--encoding", "--set-source", "--text-col", "--title-col",
    "--source-col", "--date-col", "--url-col", "--id-col", "--source", "--since", "--until",
    "--dedupe", "--store", "--query", "--clean", "--patterns", "--lower", "--stopwords", "--stem",
    "--lang", "--pattern", "--keep-numbers", "--format", "--output", "--quiet", "--debug",
    "--raw-csv", "--jobs", "--engine", "--scheduler", "--all-rows",
]  # fmt: skip

#: (command, option) pairs whose effect the generic scenario cannot show, with the reason; each
#: has its own test elsewhere.
EXCUSED = {
    ("ingest", "--store"): "the store is ingest's destination (tests/store)",
    ("ingest", "--query"): "refused: a query filters what a store gives",
    **{
        (name, "--all-rows"): "a table at a terminal only: tests/render/test_terminal_tables.py "
        "runs it at a pseudo-terminal"
        for name in NAMES
    },
}

CASES = [(name, option) for name in NAMES if name not in ("diff", "search") for option in SHARED]


@pytest.mark.parametrize(("name", "option"), CASES)
def test_every_accepted_option_changes_the_result_or_is_refused(
    name, option, small, tmp_path, runner, monkeypatch
):
    accepted = {opt for p in _params(name) for opt in (*p.opts, *p.secondary_opts)}
    if option not in accepted:
        return  # not offered: typer refuses it (checked below)
    if (name, option) in EXCUSED:
        pytest.skip(EXCUSED[(name, option)])
    context, given = scenario(option, small)  # type: ignore[misc]
    jobs_seen: list[int] = []
    _spy_on_cores(monkeypatch, jobs_seen)
    context = [*context, *MORE.get((name, option), [])]
    store = tmp_path / "news.db"
    base = [name, *LEADING.get(name, []), str(small), *ALWAYS.get(name, []), *context]
    if name == "ingest":
        base += ["--store", str(store)]
    key = (*base, str(tmp_path.parent))
    fresh = name == "ingest" or any("OUT." in a for a in base)  # paths of this test in the output
    if fresh or key not in _BASELINES:  # a run without the option, once per context
        _BASELINES[key] = (*_run(runner, base, tmp_path, jobs_seen), _stored(store))
    before = _BASELINES[key]
    jobs_seen.clear()
    store.unlink(missing_ok=True)
    after = (*_run(runner, [*base, *given], tmp_path, jobs_seen), _stored(store))
    assert before != after, f"corpus {name} accepts {option} but it changed nothing"
    # a crash is a change too: neither run may end in an internal error (exit 70, a traceback;
    # --debug lets the error through on purpose)
    for run in (before, after) if option != "--debug" else (before,):
        assert run[0] != 70 and run[4] in (type(None), SystemExit), (name, option, run[2])


@pytest.mark.parametrize("name", [n for n in NAMES if n not in ("diff", "search")])
def test_options_a_command_does_not_honour_are_refused(name, runner, small):
    """A command offers only its groups: an option of another group is a usage error."""
    accepted = {opt for p in _params(name) for opt in (*p.opts, *p.secondary_opts)}
    foreign = [o for o in ("--engine", "--clean", "--stem", "--store") if o not in accepted]
    for option in foreign:
        value = [] if option in ("--clean", "--stem") else ["x"]
        result = runner.invoke(app, [name, str(small), option, *value])
        assert result.exit_code == 2, (name, option)
        assert "No such option" in result.stderr, (name, option)


def test_the_matrix_covers_every_shared_option():
    offered = {
        opt
        for name in NAMES
        for p in _params(name)
        for opt in p.opts
        if opt.startswith("--") and p.param_type_name == "option"
    }
    own = offered - set(SHARED) - {"--help"}
    assert own, "commands have options of their own"
    assert set(SHARED) - offered == set(), "a shared option no command offers"
    json.dumps(sorted(own))
