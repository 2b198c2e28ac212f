"""What finding stories needs of each article's text, computed article by article (in worker
processes, or per partition on Dask), so that the text is read once.

Only the **lead** is read: the words of the first :data:`LEAD_CHARS` characters and the quotes of
the first :data:`QUOTE_CHARS`.

- **Content words**: lowercased words of three letters or more that start with a letter,
  stopwords left out, with their counts; the TF-IDF vectors of :mod:`corpuscli.coverage.story_similarity`
  are made from them.
- **Quote signatures**: for each quote :func:`corpuscli.coverage.quotes.extract_quotes` finds
  (direct, or a partial fragment; :func:`~corpuscli.coverage.quotes.marked_quotes` finds those
  alone, without the reported speech and the speakers), the set of its content words, stemmed, and its numbers. Two
  outlets' renderings of one statement, or two translations of it, share most of these even when
  no eight words in a row are the same ("Azerbaijan should return seven areas" and "seven areas
  should be returned to Azerbaijan" both give ``area azerbaijan return seven``). Who is quoted
  counts through the names among the content words.

The signatures of an article are kept as a set of strings, ``"q:"`` and a quote's sorted stems.
The words of a corpus are kept compact, as term ids and counts in flat arrays
(:class:`Features`): 37,000 articles hold some 7 million (article, word) entries, which as
Python dictionaries would take gigabytes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from corpuscli.engine.parallel import run_batches, worker_state
from corpuscli.progress import Progress, tracked
from corpuscli.text.stopwords import load_stopwords
from corpuscli.text.tokens import Tokenizer, fold_quotes

#: The lead: the words of an article are counted in its first LEAD_CHARS characters, its quotes
#: found in the first QUOTE_CHARS. News puts the event at the top; what follows drifts to
#: background that other stories share (and reading less is faster).
LEAD_CHARS = 3000
QUOTE_CHARS = 1000
#: The prefix of a quote signature (other kinds of evidence may follow, under other prefixes).
QUOTE = "q:"
#: A quote needs this many distinct stems to be matched on its content (fewer say too little).
MIN_QUOTE_STEMS = 3
#: Quote kinds whose content is matched (indirect speech is the outlet's own wording).
QUOTE_KINDS = frozenset({"direct", "partial"})
#: The marks a direct or partial quote needs (one of them, opening or closing).
QUOTATION_MARKS = '“”"«»'


_NUMBER = re.compile(r"\d")


def story_stopwords() -> frozenset[str]:
    """The stopwords of the story features: the shipped English list and the words every news
    report uses (``data/story_stopwords_en.txt``)."""
    from corpuscli.data_files import data_lines

    words = set(data_lines("story_stopwords_en.txt", indented_comments=False))
    return load_stopwords("en") | words


#: A word of the story features: it starts with a letter (numbers say little without context),
#: with inner hyphens and apostrophes ("Armenia-held", "Russia's").
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:[-'][^\W_]+)*")


#: :data:`_WORD` where no word character is beyond ASCII (in a lower-cased text: a-z and 0-9).
_ASCII_WORD = re.compile(r"[a-z][a-z0-9]*(?:[-'][a-z0-9]+)*")
#: A word character beyond ASCII (a letter, digit or numeral :data:`_WORD` may take).
_WIDE_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")


def content_words(text: str, stop: frozenset[str]) -> Counter[str]:
    """The content words of a text, lowercased, with their counts: words of three letters or
    more that are not stopwords (typographic apostrophes folded, as the tokeniser does).

    A lead with no word character beyond ASCII (curly quotes and dashes are none) is read with
    a pattern of ASCII classes: the same words (tested), in two thirds of the time."""
    folded = fold_quotes(text).lower()
    if folded.isascii() or _WIDE_WORD_CHAR.search(folded) is None:
        counts = Counter(_ASCII_WORD.findall(folded))
    else:
        counts = Counter(_WORD.findall(folded))
    for t in [t for t in counts if len(t) < 3 or t in stop]:
        del counts[t]
    return counts


class QuoteSigner:
    """Turns quotes into signatures (see the module docstring); stems are cached."""

    def __init__(self, stop: frozenset[str]) -> None:
        from corpuscli.text.nltk_light import porter

        self._stem = porter().stem
        self._stop = stop
        self._tok = Tokenizer()
        self._cache: dict[str, str | None] = {}

    def _term(self, token: str) -> str | None:
        term = self._cache.get(token)
        if term is None and token not in self._cache:
            if _NUMBER.search(token):
                term = token.replace(",", "")
            elif token in self._stop or len(token) < 3 or not any(c.isalpha() for c in token):
                term = None
            else:
                term = self._stem(token.removesuffix("'s"))
            self._cache[token] = term
        return term

    def stems(self, text: str) -> frozenset[str]:
        """The content stems and numbers of a quote (hyphenated words count by their parts too:
        "Nagorno-Karabakh" matches "Karabakh")."""
        out = set()
        for token in self._tok.tokens(text):
            parts = token.split("-") if "-" in token else ()
            for t in (token, *parts):
                term = self._term(t)
                if term:
                    out.add(term)
        return frozenset(out)

    def signature(self, text: str) -> str | None:
        """``"q:"`` and the quote's sorted stems, or None when it has fewer than
        :data:`MIN_QUOTE_STEMS`."""
        stems = self.stems(text)
        return QUOTE + " ".join(sorted(stems)) if len(stems) >= MIN_QUOTE_STEMS else None


def _signatures(signer: QuoteSigner, quotes: Iterable[tuple[str, str]]) -> set[str]:
    """The signatures of the (kind, text) quotes worth matching."""
    out: set[str] = set()
    for kind, text in quotes:
        if kind not in QUOTE_KINDS:
            continue
        sig = signer.signature(text)
        if sig is not None:
            out.add(sig)
    return out


def _lead_signatures(signer: QuoteSigner, lead: str) -> set[str]:
    """The signatures of the quotes of a lead: those of :func:`_signatures` over the quotes
    :func:`~corpuscli.coverage.quotes.extract_quotes` finds, found with
    :func:`~corpuscli.coverage.quotes.marked_quotes` (no reported speech, which is never
    matched, and speakers resolved only where a scare quote may be), each quote signed once."""
    from corpuscli.coverage.quotes import marked_quotes

    signed: dict[str, str] = {}

    def wanted(quote: str) -> bool:
        sig = signer.signature(quote)
        if sig is not None:
            signed[quote] = sig
        return sig is not None

    return {signed[text] for kind, text in marked_quotes(lead, wanted) if kind in QUOTE_KINDS}


@dataclass
class Features:
    """The features of a corpus's articles, compact: each article's content words as term ids
    (into ``terms``) with their counts, ``lengths[i]`` entries for article ``i`` in one flat
    array, and each article's set of quote signatures."""

    terms: list[str]
    codes: np.ndarray
    counts: np.ndarray
    lengths: np.ndarray
    signatures: list[set[str]]

    def __len__(self) -> int:
        return len(self.lengths)

    @classmethod
    def from_counters(
        cls, words: Sequence[Counter[str]], signatures: Sequence[set[str]]
    ) -> Features:
        """Features from per-article word counts (as the Dask engine computes them per
        partition) and signature sets."""
        vocabulary: dict[str, int] = {}
        codes = [vocabulary.setdefault(t, len(vocabulary)) for c in words for t in c]
        counts = [n for c in words for n in c.values()]
        return cls(
            terms=list(vocabulary),
            codes=np.asarray(codes, dtype=np.int64),
            counts=np.asarray(counts, dtype=np.int64),
            lengths=np.fromiter((len(c) for c in words), np.int64, len(words)),
            signatures=list(signatures),
        )

    def take(self, rows: Sequence[int]) -> Features:
        """The features of some of the articles, in the order of ``rows`` (features are each
        article's own, so a folder's features are those of its articles in a larger corpus)."""
        picked = np.asarray(rows, dtype=np.int64)
        starts = np.cumsum(self.lengths) - self.lengths
        lengths = self.lengths[picked]
        total = int(lengths.sum())
        at = np.repeat(starts[picked], lengths) + (
            np.arange(total) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        )
        return Features(
            terms=self.terms,
            codes=self.codes[at],
            counts=self.counts[at],
            lengths=lengths,
            signatures=[self.signatures[i] for i in picked.tolist()],
        )

    def counters(self) -> list[Counter[str]]:
        """Each article's content-word counts (as :meth:`from_counters` takes them)."""
        out = []
        start = 0
        for size in self.lengths.tolist():
            end = start + size
            ids, counts = self.codes[start:end].tolist(), self.counts[start:end].tolist()
            out.append(Counter({self.terms[t]: n for t, n in zip(ids, counts, strict=True)}))
            start = end
        return out


