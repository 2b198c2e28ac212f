"""NLTK's stemmers without the cost of NLTK's optional neighbours.

Any ``nltk.*`` import runs NLTK's whole package init, which imports SciPy (for
``nltk.metrics``' Fisher test) and scikit-learn (for ``nltk.classify.scikitlearn``) when they are
installed: about 2.3 CPU s against 0.5 s without them, longer than a small run's whole work.
corpuscli uses neither part. NLTK imports both inside ``try: … except ImportError``, so the first
import here hides them for its duration (an entry of None in ``sys.modules`` makes an import fail
at once) and then lets them be imported again as usual. A process that imported NLTK, SciPy or
scikit-learn itself before is left as it is. What NLTK loses in this process is its Fisher exact
test and its scikit-learn classifier wrapper, neither used here.
"""

from __future__ import annotations

import sys
from typing import Any

#: Optional packages NLTK's init imports inside try/except, and corpuscli never needs through it.
HIDDEN = ("scipy", "sklearn")


def import_nltk() -> None:
    """Import NLTK's package, without SciPy and scikit-learn unless they are already loaded."""
    if "nltk" in sys.modules:
        return
    hidden = [name for name in HIDDEN if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import nltk  # noqa: F401
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


def snowball(language: str) -> Any:
    """NLTK's Snowball stemmer for ``language`` (an NLTK language name, such as "english")."""
    import_nltk()
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer(language)


def porter() -> Any:
    """NLTK's Porter stemmer (its default mode, with NLTK's extensions)."""
    import_nltk()
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()
