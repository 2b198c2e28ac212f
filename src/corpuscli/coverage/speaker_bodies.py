"""Who "it" is: an organisation or a country the article names just before ("The US embassy in
Baghdad condemned the deadly violence … ¶ “We deplore …,” it said in a statement"; "On Friday,
South Korea said … . It said the two leaders agreed …").

"It said" takes the nearest organisation or country before it, in its paragraph or the one
before: one that spoke (a quote's or a statement's speaker that is no person), or one that opens
a sentence ("Saudi Arabia's account of Khashoggi's fate has not been consistent. ¶ First it said
…"). A person is never "it"; when nobody fits, the speaker stays empty.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from corpuscli.text.sentences import sentence_spans

from .lexicon import lexicon
from .quote_patterns import Quote, paragraph_starts_of
from .speaker_phrase import parse_phrase, role_of

#: The words that open a sentence up to its verb: capitalised words, the words that join an
#: organisation's name ("of", "for", "in", "the", "and") and the head noun of a body ("embassy").
_OPENING_WORD = re.compile(r"[ \t]*([\w.’'&-]+)")
_JOINERS = lexicon().words("opening_joiners")
_POSSESSIVE = re.compile(r"['’]s?$")
#: "The Ezzedeen al-Qassam Brigades", "the SITE Intelligence Group": a name after "the" is no
#: person's.
_THE_NAME = re.compile(r"[Tt]he[ \t]+[A-Z]")


#: An organisation's acronym ("IMF", "NATO").
_ACRONYM = re.compile(r"[A-Z]{2,6}")
#: A leading "the".
_THE = re.compile(r"^[Tt]he[ \t]+")


def _body(phrase: str) -> str | None:
    """The organisation or country ``phrase`` names ("Saudi Arabia", "The US embassy in
    Baghdad", "The Ezzedeen al-Qassam Brigades"), or None for a person, a pronoun or nothing."""
    lex = lexicon()
    bare = _THE.sub("", phrase.strip())
    if bare in lex.countries or bare in lex.capitals:
        return bare
    who = parse_phrase(phrase, 0, len(phrase))
    if who is None or who.source == "pronoun":
        return None
    name = who.name or who.text
    if who.kind in ("body", "place"):
        return name
    if _THE_NAME.match(phrase) and who.source == "named" and bare.startswith(name):
        return name  # "The Associated Press"
    return None


#: A possessive ending.
_POSSESSIVE_END = re.compile(r"['’]s?$")


def _opening_body(text: str, start: int, end: int) -> tuple[int, str] | None:
    """The organisation or country that opens the sentence ``text[start:end]``, after an
    opening circumstance ("On Friday, South Korea said"), its possessive "'s" dropped."""
    lex = lexicon()
    opening = lex.circumstance.match(text, start, end)
    pos = opening.end() if opening and text[opening.start() : opening.end()].strip() else start
    first = pos
    words: list[str] = []
    while len(words) < 9:
        m = _OPENING_WORD.match(text, pos, end)
        if m is None:
            break
        word = m.group(1)
        head = word.lower() if word[:1].islower() else ""
        if not (
            word[:1].isupper()
            or "-" in word
            or (head in _JOINERS and words)
            or (head and words and role_of([head]) == "body")
        ):
            break
        words.append(word)
        pos = m.end()
        if _POSSESSIVE_END.search(word):
            break  # "Saudi Arabia's account …"
    while words and words[-1].lower() in _JOINERS:
        words.pop()
    if not words:
        return None
    phrase_end = first + len(" ".join(words))
    if text[first:phrase_end] != " ".join(words):
        return None  # the words were not separated by single spaces: leave it
    if _POSSESSIVE.search(words[-1]):
        phrase_end -= len(_POSSESSIVE.search(words[-1]).group(0))  # type: ignore[union-attr]
    body = _body(text[first:phrase_end])
    return (first, body) if body else None


def _bodies_near(
    text: str, paragraph_starts: list[int], spoke: list[tuple[int, str]], at: int
) -> list[tuple[int, str]]:
    """The bodies (offset, name) that spoke or opened a sentence before ``at``, in its paragraph
    or the one before: whom "it" or "the company" may mean there."""
    para = bisect_right(paragraph_starts, at) - 1
    begin = paragraph_starts[max(0, para - 1)] if paragraph_starts else 0
    found = [(pos, name) for pos, name in spoke if begin <= pos < at]
    for s_start, s_end in sentence_spans(text, begin, at):
        opening = _opening_body(text, s_start, min(s_end, at))
        if opening is not None and opening[0] < at:
            found.append(opening)
    return found


def resolve_it(text: str, quotes: list[Quote]) -> None:
    """Give each quote said by "it" the organisation or country it stands for (see the module
    docstring); quotes said by anyone else are left alone."""
    its = [
        q for q in quotes if q.speaker_source == "pronoun" and (q.speaker or "").lower() == "it"
        and not ((q.verb or "").endswith("ing") and (q.speaker_text or "It") == "It")
        # "It was unclear …, declaring": no speaker; "First it said …, before finally saying"
    ]  # fmt: skip
    if not its:
        return
    paragraph_starts = paragraph_starts_of(text)
    spoke = []
    for q in quotes:
        if (
            q.speaker
            and q.speaker_source in ("named", "description")
            and q.speaker_text
            and (_body(q.speaker_text) or _ACRONYM.fullmatch(q.speaker_text))
        ):  # "the IMF said …" ¶ "It said: “…”": an acronym names an organisation
            spoke.append((q.start, q.speaker))
    for q in sorted(its, key=lambda q: q.start):
        found = _bodies_near(text, paragraph_starts, spoke, q.start)
        if found:
            q.speaker = max(found)[1]
            spoke.append((q.start, q.speaker))  # the next "it" may mean the same body


#: A word in lower case.
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")
#: "the company", "The paper": a definite description whose head is one word.
_DEFINITE_HEAD = re.compile(r"[Tt]he[ \t]+([A-Za-z-]+)")
#: A capitalised name, its joining words allowed ("International Monetary Fund", "Bank of
#: England", "The Wall Street Journal").
_ORG_NAME = re.compile(
    r"[A-Z][\w.&'’-]*(?:[ \t]+(?:(?:"
    + "|".join(sorted(lexicon().words("org_name_links")))
    + r")[ \t]+)*[A-Z][\w.&'’-]*)*"
)


def _org_names(text: str, end: int) -> list[tuple[int, str]]:
    """The capitalised names of ``text[:end]`` with their offsets, a leading "The" and a
    possessive "'s" off."""
    out = []
    for m in _ORG_NAME.finditer(text, 0, end):
        start, words = m.start(), m.group(0).split(" ")
        stops = [k for k, w in enumerate(words[:-1]) if w.endswith(".") and len(w) > 3]
        if stops:  # "Kavanaugh. NBC News": a sentence ended inside the run
            start += len(" ".join(words[: stops[-1] + 1])) + 1
            words = words[stops[-1] + 1 :]
        name = _POSSESSIVE_END.sub("", _THE.sub("", " ".join(words)))
        if name:
            out.append((start, name))
    return out


#: "Kim Severson of the New York Times": the outlet is the name after "of".
_OF_OUTLET = re.compile(r"^.*\bof(?:[ \t]+the)?[ \t]+(?=[A-Z])")


def _head_of(speaker: str | None, heads: frozenset[str] | set[str]) -> str | None:
    """The head word of a speaker that is an organisation or outlet named by its head alone:
    "the company", "The paper", or "Fund" (read off "the Fund said" as if a name), else None."""
    if not speaker:
        return None
    m = _DEFINITE_HEAD.fullmatch(speaker)
    head = m.group(1).lower() if m else speaker.lower() if speaker.istitle() else None
    return head if head in heads else None


def _bare_name(name: str, preceded: frozenset[str], uses: tuple[frozenset[str], ...]) -> bool:
    """Whether ``name``, a speaker as written, is a name of one word the article never gives
    a first name or a title (``preceded``: the words it writes after another capitalised word,
    :func:`_preceded_words`) and uses as an organisation's (``uses``: :func:`_name_uses`):
    "Amazon said it …" ¶ "“…,” the company said" is an organisation named by its name alone,
    not a person ("Halsema", where the article writes "Valerie Halsema"; "Biden", that "he"
    follows or nothing does). A first name the lexicon knows ("Jordan") is no organisation's."""
    lex = lexicon()
    if not _ONE_NAME.fullmatch(name) or name in lex.first_names or name in preceded:
        return False
    as_thing, as_person = uses
    if name not in as_thing or name in as_person:
        return False
    return name not in lex.countries and name not in lex.capitals and name not in lex.adjectives


#: A word, or a mark that ends a sentence.
_TOKEN = re.compile(r"[\w&'’-]+|[.!?;]")
#: How many words after a name its pronoun may come ("Amazon said in a statement that it …").
_PRONOUN_REACH = 6


def _name_uses(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The capitalised words ``text`` uses as a thing's name and those it uses as a person's:
    the first pronoun within a few words after the word, in its sentence ("Amazon said it",
    "Biden said he"; data/quotes/function_words.tsv: ``thing_pronouns``, ``person_pronouns``),
    or an organisation's head word in apposition ("Amazon, the company", "the retailer
    Amazon"). One pass; each word looks a bounded number of words ahead."""
    lex = lexicon()
    things, people = lex.words("thing_pronouns"), lex.words("person_pronouns")
    heads = lex.words("org_heads")
    tokens = [_POSSESSIVE_END.sub("", m.group(0)) for m in _TOKEN.finditer(text)]
    as_thing: set[str] = set()
    as_person: set[str] = set()
    for i, word in enumerate(tokens):
        if not _ONE_NAME.fullmatch(word):
            continue
        if i >= 2 and tokens[i - 2].lower() == "the" and tokens[i - 1] in heads:
            as_thing.add(word)  # "the retailer Amazon"
        after = tokens[i + 1 : i + 1 + _PRONOUN_REACH]
        if len(after) >= 2 and after[0] in ("the", "a", "an") and after[1] in heads:
            as_thing.add(word)  # "Amazon, the company"
        for w in after:
            if w in ".!?;":
                break
            lower = w.lower()
            if lower in things:
                as_thing.add(word)
                break
            if lower in people:
                as_person.add(word)
                break
    return frozenset(as_thing), frozenset(as_person)


#: A name of one word.
_ONE_NAME = re.compile(r"[A-Z][\w&'’-]+")
#: A capitalised word, and the capitalised word after it.
_CAPITAL_PAIR = re.compile(r"([A-Z][\w.'’-]*)(?=[ \t]+([A-Z][\w&'’-]+)\b)")


def _preceded_words(text: str) -> frozenset[str]:
    """The capitalised words ``text`` writes right after another capitalised word that is a
    name's ("Valerie Halsema", "Mr. Halsema"; not "But Amazon"): one pass over the text."""
    not_names = lexicon().not_names
    return frozenset(
        m.group(2) for m in _CAPITAL_PAIR.finditer(text) if m.group(1) not in not_names
    )


def _firms_that_spoke(
    said: list[tuple[int, str | None, str, str | None]], at: int
) -> list[tuple[int, str]]:
    """The firms named as the speakers of quotes before ``at`` (offset, speaker): a name that
    ends with a company's suffix ("Telex Corp") or a firm's word ("FCS Laboratories";
    ``firm_name_ends`` of function_words.tsv), or an acronym that is no country ("AMR")."""
    lex = lexicon()
    suffixes = {w.rstrip(".") for w in lex.words("company_suffixes") | lex.words("firm_name_ends")}
    out = []
    for start, speaker, source, surface in said:
        if start >= at or not speaker or source != "named":
            continue
        words = speaker.split()
        if (len(words) > 1 and words[-1].rstrip(".") in suffixes) or (
            surface
            and _ACRONYM.fullmatch(surface)
            and surface not in lex.countries
            and surface not in lex.capitals
        ):
            out.append((start, speaker))
    return out


def _fuller(firms: list[tuple[int, str]], names: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Each firm that spoke by the longest name written before that ends or opens with it (a
    subject read short: "Chemical Corp" of "Kaiser Aluminum and Chemical Corp", "America Inc"
    of "Healthcare Services of America Inc", "ITT" of "ITT Corp")."""
    lex = lexicon()
    ends = {w.rstrip(".") for w in lex.words("company_suffixes") | lex.words("firm_name_ends")}
    out = []
    for pos, firm in firms:
        longer = [
            n for _, n in names
            if len(n) > len(firm) and (
                n.endswith(" " + firm)
                or (n.startswith(firm + " ") and n.split()[-1].rstrip(".") in ends)
            )  # not "ITT Corp Chairman Rand Araskog"
        ]  # fmt: skip
        out.append((pos, max(longer, key=len) if longer else firm))
    return out


def resolve_bodies(text: str, quotes: list[Quote]) -> None:
    """ "The company said", "the Fund said", "The paper noted": the organisation or outlet the
    article named before (data/quotes/function_words.tsv: ``org_heads``, ``outlet_heads``).

    An outlet ("the paper") is the last name before the quote that ends with an outlet's word
    ("the Wall Street Journal"). An organisation ("the Fund", "the company") is the last name
    before it that ends with its head ("International Monetary Fund", "Ford Motor Company"), for
    a company one with a company's suffix ("China Three Gorges Project Corp"), else the last
    organisation that spoke or opened a sentence in its paragraph or the one before (as for
    "it"): never a country, an outlet ("Beijing News" is no firm), a body of another head ("the
    company" is no "Commission") or a common word ("Lenders"). With none, the description stays
    as written."""
    lex = lexicon()
    org_heads, outlet_heads = lex.words("org_heads"), lex.words("outlet_heads")
    heads = org_heads | outlet_heads
    wanted = [(q, head) for q in quotes if (head := _head_of(q.speaker, heads))]
    if not wanted:
        return
    outlets = lex.words("outlet_name_heads")
    names = _org_names(text, max(q.start for q, _ in wanted))
    paragraph_starts = paragraph_starts_of(text)
    # who spoke as the quotes stand before this pass (the loop renames some of them), for the
    # bodies that spoke, found from it when first needed
    said = [(p.start, p.speaker, p.speaker_source, p.speaker_text) for p in quotes]
    spoke: list[tuple[int, str]] | None = None
    lower: frozenset[str] = frozenset()
    for q, head in wanted:
        before = [(pos, n) for pos, n in names if pos < q.start]
        if head in outlet_heads:
            found = [(pos, _OF_OUTLET.sub("", n)) for pos, n in before if n.split()[-1] in outlets]
        else:
            found = [
                (pos, n) for pos, n in before
                if len(n.split()) > 1 and n.split()[-1].lower() == head
            ]  # fmt: skip
            if head in lex.words("company_heads"):
                # the firm that spoke before is "the company", not the last firm named
                # ("Telex Corp said its board directed … Drexel Burnham Lambert Inc to … ¶ The
                # company said")
                found = _fuller(_firms_that_spoke(said, q.start), before) or found
            if not found and head in lex.words("company_heads"):
                found = [
                    (pos, n) for pos, n in before
                    if len(n.split()) > 1 and n.split()[-1] in lex.words("company_suffixes")
                ]  # fmt: skip
            if not found:
                if spoke is None:
                    preceded = _preceded_words(text)
                    uses = _name_uses(text)
                    spoke = [
                        (start, speaker) for start, speaker, source, surface in said
                        if speaker and source in ("named", "description")
                        and surface and (_body(surface) or _bare_name(surface, preceded, uses))
                        and speaker not in lex.countries
                    ]  # fmt: skip
                    lower = frozenset(_LOWER_WORD.findall(text))
                found = _bodies_near(text, paragraph_starts, spoke, q.start)
                found = [
                    (pos, n) for pos, n in found
                    if n[:1].isupper() and not _THE.match(n)  # a name, not "the tribunal"
                    and n not in lex.countries and n not in lex.capitals
                    and n.split()[-1] not in outlets  # "Beijing News" is no firm
                    and lex.roles.get(n.split()[-1].lower()) != "body"  # nor a "Commission"
                    and not (" " not in n and n.lower() in lower)  # "Lenders"
                ]  # fmt: skip
        if found:
            q.speaker = max(found)[1]
