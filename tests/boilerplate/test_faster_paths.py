"""The faster ways of boilerplate detection give what the plain ways give: the boilerplate
blocks' verdicts alone (serial and in worker processes), the summary, the block signature, a
block's words and its sentence end."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscli import load
from corpuscli.boilerplate.detection import COLUMNS, VERDICT_COLUMNS, clean, detect, summarise
from corpuscli.boilerplate.evidence import SENTENCE_END, WORD
from corpuscli.boilerplate.shapes import ends_sentence
from corpuscli.boilerplate.vocabulary import words_of
from corpuscli.text.blocks import signature
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    return load([str(SAMPLE)]).frame


@pytest.mark.parametrize("by", ["source", "stance"])
@pytest.mark.parametrize("parts", [None, 5])
def test_boilerplate_only_is_the_boilerplate_rows(sample, monkeypatch, by, parts):
    import corpuscli.boilerplate.detection as bp

    if parts:  # many parts shared among two worker processes
        monkeypatch.setattr(bp, "_PART_DOCS", parts)
    jobs = 2 if parts else 1
    full = detect(sample, by=by, jobs=jobs)
    only = detect(sample, by=by, jobs=jobs, boilerplate_only=True)
    expected = full[full["boilerplate"]].reset_index(drop=True)
    assert len(expected) > 0
    pd.testing.assert_frame_equal(only, expected)
    pd.testing.assert_frame_equal(summarise(only), summarise(full))


def test_boilerplate_only_with_nothing_found_is_still_a_mask(sample):
    story = sample.head(1).assign(text="A plain sentence of a story.\n\nAnother one follows.")
    only = detect(story, boilerplate_only=True)
    assert only.empty and list(only.columns) == list(detect(story).columns)
    assert only[only["boilerplate"]].empty
    assert summarise(only).empty


def test_clean_without_all_verdicts_cleans_the_same(sample):
    cleaned, verdicts = clean(sample)
    fast, boilerplate = clean(sample, all_verdicts=False)
    pd.testing.assert_frame_equal(fast, cleaned)
    pd.testing.assert_frame_equal(
        boilerplate, verdicts[verdicts["boilerplate"]].reset_index(drop=True)
    )


def _summary_before(verdicts: pd.DataFrame) -> pd.DataFrame:
    """The summary as it was computed before (one value_counts per block), the reference."""
    bp = verdicts[verdicts["boilerplate"]]
    if not len(bp):
        return pd.DataFrame(columns=list(COLUMNS))
    bp = bp.assign(sig=bp["text"].map(signature))
    out = (
        bp.groupby(["source", "sig"], sort=False)
        .agg(
            position=("block", "median"),
            text=("text", "first"),
            articles=("doc_id", "nunique"),
            where=("where", lambda s: s.value_counts().index[0]),
            why=("why", "first"),
            score=("score", "max"),
            family=("family", "first"),
        )
        .reset_index()
    )
    out = out.sort_values(
        ["source", "articles", "score", "text"], ascending=[True, False, False, True], kind="stable"
    )
    return out[list(COLUMNS)].reset_index(drop=True)


def test_summary_equals_the_reference(sample):
    verdicts = detect(sample, by="stance")
    pd.testing.assert_frame_equal(summarise(verdicts), _summary_before(verdicts))


def test_summary_where_ties_go_to_the_first_met():
    # one block at the tail of two articles and the head of two others, in both orders
    rows = []
    for n, where in enumerate(["tail", "head", "head", "tail", "body", "tail", "body"]):
        rows.append(("d" + str(n), "Outlet", 0, 0, 9, "Read more", True, 1.0, "why", where, "x"))
        rows.append(("d" + str(n), "Other", 0, 0, 9, "Sign up", True, 1.0, "why", where, "x"))
    for cut in range(1, len(rows) + 1):
        verdicts = pd.DataFrame(rows[:cut], columns=list(VERDICT_COLUMNS))
        pd.testing.assert_frame_equal(summarise(verdicts), _summary_before(verdicts))


_MONTHS = re.compile(
    r"\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|"
    r"oct(ober)?|nov(ember)?|dec(ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)


def _signature_before(text: str) -> str:
    folded = _MONTHS.sub("<m>", text.lower().replace("’", "'"))
    folded = re.sub(r"\d+", "0", folded)
    folded = re.sub(r"[^\w\s]+", " ", folded)
    return re.sub(r"\s+", " ", folded).strip()


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("ab1 .,’'\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u2000\u2028\u3000_-May")
        ),
        max_size=60,
    )
)
def test_signature_equals_the_regex_way(text):
    assert signature(text) == _signature_before(text)


def test_signature_on_real_lines(sample):
    for text in sample["text"].head(10):
        for line in text.splitlines():
            assert signature(line) == _signature_before(line)


#: Letters, digits and marks of several scripts, a ligature, numerals that are no decimal
#: digits (Roman twelve, superscript two), case changes that alter length (İ), apostrophes,
#: hyphens, quotes, stops and the spaces str.split and \s know.
_TRICKY = [
    *"aZ19 .,!?…’'‘-–—_é“”»ßİǅ٣²Ⅻﬁ\u0301\u3042\u4e00」)\"\t\n\r\x85\xa0\u2028",
    *["May", "JUNE", "sept", "Monday", "march"],
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_TRICKY), max_size=20).map("".join))
def test_fast_ways_equal_the_patterns_on_tricky_text(text):
    assert signature(text) == _signature_before(text)
    assert words_of(text) == WORD.findall(text.lower().replace("’", "'"))
    assert ends_sentence(text) == bool(SENTENCE_END.search(text))


def test_words_and_signature_of_every_character():
    """The ASCII ways of words_of and signature are taken only where they find what the Unicode
    patterns find: every code point of the planes in use, inside a word and beside a curly
    quote, and every ASCII character."""
    for point in range(0x20000):
        if 0xD800 <= point < 0xE000:
            continue
        text = f"Ab{chr(point)}c-d “9 May’s"
        assert words_of(text) == WORD.findall(text.lower().replace("’", "'")), hex(point)
        assert signature(text) == _signature_before(text), hex(point)


def test_fast_ways_on_real_lines(sample):
    for text in sample["text"]:
        for line in text.splitlines():
            assert words_of(line) == WORD.findall(line.lower().replace("’", "'"))
            assert ends_sentence(line) == bool(SENTENCE_END.search(line))


@pytest.mark.parametrize("all_verdicts", [True, False])
def test_workers_clean_what_they_judged_as_one_process_does(sample, monkeypatch, all_verdicts):
    import corpuscli.boilerplate.detection as bp

    cleaned, verdicts = clean(sample, by="stance", all_verdicts=all_verdicts)
    monkeypatch.setattr(bp, "_PART_DOCS", 5)  # parts of whole stances, shared by two workers
    shared, judged = clean(sample, by="stance", jobs=2, all_verdicts=all_verdicts)
    pd.testing.assert_frame_equal(shared, cleaned)
    pd.testing.assert_frame_equal(judged, verdicts)
    assert (shared["text"] != sample["text"]).sum() >= 2  # the seeds lose their furniture


def _lexicons():
    from corpuscli.boilerplate.vocabulary import lexicon, vocabularies

    # the vocabularies of phrases, as the MANIFEST lists them (word sets, signs and closers are not)
    return [lexicon(n) for n in vocabularies("phrases")]


def test_the_manifest_lists_every_vocabulary_file_and_only_those():
    """Every .txt file of data/boilerplate/ is of one kind the MANIFEST names, and every name the
    MANIFEST lists is a file there: a new vocabulary left out of it would be searched by no test
    above (nor compiled by lexicon())."""
    from importlib import resources

    from corpuscli.boilerplate.vocabulary import KINDS, kinds, vocabularies

    folder = resources.files("corpuscli").joinpath("data/boilerplate")
    files = {p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt")}
    assert files and set(kinds()) == files
    assert sorted(n for kind in KINDS for n in vocabularies(kind)) == sorted(files)
    assert len(vocabularies("phrases")) > 20  # most files are phrases


def test_only_a_vocabulary_of_phrases_is_compiled_into_a_lexicon():
    from corpuscli.boilerplate.vocabulary import lexicon, vocabularies, word_set

    for kind in ("words", "signs", "closers"):
        for name in vocabularies(kind):
            with pytest.raises(ValueError, match="MANIFEST"):
                lexicon(name)
    with pytest.raises(ValueError, match="MANIFEST"):
        lexicon("no_such_vocabulary")
    with pytest.raises(ValueError, match="MANIFEST"):
        word_set("symbols")
    assert "john" in word_set("given_names") and "video" in word_set("widget_words")


def _found(m):
    return None if m is None else (m.start(), m.end(), m.group(0))


def _searched_alike(text: str) -> None:
    from corpuscli.boilerplate.vocabulary import fold, plain_folded

    words, plain = frozenset(words_of(text)), plain_folded(fold(text))
    for lex in _lexicons():
        assert _found(lex.search(text, words, plain)) == _found(lex.search(text, words)), lex.name


def test_lexicon_search_with_the_plain_text_finds_the_same_on_real_lines(sample):
    for text in sample["text"]:
        for line in text.splitlines():
            _searched_alike(line)


#: Words of the vocabularies, and what could trip the plain way: case that folds beyond ASCII
#: (long s, Kelvin sign, dotted I), apostrophes, curly quotes, dashes, hyphens.
_PHRASE_BITS = [
    "Sign", "UP", "up-front", "read", "More", "’s", "'", "’", "“", "—", "…", "ſ", "K", "İ",
    "share", "this", "Story", "highlights", "follow", "us", "on", "Twitter", " ", "\n", ":",
    "(", "@", "photo", "Getty", "Images", "©", "all", "rights", "reserved",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PHRASE_BITS), max_size=14).map(" ".join))
def test_lexicon_search_with_the_plain_text_finds_the_same(text):
    _searched_alike(text)


def test_every_vocabulary_the_rules_name_gives_its_key_words_to_the_shapes():
    """A block's words among the vocabularies' key words are found once (Shape.keyed): a
    vocabulary searched but left out of rules.VOCABULARIES would never be found."""
    from pathlib import Path

    from corpuscli.boilerplate import rules

    source = Path(rules.__file__).read_text(encoding="utf-8")
    named = set(re.findall(r'lexicon\("(\w+)"\)', source))
    assert named and named <= set(rules.VOCABULARIES)  # the calls to action are given in it


def test_signs_and_closers_are_read_only_as_their_kind():
    """symbols() and closers() read their files through the MANIFEST too: a file of another kind
    is refused, and what they return is the file's entries (comments and blank lines left out)."""
    from corpuscli.boilerplate.teasers import closers
    from corpuscli.boilerplate.vocabulary import entries, symbols

    assert "©" in symbols() and all(not s.startswith("#") for s in symbols())
    assert closers() and all(c == c.lower() for c in closers())
    assert [len(c) for c in closers()] == sorted((len(c) for c in closers()), reverse=True)
    with pytest.raises(ValueError, match="MANIFEST"):
        entries("symbols", "closers")
    with pytest.raises(ValueError, match="MANIFEST"):
        entries("teaser_closers", "phrases")


