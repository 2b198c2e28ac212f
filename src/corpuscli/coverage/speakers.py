"""Who said it: resolving pronouns ("he said"), descriptions ("the president said") and
unattributed quotes to the people an article names.

"He"/"she" take the nearest person named before — a speaker, or a name that opens a sentence —
who can be meant (no "Mr." for "she", no institution for anyone); "the president" the last person
titled President who spoke; "the agency" the organisation last introduced by its acronym; a quote
after a colon whoever opens that sentence; a paragraph that is only a quote the person speaking at
the end of the paragraph before; a partial quote the subject of its sentence when the subject
speaks or acts by speaking.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from functools import lru_cache

from corpuscli.text.sentences import sentence_spans

from .lexicon import lexicon
from .match_index import MatchIndex
from .quote_patterns import (
    PRONOUN_VERB,
    RESOLVABLE,
    SENTENCE,
    SUBJECT,
    TITLE_WORDS,
    VERBS,
    Quote,
    candidate_names,
    end_of_sentence,
    paragraph_starts_of,
    start_of_sentence,
    titled_names,
)  # fmt: skip
from .speaker_later import resolve_named_later
from .speaker_names import clean_speaker, surname_gender
from .speaker_phrase import TITLE_SURNAMES, role_of


def _alternation(words: frozenset[str] | tuple[str, ...]) -> str:
    """``words`` as one regular-expression group, longest first (so that "Mr." is tried before
    "Mr"), a space in a word matching any run of whitespace."""
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


def resolve_pronouns(text: str, quotes: list[Quote]) -> None:
    """ "He said" / "she said": the person who last spoke before the quote (a named speaker of a
    quote or of reported speech), or a person who opens a sentence of the same paragraph or the
    one before ("Pelosi did not agree …" ¶ "“…,” she said") when that is nearer. Never a
    country, an organisation or a group; never a "Mr." for "she" nor a "Ms." for "he"."""
    pronouns = [q for q in quotes if q.speaker_source == "pronoun" and q.speaker
                and q.speaker.lower() in ("he", "she")]  # fmt: skip
    if not pronouns:
        return
    spoke = sorted(
        (q.start, q.speaker, q.paragraph) for q in quotes
        if q.speaker_source in ("named", "description") and q.speaker
        and not RESOLVABLE.match(q.speaker) and _can_speak(text, -1, q.speaker)
        and q.speaker.split()[0][:1].isupper()
    )  # fmt: skip
    known = {name.split()[-1] for _, name, _ in spoke}
    # unnamed people who spoke ("a Turkish security official said …" ¶ "He stressed …"): "he"
    # means them when they are the nearest speaker, in the paragraph or the one before
    unnamed = [(q.start, q.speaker) for q in quotes
               if q.speaker_source == "description" and q.speaker and _UNNAMED.match(q.speaker)
               and lexicon().verb_class.get(q.verb or "said") in ("say", "object", "clause")
               and not (q.verb or "").startswith("ask")  # "a reporter asked Cuomo …, he replied"
               and role_of([w.lower() for w in q.speaker.split()]) == "person"]  # fmt: skip
    paragraph_starts = paragraph_starts_of(text)
    genders: dict[str, str | None] = {}
    first_names = lexicon().first_names

    fitting: dict[tuple[str, str], bool] = {}  # each name and pronoun asked once per article
    sexes: dict[str, str | None] = {}  # each family name's first names read once per article

    def fits(name: str, pronoun: str) -> bool:
        if (name, pronoun) in fitting:
            return fitting[name, pronoun]
        words = [w for w in name.split() if w not in lexicon().title_words]
        known = first_names.get(words[0]) if len(words) > 1 else None
        if known is None and len(words) == 1 and words[0][:1].isupper():
            # "Madden" where the article writes "Ursula Madden": her first name says she
            if words[0] not in sexes:  # (asked for "he" and for "she" alike)
                sexes[words[0]] = _sex_of_first_names(text, words[0])
            known = sexes[words[0]]
        if known is not None:
            fitting[name, pronoun] = known == pronoun and _agrees(name, pronoun)
            return fitting[name, pronoun]
        last = name.split()[-1]
        if last not in genders:
            genders[last] = surname_gender(text, last)
        fitting[name, pronoun] = (
            _agrees(name, pronoun) and not _plural(name) and genders[last] in (None, pronoun)
        )
        return fitting[name, pronoun]

    def last_fitting(
        candidates: list[tuple[int, str]], begin: int, end: int, pronoun: str
    ) -> list[tuple[int, str]]:
        """The last of ``candidates`` (in text order) between ``begin`` and ``end`` that
        ``pronoun`` can mean, as a list of one or none: read from the end."""
        for pos, n in reversed(candidates):
            if begin <= pos < end and fits(n, pronoun):
                return [(pos, n)]
        return []

    subjects: list[tuple[int, str]] | None = None
    for q in pronouns:
        pronoun = (q.speaker or "").lower()
        para = bisect_right(paragraph_starts, q.start) - 1
        near_start = paragraph_starts[max(0, para - 1)] if paragraph_starts else 0
        before = bisect_left(spoke, (q.start,))  # the speakers before the quote
        said = last_fitting([(pos, n) for pos, n, _ in spoke[:before]], -1, q.start, pronoun)
        if subjects is None:
            subjects = _subjects(text, quotes, known)
        openers = opening_names(text, near_start, q.start)
        opened = last_fitting(  # in text order: a subject after an opening name is nearer
            sorted(
                [
                    s
                    for s in subjects[
                        bisect_left(subjects, (near_start,)) : bisect_left(subjects, (q.start,))
                    ]
                    if not _in_appositive_of(text, openers, s[0])
                ]
                + openers
            ),
            near_start,
            q.start,
            pronoun,
        )
        described = [(pos, n) for pos, n in unnamed
                     if near_start <= pos < q.start and _description_fits(n, pronoun)]  # fmt: skip
        best = max(said + opened + described[-1:], default=None)
        if best is not None:
            q.speaker = best[1]
            # the next "he" may mean the same person: "… he added: “…”" ¶ "He later added …"
            insort(spoke, (q.start, best[1], q.paragraph))


#: A sentence's end: a stop, maybe a closing mark, then a space or a line's end.
_SENTENCE_STOP = re.compile(r"[.!?][”\"'’]?(?:\s|$)")


def _in_appositive_of(text: str, openers: list[tuple[int, str]], pos: int) -> bool:
    """Whether a subject at ``pos`` stands after a name that opens the same sentence, after a
    comma: the name's appositive ("John Sculley, Apple chairman and chief executive officer,
    declined …, but he said": "Apple" is no subject that "he" could mean)."""
    for start, _ in openers:
        if start < pos:
            between = text[start:pos]
            if "," in between and not _SENTENCE_STOP.search(between):
                return True
    return False


