"""What the family tests share: a corpus frame of texts from one outlet, and the check that a
furniture line between two story paragraphs is removed and named, the paragraphs kept."""

from __future__ import annotations

import pandas as pd

from corpuscli.boilerplate.detection import detect

#: Two story paragraphs of a real article (Newsweek, 5946_center in sample_data/, MIT-licensed
#: excerpts of the NeuS roundups) to set a line between.
PARAGRAPH = (
    "President Joe Biden sparred Wednesday with a reporter who asked what makes him confident "
    "that Russian President Vladimir Putin will change his behavior."
)
SECOND = (
    "The tense exchange happened during Biden's solo news conference following his first "
    "face-to-face meeting with Putin as president. The two leaders were in Geneva for the summit."
)


def frame(*texts: str, source: str = "Outlet", titles: list[str] | None = None) -> pd.DataFrame:
    """A frame of ``texts`` (doc ids d0, d1, …) from ``source``, with ``titles`` if given."""
    return pd.DataFrame(
        {
            "doc_id": [f"d{k}" for k in range(len(texts))],
            "source": [source] * len(texts),
            "title": titles or [None] * len(texts),
            "text": list(texts),
        }
    )


def assert_found_between_paragraphs(case: dict) -> None:  # type: ignore[type-arg]
    """``case["lines"]``: a paragraph, the furniture, a paragraph; the middle one is removed and
    named ``case["family"]``."""
    verdicts = detect(frame("\n\n".join(case["lines"]), source=case["source"]))
    assert verdicts["boilerplate"].tolist() == [False, True, False], verdicts["why"].tolist()
    assert verdicts["family"].tolist() == ["", case["family"], ""]
