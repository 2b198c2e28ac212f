"""Quotes and reported speech, with their speakers.

- **direct**: text between quotation marks (“…”, "…", ‘…’, '…', «…», „…“, primes; a single mark
  inside double ones stays part of the quote; single marks are told from apostrophes by word
  edges) that forms a statement; a paragraph that opens with a mark and does not close it
  continues into the next one that opens with a mark, each paragraph a quote of its own; a
  closing mark with no opening one quotes from the paragraph's start (``Our position is
  absolutely open …,” Putin said``);
- **partial**: a quoted fragment inside the writer's sentence (Putin accused the Soviet
  leadership of “inaction”); a short fragment that nobody says, with no speech verb in its
  sentence, is a scare quote and left out; a quoted name ("This Week", "RUSSIA CALLING!") too;
- **indirect**: the clause of reported speech a speech verb reports, without its attribution
  words (:mod:`corpuscli.coverage.reported`).

The speaker is the noun phrase next to an attribution verb after the quote (``,” Putin said``,
``,” said Putin``, ``", - said Putin.``, ``” — the Kremlin said``) or before it (``Putin said:
“…``, ``Putin: “…``, ``according to …``), read by :mod:`corpuscli.coverage.speaker_phrase`.
Descriptions and pronouns are resolved (:mod:`corpuscli.coverage.speaker_names`,
:mod:`corpuscli.coverage.speakers`), quotes with no attribution of their own get one from their
context, and every speaker is named canonically per article with the words the text uses kept
in ``speaker_text``, how it was found in ``speaker_source`` and a ``confidence``. Offsets
(``start``, ``end``) point into the article's text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate
from typing import Any

import pandas as pd

from corpuscli.progress import Progress, tracked
from corpuscli.text.sentences import sentence_spans
from corpuscli.text.wrapping import unwrapped

from .clause_breaks import STOP as _STOP
from .clause_breaks import ClauseBreaks, StopMarks, search_end
from .documents import resolve_documents
from .lexicon import lexicon
from .line_index import LineIndex
from .quote_patterns import (
    CLOSE_MARK,
    COLUMNS,
    OPEN_MARKS,
    TITLE_CASE,
    Quote,
    end_of_sentence,
    start_of_sentence,
    verb_hits,
)  # fmt: skip
from .reported import is_finding, is_respondent, reports_in, sentence_subject
from .spans import SpanSet, starting_within
from .speaker_bodies import resolve_bodies, resolve_it
from .speaker_descriptions import resolve_coordinated_appositive, resolve_definite
from .speaker_joint import resolve_they
from .speaker_names import finish_speakers, resolve_descriptions
from .speaker_phrase import (
    Mention,
    disagrees,
    mask_abbreviations,
    parse_after,
    parse_phrase,
    parse_subject,
    role_of,
)
from .speaker_posts import resolve_posts
from .speaker_titled import resolve_titled
from .speakers import resolve_pronouns, resolve_speakers

__all__ = [
    "COLUMNS", "TABLE_COLUMNS", "Quote", "extract_quotes", "marked_quotes", "quote_rows", "quote_table", "quotes_frame"
]  # fmt: skip


#: A line of text (a paragraph, or a piece of a quote that runs over several).
_LINE = re.compile(r"[^\n]+")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _LINE.finditer(text):
        if m.group(0).strip():
            spans.append((m.start(), m.end()))
    return spans


def _direct_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Quoted spans, paragraph by paragraph, with the continuation and missing-mark rules."""
    out: list[Quote] = []
    carry: Quote | None = None
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        para = text[p_start:p_end]
        i = 0
        if carry is not None:
            # a quote left open continues: this paragraph re-opens it, or just goes on
            lead = len(para) - len(para.lstrip())
            if para.lstrip()[:1] in OPEN_MARKS:
                i = lead + 1
            close = para.find("”", i)
            if close < 0 and para.lstrip()[:1] in OPEN_MARKS:
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
        # straight marks are told open from closed by their edges, unless the paragraph spaces
        # them on both sides (' " We are … ideals, " he said': a tokenised text)
        edges = ' " ' not in para
        doubled_at: list[int] | None = None  # where two single marks close a quote (see below)
        first_open = min((para.find(c) for c in OPEN_MARKS if c in para), default=-1)
        first_close = para.find("”")
        straight = para.find('"')
        if edges and straight >= 0 and straight == first_open and _closes_only(para, straight):
            first_close, first_open = straight, -1  # 'Senator X threatened …," Trump added.'
        if first_close >= 0 and (first_open < 0 or first_close < first_open) and i == 0:
            # closing mark with no opening one: the quote runs from the paragraph's start
            out.append(
                Quote(
                    p_start,
                    p_start + first_close,
                    para[:first_close],
                    "direct",
                    paragraph=p_index,
                )
            )
            i = first_close + 1
        # each opening mark's next place, searched again only once passed (a search of the
        # rest of the paragraph for every mark after every quote took quadratic time)
        next_at = {c: para.find(c, i) for c in OPEN_MARKS}
        while i < len(para):
            for c, at in next_at.items():
                if 0 <= at < i:
                    next_at[c] = para.find(c, i)
            opens = [(at, c) for c, at in next_at.items() if at >= 0]
            if not opens:
                break
            pos, mark = min(opens)
            if mark == '"' and edges and _closes_only(para, pos):
                i = pos + 1  # 'alarmed," Baer said': a straight mark that only closes opens nothing
                continue
            closer = CLOSE_MARK[mark]
            end = para.find(closer, pos + 1)
            if end < 0:  # mixed marks: “…" or "…”
                end = para.find('"' if mark == "“" else "”", pos + 1)
            elif edges:  # mixed marks before the matching one: 'to "have another drink.” He …'
                other = para.find('"' if mark == "“" else "”", pos + 1, end)
                if (
                    other >= 0
                    and "“" not in para[pos + 1 : other]
                    and _closes_only(para, other)
                    and (mark == '"' or para.count('"') % 2)  # a straight mark with no partner
                ):
                    end = other
            if mark == "“":  # “It’s not a mystery,’’ said …: two single marks close it
                if doubled_at is None:  # found once a paragraph: a search from each mark
                    doubled_at = [m.start() for m in _DOUBLED_CLOSE.finditer(para)]  # was slow
                k = bisect_left(doubled_at, pos + 1)
                if k < len(doubled_at) and (end < 0 or doubled_at[k] < end):
                    end = doubled_at[k]
            reopen = _reopening(para, pos + 1, end + 1) if mark == '"' and edges else -1
            if reopen >= 0:
                # '"… weekend. "It was …"': a mark that only opens, inside an open quote, starts
                # the quote's next sentence (the style that re-opens each sentence)
                out.append(Quote(p_start + pos + 1, p_start + reopen, para[pos + 1 : reopen],
                                 "direct", paragraph=p_index))  # fmt: skip
                i = reopen
                continue
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


