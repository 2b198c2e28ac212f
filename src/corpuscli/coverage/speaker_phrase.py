"""Who a stretch of words names as a speaker: a person ("Turkish President Tayyip Erdogan",
"Mr. Macron"), an organisation or a country as the subject ("The Syrian Observatory for Human
Rights", "Iran"), a role ("a senior administration official", "Iran's security chief") or a
pronoun — never a party-state tag, a dateline, a possessive fragment or a country adjective.

The words come from the attribution rules (:mod:`corpuscli.coverage.reported`,
:mod:`corpuscli.coverage.quotes`): the subject before a speech verb, or the words after an
inverted one (``said Putin``). The word lists are data (:mod:`corpuscli.coverage.lexicon`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import islice

from corpuscli.text.sentences import abbreviations

from .lexicon import lexicon

PRONOUNS = {"he": "he", "she": "she", "they": "they", "it": "it", "we": "we", "i": "i"}
PARTICLES = lexicon().words("particles")
SUFFIXES = lexicon().words("suffixes")
PREPOSITIONS = lexicon().words("prepositions")
#: Words that end a description from the left ("something experts say" -> "experts").
_CUT = lexicon().words("cut")
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[\w'’.&-]+|[,;:()—–]")
_POSSESSIVE = re.compile(r"['’]s?$")
_SPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"^[\d,.]+$")


@dataclass
class Mention:
    """A speaker as the text names it."""

    text: str  # as written: "U.S. Vice President Mike Pence", "the Kremlin spokesman", "he"
    name: str | None  # the name in it: "Mike Pence", "Syrian Observatory for Human Rights"
    source: str  # "named", "pronoun", "description"
    kind: str  # "person", "body", "place", or "unknown"
    start: int = 0
    end: int = 0


_PREFIXED = re.compile(r"(?:al|el|bin|ibn|abu|de|van|von|di|da|du|la|le|ul|ud)-[A-Z]")


def _is_name_word(tok: str) -> bool:
    if tok in SUFFIXES:
        return True
    return (tok[:1].isupper() and any(c.isalpha() for c in tok)) or bool(_PREFIXED.match(tok))


def _singular(word: str) -> str:
    w = word.lower()
    roles = lexicon().roles
    if w in roles:
        return w
    for cut, add in (("ies", "y"), ("es", ""), ("s", "")):
        if w.endswith(cut) and w[: -len(cut)] + add in roles:
            return w[: -len(cut)] + add
    return w


@cache
def _title_or_place_starts() -> frozenset[str]:
    lex = lexicon()
    return frozenset(t.split()[0] for t in lex.titles) | frozenset(
        p.split()[0] for p in lex.place_forms if " " in p
    )


def name_start(words: list[str], first: int = 0) -> int:
    """Where the name starts in ``words[first:]`` (capitalised words): after its last title
    ("Vice President", "Sen.", "Secretary of State", matched whole, from the titles list),
    country or adjective ("U.S.", "Turkish"), possessive or sentence word ("But") — as long as
    a word is left for the name: "Associated Press" has no title, "Press Secretary Sarah
    Sanders" has one."""
    lex = lexicon()
    cut = first
    for k in range(max(0, first - 3), len(words)):
        w = words[k]
        if k >= first and (
            (w in lex.adjectives and not (k == len(words) - 1 and w in lex.countries))
            or (
                w in lex.not_names
                and not (k and words[k - 1] in HONORIFICS)
                and not (  # "Theresa May": a family name after a first name
                    k == len(words) - 1 and k > first and words[k - 1] in lexicon().first_names
                )
            )
            or _POSSESSIVE.search(w)
            or (w in lex.countries and k < len(words) - 1)
        ):
            cut = max(cut, k + 1)
            continue
        if k >= first and k < len(words) - 1 and _hyphenated_title(w):
            cut = max(cut, k + 1)  # "Major-General Abdul Karim Khalaf", "Vice-Admiral"
            continue
        if w not in _title_or_place_starts():
            continue
        if (
            w in TITLE_SURNAMES
            and k > first
            and _is_name_word(words[k - 1])
            and words[k - 1] not in lex.title_words
            and not _POSSESSIVE.search(words[k - 1])
            and words[k - 1] not in lex.countries
        ):
            continue  # "Angus King": a family name, not a title
        for n in (4, 3, 2, 1):
            phrase = " ".join(words[k : k + n])
            if (
                k + n < len(words)
                and k + n > first
                and (phrase in lex.titles or (n > 1 and phrase in lex.place_forms))
            ):
                if k == first and k + n == len(words) - 1 and role_of(words[-1:]) == "body":
                    break  # "Justice Department": the title word names the body's field
                cut = max(cut, k + n)  # "Secretary of State", "United Nations"
                break
    return min(cut, len(words))


