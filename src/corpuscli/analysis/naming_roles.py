"""Descriptions of one named entity: the words an article puts in front of a name or after it
in apposition, as the second source of naming candidates for `compare --naming`.

Two outlets that tell one story rarely share a sentence, but each describes the same people
and bodies where it names them: "North Korean **dictator** Kim Jong Un" / "North Korean
**leader** Kim Jong Un", "Kim Jong Un, the North Korean **dictator**," / "Kim Jong Un, the
country's **leader**,", "**President** Trump". The description is read in these two slots
only, each a slot a reporter fills with a noun that names the person's role:

- **before the name**: the common words just before a run of proper names, up to
  :data:`LONGEST` of them, stopping at a stopword, a punctuation mark or a proper word ("North
  Korean" in "North Korean dictator Kim": the proper words describe no role, and the story's
  other outlet shares them);
- **in apposition after it**: the name, a comma, a determiner or a possessive ("the", "a",
  "his": ``determiners`` in ``data/naming_slots.toml``), then common words up to the next comma, as in "Kim, the North Korean dictator,";
  the description is the common words just before that comma.

A word is **proper** when the collection writes it with a capital and never lower-cased (a
name: "Kim", "Korean"); a capitalised word the collection also writes in lower case is a
**title** and counts as a common word ("President Trump" is "president" before "trump").
The entity is the last proper word of the name ("Kim Jong Un" is "un", "Kim" is "kim"; its
possessive dropped); a description belongs to that key.

The pairs themselves (which descriptions one side writes for an entity where the other writes
its own) are made in :mod:`corpuscli.analysis.naming`; this module only reads the slots.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

#: The most words of a description kept ("north korean dictator": the common words only).
LONGEST = 3


def lower_uses(keys: Sequence[str], words: Sequence[str], counts: Counter[str]) -> None:
    """Add to ``counts`` each word key written with a lower-case first letter: what tells a
    title ("president") from a name ("Kim") across the collection."""
    counts.update(key for key, word in zip(keys, words, strict=True) if word[:1].islower())


def noun_uses(
    keys: Sequence[str], stop: frozenset[str], determiners: frozenset[str], counts: Counter[str]
) -> None:
    """Add to ``counts`` each word the article writes as the head of a noun phrase: after a
    determiner, with at most two words between, and before a stopword or a punctuation mark
    ("the **dictator**, who", "a North Korean **leader** of"). A description must end in such
    a word: what keeps the verb before a name ("forcing Kim", "meet Kim") and the adverb
    before a date ("next Friday") out."""
    n = len(keys)
    for o, opener in enumerate(keys):
        if opener not in determiners:
            continue
        for i in range(o + 1, min(o + 4, n - 1)):
            key, nxt = keys[i], keys[i + 1]
            if key in stop or not key[:1].isalnum():
                break
            if nxt in stop or not nxt[:1].isalnum():
                counts[key] += 1
                break


def _is_word(key: str) -> bool:
    return key[:1].isalnum()


def descriptions(
    keys: Sequence[str],
    capital: Sequence[bool],
    lower: Counter[str],
    nouns: Counter[str],
    stop: frozenset[str],
    openers: frozenset[str],
    determiners: frozenset[str],
    generic: frozenset[str],
    line_starts: Sequence[bool] = (),
) -> list[tuple[str, str, int]]:
    """(entity, description, token) for each description the article writes of a name, in the
    two slots of the module docstring. ``lower`` is :func:`lower_uses` and ``nouns``
    :func:`noun_uses` over the collection: a description ends in a word the collection writes
    as a noun. A description before a name opens after a punctuation mark, a proper word or
    one of ``openers`` (a determiner, a possessive, a preposition: "the [former campaign
    chairman] Paul Manafort"), not after another stopword ("to [ask] President Trump": a
    verb's place); one in apposition, after "Name," and one of ``determiners`` ("the", "a",
    "his"). ``generic`` words (those every report writes: "said", "Friday",
    "Mr.") are no description and no entity. A description and its name stand on one line
    (``line_starts``: whether each token begins a line): a page's "Advertisement" line before
    a paragraph that opens with a name describes no one."""

    def starts_line(i: int) -> bool:
        return i < len(line_starts) and line_starts[i]

    def proper(i: int) -> bool:
        k = keys[i]
        return capital[i] and _is_word(k) and k not in stop and not lower[k]

    def common(i: int) -> bool:
        k = keys[i]
        plain = _is_word(k) and k not in stop and k not in generic
        return plain and not proper(i) and not any(c.isdigit() for c in k)

    out: list[tuple[str, str, int]] = []
    n = len(keys)
    i = 0
    while i < n:
        if not proper(i):
            i += 1
            continue
        j = i
        while j + 1 < n and proper(j + 1):
            j += 1
        entity = keys[j].removesuffix("'s")
        if entity in generic:
            i = j + 1
            continue
        # before: common words just before the run, at most LONGEST of them
        k = i - 1
        while k >= 0 and i - k <= LONGEST and common(k) and not starts_line(k + 1):
            k -= 1
        opened = k < 0 or starts_line(k + 1) or not _is_word(keys[k]) or keys[k] in openers
        opened = opened or proper(k)
        if k < i - 1 and opened and nouns[keys[i - 1]]:
            out.append((entity, " ".join(keys[k + 1 : i]), k + 1))
        # apposition: "Name, the [North Korean] dictator,"
        if j + 3 < n and keys[j + 1] == "," and keys[j + 2] in determiners:
            e = j + 3
            while e < n and e - (j + 3) < 2 * LONGEST and _is_word(keys[e]) and keys[e] not in stop:
                if starts_line(e):
                    break
                e += 1
            if e < n and keys[e] in {",", ".", ";"}:
                s = e - 1
                while s >= j + 3 and e - s <= LONGEST and common(s):
                    s -= 1
                if s < e - 1 and nouns[keys[e - 1]]:
                    out.append((entity, " ".join(keys[s + 1 : e]), s + 1))
        i = j + 1
    return out