@lru_cache(maxsize=4096)
def _before_family_name(last: str) -> re.Pattern[str]:
    """A capitalised word before the family name ``last``, compiled once for each name (the
    regular expressions' own cache keeps 512 patterns: over a large corpus, with a new name in
    most articles, it compiled the pattern again for nearly every one)."""
    return re.compile(r"\b([A-Z][a-z]+)[ \t]+" + re.escape(last) + r"\b")


def _sex_of_first_names(text: str, last: str) -> str | None:
    """ "he" or "she" when every first name the article writes before the family name ``last``
    ("Ursula Madden") is a known one of that sex, else None (none, one the lexicon does not
    know, a family of both: "Donald Trump", "Melania Trump", or a title before the family name
    alone: "President Trump" may be a man the article never names in full)."""
    lex = lexicon()
    sexes = set()
    for m in _before_family_name(last).finditer(text):
        word = m.group(1)
        if word in lex.title_words:
            return (
                None  # "President Trump": perhaps a man where "Melania Trump" is the only full name
            )
        if word in lex.not_names:
            continue  # "But Madden"
        if word not in lex.first_names:
            return None  # "Nasim Najafi Aghdam": a name whose sex the lexicon cannot tell
        sexes.add(lex.first_names[word])
    return sexes.pop() if len(sexes) == 1 else None


#: An indefinite description of one unnamed person: "a Turkish security official", "another
#: official" (not "officials"; not "the U.N. head", who is someone the article names).
_UNNAMED = re.compile(r"^(?:[Aa]n?|[Oo]ne|[Aa]nother)[ \t]+(?:[\w.’'-]+[ \t]+){0,4}[a-z]+(?<!s)$")
_SHE_ROLE = re.compile(_alternation(lexicon().words("she_role_endings")) + "$")
_HE_ROLE = re.compile(_alternation(lexicon().words("he_role_endings")) + "$")


def _description_fits(description: str, pronoun: str) -> bool:
    """Whether "he" or "she" can mean the unnamed person ``description`` names: a
    "spokeswoman" is no "he", a "spokesman" no "she"."""
    head = description.split()[-1].lower()
    if pronoun == "he":
        return not _SHE_ROLE.search(head)
    return not _HE_ROLE.search(head) or head.endswith("woman")


_NAME_PART = re.compile(
    r"[A-Z][\w'’.-]+(?:[ \t]+(?:al|bin|de|van|von|el)?[ \t]*[A-Z][\w'’.-]+){1,3}"
)


