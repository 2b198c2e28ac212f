"""The public API gives what the commands print, command by command: the same defaults and the
same results (rendered through the same writer)."""

from __future__ import annotations

import inspect
import io
import json

import pytest

import corpuscli as cc
from corpuscli.cli.app import COMMANDS
from corpuscli.render.emit import emit
from corpuscli.text.token_options import parse_ngram
from tests.conftest import ROUNDUPS, SAMPLE, SEED_000, SEED_003

S = str(SAMPLE)

#: command line (after `corpus`) -> the API call that must give the same output
CASES = [
    (["load", S], lambda: cc.articles(S)),
    (["stats", S, "--by", "source"], lambda: cc.stats(S, by="source")),
    (["terms", S, "--ngram", "2", "--top", "7"], lambda: cc.terms(S, ngram=2, top=7)),
    (
        ["terms", S, "--by", "stance", "--measure", "tfidf", "--long"],
        lambda: cc.terms(S, by="stance", measure="tfidf"),
    ),
    (
        ["terms", S, "--keep-case", "--stopwords", "none", "--top", "5"],
        lambda: cc.terms(S, top=5, tokens=cc.Tokens(lower=False, stopwords="none")),
    ),
    (["collocations", S, "--window", "3"], lambda: cc.collocations(S, window=3)),
    (["kwic", "putin", S], lambda: cc.kwic(S, "putin")),
    (
        ["kwic", "Putin", S, "--keep-case", "--sort", "left"],
        lambda: cc.kwic(S, "Putin", keep_case=True, sort="left"),
    ),
    (["compare", S, "--by", "stance"], lambda: cc.compare(S, by="stance")),
    (["compare", S, "--similarity"], lambda: cc.compare(S, similarity=True)),
    (["boilerplate", S], lambda: cc.find_boilerplate(S)),
    (["clean", str(SEED_003)], lambda: cc.clean(str(SEED_003))),
    (["quotes", S, "--speaker", "Biden"], lambda: cc.quotes(S, speaker="Biden")),
    (["pairs", str(ROUNDUPS), "--by", "stance"], lambda: cc.pairs(str(ROUNDUPS), by="stance")),
    (
        ["pairs", str(ROUNDUPS), "--by", "stance", "--top", "1"],
        lambda: cc.pairs(str(ROUNDUPS), by="stance", top=1),
    ),
    (["boilerplate", S, "--top", "1"], lambda: cc.find_boilerplate(S, top=1)),
    (
        ["terms", S, "--source", "The Moscow Times"],
        lambda: cc.terms(cc.Source(paths=(S,), sources=("The Moscow Times",))),
    ),
]


@pytest.mark.parametrize(("args", "call"), CASES, ids=[" ".join(a[:2]) for a, _ in CASES])
def test_api_result_is_the_command_output(corpus, args, call):
    printed = corpus(*args, "-f", "json")
    assert printed.exit_code == 0, printed.stderr
    out = io.StringIO()
    emit(call(), "json", stdout=out, terminal=False)
    assert json.loads(out.getvalue()) == json.loads(printed.stdout)


def test_diff_and_report_equal_their_commands(corpus):
    printed = corpus("diff", str(SEED_000), str(SEED_003), "-f", "json")
    result = cc.diff(str(SEED_000), str(SEED_003))
    out = io.StringIO()
    emit(result, "json", stdout=out, terminal=False)
    assert out.getvalue() == printed.stdout
    printed = corpus("report", S, "-f", "json", "-q")
    out = io.StringIO()
    emit(cc.report(S), "json", stdout=out, terminal=False)
    assert out.getvalue() == printed.stdout


#: command -> its API function, and CLI parameters named differently in the API
API_OF = {
    "load": (cc.articles, {}),
    "stats": (cc.stats, {}),
    "terms": (cc.terms, {"all_terms": None, "long": None}),
    "collocations": (cc.collocations, {"all_terms": None}),
    "kwic": (cc.kwic, {"lower": None}),
    "compare": (cc.compare, {"all_terms": None}),
    "boilerplate": (cc.find_boilerplate, {}),
    "clean": (cc.clean, {"show": None}),
    "quotes": (cc.quotes, {}),
    "pairs": (cc.pairs, {}),
    "report": (cc.report, {"config": None, "print_config": None, "verbose": None}),
}


@pytest.mark.parametrize("name", sorted(API_OF))
def test_api_defaults_are_the_command_defaults(name):
    func, renamed = API_OF[name]
    command = next(f for n, _, _, f in COMMANDS if n == name)
    api = inspect.signature(func).parameters
    checked = 0
    for param in inspect.signature(command).parameters.values():
        key = renamed.get(param.name, param.name)
        if key is None or key not in api or param.default is inspect.Parameter.empty:
            continue
        cli_default, api_default = param.default, api[key].default
        if param.name == "ngram":  # "1" on the command line, 1 in Python: the same n-grams
            cli_default, api_default = parse_ngram(cli_default), parse_ngram(api_default)
        if cli_default is None and api_default == ():  # a repeatable option given no value
            api_default = None
        assert api_default == cli_default, (name, param.name, cli_default, api_default)
        checked += 1
    assert checked >= 1 or name == "load", name  # load has no options of its own
