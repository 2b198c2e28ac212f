"""What an editor looks for in two renderings of one statement, named with both texts.

For every row of a diff that aligns statements of both articles (see :mod:`align`), the stretch
compared on each side is the row's focus: the statement, or — for a reworded statement of several
sentences — the sentences that report what the other side has. There the findings are:

- ``insertion``: words inside one outlet's quote that the other's rendering lacks — a bracket or
  a parenthesis ("the 7 areas around Nagorno-Karabakh (occupied by Armenia)", "five plus two
  [surrounding] districts"; square brackets even around words the other has: "pay [for] it"
  marks the word as the editor's), or, between two quotes that are otherwise word for word the same,
  words one has in the middle and the other has not;
- ``number``: one number written differently but equal ("7", "seven", "five plus two");
- ``meaning`` (meaning may differ): a negation one side has and the other lacks; different modal
  verbs (should / must / may; "will" / "would" mark tense as well and are left out); verbs that
  may mean opposite things in one context ("change" / "fix"); one verb active on one side and
  passive on the other ("Azerbaijan should return" / "should be returned to Azerbaijan"), which
  may change who does what. Negations and modals are read in what differs inside the part both
  render word for word (a paraphrase is compared whole): the framing one outlet wraps around a
  quote is not a change to it;
- ``attribution``: different reporting verbs for what is surely the same statement, when at least
  one of them says something about it ("claimed" casts doubt on it; said / told is no finding);
- ``naming``: different names for one referent in an otherwise shared context of a statement that
  is surely the same ("the city of Shusha" / "the city of Shushi"); a pronoun, a spelling or a
  name against a common word is not one.

The word lists (negations, modals, verb pairs, participles, reporting-verb lemmas) are in
``data/editorial_words.toml``. Every finding carries each article's text as the article has it, and
its offsets.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from corpuscli.text.stopwords import load_stopwords

from .align import Row
from .numbers import find_numbers
from .quotes import Quote
from .similarity import content_words, stem
from .speaker_match import same_speaker
from .worddiff import Token, tokenize

KINDS = ("insertion", "number", "meaning", "attribution", "naming")


@dataclass(frozen=True)
class Finding:
    """One editorial difference: its kind, the index of the diff row it is in, what each article
    has there (as the article has it, with its offsets), and a note."""

    kind: str
    row: int
    a: str
    b: str
    note: str = ""
    a_spans: tuple[tuple[int, int], ...] = field(default_factory=tuple)
    b_spans: tuple[tuple[int, int], ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "row": self.row, "a": self.a, "b": self.b, "note": self.note,
                "a_spans": [list(x) for x in self.a_spans],
                "b_spans": [list(x) for x in self.b_spans]}  # fmt: skip


@dataclass(frozen=True)
class _Words:
    negations: frozenset[str]
    modals: tuple[str, ...]
    pairs: frozenset[tuple[str, str]]
    be: frozenset[str]
    participles: frozenset[str]
    lemmas: dict[str, str]
    loaded: dict[str, str]
    tense: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = tomllib.loads(
        resources.files("corpuscli").joinpath("data/editorial_words.toml").read_text("utf-8")
    )
    pairs = set()
    for x, y in data["verb_pairs"]:
        pairs |= {(x, y), (y, x)}
    return _Words(
        frozenset(data["negations"]), tuple(data["modals"]), frozenset(pairs),
        frozenset(data["be_forms"]), frozenset(data["participles"]), dict(data["lemmas"]),
        dict(data["loaded_verbs"]), frozenset(data["tense_modals"]),
    )  # fmt: skip


@dataclass
class _Stretch:
    """The part of one side of a row that is compared: its tokens, in its article's text."""

    text: str
    tokens: list[Token]
    quoted: bool

    @property
    def span(self) -> tuple[int, int]:
        return (self.tokens[0].start, self.tokens[-1].end) if self.tokens else (0, 0)

    def show(self, i: int, j: int, pad: int = 4) -> tuple[str, tuple[tuple[int, int], ...]]:
        """Tokens i..j with ``pad`` tokens either side, as the article has them."""
        lo, hi = max(0, i - pad), min(len(self.tokens), j + pad)
        if lo >= hi:
            return "", ()
        start, end = self.tokens[lo].start, self.tokens[hi - 1].end
        return self.text[start:end], ((start, end),)