def opening_names(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Person names that open a sentence between ``start`` and ``end``, alone or as an
    appositive: "But Tanweer Fazal, who teaches …", "The head of the basij force, Gholamhossein
    Gharibpour, more forcefully rejected …"."""
    lex = lexicon()
    out = []
    for s_start, s_end in sentence_spans(text, start, end):
        if _heading(text, s_start):
            continue
        pos = s_start
        for k, part in enumerate(text[s_start : min(s_end, s_start + 240)].split(",")[:3]):
            words = part.split()
            # a family name that opens the sentence, after "But" or "In" maybe ("Harris chalks
            # much of this bias up …" after "John F. Harris"), or is itself such a word ("May
            # was similarly glowing …" after "Theresa May"): its index among the part's words
            family = None
            if k == 0 and len(words) > 1 and words[0] in TITLE_SURNAMES:
                family = 0 if _named_in_full_before(text, s_start, words[0]) else None
            opened = bool(words) and words[0] in lex.not_names  # "In", "But", "During"
            while words and words[0] in lex.not_names:
                words = words[1:]
            if (
                family is None
                and k == 0
                and len(words) > 1
                and _named_in_full_before(text, s_start, words[0])
            ):
                family = len(part.split()) - len(words)
            chunk = " ".join(words)
            if not _NAME_PART.fullmatch(chunk) and k == 0 and not opened:
                chunk = _described_name(words) or chunk
            if family is not None:
                chunk = part.split()[family]
            if (
                (_NAME_PART.fullmatch(chunk) or family is not None)
                and _can_speak(text, -1, chunk)
                and not any(w in lex.place_forms or w in lex.titles for w in chunk.split())
            ):
                # the name is the tail of the part's words: its offset is its first word's (a
                # search for that word could land inside an earlier one: "Annapolis", "Ann")
                starts = [m.start() for m in _WORD.finditer(part)]
                first = family if family is not None else len(starts) - len(chunk.split())
                out.append((pos + starts[first], chunk))
                break
            pos += len(part) + 1
    return out


def _named_in_full_before(text: str, end: int, word: str) -> bool:
    """Whether ``word``, a capitalised word that opens a sentence with a verb after it, is the
    family name of a person the text names in full before ``end`` (a first name the lexicon
    knows, an initial maybe, then the word: "John F. Harris’s new column")."""
    if not _FAMILY_NAME.fullmatch(word) or (
        word in lexicon().not_names and word not in TITLE_SURNAMES  # "May": Theresa May
    ):
        return False
    return _family_names_first_seen(text).get(word, end) < end


#: A capitalised word, and the family name that follows it (an initial between maybe).
_FIRST_AND_FAMILY = re.compile(
    r"\b([A-Z][a-z]+)(?=(?:[ \t]+[A-Z]\.)?[ \t]+([A-Z][a-z]+(?:[A-Z][a-z]+)?)\b)"
)


@lru_cache(maxsize=4)  # asked once per sentence of the articles being read: one pass per text
def _family_names_first_seen(text: str) -> dict[str, int]:
    """Each family name the text writes after a first name the lexicon knows, with the offset of
    its first such mention."""
    first_names = lexicon().first_names
    seen: dict[str, int] = {}
    for m in _FIRST_AND_FAMILY.finditer(text):
        if m.group(1) in first_names:
            seen.setdefault(m.group(2), m.start())
    return seen


#: A family name: a capital, then lower-case letters (an inner capital allowed: "McConnell").
_FAMILY_NAME = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)?")
#: A run of characters other than whitespace: a word as str.split() finds it.
_WORD = re.compile(r"\S+")
#: A name at the end of the words before a sentence's first comma, after a description:
#: "Former Trump strategist Steve Bannon", "Conservative radio host Rush Limbaugh".
_DESCRIBED_NAME = re.compile(
    r"(?:[a-z][\w'’-]*[ \t]+)([A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,2})$"
)


def _described_name(words: list[str]) -> str | None:
    """The name that ends the sentence's opening words when a description of at most six words,
    one of them in lower case right before the name, comes first ("Former Trump strategist
    Steve Bannon, meanwhile, thinks …"); the name opens with a known first name; not after a
    preposition ("During a visit to New York"), nor in a sentence that opens with one ("In a
    statement released through her attorney Rich Nichols, Jones …")."""
    if not 3 <= len(words) <= 8:
        return None
    m = _DESCRIBED_NAME.search(" ".join(words))
    if m is None:
        return None
    before = m.group(0).split()[0]
    if before in lexicon().words("prepositions") or before in lexicon().words(
        "description_openers"
    ):
        return None
    if m.group(1).split()[0] not in lexicon().first_names:
        return None  # "Northern Border", "Big Tech Threat": a person's name has a first name
    return m.group(1)


def _heading(text: str, start: int) -> bool:
    """Whether the line that starts at ``start`` is a heading ("Central Promise"): a line of a
    few words with no full stop, question or exclamation mark at its end."""
    k = start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    if k >= 0 and text[k] != "\n":
        return False  # not at a line's start
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].strip()
    return (
        bool(line)
        and start
        <= line_start + len(text[line_start:line_end]) - len(text[line_start:line_end].lstrip())
        and len(line.split()) <= 8
        and line[-1:] not in ".!?:\"”’'»)"
    )


#: A line of text.
_LINE = re.compile(r"[^\n]+")