def _hyphenated_title(word: str) -> bool:
    """A title written with a hyphen ("Major-General", "Lieutenant-Colonel", "Vice-President"):
    capitalised parts, the last a title word that is no family name ("Smith-King" is a name)."""
    parts = word.split("-")
    return (
        len(parts) > 1
        and all(p[:1].isupper() for p in parts)
        and parts[-1] in lexicon().title_words
        and parts[-1] not in TITLE_SURNAMES
    )


def role_of(words: list[str]) -> str | None:
    """The kind of role ("person", "body") the last words name, if they name one."""
    roles = lexicon().roles
    if len(words) >= 2:
        two = f"{words[-2]} {words[-1]}".lower()
        if two in roles:
            return roles[two]
    return roles.get(_singular(words[-1])) if words else None


#: A past participle after a document's or a body's name opens what postmodifies it ("a report
#: released Tuesday", "a poll conducted by …").
_PARTICIPLE = re.compile(r"[a-z]{3,}ed")
#: An adverb in -ly between a subject and its verb.
_ADVERB = re.compile(r"[a-z]{3,}ly")
#: Titles before a family name: after them, a word that is also a month or a common word is a
#: name ("Mrs. May").
HONORIFICS = lexicon().words("honorifics")
#: Titles that are also family names ("King said": Angus King).
TITLE_SURNAMES = lexicon().words("title_surnames")


def sentence_stop(token: str) -> bool:
    """Whether ``token`` ends a sentence: a word with a full stop that is no title, initial or
    abbreviation ("Seoul.", "June."; not "Mr.", "U.S.", "E.", "Jr.")."""
    if not token.endswith(".") or len(token) < 3 or token.count(".") > 1:
        return False
    word = token[:-1]
    return (
        word.lower() not in abbreviations() and word not in SUFFIXES and word + "." not in SUFFIXES
    )


#: A contraction's ending ("he's", "they'd").
_CONTRACTION = re.compile(r"['’](?:s|d|ve|ll|re)$")


#: The phrases :func:`parse_phrase` read lately (without the spaces around them), each with
#: what it named (offsets into the phrase): "he", "Trump", "the president" come back in article
#: after article (a third of its calls ask again about a phrase it has read before).
_PHRASES_READ: dict[str, tuple[str, str | None, str, str, int, int] | None] = {}
#: How many phrases are remembered; the memory is emptied when it is full.
_PHRASES_KEPT = 8192


#: The most characters of a phrase that are read for its speaker: of a longer one (the words
#: before a verb in a run-on sentence with no stop, a broken text) the last words only, so that
#: a sentence of many verbs is read in linear time. The longest phrase read over the 37,554
#: AllSides articles had 83 words (a speaker was found in 69 at most): none is cut there.
PHRASE_REACH = 1000


def parse_phrase(text: str, start: int, end: int) -> Mention | None:
    """The speaker that ``text[start:end]`` names (a noun phrase with no comma), or None; of a
    phrase longer than :data:`PHRASE_REACH` characters, its words in the last ones.

    What it names depends on the phrase alone (:func:`_parse_phrase` reads no character
    outside it, and the spaces around it make no token), so a phrase read before is answered
    from memory, its offsets moved to where it stands now."""
    if end - start > PHRASE_REACH:
        space = _SPACE.search(text, end - PHRASE_REACH, end)
        start = space.end() if space is not None else end - PHRASE_REACH
    phrase = text[start:end]
    key = phrase.strip()
    try:  # one look-up: safe if another thread empties the memory meanwhile
        found = _PHRASES_READ[key]
    except KeyError:
        pass
    else:
        if found is None:
            return None
        shift = start + len(phrase) - len(phrase.lstrip())
        said, name, source, kind, a, b = found
        return Mention(said, name, source, kind, shift + a, shift + b)
    if len(_PHRASES_READ) >= _PHRASES_KEPT:
        _PHRASES_READ.clear()
    who = _parse_phrase(key, 0, len(key))
    _PHRASES_READ[key] = (
        None if who is None else (who.text, who.name, who.source, who.kind, who.start, who.end)
    )
    if who is None:
        return None
    shift = start + len(phrase) - len(phrase.lstrip())
    return Mention(who.text, who.name, who.source, who.kind, shift + who.start, shift + who.end)


#: The words between a person's name and their organisation ("Peter Nicholas of The Wall Street
#: Journal", "Curtison Badonie with the … Coalition to Stop Violence Against Native Women").
_AFFILIATION_LINKS = lexicon().words("affiliation_links")