def init_worker(stop: frozenset[str], quotes: bool, find: bool = True) -> None:
    """Keep in this (worker) process what :func:`batch_features` needs: the stopwords, and a
    quote signer when quotes are signed (``find``: found in the leads too, else given)."""
    state = worker_state()
    state["stop"] = stop
    state["signer"] = QuoteSigner(stop) if quotes else None
    state["find"] = find


def batch_features(
    texts: list[str],
) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray, list[set[str]]]:
    """Content words and, when asked, quote signatures of each text of a batch: the batch's
    terms, each article's term ids into them and counts, and its signatures."""
    state = worker_state()
    stop, signer = state["stop"], state["signer"] if state.get("find", True) else None
    vocabulary: dict[str, int] = {}
    codes: list[int] = []
    counts: list[int] = []
    lengths: list[int] = []
    signatures: list[set[str]] = []
    for text in texts:
        words = content_words(text, stop)
        # new terms numbered in the order met (a Counter's keys are unique), then every term
        # looked up at C speed: a third of the time of one setdefault call per term
        new = [t for t in words if t not in vocabulary]
        if new:
            first = len(vocabulary)
            vocabulary.update(zip(new, range(first, first + len(new)), strict=True))
        codes.extend(map(vocabulary.__getitem__, words))
        counts.extend(words.values())
        lengths.append(len(words))
        sigs: set[str] = set()
        lead = text[:QUOTE_CHARS]
        # direct and partial quotes need a quotation mark: a lead without one is not searched
        if signer is not None and any(mark in lead for mark in QUOTATION_MARKS):
            sigs = _lead_signatures(signer, lead)
        signatures.append(sigs)
    return (
        list(vocabulary),
        np.asarray(codes, dtype=np.int32),
        np.asarray(counts, dtype=np.int32),
        np.asarray(lengths, dtype=np.int64),
        signatures,
    )