def resolve_speakers(text: str, quotes: list[Quote]) -> None:
    """Pronouns and descriptions take the nearest named speaker before them (a quote's speaker,
    or a name next to a speech verb); unattributed quotes in a paragraph with an attributed one
    share its speaker; a quote introduced by a colon takes the nearest known speaker's name."""
    resolve_named_later(
        text, quotes
    )  # "a leading Democrat on …" ¶ "Mark Warner, the top Democrat …"
    candidates = candidate_names(text)
    candidates = [(pos, name) for pos, name in candidates if _can_speak(text, pos, name)]
    candidates += [
        (q.start, q.speaker) for q in quotes if q.speaker and not RESOLVABLE.match(q.speaker)
        and q.speaker_source == "named" and _can_speak(text, -1, q.speaker)
    ]  # fmt: skip
    candidates = [(pos, name) for pos, name in candidates if not RESOLVABLE.match(name)]
    candidates.sort()
    titled = titled_names(text)
    titled = [(pos, name) for pos, name in titled if _can_speak(text, pos, name)]
    at = [pos for pos, _ in candidates]
    sentence_verbs = _SentenceVerbs(text)
    for q in quotes:
        if q.speaker is None and q.kind != "indirect":  # a passive report names nobody
            # a quote inside a sentence of reported speech: "Trump said that … “a terrible
            # presidency.”", or "… “things are going to get worse” …, Dr. Anthony Fauci said."
            sentence_start = start_of_sentence(text, q.start)
            sentence_end = end_of_sentence(text, q.end)
            k = bisect_left(at, sentence_start)
            inside = [name for _, name in candidates[k : bisect_left(at, q.start, k)]]
            k = bisect_left(at, q.end)
            after = [name for _, name in candidates[k : bisect_left(at, sentence_end, k)]]
            pronoun_verb, speaks = sentence_verbs.before(sentence_start, q.start)
            subject = _subject_at(text, sentence_start)
            if inside:
                q.speaker = inside[-1]
            elif after:
                q.speaker = after[0]
            elif subject and (
                speaks or text[sentence_start : q.start].rstrip('“"« ').endswith(":")
            ):
                # "President Biden addressed the nation, saying he stands “…”"; "Harris had a
                # message for Central Americans: “Do not come.”"
                q.speaker = _subject_name(text, subject, q.start)
                q.verb = q.verb or (speaks.group(0) if speaks else None)
            elif pronoun_verb:
                earlier = [name for pos, name in candidates + titled if pos < sentence_start]
                if earlier:
                    q.speaker = max(
                        (pos, name) for pos, name in candidates + titled if pos < sentence_start
                    )[1]
    candidates = sorted(
        set(candidates)
        | {(q.start, q.speaker) for q in quotes if q.speaker and not RESOLVABLE.match(q.speaker)}
    )
    if any(q.speaker and _BODY.match(q.speaker) for q in quotes):
        bodies = [(m.start(), m.group(1)) for m in _ACRONYM.finditer(text)]
    else:
        bodies = []
    for q in quotes:  # "the agency said": the organisation last named by its acronym, "(CDC)",
        # or by a name with the same head that spoke before ("the Justice Department said …
        # “…,” the department said")
        if q.speaker and _BODY.match(q.speaker):
            head = q.speaker.split()[-1].lower()
            earlier_bodies = [(pos, name) for pos, name in bodies if pos < q.start] + [
                (pos, name)
                for pos, name in candidates
                if pos < q.start and _proper_name(name) and name.split()[-1].lower() == head
            ]
            if earlier_bodies:
                q.speaker = max(earlier_bodies)[1]
    subjects: list[tuple[int, str]] | None = None
    paragraph_starts = paragraph_starts_of(text)
    for q in quotes:  # "he said", "the president said": the nearest speaker named before
        if q.speaker and RESOLVABLE.match(q.speaker):
            said_by = q.speaker.lower()
            pronoun = said_by if said_by in ("he", "she") else None
            if pronoun is None and _anonymous(text, q):
                continue  # "“…,” said the official, who asked not to be named": nobody named
            person = not said_by.endswith(("statement", "letter", "memo"))
            role_match = _ROLE.search(said_by) if not pronoun else None
            if role_match:  # "the president": the last President named before, if any
                title = role_match.group(0)
                holders = [
                    (pos, n) for pos, n in titled + candidates
                    if pos < q.start and n.lower().startswith(_ROLE_TITLES.get(title, (title,)))
                ]  # fmt: skip
                lasts = {n.split()[-1] for _, n in holders}
                speaking = [n for pos, n in candidates if pos < q.start and n.split()[-1] in lasts]
                if speaking or holders:  # of the presidents named, the one who last spoke
                    q.speaker = speaking[-1] if speaking else max(holders)[1]
                    continue
            if person and subjects is None:  # found once, only for texts that need them
                subjects = _subjects(text, quotes, {n.split()[-1] for _, n in candidates})
            pool = sorted(candidates + (subjects or [])) if person else candidates
            singular = said_by in ("he", "she", "it")
            group = said_by in ("they", "we")  # never one person ("They have said …": not
            # the senator named last, but the Democrats of the sentence before, or nobody)
            near = 0
            if group:  # a group is named in the paragraph or the one before, else nobody
                para = bisect_right(paragraph_starts, q.start) - 1
                near = paragraph_starts[max(0, para - 1)] if paragraph_starts else 0
            before = [
                n
                for pos, n in pool
                if near <= pos < q.start
                and _agrees(n, pronoun, person)
                and not (singular and _plural(n))
                and not (group and _one_person(n))
            ] or [
                n
                for pos, n in titled
                if near <= pos < q.start
                and _agrees(n, pronoun, person)
                and not (group and _one_person(n))
            ]
            joint = _joint_people(text, pool, near, q.start) if group else None
            if joint is not None and (not before or joint[0] > _last_pos(pool, before[-1])):
                q.speaker = joint[1]  # "Pelosi, D-Calif., and Schumer … said" ¶ "they added"
            elif before:
                q.speaker = before[-1]
    known = {n.split()[-1] for _, n in candidates}
    for q in quotes:
        if q.speaker is None and q.kind == "direct":
            lead = text[max(0, q.start - 200) : q.start].rstrip('“"« \n\t')
            colon = max(0, q.start - 200) + len(lead) - 1
            if lead.endswith(":"):
                # the speaker of the sentence that ends with the colon, when a quote or a report
                # in it has one ("the president tweeted, “finally,” while asking …: ¶ “…”")
                opening = start_of_sentence(text, colon)
                said = [r for r in quotes if opening <= r.start < colon and r.speaker]
                if said:
                    q.speaker = said[-1].speaker
                    continue
            if lead.endswith(":") and (
                who := _colon_subject(
                    text, max(0, q.start - 200) + len(lead) - 1, candidates, titled
                )
            ):
                q.speaker = who  # "Trump responded … in a statement: ¶ “I have no idea …”"
                continue
            if lead.endswith(":"):
                names = [w.strip(",.:;’'s") for w in lead.split() if w.strip(",.:;’'s") in known]
                if names:
                    q.speaker = next(
                        n for _, n in reversed(candidates) if n.split()[-1] == names[-1]
                    )
    by_paragraph: dict[int, list[Quote]] = {}
    for q in quotes:
        if q.speaker:
            by_paragraph.setdefault(q.paragraph, []).append(q)
    for q in quotes:
        if q.speaker is None and q.kind == "direct" and q.paragraph in by_paragraph:
            # the nearest speaker of a quote in marks before it ("“…,” he said. “…”"), else of
            # any quote before it, else the first after it ("“…” “…,” Trump said")
            said = by_paragraph[q.paragraph]
            preceding = [r for r in said if r.start < q.start]
            marked = [r for r in preceding if r.kind != "indirect"]
            ref = marked[-1] if marked else preceding[-1] if preceding else said[0]
            q.speaker, q.verb = ref.speaker, ref.verb
    # a paragraph that is a quote, right after a paragraph whose last sentence has someone speak
    # ("… Antony Blinken called for the release of … ¶ “The United States strongly condemns …”")
    for q in quotes:
        if q.speaker is None and q.kind == "direct":
            opens = text.rfind("\n", 0, q.start) + 1
            if text[opens : q.start].strip('“"« \t'):
                continue  # the quote does not open its paragraph
            back = text[:opens].rstrip()
            if not back or back.endswith(":") or back[-1:] in '”"':
                continue  # a colon is handled above; after a quote, the next rule decides
            last = start_of_sentence(text, len(back) - 1)
            named = [n for pos, n in candidates if last <= pos < len(back)]
            if named and not any(last <= p.start < len(back) for p in quotes):
                q.speaker = named[-1]
    # a quote standing alone in the paragraph after another speaker's quote goes on with it (a
    # caption between them does not count: "FILE PHOTO: …", "Media caption …")
    starts = [m.start() for m in _LINE.finditer(text) if m.group(0).strip()]
    captions = {i for i, pos in enumerate(starts) if lexicon().caption.match(text, pos)}
    previous: Quote | None = None

    def in_caption(q: Quote) -> bool:
        k = bisect_right(starts, q.start) - 1
        return k in captions

    for q in quotes:
        if (
            q.speaker is None
            and q.kind == "direct"
            and previous is not None
            # (in its own paragraph a quote goes on with the one before it: "“…,” the New
            # York Democrat said. “Once we know all the facts …”")
            and (q.paragraph == previous.paragraph or _opens_paragraph(text, q.start))
            and q.paragraph
            - previous.paragraph
            - sum(previous.paragraph < i < q.paragraph for i in captions)
            <= 1
        ):
            q.speaker = previous.speaker
        if q.speaker and (q.kind in ("direct", "indirect") or q.verb) and not in_caption(q):
            previous = q