def _parse_phrase(text: str, start: int, end: int) -> Mention | None:
    """:func:`parse_phrase`, read afresh: only ``text[start:end]`` is read."""
    toks = [
        (m.group(0), start + m.start(), start + m.end()) for m in _TOKEN.finditer(text[start:end])
    ]
    while toks and (
        toks[-1][0] in ",;:()—–"
        or (
            toks[-1][0].lower() in _TRAILING
            and not (len(toks) > 1 and toks[-2][0] in HONORIFICS)
            and not (len(toks) == 1 and toks[0][0] in TITLE_SURNAMES)  # "May said": Theresa May
        )
        or _ADVERB.fullmatch(toks[-1][0])  # "Poland has explicitly stated"
    ):
        toks.pop()  # "Trump has repeatedly", not "Mrs. May"
    for i in range(len(toks) - 2, -1, -1):
        if sentence_stop(toks[i][0]):
            toks = toks[i + 1 :]  # "… in Seoul. Ri said": the sentence before is no part
            break
    for i in range(1, len(toks)):
        if _PARTICIPLE.fullmatch(toks[i][0]) and role_of([toks[i - 1][0].lower()]) == "body":
            toks = toks[:i]  # "a grand jury report released this year": the report
            break
    if not toks:
        return None
    lex = lexicon()
    while len(toks) > 1 and toks[0][0] in lex.not_names and toks[1][0].lower() in PRONOUNS:
        toks = toks[1:]  # "First it said", "But he said"
    words = [t for t, _, _ in toks]
    # "Peter Nicholas of The Wall Street Journal", "Nancy Pelosi of California": the person
    for i in range(1, len(words) - 1):
        if (
            words[i] in _AFFILIATION_LINKS
            and (
                words[i + 1][:1].isupper()
                or words[i + 1][:1].isdigit()  # "of 38 North"
                or (words[i + 1] == "the" and i + 2 < len(words) and words[i + 2][:1].isupper())
            )  # "Armando Rios Piter of the Democratic Revolution Party"
            and _is_name_word(words[i - 1])
            and (  # "Angus King of Maine": a family name that is also a title
                words[i - 1] in TITLE_SURNAMES
                or (words[i - 1] not in lex.title_words and role_of([words[i - 1]]) is None)
            )
            and sum(
                _is_name_word(w) and (w not in lex.title_words or w in TITLE_SURNAMES)
                for w in words[:i]
            )
            >= 2
        ):
            toks, words = toks[:i], words[:i]
            break
    if len(words) == 1 and _CONTRACTION.sub("", words[0]).lower() in PRONOUNS:
        words[0] = _CONTRACTION.sub("", words[0])
        w = words[0]
        return Mention(w, None, "pronoun", "person" if w.lower() in ("he", "she") else "unknown",
                       toks[0][1], toks[0][2])  # fmt: skip
    # a description whose head is followed by a prepositional phrase: "the spokesman for
    # Erdogan's AK Party", "A witness in Manbij", "officials at the construction site"; not a
    # listed title of that form before a name ("Director of National Intelligence James Clapper")
    titled = name_start(words)
    if not (titled < len(words) and all(_is_name_word(w) for w in words[titled:])):
        titled = 0
    for i, w in enumerate(words[:-1]):
        if i + 1 < titled and any(" ".join(words[k:titled]) in lex.titles for k in range(i + 1)):
            continue
        lower_or_after_article = (
            w[:1].islower()
            or i == 0  # "Officials in Washington"
            or words[i - 1].lower() in ("a", "an", "the", "another")
            or words[i - 1][:1].islower()
        )
        if (
            lower_or_after_article
            and words[i + 1] in PREPOSITIONS
            and role_of([x.lower() for x in words[max(0, i - 1) : i + 1]])  # its last two words
        ):
            first = _description_start(words, i)
            kind = role_of(words[: i + 1]) or "unknown"
            return Mention(text[toks[first][1] : toks[-1][2]], None, "description", kind,
                           toks[first][1], toks[-1][2])  # fmt: skip
    # the trailing run of name words: "U.S. Vice President Mike Pence"
    j = len(words)
    while j > 0 and (
        _is_name_word(words[j - 1])
        or (words[j - 1].lower() in PARTICLES and j < len(words) and j - 1 > 0
            and _is_name_word(words[j - 2]))
    ):  # fmt: skip
        j -= 1
    words_before = j > 0 and [w.lower() for w in words[:j]] != ["the"]  # not "the U.S."
    if len(words) == 1 and words[0] in TITLE_SURNAMES:  # "King said", "May said"
        return Mention(words[0], words[0], "named", "person", toks[0][1], toks[0][2])
    while j < len(words) and words[j] in lex.not_names:
        j += 1  # "As Iran warned", "But Trump said"
    run = words[j:]
    if run:
        if _POSSESSIVE.search(run[-1]) and run[-1] not in SUFFIXES:
            return None  # "Iran's", "Stone's": a possessive, not a speaker
        # the name follows the last title or country adjective of the run
        cut = name_start(words, j) - j
        if len(run) > 1 and run[-1] in lex.words("company_suffixes"):
            # "American Motors Corp", "Canada Development Corp": a firm's name is whole, its
            # first word no adjective or country to cut; only a place's possessive before it
            # goes ("Japan's Toyota Motor Corp"; "Moody's Investors Service Inc" is whole)
            owners = [
                k + 1 for k, w in enumerate(run[:-1])
                if _POSSESSIVE.search(w) and _POSSESSIVE.sub("", w) in lex.place_forms
            ]  # fmt: skip
            cut = min(cut, owners[-1] if owners else 0)
        name_words = run[cut:]
        title_before = cut > 0 or (j > 0 and words[j - 1][:1].islower() and role_of(words[:j]))
        if len(words) == 1 and words[0] in TITLE_SURNAMES:
            return Mention(words[0], words[0], "named", "person", toks[0][1], toks[0][2])
        if len(run) == 1 and j == 0 and role_of([run[0].lower()]):
            # "Aides said", "Officials said": a role at the start of a sentence
            return Mention(run[0], None, "description", role_of([run[0].lower()]) or "unknown",
                           toks[j][1], toks[-1][2])  # fmt: skip
        if " ".join(name_words) in lex.titles:
            name_words = []  # "The Russian President": a title alone
        elif (
            len(name_words) > 1
            and name_words[-1] in lex.titles
            and name_words[-1] not in TITLE_SURNAMES
            and j > 0
            and words[j - 1].lower() == "the"
        ):
            # "the Ealing North MP", "the Georgia Senator": a title after its seat or party is
            # a description of someone titled so, not a name
            return Mention(text[toks[j - 1][1] : toks[-1][2]], None, "description", "person",
                           toks[j - 1][1], toks[-1][2])  # fmt: skip
        elif (
            2 <= len(name_words) <= 3
            and name_words[-1] in _PARTY_MEMBERS
            and name_words[0] not in lex.first_names
            and not (j > 0 and words[j - 1].lower() == "the")
        ):
            # "Rep. Chris Van Hollen, Maryland Democrat, added": a state and a party member
            # describe the person named before them; they are no name
            return Mention(text[toks[j][1] : toks[-1][2]], None, "description", "person",
                           toks[j][1], toks[-1][2])  # fmt: skip
        honorific = cut > 0 and run[cut - 1] in HONORIFICS  # "Mrs. May", "Mr. Sunday"
        if name_words and (honorific or not all(w in lex.not_names for w in name_words)):
            name = " ".join(name_words)
            if all(w in lex.not_names for w in name_words):
                name = f"{run[cut - 1]} {name}"  # "Mrs. May": the title keeps "May" a name
            if lex.never_speaker.fullmatch(name):
                return None
            last = name_words[-1]
            kind = "person"
            if name in lex.countries or name in lex.capitals:
                kind = "place"
            elif (
                role_of([last]) == "body"
                or last in ("Kremlin", "House", "Pentagon")
                or (len(name_words) > 1 and last in lex.words("company_suffixes"))
                or (
                    len(name_words) >= 3
                    and not title_before
                    and any(role_of([w]) == "body" for w in name_words)
                )
            ):
                kind = "body"
            if kind == "place" and (words_before or cut > 0):
                return None  # "the Turkish" / "in Syria": not a country speaking
            if name in lex.adjectives and name not in lex.countries:
                return None  # "Turkish", "Russian"; not "Nato", "UN"
            return Mention(text[toks[j][1] : toks[-1][2]], name, "named", kind,
                           toks[j][1], toks[-1][2])  # fmt: skip
        # a title alone ("The President", "Former Speaker"): a role
        words_l = [w.lower() for w in words]
        role = role_of(words_l)
        if role:
            first = _description_start(words, len(words) - 1)
            return Mention(text[toks[first][1] : toks[-1][2]], None, "description", role,
                           toks[first][1], toks[-1][2])  # fmt: skip
        return None
    role = role_of(words)
    if role:
        first = _description_start(words, len(words) - 1)
        return Mention(text[toks[first][1] : toks[-1][2]], None, "description", role,
                       toks[first][1], toks[-1][2])  # fmt: skip
    return None