def editorial_findings(rows: list[Row], a_text: str, b_text: str) -> list[Finding]:
    """The findings of the module docstring, row by row."""
    out: list[Finding] = []
    for n, row in enumerate(rows):
        if not (row.a and row.b):
            continue
        out += _attribution(n, row)
        if row.label == "same":
            continue
        sa, sb = _stretch(row.a, row.a_focus, a_text), _stretch(row.b, row.b_focus, b_text)
        if not sa.tokens or not sb.tokens:
            continue
        out += _insertions(n, sa, sb)
        out += _numbers(n, row, a_text, b_text)
        out += _meaning(n, sa, sb)
        if _surely_one(row):
            out += _naming(n, sa, sb)
    return out


def _surely_one(row: Row) -> bool:
    """Whether a row's two sides are surely one statement, so that a name one writes for the
    other's, or a verb one attributes it with, is worth naming: the same words, one inside the other, or split; or reworded with most words shared,
    or a strong overlap of content words. A weaker link may be two remarks on one subject, whose different words
    say nothing about how either outlet rendered one statement."""
    return (
        row.label in ("same", "contained", "split")
        or row.similarity >= 0.75
        or (row.link is not None and row.link.dice >= 0.45)
    )


#: The most tokens either side of a change before the first shared run or after the last may
#: have to count as part of the statement (more is one side's framing: "…, a surprisingly
#: downbeat assessment from a leader who until now has expressed no fears of …").
_EDGE_CHANGE = 8


def _short_change(code: _Opcode) -> bool:
    op, i1, i2, j1, j2 = code
    return op == "replace" and i2 - i1 <= _EDGE_CHANGE and j2 - j1 <= _EDGE_CHANGE


def _changed_inside(sa: _Stretch, sb: _Stretch) -> tuple[list[str], list[str]]:
    """The words each side has in the runs that differ between the first and the last run the
    two share: what one outlet changed inside the statement both render, not the framing around
    it that only one of them quotes. Where both sides go on differently before the first shared
    run or after the last one, that is a change too. A paraphrase (less than half of the shorter
    side shared in order) is compared whole."""
    codes = _opcodes(sa, sb)
    shared = [k for k, code in enumerate(codes) if code[0] == "equal"]
    if not shared or _equal_share(codes, sa, sb) < 0.5:
        # a paraphrase, not one wording edited: there is no shared run to be inside of
        return [t.key for t in sa.tokens], [t.key for t in sb.tokens]
    first, last = shared[0], shared[-1]
    if first > 0 and _short_change(codes[first - 1]):
        first -= 1  # both begin differently: a change, not one side's framing
    if last + 1 < len(codes) and _short_change(codes[last + 1]):
        last += 1  # both end differently ("should be returned" / "has controlled")
    ka: list[str] = []
    kb: list[str] = []
    for op, i1, i2, j1, j2 in codes[first : last + 1]:
        if op != "equal":
            ka += [t.key for t in sa.tokens[i1:i2]]
            kb += [t.key for t in sb.tokens[j1:j2]]
    return ka, kb


def _stretch(qs: list[Quote], spans: list[tuple[int, int]], text: str) -> _Stretch:
    """The part of a row's side that was compared (its focus), as tokens."""
    quoted = all(q.kind in ("direct", "partial") for q in qs)
    spans = spans or [(q.start, q.end) for q in qs]
    return _Stretch(text, [t for s, e in spans for t in tokenize(text, s, e)], quoted)


#: One of difflib's opcodes: what to do, and the spans of the two sides it applies to.
_Opcode = tuple[Literal["replace", "delete", "insert", "equal"], int, int, int, int]


def _opcodes(sa: _Stretch, sb: _Stretch) -> list[_Opcode]:
    """The word diff of a row's two stretches (asked for by every finding of the row: computed
    once per pair of stretches)."""
    return list(_opcodes_of(tuple(t.key for t in sa.tokens), tuple(t.key for t in sb.tokens)))


@lru_cache(maxsize=64)
def _opcodes_of(ka: tuple[str, ...], kb: tuple[str, ...]) -> tuple[_Opcode, ...]:
    return tuple(difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes())


_BRACKETED = re.compile(r"\([^()\n]{1,120}\)|\[[^\[\]\n]{1,120}\]")