def _opens_paragraph(text: str, start: int) -> bool:
    """Whether the quote at ``start`` opens its paragraph (only its marks before it): a quote
    after words of the paragraph's own ("… look at the data and it's unmistakable: “…”") is no
    quote that goes on with the paragraph before."""
    opens = text.rfind("\n", 0, start) + 1
    return not text[opens:start].strip("“\"«‘' \t")


#: An organisation introduced with its acronym: "Centers for Disease Control and Prevention (CDC)".
_ACRONYM = re.compile(
    r"[A-Z][\w&.-]*(?:[ \t]+(?:for|of|and|the|on|[A-Z][\w&.-]*))*[ \t]+\(([A-Z]{2,6})\)"
)


#: Descriptions of an organisation that stand for one named before.
def _proper_name(name: str) -> bool:
    """Whether ``name`` is a proper name ("House Judiciary Committee", "Ministry of Defence"):
    every word capitalised but for the little words of names, and no determiner first (not "The
    commission", nor "Democratic staffers on the … Committee")."""
    words = name.split()
    return (
        bool(words)
        and words[0].lower() not in lexicon().words("proper_name_determiners")
        and all(w[:1].isupper() or w in _NAME_LINKS for w in words)
    )


#: The little words inside a body's proper name (data/quotes/speaker_words.tsv, as the word sets
#: below).
_NAME_LINKS = lexicon().words("name_links")
#: "the agency", "The US department": a description of an organisation named before.
_BODY = re.compile(
    r"^[Tt]he\s+(?:[\w-]+\s+){0,2}" + _alternation(lexicon().words("body_heads")) + "$"
)
#: What a sentence's subject does when a partial quote in it is theirs: a speech verb, or an
#: act of speech ("Boehner publicly chided Obama …, accusing the president of having “wasted …”").
_SPEAKS = re.compile(rf"\b(?:{VERBS}|{_alternation(lexicon().speech_acts)})\b")