#: The words of ``party_words`` that name a party's member ("Democrat", not "Democratic").
_PARTY_MEMBERS = frozenset(
    w for w in lexicon().words("party_words") if w not in ("Democratic", "GOP", "Labour")
)

#: Words after a subject and before its verb ("Trump has repeatedly denied", "The YPG on Friday
#: asked"): they are not part of the speaker.
_TRAILING = lexicon().words("between")


def _description_start(words: list[str], head: int) -> int:
    """Where a description ending at ``head`` starts: back over its modifiers, up to a word
    that ends a clause ("something experts say" -> "experts"), seven words at most."""
    i = head
    while i > 0 and head - i < 7:
        w = words[i - 1]
        if (
            w.lower() in _CUT
            or w in ",;:()—–"
            or w.lower() in PRONOUNS
            or w.lower() in PREPOSITIONS
            or (w[:1].islower() and w.endswith("ed"))
        ):
            break  # "rankled critics" -> "critics"; "compared to 42 percent" -> "42 percent"
        i -= 1
    return i


#: Words an appositive or a relative clause opens with, however long it is.
_APPOSITIVE_OPENERS = lexicon().words("appositive_openers")


def parse_subject(text: str, start: int, end: int) -> Mention | None:
    """The speaker named by the words before a speech verb (``text[start:end]``, from the start
    of the verb's clause), with commas: "Avigdor Liberman, the Israeli defense minister," ->
    Avigdor Liberman; "Netanyahu, in an address televised across Israel," -> Netanyahu; "In his
    talks with Mr. Trump, Mr. Macron" -> Mr. Macron."""
    parts = _parts(text, start, end)
    if not parts:
        return None
    last_start, last_end = parts[-1]
    opening = lexicon().circumstance.match(text, last_start, last_end)
    if opening and opening.end() < last_end and text[opening.start() : opening.end()].strip():
        last_start = opening.end()  # "On Friday the U.S. ambassador …"
        parts[-1] = (last_start, last_end)
    head: _Words | None = _Words(text, last_start, last_end)
    if head and head[0].lower() in PREPOSITIONS:
        # "For weeks Trump has", "In Friday’s filing the Justice Department", "Over the weekend
        # the White House": a fronted phrase with no comma, then the subject
        after = (
            _after_fronted_phrase(text, last_start, last_end)
            if head[0].istitle() and not _GERUND_NEXT.match(text, last_end)
            else None
        )  # "In a subsequent State Department press | briefing": a noun, no verb after a subject
        if after is None:
            return None  # "For the first official state visit"
        last_start = after
        parts[-1] = (last_start, last_end)
        head = _Words(text, last_start, last_end)
    if head and head.all_in(_TRAILING) and not set(head.every()) <= TITLE_SURNAMES:
        head = None  # "X, due to meet May …, has warned": only auxiliaries after the last comma
    if head:
        found = parse_phrase(text, last_start, last_end)
        if found is None and head.at_least(3) and head[0][:1].isupper():
            # "Starr at another point in the interview on the … radio show reiterated": the
            # subject, then circumstance up to the verb
            # (in its first characters only: a subject of five words at most stands before it)
            cut = _CIRCUMSTANCE_START.search(text, last_start, min(last_end, last_start + 400))
            subject = text[last_start : cut.start()] if cut is not None else ""
            if cut is not None and 0 < len(subject.split()) <= 5:
                found = parse_phrase(text, last_start, cut.start())
                if found is not None and (
                    found.source == "pronoun"
                    or found.start != last_start + len(subject) - len(subject.lstrip())
                ):
                    found = None  # "Hambley was among protesters removed from a Trump rally"
        if found is not None and found.source == "description" and len(parts) > 1:
            # "Mike Pompeo, the US secretary of state, who …": the name before the appositive
            p_start, p_end = parts[-2]
            if len(text[p_start:p_end].split()) <= 5:
                named = parse_phrase(text, p_start, p_end)
                if named is not None and named.source == "named" and named.kind == "person":
                    return named
        if found is not None or len(parts) == 1:
            return found
        return None
    # the verb follows a comma: the subject is before an appositive or a circumstance
    named = described = None
    for p_start, p_end in reversed(parts[:-1]):
        chunk = text[p_start:p_end].strip()
        first = chunk.split(" ", 1)[0].lower() if chunk else ""
        if len(chunk.split()) > 12 and not (
            len(chunk.split()) <= 25 and first in _APPOSITIVE_OPENERS
        ):
            break
        if lexicon().never_speaker.fullmatch(chunk):
            continue  # "R-Maine"
        if (
            not chunk
            or _NUMBER.match(chunk)
            or first in PREPOSITIONS
            or first.endswith("ing")
            or (
                chunk[:1].islower()
                and first not in _APPOSITIVE_OPENERS
                and not _role_before_name(text, p_start, p_end, first)
            )
        ):
            continue  # ", 70,", ", in an address …,", ", due to meet May in …,", ", while …,"
        found = parse_phrase(text, p_start, p_end)
        if found is not None and _object_of_preposition(text, p_start, found.start):
            continue  # "Encor, 48 pct-owned by Dome Petroleum Ltd, said": Dome is no subject
        if found is None:
            if len(chunk.split()) <= 6 or first in _APPOSITIVE_OPENERS:
                continue  # an appositive not understood: "a Cleveland physician", "the head of …"
            break
        indefinite = first in ("a", "an")  # "Rashida Tlaib, a Michigan Democrat,": described
        if found.source == "named" and not indefinite and named is None:
            named = found
        elif (found.source != "named" or indefinite) and described is None:
            described = found
        if named is not None:
            break
    return named or described


