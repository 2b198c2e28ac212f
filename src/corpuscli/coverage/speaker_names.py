"""The last step of attribution: each quote's speaker checked, named canonically, and rated.

- A speaker that is no speaker is dropped: a party-state tag ("R-Texas"), a dateline
  ("WASHINGTON"), a possessive fragment ("Stone's"), a country adjective ("Turkish"), a title
  alone ("Former Speaker"), a pronoun nobody was found for. An empty speaker is better than a
  wrong one.
- A person is named by the fullest form of the name in the article ("Mr. Putin", "Putin" and
  "President Vladimir Putin" are all "Vladimir Putin"), titles dropped; an acronym by the name
  whose initials it is ("DNC" -> "Democratic National Committee") when the article gives it.
  ``speaker_text`` keeps the words the text uses next to the quote.
- ``speaker_source`` says how the speaker was found — named next to the quote, a pronoun or a
  description resolved to a name, the quote's context (its paragraph, a colon), or none — and
  ``confidence`` rates it (0.9 named, 0.8 a role or organisation as written, 0.75 a description
  resolved, 0.7 a pronoun resolved, 0.5 from context, 0 none).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from .lexicon import lexicon
from .quote_patterns import Quote
from .speaker_phrase import HONORIFICS, SUFFIXES, TITLE_SURNAMES, name_start, role_of, sentence_stop

_CONFIDENCE = {"named": 0.9, "role": 0.8, "description": 0.75, "pronoun": 0.7, "context": 0.5}
#: A name in running text: capitalised words (initials, particles and suffixes allowed).
_NAME_RUN = re.compile(  # the capital first, then the look-behind: the search skips to capitals
    r"[A-Z](?<![\w.'’-][A-Z])[\w'’.-]*(?:[ \t]+(?:(?:al|bin|ibn|de|da|del|der|di|du|van|von|la|le|el|ben|"
    r"abu|of|of[ \t]+the)[ \t]+)?(?:(?:al|el|bin|ibn|abu)-)?[A-Z][\w'’.-]*)+"
)
_POSSESSIVE = re.compile(r"['’]s?$")
_FEMALE = lexicon().words("female_titles")
_MALE = lexicon().words("male_titles")
#: A person's pronoun as the title it implies, for naming them ("he" is no "Melania Trump").
_GENDERED = _FEMALE | _MALE
_PRONOUN_TITLE = {"he": "Mr.", "He": "Mr.", "she": "Ms.", "She": "Ms."}
_UNPREFIXED = re.compile(r"^(?:al|el|bin|ibn|abu|ul|ud)-")
#: Last words of names that are no person's ("Trump Tower", "Edison Research").
_NOT_PERSON_HEADS = lexicon().words("not_person_heads")
#: Page furniture and questions before a name ("Add", "Did").
_OPENERS = lexicon().words("name_openers")
#: A party or its member ("Democrat"), before a first name.
_PARTY = lexicon().words("party_words")


def _name_words(run: str) -> list[str]:
    """The words of a capitalised run that are a name: after its last title, adjective or
    country; without a possessive "'s" (a new list each time; read once per run)."""
    return list(_name_words_of(run))


@lru_cache(maxsize=8192)
def _name_words_of(run: str) -> tuple[str, ...]:
    """:func:`_name_words`, remembered: the same runs ("Donald Trump", "White House") come back
    in article after article, and their words depend on the run alone."""
    return tuple(_read_name_words(run))


def _read_name_words(run: str) -> list[str]:
    """:func:`_name_words`, read afresh."""
    words = run.split()
    caps = 0  # a headline in capitals before a name: "WARNS PM Theresa May"
    while (
        words[0].isupper()
        and caps < len(words) - 1
        and len(words[caps]) > 1
        and words[caps].isupper()
        and ("." not in words[caps])
    ):
        caps += 1
    firm = (  # "FCS Laboratories", "CBS News": an acronym and a firm's or an outlet's word
        caps == 1
        and len(words) == 2
        and len(words[0]) <= 4
        and words[1] in lexicon().words("firm_name_ends") | lexicon().words("outlet_name_heads")
    )
    if caps and not words[caps].isupper() and not (firm and words[0] not in lexicon().titles):
        words = words[caps:]
    if len(words) > 1 and _POSSESSIVE.search(words[-1]):
        # "James Comey’s memos": the name is the owner's (a possessive inside the run still
        # ends a country or an owner before a title: "Turkey's President Erdogan")
        words = [*words[:-1], _POSSESSIVE.sub("", words[-1])]
    out = words[name_start(words) :]
    while len(out) > 1 and out[0] in _OPENERS:  # "Add Donald Trump as an interest"
        out = out[1:]
    for n in (2, 1):  # "State John Kerry", the run after "of" in "Secretary of State John Kerry"
        if len(out) > n + 1 and " ".join(out[:n]) in _title_tails():
            out = out[n:]
            break
    party = [
        k for k, w in enumerate(out[:-2]) if w in _PARTY and out[k + 1] in lexicon().first_names
    ]
    if party:  # "Florida Democrat Alan Grayson": Alan Grayson
        out = out[party[-1] + 1 :]
    if "of" in out[1:]:  # "Emmanuel Macron of France" is Emmanuel Macron; "Bank of America" stays
        k = out.index("of")
        if role_of([out[k - 1].lower()]) is None or out[k - 1] in TITLE_SURNAMES:
            out = out[:k]
    if out and _POSSESSIVE.search(out[-1]):
        out[-1] = _POSSESSIVE.sub("", out[-1])
    return [w for w in out if w]


@lru_cache(maxsize=1)
def _title_tails() -> frozenset[str]:
    """The words after "of" of the titles that hold it ("State" of "Secretary of State",
    "National Intelligence", "the House" as "House"): a run of capitalised words that opens
    with one of them after a title's "of" is the title's end, then the name."""
    tails = set()
    for title in lexicon().titles:
        if " of " in title:
            tail = title.split(" of ", 1)[1].split()
            tails.add(" ".join(tail[1:] if tail[0].lower() == "the" else tail))
    return frozenset(t for t in tails if t)


def _last(words: list[str]) -> str | None:
    core = [w for w in words if w not in SUFFIXES and w.rstrip(".") not in SUFFIXES]
    return core[-1] if core else None


#: A word glued to the next one where a page's link text ran into the next ("SasseDemocrat",
#: "McConnellTrump"): three lower-case letters, then a capital.
GLUED = re.compile(r"[a-z]{3,}(?=[A-Z])")


def glued_at(words: list[str]) -> int | None:
    """The first word after the first that is glued to the next ("SasseDemocrat")."""
    for k in range(1, len(words)):
        # a capital after three letters: none when what follows them is all lower case
        if not words[k][3:].islower() and GLUED.search(words[k]):
            return k
    return None


def unglue(words: list[str]) -> list[str]:
    """The words of a name as far as a link's text runs into another (The Hill writes "Sen. Ben
    Sasse Benjamin (Ben) Eric SasseDemocrat…", "Nancy Pelosi Nancy PelosiOvernight …"): cut at
    the first glued word after the first (its first part kept), then at the first mention of its
    last word when the name has three words or more ("Nancy Pelosi Nancy Pelosi" is "Nancy
    Pelosi", "Trump Donald John Trump" "Trump"; "Abdullah Abdullah" stays). A name whose first
    word is glued ("BuzzFeed News") is left as it is."""
    k = glued_at(words)
    if k is not None:
        head = GLUED.search(words[k])
        words = [*words[:k], words[k][: head.end() if head else None]]
    if len(words) > 2 and words[-1] in words[:-1]:
        words = words[: words.index(words[-1]) + 1]
    return words


def _name_runs(text: str) -> Iterator[str]:
    """The runs of capitalised words in ``text``, cut where a sentence ends ("… in Seoul. Ri
    said" gives "Seoul" and "Ri"; "… said chief Shamil Tarpishchev." gives "Shamil
    Tarpishchev") and where a link's text runs into the next (``unglue``)."""
    for m in _NAME_RUN.finditer(text):
        run = m.group(0)
        words: list[str] = []
        for w in run.split():
            if sentence_stop(w):
                words.append(w[:-1])
                yield from _unglued(words)
                words = []
            else:
                words.append(w)
        if words:
            yield from _unglued(words)


def _unglued(words: list[str]) -> Iterator[str]:
    """The run ``words`` as a name (``unglue``); none when it is the tail of a link's text with
    no name repeated before the glue ("Joseph DurbinSenate": a middle name and a family name)."""
    glued = glued_at(words)
    kept = unglue(words)
    if glued is None or len(kept) <= glued:
        yield " ".join(kept)


@lru_cache(maxsize=8192)
def _variants(run: str) -> frozenset[str]:
    """The words of a run as a name may use them: as written, without a possessive, without a
    prefix ("al-Assad", "Assad")."""
    out: set[str] = set()
    for w in run.split():
        if "'" not in w and "’" not in w and "-" not in w:
            out.add(w)  # no possessive, no prefix: the word is its only variant
            continue
        bare = _POSSESSIVE.sub("", w)
        out.update((w, bare, _UNPREFIXED.sub("", bare)))
    return frozenset(out)


#: A word in lower case.
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")


#: A closing quotation mark: a pronoun after it is the quote's speaker's.
_CLOSING = re.compile(r"[”»]|[,.!?…][\"’']")
_HE = re.compile(r"\b(?:" + "|".join(sorted(lexicon().words("he_words"))) + r")\b")
_SHE = re.compile(r"\b(?:" + "|".join(sorted(lexicon().words("she_words"))) + r")\b")


def _word_before(text: str, pos: int) -> str:
    """The word that ends right before ``pos`` (one space apart), else ""."""
    words = text[max(0, pos - 40) : pos].split()
    return words[-1].lstrip("\"“‘'«(") if words and text[pos - 1 : pos] == " " else ""


def surname_gender(text: str, last: str) -> str | None:
    """ "he" or "she" for the person of this last name: the pronouns in the 160 characters after
    each mention (up to a closing quotation mark), counted, and a title before it ("Mr.", "Ms.")
    counted thrice; None if even."""
    he, she, _ = surname_evidence(text, last)
    return "he" if he > she else "she" if she > he else None


#: The end of a sentence inside a window of text.
_SENTENCE_END = re.compile(r"[.!?](?=\s)")


def surname_evidence(
    text: str,
    last: str,
    others: frozenset[str] = frozenset(),
    *,
    sentence: bool = False,
    untitled: bool = False,
) -> tuple[int, int, set[str]]:
    """(he, she, titles) for the mentions of this last name: the pronouns of each sort in the 160
    characters after each mention (up to a closing quotation mark; with ``sentence``, up to the
    sentence's end too), a gendered title before it ("Mr.", "Ms.") counted thrice, and the
    titles written right before it ("President"). A mention right after a word of ``others``
    (the first names of people of that family name the article names in full: "Melania" for
    "Trump") is theirs and not read; with ``untitled``, neither is one right after a gendered
    title ("Mrs. Trump" says nothing of whom a bare "Trump" means)."""
    he = she = 0
    titles: set[str] = set()
    all_titles = lexicon().titles
    pos = text.find(last)
    while pos >= 0:
        end = pos + len(last)
        if (
            (pos == 0 or not text[pos - 1].isalnum())
            and (end == len(text) or not text[end].isalnum())
            and not (others and _word_before(text, pos) in others)
            and not (untitled and _word_before(text, pos) in _GENDERED)
        ):
            window = text[end : end + 160]
            closing = _CLOSING.search(window)
            if closing:  # "… Kim Song is not involved,” she said": the quote's speaker, not his
                window = window[: closing.start()]
            stop = _SENTENCE_END.search(window) if sentence else None
            if stop:
                window = window[: stop.start()]
            he += len(_HE.findall(window))
            she += len(_SHE.findall(window))
            before = text[max(0, pos - 5) : pos].rstrip(". ")
            he += 3 * before.endswith("Mr")
            she += 3 * before.endswith(("Ms", "Mrs"))
            word = _word_before(text, pos)
            if word in all_titles:
                titles.add(word)
        pos = text.find(last, end)
    return he, she, titles


class NameIndex:
    """The names of people an article gives, to name each speaker by the fullest one."""

    def __init__(self, text: str, wanted: set[str] | None = None) -> None:
        """The names of ``text``; with ``wanted``, only those that hold one of its words (the
        names a speaker can be named by: the others are not needed)."""
        self.by_last: dict[str, list[str]] = {}
        self.order: dict[str, int] = {}  # each name, by its first mention
        self.count: dict[str, int] = {}
        self._text = text
        self._lower_words: frozenset[str] | None = None
        self._bare: dict[tuple[str, frozenset[str]], tuple[int, int, set[str]]] = {}
        self.female: set[str] = set()  # names once written with "Mrs.", "Ms.", "Queen" ...
        self.male: set[str] = set()
        lex = lexicon()
        for run in _name_runs(text):
            first = run.split()[0]
            if (
                wanted is not None
                and first not in _FEMALE
                and first not in _MALE
                and wanted.isdisjoint(_variants(run))
            ):
                continue
            words = _name_words(run)
            if len(words) == 1 and first in _FEMALE:
                self.female.add(words[0])
            elif len(words) == 1 and first in _MALE:
                self.male.add(words[0])
            if len(words) < 2 or any(w in lex.not_names for w in words[:1]):
                continue
            name = " ".join(words)
            if name in lex.countries or lex.never_speaker.fullmatch(name):
                continue
            last = _last(words)
            if last is None:
                continue
            for key in {last, _UNPREFIXED.sub("", last)}:
                forms = self.by_last.setdefault(key, [])
                if name not in forms:
                    forms.append(name)
            self.order.setdefault(name, len(self.order))
            self.count[name] = self.count.get(name, 0) + 1

    @property
    def lower_words(self) -> frozenset[str]:
        """The words the text writes in lower case ("pastor"): no part of a name. Read once,
        when first asked."""
        if self._lower_words is None:
            self._lower_words = frozenset(_LOWER_WORD.findall(self._text))
        return self._lower_words

    def _named(self, words: str) -> bool:
        """Whether ``words`` (before a name) are more of the name: not a word the text also
        writes in lower case ("Pastor", "Slippery", "Will"), a title or an abbreviation
        ("Cmdr.")."""
        return all(
            w.lower() not in self.lower_words
            and w not in lexicon().title_words
            and w not in lexicon().titles
            and not (w.endswith(".") and len(w) > 2)
            for w in words.split()
        )

    def _fitting_bare(self, last: str, forms: list[str]) -> list[str]:
        """Of the full names ``forms`` of people called ``last``, those the bare family name can
        mean, read off its mentions alone ("Trump said … he", "President Trump"; not "Melania
        Trump"): when they carry a title some forms carry too ("President Trump", "President
        Donald Trump"), those forms; else, when a form opens with a known first name and the bare
        name carries a title no form carries ("President Trump", "first lady Melania Trump") or
        several people share it, the pronouns in the sentences of those mentions, when one sort
        clearly outnumbers the other, drop the forms of the other sex (a pronoun after a name is
        often someone else's, so one full name alone is not dropped on pronouns alone). A family name shared by a man and a woman is then the one the
        text means, or none (the bare name stays)."""
        genders = lexicon().first_names
        others = frozenset(f.split()[0] for f in forms)
        if (last, others) not in self._bare:
            self._bare[last, others] = surname_evidence(
                self._text, last, others, sentence=True, untitled=True
            )
        he, she, titles = self._bare[last, others]
        titled = [f for f in forms if titles & self._titles_of(f)] if titles else []
        if titled:  # "President Trump": the one written "President Donald Trump", in any form
            firsts = {f.split()[0] for f in titled}
            return [f for f in forms if f.split()[0] in firsts]
        people = {f.split()[0] for f in forms}
        if len(people) == 1 and not titles:
            return forms  # one person named in full, and nothing says the bare name is another
        known = {f: genders.get(f.split()[0]) for f in forms}
        # the pronouns must outnumber the others by two when the bare name carries a title no
        # form carries ("President Trump", "first lady Melania Trump"), else by five and thrice
        # (a pronoun after a name is often another person's: "She added Trump should …")
        if titles:
            bare = "he" if he >= she + 2 else "she" if she >= he + 2 else None
        else:
            bare = "he" if he >= max(5, 3 * she) else "she" if she >= max(5, 3 * he) else None
        if bare is None or not any(known.values()):
            return forms
        return [f for f in forms if known[f] in (None, bare)]

    def _titles_of(self, form: str) -> set[str]:
        """The titles written right before the full name ``form`` ("President Donald Trump")."""
        titles = lexicon().titles
        out = set()
        pos = self._text.find(form)
        while pos >= 0:
            word = _word_before(self._text, pos)
            if word in titles:
                out.add(word)
            pos = self._text.find(form, pos + len(form))
        return out

    def fullest(self, name: str, title: str = "") -> str:
        """The fullest form of ``name`` in the article: of the names with the same last word
        (a "Jr." only for a "Jr."; not "Melania Trump" for "Mr. Trump"), the one the article
        uses most, then the longest; else the only longer name that holds the word, or the name it
        opens that the article uses most (a family name written first: "Kim", "Ri")."""
        words = name.split()
        last = _last(words)
        if last is None:
            return name
        suffixed = any(w.rstrip(".") in {s.rstrip(".") for s in SUFFIXES} for w in words)
        forms = [
            f for f in self.by_last.get(last, self.by_last.get(_UNPREFIXED.sub("", last), []))
            if suffixed == any(w.rstrip(".") in ("Jr", "Sr", "II", "III") for w in f.split())
            and {_UNPREFIXED.sub("", w) for w in words}
            <= {_UNPREFIXED.sub("", w) for w in f.split()}
        ]  # fmt: skip
        genders = lexicon().first_names
        if not title and len(words) == 1:  # "Trump" where the article writes "Mr. Trump" only
            # (unless a person of the other sex is named in full with it: "Mrs. Trump" is
            # Melania, and a bare "Trump" beside "Donald Trump" may be him)
            sexes = {genders.get(f.split()[0]) for f in forms}
            if words[0] in self.male and words[0] not in self.female and "she" not in sexes:
                title = "Mr."
            elif words[0] in self.female and words[0] not in self.male and "he" not in sexes:
                title = "Ms."
        if not title and len(words) == 1 and forms:
            forms = self._fitting_bare(words[0], forms)
            if not forms:
                return name  # "Trump" where the only Trump named in full is "Melania Trump"
        # not a man's name for "Ms. Trump" ("Mr. Trump" elsewhere, "Donald"); and when the
        # article names only a woman of that family name, "Mr. Trump" stays "Trump": a family
        # name alone must not become a different person who shares it ("Melania Trump")
        unfiltered = bool(forms)
        if title in _FEMALE:
            forms = [f for f in forms if f.split()[0] not in self.male
                     and genders.get(f.split()[0]) != "he"]  # fmt: skip
        elif title in _MALE:
            forms = [f for f in forms if f.split()[0] not in self.female
                     and genders.get(f.split()[0]) != "she"]  # fmt: skip
        if unfiltered and not forms:
            return name
        # different people of one family name: the one named most; a longer form of the same
        # person ("Donald J. Trump" beside "Donald Trump") counts towards the shorter
        people: dict[str, list[str]] = {}
        for f in sorted(forms, key=lambda f: -len(f.split())):
            # "Tayyip Erdogan" is the tail of "Recep Tayyip Erdogan": one person (not of
            # "Pastor Tony Spell", "Slippery James Comey": words of the text, titles)
            longer = next(
                (g for g in forms
                 if g.endswith(" " + f) and len(g.split()) == len(f.split()) + 1
                 and f.split()[0] not in genders and self._named(g.split()[0])),
                None,
            )  # fmt: skip
            key = longer.split()[0] if longer else f.split()[0]
            people.setdefault(key, []).append(f)
        if len(people) > 1 and len(words) == 1:
            ranked = sorted(
                people.values(),
                key=lambda fs: (-sum(self.count[f] for f in fs), self.order[fs[0]]),
            )
            forms = ranked[0]
        if forms:
            return max(forms, key=lambda f: (len(f.split()), len(f), -self.order[f]))
        if len(words) == 1:
            holding = []
            for f in self.order:
                parts = f.split()
                if words[0] not in parts or parts[-1] in _NOT_PERSON_HEADS:
                    continue
                if words[0] not in (parts[0], _last(parts)):
                    # "Jim Renacci James (Jim) B. Renacci": a link's text glued on; the name
                    # ends with the word
                    f = " ".join(parts[: parts.index(words[0]) + 1])
                if f not in holding:
                    holding.append(f)
            if len(holding) == 1:
                return holding[0]
            # a family name written first ("Kim", "Ri" for "Ri Yong Ho"): of the names it opens,
            # not counting one that only extends another ("Ri Yong Ho Photographer"), the one
            # the article uses most, then the first it gives
            opened = [f for f in holding if f.split()[0] == words[0]]
            opened = [
                f for f in opened if not any(g != f and f.startswith(g + " ") for g in opened)
            ]
            if opened:
                return min(opened, key=lambda f: (-self.count.get(f, 0), self.order.get(f, 0)))
        return name

    def expand_acronym(self, acronym: str) -> str | None:
        for name in self.order:
            initials = "".join(
                w[0] for w in name.split() if w.lower() not in ("of", "for", "and", "the", "on")
            )
            if initials == acronym and len(name.split()) >= 2:
                return name
        return None


#: The openers of a description of someone unnamed: "a Turkish official", "several aides".
_INDEFINITE = lexicon().words("indefinite_articles") | lexicon().words("unspecific_quantifiers")
_PERSON_NAME = r"((?:[A-Z][\w'’-]*\.?|al-[A-Z][\w'’-]*)(?:[ \t]+(?:[A-Z][\w'’-]*\.?|al-[A-Z][\w'’-]*|bin|al|de|van|von)){0,3})"


def resolve_descriptions(text: str, quotes: list[Quote]) -> None:
    """A definite description of a person ("Turkey's president", "the Israeli prime minister",
    "the US national security adviser") becomes the person the article names with that title
    and that country ("Turkish President Tayyip Erdogan", "John Bolton, the national security
    adviser"): the last one named before the quote, else the first after it. Indefinite ones
    ("a Turkish official") and groups ("officials") stay as written."""
    lex = lexicon()
    cache: dict[str, list[tuple[int, str]]] = {}
    for q in quotes:
        if q.speaker_source != "description" or not q.speaker_text or q.speaker != q.speaker_text:
            continue
        if lex.anonymous.search(text, q.end, min(len(text), q.end + 80)) or lex.anonymous.search(
            text, max(0, q.start - 120), q.start
        ):
            continue  # "“…,” said the attorney, who asked not to be named": nobody named
        words = q.speaker_text.split()
        served = False  # "X's ambassador to the United Nations": named only with that title
        if words[0][:1].islower() or words[0] in ("The", "A", "An"):
            cut = next((i for i, w in enumerate(words) if i and w.lower() in _OF), len(words))
            words = words[:cut]  # "the head of the Revolutionary Guard": the head
        elif _POSSESSIVE.search(words[0]) or (len(words) > 1 and _POSSESSIVE.search(words[1])):
            # "North Korea's ambassador to the United Nations": the ambassador, of North Korea
            cut = next(
                (i for i, w in enumerate(words) if i > 1 and (w.lower() in _OF or w == "to")
                 and role_of([words[i - 1].lower()]) is not None),
                len(words),
            )  # fmt: skip
            body = [w for w in words[cut + 1 :] if w != "the"]
            if not all(w[:1].isupper() for w in body):
                continue  # "Labour's deputy minister for women Jacqui Smith": named already
            served = cut < len(words)
            words = words[:cut]
        if words[0].lower() in _INDEFINITE or role_of([w.lower() for w in words]) != "person":
            continue
        head = words[-1].lower()
        plural = head.endswith("s") and (
            head[:-1] in lex.roles or head[:-2] in lex.roles or head[:-3] + "y" in lex.roles
        )
        if plural or any(c.isdigit() for c in words[0]):
            continue  # "the officials", "authorities", "42 percent"
        title = (
            " ".join(words[-2:])
            if len(words) >= 2 and words[-2].lower() in _TITLE_WORDS
            else words[-1]
        )
        places: set[str] = set()
        for w in words[:-1]:
            w = _POSSESSIVE.sub("", w)
            if w in lex.place_forms:
                places.update(lex.place_forms[w])
        key = title.lower() + "|" + ",".join(sorted(places))
        if key not in cache:
            cache[key] = _titled_people(text, title, places)
        found = cache[key]
        if not found:
            # "the head of the Revolutionary Guard … insisted …" ¶ "“…,” said Gen. Hossein
            # Salami": a person first named right after, speaking
            if not served:
                q.speaker = _introduced_after(text, quotes, q) or q.speaker
            continue
        # of the people so titled, the last who spoke before; else the one named most (with no
        # country: "the president"), the last named before, the first after
        titled = {n.split()[-1]: n for _, n in found}
        spoke = [
            titled[p.speaker.split()[-1]] for p in quotes
            if p.start < q.start and p.speaker_source == "named" and p.speaker
            and p.speaker.split()[-1] in titled
        ]  # fmt: skip
        if spoke:
            q.speaker = spoke[-1]
            continue
        if not places and not any(pos < q.start for pos, _ in found):
            # "the president" where no president spoke nor was named before: the person who
            # spoke last, as for "he" (one named "President X" before is the president)
            last = [
                p.speaker for p in quotes
                if p.start < q.start and p.speaker_source == "named" and p.speaker
                and p.speaker.split()[0][:1].isupper() and p.speaker not in lex.countries
            ]  # fmt: skip
            if last:
                q.speaker = last[-1]
                continue
        if not places and len(titled) > 1:
            counts: dict[str, int] = {}
            for _, n in found:
                counts[n.split()[-1]] = counts.get(n.split()[-1], 0) + 1
            top = max(counts.values())
            found = [(pos, n) for pos, n in found if counts[n.split()[-1]] == top]
        before = [n for pos, n in found if pos < q.start]
        q.speaker = before[-1] if before else found[0][1]


_OF = {"of", "for", "at", "in", "with", "on", "from"}


def _introduced_after(text: str, quotes: list[Quote], q: Quote) -> str | None:
    """The person who speaks in the next quotes after ``q`` (within a few hundred characters),
    named there by name for the first time in the text: whom a description before means."""
    for p in quotes:
        if p.start <= q.end or p.speaker_source != "named" or not p.speaker:
            continue
        if p.start - q.end > 600:
            break
        words = p.speaker.split()
        if len(words) >= 2 and words[0][:1].isupper() and words[-1] not in text[: q.start]:
            return p.speaker
    return None


_TITLE_WORDS = {"prime", "vice", "foreign", "defense", "defence", "security", "press", "deputy",
                "national", "chief", "senior", "house", "majority", "minority", "state"}  # fmt: skip


@cache
def _title_patterns(title: str) -> tuple[re.Pattern[str], ...]:
    t = r"[ \t]+".join(re.escape(w) for w in title.split())
    return (
        re.compile(rf"(?i:{t})[ \t]+" + _PERSON_NAME),  # President Tayyip Erdogan
        re.compile(rf"(?i:{t}),[ \t]+" + _PERSON_NAME + r","),  # the official, Ali Shamkhani,
        # "ambassador to the United Nations, Kim Song,": the title's body, then the name
        re.compile(
            rf"(?i:{t})[ \t]+(?:to|of|for|at)[ \t]+(?:the[ \t]+)?[A-Z][\w.’'-]*"
            rf"(?:[ \t]+[A-Z][\w.’'-]*){{0,3}},[ \t]+" + _PERSON_NAME + r","
        ),
        re.compile(
            _PERSON_NAME + rf",[ \t]+(?:[\w’'.-]+[ \t]+){{0,5}}?(?i:{t})\b"
        ),  # X, the adviser
    )


#: Words that end an appositive before a title ("Hawaii, a day after Seoul’s top diplomat").
_BREAKS = lexicon().words("appositive_breaks") | lexicon().words("cut")


def _titled_people(text: str, title: str, places: set[str]) -> list[tuple[int, str]]:
    """(offset, name) of the people the text names with ``title`` (and one of ``places`` near
    it, when given): "Turkish President Tayyip Erdogan", "Ali Shamkhani, Iran's security
    chief", "The official, Ali Shamkhani,". The patterns are tried only where the title
    stands."""
    lex = lexicon()
    key = title.lower()
    lowered = text.lower()
    at = []
    pos = lowered.find(key)
    while pos >= 0:
        if pos == 0 or not lowered[pos - 1].isalnum():
            at.append(pos)
        pos = lowered.find(key, pos + 1)
    if not at:
        return []
    after, appositive, body_appositive, before = _title_patterns(key)
    matches: list[re.Match[str]] = []
    for pos in at:
        found = (
            after.match(text, pos),
            appositive.match(text, pos),
            body_appositive.match(text, pos),
        )
        matches += [m for m in found if m]
        for m in before.finditer(text, max(0, pos - 120), pos + len(key) + 1):
            if m.end() >= pos + len(key) and _BREAKS.isdisjoint(
                text[m.end(1) : pos].lower().split()
            ):
                matches.append(m)
    out = set()
    for m in matches:
        run = m.group(1).split()
        stop = next((k for k, w in enumerate(run) if sentence_stop(w)), None)
        if stop is not None:  # "Governor Gavin Newsom. Stocks had pared …": the sentence ends
            run = [*run[:stop], run[stop][:-1]]
        name = " ".join(_name_words(" ".join(run)))
        if (
            not name
            or name in lex.countries
            or name in lex.not_names
            or clean_speaker(name) is None
        ):
            continue
        if places and not any(p in text[max(0, m.start() - 25) : m.end()] for p in places):
            continue
        out.add((m.start(1), name))
    return sorted(out)


#: A quotation mark (in a speaker: a fragment of the sentence around a quotation).
_QUOTE_MARK = re.compile(r"[“”\"‘]")
#: Words a speaker never ends with (a preposition, a conjunction, "to").
_DANGLING = lexicon().words("prepositions") | lexicon().words("speaker_endings")
#: A possessive ending.
_POSSESSIVE_S = re.compile(r"['’]s$")


@lru_cache(maxsize=8192)  # the same speakers come back in article after article
def clean_speaker(speaker: str) -> str | None:
    """``speaker`` without what is never part of one (a party-state tag, a dateline), or None
    when nothing of a speaker is left."""
    lex = lexicon()
    for pattern in lex.drop:
        speaker = pattern.sub("", speaker)
    words = unglue(speaker.strip(" \t,;:—–-").split())
    if words and sentence_stop(words[-1]):
        words[-1] = words[-1][:-1]  # "Vladimir Putin Friday.", "Financial Times."
    speaker = " ".join(words)
    if not speaker or lex.never_speaker.fullmatch(speaker) or _QUOTE_MARK.search(speaker):
        return None  # a fragment of a sentence that holds a quotation is no speaker
    words = speaker.split()
    if words[-1] in _DANGLING:
        return None  # "lawmakers by", "against real news to": a fragment of the sentence
    while words and words[0] in _OPENERS:
        words = words[1:]  # "Did Megyn Kelly", "Under Trump"
    while words and words[0] in lex.not_names and words[0] not in ("The",):
        if words == [words[0]] and words[0] in TITLE_SURNAMES:
            break  # "May said": Theresa May
        words = words[1:]
    if not words or any(
        w in lex.not_names
        for k, w in enumerate(words[1:])
        if w != "The"
        and words[k] not in HONORIFICS
        and not (k == len(words) - 2 and words[k] in lex.first_names)  # "Theresa May"
    ):
        return None  # "First", "S. But", "Just"; not "Mrs. May"
    speaker = " ".join(words)
    if (
        lex.never_speaker.fullmatch(speaker)  # "Throughout Democratic": a party's adjective
        or (speaker in lex.adjectives and speaker not in lex.countries)  # not "Nato", "UN"
        or ((speaker in lex.title_words or speaker in lex.titles) and speaker not in TITLE_SURNAMES)
    ):
        return None
    if speaker.lower() in ("he", "she", "they", "it", "we", "i", "you"):
        return None
    if " " not in speaker and speaker.lower() in lex.words("determiners"):
        return None  # "Another reason why …": a determiner alone names nobody
    return speaker


#: An acronym ("CDC").
_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _spelled_out(acronym: str, quotes: list[Quote]) -> str | None:
    """The speaker of another quote whose initials the acronym is ("CDC" after "Canada
    Development Corp said"), a company's suffix counted ("Corp"), "of", "and", "the" not; of
    three letters or more, and no country's ("US")."""
    lex = lexicon()
    if len(acronym) < 3 or acronym in lex.countries or acronym in lex.capitals:
        return None
    for q in quotes:
        words = (q.speaker or "").split()
        if len(words) < 2 or not words[0][:1].isupper():
            continue
        initials = "".join(w[0] for w in words if w.lower() not in ("of", "for", "and", "the"))
        if initials == acronym:
            return q.speaker
    return None


def _wanted(quotes: list[Quote]) -> set[str] | None:
    """The words of the speakers to be named by their fullest form; None when one is an acronym
    (any name of the article may spell it out)."""
    wanted: set[str] = set()
    for q in quotes:
        if q.speaker:
            if _ACRONYM.fullmatch(q.speaker):
                return None
            wanted |= _variants(" ".join(_name_words(q.speaker)) or q.speaker)
    return wanted


#: Where the people of a joint speaker part: "A and B", "A, B and C".
_JOINT = re.compile(r",[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+")


def _joint_part(part: str) -> bool:
    """Whether ``part`` of a joint speaker names one person: capitalised words whose name (a
    family name at least) ends it, titles before it ("Sen. John Smith", "Rich"); not a
    description ("two lawmakers") nor an institution ("the Senate")."""
    words = part.split()
    name = _name_words(part)
    return (
        bool(name)
        and words[-len(name) :] == name
        and all(w[:1].isupper() for w in words)
        and role_of([name[-1].lower()]) is None
        and name[-1] not in lexicon().countries
    )


def finish_speakers(
    text: str, quotes: list[Quote], before: dict[int, tuple[str, str | None]]
) -> None:
    """Check, name and rate each quote's speaker (see the module docstring). ``before`` holds
    each quote's (speaker_source, speaker) before pronouns and context were resolved, by id()."""
    index: NameIndex | None = None
    fullest: dict[tuple[str, str], str] = {}  # the index's answers (it reads the text for each)
    lex = lexicon()
    for q in quotes:
        found, first = before.get(id(q), ("none", None))
        if q.speaker is not None:
            q.speaker = clean_speaker(q.speaker)
        if q.speaker is not None and " " in q.speaker and q.speaker[-1:] == "s":
            # "President Obama’s", "Bob Menendez's" (a pronoun's antecedent, a quote's context):
            # the person, not the possessive
            words = q.speaker.split()
            if words[-1][:1].isupper():
                q.speaker = " ".join([*words[:-1], _POSSESSIVE_S.sub("", words[-1])])
        if q.speaker is None:
            q.speaker_source, q.confidence = "none", 0.0
            continue
        resolved = q.speaker != first
        if found == "none" or first is None:
            q.speaker_source = "context"
        elif found in ("pronoun", "description") and not resolved:
            # a description as written: "a senior administration official", "state media"
            q.speaker_source, q.confidence = "description", _CONFIDENCE["role"]
            continue
        else:
            q.speaker_source = found
        q.confidence = _CONFIDENCE.get(q.speaker_source, 0.5)
        if index is None:
            index = NameIndex(text, _wanted(quotes))
        words = q.speaker.split()
        if _ACRONYM.fullmatch(q.speaker):
            q.speaker = (
                index.expand_acronym(q.speaker) or _spelled_out(q.speaker, quotes) or q.speaker
            )
        elif " and " in q.speaker and all(_joint_part(p) for p in _JOINT.split(q.speaker)):
            # joint speakers ("Nancy Pelosi and Chuck Schumer", "Sen. John Smith and Sen. Mary
            # Jones", "Kavanagh and Rich"): each named by the fullest name, titles dropped
            parts = [index.fullest(" ".join(_name_words(p))) for p in _JOINT.split(q.speaker)]
            q.speaker = ", ".join(parts[:-1]) + " and " + parts[-1]
        elif (
            words[0][:1].isupper()
            and words[-1][:1].isupper()  # a name, not "Bannon loyalists"
            and q.speaker not in lex.countries
            and q.speaker not in lex.capitals
            and words[-1].lower() not in lex.roles
            and words[-1] not in lex.words("company_suffixes")  # "American Motors Corp" whole
        ):
            name = " ".join(_name_words(q.speaker)) or q.speaker
            title = (q.speaker_text or q.speaker).split()[0]
            title = _PRONOUN_TITLE.get(title, title if title in _FEMALE | _MALE else "")
            if (name, title) not in fullest:
                fullest[name, title] = index.fullest(name, title)
            q.speaker = fullest[name, title]