#: A form of "be" (an adverb may follow it) right before a verb: the verb is passive.
_PASSIVE_BEFORE = re.compile(
    r"\b" + _alternation(lexicon().words("passive_be")) + r"(?:\s+\w+ly)?\s+$", re.IGNORECASE
)


class _SentenceVerbs:
    """A pronoun and its speech verb (:data:`PRONOUN_VERB`), and a verb of speaking
    (:data:`_SPEAKS`), between a sentence's start and a quote: searched in the stretch when it
    is short, looked up in the matches of the whole text when it is long (a sentence of many
    quotes with no full stop searched again for each took quadratic time); the same matches."""

    #: The longest stretch searched afresh.
    SEARCHED = 2000

    def __init__(self, text: str) -> None:
        self.text = text
        self.indexes: tuple[MatchIndex, MatchIndex] | None = None

    def before(self, start: int, end: int) -> tuple[re.Match[str] | None, re.Match[str] | None]:
        if end - start <= self.SEARCHED:
            return PRONOUN_VERB.search(self.text, start, end), self._active(start, end, None)
        if self.indexes is None:
            self.indexes = (MatchIndex(PRONOUN_VERB, self.text), MatchIndex(_SPEAKS, self.text))
        pronoun_verb, speaks = self.indexes
        return pronoun_verb.first(start, end), self._active(start, end, speaks)

    def _active(self, start: int, end: int, index: MatchIndex | None) -> re.Match[str] | None:
        """The first verb of speaking in ``text[start:end]`` that is not passive ("Residents
        were ordered to “…”": told, not telling; "was quoted as saying": the "saying"): the
        first one matched as in the slice, a later one as in the text (offsets then into the
        text; the callers read the verb only). Each search starts after the last."""
        if index is None:
            found = _SPEAKS.search(self.text[start:end])
        else:
            found = index.first(start, end, sliced=True)
        begin = start + found.start() if found else end
        while found is not None and _PASSIVE_BEFORE.search(
            self.text, max(start, begin - 40), begin
        ):
            at = begin + len(found.group(0))
            found = _SPEAKS.search(self.text, at, end) if index is None else index.first(at, end)
            begin = found.start() if found else end
        return found


_MALE_TITLE = re.compile("^" + _alternation(lexicon().words("male_titles")) + r"\s")
_FEMALE_TITLE = re.compile("^" + _alternation(lexicon().words("female_titles")) + r"\s")


#: Last words of names that are institutions, not people: never what "he" or "she" means.
_INSTITUTION = lexicon().words("institution_heads")


@lru_cache(maxsize=4096)
def _institution(word: str) -> bool:
    """Whether a name's last word makes it an institution, not a person: the words above, the
    organisations and outlets of the roles list ("Archive", "Institute", "Times")."""
    return word in _INSTITUTION or lexicon().roles.get(word.lower()) in ("body", "outlet")


#: Roles a description names ("the former president") and the titles that go with them.
_ROLE_TITLES = lexicon().office_titles
_ROLE = re.compile(_alternation(tuple(_ROLE_TITLES)) + "$")


def _can_speak(text: str, pos: int, name: str) -> bool:
    """Whether ``name`` (found at ``pos``, or -1) can be whom a pronoun or a quote's context
    means: a person's name, not a country, a party-state tag, a photo credit ("REUTERS/Tatyana
    Zenkovich") or a possessive."""
    return _person_like(name) and not (
        pos > 0 and (text[pos - 1] in "/(@" or text[pos + len(name) : pos + len(name) + 1] == "/")
    )  # "REUTERS/Tatyana Zenkovich", "Tatyana Zenkovich/Pool via REUTERS": a photo credit