def _pieces_of(lexicon) -> list[str]:
    """The words of a vocabulary's phrases, cased both ways, and what may stand between them."""
    words = sorted({w for phrase in lexicon.phrases for w in phrase.split() if w != "…"})
    return [*words, *(w.upper() for w in words[:20]), " ", " ", "  ", "\t", "’", "“", "—", ",",
            ".", "x", "\xa0"]  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_a_vocabulary_search_with_the_plain_text_finds_what_the_patterns_find(data):
    """The literal tests of Lexicon.search (each word of a phrase, or each run of its words
    where the text's only spaces are single spaces, a substring of the text) skip only patterns
    that cannot match: the same match as running every pattern the block's key words name."""
    from corpuscli.boilerplate.shapes import shape_of

    for lexicon in _lexicons():
        pieces = _pieces_of(lexicon)
        for _ in range(5):
            parts = data.draw(st.lists(st.sampled_from(pieces), min_size=1, max_size=12))
            text = " ".join(parts) if data.draw(st.booleans()) else "".join(parts)
            s = shape_of(text, frozenset(), lexicon.keys)
            fast = lexicon.search(text, s.keyed, s.plain)
            slow = lexicon.search(text, s.keyed)
            assert (fast and (fast.span(), fast.group(0))) == (
                slow and (slow.span(), slow.group(0))
            )


