"""The statement-alignment scorer of `corpus diff`: its features, the shipped model, and the
decision it makes, on the seeds and small real excerpts (tests/fixtures/README.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace

import pandas as pd
import pytest

from corpuscli.coverage.align import (
    CONTAINED,
    MIN_SHARED,
    align,
    beyond_speakers,
    candidates,
    choose,
)
from corpuscli.coverage.alignment_model import Model, shipped_model
from corpuscli.coverage.diff import side
from corpuscli.coverage.pair_features import NAMES, statement_info
from corpuscli.coverage.similarity import Weights
from corpuscli.coverage.speaker_match import same_speaker
from corpuscli.errors import CorpusError
from tests.conftest import FIXTURES, ROOT, SEED_003


def _side(text: str, doc_id: str):
    return side(pd.Series({"doc_id": doc_id, "text": text}))


def _fixture(name: str):
    a = (FIXTURES / f"basil_{name}_a.txt").read_text(encoding="utf-8")
    b = (FIXTURES / f"basil_{name}_b.txt").read_text(encoding="utf-8")
    return _side(a, "a"), _side(b, "b")


def test_shipped_model_reads_features_this_version_computes():
    model = shipped_model()
    assert set(model.names) <= set(NAMES)
    assert len(model.coef) == len(model.mean) == len(model.scale) == len(model.names)
    assert 0 < model.threshold < 1 and 0 <= model.relative < 1
    data = model.to_json()
    assert Model.of(data) == model
    with pytest.raises(CorpusError):
        Model.of({**data, "features": [*data["features"][:-1], "a feature nobody computes"]})


def test_every_pair_has_every_feature_and_the_same_words_are_linked():
    a, b = _fixture("tax_ruling")
    c = candidates(a.statements, b.statements, a.text, b.text)
    assert set(c.features) == {
        (i, j) for i in range(len(a.statements)) for j in range(len(b.statements))
    }
    assert all(len(x) == len(NAMES) for x in c.features.values())
    model = shipped_model()
    exact = NAMES.index("exact")
    same = [key for key, x in c.features.items() if x[exact] == 1.0]
    assert same, "the excerpts share statements word for word"
    assert min(model.probability(c.features[key]) for key in same) > 0.9
    chosen = choose(c, model)
    assert set(same) <= set(chosen) and len(chosen) < len(c.features)


def test_a_word_family_counts_in_the_soft_overlap():
    # "unconstitutional" ends in "constitution"'s stem: one family, no shared word
    weights = Weights.of(["The measure is unconstitutional.", "It violates the constitution."])
    a = _side("“The measure is unconstitutional,” he said.", "a").statements[0]
    b = _side("“It violates the constitution,” he said.", "b").statements[0]
    from corpuscli.coverage.pair_features import soft_dice

    x, y = statement_info(a, "", weights), statement_info(b, "", weights)
    assert soft_dice(x, y) > 0 and not (x.profile.content & y.profile.content)


def test_the_threshold_decides():
    a, b = _fixture("trophies")
    c = candidates(a.statements, b.statements, a.text, b.text)
    model = shipped_model()
    assert choose(c, model)
    # beyond the threshold only word-for-word renderings stay: the same words, the same words
    # but for a word or two, a quote found whole inside the other statement
    near, whole = NAMES.index("near_same"), NAMES.index("fragment_whole")
    for i, j in choose(c, replace(model, threshold=1.01)):
        x = c.features[(i, j)]
        assert (i, j) in c.exact or x[near] or (x[whole] and c.sims[i][j].run >= CONTAINED)
    assert len(choose(c, replace(model, threshold=0.0))) >= len(choose(c, model))


def test_a_partial_quote_inside_the_other_quote_is_linked_as_contained():
    """One outlet quotes three words or more of the sentence the other quotes whole: the two are
    one statement, "contained", whatever the scorer says; two words ("very close") are a phrase
    both may write of their own, left to the scorer."""
    a = _side(
        "Mayor Ortiz said the city would appeal and that she “will be vindicated.”\n\n"
        "She also said talks were “very close” to an end.",
        "a",
    )
    b = _side(
        "“When the review is over, I will be vindicated,” Ortiz told reporters.\n\n"
        "“We are very close, but the budget comes first,” she said of the talks.",
        "b",
    )
    c = candidates(a.statements, b.statements, a.text, b.text)
    strict = replace(shipped_model(), threshold=1.01)
    rows, links = align(a.statements, b.statements, a.text, b.text, strict)
    texts = {(a.statements[i].text, b.statements[j].text) for i, j in links}
    assert any("will be vindicated" in x and "I will be vindicated" in y for x, y in texts)
    assert not any(x.strip("“”.") == "very close" for x, _ in texts)
    assert [r.label for r in rows if r.a and r.b] == ["contained"]
    assert choose(c, strict) == links


def test_a_partial_quote_inside_reported_speech_is_not_linked_as_contained():
    """A phrase one outlet quotes ("unfair trade practices", CNN) printed in the other outlet's
    report of someone else's words (the Washington Times on Rep. Tim Ryan) is the outlet's
    wording, not the quote's sentence: the contained rule links a partial quote to a quote only."""
    a = _side(
        'Trump did not avoid pointing out China\'s "unfair trade practices" and its "theft of '
        'intellectual property," but his conclusion that the imbalance in the US-Chinese trade '
        "relationship was the fault of his predecessors ignored the role of China.",
        "a",
    )
    b = _side(
        "Rep. Tim Ryan, Ohio Democrat, said Mr. Trump is backing away from promises to confront "
        "China over unfair trade practices such as currency manipulation and steel dumping.",
        "b",
    )
    kinds = {q.text.strip('“”".'): q.kind for q in a.statements + b.statements}
    assert kinds.get("unfair trade practices") == "partial"
    assert "reported" in kinds.values()
    strict = replace(shipped_model(), threshold=1.01)
    _, links = align(a.statements, b.statements, a.text, b.text, strict)
    assert links == {}