def _role_before_name(text: str, start: int, end: int, first: str) -> bool:
    """Whether ``text[start:end]`` is a person's role noun, then their name, and nothing else
    ("demonstrator Laiken Jordahl", "economist Jane Doe"): a subject, though it opens with a
    word in lower case."""
    if len(text[start:end].split()) > 4 or role_of([first]) != "person":
        return False
    found = parse_phrase(text, start, end)
    return (
        found is not None
        and found.source == "named"
        and found.kind == "person"
        and found.end >= len(text[:end].rstrip())
    )


#: The word before a name inside an appositive, when it is a preposition ("owned by", "head of").
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+$")


def _object_of_preposition(text: str, part_start: int, name_start: int) -> bool:
    """Whether the name found in an appositive part (``text[part_start:]``) is the object of a
    preposition of that part ("48 pct-owned by | Dome Petroleum Ltd", "a unit of | Acme Corp"):
    a name the part speaks of, not the subject the verb after the commas has."""
    if name_start <= part_start:
        return False
    m = _WORD_BEFORE.search(text, max(part_start, name_start - 40), name_start)
    return m is not None and m.group(1).lower() in PREPOSITIONS


#: A word with its punctuation.
_WORD = re.compile(r"\S+")


#: The longest part :class:`_Words` splits whole at once.
_SPLIT_WHOLE = 200