def _insertions(n: int, sa: _Stretch, sb: _Stretch) -> list[Finding]:
    out = []
    for mine, other, side in ((sa, sb, "a"), (sb, sa, "b")):
        if not mine.quoted:
            continue
        start, end = mine.span
        other_words = set(content_words(" ".join(t.text for t in other.tokens)))
        other_keys = {t.key for t in other.tokens}
        other_span = other.text[other.span[0] : other.span[1]]
        who = "A" if side == "a" else "B"
        for m in _BRACKETED.finditer(mine.text, start, end):
            inner = [t.key for t in tokenize(mine.text, m.start() + 1, m.end() - 1)]
            if m.group(0).startswith("[") and inner and m.group(0) not in other_span:
                # square brackets mark an editor's words inside a quote, even a word the other
                # outlet gives as the speaker's own ("He should pay [for] it" / "pay for it")
                given = all(k in other_keys for k in inner if k[0].isalnum())
                note = (f"{who}'s quote marks {m.group(0)} as an editor's insertion; the other's "
                        "gives the words as the speaker's" if given
                        else f"{who}'s quote has {m.group(0)}; the other's rendering does not")  # fmt: skip
            else:
                words = set(content_words(m.group(0)))
                if not words or words <= other_words:
                    continue
                note = f"{who}'s quote has {m.group(0)}; the other's rendering does not"
            i = next(k for k, t in enumerate(mine.tokens) if t.start >= m.start())
            j = max(k for k, t in enumerate(mine.tokens) if t.end <= m.end()) + 1
            shown, spans = mine.show(i, j)
            there, there_spans = _counterpart(mine, other, i, j, side)
            out.append(_finding("insertion", n, side, shown, spans, there, there_spans, note))
    # between near-identical quotes: words one has in the middle that the other lacks
    if not (sa.quoted and sb.quoted):
        return out
    codes = _opcodes(sa, sb)
    if _equal_share(codes, sa, sb) < 0.6:
        return out
    for k, (op, i1, i2, j1, j2) in enumerate(codes):
        if op not in ("insert", "delete") or k == 0 or k == len(codes) - 1:
            continue
        gap = [
            t
            for t in (sa.tokens[i1:i2] if op == "delete" else sb.tokens[j1:j2])
            if t.key[0].isalnum()
        ]
        if not gap or len(gap) > 8:
            continue
        if any(_BRACKETED.search(t.text) for t in gap):
            continue
        a_shown, a_spans = sa.show(i1, i2, 3)
        b_shown, b_spans = sb.show(j1, j2, 3)
        who = "A" if op == "delete" else "B"
        note = f"{who}'s quote has “{' '.join(t.text for t in gap)}”; the other's does not"
        out.append(Finding("insertion", n, a_shown, b_shown, note, a_spans, b_spans))
    return out


def _equal_share(codes: list[_Opcode], sa: _Stretch, sb: _Stretch) -> float:
    equal = sum(i2 - i1 for op, i1, i2, _, _ in codes if op == "equal")
    return equal / max(1, min(len(sa.tokens), len(sb.tokens)))