#: Two single marks that close a quote opened by “ (“It’s not a mystery,’’ said …); two matches
#: never overlap, so the matches of a whole paragraph are every match a search from a mark finds.
_DOUBLED_CLOSE = re.compile(r"(?<=\S)(?:’’|'')(?![\w'’])")
#: What may stand before an opening mark, and after a closing one.
_BEFORE_OPEN = "([{—–"
_AFTER_CLOSE = ",.;:!?)]}—–"


def _closes_only(para: str, pos: int) -> bool:
    """Whether the straight mark at ``pos`` can only close a quote: a word or a stop before it,
    a space (or a stop, or the end) after it ('alarmed," Baer said')."""
    before = para[pos - 1] if pos > 0 else " "
    after = para[pos + 1] if pos + 1 < len(para) else " "
    return (
        not before.isspace()
        and before not in _BEFORE_OPEN
        and (after.isspace() or after in _AFTER_CLOSE)
    )


def _reopening(para: str, start: int, end: int) -> int:
    """The first straight mark in ``para[start:end]`` that can only open a quote (a space or a
    bracket before it, a word after it), -1 if none."""
    k = para.find('"', start, end)
    while k >= 0:
        before = para[k - 1] if k > 0 else " "
        after = para[k + 1] if k + 1 < len(para) else " "
        if (before.isspace() or before in _BEFORE_OPEN) and not after.isspace():
            return k
        k = para.find('"', k + 1, end)
    return -1


_SINGLE = re.compile(r"['‘’‹›′]")


