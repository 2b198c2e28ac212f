"""An article's quotes are a function of the article alone: the same rows whatever other
articles were read before it in the process, and in whatever order.

The quote rules remember what they read (phrases and names across articles, the speech verbs,
sentence stops and sentence subjects of the article being read); these tests read real
articles (the seeds and the BASIL excerpts of tests/fixtures) in many orders and interleavings
and check each gives the rows it gives read alone, in a new interpreter.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpuscli.coverage.quotes import extract_quotes
from tests.conftest import SEED_000, SEED_003

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PATHS = [
    SEED_000,
    SEED_003,
    *(
        FIXTURES / name
        for name in (
            "basil_tax_ruling_a.txt",
            "basil_tax_ruling_b.txt",
            "basil_trophies_a.txt",
            "basil_trophies_b.txt",
        )
    ),
]
ARTICLES = [path.read_text(encoding="utf-8") for path in PATHS]


def _rows(text: str) -> list[tuple[object, ...]]:
    fields = ("speaker", "verb", "kind", "text", "start", "end", "speaker_text")
    return [
        (*(getattr(q, f) for f in fields), q.speaker_source, q.confidence)
        for q in extract_quotes(text)
    ]


def _alone(k: int) -> list[tuple[object, ...]]:
    """The rows of article ``k`` read alone: in a new interpreter, with nothing remembered."""
    run = (
        "import json, sys; from pathlib import Path; "
        "from corpuscli.coverage.quotes import extract_quotes; "
        "text = Path(sys.argv[1]).read_text(encoding='utf-8'); "
        "json.dump([(q.speaker, q.verb, q.kind, q.text, q.start, q.end, q.speaker_text, "
        "q.speaker_source, q.confidence) for q in extract_quotes(text)], sys.stdout)"
    )
    out = subprocess.run(
        [sys.executable, "-c", run, str(PATHS[k])],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    return [tuple(row) for row in json.loads(out)]


ALONE = [_alone(k) for k in range(len(ARTICLES))]


def test_the_articles_have_speakers_to_lose() -> None:
    """The property below means something: every article has quotes and speakers, and most
    of its quotes have one."""
    for rows in ALONE:
        assert rows
        assert any(r[0] is not None for r in rows)
    speakers = [r[0] for rows in ALONE for r in rows]
    assert sum(s is not None for s in speakers) * 2 > len(speakers)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(range(len(ARTICLES))), min_size=2, max_size=12))
def test_rows_do_not_depend_on_the_articles_read_before(order: list[int]) -> None:
    for i in order:
        # a copy of the text: another string object with the same characters, as a new load gives
        text = "".join(list(ARTICLES[i]))
        assert _rows(text) == ALONE[i]
