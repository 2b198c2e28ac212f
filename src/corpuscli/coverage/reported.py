"""Reported speech without quotation marks: the clause a speech verb reports, and who speaks.

A sentence may hold several attributions; each speech verb (a data file's list,
:mod:`corpuscli.coverage.lexicon`) is read in one of these ways:

- subject first: ``Mr. Macron emphasized that …``, ``Netanyahu, in an address televised across
  Israel, said Iran lied …``, ``The Russian President also added that …``, ``When asked about
  …, Trump said that …``: the reported clause is what follows the verb (after an addressee for
  "told"/"assured" and after any circumstance: "said on Thursday during his annual press
  conference that …"), up to the next attribution in the sentence;
- at the end: ``Part of the effort was to benefit Trump, the agencies said.``, ``…, President
  Vladimir Putin said during a press conference.``, ``…, says Director Joseph Clancy``: the clause
  is what comes before the subject's comma;
- a participle: ``…, adding that …``, ``…, saying …``: the speaker is the clause's subject;
- ``according to X, …`` / ``…, according to X``; ``X's view is that …``; ``as X put it, …``.

A verb only reports speech when its complement fits its class: any clause for "said"; "that" or
a subject and a verb for "denied" (not "denied the charges"); anything for "called for".
The clause must not hold a quotation that is most of it (the quoted words are the quote).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from .lexicon import lexicon
from .quote_patterns import Hit, verb_hits
from .speaker_phrase import (
    PREPOSITIONS,
    PRONOUNS,
    Mention,
    mask_abbreviations,
    parse_after,
    parse_phrase,
    parse_subject,
    role_of,
)


@dataclass
class Report:
    start: int  # the reported clause, offsets into the text
    end: int
    speaker: Mention | None
    verb: str
    quoted: bool = False  # the clause holds a quotation: its speaker is the quotation's
    topic: bool = False  # "spoke of the difficulty …", a request: no statement, but one spoke


#: Words after which a speaker's name goes on with what it is about ("a study by …", "polls in
#: swing states").
_FINDING_CUT = re.compile(
    r"[ \t]+(?:" + "|".join(sorted(lexicon().words("finding_cut"))) + r")\b"
)  # the ``finding_cut`` of ``data/quotes/function_words.tsv``
#: Heads of what "according to" cites that is evidence or a finding when the phrase names nobody
#: ("according to the scenario", "according to footage").
_EVIDENCE = lexicon().words("evidence")


def _cites_evidence(phrase: str) -> bool:
    """Whether ``phrase`` (what "according to" cites) is evidence or a finding that names nobody:
    its head, before what it is about ("footage taken by …", "data analyzed by the center"), is
    among the ``evidence`` of ``data/quotes/function_words.tsv`` and none of its words is
    capitalised, nor of its author after "by", "from" or "of" ("research by the Licensed Taxi
    Drivers Association" speaks for its authors; "photographs showing Kim Jong-un" do not), or
    it is data ("figures", "statistics": the role ``data`` of ``roles.txt``)."""
    cut = _FINDING_CUT.search(phrase)
    words = (phrase[: cut.start()] if cut else phrase).split()
    if not words:
        return False
    head = words[-1].lower().strip(",.’'")
    author = (
        phrase[cut.end() :].split() if cut and cut.group(0).strip() in ("by", "from", "of") else []
    )
    named = any(w[:1].isupper() for w in words + author)
    return (head in _EVIDENCE and not named) or role_of([head]) == "data"


def is_finding(who: Mention | None) -> bool:
    """Whether ``who`` is a poll or a study (its head among the ``findings`` of
    ``data/quotes/function_words.tsv``): what it shows is a finding, not reported speech — the
    annotators' guidelines leave poll and study findings out ("a new survey shows that …",
    "exit polls suggest …")."""
    if who is None:
        return False
    phrase = _FINDING_CUT.split(who.name or who.text, maxsplit=1)[0].split()
    return bool(phrase) and phrase[-1].lower().strip(",.’'") in lexicon().words("findings")


def is_respondent(who: Mention | None) -> bool:
    """Whether ``who`` is a share of people polled or people in general ("19 percent", "most
    Americans", "a majority of voters", "those surveyed"; the ``respondents`` and
    ``respondent_quantifiers`` of ``data/quotes/function_words.tsv``): what they "say" is a
    poll's finding or a generalisation, which the annotators' guidelines leave out."""
    if who is None or who.source == "pronoun":
        return False
    words = [w.lower().strip(",.’'") for w in who.text.replace("%", " % ").split()]
    lex = lexicon()
    return bool(words) and (
        words[0] in lex.words("respondent_quantifiers")
        or any(w in lex.words("respondents") for w in words)
    )


#: Where a clause starts, looking back from a verb.
_BOUNDARY = re.compile(
    r"(?:[;:(“”\"«»]|[ \t][—–-]+[ \t]|\b(?:and|but|while|whereas|because|although|though|as|if|"
    r"which|who|whom|what|where|when|after|before|since|that|than|so|yet|or|While|Whereas|"
    r"Because|Although|Though|As|If|When|After|Before|Since)\b)"
)
_CONJ_BEFORE = re.compile(
    r"(?:,?[ \t]*\b(?:and|but|while|then|or)(?:[ \t]+(?:also|later|then))?[ \t]*)$"
)
#: A coordinating conjunction right before a verb (adverbs set aside): "and said", "but has
#: since insisted", "yet said".
#: "quoted X as" before "saying": X speaks.
_QUOTED_AS = re.compile(r"\bquot(?:ed|es|ing)[ \t]+(?P<who>[^,;:.“”\"]{2,80}?)[ \t]+as[ \t]+$")
#: A definite description that is all of a verb's subject: "the former independent counsel".
_DESCRIPTION = re.compile(r"(?<![\w’'-])[Tt]he(?:[ \t]+[a-z][\w-]*){1,4}[ \t]*$")
#: Capitalised words that end a stretch of text: a name ("North Korea", "Mr. Putin").
_TRAILING_NAME = re.compile(r"(?<![\w’'.-])[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,4}$")
#: A name and "of" or "from" right before another name ("Amy Klobuchar of | Minnesota").
_NAME_OF = re.compile(
    r"(?<![\w’'.-])([A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,4})[ \t]+(?:of|from)[ \t]+$"
)
_COORDINATED = re.compile(r"(?:^|[ \t,])(?:and|but|yet|or|then)[ \t]*$")
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|did|does|do|"
    r"won['’]t|wouldn['’]t|isn['’]t|wasn['’]t|aren['’]t|weren['’]t|hasn['’]t|haven['’]t|"
    r"hadn['’]t|didn['’]t|doesn['’]t|don['’]t|can['’]t|couldn['’]t|shouldn['’]t|needs?|wants?|"
    r"plans?|remains?|seems?|appears?|intends?|knows?|believes?|thinks?|feels?|supports?|"
    r"opposes?|hopes?|expects?|agrees?|continues?)\b|\b[a-z]+ed\b|['’](?:s|re|ll|ve|d)\b"
)
_ACCORDING = re.compile(r"\b[Aa]ccording[ \t]+to[ \t]+")
_PUT_IT = re.compile(r"\b[Aa]s[ \t]+(?P<who>[^,.;:]{2,60}?)[ \t]+puts?[ \t]+it\b[ \t]*,?")
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}


def _noun_pattern() -> re.Pattern[str]:
    nouns = "|".join(sorted(lexicon().speech_nouns, key=len, reverse=True))
    return re.compile(
        r"(?P<who>\b(?:his|her|their|its|His|Her|Their|Its)|[A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,3}"
        r"['’]s)[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}?(?P<noun>" + nouns + r")(?:[ \t]+(?:is|was))?"
        r"[ \t]+that[ \t]+"
    )


def _phrasal_pattern() -> re.Pattern[str]:
    """A verb and a noun of speech that report together: "repeated his vow to", "made a case
    that", "issued a warning that", "renewed calls for" (the verbs and nouns are data)."""
    lex = lexicon()
    nouns = "|".join(sorted(lex.speech_nouns | lex.phrasal_nouns, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w'’-])(?:{lex.light_verbs_alternation()})[ \t]+"
        r"(?:(?:his|her|their|its|a|an|the|this|that|fresh|new|earlier|renewed)[ \t]+)?"
        rf"(?:[a-z][\w-]*[ \t]+){{0,2}}?(?P<noun>{nouns})[ \t]+(?P<link>that|to|for)[ \t]+"
        r"(?P<next>[\w’'-]+)"
    )


#: The two patterns, compiled once at import rather than on first use in each worker process
#: (a forked worker has them from its parent).
_NOUN_REPORT = _noun_pattern()
_PHRASAL_REPORT = _phrasal_pattern()


_SUBJECT_PRONOUN = lexicon().words("subject_pronouns")
#: Nouns of speech that report with "for": "renewed calls for", "made a plea for".
_FOR_NOUNS = lexicon().words("for_nouns")
#: Words a clause's subject does not start with, and that stand before no finite verb of one.
_NOT_SUBJECT = lexicon().words("not_subject")
_MODIFIER = lexicon().words("modifiers") | _NOT_SUBJECT


def _is_finite(word: str, previous: str) -> bool:
    w = word.lower().strip(",.;:!?")
    if _FINITE_WORD.fullmatch(w):
        if _BARE_VERB.fullmatch(w):  # "they plan", "officials need"; not "a nationwide plan"
            p = previous.lower().strip(",")
            return p in ("i", "we", "you", "they") or (p.endswith("s") and p not in _MODIFIER)
        return True
    return (
        w.endswith("ed")
        and len(w) > 4
        and previous.lower() not in _MODIFIER
        and not word[:1].isupper()  # a name: "the United States", "Missing and Murdered …"
    )


#: Verbs whose plain form is also a noun ("plan", "need", "hope", "stand", "win").
_BARE_VERB = re.compile(
    r"need|want|plan|remain|seem|appear|intend|know|believe|think|feel|support|oppose|hope|"
    r"expect|agree|continue|lack|face|pose|owe|hold|stand|include|require|mean|win|lose"
)


_FINITE_WORD = re.compile(
    r"is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|did|does|do|"
    r"\w+n['’]t|needs?|wants?|plans?|remains?|seems?|appears?|intends?|knows?|believes?|"
    r"thinks?|feels?|supports?|opposes?|hopes?|expects?|agrees?|continues?|lacks?|faces?|"
    r"poses?|owes?|holds?|stands?|includes?|requires?|means?|wins?|loses?|lied|knew|made|"
    r"took|gave|saw|went|came|began|became|left|kept|held|felt|told|said|thought|found|won|"
    r"lost|met|paid|sent|spent|brought|bought|fought|led|ran|sought|struck|stood|understood"
)


#: A word with full stops that does not end a sentence: "U.S.", "Gen.", "St."
_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Z][a-z]{0,3}\.")


def _clause_like(text: str) -> bool:
    """Whether ``text`` (a verb's complement, circumstance skipped) reads as a clause: "that
    …", or a subject of a few words followed by a finite verb ("Iran lied", "he will quit",
    "the group had been defeated", "all the states have been asked")."""
    words = text.split(None, 12)[:12]  # the first words only: a clause may be long
    if not words:
        return False
    first = words[0].lower().strip(",")
    if first == "that":
        return _that_opens_clause(text.split(None, 1)[1] if len(words) > 1 else "")
    if first in _NOT_SUBJECT or first in _NOT_OPENERS or _FINITE_WORD.fullmatch(first):
        return False  # "to …", "will go on": no subject
    if first in _SUBJECT_PRONOUN and not (len(words) > 2 and words[1].lower() == "and"):
        # "it hit", "they cannot", "he also wants": after a pronoun, a verb or an adverb ("he
        # and the president met": a joint subject, read on)
        second = words[1].lower() if len(words) > 1 else ""
        return bool(second) and second[:1].isalpha() and second not in _NOT_VERB_AFTER_PRONOUN
    if _speech_noun(first) and any(
        w.lower() in _OBJECT_PARTICIPLES for w in words[1:3]
    ):  # "reiterated remarks made last week", "repeated comments he made": an object
        return False
    for i, w in enumerate(words[1:8], start=1):
        if w[-1:] in ".;:!?" and not _ABBREVIATION.fullmatch(w):
            return False  # the clause ended before a verb ("U.S." does not end one)
        if (
            words[i - 1].endswith(",")
            and (
                w[:1].isupper()
                or w.lower() in _DETERMINERS
                or w.lower() in _SUBJECT_PRONOUN
                or (
                    w.lower() in _ASIDE_SUBORDINATORS
                    # "Mr. Obama, as a former Democratic senator, could help": a preposition
                    and not (
                        w.lower() == "as"
                        and words[i + 1 : i + 2]
                        and words[i + 1].lower() in _DETERMINERS
                    )
                )
            )
        ):
            return (
                False  # "no agreement, Mr. Macron said …", "most of …, there are": another clause
            )
        if _is_finite(w, words[i - 1]):
            # a verb right after "and" is a second predicate of the sentence's subject ("wrote
            # the opinion of the court and said …"), not the verb of a clause
            return words[i - 1].lower() not in _COORDINATORS
    return False


