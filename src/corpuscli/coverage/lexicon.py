"""The word lists behind quote attribution, read once from ``corpuscli/data/quotes/``: speech
verbs and the complement each takes, titles, the head nouns of speaking roles, countries with
their adjectives and capitals, words that never start a name, and patterns of what is never a
speaker. The files are the place to teach corpuscli a new outlet's wording."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from corpuscli.data_files import data_lines


def _lines(name: str) -> list[str]:
    """The lines of data/quotes/``name`` as written (a pattern's spaces are part of it), a ``#``
    in the first column only starting a comment."""
    return data_lines(f"quotes/{name}", strip=False, indented_comments=False)


@dataclass(frozen=True)
class Lexicon:
    """Everything the attribution rules look words up in."""

    verb_class: dict[str, str]  # "said" -> "say", "told" -> "object", "denied" -> "clause"
    speech_nouns: frozenset[str]  # "assertion", "warning": "X's warning that …"
    light_verbs: frozenset[str]  # "repeated", "made": "repeated his vow to", "made a case that"
    phrasal_nouns: frozenset[str]  # "call", "case": nouns of speech after a light verb only
    titles: frozenset[str]  # "President", "Sen.", "Prime Minister"
    # every word of a title ("Prime", "Minister", "Sen."); of a title "X of Y", X's words only
    title_words: frozenset[str]
    roles: dict[str, str]  # "spokesman" -> "person", "ministry" -> "body", "white house" -> "body"
    countries: frozenset[str]  # "Russia", "North Korea", "U.S."
    adjectives: frozenset[str]  # "Russian", "Turkish", "Azeri"
    capitals: frozenset[str]  # "Moscow", "Ankara", "Washington"
    place_forms: dict[str, frozenset[str]]  # "Turkey", "Turkish", "Ankara" -> all three
    not_names: frozenset[str]  # "The", "But", "Monday", "Reports"
    never_speaker: re.Pattern[str]  # whole-speaker patterns: "R-Texas", "Stone's", "Former Speaker"
    drop: tuple[re.Pattern[str], ...]  # removed from a speaker's text
    dateline: re.Pattern[str]  # "WASHINGTON (Reuters) - ": before a story's first subject
    circumstance: re.Pattern[str]  # "on Thursday", "in a statement", after a speech verb
    apostrophe: re.Pattern[str]  # "'90s", "'n'": a mark at a word's edge that is no quote mark
    first_names: dict[str, str]  # "Sarah" -> "she", "Donald" -> "he"
    caption: re.Pattern[str]  # a paragraph that is a caption or a credit: "FILE PHOTO: …"
    anonymous: re.Pattern[str]  # "who asked not to be named": a speaker the article will not name
    # a paragraph that is a video's or a link's headline: "JUST WATCHED …", "Media caption …"
    headline_line: re.Pattern[str]
    # runs of link headlines inside a paragraph: "Donald John TrumpMcBath, Handel to … MORE",
    # each pattern with a literal every match of it holds (it is tried on texts that hold that)
    link_widgets: tuple[tuple[str, re.Pattern[str]], ...]
    # the words before a term or a name in quotation marks: "so-called", "known as", "the term"
    term_marker: re.Pattern[str]
    function_words: dict[str, frozenset[str]]  # closed-class word sets by name
    speech_acts: tuple[
        str, ...
    ]  # "chided", "lashed out": a subject doing them says a partial quote
    # "senator" -> ("senator", "sen."): the titles of an office's holders ("the senator said")
    office_titles: dict[str, tuple[str, ...]]
    name_titles: tuple[str, ...]  # "Justice", "Sen.": a title an institution's name may precede
    holder_titles: tuple[str, ...]  # "President", "Dr.": a title whose holder "the president" means

    def words(self, name: str) -> frozenset[str]:
        """A set of closed-class words (``data/quotes/function_words.tsv``): "particles",
        "prepositions", "between", "not_subject" …"""
        return self.function_words[name]

    def light_verbs_alternation(self) -> str:
        """The light verbs as one regular expression (a trie, as for the speech verbs)."""
        return _trie_pattern(sorted(self.light_verbs))

    def verbs_alternation(self) -> str:
        """Every verb form as one regular expression, shaped as a trie ("sa(?:id|ys|y)"):
        an alternation of 300 plain words is several times slower to search."""
        return _trie_pattern(sorted(self.verb_class))


#: A letter trie: each letter leads to the trie of what may follow it ("" ends a word).
_Trie = dict[str, "_Trie"]


def _trie_pattern(words: list[str]) -> str:
    """A regular expression matching exactly ``words`` (longest first at each branch), with a
    space in a word matching any run of whitespace."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        end = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            piece = r"\s+" if ch == " " else re.escape(ch)
            branches.append(piece + build(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return build(trie)


def _word_sets(*files: str) -> dict[str, frozenset[str]]:
    """The named word sets of ``files`` (a line: the set's name, a tab, its words); a set named
    in several lines, of one file or several, holds the words of them all."""
    sets: dict[str, set[str]] = {}
    for file in files:
        for line in _lines(file):
            name, words = line.split("\t", 1)
            sets.setdefault(name, set()).update(words.split())
    return {name: frozenset(words) for name, words in sets.items()}


@cache
def lexicon() -> Lexicon:
    verb_class: dict[str, str] = {}
    collected: dict[str, set[str]] = {"noun": set(), "light": set(), "phrasal_noun": set()}
    for line in _lines("speech_verbs.tsv"):
        kind, forms = line.split("\t", 1)
        for form in forms.split(","):
            if kind in collected:
                collected[kind].add(form.strip())
            else:
                verb_class.setdefault(form.strip(), kind)
    speech_nouns = collected["noun"]
    titles = frozenset(_lines("titles.txt"))
    roles: dict[str, str] = {}
    for line in _lines("roles.txt"):
        kind, nouns = line.split("\t", 1)
        for noun in nouns.split(","):
            roles.setdefault(noun.strip(), kind)
    countries: set[str] = set()
    adjectives: set[str] = set()
    capitals: set[str] = set()
    place_forms: dict[str, set[str]] = {}
    for line in _lines("places.tsv"):
        name, adjs, capital = line.split("\t")
        countries.add(name)
        adjectives.update(a for a in adjs.split(",") if a)
        capitals.add(capital)
        group = {name, capital, *(a for a in adjs.split(",") if a)}
        for form in group:
            place_forms.setdefault(form, set()).update(group)
    nots: list[str] = []
    drops: list[str] = []
    datelines: list[str] = []
    for line in _lines("speaker_patterns.tsv"):
        kind, pattern = line.split("\t", 1)
        {"not": nots, "dateline": datelines}.get(kind, drops).append(pattern)
    return Lexicon(
        verb_class=verb_class,
        speech_nouns=frozenset(speech_nouns),
        light_verbs=frozenset(collected["light"]),
        phrasal_nouns=frozenset(collected["phrasal_noun"]),
        titles=titles,
        # of a title "X of Y" only X: its domain ("Staff", "the House", "National
        # Intelligence") names bodies too ("Joint Chiefs of Staff", "House Democrats")
        title_words=frozenset(w for t in titles for w in t.split(" of ")[0].split()),
        roles=roles,
        countries=frozenset(countries),
        adjectives=frozenset(adjectives),
        capitals=frozenset(capitals),
        place_forms={k: frozenset(v) for k, v in place_forms.items()},
        not_names=frozenset(_lines("not_names.txt")),
        never_speaker=re.compile("(?:" + "|".join(nots) + ")"),
        drop=tuple(re.compile(p) for p in drops),
        dateline=re.compile("|".join(f"(?:{p})" for p in datelines)),
        circumstance=re.compile(
            r"(?:[ \t,]*(?:" + "|".join(_lines("circumstance.txt")) + r")\b(?!['’]))+[ \t,]*", re.I
        ),
        apostrophe=re.compile("|".join(_lines("apostrophes.txt")), re.I),
        function_words=_word_sets("function_words.tsv", "speaker_words.tsv"),
        speech_acts=tuple(_lines("speech_acts.txt")),
        office_titles={
            office: tuple(t.strip() for t in titles.split(",")) if titles.strip() else (office,)
            for line in _lines("office_titles.tsv")
            for office, titles in [(line + "\t").split("\t")[:2]]
        },
        name_titles=tuple(_lines("name_titles.txt")),
        holder_titles=tuple(_lines("holder_titles.txt")),
        caption=re.compile("|".join(f"(?:{p})" for p in _lines("captions.txt"))),
        anonymous=re.compile("|".join(f"(?:{p})" for p in _lines("anonymous.txt")), re.I),
        headline_line=re.compile("|".join(f"(?:{p})" for p in _lines("headline_lines.txt"))),
        link_widgets=tuple(
            (literal, re.compile(pattern))
            for line in _lines("link_widgets.txt")
            for literal, pattern in [line.split("\t", 1)]
        ),
        term_marker=re.compile(r"\b(?:" + "|".join(_lines("term_markers.txt")) + r")[ \t]*$", re.I),
        first_names={
            name: pronoun
            for line in _lines("first_names.tsv")
            for pronoun, names in [line.split("\t", 1)]
            for name in names.split()
        },
    )