@lru_cache(maxsize=8192)
def _person_like(name: str) -> bool:
    lex = lexicon()
    cleaned = clean_speaker(name)
    if cleaned is None or cleaned not in (name.strip(), name.strip()[:-1]):
        return False  # a name cut at a sentence's full stop ("Ray Allen.") is still one
    name = cleaned  # "New York." is New York: a place, cut at a sentence's full stop
    words = name.split()
    if name in lex.countries or name in lex.capitals or words[-1] in lex.adjectives:
        return False
    return not (
        _institution(words[-1])
        or words[-1].lower() in lex.roles
        or words[-1] in lex.words("not_person_heads")  # "Edison Research", "Trump Tower"
    )


def _anonymous(text: str, q: Quote) -> bool:
    """Whether the words around ``q`` say its speaker will not be named ("who asked not to be
    named", "on condition of anonymity")."""
    lex = lexicon()
    return bool(
        lex.anonymous.search(text, q.end, min(len(text), q.end + 80))
        or lex.anonymous.search(text, max(0, q.start - 120), q.start)
    )


def _last_pos(pool: list[tuple[int, str]], name: str) -> int:
    return max((pos for pos, n in pool if n == name), default=-1)


def _joint_people(
    text: str, pool: list[tuple[int, str]], begin: int, end: int
) -> tuple[int, str] | None:
    """(offset, "A and B") for the last person named between ``begin`` and ``end`` when the
    sentence that names them names another person before, joined by "and" ("House Speaker Nancy
    Pelosi, D-Calif., and Senate Minority Leader Chuck Schumer, D-N.Y., said"): whom a "they"
    after it means."""
    people = [(pos, n) for pos, n in pool if begin <= pos < end and _named_person(n)]
    if not people:
        return None
    pos, name = people[-1]
    opening = start_of_sentence(text, pos)
    mates = [
        n for p, n in pool
        if opening <= p < pos and n != name and _named_person(n) and " and " in text[p:pos]
        and n.split()[-1] != name.split()[-1]
    ]  # fmt: skip
    return (pos, f"{mates[-1]} and {name}") if mates else None


def _named_person(name: str) -> bool:
    """A person's name of two words or more, not a possessive ("Chuck Schumer")."""
    return (
        len(name.split()) >= 2
        and name[:1].isupper()
        and not name.endswith(("'s", "’s"))
        and _one_person(name)
    )


def _one_person(name: str) -> bool:
    """Whether ``name`` names one person ("Richard Shelby", "Mr. Trump"): what "they" and "we"
    never mean. Not a joint subject ("A and B"), a plural ("Mueller’s prosecutors"), an acronym
    ("FBI") or an institution ("Democrats")."""
    return (
        " and " not in name
        and not _plural(name)
        and not _ACRONYM.fullmatch(name)
        and _person_like(name)
    )


_PLURAL_HEADS = lexicon().words("plural_heads")


def _plural(name: str) -> bool:
    """Whether ``name`` is a plural description ("industry experts", "department spokesmen",
    "police"): "he", "she" and "it" never mean it."""
    head = name.split()[-1] if name.split() else ""
    return (
        head in _PLURAL_HEADS
        or (head.islower() and head.endswith("s") and not head.endswith(("ss", "us", "is")))
        or (head[:1].isupper() and head.endswith("s") and head[:-1] in _GROUP_MEMBERS)
    )  # "Liberals", "Democrats", "Americans": the members of a party or a nation


#: A member of a party or a nation ("Liberal", "Democrat", "American"): its plural is a group.
_GROUP_MEMBERS = lexicon().words("party_words") | lexicon().adjectives


def _agrees(name: str, pronoun: str | None, person: bool = True) -> bool:
    """Whether ``name`` can be what "he", "she" or "the president" refers to: a "Mr." is not a
    "she", and the Supreme Court is no person."""
    if (pronoun or person) and _institution(name.split()[-1]):
        return False
    first = next((w for w in name.split() if w not in lexicon().title_words), "")
    known = lexicon().first_names.get(first) if len(name.split()) > 1 else None
    if pronoun == "she":
        return not _MALE_TITLE.match(name) and known != "he"
    if pronoun == "he":
        return not _FEMALE_TITLE.match(name) and known != "she"
    return True


_NEXT_NAME_WORD = re.compile(r"[ \t]+([A-Z][\w'’-]+)")
_TITLE_WORDS = re.compile(r"\b" + _alternation(lexicon().name_titles) + r"\s")


