"""Quotes and reported speech, with their speakers.

- **direct**: text between quotation marks (“…”, "…", «…»; ‘…’ inside them stays part of the
  quote) that forms a statement; a paragraph that opens with a quotation mark and does not close it
  continues into the next; a closing mark with no opening one in its paragraph
  (``Our position is absolutely open …,” Putin said``) quotes from the paragraph's start;
- **partial**: a quoted fragment of four words or fewer inside a sentence (Putin accused the
  Soviet leadership of “inaction”);
- **indirect**: a sentence of reported speech without quotation marks — ``Putin also said that
  …`` or ``…, President Vladimir Putin said Thursday.``

The speaker is the name (or pronoun) next to an attribution verb after the quote (``,” Putin
said``, ``,” said Putin``, ``,” he added``) or before it (``Putin said: “…``, ``according to …``).
A pronoun or a description ("the Russian president") is resolved to the nearest named speaker
before it in the article; a quote with no attribution of its own, in the same paragraph as an
attributed one, shares its speaker. Offsets (``start``, ``end``) point into the article's text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

import pandas as pd

VERBS = (
    "said|says|say|told|tells|asked|asks|added|adds|insisted|insists|noted|notes|stressed|stresses|"
    "warned|warns|argued|argues|explained|explains|recalled|recalls|wrote|writes|tweeted|tweets|"
    "accused|accuses|claimed|claims|declared|declares|announced|announces|replied|replies|"
    "continued|continues|acknowledged|acknowledges|admitted|admits|urged|urges|suggested|suggests|"
    "emphasized|emphasised|stated|states|remarked|added|responded|responds|countered|counters|"
    "predicted|predicts|promised|promises|vowed|vows|conceded|concedes|observed|told reporters|"
    "called|calls|pledged|pledges|referred|refers|described|describes|labeled|labelled|labels|"
    "signaled|signalled|saying|declaring|adding|telling|writing|calling|commented|comments|"
    "responded|responding|replying|continued|continuing|posted|quipped|recounted|cautioned|"
    "revealed|reveals|confirmed|confirms|denied|denies|disclosed|discloses"
)
_NAME = r"(?!(?:The|A|An|This|That|These|Those|But|And|In|On|At|If|When|While|After|As|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)\b)(?:[A-Z][\w'’.-]+(?:[ \t]+(?:de|van|von|al|bin|la|le|del|der)[ \t]+|[ \t]+)){0,4}[A-Z][\w'’-]+(?:(?<=Jr)\.|(?<=Sr)\.)?"
_TITLE = (
    r"(?:(?:Vice President|President|Prime Minister|Secretary of State|Secretary of Defense|Secretary of the Treasury|"
    r"Secretary of Homeland Security|Minister|Secretary|Senator|Sen\.|Rep\.|Gov\.|Governor|Mayor|"
    r"Chancellor|General|Gen\.|Dr\.|Mr\.|Mrs\.|Ms\.|Judge|Justice|Speaker|Leader|Chairman|Chairwoman|"
    r"spokesman|spokeswoman|spokesperson)[ \t]+)?"
)
_PRONOUN = r"(?:he|she|they|He|She|They)"
_DESCRIPTION = r"(?:[Tt]he\s+(?:[\w-]+\s+){0,3}(?:president|leader|minister|official|officials|spokesman|spokeswoman|spokesperson|chairman|speaker|senator|governor|mayor|chancellor|secretary|premier|prime minister|analysts?|experts?|source|sources|statement|report|agency|ministry|company|government|kremlin|white house|letter|advertisement|ad|memo|resolution|campaign|group|committee|organization|administration|lawmakers?|congressman|congresswoman|sheriff|nominee|candidate|hopeful|front-?runner|billionaire|mogul|businessman|lawmaker|justice|judge))"


def _speaker(group: str) -> str:
    return rf"(?P<{group}>{_DESCRIPTION}|{_TITLE}{_NAME}|{_PRONOUN})"


def _verb(group: str) -> str:
    return rf"(?P<{group}>{VERBS})"


_SPEAKER = _speaker("speaker")
_VERB = _verb("verb")

# after a closing mark:  ,” Putin said   /  ,” said Putin  /  ,” he added
_AFTER = re.compile(
    rf"^\s*[,.!?…—–-]?\s*(?:{_SPEAKER}\s+(?:[a-z]\w*\s+)?{_VERB}\b|{_verb('verb2')}\s+{_speaker('speaker2')}(?![\w'’]))"
)
# after a closing mark, with an appositive first:  ,” CNN's correspondent, Kaitlan Collins, asked
_AFTER_APPOSITIVE = re.compile(
    rf"^\s*[,.!?…]?\s*[^,.“”\"\n]{{2,80}},\s*(?P<speaker>{_TITLE}{_NAME}),?\s+{_VERB}\b"
)
# before an opening mark:  Putin said: “  /  Putin said that “  /  according to X, “
_BEFORE = re.compile(
    rf"(?:{_SPEAKER}\s+(?:\w+\s+)?{_VERB}(?:\s+\w+){{0,3}}\s*(?:[:,]|\s+that)?\s*|according\s+to\s+(?P<acc>{_TITLE}{_NAME}),?\s*)$"
)
# reported speech:  Putin also said that …  /  …, President Vladimir Putin said Thursday.
_REPORTED_LEAD = re.compile(
    rf"^(?P<who>{_DESCRIPTION}|{_TITLE}{_NAME}|{_PRONOUN})\s+(?:(?:also|again|further|however|then|later|once again)\s+)?(?P<verb>{VERBS})\b(?:\s+(?:however|also|again))?\s+(?:that\s+)?(?P<rest>.+[.!?])$"
)
#: Names next to a speech verb anywhere in the text: the people a "he said" can refer to.
_CANDIDATE = re.compile(
    rf"(?<![Tt]he )(?<!\w)(?P<name>{_TITLE}{_NAME})[ \t]+(?:[a-z]\w*[ \t]+)?(?:{VERBS})\b"
)
#: A titled name anywhere ("President Biden", "Dr. Anthony Fauci"): who "the president" may be.
_TITLED = re.compile(
    r"(?<!\w)(?P<name>(?:Vice President|President|Prime Minister|Secretary of State|Secretary of Defense|Minister|Secretary|Senator|Sen\.|Rep\.|Gov\.|"
    r"Governor|Mayor|Chancellor|Dr\.|Mr\.|Mrs\.|Ms\.|Judge|Justice|Speaker)[ \t]+[A-Z][\w'’-]+"
    r"(?:[ \t]+[A-Z][\w'’-]+){0,2})"
)
#: A pronoun next to a speech verb ("He acknowledged that …").
_PRONOUN_VERB = re.compile(rf"\b(?:he|she|they|He|She|They)[ \t]+(?:[a-z]\w*[ \t]+)?(?:{VERBS})\b")
#: A short quoted name in title case ("This Week", "Rally for Election Integrity") is not a quote.
_SMALL = r"of|for|the|and|a|an|in|on|to|at|by"
_TITLE_CASE = re.compile(
    rf"^(?:[A-Z0-9][\w'’.-]*|{_SMALL})(?:\s+(?:[A-Z0-9][\w'’.-]*|{_SMALL}))*[.,]?$"
)
_REPORTED_TAIL = re.compile(
    rf"^(?P<content>.+?),\s+(?P<speaker>{_DESCRIPTION}|{_TITLE}{_NAME}|{_PRONOUN})\s+(?P<verb>{VERBS})(?:\s+[\w-]+){{0,3}}\.$"
)
_OPEN = '“"«'
_CLOSE = {"“": "”", '"': '"', "«": "»"}
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"”’]?|$)")
_ABBREV_END = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Gen|Lt|Col|U\.S|U\.N|Jr|Sr|No|vs|[A-Z])\.$"
)
#: Speakers that stand for a person named elsewhere: pronouns and personal roles ("the Russian
#: president"); institutions ("the agency", "the White House") stay as they are.
_RESOLVABLE = re.compile(
    rf"^(?:{_PRONOUN}|[Tt]he\s+(?:[\w-]+\s+){{0,3}}(?:president|leader|minister|official|spokesman|"
    r"spokeswoman|spokesperson|chairman|speaker|senator|governor|mayor|chancellor|secretary|premier|"
    r"prime minister|congressman|congresswoman|sheriff|nominee|candidate|hopeful|front-?runner|"
    r"billionaire|mogul|businessman|lawmaker|justice|judge|statement|letter|memo))$"
)
_NOT_SUBJECT = (
    r"(?:However|Meanwhile|Later|Earlier|Still|Yet|Also|During|Despite|Although|While|When|After|"
    r"Before|Since|Because|As|At|In|On|For|With|From|But|And|So|Then|Now|Today|Yesterday|Last|"
    r"Next|This|That|It|There|Here|Some|Many|Most|Other|Others|Critics|Officials|[A-Z]\w+ing|[A-Z]\w+ed)\b"
)
#: The subject of a sentence, after an opening participle clause ("Speaking in Phoenix, Trump …").
_SUBJECT = re.compile(
    rf"\s*(?:[A-Z]\w+:\s+)?"  # a label a scraper left: "Updated: "
    rf"(?:(?:[A-Z]\w+(?:ing|ed)|As|When|While|After|Before|During|Despite|At|In|On)\b"
    rf"(?:[^.]|(?<=Mr)\.|(?<=Ms)\.|(?<=Mrs)\.|(?<=Dr)\.){{0,160}}?,\s*)?"
    rf"(?!{_NOT_SUBJECT})(?P<subject>{_DESCRIPTION}|{_TITLE}{_NAME})"
)  # used with .match(text, pos)

COLUMNS = ("doc_id", "quote_id", "speaker", "verb", "kind", "text", "start", "end")


@dataclass
class Quote:
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None = None
    verb: str | None = None
    paragraph: int = 0


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group(0).strip():
            spans.append((m.start(), m.end()))
    return spans


def _direct_quotes(text: str) -> list[Quote]:
    """Quoted spans, paragraph by paragraph, with the continuation and missing-mark rules."""
    out: list[Quote] = []
    paragraphs = _paragraphs(text)
    carry: Quote | None = None
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        para = text[p_start:p_end]
        i = 0
        if carry is not None:
            # a quote left open continues: this paragraph re-opens it, or just goes on
            lead = len(para) - len(para.lstrip())
            if para.lstrip()[:1] in _OPEN:
                i = lead + 1
            close = para.find("”", i)
            if close < 0 and para.lstrip()[:1] in _OPEN:
                carry.end = p_end
                continue
            if close >= 0:
                carry.end = p_start + close
                carry.text = text[carry.start : carry.end]
                out.append(carry)
                carry = None
                i = close + 1
            else:
                out.append(carry)
                carry = None
        first_open = min((para.find(c) for c in _OPEN if c in para), default=-1)
        first_close = para.find("”")
        if first_close >= 0 and (first_open < 0 or first_close < first_open) and i == 0:
            # closing mark with no opening one: the quote runs from the paragraph's start
            out.append(
                Quote(
                    p_start,
                    p_start + first_close,
                    para[:first_close].strip(),
                    "direct",
                    paragraph=p_index,
                )
            )
            i = first_close + 1
        while i < len(para):
            opens = [(para.find(c, i), c) for c in _OPEN if para.find(c, i) >= 0]
            if not opens:
                break
            pos, mark = min(opens)
            closer = _CLOSE[mark]
            end = para.find(closer, pos + 1)
            if end < 0:  # mixed marks: “…" or "…”
                end = para.find('"' if mark == "“" else "”", pos + 1)
            if end < 0:
                if mark in "“«" or para.count('"') % 2:
                    carry = Quote(
                        p_start + pos + 1,
                        p_end,
                        text[p_start + pos + 1 : p_end],
                        "direct",
                        paragraph=p_index,
                    )
                break
            out.append(
                Quote(
                    p_start + pos + 1,
                    p_start + end,
                    para[pos + 1 : end],
                    "direct",
                    paragraph=p_index,
                )
            )
            i = end + 1
    if carry is not None:
        carry.text = text[carry.start : carry.end]
        out.append(carry)
    for q in out:
        lead = len(q.text) - len(q.text.lstrip())
        q.start += lead
        q.text = q.text.strip().rstrip(",")
        q.end = q.start + len(q.text)
    return [q for q in out if q.text and any(ch.isalpha() for ch in q.text)]


def _attribute(text: str, quotes: list[Quote]) -> None:
    for q in quotes:
        after = text[q.end + 1 : q.end + 120].split("\n")[0]
        after = after.lstrip('”"»’')
        m = _AFTER.search(after)
        if m:
            q.speaker = m.group("speaker") or m.group("speaker2")
            q.verb = m.group("verb") or m.group("verb2")
            continue
        m = _AFTER_APPOSITIVE.search(after)
        if m:
            q.speaker, q.verb = m.group("speaker"), m.group("verb")
            continue
        before_start = text.rfind("\n", 0, q.start) + 1
        before = text[max(before_start, q.start - 160) : q.start].rstrip('“"« ')
        m = _BEFORE.search(before + " ")
        if m is None:
            m = _BEFORE.search(before)
        if m:
            speaker = m.group("speaker") or m.group("acc")
            q.speaker, q.verb = speaker, (m.group("verb") or "according to")


def _classify(text: str, quotes: list[Quote]) -> None:
    for q in quotes:
        if (
            len(q.text.split()) <= 6
            and _TITLE_CASE.match(q.text)
            and q.text[:1].isupper()
            and " " in q.text
        ):
            q.kind = "title"
            continue
        before = text[max(0, q.start - 3) : q.start].rstrip('“"«')
        if (
            before
            and before[-1:].isalpha() is False
            and before.endswith(" ")
            and before.rstrip()[-1:].isalpha()
        ):
            q.kind = "partial"  # a fragment inside a sentence ("stands “squarely behind” his")
            continue
        if q.verb is not None:
            continue
        before = text[max(0, q.start - 3) : q.start].rstrip('“"«')
        embedded = (
            bool(before)
            and (before[-1:].isalnum() or before.endswith(" "))
            and not before.rstrip().endswith((".", ":", "?", "!"))
        )
        if len(q.text.split()) <= 4 or embedded:
            q.kind = "partial"


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (a full stop after an abbreviation does not end one)."""
    start = pos
    while True:
        dot = text.rfind(". ", 0, start)
        newline = text.rfind("\n", 0, start)
        if newline > dot:
            return newline + 1
        if dot < 0:
            return 0
        if not _ABBREV_END.search(text[max(0, dot - 6) : dot + 1]):
            return dot + 2
        start = dot