def test_vocabulary_runs_are_the_phrases_parts_between_gaps():
    from corpuscli.boilerplate.vocabulary import compile_lexicon

    lex = compile_lexicon("t", ["read … more here", "sign up"])
    assert sorted(lex.runs.values()) == [(("read", "more here"),), (("sign up",),)]
    assert lex.search("Sign  up now", {"sign", "up"}, "sign  up now") is not None
    assert lex.search("Sign\tup now", {"sign", "up"}, "sign\tup now") is not None
    assert lex.search("Sign on up", {"sign", "up"}, "sign on up") is None


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abZ'-’ -_1.\t\n")), max_size=30))
def test_ascii_words_by_translation_equal_the_pattern(text):
    """The words of an ASCII block split from its letters, apostrophes and hyphens are the
    pattern's wherever those are inside words, and the pattern's way is taken elsewhere."""
    assert words_of(text) == WORD.findall(text.lower().replace("’", "'"))


def _speech_pattern_before() -> re.Pattern[str]:
    """The one pattern of both ways that quotes_someone searched before, the reference."""
    from corpuscli.boilerplate.vocabulary import lexicon

    verbs = "|".join(re.escape(v) for v in lexicon("speech_verbs").phrases)
    return re.compile(
        rf"[“”\"]\s*,?\s*(?:he|she|they|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}})\s+(?:{verbs})\b"
        rf"|\b(?:{verbs})\s*[:,]?\s*[“\"]"
    )