def _counterpart(
    mine: _Stretch, other: _Stretch, i: int, j: int, side: str
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """What the other side has where ``mine`` has tokens i..j: the other's tokens between the
    matches just before and just after, with a little context (else its whole stretch)."""
    a, b = (mine, other) if side == "a" else (other, mine)
    codes = _opcodes(a, b)
    lo = hi = None
    for op, i1, i2, j1, j2 in codes:
        x1, x2, y1, y2 = (i1, i2, j1, j2) if side == "a" else (j1, j2, i1, i2)
        if op == "equal" and x2 <= i:
            lo = y2 - min(x2 - x1, 4)
        if op == "equal" and x1 >= j and hi is None:
            hi = y1 + min(x2 - x1, 4)
    if lo is None or hi is None or hi <= lo:
        start, end = other.span
        return other.text[start:end], ((start, end),)
    return other.show(lo, hi, 0)


def _finding(kind, n, side, shown, spans, there, there_spans, note) -> Finding:  # type: ignore[no-untyped-def]
    if side == "a":
        return Finding(kind, n, shown, there, note, spans, there_spans)
    return Finding(kind, n, there, shown, note, there_spans, spans)


def _numbers(n: int, row: Row, a_text: str, b_text: str) -> list[Finding]:
    def found(qs: list[Quote], text: str) -> list[tuple[float, str, tuple[int, int]]]:
        out = []
        for q in qs:
            for num in find_numbers(text[q.start : q.end]):
                start, end = q.start + num.start, q.start + num.end
                m = re.match(r"\s+[\w’'-]+", text[end : end + 40])  # the thing counted
                if m:
                    end += m.end()
                out.append((num.value, num.text, (start, end)))
        return out

    out = []
    seen = set()
    nb = found(row.b, b_text)
    for value, raw, span in found(row.a, a_text):
        for value_b, raw_b, span_b in nb:
            key = (value, raw.lower(), raw_b.lower())
            if value == value_b and raw.lower() != raw_b.lower() and key not in seen:
                seen.add(key)
                out.append(Finding("number", n, a_text[span[0]:span[1]], b_text[span_b[0]:span_b[1]],
                                   f"the same number written differently ({raw} / {raw_b})",
                                   (span,), (span_b,)))  # fmt: skip
    return out


def _keys(s: _Stretch) -> list[str]:
    return [t.key for t in s.tokens]


def _meaning(n: int, sa: _Stretch, sb: _Stretch) -> list[Finding]:
    w = _words()
    out = []
    whole_a, whole_b = sa.show(0, len(sa.tokens), 0), sb.show(0, len(sb.tokens), 0)

    def add(what: str) -> None:
        out.append(Finding("meaning", n, whole_a[0], whole_b[0], f"meaning may differ: {what}",
                           whole_a[1], whole_b[1]))  # fmt: skip

    ka, kb = _keys(sa), _keys(sb)
    ca, cb = _changed_inside(sa, sb)
    neg_a = [k for k in ca if k in w.negations or k.endswith("n't")]
    neg_b = [k for k in cb if k in w.negations or k.endswith("n't")]
    if len(neg_a) % 2 != len(neg_b) % 2:
        add(f"negation (A {_list(neg_a)}, B {_list(neg_b)})")
    mod_a, mod_b = _modals(ca, w), _modals(cb, w)
    if set(mod_a) - w.tense != set(mod_b) - w.tense:
        add(f"modality (A {_list(mod_a)}, B {_list(mod_b)})")
    stems_a = {stem(k) for k in ka if k.isalpha()}
    stems_b = {stem(k) for k in kb if k.isalpha()}
    for x in sorted(stems_a - stems_b):
        for y in sorted(stems_b - stems_a):
            if (x, y) in w.pairs:
                add(f"“{_surface(sa, x)}” against “{_surface(sb, y)}”")
    pass_a, act_a = _voice(sa, w)
    pass_b, act_b = _voice(sb, w)
    for v in sorted((pass_a & act_b) | (act_a & pass_b)):
        first = "passive" if v in pass_a else "active"
        second = "active" if first == "passive" else "passive"
        add(f"“{_surface(sa, v)}” is {first} in A and “{_surface(sb, v)}” {second} in B: who "
            "does what may have changed")  # fmt: skip
    return out


def _list(items: list[str] | tuple[str, ...]) -> str:
    return "“" + "”, “".join(items) + "”" if items else "none"


def _modals(keys: list[str], w: _Words) -> tuple[str, ...]:
    text = " " + " ".join(keys) + " "
    return tuple(sorted({m for m in w.modals if f" {m} " in text}))


def _surface(s: _Stretch, key: str) -> str:
    return next((t.text for t in s.tokens if stem(t.key) == key or t.key == key), key)


def _participle(key: str, w: _Words) -> bool:
    return key in w.participles or (key.endswith("ed") and len(key) > 4)


def _voice(s: _Stretch, w: _Words) -> tuple[set[str], set[str]]:
    """Stems of the verbs used in the passive ("be returned") and in the active ("return",
    "returns", "returning") in a stretch."""
    keys = _keys(s)
    passive, active = set(), set()
    for i, k in enumerate(keys):
        if not k.isalpha():
            continue
        before = keys[max(0, i - 3) : i]
        if _participle(k, w) and any(b in w.be for b in before):
            passive.add(stem(k))
        elif i > 0 and (keys[i - 1] in w.modals or keys[i - 1] == "to") and k not in w.be:
            active.add(stem(k))
    return passive, active


def _naming(n: int, sa: _Stretch, sb: _Stretch) -> list[Finding]:
    w = _words()
    stop = load_stopwords("en")
    codes = _opcodes(sa, sb)
    out = []
    for k, (op, i1, i2, j1, j2) in enumerate(codes):
        if op != "replace" or k == 0 or k == len(codes) - 1:
            continue
        before, after = codes[k - 1], codes[k + 1]
        if before[0] != "equal" or after[0] != "equal":
            continue
        xa = [t for t in sa.tokens[i1:i2] if t.key[0].isalnum()]
        xb = [t for t in sb.tokens[j1:j2] if t.key[0].isalnum()]
        if not xa or not xb or len(xa) > 4 or len(xb) > 4:
            continue
        keys = {t.key for t in xa + xb}
        if keys & (w.negations | w.be | set(w.modals)):
            continue
        if all(t.key in stop for t in xa) or all(t.key in stop for t in xb):
            continue  # "Weiner" / "him": a pronoun refers, it does not name
        if any(find_numbers(t.text) for t in xa + xb):
            continue  # numbers are their own finding
        if not any(t.text[:1].isupper() or "-" in t.text for t in xa + xb):
            continue  # a name, or a compound ("Armenia-held"), not any word swapped
        if _letters(xa) == _letters(xb) or _letters(_named(xa, stop)) == _letters(_named(xb, stop)):
            continue  # "tax-filing" / "tax filing", "FBI and" / "F.B.I.": spelling, not naming
        if not all(any(t.text[:1].isupper() or "-" in t.text for t in x) for x in (xa, xb)):
            continue  # "by Lauren Greene" / "lawsuit": a name against a common word is a rewording
        a_shown, a_spans = sa.show(i1, i2, 2)
        b_shown, b_spans = sb.show(j1, j2, 2)
        note = f"A calls it “{' '.join(t.text for t in xa)}”, B “{' '.join(t.text for t in xb)}”"
        out.append(Finding("naming", n, a_shown, b_shown, note, a_spans, b_spans))
    return out


def _named(tokens: list[Token], stop: frozenset[str] | set[str]) -> list[Token]:
    return [t for t in tokens if t.key not in stop]


def _letters(tokens: list[Token]) -> str:
    return "".join(c for t in tokens for c in t.key if c.isalnum())


def _lemma(verb: str) -> str:
    first = verb.lower().split()[0]
    return _words().lemmas.get(first) or stem(first)


def _attribution(n: int, row: Row) -> list[Finding]:
    """Different reporting verbs, only where the two are surely one statement (the same words,
    one inside the other, or one split, or reworded with a strong overlap and the same speaker)
    and at least one of the verbs says more than that it was said (claimed, admitted,
    insisted: ``loaded`` in the data); two neutral verbs (said / told) are no finding."""
    va = next((q for q in row.a if q.verb), None)
    vb = next((q for q in row.b if q.verb), None)
    if not _surely_one(row) or va is None or vb is None or va.verb is None or vb.verb is None:
        return []
    same = same_speaker(va.speaker, vb.speaker)
    if same is False or (same is None and row.label == "reworded"):
        return []  # a reworded row with a speaker unknown may be someone else's remark
    la, lb = _lemma(va.verb), _lemma(vb.verb)
    if la == lb:
        return []
    loaded = _words().loaded
    notes = [f"“{v}” {loaded[lem]}" for v, lem in ((va.verb, la), (vb.verb, lb)) if lem in loaded]
    if not notes:
        return []  # said / told / wrote: neutral both, nothing an editor chose
    note = "different attribution verbs: " + "; ".join(notes)
    return [Finding("attribution", n, f"{va.speaker or '?'} {va.verb}", f"{vb.speaker or '?'} {vb.verb}",
                    note)]  # fmt: skip


_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def term_contrast(a_text: str, b_text: str, top: int = 12) -> tuple[list[str], list[str]]:
    """The words each article uses most that the other never does (stopwords and words of two
    letters out: English ones, and those of the article's own language when it is another, so
    that a French article's "les" and "des" are not what it alone uses), most frequent first."""

    def counts(text: str) -> dict[str, int]:
        stop = _stopwords_of(text)
        out: dict[str, int] = {}
        for w in _WORD.findall(text.replace("’", "'")):
            lw = w.lower()
            if lw not in stop and len(lw) > 2:
                out[lw] = out.get(lw, 0) + 1
        return out

    ca, cb = counts(a_text), counts(b_text)

    def only(x: dict[str, int], y: dict[str, int]) -> list[str]:
        return [w for w, _ in sorted(((w, n) for w, n in x.items() if w not in y),
                                     key=lambda t: (-t[1], t[0]))[:top]]  # fmt: skip

    return only(ca, cb), only(cb, ca)


def _stopwords_of(text: str) -> frozenset[str]:
    """English stopwords, with those of ``text``'s language when it is another that has a list."""
    from corpuscli.text.languages import detect_language
    from corpuscli.text.stopwords import has_list, language_stopwords

    stop = load_stopwords("en")
    lang = detect_language(text)
    if lang and lang != "en" and has_list(lang):
        stop = stop | language_stopwords(lang)
    return stop