def _sentence_end(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` ends."""
    start = pos
    while True:
        dot = text.find(". ", start)
        newline = text.find("\n", start)
        if newline >= 0 and (dot < 0 or newline < dot):
            return newline
        if dot < 0:
            return len(text)
        if not _ABBREV_END.search(text[max(0, dot - 6) : dot + 1]):
            return dot + 1
        start = dot + 2


def _resolve(text: str, quotes: list[Quote]) -> None:
    """Pronouns and descriptions take the nearest named speaker before them (a quote's speaker,
    or a name next to a speech verb); unattributed quotes in a paragraph with an attributed one
    share its speaker; a quote introduced by a colon takes the nearest known speaker's name."""
    candidates = [(m.start(), m.group("name")) for m in _CANDIDATE.finditer(text)]
    candidates += [
        (q.start, q.speaker) for q in quotes if q.speaker and not _RESOLVABLE.match(q.speaker)
    ]
    candidates = [(pos, name) for pos, name in candidates if not _RESOLVABLE.match(name)]
    candidates.sort()
    titled = [(m.start(), m.group("name")) for m in _TITLED.finditer(text)]
    for q in quotes:
        if q.speaker is None:
            # a quote inside a sentence of reported speech: "Trump said that … “a terrible
            # presidency.”", or "… “things are going to get worse” …, Dr. Anthony Fauci said."
            sentence_start = _sentence_start(text, q.start)
            sentence_end = _sentence_end(text, q.end)
            inside = [name for pos, name in candidates if sentence_start <= pos < q.start]
            after = [name for pos, name in candidates if q.end <= pos < sentence_end]
            pronoun = _PRONOUN_VERB.search(text, sentence_start, q.start)
            subject = _subject_at(text, sentence_start)
            speaks = _SPEAKS.search(text[sentence_start : q.start])
            if inside:
                q.speaker = inside[-1]
            elif after:
                q.speaker = after[0]
            elif subject and (
                speaks or text[sentence_start : q.start].rstrip('“"« ').endswith(":")
            ):
                # "President Biden addressed the nation, saying he stands “…”"; "Harris had a
                # message for Central Americans: “Do not come.”"
                q.speaker = _whole_name(
                    text, subject.start("subject"), subject.group("subject").strip()
                )
                q.verb = q.verb or (speaks.group(0) if speaks else None)
            elif pronoun:
                earlier = [name for pos, name in candidates + titled if pos < sentence_start]
                if earlier:
                    q.speaker = max(
                        (pos, name) for pos, name in candidates + titled if pos < sentence_start
                    )[1]
    candidates = sorted(
        set(candidates)
        | {(q.start, q.speaker) for q in quotes if q.speaker and not _RESOLVABLE.match(q.speaker)}
    )
    if any(q.speaker and _BODY.match(q.speaker) for q in quotes):
        bodies = [(m.start(), m.group(1)) for m in _ACRONYM.finditer(text)]
    else:
        bodies = []
    for q in quotes:  # "the agency said": the organisation last named by its acronym, "(CDC)"
        if q.speaker and _BODY.match(q.speaker):
            named = [name for pos, name in bodies if pos < q.start]
            if named:
                q.speaker = named[-1]
    subjects: list[tuple[int, str]] | None = None
    for q in quotes:  # "he said", "the president said": the nearest speaker named before
        if q.speaker and _RESOLVABLE.match(q.speaker):
            said_by = q.speaker.lower()
            pronoun = said_by if said_by in ("he", "she") else None
            person = not said_by.endswith(("statement", "letter", "memo"))
            role = _ROLE.search(said_by) if not pronoun else None
            if role:  # "the president": the last President named before, if any
                title = role.group(0)
                named = [
                    (pos, n) for pos, n in titled + candidates
                    if pos < q.start and n.lower().startswith(_ROLE_TITLES.get(title, (title,)))
                ]  # fmt: skip
                lasts = {n.split()[-1] for _, n in named}
                speaking = [n for pos, n in candidates if pos < q.start and n.split()[-1] in lasts]
                if speaking or named:  # of the presidents named, the one who last spoke
                    q.speaker = speaking[-1] if speaking else max(named)[1]
                    continue
            if person and subjects is None:  # found once, only for texts that need them
                subjects = _subjects(text, quotes, {n.split()[-1] for _, n in candidates})
            pool = sorted(candidates + (subjects or [])) if person else candidates
            before = [n for pos, n in pool if pos < q.start and _agrees(n, pronoun, person)] or [
                n for pos, n in titled if pos < q.start and _agrees(n, pronoun, person)
            ]
            if before:
                q.speaker = before[-1]
    known = {n.split()[-1] for _, n in candidates}
    for q in quotes:
        if q.speaker is None and q.kind == "direct":
            lead = text[max(0, q.start - 200) : q.start].rstrip('“"« \n\t')
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
    by_paragraph: dict[int, Quote] = {}
    for q in quotes:
        if q.speaker:
            by_paragraph.setdefault(q.paragraph, q)
    for q in quotes:
        if q.speaker is None and q.kind == "direct" and q.paragraph in by_paragraph:
            ref = by_paragraph[q.paragraph]
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
            last = _sentence_start(text, len(back) - 1)
            named = [n for pos, n in candidates if last <= pos < len(back)]
            if named and not any(last <= p.start < len(back) for p in quotes):
                q.speaker = named[-1]
    # a quote standing alone in the paragraph after another speaker's quote goes on with it
    previous: Quote | None = None
    for q in quotes:
        if (
            q.speaker is None
            and q.kind == "direct"
            and previous is not None
            and q.paragraph - previous.paragraph <= 1
        ):
            q.speaker = previous.speaker
        if q.speaker and (q.kind in ("direct", "indirect") or q.verb):
            previous = q


#: An organisation introduced with its acronym: "Centers for Disease Control and Prevention (CDC)".
_ACRONYM = re.compile(
    r"[A-Z][\w&.-]*(?:[ \t]+(?:for|of|and|the|on|[A-Z][\w&.-]*))*[ \t]+\(([A-Z]{2,6})\)"
)
#: Descriptions of an organisation that stand for one named before.
_BODY = re.compile(
    r"^[Tt]he\s+(?:[\w-]+\s+){0,2}(?:agency|ministry|department|organization|organisation|"
    r"commission|committee|company|bureau|council)$"
)
#: What a sentence's subject does when a partial quote in it is theirs: a speech verb, or an
#: act of speech ("Boehner publicly chided Obama …, accusing the president of having “wasted …”").
_SPEAKS = re.compile(
    rf"\b(?:{VERBS}|dismiss(?:ed|ing)|chid(?:ed|ing)|charg(?:ed|ing)|accus(?:ed|ing)|lashed out|"
    r"slamm(?:ed|ing)|blast(?:ed|ing)|critici[sz](?:ed|ing)|denounc(?:ed|ing)|mock(?:ed|ing)|"
    r"prais(?:ed|ing)|attack(?:ed|ing)|condemn(?:ed|ing)|defend(?:ed|ing)|hail(?:ed|ing)|"
    r"question(?:ed|ing)|ridicul(?:ed|ing)|scoff(?:ed|ing)|took a swipe|went after|contrast(?:ed|ing)|"
    r"intervened|demand(?:ed|ing)|insist(?:ed|ing))\b"
)
_MALE_TITLE = re.compile(r"^(?:Mr\.|Mister|Sir|King|Prince|Lord)\s")
_FEMALE_TITLE = re.compile(r"^(?:Mrs\.|Ms\.|Miss|Madam|Queen|Princess|Lady|Dame)\s")


#: Last words of names that are institutions, not people: never what "he" or "she" means.
_INSTITUTION = {
    "Court", "House", "Senate", "Congress", "Department", "Committee", "Party", "Administration",
    "Campaign", "Times", "News", "Post", "Journal", "Agency", "Office", "Council", "Commission",
    "Ministry", "Government", "Parliament", "Kremlin", "Democrats", "Republicans", "Network",
}  # fmt: skip


#: Roles a description names ("the former president") and the titles that go with them.
_ROLE = re.compile(
    r"(?:president|prime minister|secretary|senator|governor|mayor|speaker|chancellor|sheriff)$"
)
_ROLE_TITLES = {
    "senator": ("senator", "sen."), "governor": ("governor", "gov."),
    "prime minister": ("prime minister",), "president": ("president",),
}  # fmt: skip


def _agrees(name: str, pronoun: str | None, person: bool = True) -> bool:
    """Whether ``name`` can be what "he", "she" or "the president" refers to: a "Mr." is not a
    "she", and the Supreme Court is no person."""
    if (pronoun or person) and name.split()[-1] in _INSTITUTION:
        return False
    if pronoun == "she":
        return not _MALE_TITLE.match(name)
    if pronoun == "he":
        return not _FEMALE_TITLE.match(name)
    return True


_NEXT_NAME_WORD = re.compile(r"[ \t]+([A-Z][\w'’-]+)")
_TITLE_WORDS = re.compile(
    r"\b(?:Vice President|President|Prime Minister|Minister|Secretary|Senator|Sen\.|Rep\.|Gov\.|"
    r"Governor|Mayor|Chancellor|Justice|Judge|Speaker|Sheriff|Chairman|Chairwoman|Director|"
    r"Ambassador)\s"
)


def _whole_name(text: str, start: int, name: str) -> str:
    """``name`` (found at ``start``) with the name words a length limit cut off put back, and
    the institution before a title dropped: "Supreme Court Justice Ruth Bader" becomes
    "Justice Ruth Bader Ginsburg"."""
    end = start + len(name)
    for _ in range(3):
        more = _NEXT_NAME_WORD.match(text, end)
        if not more or more.group(1) in _INSTITUTION:
            break
        name, end = name + " " + more.group(1), more.end()
    title = _TITLE_WORDS.search(name)
    return name[title.start() :] if title and title.start() > 0 else name


def _subject_at(text: str, start: int) -> re.Match[str] | None:
    """The subject of the sentence at ``start``; a name followed by a comma ends an opening
    clause rather than starting the sentence ("In a speech in Columbus, Ohio, Santorum …")."""
    subject = _SUBJECT.match(text, start)
    if subject is not None and text[subject.end() : subject.end() + 1] == ",":
        again = _SUBJECT.match(text, subject.end() + 1)
        if again is not None:
            return again
    return subject


def _colon_subject(
    text: str, colon: int, candidates: list[tuple[int, str]], titled: list[tuple[int, str]]
) -> str | None:
    """The person who opens the sentence that ends with the colon before a quote; a description
    ("the president") stands for the nearest such person named before it."""
    start = _sentence_start(text, colon)
    subject = _subject_at(text, start)
    if subject is None or subject.end() > colon:
        return None
    name = _whole_name(text, subject.start("subject"), subject.group("subject").strip())
    if _RESOLVABLE.match(name):
        before = [n for pos, n in candidates if pos < start] or [
            n for pos, n in titled if pos < start
        ]
        return before[-1] if before else None
    if name[:1].islower() or name.split()[-1] in _INSTITUTION:
        return None
    return name


def _subjects(text: str, quotes: list[Quote], known: set[str]) -> list[tuple[int, str]]:
    """Names that open a sentence outside the quotes ("Pelosi did not agree …", "Ms. Rice
    demurred …"): whom a following "she said" most likely means. Only people: a personal title,
    or a last name that speaks elsewhere in the text."""
    spans = sorted((q.start, q.end) for q in quotes)
    starts = [a for a, _ in spans]
    ends = [b for _, b in spans]
    last = max(ends, default=0)
    out = []
    for m in _SENTENCE.finditer(text, 0, last):
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        k = bisect_right(starts, start) - 1
        if k >= 0 and start < ends[k]:
            continue  # inside a quote
        subject = _subject_at(text, start)
        if subject is None:
            continue
        name = _whole_name(text, subject.start("subject"), subject.group("subject").strip())
        words = name.split()
        if words[0][:1].islower() or words[0] in ("The",):
            continue  # a description ("the agency"), not a person
        titled = bool(re.match(_TITLE + r"\S", name)) and len(words) > 1
        if titled or words[-1].rstrip("’'s") in known:
            out.append((subject.start("subject"), name))
    return out


def _reported(text: str, quotes: list[Quote]) -> list[Quote]:
    """Sentences of reported speech that hold no direct quote."""
    taken = sorted((q.start, q.end) for q in quotes)
    taken_starts = [a for a, _ in taken]
    reach = list(accumulate((b for _, b in taken), max))  # the furthest end so far
    out = []
    for p_index, (p_start, p_end) in enumerate(_paragraphs(text)):
        para = text[p_start:p_end]
        pending = ""
        offset = 0
        for m in _SENTENCE.finditer(para):
            sentence = m.group(0)
            if _ABBREV_END.search(sentence.rstrip()) and m.end() < len(para):
                pending += sentence
                continue
            sentence = pending + sentence
            s_start = p_start + m.end() - len(sentence)
            pending = ""
            offset = m.end()
            stripped = sentence.strip()
            if not stripped or any(c in stripped for c in '“”"'):
                continue
            start = s_start + (len(sentence) - len(sentence.lstrip()))
            end = start + len(stripped)
            k = bisect_left(taken_starts, end) - 1  # the quotes starting before the end
            if k >= 0 and reach[k] > start:
                continue  # overlaps a quote
            lead = _REPORTED_LEAD.match(stripped)
            tail = None if lead else _REPORTED_TAIL.match(stripped)
            if lead:
                out.append(
                    Quote(
                        start,
                        end,
                        stripped,
                        "indirect",
                        lead.group("who"),
                        lead.group("verb"),
                        p_index,
                    )
                )
            elif tail:
                out.append(
                    Quote(
                        start,
                        end,
                        stripped,
                        "indirect",
                        tail.group("speaker"),
                        tail.group("verb"),
                        p_index,
                    )
                )
        del offset
    return out


def extract_quotes(text: str) -> list[Quote]:
    """Direct, partial and indirect quotes of one article, in text order, speakers resolved."""
    quotes = _direct_quotes(text)
    _attribute(text, quotes)
    _classify(text, quotes)
    quotes = [q for q in quotes if q.kind != "title"]
    quotes = sorted(quotes + _reported(text, quotes), key=lambda q: q.start)
    _resolve(text, quotes)
    return quotes


def _quote_rows(batch: tuple[list, list, list]) -> list[dict]:
    ids, sources, texts = batch
    rows = []
    for doc_id, source, text in zip(ids, sources, texts, strict=True):
        if not isinstance(text, str):
            continue
        for n, q in enumerate(extract_quotes(text), start=1):
            rows.append(
                {"doc_id": doc_id, "source": source if isinstance(source, str) else None,
                 "quote_id": n, "speaker": q.speaker, "verb": q.verb, "kind": q.kind,
                 "text": q.text, "start": q.start, "end": q.end}
            )  # fmt: skip
    return rows


def quotes_frame(
    corpus: pd.DataFrame | Iterable[pd.DataFrame], *, speaker: str | None = None, jobs: int = 1
) -> pd.DataFrame:
    """Every quote of every article: doc_id, source, quote_id, speaker, verb, kind, text, start,
    end. ``speaker`` keeps the quotes whose speaker contains it (case-insensitive): "Putin" finds
    "Vladimir Putin" and "President Vladimir Putin", and the pronouns resolved to them."""
    from corpuscli.parallel import run_batches

    def batches():  # type: ignore[no-untyped-def]
        for frame in [corpus] if isinstance(corpus, pd.DataFrame) else corpus:
            ids = frame["doc_id"].tolist()
            sources = frame["source"].tolist() if "source" in frame.columns else [None] * len(frame)
            texts = frame["text"].tolist()
            for i in range(0, len(ids), 500):
                yield ids[i : i + 500], sources[i : i + 500], texts[i : i + 500]

    rows = []
    for part in run_batches(_quote_rows, batches(), jobs=jobs):
        rows.extend(part)
    out = pd.DataFrame(rows, columns=["doc_id", "source", *COLUMNS[1:]])
    if speaker:
        mask = out["speaker"].fillna("").str.contains(re.escape(speaker), case=False, regex=True)
        out = out[mask].reset_index(drop=True)
    return out