class _Words:
    """The words of ``text[start:end]`` (as ``str.split`` cuts them), read from the first only
    as far as asked: :func:`parse_subject` asks about the first few words of the part before a
    verb, and splitting the whole of a long part for each verb (a sentence of many quotes and no
    comma, each quote's subject read from the sentence's start) took quadratic time."""

    def __init__(self, text: str, start: int, end: int) -> None:
        if end - start <= _SPLIT_WHOLE:  # a short part (nearly every one): split at once
            self._read = text[start:end].split()
            self._found: Iterator[re.Match[str]] = iter(())
        else:
            self._read = []
            self._found = _WORD.finditer(text, start, end)

    def _upto(self, n: int) -> int:
        """How many of the first ``n`` words there are, reading those not yet read."""
        while len(self._read) < n:
            word = next(self._found, None)
            if word is None:
                break
            self._read.append(word.group(0))
        return min(n, len(self._read))

    def __bool__(self) -> bool:
        return self._upto(1) > 0

    def __getitem__(self, i: int) -> str:
        self._upto(i + 1)
        return self._read[i]

    def at_least(self, n: int) -> bool:
        return self._upto(n) >= n

    def all_in(self, words: frozenset[str] | set[str]) -> bool:
        """Whether every word, lower-cased, is among ``words`` (read up to the first that is
        not)."""
        i = 0
        while self._upto(i + 1) > i:
            if self._read[i].lower() not in words:
                return False
            i += 1
        return True

    def every(self) -> list[str]:
        """All the words."""
        self._read.extend(m.group(0) for m in self._found)
        return self._read


_DETERMINERS = lexicon().words("determiners")
_SUBJECT_PRONOUNS = lexicon().words("subject_pronouns")
#: A word in -ing.
_GERUND_NEXT = re.compile(r"[ \t]*[a-z]+ing\b")
#: The most words a fronted phrase with no comma holds ("In an interview with CNN").
_FRONTED_WORDS = 6


