"""Pull quotes signed with the speaker's name and no punctuation, as some outlets print them
between paragraphs ("It is time for Jeffrey Epstein and those who participated in these sex crimes
to be brought to justice Virginia Giuffre"): the words of the quote are the story's own quote,
told again in a paragraph of the article ("Giuffre said it was time for Epstein “and those who
participated in these sex crimes to be brought to justice”").

A block is one when it has 8 to 45 words, no full stop, question or exclamation mark closing it,
is prose (a quarter of its words function words), ends with a person's name (one to three
capitalised words opening with a given name, or a surname the article gives in full elsewhere),
has no dash (a list of voices: "“…” — Ann Eubanks of Birmingham"), the name does not follow a
function word unless a quotation mark closes the quote before it ("… race in America" is the
sentence's own end), and at least half the word trigrams of what comes before the name (five or more) are in
one other block of the article. A heading that ends with a name ("Interview with Jeff Hauser")
has no such echo and stays."""

from __future__ import annotations

import re

from .evidence import STRONG, Verdict
from .shapes import Shape
from .vocabulary import word_set

#: A name closing a block: one to three capitalised words after a lower-case word or a closing
#: quotation mark ("… here' Cory Booker", "… plain truth Cotter").
_CLOSING_NAME = re.compile(r"(?<=[a-z’'”\"])\s+((?:[A-Z][\w’'.-]+\s){0,2}[A-Z][\w’'-]+)$")
_MIN_WORDS = 8
_MAX_WORDS = 45
_MIN_SHARED = 5
#: Particles of a name ("al Qaeda", "van Gogh"): a name after one is not a signature.
_PARTICLES = frozenset(["al", "el", "de", "van", "von", "bin", "ibn", "la", "le", "da", "di", "du"])
#: A quote is prose: this share of its words at least are function words.
_MIN_FUNCTION = 0.25


def _trigrams(words: list[str]) -> set[tuple[str, str, str]]:
    return {(words[k], words[k + 1], words[k + 2]) for k in range(len(words) - 2)}


def mark_named_pull_quotes(
    shapes: list[Shape], verdicts: list[Verdict], stopwords: frozenset[str]
) -> None:
    """Mark the signed pull quotes of one article (see the module docstring); ``stopwords``: the
    function words of the article's language (a name after one is the sentence's object)."""
    n = len(shapes)
    if n < 4:
        return
    for k, s in enumerate(shapes):
        if not _MIN_WORDS <= s.n <= _MAX_WORDS or verdicts[k].score >= STRONG:
            continue
        text = s.text.rstrip()
        if (
            text[-1:] in ".!?:;,)"
            or "—" in text
            or s.function_share < _MIN_FUNCTION
            or (m := _CLOSING_NAME.search(text, max(0, len(text) - 80))) is None
        ):
            continue
        name = m.group(1).split()
        quote = s.words[: len(s.words) - len(name)]
        before = text[: m.start()]
        if not before.endswith(("'", "’", "”", '"')) and (
            quote[-1:] and (quote[-1] in stopwords or quote[-1] in _PARTICLES)
        ):
            continue  # "… race in America", "… and Nancy Pelosi", "… to al Qaeda": the sentence's
        mine = _trigrams(quote)
        if len(mine) < _MIN_SHARED:
            continue
        # a person's name: a given name opens it, or the story names them in full elsewhere
        full = re.compile(rf"\b[A-Z][a-z]+ {re.escape(name[-1])}\b")
        named = name[0].lower() in word_set("given_names")
        best = 0
        for j, other in enumerate(shapes):
            if j == k:
                continue
            if not named and len(name) == 1 and full.search(other.text):
                m2 = full.search(other.text)
                named = m2 is not None and m2.group(0).split()[0].lower() in word_set("given_names")
            best = max(best, len(mine & _trigrams(other.words)))
        if named and best >= _MIN_SHARED and best >= 0.5 * len(mine):
            verdicts[k].add(STRONG, f"a pull quote signed by name ({m.group(1)})", "embed")