def _single_quotes(text: str, taken: list[Quote], paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Spans between single marks (‘…’, '…', ‹…›, primes) outside the double-quoted ones. A
    mark opens when a word starts after it and no word character stands before it; it closes
    when a word ends before it and none starts after it; so "Russia's", "countries' navies"
    (nothing open), "'90s" and "rock 'n' roll" (data/quotes/apostrophes.txt) are no quotes. A
    paragraph that opens with a mark and does not close it goes on into the next one that opens
    with a mark."""
    if not _SINGLE.search(text):
        return []
    lex = lexicon()
    spans = sorted((q.start - 1, q.end + 1) for q in taken)
    # a mark is inside a double-quoted span when one that starts at it or before reaches past it
    span_starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))
    out: list[Quote] = []
    carry: Quote | None = None
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        opened: int | None = None
        starts_open = False
        for m in _SINGLE.finditer(text, p_start, p_end):
            pos = m.start()
            k = bisect_right(span_starts, pos)
            if (k and reach[k - 1] > pos) or lex.apostrophe.match(text, pos):
                continue
            before = text[pos - 1] if pos > p_start else " "
            after = text[pos + 1] if pos + 1 < p_end else " "
            can_open = not (before.isalnum()) and (
                after.isalnum() or after in '“"…$(' or (after == " " and m.group(0) in "‘‹")
            )
            can_close = not after.isalnum() and (
                before.isalnum()
                or before in '.,!?…)”"%'
                or (before == " " and opened is not None and m.group(0) in "'’›")
            )
            if m.group(0) in "‘‹" and not can_open:
                continue
            if can_close and (opened is not None or carry is not None):
                if opened is not None:
                    span_start = opened + 1
                    opened = None
                else:
                    assert carry is not None
                    span_start = carry.start
                    carry = None
                out.append(Quote(span_start, pos, text[span_start:pos], "direct",
                                 paragraph=p_index))  # fmt: skip
            elif can_open:
                if carry is not None and pos == p_start + len(text[p_start:p_end]) - len(
                    text[p_start:p_end].lstrip()
                ):
                    continue  # the paragraph re-opens a quote left open: it goes on
                if carry is not None:
                    out.append(carry)
                    carry = None
                opened = pos
                starts_open = not text[p_start:pos].strip()
        if carry is not None:  # open since an earlier paragraph and not closed here
            para = text[p_start:p_end].lstrip()
            if para[:1] in "'‘":
                carry.end = p_end
            else:
                out.append(carry)
                carry = None
        if opened is not None and starts_open and carry is None:
            carry = Quote(opened + 1, p_end, "", "direct", paragraph=p_index)
    if carry is not None:
        out.append(carry)
    for q in out:
        q.text = text[q.start : q.end]
        lead = len(q.text) - len(q.text.lstrip())
        q.start += lead
        q.text = q.text.strip().rstrip(",")
        q.end = q.start + len(q.text)
    return [q for q in out if sum(ch.isalpha() for ch in q.text) >= 2]


#: "according to X, “…" and "Putin: “…" at the end of the text before a quote (searched in its
#: last characters only: a search anchored at the end tries every position it is given).
_ACCORDING_BEFORE = re.compile(r"\b[Aa]ccording[ \t]+to[ \t]+([^,]{2,80}),[ \t]*$")
#: "as one trader put it: “…" before a quote, and "“…,” as one trader put it" after one.
_PUT_IT_BEFORE = re.compile(
    r"\b[Aa]s[ \t]+([^,.;:“”\"]{2,60}?)[ \t]+puts?[ \t]+it[ \t]*[:,]?[ \t]*$"
)
_PUT_IT_AFTER = re.compile(r"[Aa]s[ \t]+([^,.;:“”\"]{2,60}?)[ \t]+puts?[ \t]+it\b")
#: "“…,” according to X" after a quote.
_ACCORDING_AFTER = re.compile(r"[Aa]ccording[ \t]+to[ \t]+")
#: ", citing X" after "the outlet reported".
_CITING = re.compile(r"[^,.;:!?\n]{0,40}?,[ \t]+citing[ \t]+([^,.;:!?\n]{2,100})")
_COLON_BEFORE = re.compile(r"(?:^|[.;]\s+)([A-Z][^:;.“”\"]{1,60}?)[ \t]*:[ \t]*$")
_AFTER_LEAD = re.compile(r"[ \t]*[,.!?…]*[”\"»’']*[ \t]*[,.]?[ \t]*[—–-]*[ \t]*")
_BEFORE_TAIL = re.compile(r"(?:[ \t]+that)?[ \t]*[,:]?[ \t]*[—–-]*[ \t]*$")
#: Every character a match of :data:`_BEFORE_TAIL` may hold: it starts after the last character
#: of the text that is none of them (its search, anchored at the end, tried every position).
_BEFORE_TAIL_CHARS = frozenset(" \tthat,:—–-")


def _tail_search_from(text: str, start: int, end: int, reach: int) -> int:
    """Where to search ``text[start:end]`` for :data:`_BEFORE_TAIL` in its last ``reach``
    characters: after the last character the match cannot hold (the same match as from
    ``end - reach``)."""
    cut = end
    floor = max(start, cut - reach)
    while cut > floor and text[cut - 1] in _BEFORE_TAIL_CHARS:
        cut -= 1
    return cut


def _comma_before(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end].rstrip()`` ends with a comma, read from its end."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end > start and text[end - 1] == ","


def _outlet(who: Mention) -> bool:
    words = (who.name or who.text).split()
    return bool(words) and role_of([words[-1].lower()]) == "outlet"


def _news_source(who: Mention) -> bool:
    """Whether ``who`` is a news outlet or agency ("The Daily Independent", "the BBC", "the
    Middle East News Agency"): one that reports what others said."""
    words = (who.name or who.text).split()
    return _outlet(who) or (words[-1:] == ["Agency"] and "News" in words)


def _inner_speaker(text: str, start: int, end: int) -> Mention | None:
    """The subject of the first speech verb of a clause an outlet reported ("According to the
    BBC, Russian Foreign Minister Sergei Lavrov warned that …"; "Egypt’s Foreign Ministry said …,
    according to the official Middle East News Agency"): who said it, the outlet being only
    where it was read. None when no subject that is no outlet speaks there."""
    hit = verb_hits(text).first(start, min(end, start + 200))
    if hit is None or hit.start() == start:
        return None
    if text[start : hit.start()].split()[-1:] in _PASSIVE_BEFORE:
        return None  # "Donald Trump Jr was informed …": told, not telling
    if not _says_there(text[start : hit.start()], hit.group()):
        return None
    who = parse_subject(text, start, hit.start())
    if who is None or who.source == "pronoun" or _news_source(who):
        return None
    return who


#: The classes of verbs whose subject says what the outlet reported (data/quotes/speech_verbs.tsv):
#: "Lavrov said", "denied that", "warned that"; not "responded to a request", "called for".
_INNER_CLASSES = frozenset(("say", "clause", "object"))
#: The words that, before the verb, make its subject someone who said nothing: a negation, a
#: relative pronoun (the verb is another's: "police arrested three men who allegedly told …").
_NOT_INNER = lexicon().words("negations") | frozenset(("who", "whom", "that", "which"))
_UNSAID_BEFORE_TO = lexicon().words("unsaid_before_to")


def _says_there(before: str, verb: str) -> bool:
    """Whether the speech verb ``verb``, after ``before`` (the clause's words up to it), says
    something its subject said: a verb of a class that reports a statement, not negated ("has
    not responded"), not after "declined to" or "refused to", with no relative pronoun before
    it ("the men who told …": the men spoke, not the clause's subject)."""
    if lexicon().verb_class.get(_SPACES.sub(" ", verb.lower())) not in _INNER_CLASSES:
        return False
    words = [w.strip(",;:—–").lower() for w in before.split()]
    if any(w in _NOT_INNER or w.endswith(("n't", "n’t")) for w in words):
        return False
    return not (len(words) >= 2 and words[-1] == "to" and words[-2] in _UNSAID_BEFORE_TO)


#: The word before a verb that makes it passive: its subject was told, it did not tell.
_PASSIVE_BEFORE = [[w] for w in ("was", "were", "is", "are", "be", "been", "being")]


def _set_speaker(q: Quote, who: Mention | None, verb: str | None) -> None:
    if who is None:
        return
    q.speaker = who.name or who.text
    q.speaker_text = who.text
    q.speaker_source = who.source
    q.verb = verb


#: A run of white space (a verb's words are joined by one space).
_SPACES = re.compile(r"\s+")


def _attribute(text: str, quotes: list[Quote]) -> None:
    """The speaker next to each quote: after it (``,” Putin said``, ``,” said Putin``, ``", -
    said Putin.``, ``” — Putin said``) or before it (``Putin said: “``, ``Putin said that “``,
    ``Putin: “``, ``according to X, “``). Words inside quotation marks are never the speaker
    ("chanting “Death to England.”", "denounced Kim as “Little Rocket Man” and a “madman”")."""
    spans = SpanSet((x.start, x.end) for x in quotes)  # one bisection a question, not a scan
    breaks: ClauseBreaks | None = None  # the text's clause breaks, found when first asked for
    lines = LineIndex(text)

    def set_speaker(q: Quote, who: Mention | None, verb: str | None) -> None:
        if who is not None and spans.holds(who.start):
            return
        _set_speaker(q, who, verb)

    for q in quotes:
        line_end = lines.line_end(q.end)
        after_start = q.end + 1 if q.end < len(text) and text[q.end] in _CLOSERS else q.end
        lead = _AFTER_LEAD.match(text, after_start, line_end)
        pos = lead.end() if lead else after_start
        window_end = min(line_end, pos + 160)
        hits = verb_hits(text)
        put_it = _PUT_IT_AFTER.match(text, pos, window_end)
        if put_it:  # “…,” as one trader put it
            who = parse_phrase(text, put_it.start(1), put_it.end(1))
            if who is not None:
                set_speaker(q, who, "put it")
                continue
        acc = _ACCORDING_AFTER.match(text, pos, window_end)
        if acc:  # “…,” according to a grand jury report
            who = parse_after(text, acc.end(), window_end)
            if who is not None and role_of((who.name or who.text).lower().split()[-1:]) != "data":
                set_speaker(q, who, "according to")
                continue
        m = hits.at(pos, window_end)
        if m:  # ,” said Putin
            who = parse_after(text, m.end(), window_end)
            if who is not None:
                set_speaker(q, who, _SPACES.sub(" ", m.group(0)))
                continue
        if _SUBORDINATE_FIRST.match(text, pos):
            # “It sends a very negative signal” if Burleigh County refuses refugees, he said: the
            # subordinate clause's verb is not the attribution; the one after its comma may be
            comma = text.find(",", pos, window_end)
            pos = comma + 1 if comma >= 0 else window_end
        m = hits.first(pos, window_end)
        if m is not None and _DETERMINER_BEFORE.search(text, max(pos, m.start() - 6), m.start()):
            # ,” the report said: a verb's form after a determiner is a noun ("report",
            # "statement"); the verb is the next one
            m = hits.first(m.end(), window_end) or m
        ended = lead is not None and "." in text[after_start:pos] and text[q.end] in _CLOSERS
        before_mark = text[max(0, q.start - 3) : q.start].rstrip(_OPENERS)
        if (
            q.text[-1:] in ".!?"
            and text[pos : pos + 1].isupper()
            and before_mark[-1:] == " "
            and before_mark.rstrip()[-1:].isalnum()
        ):
            ended = True  # '… as saying Iran “has invited … investigations.” He later said'
        if m and text[m.end() : m.end() + 2].strip()[:1] == ":":
            m = None  # "He added: “…”" introduces the next quote
        if (
            m
            and q.text[-1:].isalnum()
            and not text[after_start:pos].strip()
            and before_mark[-1:] == " "
            and before_mark.rstrip()[-1:].isalnum()
        ):
            m = None  # 'It said it was "plain" Iraq continued to be': a fragment in a sentence
            # that goes on with a clause of its own, not an attribution
        if (
            m
            and not ended
            and not _STOP.search(mask_abbreviations(text[pos : m.start()]))
            and not _NEW_CLAUSE.search(text, pos, m.start())
            and not _CONJUNCTION_FIRST.match(text, pos)  # ,” while 27.3 percent said …
            and _subject_length_ok(text[pos : m.start()])
            and text[pos : m.start()].strip()
        ):
            who = parse_subject(text, pos, m.start())  # ,” Putin said / ,” the Kremlin said
            if who is not None and m.group(0).startswith("report") and _outlet(who):
                # “…,” the Associated Press reported: someone in its report said it; the one it
                # cites when it names them (“…,” Bloomberg reported, citing people familiar …)
                cited = _CITING.match(text, m.end(), window_end)
                who = parse_phrase(text, cited.start(1), cited.end(1)) if cited else None
                if who is not None:
                    set_speaker(q, who, "citing")
                continue
            if who is not None:
                set_speaker(q, who, _SPACES.sub(" ", m.group(0)))
                continue
        opening = q.start - 1 if q.start > 0 and text[q.start - 1] in _OPENERS else q.start
        line_start = lines.line_start(opening)
        s_start = max(line_start, start_of_sentence(text, max(line_start, opening - 1)))
        # the sentence before the quote is read in its last characters only (every search of
        # it from the sentence's start took quadratic time in a sentence of many quotes)
        tail = _BEFORE_TAIL.search(text, _tail_search_from(text, s_start, opening, 40), opening)
        core_end = tail.start() if tail else opening
        m = hits.last(s_start, core_end)
        between = text[m.end() : core_end] if m is not None else ""
        if m is not None and (
            not between.strip(" \t,")
            or lexicon().circumstance.fullmatch(between)
            or _ADDRESSED.fullmatch(between)
            or (  # "the new congresswoman vowed to “impeach …”": a promise's quoted infinitive
                between.strip() == "to"
                and lexicon().verb_class.get(_SPACES.sub(" ", m.group(0))) in ("promise", "commit")
            )
        ):
            if breaks is None:
                breaks = ClauseBreaks(text)
            clause = breaks.clause_start(s_start, m.start())
            if breaks.marks is None:
                breaks.marks = StopMarks(text)
            if (
                m.group(0).endswith("ing")
                and _comma_before(text, clause, m.start())
                and not breaks.marks.stop_in(clause, m.start())
            ):
                # "Dozens of hard-liners gathered outside the British Embassy, chanting “…”":
                # a participle's subject is its clause's, not the name before the comma
                who = sentence_subject(text, clause, m.start())
                if who is None:
                    continue
                appositive = _APPOSITIVE_NAME.match(text, who.end, m.start())
                if who.source == "description" and appositive:  # "France's ambassador, Gerard
                    named = parse_phrase(text, appositive.start(1), appositive.end(1))  # Araud,"
                    if named is not None and named.source == "named" and named.kind == "person":
                        who = named
            else:
                who = parse_subject(text, clause, m.start())
            if who is not None and disagrees(text, who, m.group(0)):
                who = None  # "led students in school spirit chants “…”": "chants" is a noun
            if who is not None:
                set_speaker(q, who, _SPACES.sub(" ", m.group(0)))
                continue
        according = search_end(_ACCORDING_BEFORE, text, s_start, opening, 120)
        if according:
            set_speaker(q, parse_phrase(text, according[0], according[1]), "according to")
            continue
        put_as = search_end(_PUT_IT_BEFORE, text, s_start, opening, 100)
        if put_as:  # as one trader put it: “…”
            who = parse_phrase(text, put_as[0], put_as[1])
            if who is not None:
                set_speaker(q, who, "put it")
                continue
        colon = search_end(_COLON_BEFORE, text, s_start, opening, 100)
        if colon:  # Putin: “…”
            who = parse_phrase(text, colon[0], colon[1])
            if verb_hits(text).first(colon[0], colon[1]):
                who = None  # "Someone off-camera says in Farsi: “…”": no name before a colon
            if who is not None and who.source == "named":
                set_speaker(q, who, None)
                continue
        _headline_speaker(text, q, opening, line_start)


#: A headline or a caption that names the speaker before a colon, a few words before the quote:
#: "Media caption Donald Trump: Macron comments “nasty …”", "Macron on Nato: “We don't …”",
#: "Trump: Iran will 'suffer consequences'".
_HEADLINE_SPEAKER = re.compile(
    r"(?:^|\bcaption[ \t]+)([A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,3})"
    r"(?:[ \t]+on[ \t]+[^:\n“”\"]{1,40}?)?:[ \t]+(?:[^\s:“”\"«]+[ \t]+){0,8}$"
)


def _headline_speaker(text: str, q: Quote, opening: int, line_start: int) -> None:
    """The speaker a headline or a caption names before a colon (:data:`_HEADLINE_SPEAKER`): a
    name of two words or more, or one the article uses again."""
    begin = max(line_start, opening - 200)
    if ":" not in text[begin:opening]:
        return  # the pattern's colon: no search of the 200 characters without one
    m = _HEADLINE_SPEAKER.search(text[begin:opening])
    if m is None or (m.start() == 0 and begin != line_start):
        return
    who = parse_phrase(text, begin + m.start(1), begin + m.end(1))
    if who is None or who.source != "named" or who.kind != "person" or not who.name:
        return
    last = who.name.split()[-1]
    if len(who.name.split()) < 2 and len(re.findall(rf"\b{re.escape(last)}\b", text)) < 3:
        return  # "Analysis: …", "Exclusive: …"
    _set_speaker(q, who, None)


#: A name and a comma: the opening of "Kim Jin-ho, a professor of political science at Dankook
#: University in South Korea, said", whose appositive may be long.
_NAME_COMMA = re.compile(r"[A-Z][\w.’'-]*(?:[ \t]+(?:al|bin|de|van|von|el|[A-Z][\w.’'-]*)){0,3},")


#: A name in commas right after a description: "France's ambassador to the United States, Gerard
#: Araud, sought …".
_APPOSITIVE_NAME = re.compile(
    r"[^,]{0,60}?,[ \t]*([A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){1,3})[ \t]*,"
)


def _subject_length_ok(between: str) -> bool:
    """Whether the words between a quote and a speech verb after it can be its subject: twelve
    words at most, or a name and an appositive of up to thirty words between commas."""
    n = len(between.split())
    if n <= 12:
        return True
    return n <= 30 and bool(_NAME_COMMA.match(between.strip())) and between.rstrip().endswith(",")


#: A determiner right before a word: the word is a noun ("the report").
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|this|that|their|his|her)[ \t]+$", re.I)
#: A comma and a conjunction that open a clause of its own between a quote and a speech verb after
#: it ("vowed to “impeach …” on Thursday, and Speaker Nancy Pelosi said …": not Pelosi's words).
_NEW_CLAUSE = re.compile(r",[ \t]*(?:and|but|while|whereas)[ \t]+(?!then\b)")
#: The same conjunctions right after a quote's closing mark and comma.
_CONJUNCTION_FIRST = re.compile(r"(?:and|but|while|whereas)[ \t]+(?!then\b)")
#: A subordinate clause after a quote: its verb attributes nothing ("” if X refuses …, he said").
_SUBORDINATE_FIRST = re.compile(
    r"(?:" + "|".join(sorted(lexicon().words("subordinators"))) + r")[ \t]+", re.I
)
#: An addressee and a circumstance between a verb and a colon: "told reporters on Monday".
_ADDRESSED = re.compile(
    r"[ \t]+(?:reporters|journalists|lawmakers|supporters|the\s+[\w-]+|[A-Z][\w.’'-]*"
    r"(?:[ \t]+[A-Z][\w.’'-]*)*|(?:the|a|an|his|her)(?:[ \t]+[\w-]+){1,3})"
    r"(?:[ \t]+(?:on|in|at|late|last|this)(?:[ \t]+[\w-]+){1,3})?[ \t,]*"
)
_CLOSERS = "”\"»’'“"
_OPENERS = "“\"«‘'„"
#: What may stand before a quote that opens its paragraph: opening marks and spaces.
_OPENERS_AND_SPACE = frozenset(_OPENERS + " \t")


def _per_paragraph(
    text: str, quotes: list[Quote], paragraphs: list[tuple[int, int]]
) -> list[Quote]:
    """A quote that runs over several paragraphs, as one quote per paragraph with the same
    speaker (each paragraph re-opens the quote, and is a statement of its own), each piece in
    its own paragraph (the rules that carry a speaker on to the next paragraph count them)."""
    out = []
    starts = [a for a, _ in paragraphs]
    for q in quotes:
        if "\n" not in q.text:
            out.append(q)
            continue
        for m in _LINE.finditer(q.text):
            piece = m.group(0).strip().strip(_OPENERS + _CLOSERS).strip().rstrip(",")
            if not piece or not any(ch.isalpha() for ch in piece):
                continue
            start = q.start + m.start() + m.group(0).index(piece)
            paragraph = bisect_right(starts, start) - 1
            out.append(Quote(start, start + len(piece), piece, q.kind, q.speaker, q.verb,
                             paragraph, q.speaker_text, q.speaker_source))  # fmt: skip
    return out


def _mark_start(text: str, start: int) -> int:
    """Where the quote at ``start`` opens, spaces after its opening mark included: the agency
    style ``" In a few days …`` reads as ``"In a few days …``."""
    k = start
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return k if k < start and k > 0 and text[k - 1] in _OPENERS else start


def _classify(text: str, quotes: list[Quote]) -> None:
    """Each quote's kind: a title ("This Week"), a partial quote (a fragment inside the
    writer's sentence), or a direct one (a statement of its own; a quote that opens a
    paragraph is one, however short)."""
    lines = LineIndex(text)
    for q in quotes:
        start = _mark_start(text, q.start)
        base = max(0, start - 60)
        lead = text[base:start].rstrip(_OPENERS + " ")
        verb = verb_hits(text).last(base + lead.rfind(".") + 1, base + len(lead))
        between = text[verb.end() : base + len(lead)].split() if verb else []
        named = (
            verb is not None
            and not _DETERMINER_BEFORE.search(text, max(0, verb.start() - 6), verb.start())
            and len(between) <= 4
            and not {"on", "in", "at", "during", "of"} & {w.lower() for w in between}
        )  # called Kim “Rocket Man”; not: said on “This Week”
        line_start = lines.line_start(start)
        if (
            q.speaker is None
            and len(q.text.split()) <= 6
            and q.text[-1:] not in ".!?,…"
            and text[line_start : lines.line_end(q.end)].strip().strip(_OPENERS + _CLOSERS + " ")
            == q.text
        ):
            q.kind = "title"  # a subheading in quotation marks: "'Urgent attention'"
            continue
        if len(q.text.split()) <= 4 and lexicon().term_marker.search(lead, max(0, len(lead) - 40)):
            q.kind = "title"  # a term: a so-called “fiancee” visa, a process known as “flaring”
            continue
        if q.text.isupper() and len(q.text.split()) <= 4 and not named:
            q.kind = "title"  # "RUSSIA CALLING!": a name in capitals
            continue
        if (
            len(q.text.split()) <= 10
            and TITLE_CASE.match(q.text)
            and (q.text[:1].isupper() or q.text[:1].isdigit())  # “60 Minutes”
            and " " in q.text
            and not named
        ):
            q.kind = (
                "title"  # a name or a title: “Proposed Refugee Admissions for Fiscal Year 2017”
            )
            continue
        if (
            " " not in q.text
            and q.text[:1].isupper()
            and q.text[-1:].isalnum()
            and not q.text.isupper()
            and lead[-1:].isalpha()
            and lead[-1:].islower()
            and not named
        ):
            q.kind = "title"  # one capitalised word inside a sentence: an anti “Obamacare” platform
            continue
        before = text[max(0, start - 3) : start].rstrip(_OPENERS)
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
        before = text[max(0, start - 3) : start].rstrip(_OPENERS)
        embedded = (
            bool(before)
            and (before[-1:].isalnum() or before.endswith(" "))
            and not before.rstrip().endswith((".", ":", "?", "!"))
        )
        opens_paragraph = _only_openers(text, line_start, start)
        after_stop = (  # "… he told reporters. “We’ll continue to coordinate.”"
            before.rstrip().endswith((".", "?", "!"))
            and q.text[-1:] in ".?!"
            and len(q.text.split()) >= 2
        )
        if (len(q.text.split()) <= 4 and not opens_paragraph and not after_stop) or embedded:
            q.kind = "partial"


def _only_openers(text: str, begin: int, end: int) -> bool:
    """Whether ``text[begin:end]`` holds only opening marks and spaces (read back from ``end``
    to the first other character, not the whole stretch)."""
    pos = end
    while pos > begin and text[pos - 1] in _OPENERS_AND_SPACE:
        pos -= 1
    return pos == begin


def _reported(text: str, quotes: list[Quote], paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Clauses of reported speech (:mod:`corpuscli.coverage.reported`) outside the quotes."""
    marked = sorted((max(0, q.start - 1), q.end + 1) for q in quotes)
    widgets = _link_widgets(text)
    marked_starts = [a for a, _ in marked]
    quoted = SpanSet((q.start, q.end) for q in quotes)
    by_start = sorted(quotes, key=lambda q: q.start)
    quote_starts = [q.start for q in by_start]
    out = []
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        hits = [h.s for h in verb_hits(text).between(p_start, p_end)]
        para = text[p_start:p_end]
        if "ccording" in para or "s view" in para or " put it" in para or " puts it" in para:
            hits = [p_start, *hits]  # read every sentence of the paragraph
        if not hits or lexicon().headline_line.match(text, p_start, p_end):
            continue  # no verb; or a video's headline ("JUST WATCHED …"): no statement reported
        for s_start, s_end in sentence_spans(text, p_start, p_end):
            k = bisect_left(hits, s_start)
            if (k >= len(hits) or hits[k] >= s_end) and hits[0] != p_start:
                continue  # no speech verb in this sentence
            k = bisect_left(marked_starts, s_end)
            near = [(a, b) for a, b in marked[max(0, k - 8) : k] if b > s_start]
            for r in reports_in(text, s_start, s_end, near):
                if r.speaker is not None and quoted.holds(r.speaker.start):
                    r.speaker = None  # words in quotation marks: "chanting “Death to …”"
                if (
                    r.speaker is not None
                    and (
                        r.verb == "according to"
                        or (r.verb.startswith("report") and r.speaker.start > r.start)
                    )  # "According to the BBC, Lavrov warned …", "Lavrov said …, NHK reported"
                    and _news_source(r.speaker)
                ):
                    r.speaker = _inner_speaker(text, r.start, r.end) or r.speaker
                if r.quoted:  # the quotations inside are the speaker's words
                    for i in starting_within(quote_starts, r.start, r.end + 2):
                        if by_start[i].speaker is None:
                            _set_speaker(by_start[i], r.speaker, r.verb)
                    continue
                if _inside(r.start, widgets):
                    continue  # a link's headline: "Trump says …" in a related-stories widget
                if is_respondent(r.speaker):
                    continue  # "19 percent said …", "Most Americans say …": a poll's finding
                if r.verb != "according to" and is_finding(r.speaker):
                    continue  # "a new survey shows that …": a finding, not speech (the
                    # annotators keep "…, according to a new poll" as an attribution)
                kind = "topic" if r.topic else "indirect"  # a topic: dropped once speakers resolve
                q = Quote(r.start, r.end, text[r.start : r.end], kind, paragraph=p_index)
                _set_speaker(q, r.speaker, r.verb)
                q.verb = r.verb
                out.append(q)
    return out


def _marked(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """The quotes in quotation marks, attributed next to them and classified, titles left out
    (their kinds and texts final: the steps after them only add reported speech, resolve
    speakers and drop scare quotes)."""
    quotes = _direct_quotes(text, paragraphs)
    quotes = sorted(quotes + _single_quotes(text, quotes, paragraphs), key=lambda q: q.start)
    _attribute(text, quotes)
    quotes = _per_paragraph(text, quotes, paragraphs)
    _classify(text, quotes)
    widgets = _link_widgets(text)
    return [q for q in quotes if q.kind != "title" and not _inside(q.start, widgets)]


def _link_widgets(text: str) -> list[tuple[int, int]]:
    """The spans of the runs of link headlines inside paragraphs (data/quotes/link_widgets.txt):
    their quotes and reported speech are headlines'. A pattern is tried only on a text that holds
    the literal the data file gives with it."""
    spans = []
    for literal, pattern in lexicon().link_widgets:
        if literal in text:  # the literal each of its matches holds: a quick test
            spans += [m.span() for m in pattern.finditer(text)]
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def extract_quotes(text: str) -> list[Quote]:
    """Direct, partial and indirect quotes of one article, in text order, speakers resolved.
    A hard-wrapped text (wire copy) is read with its lines joined, offsets unchanged, so that a
    sentence or a name broken over two lines is one; each quote's text is the article's own."""
    flat = unwrapped(text)
    paragraphs = _paragraphs(flat)
    return _own_words(text, flat, _resolved(flat, _marked(flat, paragraphs), paragraphs))


def _own_words(text: str, flat: str, quotes: list[Quote]) -> list[Quote]:
    """``quotes`` found in ``flat`` (:func:`unwrapped` ``text``, the same offsets) with the
    article's own text, line breaks and all."""
    if flat is not text:
        for q in quotes:
            q.text = text[q.start : q.end]
    return quotes


def marked_quotes(text: str, wanted: Callable[[str], bool] | None = None) -> list[tuple[str, str]]:
    """The (kind, text) of the direct and partial quotes :func:`extract_quotes` gives for
    ``text``, in the same order, without the work they do not need (reading the pairs' and
    stories' quote signatures is the use): reported speech is not looked for and speakers are
    not resolved. Whether a short partial quote is a scare quote depends on its resolved
    speaker, so when one might be, the whole extraction runs. ``wanted`` (a quote's text ->
    whether the caller wants it) leaves the other quotes out, and so never runs the whole
    extraction for them: :meth:`~corpuscli.coverage.story_features.QuoteSigner.signature` of
    fewer than three stems is no signature."""
    flat = unwrapped(text)
    paragraphs = _paragraphs(flat)
    quotes = _own_words(text, flat, _marked(flat, paragraphs))
    if wanted is not None:
        quotes = [q for q in quotes if wanted(q.text)]
    if any(_unspoken_fragment(flat, q) for q in quotes):
        quotes = [q for q in extract_quotes(text) if q.kind != "indirect"]
        if wanted is not None:
            quotes = [q for q in quotes if wanted(q.text)]
    else:
        quotes.sort(key=lambda q: q.start)  # as extract_quotes orders them
    return [(q.kind, q.text) for q in quotes]


def _resolved(text: str, quotes: list[Quote], paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """:func:`_marked`'s quotes and the reported speech, speakers resolved, scare quotes left
    out."""
    quotes = sorted(quotes + _reported(text, quotes, paragraphs), key=lambda q: q.start)
    resolve_posts(text, quotes)
    sources = {id(q): (q.speaker_source if q.speaker else "none", q.speaker) for q in quotes}
    resolve_documents(text, quotes)
    resolve_definite(quotes)
    resolve_coordinated_appositive(text, quotes)
    resolve_descriptions(text, quotes)
    resolve_titled(text, quotes)
    resolve_pronouns(text, quotes)
    resolve_it(text, quotes)
    resolve_they(text, quotes)
    resolve_speakers(text, quotes)
    resolve_bodies(text, quotes)
    finish_speakers(text, quotes, sources)
    return [q for q in quotes if q.kind != "topic" and not _scare_quote(text, q)]


def _scare_quote(text: str, q: Quote) -> bool:
    """A fragment in quotation marks that nobody says: no speaker, and no speech verb in its
    sentence ("designated as an “undesirable” organization", "what is known as the “ghost”
    mountain"). Annotators do not count scare quotes and names as quotes."""
    return q.speaker is None and _unspoken_fragment(text, q)


def _unspoken_fragment(text: str, q: Quote) -> bool:
    """A partial quote of three words at most with no speech verb in its sentence: a scare
    quote unless someone says it (its speaker, once resolved)."""
    if q.kind != "partial" or len(q.text.split()) > 3:
        return False
    if _modifier(text, q):
        return True
    start = start_of_sentence(text, q.start)
    end = end_of_sentence(text, q.end)
    hits = verb_hits(text)
    return hits.first(start, max(start, q.start - 1)) is None and (
        hits.first(q.end + 1, max(q.end + 1, end)) is None
    )


#: A determiner or a possessive right before a quote's opening mark: "his “", "Colbert’s “".
_DETERMINED = re.compile(
    r"(?:\b(?:"
    + "|".join(map(re.escape, sorted(lexicon().words("determiners"))))
    + r")|\w['’]s)[ \t]*$",
    re.I,
)
#: A lower-case word right after a quote's closing mark: the noun the quote modifies.
_NOUN_AFTER = re.compile(r"[ \t]+([a-z][a-z-]*)\b")


def _modifier(text: str, q: Quote) -> bool:
    """Whether a short quote modifies the noun after it, a determiner before it: his “hard-hat”
    appeal, a “fact check” link, the “intent” picture (a term in marks, nobody's words)."""
    if not q.text[-1:].isalnum() or q.start < 1 or text[q.start - 1] not in _OPENERS:
        return False
    if q.end >= len(text) or text[q.end] not in _CLOSERS:
        return False
    if not _DETERMINED.search(text, max(0, q.start - 20), q.start - 1):
        return False
    noun = _NOUN_AFTER.match(text, q.end + 1)
    return noun is not None and noun.group(1) not in _NOT_NOUNS


#: Words after a quote that show it is no modifier: prepositions, conjunctions, verbs of being.
_NOT_NOUNS = (
    lexicon().words("prepositions")
    | lexicon().words("conjunctions")
    | lexicon().words("determiners")
    | lexicon().words("not_nouns")
)


#: A batch of articles for a worker: doc_ids, sources, texts.
_Batch = tuple[list[Any], list[Any], list[Any]]
#: The columns of a quote table: the article's doc_id and source, then each quote's.
TABLE_COLUMNS = ("doc_id", "source", *COLUMNS[1:])


def quote_rows(ids: list[Any], sources: list[Any], texts: list[Any]) -> list[tuple[Any, ...]]:
    """The rows of a quote table (:data:`TABLE_COLUMNS`) for articles given as parallel lists
    of doc_ids (or any key the caller maps back), sources and texts; a text that is no string
    has no quotes."""
    rows: list[tuple[Any, ...]] = []
    for doc_id, source, text in zip(ids, sources, texts, strict=True):
        if not isinstance(text, str):
            continue
        outlet = source if isinstance(source, str) else None
        for n, q in enumerate(extract_quotes(text), start=1):
            rows.append((doc_id, outlet, n, q.speaker, q.verb, q.kind, q.text, q.start, q.end,
                         q.speaker_text, q.speaker_source, q.confidence))  # fmt: skip
    return rows


def _batch_rows(batch: _Batch) -> list[tuple[Any, ...]]:
    return quote_rows(*batch)


def quote_table(rows: list[tuple[Any, ...]], speaker: str | None = None) -> pd.DataFrame:
    """A quote table from its rows; ``speaker`` keeps the quotes whose speaker contains it
    (case-insensitive)."""
    out = pd.DataFrame(rows, columns=list(TABLE_COLUMNS))
    if speaker:
        mask = out["speaker"].fillna("").str.contains(re.escape(speaker), case=False, regex=True)
        out = out[mask].reset_index(drop=True)
    return out


def quotes_frame(
    corpus: pd.DataFrame | Iterable[pd.DataFrame],
    *,
    speaker: str | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """Every quote of every article: doc_id, source, quote_id, speaker, verb, kind, text, start,
    end, speaker_text, speaker_source, confidence. ``speaker`` keeps the quotes whose speaker
    contains it (case-insensitive): "Putin" finds "Vladimir Putin" and "President Vladimir
    Putin", and the pronouns resolved to them. ``progress`` is told the articles read (step
    ``quotes``; see :mod:`corpuscli.progress`)."""
    from corpuscli.engine.parallel import run_batches

    def batches() -> Iterator[_Batch]:
        for frame in [corpus] if isinstance(corpus, pd.DataFrame) else corpus:
            ids = frame["doc_id"].tolist()
            sources = frame["source"].tolist() if "source" in frame.columns else [None] * len(frame)
            texts = frame["text"].tolist()
            for i in range(0, len(ids), 500):
                yield ids[i : i + 500], sources[i : i + 500], texts[i : i + 500]

    rows: list[tuple[Any, ...]] = []
    total = len(corpus) if isinstance(corpus, pd.DataFrame) else 0
    for part in tracked(
        lambda parts: run_batches(_batch_rows, parts, jobs=jobs), batches(), progress,
        step="quotes", total=total, size=lambda batch: len(batch[0]),
    ):  # fmt: skip
        rows.extend(part)
    return quote_table(rows, speaker)