#: Subordinators that open an aside after a comma ("denied any collusion, as he has many times
#: before, …"): the words before them were no clause's subject.
_ASIDE_SUBORDINATORS = lexicon().words("aside_subordinators")


#: Participles that make a speech noun before them a verb's object ("remarks made …").
_OBJECT_PARTICIPLES = lexicon().words("object_participles")


def _speech_noun(word: str) -> bool:
    """Whether ``word`` is a noun of speech, or its plural ("remarks", "claims")."""
    nouns = lexicon().speech_nouns
    return word in nouns or (word.endswith("s") and word[:-1] in nouns)


#: A verb's clitic ("could’ve", "wouldn't", "they’d").
_CLITIC_VERB = re.compile(r"\w(?:['’](?:ve|d|ll|re)|n['’]t)\b", re.I)


def _verb_after_that(word: str, rest: str) -> bool:
    """Whether ``word``, right after "said that", is a verb whose subject "that" is ("said
    that is not the case", "said that amounted to an endorsement", "said that represents a
    failing"); ``rest`` is the text from ``word`` on."""
    bare = word.lower().rstrip(".,;:!?")
    return bool(
        _FINITE_WORD.fullmatch(bare)
        or ("-" not in bare and _is_finite(word, "that") and not _adjective(rest.split()[:8]))
        or (len(bare) > 3 and word[:1].islower() and bare.endswith("s") and not bare.endswith("ss"))
    )


def _adjective(words: list[str]) -> bool:
    """Whether the first of ``words``, a word in -ed, is an adjective of a subject whose finite
    verb follows ("undocumented immigrants should …", "targeted attacks of this kind are …"),
    not the verb of a relative clause ("allowed Republicans to take over")."""
    first = words[0].lower() if words else ""
    if not first.endswith("ed") or _FINITE_WORD.fullmatch(first):
        return False
    for i, w in enumerate(words[1:8], start=1):
        previous = words[i - 1].lower()
        verb = (
            _is_finite(w, previous)
            and previous not in _COORDINATORS | {"to"}
            and not previous.endswith(("'s", "’s"))  # "the website’s failed rollout"
        )
        if verb or w[-1:] in ".;:!?":
            return verb
    return False


#: Marks that open a quotation.
_QUOTE_OPENERS = "“\"«‘'"
#: Conjunctions that coordinate two predicates ("… and said", "… or gave").
_COORDINATORS = {"and", "or", "but"}


def _that_opens_clause(after: str) -> bool:
    """Whether the words ``after`` a "that" make it open a clause ("that he would go", "that,
    while …, no one should assume …"), rather than make it a determiner ("confirmed that video
    as authentic") or a relative pronoun ("a provision that reduces benefits"): a subject, then
    a finite verb among the first words of the sentence."""
    if after[:1] == ",":
        return True  # "that, while at the trial's start she would …"
    words = after.split(None, 14)[:14]
    if not words:
        return False
    first = words[0].lower().strip(",")
    if first in _SUBJECT_PRONOUN:
        return True
    if first in _MODAL_WORDS or (
        "-" not in first and _is_finite(words[0], "that") and not _adjective(words)
    ):
        # "that could mean …", "victories that allowed Republicans to …": a relative clause;
        # not "that undocumented immigrants should have …", whose first word is an adjective
        return False
    for i, w in enumerate(words[:7]):
        if w[:1] in _QUOTE_OPENERS:
            return True  # that Iraq “remains largely offline”: the quotation's clause
        if i and _is_finite(w, words[i - 1]) and words[i - 1].lower() not in _COORDINATORS:
            return True
        if i and _CLITIC_VERB.search(w):
            return True  # "the shooting could’ve been stopped"
        bare = w.rstrip(".,;:!?")
        if (
            i
            and len(bare) > 3
            and bare[:1].islower()
            and bare.endswith("s")
            and not bare.endswith("ss")
            and words[i - 1].lower() not in _DETERMINERS
            and bare not in _FUNCTION_END
        ):
            return True  # "Mr. Obama maintains a razor-thin edge": a verb in -s, maybe
        if w[-1:] in ".;:!?" and not _ABBREVIATION.fullmatch(w):
            return False  # "that video as authentic.": a noun phrase, then the sentence ends
    return True


def _quotation_apart(before: str, quotation: str) -> bool:
    """Whether a quotation stands apart from the reported clause before it, as a statement of
    its own (", which read, “The North will …”", "… from Syria “because I saw …”"), rather
    than finishing its phrase ("with a “proven history of …”", "would represent “the relapse
    …”"): the clause ends with a comma or a colon, or it ends with no function word and the
    quotation opens with a capital, a pronoun or a conjunction."""
    if before.rstrip()[-1:] in ",:":
        return True
    words = before.split()
    first = quotation.split()[0] if quotation.split() else ""
    return (
        bool(words)
        and words[-1].lower() not in _FUNCTION_END
        and (first[:1].isupper() or first.lower() in _CLAUSE_OPENERS)
    )


def _subject_like(words: str) -> bool:
    """Whether ``words`` (before a speech verb, after a conjunction or a comma) can be the verb's
    subject: a pronoun or a noun phrase of up to five words, once the conjunctions before it
    and the auxiliaries and adverbs after it are set aside ("which he", "he had", "U.S.
    officials", "an Islamic State-affiliated site"); not a verb phrase ("then cheated by
    failing to"), an auxiliary alone ("had") nor two noun phrases ("a charge the group": the
    verb's object is elsewhere)."""
    parts = _TRAILING_TIME.sub("", _strip_adverbs(words)).split()  # "authorities on Saturday"
    while parts and parts[0].lower() in _CONJUNCTIONS:
        parts = parts[1:]
    if not parts or len(parts) > 5 or parts[-1].lower() in _DETERMINERS:
        return False
    if any(w.lower() in _DETERMINERS for w in parts[1:]):
        return False
    return not any(
        w.lower() in PREPOSITIONS or w.lower() == "to" or w.endswith("ing")
        or _FINITE_WORD.fullmatch(w.lower())
        for w in parts
    )  # fmt: skip


def _has_finite(text: str) -> bool:
    """Whether one of the first six words of ``text`` is a finite verb."""
    words = text.split()[:6]
    return any(_is_finite(w, words[i - 1] if i else "") for i, w in enumerate(words))


#: A "that" that opens a reported clause.
_THAT = re.compile(r"(?:^|[ \t,])that[ \t]+")


#: Punctuation before a "that" (it then opens no complement).
_PUNCTUATION = re.compile(r"[,;:.!?“”\"«»]")
#: Punctuation that circumstance between a verb and its "that" never holds (commas and an
#: abbreviation's full stop it may: "on Tuesday, Nov. 3, that").
_QUOTE_OR_STOP = re.compile(r"[;:!?“”\"«»]|\.(?=[ \t]+[a-z])")


#: An object, then "to" and a verb, before any punctuation or "that" ("them to do more", "the
#: Syrian government to take over"): what a directive asks someone to do.
_OBJECT_TO = re.compile(
    r"[ \t]*(?:(?!that\b)[\w’'.-]+[ \t]+){1,10}?to[ \t]+(?!(?:the|a|an|his|her|their|its)\b)[a-z]"
)
#: A gerund, an adverb before it maybe ("ordering", "not consulting", "repeatedly lying").
_GERUND = re.compile(r"(?:[a-z]+ly[ \t]+|not[ \t]+)?[a-z]+ing\b")
#: An object, then "of" and a gerund ("Iran of destabilizing the Middle East").
_OF_GERUND = re.compile(
    r"[ \t]*(?:[\w’'.-]+[ \t]+){1,8}?of[ \t]+(?:[a-z]+ly[ \t]+|not[ \t]+)?[a-z]+ing\b"
)
#: Verbs that report an act only in a gerund after "of" (``gerund_after_of``).
_GERUND_AFTER_OF = lexicon().words("gerund_after_of")
#: The first words of directive verbs (``directives`` in ``data/quotes/function_words.tsv``).
_DIRECTIVES = lexicon().words("directives")
#: Nouns whose "that" clause is theirs ("the belief that …"), and gerunds of thought.
_COMPLEMENT_NOUNS = lexicon().words("complement_nouns")
_DISPUTING = lexicon().words("disputing")
_THOUGHT_GERUNDS = lexicon().words("thought_gerunds")
#: What opens the clause a "topic" verb reports ("talked about how …"): ``topic_clause``.
_TOPIC_CLAUSE_OPENERS = lexicon().words("topic_clause")
#: "by" after a verb's form, not before a means of saying ("said by phone", "replied by
#: noting"): a passive participle ("the expert, called on by tribes"), which reports nothing.
_BY_AGENT = re.compile(
    r"[ \t]+(?:[a-z]+ly[ \t]+)?by[ \t]+(?![a-z]+ing\b)(?!(?:"
    + "|".join(sorted(lexicon().words("by_means")))
    + r")\b)"
)
#: Words an "any" verb's complement does not open with: "asked not to be identified".
_NOT_COMPLEMENT = lexicon().words("not_complement")
#: Words that open a time, not a reported clause, after a verb ("warned when he was …").
_TIME_OPENERS = lexicon().words("time_openers")


#: How many characters after a verb :func:`_complement_start` reads.
_COMPLEMENT_WINDOW = 600

#: A word in -ed next.
_ED_WORD = re.compile(r"[ \t]*[a-z]+ed\b")


