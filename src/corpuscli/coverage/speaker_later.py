"""Who an indefinite description is when the article names them later: "Trump Jr’s meeting is
the first “clear evidence” …, a leading Democrat on the Senate intelligence committee said on
Monday. … ¶ Mark Warner of Virginia, the top Democrat on the intelligence committee, said …".

A speaker written as an indefinite description ("a leading Democrat on the Senate intelligence
committee") takes the person a later appositive describes the same way: a name of two or three
capitalised words, its place ("of Virginia") allowed, then a comma and a description with the
same head noun ("Democrat") and at least one more of the description's words after the head
("intelligence", "committee"), the one that shares the most of them and adds the fewest of its
own ("the top Democrat on the House intelligence committee" is another). A description with no
words after its head ("a former aide") is too little to go on; two people described equally well
leave the description as written.
"""

from __future__ import annotations

import re

from .lexicon import lexicon
from .quote_patterns import Quote
from .speaker_descriptions import INDEFINITE_OPENER

#: A name, its place allowed, then an appositive description: "Mark Warner of Virginia, the top
#: Democrat on the intelligence committee,".
_APPOSITIVE = re.compile(
    r"\b(?P<name>[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){1,2})(?:[ \t]+of[ \t]+[A-Z][\w.]+)?,[ \t]+"
    r"(?:the|a|an)[ \t]+(?P<description>[^,.;:\n]{3,100})"
)
#: How far after the quote the name is looked for.
_REACH = 4000


def _head_and_rest(description: str) -> tuple[str, set[str]]:
    """The head noun of a description (the word before its first preposition, else its last
    word) and the content words after it: "leading Democrat on the Senate intelligence
    committee" -> ("democrat", {"senate", "intelligence", "committee"})."""
    lex = lexicon()
    links = lex.words("prepositions") | lex.words("name_links")
    words = [w.strip("’'\"“”").lower() for w in description.split()]
    cut = next((k for k, w in enumerate(words) if k and w in links), len(words))
    rest = {w for w in words[cut:] if w not in links and w not in lex.words("determiners")}
    return words[cut - 1] if cut else "", rest


def resolve_named_later(text: str, quotes: list[Quote]) -> None:
    """Give each quote whose speaker is an indefinite description the person a later appositive
    describes alike (see the module docstring); others are left alone."""
    wanted = [
        q for q in quotes
        if q.speaker_source == "description" and q.speaker and INDEFINITE_OPENER.match(q.speaker)
    ]  # fmt: skip
    if not wanted:
        return
    first_names = lexicon().first_names
    for q in wanted:
        head, rest = _head_and_rest(INDEFINITE_OPENER.sub("", q.speaker or ""))
        if not head or not rest:
            continue
        scored: dict[str, int] = {}
        for m in _APPOSITIVE.finditer(text, q.end, min(len(text), q.end + _REACH)):
            other_head, other_rest = _head_and_rest(m.group("description"))
            name = m.group("name")
            if other_head == head and rest & other_rest and name.split()[0] in first_names:
                # the words the two share, less the words only the later one has ("House")
                score = len(rest & other_rest) - len(other_rest - rest)
                scored[name] = max(score, scored.get(name, score))
        best = max(scored.values(), default=0)
        top = [name for name, score in scored.items() if score == best]
        if best > 0 and len(top) == 1:
            q.speaker = top[0]