def _after_fronted_phrase(text: str, start: int, end: int) -> int | None:
    """Where the subject starts after a fronted phrase that opens ``text[start:end]`` with a
    preposition and no comma ("For weeks | Trump has", "In Friday’s filing | the Justice
    Department", "During his campaign | Mr Trump", "Over the weekend | the White House"): the
    first word, after two to six words of the phrase (written with a capital: it opens the
    sentence), that opens a noun phrase (a determiner, a
    subject pronoun, or a capitalised word that goes on no name before it, a title excepted)
    after a word that ends one (not a determiner, a preposition, "to", a possessive or an
    auxiliary); None when there is none ("For the first official state visit", "About 40
    percent of voters")."""
    words = [(m.start(), m.group(0)) for m in islice(_WORD.finditer(text, start, end), 8)]
    # (the first words only: a part with no comma may be long, and this runs once per verb)
    lex = lexicon()
    for j in range(2, min(len(words), _FRONTED_WORDS + 1)):
        fronted = [w.lower().strip(",.") for _, w in words[1:j]]
        if words[0][1] == "To" or any(
            w == "to" or w in _TRAILING or w in _SUBJECT_PRONOUNS for w in fronted
        ):
            return None  # "For them to take …": a clause, not a phrase
        prev, cur = words[j - 1][1], words[j][1]
        p = prev.lower()
        if p in _DETERMINERS or p in PREPOSITIONS or p in ("and", "or") or _POSSESSIVE.search(p):
            continue
        c = cur.lower()
        if c in _DETERMINERS - {"that"} or c in _SUBJECT_PRONOUNS - {"there", "you", "it"}:
            return words[j][0]
        if cur[:1].isupper() and (not prev[:1].isupper() or cur.rstrip(",") in lex.titles):
            return words[j][0]
    return None


#: Where circumstance after a subject starts: "at another point", "in an interview", "on Friday".
#: Also a participle that modifies the subject, with no object of its own: "A preliminary report
#: released Thursday", "A statement issued by the ministry" (``subject_participles`` of
#: function_words.tsv); not "Franken issued an apology".
_CIRCUMSTANCE_START = re.compile(
    r"[ \t]+(?:(?:at|in|on|during|after|before|since|while|late|earlier|last|this|speaking)[ \t]|"
    r"(?:" + "|".join(sorted(lexicon().words("subject_participles"))) + r")[ \t]+"
    r"(?=(?:by|on|in|at|late|early|earlier|last|this|today|yesterday|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)\b))"
)


#: The most parts between commas read back from a verb for its subject: of a clause of more
#: (a run-on sentence of short phrases and commas, each searched again for every verb, took
#: quadratic time), the last ones. A subject stands a few appositives before its verb.
_MOST_PARTS = 40