def test_context_alone_does_not_link_two_remarks():
    """Two statements whose own words barely overlap are not linked, however much the
    sentences around them share (one speaker, one subject): the model's own-overlap floor, unless
    they have many content words in common (two long statements of the same points)."""
    a, b = _fixture("trophies")
    c = candidates(a.statements, b.statements, a.text, b.text)
    model = shipped_model()
    assert model.own_overlap > 0
    loose = replace(model, own_overlap=0.0)
    near = NAMES.index("near_same")
    for i, j in choose(c, model):
        sure = (i, j) in c.exact or c.features[(i, j)][near]
        s = c.sims[i][j]
        assert sure or s.overlap >= model.own_overlap or s.shared >= MIN_SHARED
    assert set(choose(c, model)) <= set(choose(c, loose))
    assert Model.of({k: v for k, v in model.to_json().items() if k != "own_overlap"}) == loose


def test_a_link_needs_words_beyond_the_speakers_names():
    """Two statements that share only their speaker's name share who, not what: never linked,
    however low the cut-offs."""
    a = _side("“McConnell has kept every promise on jobs,” Sen. Mitch McConnell said.", "a")
    b = _side("McConnell said McConnell would meet the governors on Friday.", "b")
    c = candidates(a.statements, b.statements, a.text, b.text)
    assert c.features, "one statement each side"
    anything = replace(shipped_model(), threshold=0.0, relative=0.0, own_overlap=0.0)
    for i, j in c.features:
        assert not beyond_speakers(c, i, j)
        assert (i, j) not in choose(c, anything)
    b = _side("McConnell said McConnell had kept his promises on jobs.", "b")
    c = candidates(a.statements, b.statements, a.text, b.text)
    assert all(beyond_speakers(c, i, j) for i, j in c.features)


def test_speakers_are_one_by_a_shared_name():
    assert same_speaker("Sen. Arlen Specter", "Mr. Specter") is True
    assert same_speaker("Arlen Specter", "Bob Casey") is False
    assert same_speaker("he", "Bob Casey") is None


def test_alignment_does_not_depend_on_hash_order():
    code = (
        "import json, pandas as pd\n"
        "from corpuscli.coverage.diff import side, diff_articles, to_json\n"
        f"t = open({str(SEED_003)!r}, encoding='utf-8').read()\n"
        "u = t.replace('said', 'stated').replace('Shusha', 'Shushi')\n"
        "d = diff_articles(side(pd.Series({'doc_id': 'a', 'text': t})),"
        " side(pd.Series({'doc_id': 'b', 'text': u})))\n"
        "print(json.dumps(to_json(d)['rows']))\n"
    )
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "src")}
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1] and outputs[0]