def batch_features_given(
    batch: tuple[list[str], list[list[tuple[str, str]]]],
) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray, list[set[str]]]:
    """:func:`batch_features` of texts whose quotes are given: (texts, each text's (kind, text)
    quotes in its lead), the signatures made here too."""
    texts, quotes = batch
    terms, codes, counts, lengths, _ = batch_features(texts)
    signer = worker_state()["signer"]
    return terms, codes, counts, lengths, [_signatures(signer, q) for q in quotes]


def leads(texts: pd.Series, size: int = 250) -> Iterator[list[str]]:
    """The articles' leads, a batch at a time (the whole texts are never copied at once)."""
    for i in range(0, len(texts), size):
        part = texts.iloc[i : i + size].tolist()
        yield [t[:LEAD_CHARS] if isinstance(t, str) else "" for t in part]


def article_features(
    corpus: pd.DataFrame,
    *,
    quotes: bool = True,
    quote_table: pd.DataFrame | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> Features:
    """The :class:`Features` of the corpus's articles (see the module docstring), in its order.
    ``quote_table`` (``quotes_frame(corpus)``) gives the quotes already found; ``quotes=False``
    leaves them out. ``jobs`` worker processes share the articles; ``progress`` is told the
    articles done (step ``pairing``; see :mod:`corpuscli.progress`)."""
    stop = story_stopwords()
    gathered = Gathered()
    if quotes and quote_table is not None:  # the quotes given are signed by the workers too
        in_lead = lead_quotes(quote_table)
        ids = iter(corpus["doc_id"].tolist())  # taken in step with the batches' texts
        given = (
            (texts, [in_lead.get(next(ids), []) for _ in texts]) for texts in leads(corpus["text"])
        )
        for batch in tracked(
            lambda parts: run_batches(
                batch_features_given, parts, jobs=jobs, initializer=init_worker,
                initargs=(stop, True, False),
            ),
            given, progress, step="pairing", total=len(corpus), size=lambda part: len(part[0]),
        ):  # fmt: skip
            gathered.add(*batch)
        return gathered.features()
    for batch in tracked(
        lambda parts: run_batches(
            batch_features, parts, jobs=jobs, initializer=init_worker, initargs=(stop, quotes)
        ),
        leads(corpus["text"]), progress, step="pairing", total=len(corpus),
    ):  # fmt: skip
        gathered.add(*batch)
    return gathered.features()


class Gathered:
    """The features of batches of articles (as :func:`batch_features` gives them, each with its
    own term ids), joined in order into the :class:`Features` of all of them."""

    def __init__(self) -> None:
        self.vocabulary: dict[str, int] = {}
        self.codes: list[np.ndarray] = [np.zeros(0, dtype=np.int64)]
        self.counts: list[np.ndarray] = [np.zeros(0, dtype=np.int64)]
        self.lengths: list[np.ndarray] = [np.zeros(0, dtype=np.int64)]
        self.signatures: list[set[str]] = []

    def add(
        self,
        terms: Sequence[str],
        local: np.ndarray,
        counts: np.ndarray,
        lengths: np.ndarray,
        signatures: Sequence[set[str]],
    ) -> None:
        """The next articles: their ``terms``, each entry's id into them (``local``) and count,
        each article's number of entries and its signatures."""
        vocabulary = self.vocabulary
        ids = np.fromiter((vocabulary.setdefault(t, len(vocabulary)) for t in terms), np.int64)
        self.codes.append(ids[local] if len(ids) else np.asarray(local, dtype=np.int64))
        self.counts.append(np.asarray(counts, dtype=np.int64))
        self.lengths.append(np.asarray(lengths, dtype=np.int64))
        self.signatures.extend(signatures)

    def features(self, signatures: list[set[str]] | None = None) -> Features:
        """The features gathered (``signatures``: those instead of the batches' own)."""
        return Features(
            terms=list(self.vocabulary),
            codes=np.concatenate(self.codes),
            counts=np.concatenate(self.counts),
            lengths=np.concatenate(self.lengths),
            signatures=self.signatures if signatures is None else signatures,
        )


def quote_table_signatures(
    corpus: pd.DataFrame, quote_table: pd.DataFrame, stop: frozenset[str] | None = None
) -> list[set[str]]:
    """The signature set of each article (in the corpus's order) from a quotes table."""
    signer = QuoteSigner(stop if stop is not None else story_stopwords())
    by_doc = lead_quotes(quote_table)
    return [_signatures(signer, by_doc.get(d, ())) for d in corpus["doc_id"]]


def lead_quotes(quote_table: pd.DataFrame) -> dict[object, list[tuple[str, str]]]:
    """The (kind, text) of each article's quotes in its lead, by doc_id."""
    by_doc: dict[object, list[tuple[str, str]]] = {}
    for doc_id, kind, text, end in zip(
        quote_table["doc_id"], quote_table["kind"], quote_table["text"], quote_table["end"],
        strict=True,
    ):  # fmt: skip
        if end <= QUOTE_CHARS:  # as if found in the lead (see the module docstring)
            by_doc.setdefault(doc_id, []).append((kind, text))
    return by_doc