_SPEECH_PIECES = ["said", "told", "wrote", "Putin", "He", "he", "they", " ", "  ", ",", ":", "“",
                  "”", '"', "x", "é", "_", "9", "resaid", "saidx"]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_SPEECH_PIECES), max_size=14).map("".join))
def test_quotes_someone_equals_the_one_pattern(text):
    from corpuscli.boilerplate.rules import quotes_someone
    from corpuscli.boilerplate.shapes import shape_of

    expected = bool(_speech_pattern_before().search(text))
    s = shape_of(text, frozenset())
    # the rule asks the pattern only of a block with a verb of speech and a quotation mark
    assert quotes_someone(s) == (expected and bool({"said", "told", "wrote"} & s.wordset))


_CAPTION_PIECES = ["Photo", "photos", "Image", "image copyright", "Source", "Getty Images",
                   "Credit", " ", "  ", ":", "(", ")", "/", "AP", "Jay Calderon", ".", "\t",
                   "the", "of", "—"]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_CAPTION_PIECES), min_size=1, max_size=12).map("".join))
def test_photo_words_skipped_only_where_they_cannot_count(text):
    """_caption's test before its loop over photo words (a colon, or a photo word at the start)
    leaves the verdict as the loop over every photo word gives it."""
    import corpuscli.boilerplate.rules as rules
    from corpuscli.boilerplate.evidence import Verdict
    from corpuscli.boilerplate.shapes import shape_of
    from corpuscli.boilerplate.vocabulary import key_words

    s = shape_of(text, frozenset(), key_words(rules.VOCABULARIES))
    fast = Verdict()
    rules._caption(s, fast)
    saved = rules._photo_word_may_count
    rules._photo_word_may_count = lambda _text, _pattern: True
    try:
        slow = Verdict()
        rules._caption(s, slow)
    finally:
        rules._photo_word_may_count = saved
    assert (fast.score, fast.reasons, fast.family) == (slow.score, slow.reasons, slow.family)
