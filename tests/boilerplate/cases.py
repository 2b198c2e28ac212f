"""What the family tests share: a corpus frame of texts from one outlet, and the check that a
furniture line between two story paragraphs is removed and named, the paragraphs kept."""

from __future__ import annotations

import pandas as pd

from corpuscli.boilerplate.detection import detect

#: Two ordinary story paragraphs of a news article to set a line between (written for the tests).
PARAGRAPH = (
    "The Senate passed the budget deal early on Friday after a long night of debate, sending "
    "the measure to the president, who is expected to sign it into law next week."
)
SECOND = (
    "Lawmakers in both parties said the agreement would avert a shutdown, though several "
    "conservatives complained that it spent too much and cut too little over the next decade."
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