def _complement_start(
    text: str,
    pos: int,
    end: int,
    kind: str,
    directive: bool = False,
    gerund_of: bool = False,
    disputing: bool = False,
) -> int | None:
    """Where the reported clause after a verb (ending at ``pos``) starts, or None when what
    follows is not one that the verb's class takes. A ``directive`` verb ("urged", "asked",
    "called on") reports no request of someone to do something ("urged voters to defeat it"):
    a directive is no statement (the annotators' guidelines leave directives and commitments
    out, as they leave "vowed to …" and "pledged to …"). A ``gerund_of`` verb ("accused")
    reports only an act in a gerund after "of" ("accused Iran of arming the rebels"), not a
    charge in a noun ("accused him of desertion")."""
    end = min(end, pos + _COMPLEMENT_WINDOW)  # its first words decide (a run-on sentence's
    # rest, once per verb, took quadratic time)
    rest = text[pos:end]
    if rest.lstrip(" \t:,")[:1] in "“\"«‘'" and rest.strip(" \t:,“\"«‘'"):
        return pos + len(rest) - len(rest.lstrip(" \t:,"))  # saying “…”: the quotation's speaker
    if not rest.strip(" \t,.;:!?") or rest.lstrip(" \t")[:1] in ",;:—–(.!?":
        return None  # ("said.CreditMichael …": a stop glued to a caption's credit ends it)
    if rest.split(None, 1)[0].lower() in _NOT_OPENERS:
        return None  # "reports which cited …", "what he said and is willing …": no clause
    if rest.split(None, 1)[0].lower() in _TIME_OPENERS and not _THAT.search(rest[:160]):
        return None  # "…,” Trump warned when he was on the campaign trail: a time, no clause
    if directive and kind == "any" and _OBJECT_TO.match(rest):
        return None  # "urged Judge Orrick … to find the order unconstitutional"
    # "that" within the first words, after circumstance or an addressee: start after it
    m = _THAT.search(rest[:160])
    before_that = rest[: m.start()].split() if m else []
    if (
        m
        and len(before_that) <= 12
        # commas only inside circumstance: "said on Twitter Sunday, July 21, that …"
        and (
            not _PUNCTUATION.search(rest[: m.start()])
            or (
                not _QUOTE_OR_STOP.search(rest[: m.start()])
                and lexicon().circumstance.fullmatch(rest[: m.start()]) is not None
            )
        )
        and not _clause_like(rest[: m.start()])
        # "added to that urgency", "vow to reverse a provision that …": "that" is no
        # complementizer after a preposition, nor inside an infinitive
        and not (before_that and before_that[-1].lower() in PREPOSITIONS | {"to"})
        and not (kind in ("promise", "commit") and before_that and before_that[0].lower() == "to")
    ):
        if (
            before_that
            and kind not in ("say", "object")
            and not disputing  # "dismissed the notion that …" disputes what it names
            and before_that[-1].lower().strip(",") in _COMPLEMENT_NOUNS
        ):
            return None  # "confirms the belief that …": the clause is the noun's, not the verb's
        after_that = rest[m.end() :]
        if _that_opens_clause(after_that):
            return pos + m.end()
        first_after = after_that.split(None, 1)[:1]
        if not before_that and first_after and _verb_after_that(first_after[0], after_that):
            return pos + m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t,"))
            # "said that is not the case": "that" is the clause's subject
        if (
            before_that
            and first_after
            and (_is_finite(first_after[0], "that") or first_after[0].lower() in _MODAL_WORDS)
            and first_after[0].lower() not in lexicon().verb_class
        ):
            return None  # "blamed the ban for the victories that allowed …": a relative clause
    skip = 0
    if kind == "object":  # the addressee: "told reporters", "told the Richmond Times-Dispatch"
        addressee = _ADDRESSEE.match(rest)
        if addressee:
            skip = addressee.end()
            after = rest[skip:].split(None, 1)[:1]
            if after and _FINITE_WORD.fullmatch(after[0].lower()):
                return None  # "the metrics it once told people had immense value": a relative
                # clause's gap; the addressee is no subject
    circ = lexicon().circumstance.match(rest, skip)
    if circ:
        if circ.group(0).rstrip(" \t").endswith(","):
            return None  # "said on Monday, will go on": the attribution stands aside
        skip = circ.end()
    tail = rest[skip:]
    lead = len(tail) - len(tail.lstrip(" \t,"))
    if not tail.strip(" \t,.;:!?") or tail.lstrip(" \t")[:1] in ',;:—–(“"«‘':
        return None
    if kind == "topic":  # "talked about how …" reports; "talked about their son" is a topic
        opening = tail.split(None, 2)[:2]
        wh_clause = (
            len(opening) == 2
            and opening[0].lower() in _TOPIC_CLAUSE_OPENERS
            and opening[1].lower() not in ("to", "many", "much")
        )
        return pos + skip + lead if wh_clause and _words_at_least(tail, 4) else None
    if kind in ("any", "names", "manner"):
        if tail.split(None, 1)[0].lower() in PREPOSITIONS | _NOT_COMPLEMENT:
            # "a businessman accused of laundering …": a passive, no speech; "asked through an
            # interpreter", "asked not to be identified": no request reported
            return None
        if directive and _OBJECT_TO.match(tail):
            return None  # "urged Judge Orrick … to find the order unconstitutional"
        if gerund_of and not _OF_GERUND.match(tail):
            return None  # "accused him of desertion": a charge; "accused Iran of arming …" reports
        if directive and kind == "any" and tail.split(None, 1)[0].lower() in _QUESTION_WORDS:
            return None  # "demanded how Andrew could be so sure": a question, no statement
        return pos + skip + lead
    if kind == "say":
        raw = tail.split(None, 1)[0]
        first = raw.lower() if not raw.isupper() or len(raw) == 1 else raw  # "US" is no "us"
        if (
            raw == "no"
            and len(tail.split(None, 3)) >= 3
            and tail.split(None, 2)[1] not in _NOT_SUBJECT | _CONJUNCTIONS
            and _clause_like(tail)
        ):
            return pos + skip + lead  # "said no payment was made"; not "said no." nor "no to"
        if first in _NOT_SUBJECT or first in ("so", "nothing", "something", "yes", "no", "who"):
            return None
        if first == "it" and not _clause_like(tail):
            return None
        if len(tail.split(None, 3)) >= 3 and (
            _clause_like(tail)
            or first in _SUBJECT_PRONOUN
            # a clause whose verb the rules do not know ("said the deal provides …")
            or (not _ED_WORD.match(tail) and first != "that")
        ):
            return pos + skip + lead
        return None
    if _clause_like(tail):
        return pos + skip + lead
    first = tail.split(None, 1)[0].lower()  # the first word only: the rest may be long
    after_to = tail.split(None, 2)[1].lower() if len(tail.split(None, 2)) > 1 else ""
    if (kind == "promise" and first == "to" and after_to not in _DETERMINERS) or (
        kind == "clause"
        and (first.endswith("ing") or _ADVERB_GERUND.match(tail) is not None)
        and first not in _THOUGHT_GERUNDS  # "recalls thinking at the time": a thought
    ):
        # "claimed to have …", "denied meddling …"; not "pledged to restore …" (a "commit"
        # verb: a commitment is no statement, the annotators' guidelines leave it out)
        return pos + skip + lead
    return None


#: Plural nouns of people that stand alone as the one told ("told people …"): ``addressees``.
_ADDRESSEES = "|".join(sorted(lexicon().words("addressees")))
_ADDRESSEE = re.compile(
    r"[ \t]*(?:(?:him|her|them|us|me|reporters|journalists|lawmakers|supporters|voters|"
    + _ADDRESSEES
    + r"|"
    r"(?:the|a|an|his|her|their|its)(?:[ \t]+[\w’'.-]+){1,4}?(?=[ \t]+(?:that|on|in|at|he|she|"
    r"they|it|the|during|late|last|this|[A-Z]))|[A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*)*"
    r"(?:[ \t]+(?:from|of)[ \t]+(?:his|her|their|the)[ \t]+[\w-]+(?:[ \t]+[\w-]+)?)?)(?=[ \t,]|$))"
)


def _clause_end(text: str, start: int, end: int) -> int:
    """Where a reported clause that starts at ``start`` ends: the sentence's end, or the next
    attribution of its own (", adding that", "and said", ", the official said", "but U.S. officials say").
    A passive ("and been told"), a verb of judgement ("he and Trump condemned the attack") and
    a subject of a word or two left alone are no attribution of their own."""
    stop = end
    verbs = lexicon().verb_class
    # the next _CLAUSE_VERBS verbs, and the last 200 characters before each: a run-on sentence of
    # many verbs, each read from the clause's start, took quadratic time
    for m in _verbs_in(text, start, stop, _CLAUSE_VERBS):
        base = max(start, m.start() - 200)
        before = text[base : m.start()]
        if before.rstrip(" \t").endswith(",") and m.group(0).endswith("ing"):
            stop = base + len(before.rstrip(" \t,"))
            break
        sub = _SUBORDINATE_PARTICIPLE.search(before[-40:]) if m.group(0).endswith("ing") else None
        if sub is not None and _three_words(
            text, start, m.start() - len(before[-40:]) + sub.start()
        ):
            # "… took part in the attack after previously saying that …": an attribution of its own
            stop = m.start() - len(before[-40:]) + sub.start()
            break
        last = before[-12:].split()[-1:]
        if (
            last in _PASSIVE
            or last == ["to"]
            or (last and last[0].lower() in _DETERMINERS)
            or verbs.get(" ".join(m.group(0).split())) in ("names", "manner")
        ):
            continue  # "been told", "failing to reveal", "an agreed period", "condemned"
        if _RESTRICTIVE_RELATIVE.search(before[-24:]):
            continue  # "… particularly those who called for …": a relative clause of the clause
        conj = _CONJ_BEFORE.search(before[-24:])
        if conj:
            stop = m.start() - len(before[-24:]) + conj.start()
            break
        sub = _SUBORDINATE_BEFORE.search(before[-70:])
        if sub and not m.group(0).endswith("ing") and _subject_like(sub.group("subject")):
            # "… requests that he finally turned down because he said …": a clause of its own
            cut = m.start() - len(before[-70:]) + sub.start()
            if _three_words(text, start, cut):
                stop = cut
                break
    cited = _ACCORDING_AFTER.search(text, start, min(stop, start + _WORDS_WINDOW))
    if cited is not None and _three_words(text, start, cited.start()):
        stop = cited.start()  # "…, according to CNN": an attribution of its own
    matrix = _MATRIX_PREDICATE.search(text, start, min(stop, start + 600))
    if matrix is not None and len(text[start : matrix.start()].split()) >= 3:
        stop = matrix.start()  # "…, but also has made positive comments": the speaker's own act
    while stop > start and text[stop - 1] in " \t.,;:!?":
        stop -= 1
    return stop


#: ", according to" after a clause: its source, an attribution of its own.
_ACCORDING_AFTER = re.compile(r",[ \t]+according[ \t]+to\b")

#: A restrictive relative pronoun right before a verb, no comma before it ("those who called").
_RESTRICTIVE_RELATIVE = re.compile(r"[\w’'][ \t]+(?:who|that)(?:[ \t]+[a-z]+ly)?[ \t]+$")

#: How far before a verb its subject is sought when no clause boundary comes nearer.
_SUBJECT_REACH = 400


def _within_reach(text: str, clause_start: int, verb: int) -> int:
    """``clause_start``, or, when it lies more than :data:`_SUBJECT_REACH` characters before the
    verb at ``verb`` (a run-on sentence with no clause boundary), the first word within reach:
    a subject is read in the words before its verb, and reading the whole stretch once per verb
    took quadratic time."""
    if verb - clause_start <= _SUBJECT_REACH:
        return clause_start
    space = text.find(" ", verb - _SUBJECT_REACH, verb)
    return space + 1 if space >= 0 else clause_start


def _verbs_in(text: str, start: int, end: int, limit: int) -> list[Hit]:
    """The first ``limit`` speech verbs that lie within ``text[start:end]``, in order (a list of
    every verb to a run-on sentence's end, asked once per verb, took quadratic time)."""
    hits = verb_hits(text)
    i = bisect_left(hits.starts, start)
    j = bisect_left(hits.starts, end, i, min(len(hits.starts), i + limit))
    return [h for h in hits.hits[i:j] if h.e <= end]


#: The most speech verbs after a reported clause's start that may end it (a sentence rarely
#: holds ten).
_CLAUSE_VERBS = 60