def _parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of ``text[start:end]`` between commas, the last :data:`_MOST_PARTS` of them."""
    out: list[tuple[int, int]] = []
    pos = end
    while len(out) < _MOST_PARTS - 1:
        comma = text.rfind(",", start, pos)
        if comma < 0:
            break
        out.append((comma + 1, pos))
        pos = comma
    else:
        comma = text.rfind(",", start, pos)
    out.append((start if comma < 0 else comma + 1, pos))
    out.reverse()
    return out


_AFTER_NP = re.compile(
    r"[ \t]*([^,.;:!?()\n—–]*?)(?=[ \t]+(?:on|in|at|during|after|before|told|to|who|while|as|"
    r"last|this|yesterday|today|without|with|when|adding|saying|according)\b|[,.;:!?()\n—–]|$)"
)
#: A word of up to five letters with a full stop, or a letter of a dotted acronym after the
#: first ("U.S.": both stops, so "the U.S. official" is one phrase).
_ABBREVIATED = re.compile(r"(?<![\w.])([A-Za-z]{1,5})\.|(?<=[A-Za-z]\.)([A-Za-z])\.")


def mask_abbreviations(text: str) -> str:
    """``text`` with the full stop of each title, initial or abbreviation ("Sen.", "H.R.",
    "Elijah E. Cummings") replaced by a NUL, so that a pattern can take the stop as the end of a
    sentence; offsets are unchanged."""
    abbrev = abbreviations()

    def mask(m: re.Match[str]) -> str:
        if m.group(2):
            return m.group(2) + "\0"
        word = m.group(1)
        if len(word) == 1 or word.lower() in abbrev:
            return word + "\0"
        return m.group(0)

    return _ABBREVIATED.sub(mask, text)


#: An appositive after a comma, capitalised.
_APPOSITIVE = re.compile(r",[ \t]*([A-Z][^,.;:!?()\n]*?)(?=[,.;:!?()\n]|$)")


_PLURAL_HEADS = lexicon().words("plural_heads")
#: A plural description after an inverted verb ends its sentence: a stop, after circumstance of
#: a word or two (not a comma: "…, say Democratic strategists, is that …" stands aside, and
#: what it reports is the rest of the sentence too).
_AFTER_PLURAL = re.compile(
    r"[ \t]*(?:(?:on|in|at|during|late|early|last|this)[ \t]+[\w.’'-]+(?:[ \t]+[\w.’'-]+)?"
    r"[ \t]*)?(?:$|[.;!?])"
)
_POSTMODIFIERS = lexicon().words("postmodifiers")
#: The phrase of a bare plural's adjective, to the sentence's end: " with the matter.", " to
#: the talks." (a preposition and one to four words).
_POSTMODIFIER_TAIL = re.compile(
    r"([ \t]+(?:with|to|on|in|of)(?:[ \t]+[\w’'-]+){1,4})[ \t]*(?:$|[.;!?])"
)
#: An inverted verb: after a comma or a closing quotation mark.
_INVERTED_VERB = re.compile(r"[,”\"][ \t]*[a-z]+[ \t]*$")


def _bare_plural(text: str, who: Mention, end: int) -> bool:
    """Whether ``who``, a description with no determiner after an inverted verb, is a bare
    plural that ends its clause ("…, said department spokesmen.", "…, say analysts", "…, said
    senior administration officials on Friday", "…, said people familiar with the matter"):
    its head (the last word before a preposition or "familiar") is a plural noun, lower-case,
    right after a verb that follows a comma or a quotation, and the sentence ends after it (circumstance
    of a word or two set aside: "…, maintain very large-scale U.S. forces in Europe until" is
    no attribution)."""
    words = text[who.start : who.end].split()
    if (
        not words
        or _INVERTED_VERB.search(text, max(0, who.start - 30), who.start) is None
        or words[0].lower() in _SUBJECT_PRONOUNS
        or "'" in words[0]
        or "’" in words[0]
    ):
        return False  # "…, say they’re swing voters": a clause, not a speaker
    head = ""
    for w in words:
        if w.lower() in PREPOSITIONS or w in _POSTMODIFIERS:
            break
        head = w
    plural = head in _PLURAL_HEADS or (
        head.islower() and head.endswith("s") and not head.endswith(("ss", "us", "is"))
    )
    return plural and _plural_end(text, who, end) is not None


def _plural_head(text: str, who: Mention) -> bool:
    """Whether ``who`` is a description whose head (its last word before a preposition) is a
    plural noun in lower case: "students in school spirit", "department spokesmen"."""
    if who.source != "description":
        return False
    head = ""
    for w in text[who.start : who.end].split():
        if w.lower() in PREPOSITIONS or w in _POSTMODIFIERS:
            break
        head = w
    return head in _PLURAL_HEADS or (
        head.islower() and head.endswith("s") and not head.endswith(("ss", "us", "is"))
    )


def disagrees(text: str, who: Mention, verb: str) -> bool:
    """Whether a plural subject cannot be the subject of ``verb``, a verb of one word in the
    third person singular ("chants", "says"): "led students in school spirit chants “to
    counter …”" has a noun "chants", no verb, and the students say nothing."""
    return (
        " " not in verb
        and verb.islower()
        and verb.endswith("s")
        and not verb.endswith("ss")
        and _plural_head(text, who)
    )


def _plural_end(text: str, who: Mention, end: int) -> int | None:
    """Where a bare plural description ends when its sentence ends after it: at ``who``'s end, or
    after the phrase of an adjective that follows its head ("people familiar | with the
    matter."); None when the sentence goes on."""
    words_after = _POSTMODIFIER_TAIL.match(text, who.end, end)
    if words_after is not None and text[who.start : who.end].split()[-1] in _POSTMODIFIERS:
        return words_after.end(1)
    return who.end if _AFTER_PLURAL.match(text, who.end, end) is not None else None


def parse_after(text: str, start: int, end: int) -> Mention | None:
    """The speaker named right after an inverted speech verb (", said Putin", ", says US Secret
    Service Director Joseph Clancy, but ...", "— said the Kremlin spokesman, Dmitry Peskov.")."""
    m = _AFTER_NP.match(mask_abbreviations(text[start:end]))
    if m is None or len(m.group(1).split()) > 9:
        return None
    first = parse_phrase(text, start + m.start(1), start + m.end(1))
    if (
        first is not None
        and first.source == "description"
        and not re.match(
            r"(?:[Tt]he|[Aa]n?|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w.-]*['’]s?|[A-Z])\b",
            text[first.start : first.end],
        )
    ) and not _bare_plural(text, first, end):
        return None  # "said prime minister within an …": no speaker
    if (
        first is not None
        and first.source == "description"
        and first.text.split()[-1] in _POSTMODIFIERS
    ):
        stop = _plural_end(text, first, end)
        if stop is not None and stop > first.end:  # "people familiar with the matter"
            first = Mention(text[first.start : stop], first.name, first.source, first.kind,
                            first.start, stop)  # fmt: skip
    if first is not None and first.source == "description":
        # "said the Kremlin spokesman, Dmitry Peskov": the name in the appositive
        rest = start + m.end(1)
        appos = _APPOSITIVE.match(text[rest:end])
        if appos:
            named = parse_phrase(text, rest + appos.start(1), rest + appos.end(1))
            if named is not None and named.source == "named" and named.kind == "person":
                return named
    return first