def _whole_name(text: str, start: int, name: str) -> str:
    """``name`` (found at ``start``) with the name words a length limit cut off put back, and
    the institution before a title dropped: "Supreme Court Justice Ruth Bader" becomes
    "Justice Ruth Bader Ginsburg"."""
    end = start + len(name)
    for _ in range(3):
        more = _NEXT_NAME_WORD.match(text, end)
        if not more or _institution(more.group(1)):
            break
        name, end = name + " " + more.group(1), more.end()
    title = _TITLE_WORDS.search(name)
    return name[title.start() :] if title and title.start() > 0 else name


def _subject_at(text: str, start: int) -> re.Match[str] | None:
    """The subject of the sentence at ``start``; a name followed by a comma ends an opening
    clause rather than starting the sentence ("In a speech in Columbus, Ohio, Santorum …")."""
    dateline = lexicon().dateline.match(text, start, start + 80)
    if dateline is not None:  # "(CNSNews.com) - As promised, President Donald Trump …"
        start = dateline.end()
    subject = SUBJECT.match(text, start)
    if subject is not None and text[subject.end() : subject.end() + 1] == ",":
        again = SUBJECT.match(text, subject.end() + 1)
        if again is not None:
            return again
    return subject


#: A role in lower case after a name, then a name: "Daily Show host Trevor Noah", "CNN anchor
#: Jake Tapper" (the name before is the role's show, outlet or employer).
_ROLE_THEN_NAME = re.compile(
    r"[ \t]+([a-z][\w-]+)[ \t]+([A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,2})"
)


def _subject_name(text: str, subject: re.Match[str], stop: int) -> str:
    """The name of a sentence's ``subject`` (a match of SUBJECT), titles kept; the person when a
    role and a name follow it before ``stop`` ("Daily Show host Trevor Noah": the host, not the
    show)."""
    described = _ROLE_THEN_NAME.match(text, subject.end(), stop)
    if described and role_of([described.group(1).lower()]) == "person":
        return described.group(2)
    return _whole_name(text, subject.start("subject"), subject.group("subject").strip())


def _colon_subject(
    text: str, colon: int, candidates: list[tuple[int, str]], titled: list[tuple[int, str]]
) -> str | None:
    """The person who opens the sentence that ends with the colon before a quote; a description
    ("the president") stands for the nearest such person named before it."""
    start = start_of_sentence(text, colon)
    subject = _subject_at(text, start)
    if subject is None or subject.end() > colon:
        return None
    name = _subject_name(text, subject, colon)
    if RESOLVABLE.match(name):
        before = [n for pos, n in candidates if pos < start] or [
            n for pos, n in titled if pos < start
        ]
        return before[-1] if before else None
    if name[:1].islower() or _institution(name.split()[-1]):
        return None
    return name


def _subjects(
    text: str, quotes: list[Quote], known: set[str], begin: int = 0, stop: int | None = None
) -> list[tuple[int, str]]:
    """Names that open a sentence outside the quotes ("Pelosi did not agree …", "Ms. Rice
    demurred …"): whom a following "she said" most likely means. Only people: a personal title,
    or a last name that speaks elsewhere in the text."""
    spans = tuple(sorted((q.start, q.end) for q in quotes))
    last = max((b for _, b in spans), default=0) if stop is None else stop
    out = []
    for pos, name in _sentence_subjects(text, spans, begin, last):
        words = name.split()
        titled = bool(re.match(TITLE_WORDS + r"\S", name)) and len(words) > 1
        if (titled or words[-1].rstrip("’'s") in known) and _can_speak(text, pos, name):
            out.append((pos, name))
    return out


_SUBJECTS_SEEN: list[tuple[str, tuple[tuple[int, int], ...], int, int, list[tuple[int, str]]]] = []


def _sentence_subjects(
    text: str, spans: tuple[tuple[int, int], ...], begin: int, last: int
) -> list[tuple[int, str]]:
    """The capitalised subject of each sentence outside the quotes (``spans``), between
    ``begin`` and ``last``: found once per article, however many pronouns ask."""
    seen = _SUBJECTS_SEEN[0] if _SUBJECTS_SEEN else None  # read once: another thread may set it
    if seen is not None and seen[0] is text and seen[1:4] == (spans, begin, last):
        return seen[4]
    starts = [a for a, _ in spans]
    ends = [b for _, b in spans]
    out = []
    for m in SENTENCE.finditer(text, begin, last):
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        k = bisect_right(starts, start) - 1
        if k >= 0 and start < ends[k]:
            continue  # inside a quote
        while _heading(text, start) and "\n" in text[start : m.end()]:
            start = text.index("\n", start)  # "Central Promise ¶ Trump won office …"
            start += len(text[start : m.end()]) - len(text[start : m.end()].lstrip())
        subject = _subject_at(text, start)
        if subject is None or _heading(text, start):
            continue
        name = _whole_name(text, subject.start("subject"), subject.group("subject").strip())
        words = name.split()
        if words[0][:1].islower() or words[0] in ("The",):
            continue  # a description ("the agency"), not a person
        out.append((subject.start("subject"), name))
    _SUBJECTS_SEEN[:] = [(text, spans, begin, last, out)]
    return out