def _three_words(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds three words or more, read from its end."""
    if end - start > 300 and len(text[end - 300 : end].split()) >= 4:
        return True  # (the first word of the window may be a word's end)
    return len(text[start:end].split()) >= 3


#: A predicate with no subject after a comma and a conjunction ("…, and didn't specify a figure",
#: "…, but also has made …"): it goes with the speaker, not with what the speaker said.
_MATRIX_PREDICATE = re.compile(
    r",[ \t]+(?:and|but|yet)[ \t]+(?:also[ \t]+|then[ \t]+|later[ \t]+)?(?:has|have|had|did|"
    r"didn['’]t|does|doesn['’]t|declined|refused|added|said|offered|gave|provided)\b"
)


#: A participle that opens a sentence ("Speaking", "Asked").
_CAPITAL_PARTICIPLE = re.compile(r"[A-Z][a-z]+(?:ing|ed)")


def sentence_subject(text: str, start: int, end: int) -> Mention | None:
    """The subject of a clause (for a participle: "Trump …, saying …"; "Biden, on Wednesday,
    reflected on …, saying …"; "However, at a press conference later, Mr Trump struck a warmer
    tone, stressing …"): the first comma-separated part that does not open with a circumstance
    and names someone."""
    lex = lexicon()
    pos = start
    for part in text[start : min(end, start + 300)].split(",")[:4]:
        words = part.split()
        opener = (
            _FRONTED.match(words[0]) or _CAPITAL_PARTICIPLE.fullmatch(words[0]) if words else None
        )  # "When …,", "Dispensing with harsh criticism,", "Asked about …,"
        if words[:1] and words[0][:1] in "“\"«‘'":
            break  # a quotation opens the sentence: its words are no subject ("“The Armenians …")
        if words and not (opener or (words[0] in lex.not_names and len(words) == 1)):
            head_end = _noun_phrase_end(part)
            if head_end:
                found = parse_phrase(text, pos, pos + head_end)
                if found is not None:
                    return found
        pos += len(part) + 1
    return None


#: A name and a verb in -s or -ed opening a clause ("Stein favors", "Mr. Hill argued").
_NAME_THEN_VERB = re.compile(
    r"[ \t]*((?:[A-Z][\w.’'-]*[ \t]+){0,2}[A-Z][\w’'-]+)[ \t]+(?:also[ \t]+)?[a-z]+(?:s|ed)\b"
)


def _antecedent_subject(text: str, s_start: int, pronoun: Mention) -> Mention | None:
    """The named subject of the sentence that the pronoun of a relative clause means ("Stein
    favors a single-payer health care system, which she claims would cost …": Stein), when no
    other capitalised word stands between them that "she" could mean instead ("Trump attacked
    Warren's plan, which she says …" is left to the pronoun rules); else None."""
    if pronoun.text.lower() not in ("he", "she"):
        return None
    subject = sentence_subject(text, s_start, pronoun.start)
    if subject is None:  # "Stein favors …": a name and a verb open the sentence
        lead = _FRONTED_LEAD.match(text, s_start, pronoun.start)
        name = _NAME_THEN_VERB.match(text, lead.end() if lead else s_start, pronoun.start)
        subject = parse_phrase(text, name.start(1), name.end(1)) if name else None
    if (
        subject is None
        or subject.source not in ("named", "description")
        or subject.kind
        not in (
            "person",
            "unknown",
        )
    ):
        return None
    between = text[subject.end : pronoun.start].split()
    if any(w[:1].isupper() for w in between):
        return None
    return subject


#: A relative pronoun right before a clause ("… who | spoke on condition of anonymity said").
_RELATIVE_END = re.compile(r"[ \t](who)[ \t]*$")
#: A speech verb's tensed form (not a bare form that may be a noun: "tweet", "report").
_TENSED = re.compile(r"said|says|told|tells|wrote|writes|\w+ed|\w+s")


def _relative_in_subject(left: str, verb: str) -> bool:
    """Whether ``left`` (the words between "who" and a speech verb) is a relative clause of its
    own inside the verb's subject ("who spoke on condition of anonymity | said"), not the start
    of the relative clause whose verb the speech verb is ("who had long | complained", "who
    earlier this week | announced") nor a second clause ("who work for Trump—former Secretary
    … refused")."""
    words = left.split()
    if len(words) < 2 or not _TENSED.fullmatch(verb.split()[0]):  # not "a late-night tweet"
        return False
    first = words[0]
    return (
        first[:1].islower()
        and first not in _DETERMINERS | _SUBJECT_PRONOUN | _ADVERB_WORDS | PREPOSITIONS
        and not first.endswith("ly")
        and not _FINITE_WORD.fullmatch(first)  # an auxiliary: "who had long complained"
        and not any(c in left for c in ",—–")
        and not any(_is_finite(w, "") for w in words[1:])  # "… paid Cohen is now downplaying"
        and words[-1].lower() not in _DETERMINERS  # "a previously disclosed"
    )


#: A subordinating word before a clause whose subject a participle after it may take.
_SUBORDINATOR = re.compile(r"\b(?:when|while|after|because|since|as|though|although)[ \t]*$")


def _clause_subject(text: str, start: int, end: int) -> Mention | None:
    """The subject of the subordinate clause ``text[start:end]`` ("when he omitted any mention
    of Clinton"): a pronoun, a person or a body that opens it right before a finite verb; None
    for anything else (a place, a phrase that is no subject: "whether Georgia will be a symbol
    of the Old or New South")."""
    if not _SUBORDINATOR.search(text, max(0, start - 10), start):
        return None
    found = _finite_head(text, _skip_space(text, start, end), end)
    if (
        found is None
        or found.kind == "place"
        or (found.source != "pronoun" and found.kind not in ("person", "body"))
    ):
        return None
    return found


def _finite_head(text: str, begin: int, end: int) -> Mention | None:
    """The noun phrase that opens ``text[begin:end]`` right before a finite verb, read as a
    mention; None when the clause opens otherwise."""
    clause = text[begin:end]
    head_end = _noun_phrase_end(clause)
    words = clause[head_end:].split(None, 2)
    if not head_end or not words or not _is_finite(words[0], clause[:head_end].split()[-1]):
        return None
    return parse_phrase(text, begin, begin + head_end)


def _coordinated_subject(text: str, start: int, end: int) -> Mention | None:
    """The subject of the last clause joined by ", and" before the participle at ``end`` ("…
    officials said they were “alarmed”, and former Defense Secretary Jim Mattis issued a rebuke,
    saying …": Mattis): a person or a body right before a finite verb; None with no such
    clause."""
    comma = text.rfind(",", start, end)
    if comma < 0:  # no clause ends before the participle ("… — saying"): nothing to search
        return None
    joined = text.rfind(", and ", start, comma)
    if joined < 0:
        return None
    found = _finite_head(text, _skip_space(text, joined + len(", and "), comma), comma)
    if found is None or found.source == "pronoun" or found.kind not in ("person", "body"):
        return None
    return found


#: A word with its punctuation.
_WORD_RUN = re.compile(r"\S+")


def _noun_phrase_end(part: str) -> int:
    """Where the noun phrase that opens ``part`` ends: before the first lower-case word that is
    a verb, a preposition, a conjunction, an adverb or a determiner after the start ("CIA
    directors | who had been appointed", "The U.S. military | confirmed", "Mr Trump |
    addressed"); 0 when it would run past 80 characters."""
    pos = 0
    first = True
    after_of = False  # "the head of the Revolutionary Guard"
    for m in _WORD_RUN.finditer(part):
        w = m.group(0)
        lower = w.lower().strip(",.;:!?")
        if not first and (lower == "of" or (after_of and lower in _DETERMINERS)):
            after_of = True
        elif (
            not first
            and w[:1].islower()
            and (
                lower in PREPOSITIONS
                or lower in _CONJUNCTIONS
                or lower in _DETERMINERS
                or lower in _ADVERB_WORDS
                or lower.endswith("ly")
                or _is_finite(lower, "")
                or lower in ("to", "and", "or", "but")
            )
        ):
            break
        else:
            after_of = False
        if w[-1:] in ";:":
            return 0
        pos = m.end()
        first = False
        if pos > 80:
            return 0
    return pos


def _antecedent(text: str, start: int, comma: int) -> Mention | None:
    """The name right before ", which" or ", who" ("a deadline set by North Korea, which has
    called on …"): the relative clause is said by what it names, a country too."""
    m = _TRAILING_NAME.search(text, max(start, comma - 80), comma)
    if m is None:
        return None
    owner = _NAME_OF.search(text, max(start, m.start() - 60), m.start())
    if owner is not None:  # "Sen. Amy Klobuchar of Minnesota, who …": the senator, not the state
        person = parse_phrase(text, owner.start(1), owner.end(1))
        if person is not None and person.source == "named" and person.kind == "person":
            return person
    found = parse_phrase(text, m.start(), comma)
    if found is None and m.group(0) in lexicon().countries:
        found = Mention(m.group(0), m.group(0), "named", "place", m.start(), comma)
    return found if found is not None and found.source == "named" else None


#: Pronouns whose "'s" is "has" or "is" ("he's said", "it's claimed"), not a possessive.
_CONTRACTED = lexicon().words("contracted")
_ADJECTIVE_BEFORE = lexicon().words("adjective_before")
_DEGREE_ADVERBS = lexicon().words("degree_adverbs")


def _modifies_a_noun(previous: list[str], verb: str) -> bool:
    """Whether a speech verb's form after the word ``previous`` (a list of one word or none) is
    an adjective or a noun, not a verb: after a determiner or a word such as "most" (the
    ``adjective_before`` of ``data/quotes/function_words.tsv``: "the stated goal", "the most
    informed Texan"), or, in -ed, after a degree adverb or a possessive noun ("America's declared
    solidarity"; not "he's said", whose "'s" is "has")."""
    if not previous:
        return False
    word = previous[0].lower().strip('“”"«»()')
    if word in _ADJECTIVE_BEFORE:
        return word != "her" or verb.endswith("ed")
    return (
        verb.endswith("ed")
        and " " not in verb
        and (
            word in _DEGREE_ADVERBS
            or (word.endswith(("'s", "’s")) and word[:-2] not in _CONTRACTED)
        )
    )


#: Words set aside with a negation ("also", "never", a perfect's "have"): ``negation_tail``.
_NEGATION_TAIL = lexicon().words("negation_tail")


def _strip_negation(before: str) -> str:
    """``before`` without a negation, adverbs and a perfect's "have" at its end ("will not",
    "could also", "would have": a counterfactual says nothing either)."""
    words = before.rsplit(None, 4)[-4:]  # the last words only: ``before`` may be long
    while words and (words[-1].lower() in _NEGATIONS or words[-1].lower() in _NEGATION_TAIL
                     or words[-1].lower().endswith("ly")):  # fmt: skip
        words.pop()
    return " ".join(words)


def _unsaid(text: str, s_start: int, verb: int, complement: int) -> bool:
    """Whether a negated verb leaves an open question ("did not say whether …", "never
    specified how …"): what it reports was not said."""
    before = text[max(s_start, verb - 12) : verb].lower().split()
    first = text[complement : complement + 12].split()[:1]
    return (
        bool(before)
        and (before[-1] in _NEGATIONS or before[-1].endswith(("n't", "n’t")))
        and bool(first)
        and first[0].lower() in _QUESTION_WORDS
    )


#: Words that open a relative clause.
_RELATIVES = {"where", "which", "who", "whom", "whose", "when"}
#: A comma and the spaces around it.
_COMMA = re.compile(r"[ \t]*,[ \t]*")


def _aside(text: str, pos: int, end: int) -> tuple[int, int] | None:
    """The clause after an attribution that stands aside between commas (", Kirkegaard said,
    the government should …"): its start and end, or None."""
    rest = lexicon().circumstance.match(text, pos, end)
    after = rest.end() if rest else pos
    if text[pos:after].count(",") != 1 or not text[pos:after].rstrip().endswith(","):
        comma = _COMMA.match(text, after, end)
        if comma is None or "," in text[pos:after]:
            return None
        after = comma.end()
    start = _skip_space(text, after, end)
    stop = _clause_end(text, start, end)
    if not _words_at_least(text, 4, start, stop) or text[start : start + 1] in "“\"«‘'":
        return None
    return start, stop


#: An addressee that ends a sentence: "told the Associated Press", "told Fox News’s Sean Hannity".
_NAMED_ADDRESSEE = re.compile(
    r"[ \t]*(?:the[ \t]+)?[A-Z][\w.’'-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w.’'-]*){0,5}"
)


def _attributed_before(text: str, start: int, end: int, marked: list[tuple[int, int]]) -> bool:
    """Whether ``text[start:end]`` (a clause before ", according to X") opens with a subject and a
    speech verb of class "say", "clause" or "object" that reports the rest ("People familiar with
    the deliberations said Trump asked …"): its first speech verb, outside quotation marks, with
    a clause of three words or more before it and after it."""
    hits = _verbs_in(text, start, end, 1)
    hit = hits[0] if hits else None
    if hit is None or _inside(hit.start(), marked):
        return False
    verb = " ".join(hit.group(0).split())
    if lexicon().verb_class.get(verb, "say") not in ("say", "object"):
        return False
    before = text[start : hit.start()]
    if not before.strip() or before.rstrip().endswith(",") or verb.endswith("ing"):
        return False  # "…, saying …", "…, X said, …": no subject of its own before it
    if before.split()[-1:] in _PASSIVE or _modifies_a_noun(before.split()[-1:], verb):
        return False  # "He was told it would …", "Newly reported cases …": no speaker
    if _strip_negation(before).split()[-1:] in _MODALS:
        return False  # "She will testify alongside …": nothing said yet
    who = parse_subject(text, start, hit.start())
    words = Mention(before.strip(), None, "description", "unknown", start, hit.start())
    if is_respondent(who) or is_respondent(words) or is_finding(who):
        return False  # "61% of Americans say …, according to a poll": the poll's finding
    return (
        1 <= len(before.split()) <= 8
        and _words_at_least(text, 3, hit.end(), end)
        and _complement_start(text, hit.end(), end, lexicon().verb_class.get(verb, "say"))
        is not None
    )


#: How far the rules read for a few words or a word list: a stretch of this many characters that
#: holds fewer words than asked holds words longer than any in news text.
_WORDS_WINDOW = 2000


def _words_at_least(text: str, k: int, start: int = 0, stop: int | None = None) -> bool:
    """Whether ``text[start:stop]`` holds ``k`` words or more, read in its first
    :data:`_WORDS_WINDOW` characters only (a count of every word of a long run-on sentence, once
    per verb, took quadratic time)."""
    stop = len(text) if stop is None else stop
    return len(text[start : min(stop, start + _WORDS_WINDOW)].split(None, k)) >= k


def _first_word(text: str, start: int, stop: int) -> str:
    """The first word of ``text[start:stop]`` ("" if none), read in its first characters."""
    words = text[start : min(stop, start + _WORDS_WINDOW)].split(None, 1)
    return words[0] if words else ""


def _only_circumstance_after(text: str, pos: int, end: int, kind: str) -> bool:
    """Whether nothing but an addressee (for a verb of class "object") and circumstance follows a
    verb that ends at ``pos`` up to the sentence's end (``end``): "…, spokesperson Katie McKeogh
    told Axios Wednesday night.", "…, President X said during a press conference in Moscow."
    (the sentence ends with its attribution)."""
    rest = text[pos : min(end, pos + 300)].rstrip(" \t.,;!?")
    if end - pos > 300:
        return False  # (a long stretch after the verb is more than circumstance)
    skips = [0]
    if kind == "object":
        ends = [a.end() for a in (_ADDRESSEE.match(rest + " "), _NAMED_ADDRESSEE.match(rest)) if a]
        if ends:
            # a capitalised addressee may swallow a weekday ("told Axios Wednesday night"): the
            # circumstance may start at any of its words after the first
            skips = [min(e, len(rest)) for e in ends]
            skips += [w.start() for w in re.finditer(r"(?<=[ \t])\S", rest[: max(skips)])]
    for skip in skips:
        circ = lexicon().circumstance.match(rest, skip)
        if not rest[circ.end() if circ else skip :].strip(" \t.,;!?"):
            return True
    return False


def _may_speak(text: str, who: Mention) -> bool:
    """Whether the subject of a sentence can be a speaker: a description, or a name that is not
    merely a capitalised word at the start of the sentence ("Tensions"): a single word must be
    written with a capital inside a sentence somewhere in the text, or after a known first name
    or a title ("Donald Trump", "Mr. Trump")."""
    if who.source != "named" or " " in (who.name or who.text).strip():
        return True
    word = (who.name or who.text).strip()
    return (
        re.search(rf"[a-z,;][ \t]+{re.escape(word)}\b", text) is not None
        # or a family name the text gives after a known first name or a title ("Donald Trump")
        or any(
            m.group(1) in lexicon().first_names or m.group(1) in lexicon().titles
            for m in re.finditer(rf"\b([A-Z][a-z]+\.?)[ \t]+{re.escape(word)}\b", text)
        )
    )


def _quoted_share(start: int, end: int, marked: list[tuple[int, int]]) -> float:
    inside = sum(max(0, min(end, b) - max(start, a)) for a, b in marked)
    return inside / max(end - start, 1)


#: A clitic at the end of a word ("we'd").
_CLITIC = re.compile(r"['’]\w+$")


#: "as" and an article left before a subject.
_HEAD_TAIL = re.compile(r"(?:,?[ \t]+as)?(?:[ \t]+(?:[Tt]he|an?|An?))?$")


#: Every character a match of :data:`_HEAD_TAIL` may hold.
_HEAD_TAIL_CHARS = frozenset(", \tasTtheAn")


def _without_head_tail(head: str) -> str:
    """``head`` without "as" and an article at its end (:data:`_HEAD_TAIL`), read in its last
    characters only: the match ends at the end and holds only its own characters, so it starts
    after the last character that is none of them (a search anchored at the end tries every
    position of a long head, once per verb)."""
    cut = max(0, len(head) - 32)
    while cut > 0 and head[cut - 1] in _HEAD_TAIL_CHARS:
        cut -= 1
    return head[:cut] + _HEAD_TAIL.sub("", head[cut:])


#: A comma inside a closing quotation mark, before a postposed attribution.
_COMMA_IN_QUOTE = (",”", ',"', ",’", ",'", ",»")


#: A fronted phrase and its comma ("According to X,", "In a statement,").
_FRONTED_LEAD = re.compile(r"(?:[A-Z][^,]{0,40},[ \t]*)")


def reports_in(
    text: str, s_start: int, s_end: int, marked: list[tuple[int, int]]
) -> Iterator[Report]:
    """The reported clauses of the sentence ``text[s_start:s_end]``."""
    lex = lexicon()
    subject_of_sentence: Mention | None = None
    previous: Mention | None = None
    taken_until = s_start
    sentence = text[s_start:s_end]
    boundaries: ClauseBoundaries | None = None

    mark_at: list[int] = []

    def quotation_or_colon_at() -> int:
        """Where the sentence's last quotation mark or colon is (-1 if none): once a sentence,
        not a search from each verb to the sentence's end."""
        if not mark_at:
            mark_at.append(max(text.rfind(c, s_start, s_end) for c in ':“”"«»‘'))
        return mark_at[0]

    def clause_start_before(pos: int) -> int:
        nonlocal boundaries
        if boundaries is None:
            boundaries = ClauseBoundaries(text, s_start, s_end)
        return boundaries.clause_start(pos, marked)

    # "According to X, …" / "…, according to X."
    for m in _ACCORDING.finditer(text, s_start, s_end) if "ccording" in sentence else ():
        if _inside(m.start(), marked):
            continue
        np_end = _phrase_end(text, m.end(), s_end)
        if np_end - m.end() > _PHRASE_MAX:
            continue  # no name runs this long: a run-on sentence
        who = parse_phrase(text, m.end(), np_end)
        if _cites_evidence(text[m.end() : np_end]) or (
            who is not None and role_of((who.name or who.text).lower().split()[-1:]) == "data"
        ):
            continue  # "according to Nato's latest figures", "according to calculations by …"
        comma_before = text[s_start : m.start()].rstrip()
        if comma_before.endswith(_COMMA_IN_QUOTE) and _words_at_least(comma_before, 4):
            continue  # "…,” according to comments carried by IRNA, a state-run news agency.":
            # the quotation's attribution; what follows is an appositive, not what was said
        if comma_before.endswith(",") and _words_at_least(comma_before, 4):
            if not is_finding(who) and _attributed_before(text, s_start, m.start(), marked):
                continue  # "People familiar … said Trump asked …, according to the Journal":
                # the clause has its own speaker; the verb there reports it
            start, stop = s_start, s_start + len(comma_before) - 1
            goes_on = text[np_end + 1 : np_end + 40].split(None, 1)[:1]
            if text[np_end : np_end + 1] == "," and goes_on and _is_finite(goes_on[0], ""):
                # "Tariffs … have, according to Euler Hermes, affected UK businesses": the
                # sentence goes on past the attribution with its predicate
                stop = _clause_end(text, np_end + 1, s_end)
        else:
            if comma_before.endswith(",") and _speech_predicate_after(text, np_end, s_end):
                continue  # "Trump, according to the Fact Checker, has long said that …": an
                # aside; the speech verb after it reports, with the sentence's subject
            start = np_end + 1 if text[np_end : np_end + 1] == "," else np_end
            stop = _clause_end(text, start, s_end)
        start = _skip_space(text, start, stop)
        if stop - start > 10 and _quoted_share(start, stop, marked) < 0.4:
            yield Report(start, stop, who, "according to")
            taken_until = max(taken_until, stop)
    # "As Putin put it, …" / "…, as Putin put it."
    for m in _PUT_IT.finditer(text, s_start, s_end) if " put it" in sentence else ():
        who = parse_phrase(text, m.start("who"), m.end("who"))
        before = text[s_start : m.start()].rstrip()
        if before.endswith(",") and _words_at_least(before, 4):
            start, stop = s_start, s_start + len(before) - 1
        else:
            start = _skip_space(text, m.end(), s_end)
            stop = _clause_end(text, start, s_end)
        if who is not None and stop - start > 10 and _quoted_share(start, stop, marked) == 0:
            yield Report(start, stop, who, "put it")
            taken_until = max(taken_until, stop)
    # "Mr. Trump repeated his vow to walk away …", "Zuckerberg also made a case that …"
    for m in _PHRASAL_REPORT.finditer(text, s_start, s_end):
        if m.start() < taken_until or _inside(m.start(), marked):
            continue
        after = m.group("next")
        if (m.group("link") == "to" and (not after[:1].islower() or after in _DETERMINERS)) or (
            m.group("link") == "for" and m.group("noun") not in _FOR_NOUNS
        ):
            continue  # "issued a warning to the White House", "a declaration for 19 counties"
        if m.group("link") == "that" and not _that_opens_clause(
            text[m.start("next") : min(s_end, m.start("next") + 200)]
        ):
            continue  # "issued a statement that offered the following": a relative clause
        clause_start = _within_reach(text, clause_start_before(m.start()), m.start())
        left = _strip_adverbs(text[clause_start : m.start()])
        if left.strip():
            who = parse_subject(text, clause_start, m.start())
        elif _COORDINATED.search(_strip_adverbs(text[max(s_start, m.start() - 40) : m.start()])):
            who = previous or subject_of_sentence or sentence_subject(text, s_start, s_end)
            who = who if who is not None and who.start < m.start() else None
        else:
            who = None
        stop = _clause_end(text, m.start("next"), s_end)
        if (
            who is None
            or stop - m.start("next") < 10
            or _quoted_share(m.start("next"), stop, marked)
        ):
            continue
        previous = who
        yield Report(m.start("next"), stop, who, " ".join(text[m.start() : m.end("link")].split()))
        taken_until = max(taken_until, stop)
    # "X's view is that …", "Trump's longstanding assertion that …", "his warning that …"
    for m in _NOUN_REPORT.finditer(text, s_start, s_end) if " that " in sentence else ():
        if m.start() < taken_until:
            continue
        if _inside(m.start(), marked) or _verbs_in(text, s_start, m.start(), 1):
            continue  # inside someone's reported words: the outer attribution reports it
        stop = _clause_end(text, m.end(), s_end)
        owner = m.group("who")
        if owner.lower() in _POSSESSIVE_PRONOUNS:
            who = Mention(_POSSESSIVE_PRONOUNS[owner.lower()], None, "pronoun",
                                          "person", m.start("who"), m.end("who"))  # fmt: skip
        else:
            who = parse_phrase(text, m.start("who"), m.end("who") - 2)
        if who is None or stop - m.end() < 10 or _quoted_share(m.end(), stop, marked) > 0:
            continue
        yield Report(m.end(), stop, who, m.group("noun"))
        taken_until = max(taken_until, stop)
    participle_spans: list[tuple[int, int]] | None = None
    for m in verb_hits(text).between(s_start, s_end):  # type: ignore[assignment]  # a Hit reads like a match
        if m.start() < taken_until or _inside(m.start(), marked):
            continue
        if _attributes_a_quote(text, m, marked):
            # “…,” he said: the quotation's own attribution, no clause to report; its speaker
            # is the subject of a participle after it ("…,” Biden said, also acknowledging …")
            if participle_spans is None:  # found once a sentence (a search from each verb was slow)
                participle_spans = [
                    f.span() for f in _PARTICIPLE_AFTER.finditer(text, s_start, s_end)
                ]
            if _participle_after(
                text, m.end(), s_end, participle_spans
            ):  # only a participle needs it
                quote_end = max(b for a, b in marked if b <= m.start())
                who = (
                    parse_subject(text, quote_end, m.start())
                    if text[quote_end : m.start()].strip(_MARKS + ",.!?…—–-")
                    else parse_after(text, m.end(), s_end)
                )
                previous = who or previous
            continue
        verb = " ".join(m.group(0).split())
        kind = lex.verb_class.get(verb, "say")
        before = text[max(s_start, m.start() - 200) : m.start()]  # its last words are read
        if _modifies_a_noun(before[-30:].split()[-1:], verb):
            continue  # "America's declared solidarity", "the most informed Texan": an adjective
        if before[-7:].split()[-1:] in _PASSIVE and not verb.startswith(("quoted", "said to")):
            # a passive: "was told" reports nothing; "is said to reveal …", "has been accused
            # of ordering …" report what nobody named says
            passive = _PASSIVE_COMPLEMENT.match(text, m.end(), s_end)
            agent: Mention | None = None
            by = _PASSIVE_AGENT.match(text, m.end(), s_end) if passive is None else None
            if by is not None and verb.split()[0] in _GERUND_AFTER_OF:
                # "has been accused by prosecutors of lying to the FBI": the agent accuses
                agent = parse_phrase(text, by.start("who"), by.end("who"))
                passive = by if agent is not None else None
            if (
                passive is not None
                and passive.group(0).split()[-1] == "of"
                and not _GERUND.match(text, passive.end(), s_end)
            ):
                passive = None  # "had been accused of sexual misconduct": a charge, no clause
            if verb in _PASSIVE_REPORTING and passive is not None:
                stop = _clause_end(text, passive.end(), s_end)
                if _words_at_least(text, 2, passive.end(), stop) and not _quoted_share(
                    passive.end(), stop, marked
                ):
                    yield Report(passive.end(), stop, agent, verb)
                    taken_until = max(taken_until, stop)
            continue
        if _BY_AGENT.match(text, m.end(), s_end):
            continue  # "the expert, called on by tribes around the country": a participle
        if _strip_negation(before).split()[-1:] in _MODALS:
            continue  # not said yet: "the radio will tell conservatives that …", "could argue"
        last_two = before[-40:].lower().split()[-2:]
        if len(last_two) == 2 and last_two[1] == "to" and last_two[0] in _UNSAID_BEFORE_TO:
            continue  # "felt obligated to say", "declined to say": nothing said
        clause_start = _within_reach(text, clause_start_before(m.start()), m.start())
        left = _strip_adverbs(text[clause_start : m.start()])
        speaker: Mention | None = None
        inverted = False
        boundary = text[max(s_start, clause_start - 6) : clause_start]
        quoted_as = _QUOTED_AS.search(text, max(s_start, m.start() - 120), m.start())
        if quoted_as is not None and verb.endswith("ing"):
            # "IRNA quoted Foreign Ministry spokesman Abbas Mousavi as saying …": the one quoted
            speaker = parse_phrase(text, quoted_as.start("who"), quoted_as.end("who"))
        elif verb.endswith("ing") and (left.rstrip().endswith(",") or not left.strip()):
            if clause_start == s_start and not left.strip():
                continue  # "Saying …" opens the sentence
            speaker = (
                _coordinated_subject(text, s_start, m.start())
                or previous
                or subject_of_sentence
                or sentence_subject(text, s_start, s_end)
            )
            if speaker is None and left.rstrip().endswith(","):
                # "… at odds with his statement when he omitted any mention of Clinton, saying
                # …": the subject of the subordinate clause the participle follows
                comma = text.rfind(",", s_start, m.start())
                speaker = _clause_subject(text, clause_start_before(comma), comma)
        elif not left.strip() and boundary.split()[-1:] in (["who"], ["which"]):
            # "Trump, who said …": the noun before ", who"
            comma = text.rfind(",", s_start, clause_start)
            rel = clause_start - len(boundary) + boundary.rfind("w")
            if comma > s_start and not text[comma + 1 : rel].strip():
                speaker = _antecedent(text, s_start, comma) or parse_subject(
                    text, clause_start_before(comma), comma
                )
            else:  # "42 percent who said"
                words = text[s_start:rel].rsplit(None, 3)[-3:]
                near = rel - len(" ".join(words)) - 1
                speaker = parse_phrase(text, max(s_start, near), rel)
        elif left.strip() and not left.rstrip().endswith(","):
            speaker = parse_subject(text, clause_start, m.start())
            relative = _RELATIVE_END.search(text, max(s_start, clause_start - 7), clause_start)
            if relative is not None and _relative_in_subject(left, verb):
                # "a source familiar with the matter who spoke on condition of anonymity said
                # …": the relative clause is part of the subject; the verb is its antecedent's
                rel = relative.start(1)
                near = max(clause_start_before(rel), text.rfind(",", s_start, rel) + 1)
                found = parse_phrase(text, near, rel)
                if found is not None and found.source != "pronoun" and found.kind != "place":
                    speaker = found
            if speaker is None and kind in ("say", "clause", "object"):
                # "The former independent counsel added that …": a definite description whose
                # head the role list does not know still speaks
                tail_end = clause_start + len(left.rstrip())  # (the search, anchored at the end,
                # starts where the pattern's few words may start: it tried every position)
                nominal = _DESCRIPTION.search(
                    text, _runs_back(text, clause_start, tail_end, 6), tail_end
                )
                if nominal is not None and _subject_like(nominal.group(0)):
                    speaker = Mention(nominal.group(0), None, "description", "unknown",
                                      nominal.start(), nominal.end())  # fmt: skip
        elif left.strip():
            # a subject before an appositive ("Liberman, the Israeli defense minister, said"),
            # else inverted (", said Putin", ", says Director Joseph Clancy")
            speaker = parse_subject(text, clause_start, m.start())
            if speaker is None and boundary.split()[-1:] == ["who"]:
                # "King, who doesn’t believe a vote is necessary, noted that …": the subject is
                # the noun before the relative clause between commas
                rel = clause_start - len(boundary) + boundary.rfind("w")
                comma = text.rfind(",", s_start, rel)
                if comma > s_start and not text[comma + 1 : rel].strip():
                    speaker = _antecedent(text, s_start, comma) or parse_subject(
                        text, clause_start_before(comma), comma
                    )
            if speaker is None and clause_start > s_start:
                # "Amit Shah, while addressing a rally, claimed": the boundary was inside commas
                earlier = clause_start_before(max(s_start, clause_start - 8))
                speaker = parse_subject(text, earlier, m.start())
            aside_first = kind == "object"  # "…, told Bob Schieffer of CBS that": an addressee
            if speaker is None and aside_first and left.rstrip()[-1:] == ",":
                speaker = _subject_before_aside(text, s_start, m.start())
            if speaker is None and kind in ("say", "object", "clause"):
                speaker = parse_after(text, m.end(), s_end)
                inverted = speaker is not None
            if speaker is None and kind in ("say", "clause") and left.rstrip()[-1:] == ",":
                # "Smith, speaking to reporters after the verdict was read, said …", "Obama,
                # whose instinct …, said …": an aside holding a clause of its own parts the
                # sentence's subject from its verb (after "said" an inverted subject comes
                # first: "…, said sources familiar with her plans")
                speaker = _subject_before_aside(text, s_start, m.start())
        elif _COORDINATED.search(_strip_adverbs(text[max(s_start, m.start() - 40) : m.start()])):
            # "… confirmed X and said Y"; "Mr Trump addressed … and said he did not believe …":
            # the verb shares the subject of the sentence
            speaker = previous
            if speaker is None and kind in ("say", "clause", "object"):
                speaker = subject_of_sentence or sentence_subject(text, s_start, s_end)
                if speaker is not None and (
                    speaker.start >= m.start() or not _may_speak(text, speaker)
                ):
                    speaker = None
        extracted = (
            None
            if inverted or kind not in _EXTRACTING_KINDS or verb.endswith("ing")
            else _extracted_report(text, s_start, m.start(), m.end(), s_end)
        )
        if extracted is not None and speaker is None:
            speaker = extracted[0]
        if extracted is not None and speaker is not None and speaker.source == "pronoun":
            speaker = _antecedent_subject(text, s_start, speaker) or speaker
        if speaker is None:
            continue
        if speaker.source == "pronoun" and _CLITIC.sub("", speaker.text.lower()) in (
            "we",
            "i",
            "you",
        ):
            continue  # inside someone's words
        # the reported clause: after the verb, else before the subject's comma
        complement = (
            None
            if inverted
            else _complement_start(
                text,
                m.end(),
                s_end,
                kind,
                verb.split()[0] in _DIRECTIVES,
                verb.split()[0] in _GERUND_AFTER_OF,
                verb.split()[0] in _DISPUTING,
            )
        )
        if kind == "topic" and complement is None and not inverted and extracted is None:
            # "Mr. Brat spoke of the difficulty he had …": a topic, no statement; kept aside so
            # that "he" in the next sentence still finds the one who spoke
            stop = _clause_end(text, m.end(), s_end)
            start = _skip_space(text, m.end(), stop)
            if stop - start > 3:
                quoted_topic = _quoted_share(start, stop, marked) > 0  # "spoke of a “…”"
                yield Report(start, stop, speaker, verb, quoted_topic, topic=not quoted_topic)
                taken_until = max(taken_until, stop)
                previous = speaker
            continue
        if extracted is not None:
            # "a plan, which she claims would cost nothing": the relative clause's predicate (a
            # quotation inside it is the speaker's: "which he said would “ignite growth”")
            quoted_here = _quoted_share(extracted[1], extracted[2], marked) > 0
            yield Report(extracted[1], extracted[2], speaker, verb, quoted_here)
            taken_until = max(taken_until, extracted[2])
            previous = speaker
            continue
        aside = None if inverted or complement is not None else _aside(text, m.end(), s_end)
        if (
            complement is not None
            and verb.split()[0] in _MANDATIVE
            and _requested(text[complement : complement + 120])
        ):
            # "suggested that the President change his diet": a request, no statement; kept
            # aside, as a topic is, for the pronouns and descriptions after it
            stop = _clause_end(text, complement, s_end)
            if stop - complement > 3:
                quoted_request = _quoted_share(complement, stop, marked) > 0  # its quotation's
                yield Report(complement, stop, speaker, verb, quoted_request, not quoted_request)
                taken_until = max(taken_until, stop)
                previous = speaker
            continue
        if complement is not None and _unsaid(text, s_start, m.start(), complement):
            continue  # "The reports did not specify whether …": nothing reported
        if complement is not None:
            start = complement
            stop = _clause_end(text, start, s_end)
        elif aside is not None and kind in ("say", "clause", "object"):
            # "Among other things, Kirkegaard said, the government should …": the attribution
            # stands aside; the clause is what follows, or, when that is no clause of its own
            # ("The talks, he said, will go on"), the sentence around the attribution
            start, stop = aside
            head = text[s_start : speaker.start].rstrip()
            bare = _without_head_tail(head)  # "…, the White House": the article set aside
            if (
                _first_word(text, start, stop).lower() in _RELATIVES
                and bare.endswith(",")
                and _words_at_least(bare[:-1], 4)
            ):
                # "… to the United Kingdom in July, the White House confirmed Thursday, where he
                # will meet …": a relative clause goes on with the clause before the attribution
                start = s_start + _fronted_end(bare[:-1])
                stop = s_start + len(bare) - 1
            elif not _clause_like(text[start:stop]):
                if (
                    not head.endswith(",")
                    or not head[:-1].strip()
                    or _first_word(text, start, stop).endswith("ing")
                ):
                    continue  # "…,” Mr. Devine said, referring to …": no clause reported
                start = s_start + _fronted_end(head[:-1])
        else:
            if not inverted and not left.strip() and boundary.split()[-1:] in (["which"], ["who"]):
                continue  # "…, according to the Journal, which first reported it": the verb
                # of a relative clause reports nothing before its antecedent
            subject_start = m.start() if inverted else speaker.start
            described = text[s_start:subject_start]
            comma = described.rfind(",")
            title = described[comma + 1 :].split(None, 6)  # (more than five: no title)
            circ = lexicon().circumstance.match(text, m.end(), s_end)
            rest = text[circ.end() if circ else m.end() : s_end].lstrip(" \t")
            first_rest = rest.split(None, 1)[0] if rest.strip() else ""
            aside_after = "," in text[m.end() : s_end - len(rest)]  # "reported Friday, …"
            if (
                not inverted
                and not aside_after
                and (
                    _INFINITIVE.match(rest)
                    or (
                        kind in ("clause", "promise", "commit", "any")
                        and (first_rest[:1].isalpha() or first_rest[:1] in _AMOUNT_START)
                        and first_rest.lower() not in PREPOSITIONS
                    )
                )
            ):
                # "…, Williams refused to back down", "…, the Senate refused to ratify the
                # treaty": the verb has a complement of its own that reports nothing, so the
                # clause before its subject is no report of it
                continue
            ends_here = _only_circumstance_after(text, m.end(), s_end, kind)
            if (
                not inverted
                and speaker.source == "named"
                and speaker.kind == "person"
                and comma >= 0
                and 0 < len(title) <= 5
                and role_of(title)
                and ends_here
            ):
                # "…, national security adviser H.R. McMaster revealed on Tuesday.": the title is
                # part of the subject that ends the sentence
                subject_start = s_start + comma + 1
            elif (
                not inverted
                and speaker.source == "description"
                and comma >= 0
                and _COORDINATED_MODIFIER.fullmatch(described, comma + 1)
                and ends_here
            ):
                # "…, security and oil sector sources said.", "…, Israeli and Palestinian
                # officials said": the subject's coordinated modifiers are part of it
                subject_start = s_start + comma + 1
            head = _without_head_tail(text[s_start:subject_start].rstrip())
            head = (
                head
                if head.endswith(",")
                else head + ("," if head != text[s_start:subject_start].rstrip() else "")
            )
            head_clause = head[:-1]
            # a clause must be left once fronted circumstance is set aside: "In all, militants
            # have launched …, the military said" reports; "When asked about …, Trump said." not
            if (
                not head.endswith(",")
                or not _words_at_least(head_clause, 4, _fronted_end(head_clause))
                or quotation_or_colon_at() >= m.end()
            ):
                continue
            start = s_start
            # a fronted "According to X," or "In a statement," stays out of the clause
            lead = _FRONTED_LEAD.match(head_clause)
            if (
                lead
                and _words_at_least(head_clause, 4, lead.end())
                and not _FINITE.search(lead.group(0))
            ):
                start = s_start + lead.end()
            stop = s_start + len(head_clause)
            if stop < taken_until:
                continue
        start = _skip_space(text, start, stop)
        while stop > start and text[stop - 1] in " \t.,;:!?":
            stop -= 1
        if stop - start < 8 or not _words_at_least(text, 2, start, stop):
            continue
        if complement is not None and kind not in ("names", "manner"):
            # "said that the mood was … but that the trading halt achieved …", "said X could take
            # a month and that the investigation could stretch …": each "that" clause is a
            # statement of its own
            second = _second_that(text, start, stop, marked)
            if second is not None:
                # a quotation inside it is the speaker's words
                yield Report(second, stop, speaker, verb, _quoted_share(second, stop, marked) > 0)
                taken_until = max(taken_until, stop)
                stop = _AND_THAT.search(text, start, stop).start()  # type: ignore[union-attr]
        quoted = _quoted_share(start, stop, marked) > 0 and not _quotes_in_asides(
            text, start, stop, marked
        )
        if quoted and kind not in ("names", "manner"):
            first_mark = min(a for a, b in marked if a < stop and b > start)
            last_mark = max(b for a, b in marked if a < stop and b > start)
            unquoted = text[start:first_mark]
            inner = next(text[a:b] for a, b in marked if a == first_mark)
            participles = list(_PARTICIPLE_BREAK.finditer(unquoted))  # the last one
            breaks = [b for b in (_LAST_AND.search(unquoted), participles[-1] if participles else None)
                      if b is not None]  # fmt: skip
            coordinated = max(breaks, key=lambda b: b.start()) if breaks else None
            after = _COORDINATED_TAIL.match(text, last_mark, stop)
            if (
                coordinated
                and _words_at_least(unquoted, 4, 0, coordinated.start())
                and _clause_like(unquoted[: coordinated.start()])
                # "between Mr Mugabe and the generals, who seized power … against “criminals”":
                # the fragment is in a relative clause of a noun the "and" joins, no clause
                and not _RELATIVE_AFTER_COMMA.search(unquoted, coordinated.end())
            ):
                # "… said the Kremlin did not know her and “cannot keep track” …": a clause of
                # its own before the one that holds the fragment
                yield Report(start, stop, speaker, verb, True)
                stop, quoted = start + coordinated.start(), False
            elif (
                _words_at_least(unquoted, 6)
                and _clause_like(unquoted)
                and (_words_at_least(inner, 8) or unquoted.rstrip().endswith(":"))
                and _quotation_apart(unquoted, inner.strip(_MARKS))
            ):
                # a statement quoted whole after a reported clause ("… published the
                # announcement, which read, “…”"); a fragment ("to avoid any “ambiguous game”")
                # makes the clause the fragment's setting, not reported speech of its own
                yield Report(start, stop, speaker, verb, True)  # the quotation's speaker
                stop, quoted = first_mark, False  # and the clause before it is reported
                while stop > start and text[stop - 1] in " \t.,;:!?":
                    stop -= 1
            elif after is not None and _has_finite(text[after.end() : stop]):
                # "The drill was a ‘normal military exchange’ … and was in line with
                # international law, Wu said.": the fragment's setting, then a clause of its own
                yield Report(start, last_mark, speaker, verb, True)
                tail = after.end()
                if (
                    _words_at_least(text, 5, tail, stop)
                    and (start < m.start() or kind != "any" or _clause_like(text[tail:stop]))
                    and not _verbs_in(text, tail, stop, 1)
                ):
                    # a proposition, not "should be thrown out"; after a verb of request or
                    # accusation, one with its own subject ("He accused X of running a “smear
                    # campaign” and bashed Shelby …" is the speaker's own act); with no speech
                    # verb of its own ("…, but was then asked what he thought")
                    yield Report(tail, stop, speaker, verb)
                    taken_until = max(taken_until, stop)
                continue
        if kind in ("names", "manner") and not quoted:
            # "called Kim “Rocket Man”" names; "cast it as a complete victory", "portrayed the
            # treaty as a threat" judge: a judgement of something is no statement reported
            continue
        previous = speaker
        if speaker.source != "pronoun":
            subject_of_sentence = subject_of_sentence or speaker
        yield Report(start, stop, speaker, verb, quoted)
        # a quotation's clause leaves what follows its last quotation to the verbs there
        # ("told reporters: “…,” adding that …")
        inner_end = max((b for a, b in marked if start <= a and b <= stop), default=stop)
        taken_until = max(taken_until, inner_end if quoted else stop)


#: Verbs whose clause is a request when its verb is bare ("suggested that X change").
_MANDATIVE = lexicon().words("mandative")
_IRREGULAR_PASTS = lexicon().words("irregular_pasts")
#: A singular subject that opens a clause: "he", "Trump", "the President", "the Senate Majority
#: Leader" (a lower-case noun phrase is left alone: "the new policy" ends in no verb to read).
_SINGULAR_SUBJECT = re.compile(
    r"(?:(?:he|she|it)|(?:(?:the|a|an)[ \t]+)?[A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,3})[ \t]+"
    r"(?P<verb>[a-z]+)\b"
)


def _requested(clause: str) -> bool:
    """Whether ``clause`` (after a verb of ``mandative``) asks for something: its singular
    subject is followed by a verb's bare form ("the President change his diet", "Trump
    resign"), not by a tensed one ("Trump knew", "he lied", "it is") nor a modal ("Riyadh
    should develop …", which the quote labels keep as a statement)."""
    m = _SINGULAR_SUBJECT.match(clause)
    if m is None:
        return False
    word = m.group("verb")
    if clause[: m.start("verb")].rstrip().endswith(("'s", "’s")):
        return False  # "Ms Lam's administration was …": the name is a possessive
    if clause[m.end("verb") : m.end("verb") + 1] in ("'", "’"):
        return False  # "he doesn't want …": a clitic makes it tensed
    ahead = [w.lower().strip(",.;:") for w in clause[m.end("verb") :].split(None, 3)[:3]]
    if any(w in _MODAL_WORDS or _FINITE_WORD.fullmatch(w) for w in ahead):
        return False  # "the Social Security trust funds should not be …": still the subject
    return not (
        word in _MODAL_WORDS
        or _FINITE_WORD.fullmatch(word)
        or word.endswith(("s", "ed", "ing", "ly"))
        or word in _NOT_SUBJECT
        or word in _CONJUNCTIONS
        or word in _NEGATIONS
        or word in _ADVERB_WORDS
        or word in _DETERMINERS
        or word in _IRREGULAR_PASTS
    )


#: How an amount opens: "added 312,000 jobs", "add $2 trillion".
_AMOUNT_START = frozenset("0123456789$£€")
#: A second "that" clause coordinated with the first ("… and that …", "…, then that …").
_AND_THAT = re.compile(r",?[ \t]+(?:and|but|or|then|and[ \t]+also)[ \t]+that[ \t]+")


def _second_that(text: str, start: int, stop: int, marked: list[tuple[int, int]]) -> int | None:
    """Where a second "that" clause coordinated inside ``text[start:stop]`` starts (the first
    such one outside quotations), when both it and the clause before it hold a few words and it
    opens a clause ("and that he had been killed"; not "and that was it")."""
    for m in _AND_THAT.finditer(text, start, stop):
        if _inside(m.start(), marked):
            continue
        words = [w for w in text[m.end() : stop].split(None, 4)[:4] if w not in _ADVERB_WORDS]
        if words and (_is_finite(words[0], "that") or words[0] in _MODAL_WORDS):
            return None  # "and that still doesn't make it true": "that" is the subject
        if (
            _words_at_least(text, 3, start, m.start())
            and _words_at_least(text, 3, m.end(), stop)
            and _that_opens_clause(text[m.end() : stop])
        ):
            return m.end()
        return None
    return None


#: "to" and a verb: an infinitive complement.
_INFINITIVE = re.compile(r"to[ \t]+[a-z]")
#: Modifiers coordinated before a subject's head ("security and", "U.S. and European").
_COORDINATED_MODIFIER = re.compile(r"[ \t]*(?:[\w’'.-]+[ \t]+){1,3}(?:and|or)[ \t]+")


_PASSIVE = [["is"], ["was"], ["were"], ["are"], ["be"], ["been"], ["being"]]
#: A time after a subject: "authorities on Saturday", "officials late Friday".
_TRAILING_TIME = re.compile(
    r"[ \t]+(?:(?:on|late|early|last|this|earlier)[ \t]+)?(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|week|month|year|night|today|yesterday|tonight)[ \t]*$"
)
#: Adverbs and auxiliaries between a subject and its verb ("who quickly pointed out", "has also").
_ADVERB_WORDS = lexicon().words("adverbs")


def _strip_adverbs(left: str) -> str:
    """``left`` without the adverbs and auxiliaries at its end."""
    end = len(left.rstrip(" \t"))
    while end > 0:
        space = max(left.rfind(" ", 0, end), left.rfind("\t", 0, end))
        word = left[space + 1 : end]
        if not (
            word in _ADVERB_WORDS or (word.endswith("ly") and word.isalpha() and word.islower())
        ):
            break
        end = len(left[:space].rstrip(" \t")) if space >= 0 else 0
    return left[:end] + (" " if end < len(left) else "")


#: A subordinate or coordinate clause's start and its subject (a pronoun, or a noun phrase of
#: up to five words) right before a speech verb.
_SUBORDINATE_BEFORE = re.compile(
    r"(?:[,;]|[ \t][—–-]+|\b(?:and|but|because|as|after|since|when|while|which|though|although|"
    r"whereas|so|yet|that|who|whom))[ \t]+(?P<subject>(?:[\w’'.-]+[ \t]+){0,4}?[\w’'.-]+)[ \t]*$"
)
_DETERMINERS = lexicon().words("determiners")
#: What follows a subject pronoun when the pronoun is an object: "said it on Monday", "told
#: them the …", "said it and …".
_NOT_VERB_AFTER_PRONOUN = (
    lexicon().words("prepositions") | _DETERMINERS | lexicon().words("object_followers")
)
_CONJUNCTIONS = lexicon().words("conjunctions")
_NEGATIONS = lexicon().words("negations")
_MODALS = [[w] for w in sorted(lexicon().words("modals"))]
_MODAL_WORDS = lexicon().words("modals")
_UNSAID_BEFORE_TO = lexicon().words("unsaid_before_to")
#: Words a reported clause never opens with (a relative clause, a second predicate).
_NOT_OPENERS = lexicon().words("not_openers")
_PASSIVE_REPORTING = lexicon().words("passive_reporting")
_PASSIVE_COMPLEMENT = re.compile(r"[ \t]+(?:to|of)[ \t]+(?=[a-z])")
#: The agent of a passive before its "of" ("accused by prosecutors of lying").
_PASSIVE_AGENT = re.compile(r"[ \t]+by[ \t]+(?P<who>[^,;:.“”\"]{2,60}?)[ \t]+of[ \t]+(?=[a-z])")
_QUESTION_WORDS = lexicon().words("question_words")
#: Words a phrase does not end with: what follows them finishes it.
_FUNCTION_END = (
    _DETERMINERS | PREPOSITIONS | lexicon().words("not_subject") | lexicon().words("adverbs")
    | lexicon().words("dangling")
)  # fmt: skip
#: Words a quotation of its own may open with besides a capital: "because I saw …".
_CLAUSE_OPENERS = lexicon().words("clause_openers")
#: A coordinated clause after the last quotation of a clause (", and was in line with …").
_COORDINATED_TAIL = re.compile(r"[ \t]*,?[ \t]*(?:and|but)[ \t]+(?!.*[“\"«‘])")
_MARKS = "“”\"«»‘’' \t"
_RELATIVE_AFTER_COMMA = re.compile(r",[ \t]+(?:who|which|whose|whom)\b")
_LAST_AND = re.compile(r",?[ \t]+(?:and|but)[ \t]+(?!.*[ \t](?:and|but)[ \t])")
#: A subordinator before a participle of speech: "after previously saying", "before denying".
_SUBORDINATE_PARTICIPLE = re.compile(
    r"[ \t]\b(?:after|before|while|since|by|without|when)(?:[ \t]+(?:[a-z]+ly|also|first|again))?[ \t]*$"
)


#: A participle after a comma: ", adding", ", also acknowledging".
def _participle_after(text: str, pos: int, end: int, participles: list[tuple[int, int]]) -> bool:
    """Whether :data:`_PARTICIPLE_AFTER` matches in ``text[pos:end]``, given its matches in the
    sentence that ends at ``end`` (``participles``): the same answer as the search."""
    k = bisect_left(participles, (pos,))
    if k and participles[k - 1][1] > pos:
        return _PARTICIPLE_AFTER.search(text, pos, end) is not None  # one runs over ``pos``
    return k < len(participles)


def _runs_back(text: str, start: int, end: int, runs: int) -> int:
    """Where the last ``runs`` runs of spaces and tabs of ``text[start:end]`` begin (``start``
    if it holds fewer): a match that ends at ``end`` and holds fewer runs starts after it."""
    pos = end
    for _ in range(runs):
        blank = max(text.rfind(" ", start, pos), text.rfind("\t", start, pos))
        if blank < 0:
            return start
        pos = blank
        while pos > start and text[pos - 1] in " \t":
            pos -= 1
    return pos


_PARTICIPLE_AFTER = re.compile(r",[ \t]+(?:[a-z]+ly[ \t]+|also[ \t]+)?[a-z]+ing\b")
#: A participle after a comma, where a clause may end: "…, citing the “unclear security …”".
_PARTICIPLE_BREAK = re.compile(r",[ \t]+[a-z]+ing[ \t]+")
_ADVERB_GERUND = re.compile(r"[ \t,]*(?:ever|never|not|\w+ly)[ \t]+\w+ing\b")
#: A fronted clause or phrase that is not reported speech: "When asked about …,", "Speaking in
#: Moscow,", "In all,", "Hours after the blast,".
_FRONTED = re.compile(
    r"(?:"
    + "|".join(sorted(lexicon().words("fronted_clause") | lexicon().words("fronted_phrase")))
    + r")\b"
)
_FRONTED_CLAUSE = lexicon().words("fronted_clause")


#: The most fronted parts read before a clause (each one a search of its own).
_FRONTED_PARTS = 6


def _fronted_end(head: str) -> int:
    """Where the fronted parts of ``head`` end: its comma-separated parts at the start that open
    with a subordinating word or a participle ("When asked about the role of …,"), or with a
    preposition and hold no finite verb ("In all,", "On Friday, during a visit to Seoul,")."""
    pos = 0
    for _ in range(_FRONTED_PARTS):
        comma = head.find(",", pos)
        part_end = len(head) if comma < 0 else comma
        first = head[pos : min(part_end, pos + 40)].split(None, 1)[:1]
        if not first or not _FRONTED.fullmatch(first[0]):
            break
        if first[0] not in _FRONTED_CLAUSE and _FINITE.search(head, pos, part_end):
            break  # "At least three people were killed …": the clause itself
        pos = part_end + 1
        if comma < 0:
            break
    return min(pos, len(head) + 1)


#: How far before the end of a search a :data:`_BOUNDARY` match may read ahead past it: its
#: longest word ("although") and the character after it, for the ``\b``.
_BOUNDARY_REACH = 9


class ClauseBoundaries:
    """The clause boundaries (:data:`_BOUNDARY`) of one sentence, found once: where the clause
    before each of its verbs starts is then asked without searching the sentence again (once
    per verb, a long sentence of many verbs took quadratic time).

    A search of ``text[start:end]`` finds the sentence's boundaries that end
    :data:`_BOUNDARY_REACH` characters before ``end`` or earlier (each try of the pattern
    before them read nothing past ``end - 9``, so it went as in the sentence's search); only
    what follows them is searched again, from the last position the two searches are known to
    agree on."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.spans = [(b.start(), b.end()) for b in _BOUNDARY.finditer(text, start, end)]
        self.ends = [b for _, b in self.spans]

    def clause_start(self, end: int, marked: list[tuple[int, int]]) -> int:
        """Where the clause holding ``end`` starts: the end of the last boundary between the
        sentence's start and ``end`` outside the quotations ``marked``, else the sentence's
        start (as one search of ``text[start:end]`` finds them)."""
        k = bisect_right(self.ends, end - _BOUNDARY_REACH)
        resume = self.spans[k - 1][1] if k else self.start
        # the sentence's search failed at every position up to its next boundary: so did this
        # one, short of the last characters before ``end``
        following = self.spans[k][0] if k < len(self.spans) else end
        resume = max(resume, min(following, end - _BOUNDARY_REACH))
        tail = [(b.start(), b.end()) for b in _BOUNDARY.finditer(self.text, resume, end)]
        for a, b in reversed(tail):
            if not _inside(a, marked):
                return b
        for i in range(k - 1, -1, -1):
            a, b = self.spans[i]
            if not _inside(a, marked):
                return b
        return self.start


#: A clause after a verb: "that", or a word and a pronoun.
_CLAUSE_AFTER = re.compile(r"[ \t]+(?:that\b|\w+[ \t]+(?:he|she|they|it|we)\b)")


def _attributes_a_quote(text: str, m: re.Match[str], marked: list[tuple[int, int]]) -> bool:
    """Whether the verb is the attribution right after a quotation (“…,” he said / said Putin)
    and ends its sentence or clause there."""
    if m.group(0).endswith("ing"):
        return False
    ends = [b for a, b in marked if b <= m.start()]
    if not ends:
        return False
    between = text[max(ends) : m.start()].lstrip("”\"’'»,.!?… \t—–-")
    if len(between.split()) > 6 or any(c in between for c in '.!?;:,“"‘«'):
        return False
    if {"and", "but", "while", "then", "yet", "or", "as", "after"} & set(between.lower().split()):
        return False  # “…” around it, but said …: a verb of its own
    after = text[m.end() : m.end() + 40]
    return not _CLAUSE_AFTER.match(after)


def _inside(pos: int, marked: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in marked)


#: Where a phrase ends.
_PHRASE_STOP = re.compile(r"[,.;:!?\n—–()]")


#: The longest phrase :func:`_phrase_end` reads (each read masks it whole).
_PHRASE_MAX = 1024


def _phrase_end(text: str, start: int, end: int) -> int:
    """Where the phrase at ``start`` ends: the first stop before ``end`` that is no
    abbreviation's. The text is masked in growing pieces: masking a piece gives what masking all
    of it gives except in its last characters (a try of the mask reads six at most), so a stop
    found before them is the first (a phrase is short, and masking every long sentence to its
    end once per phrase took quadratic time)."""
    size = 256
    while True:
        if size > _PHRASE_MAX:
            return end  # no phrase runs this long: no stop the rules read
        stop = min(end, start + size)
        masked = mask_abbreviations(text[start:stop])
        m = _PHRASE_STOP.search(masked, 0, len(masked) if stop == end else len(masked) - 8)
        if m:
            return start + m.start()
        if stop == end:
            return end
        size *= 4


def _skip_space(text: str, start: int, stop: int) -> int:
    while start < stop and text[start] in " \t,\n":
        start += 1
    return start


__all__ = ["PRONOUNS", "Report", "is_finding", "is_respondent", "reports_in", "sentence_subject"]


#: A relative pronoun, then the subject of a speech verb at the end: "…, which she | claims …",
#: "a policy that critics | say …".
_EXTRACTED_SUBJECT = re.compile(
    r"(?:^|[ \t,])(?P<rel>which|that)[ \t]+(?P<who>(?:[\w’'.-]+[ \t]+){0,3}[\w’'.-]+)[ \t]*$"
)
#: Verb classes whose subject a relative pronoun may take from the reported clause (not a
#: question's "the first question that people ask is …").
_EXTRACTING_KINDS = frozenset({"say", "clause", "object", "promise", "commit"})
#: Words before or after "that" that leave no relative clause with its own subject: "what",
#: "everything that Palin said".
_NO_ANTECEDENT = frozenset(
    {"what", "whatever", "everything", "anything", "something", "nothing", "all", "which", "who"}
)
#: The end of a relative clause between commas or dashes: a comma or a dash before a space.
_ASIDE_END = re.compile(r",(?=[ \t])|[ \t](?:—|–|--)[ \t]")
#: Finite words that open a predicate whose subject a relative pronoun took: "would", "has".
_PREDICATE_OPENERS = frozenset({"is", "was", "are", "were", "has", "have", "had", "will", "would"})


def _extracted_report(
    text: str, s_start: int, verb_start: int, verb_end: int, s_end: int
) -> tuple[Mention, int, int] | None:
    """A speech verb inside a relative clause whose subject the relative pronoun took from the
    reported clause: "a single-payer system, which she claims would cost taxpayers nothing",
    "a policy that critics say has failed". The verb's subject speaks; what is reported is the
    predicate after the verb ("would cost taxpayers nothing"), up to the end of the relative
    clause (a comma when it opened after one). (speaker, start, end), or None."""
    m = _EXTRACTED_SUBJECT.search(text, max(s_start, verb_start - 60), verb_start)
    if m is None or m.group("who").split()[0].lower() in _NOT_SUBJECT | _NO_ANTECEDENT:
        return None  # "that what Rubio claimed would …": a free relative, the main subject
    antecedent = text[max(s_start, m.start("rel") - 30) : m.start("rel")].split()[-1:]
    if antecedent and antecedent[0].lower().strip(",") in _NO_ANTECEDENT:
        return None  # "everything that Palin said was presumed …": the object of the verb
    rest = text[verb_end : min(s_end, verb_end + 200)]
    circ = lexicon().circumstance.match(rest)
    skip = circ.end() if circ and not circ.group(0).rstrip().endswith(",") else 0
    words = rest[skip:].split(None, 2)
    if len(words) < 2 or not (
        words[0] in _MODAL_WORDS or words[0] in _PREDICATE_OPENERS
    ):  # "which he says would …"; not "that he said the …"
        return None
    who = parse_subject(text, m.start("who"), verb_start)
    if who is None:
        return None
    start = verb_end + skip + len(rest[skip:]) - len(rest[skip:].lstrip())
    stop = _clause_end(text, start, s_end)
    if (
        text[m.start() : m.start("rel")].strip() == ","
        or text[max(s_start, m.start() - 1)] in ",—–"
    ):
        # the relative clause between commas (or dashes) ends at the next one ("£2,500" goes on)
        close = _ASIDE_END.search(text, start, stop)
        stop = close.start() if close is not None else stop
    if not _words_at_least(text, 2, start, stop):
        return None
    return who, start, stop


#: What opens an aside after a sentence's subject: a relative pronoun, a participle, a
#: preposition of circumstance ("Smith, speaking to reporters …, said").
_ASIDE_OPENER = re.compile(
    r"[ \t]*(?:who|whose|whom|which|[a-z]+ing|in|at|during|after|before|while|when|on|from|"
    r"with|within|like|unlike|despite|amid|as)\b"
)


def _subject_before_aside(text: str, s_start: int, verb_start: int) -> Mention | None:
    """The subject of a sentence that opens "Name, <aside>, <verb>": the noun phrase before the
    first comma, when what follows that comma opens an aside (:data:`_ASIDE_OPENER`) and the
    aside runs up to the comma before the verb; None otherwise."""
    comma = text.find(",", s_start, verb_start)
    if comma <= s_start or not _ASIDE_OPENER.match(text, comma + 1, verb_start):
        return None
    if text[s_start:comma].split()[:1] and text[s_start:comma].split()[0].lower() in _NOT_SUBJECT:
        return None
    if len(text[s_start:comma].split()) > 6:
        return None
    who = parse_subject(text, s_start, comma)
    if who is None or who.source == "pronoun" or who.kind == "place":
        return None
    return who


#: An aside between dashes or parentheses that opens a relative clause of its own: "the
#: investigations — which Trump called a “phony witch hunt” — were …".
_RELATIVE_ASIDE = re.compile(r"[ \t]*(?:[—–(]|--)[ \t]*(?:which|who|whom|whose|what|as)\b")
_ASIDE_CLOSE = re.compile(r"[ \t]*(?:[—–)]|--)")


def _quotes_in_asides(text: str, start: int, stop: int, marked: list[tuple[int, int]]) -> bool:
    """Whether every quotation inside ``text[start:stop]`` lies in a relative aside between
    dashes or parentheses (:data:`_RELATIVE_ASIDE`): its words are the aside's own attribution
    ("which Trump called …"), not a fragment of the reported clause, which stays reported speech
    ("Trump told Hannity that the investigations — which Trump called a “phony witch hunt” —
    were driving a wedge …")."""
    inside = [(a, b) for a, b in marked if a < stop and b > start]
    if not inside:
        return False
    for a, b in inside:
        opener = max(text.rfind(d, start, a) for d in ("—", "–", "(", "--"))
        if opener < start or not _RELATIVE_ASIDE.match(text, max(start, opener - 1), a):
            return False
        close = _ASIDE_CLOSE.search(text, b, min(stop, b + 4))
        if close is None:
            return False
    return True


#: Auxiliaries and adverbs that may come before a predicate's speech verb ("has long said").
_BEFORE_PREDICATE = re.compile(
    r"[ \t]*(?:(?:has|have|had|also|long|repeatedly|previously|since|again|often|once|later)"
    r"[ \t]+){0,3}"
)


def _speech_predicate_after(text: str, comma: int, s_end: int) -> bool:
    """Whether, after the comma at ``comma`` that closes an aside, the sentence's predicate
    opens with a speech verb ("…, has long said that …", "…, said on Monday"), auxiliaries and
    adverbs aside."""
    if text[comma : comma + 1] != ",":
        return False
    lead = _BEFORE_PREDICATE.match(text, comma + 1, s_end)
    at = lead.end() if lead is not None else comma + 1
    hits = _verbs_in(text, at, min(s_end, at + 30), 1)
    if not hits or hits[0].s != at or text[at : hits[0].e].endswith("ing"):
        return False
    verb = " ".join(text[at : hits[0].e].split())
    return lexicon().verb_class.get(verb, "say") in _EXTRACTING_KINDS  # not "described X as Y"
