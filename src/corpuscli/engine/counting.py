"""The counting engine behind ``terms``, ``compare`` and ``collocations``.

Texts become one array of integer token ids, ``-1`` marking sentence, paragraph and document
boundaries (n-grams and collocation windows never cross them). The work is done in bulk:

1. the texts of a batch become one UTF-8 buffer: ASCII lowercased (other letters are lowercased
   per token, after the regex), and bytes that can never be part of a token (ASCII punctuation but
   ``.,'-``, curly double quotes, dashes, ellipses) overwritten with spaces — C-speed bytes
   operations and NumPy;
2. the chunks between spaces are found with NumPy; a chunk of up to 8 bytes is read as one 64-bit
   integer, of up to 16 as two, and hashed (``pandas.factorize``) against the chunks met before
   (:class:`_KeyTable`), so no Python object is made per chunk; only new distinct chunks are
   decoded and tokenised (a plain ASCII word inline, others by the token regex), so the regex runs
   over the vocabulary, not over the corpus; a chunk that is exactly one token maps straight to its
   id, others (``Afghanistan.``, ``U.S.-led``) expand to several ids through a table, vectorised
   with NumPy; longer chunks (rare) go through a dictionary;
3. n-gram keys pack the ids of consecutive tokens into one int64; the distinct (text, n-gram)
   pairs are hashed once, and counts and document frequencies per group summed from them (in
   dense arrays when groups x vocabulary is small).

The result equals running the token regex over the whole text (property-tested), at a fraction of
the cost. A :class:`Counter` instance keeps its vocabulary across calls; :class:`Totals` merges
the partial results of several worker processes exactly.
"""

from __future__ import annotations

import os
import re
import sys
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from corpuscli.text.languages import ArticleLanguages, detect_languages
from corpuscli.text.regex import UserRegex
from corpuscli.text.tokens import TOKEN_PATTERN, fold_quotes

if TYPE_CHECKING:
    import pandas as pd

BOUNDARY = -1
DOC_END = -2
_MISSING = -(1 << 62)
#: Bits per token id when packing n-grams of the merged (global) vocabulary.
GLOBAL_BITS = 21
#: The table of every word (stopwords and numbers too) per group, counted ``words_by_group``:
#: a group's rows are its distinct words (see :meth:`Counter.count`).
WORDS = "words"


def key_bits(n: int) -> int:
    """Bits of a merged table's key for n-grams of size n: a word's id whole (up to 32 bits),
    the ids of a longer n-gram :data:`GLOBAL_BITS` each."""
    return 32 if n == 1 else GLOBAL_BITS * n


def check_ngram_vocabulary(size: int, n: int) -> None:
    """A clear error when the ids of ``size`` distinct words cannot be packed into n-gram keys."""
    if n > 1 and size >= (1 << GLOBAL_BITS):
        from corpuscli.errors import UsageError

        raise UsageError(
            f"more than {(1 << GLOBAL_BITS) - 1:,} distinct words: too many to count "
            f"{n}-grams of in one pass",
            hint="count n-grams over part of the corpus at a time (--since/--until, or fewer "
            "files); single words have no such limit",
        )


_APOSTROPHES = ("’", "‘", "ʼ", "‛", "′", "´")
_ASCII_SPACE = b'!"#$%&()*+/:;<=>?@[\\]^_`{|}~\t\n\r\x0b\x0c\x00'
_TABLE = bytes.maketrans(_ASCII_SPACE, b" " * len(_ASCII_SPACE))
_MARK = b"\x01"  # a sentence or paragraph boundary inserted into the text
_DOC_MARK = b"\x02"  # the end of one text in a batch
_DOC_MARK_STR = "\x02"
_DOC_JOIN = "\n \x02 \n"
_DOC_END = "\n \x02"
#: ``_LOW_BYTES[k]`` keeps the first k bytes of a little-endian 64-bit word.
_LOW_BYTES = np.array([(1 << (8 * k)) - 1 for k in range(9)], dtype=np.uint64)
_LITTLE_ENDIAN = sys.byteorder == "little"
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "gov",
        "sen",
        "rep",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "prof",
        "rev",
        "inc",
        "corp",
        "co",
        "ltd",
        "vs",
        "no",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "ft",
        "mt",
    ]
)
_HAS_LETTER = re.compile(r"[^\W\d_]")
#: An ASCII chunk that is exactly one token (a word by the default pattern), then perhaps a comma
#: or a full stop: its token needs no regex search.
_SIMPLE_CHUNK = re.compile(rb"([A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*)(?:,|(\.))?")


def _no_match(chunk: bytes) -> None:
    return None


#: Closing quotes and brackets after a sentence's full stop (``said.”``).
_CLOSERS = "'\"’”»)]"


class _Codes(dict):  # type: ignore[type-arg]
    """Chunk -> code; an unknown chunk reads as _MISSING (without being stored), so that the
    lookup of millions of chunks runs as one C-level ``map`` of ``__getitem__``."""

    def __missing__(self, key: object) -> int:
        return _MISSING


#: Third bytes of the UTF-8 encodings (E2 80 xx) of “ ” – — …, never part of a token.
_BLANKED = np.array([0x9C, 0x9D, 0x93, 0x94, 0xA6], dtype=np.uint8)
_BLANKED_SEQUENCES = tuple(bytes([0xE2, 0x80, int(third)]) for third in _BLANKED)


def _blank_punctuation(text: np.ndarray) -> None:
    """Overwrite curly double quotes, dashes and ellipses in UTF-8 ``text`` with spaces (in
    place): chunks split there anyway, so ``“Putin`` and ``Putin`` become one chunk, and a
    full stop before a closing quote ends a sentence."""
    lead = np.flatnonzero(text[:-2] == 0xE2)
    if not len(lead):
        return
    lead = lead[(text[lead + 1] == 0x80) & np.isin(text[lead + 2], _BLANKED)]
    for offset in range(3):
        text[lead + offset] = 32


class _KeyTable:
    """Distinct 64-bit keys in order of first meeting; :meth:`positions` gives each key of a
    batch its place, adding the new ones.

    A batch is hashed on its own first (``pandas.factorize``: its table stays small and in cache),
    then only its distinct keys are looked up among the known: in a hashed ``pandas.Index`` of
    most of them, built again only when the keys added since outnumber a quarter of it, and among
    those recent ones."""

    def __init__(self) -> None:
        import pandas as pd

        self.keys = np.empty(0, dtype=np.uint64)
        self._index = pd.Index(self.keys)

    def positions(self, batch: np.ndarray) -> tuple[np.ndarray, int]:
        """The place of each key of ``batch`` among the known, and how many were new."""
        import pandas as pd

        inverse, uniques = pd.factorize(batch)
        frozen = len(self._index)
        # pandas looks up any array-like; pandas-stubs accepts only an Index
        place = self._index.get_indexer(uniques)  # type: ignore[arg-type]
        miss = np.flatnonzero(place < 0)
        before = len(self.keys)
        if len(miss):
            recent = self.keys[frozen:]
            found, distinct = pd.factorize(np.concatenate([recent, uniques[miss]]))
            place[miss] = frozen + found[len(recent) :]
            if len(distinct) > len(recent):
                self.keys = np.concatenate([self.keys, distinct[len(recent) :]])
            if len(self.keys) - frozen > max(50_000, frozen // 4):
                self._index = pd.Index(self.keys)
        return place[inverse], len(self.keys) - before


class _HashedKeys:
    """Distinct 64-bit keys in order of first meeting, like :class:`_KeyTable`, kept in one
    hash table that grows (pandas' own, from its internals: a batch costs in proportion to its
    size however large the table is). :func:`key_table` falls back to :class:`_KeyTable` where
    that table is missing or changed."""

    def __init__(self) -> None:
        from pandas._libs import hashtable  # type: ignore[attr-defined]  # internal: no stubs

        self._table = hashtable.UInt64HashTable()
        self._vector = hashtable.UInt64Vector
        self._parts: list[np.ndarray] = []
        self._size = 0

    def __getstate__(self) -> dict[str, np.ndarray]:  # pandas' table does not pickle: its keys do
        return {"keys": self.keys}

    def __setstate__(self, state: dict[str, np.ndarray]) -> None:
        self.__init__()  # type: ignore[misc]
        self.positions(state["keys"])

    @property
    def keys(self) -> np.ndarray:
        if len(self._parts) > 1:
            self._parts = [np.concatenate(self._parts)]
        return self._parts[0] if self._parts else np.empty(0, dtype=np.uint64)

    def positions(self, batch: np.ndarray) -> tuple[np.ndarray, int]:
        """The place of each key of ``batch`` among the known, and how many were new."""
        fresh = self._vector()
        places = self._table.get_labels(batch, fresh, self._size, -1)
        new = fresh.to_array()
        if len(new):
            self._parts.append(new)
            self._size += len(new)
        return places.astype(np.int64, copy=False), len(new)


class _DictKeys:
    """Distinct 64-bit keys in order of first meeting, like :class:`_HashedKeys`, in a Python
    dictionary: for a short run that does not import pandas (importing it costs more than the
    dictionary's slower lookups on a few megabytes of text; see :meth:`Counter.word_totals`)."""

    def __init__(self) -> None:
        self._places: dict[int, int] = {}
        self._keys: list[int] = []

    @property
    def keys(self) -> np.ndarray:
        return np.array(self._keys, dtype=np.uint64)

    def positions(self, batch: np.ndarray) -> tuple[np.ndarray, int]:
        """The place of each key of ``batch`` among the known, and how many were new: the batch
        sorted (NumPy) so that only its distinct keys meet the dictionary, the new ones added in
        order of first meeting."""
        if not len(batch):
            return np.empty(0, dtype=np.int64), 0
        order = np.argsort(batch, kind="stable")
        ordered = batch[order]
        first = np.empty(len(ordered), dtype=bool)
        first[0] = True
        np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
        distinct = ordered[first]
        group = np.cumsum(first) - 1  # the distinct key of each sorted place
        inverse = np.empty(len(batch), dtype=np.int64)
        inverse[order] = group
        met = order[first]  # where each distinct key is first met (stable sort: its first place)
        places = self._places
        before = len(places)
        new = [key for key in distinct[np.argsort(met)].tolist() if key not in places]
        places.update(zip(new, range(before, before + len(new)), strict=True))
        self._keys.extend(new)
        found = np.fromiter(
            map(places.__getitem__, distinct.tolist()), dtype=np.int64, count=len(distinct)
        )
        return found[inverse], len(new)


_HASHED_KEYS: list[bool] = []


def key_table() -> _HashedKeys | _KeyTable:
    """A table of distinct keys: pandas' growing hash table when this pandas has the one it is
    known to have (checked once, on a small case), else :class:`_KeyTable`."""
    if not _HASHED_KEYS:
        try:
            probe = _HashedKeys()
            first = probe.positions(np.array([5, 3, 5], dtype=np.uint64))
            second = probe.positions(np.array([3, 9], dtype=np.uint64))
            works = (
                first[0].tolist() == [0, 1, 0]
                and second[0].tolist() == [1, 2]
                and probe.keys.tolist() == [5, 3, 9]
            )
        except Exception:
            works = False
        _HASHED_KEYS.append(works)
    return _HashedKeys() if _HASHED_KEYS[0] else _KeyTable()


class _Known:
    """The chunks met so far, as 64-bit words (one per chunk of up to 8 bytes, two for up to 16),
    with their codes. Chunks are found by hashing those words; a chunk of
    two words is found by the pair of their places (:func:`key_table`). Only new distinct chunks are turned into bytes
    and tokenised: no Python object is made per chunk."""

    def __init__(self, width: int, light: bool = False) -> None:
        self.width = width
        self.known = np.empty(0, dtype=np.int64)
        #: keys in Python dictionaries (:class:`_DictKeys`), without pandas
        self.light = light

    def _table(self) -> _HashedKeys | _KeyTable | _DictKeys:
        return _DictKeys() if self.light else key_table()

    @cached_property
    def tables(self) -> list[_HashedKeys | _KeyTable | _DictKeys]:
        # one growing hash table each (made on first use: pandas' own): a batch's chunks are
        # hashed once (hashing the batch on its own first, then its distinct chunks against the
        # known, cost 10% more)
        return [self._table() for _ in range(self.width)]

    @cached_property
    def pairs(self) -> _HashedKeys | _KeyTable | _DictKeys | None:
        return self._table() if self.width == 2 else None

    def codes(
        self, batch: list[np.ndarray], add: Callable[[list[bytes]], np.ndarray]
    ) -> np.ndarray:
        """The code of each chunk in ``batch`` (one array of words per word of a chunk), adding
        new chunks with ``add(list_of_chunk_bytes)``."""
        known = len(self.known)
        if self.pairs is None:
            place, new = self.tables[0].positions(batch[0])
            words = [self.tables[0].keys[known:]]
        else:
            first, _ = self.tables[0].positions(batch[0])
            second, _ = self.tables[1].positions(batch[1])
            place, new = self.pairs.positions(
                (first.astype(np.uint64) << np.uint64(32)) | second.astype(np.uint64)
            )
            fresh = self.pairs.keys[known:]
            words = [
                self.tables[0].keys[(fresh >> np.uint64(32)).astype(np.int64)],
                self.tables[1].keys[(fresh & np.uint64(0xFFFFFFFF)).astype(np.int64)],
            ]
        if new:
            both = np.empty((new, len(words)), dtype="<u8")
            for j, column in enumerate(words):
                both[:, j] = column
            chunks = both.view(f"S{8 * len(words)}").ravel().tolist()
            self.known = np.concatenate([self.known, add(chunks)])
        codes: np.ndarray = self.known[place]  # an index array: numpy types this Any
        return codes


@dataclass(frozen=True)
class TokenSpec:
    """How text becomes tokens (see ``corpuscli.text.tokens`` for the default token pattern)."""

    lower: bool = True
    #: A user token regex; None for the default pattern (and the fast path).
    pattern: str | None = None
    #: Snowball stemmer language (``english`` ...), or None.
    stem: str | None = None
    #: Mark sentence/paragraph boundaries (needed for n-grams and windows, not for unigrams).
    boundaries: bool = True
    #: Words an n-gram may not start or end with (stopwords), and whether tokens without a letter
    #: count: n-grams these exclude are dropped where they are counted, which keeps the tables
    #: (and memory) small. Collocation pairs with such a member are dropped too (they are never
    #: listed), while the marginal counts of each word keep every pair.
    drop_edges: frozenset[str] = frozenset()
    keep_numbers: bool = True
    #: ``--lang auto``: each text's language chosen per text (its stopwords as edge words, its
    #: stemmer), or None for one language throughout (``stem`` and ``drop_edges``).
    languages: ArticleLanguages | None = None


@dataclass(frozen=True)
class TermOptions:
    """What counts as a term (shared by terms, compare and collocations)."""

    lower: bool = True
    stopwords: frozenset[str] = frozenset()
    #: Snowball language name (``english``) to stem with, or None.
    stem: str | None = None
    ngram: tuple[int, int] = (1, 1)
    #: A token regex replacing the default (see ``corpuscli.text.tokens``).
    pattern: str | None = None
    keep_numbers: bool = False
    #: ``--lang auto``: stopwords and stemmer chosen per article by its language (then
    #: ``stopwords`` holds only a list given for every language, and ``stem`` is None).
    languages: ArticleLanguages | None = None

    def token_spec(self) -> TokenSpec:
        return TokenSpec(
            lower=self.lower,
            pattern=self.pattern,
            stem=self.stem,
            boundaries=self.ngram[1] > 1,
            drop_edges=self.stopwords,
            keep_numbers=self.keep_numbers,
            languages=self.languages,
        )

    @property
    def stemmed(self) -> bool:
        """Whether terms are stems (one stemmer, or one per article's language)."""
        return self.stem is not None or bool(self.languages and self.languages.stem)

    @property
    def sizes(self) -> tuple[int, ...]:
        return tuple(range(self.ngram[0], self.ngram[1] + 1))


@dataclass
class Partial:
    """What one batch of texts contributes, in the vocabulary of the Counter that made it."""

    worker: int
    #: Terms the worker's vocabulary gained for this batch, and the vocabulary size before them.
    vocab_start: int
    new_terms: list[str]
    bits: int
    #: name -> (ids packed in each key, DataFrame(group, key, count, docs)); n-gram counts are
    #: named by their size ("1", "2" ...), collocation counts "pairs", "first", "second".
    tables: dict[str, tuple[int, pd.DataFrame]]
    #: group -> tokens (all word tokens, boundaries excluded) and documents
    group_tokens: dict[int, int]
    group_docs: dict[int, int]
    #: With ``per_doc``: each text's word tokens, and (doc, key, count) of its words, docs
    #: numbered from 0 within the batch.
    doc_tokens: np.ndarray | None = None
    doc_words: pd.DataFrame | None = None

    def regroup(self, mapping: np.ndarray) -> Partial:
        """The same counts with group ``g`` renumbered ``mapping[g]`` (groups numbered by a
        worker, renumbered in the order of the whole corpus)."""
        tables = {
            name: (
                n,
                frame.assign(group=mapping[frame["group"].to_numpy()]) if len(frame) else frame,
            )
            for name, (n, frame) in self.tables.items()
        }
        return replace(
            self,
            tables=tables,
            group_tokens={int(mapping[g]): v for g, v in self.group_tokens.items()},
            group_docs={int(mapping[g]): v for g, v in self.group_docs.items()},
        )


class Counter:
    """Tokenises batches of texts into id arrays and counts n-grams per group."""

    def __init__(self, spec: TokenSpec, *, light: bool = False) -> None:
        self.spec = spec
        self.fast = spec.pattern is None
        #: ``findall`` of the token pattern: the default one on ``re`` (it cannot backtrack
        #: without end), a user's on RE2 where it can run there (see ``corpuscli.text.regex``)
        self.findall = (
            UserRegex(spec.pattern, option="--pattern").findall
            if spec.pattern
            else re.compile(TOKEN_PATTERN).findall
        )
        self.whole_text = bool(spec.pattern) and bool(re.search(r"\\s|\s|\\S", spec.pattern or ""))
        self.terms: list[str] = []
        self.term_ids: dict[str, int] = {}
        #: raw chunk -> code: >= 0 a token id, -1 a boundary, -2 the end of a text,
        #: <= -3 an entry of the expansion table
        self.codes: _Codes = _Codes({
            _MARK: BOUNDARY, "\x01": BOUNDARY, _DOC_MARK: DOC_END, _DOC_MARK_STR: DOC_END,
        })  # fmt: skip
        # The expansion table of chunks that are not exactly one token, as growing arrays.
        self._exp_lengths = array("q")
        self._exp_offsets = array("q")
        self._exp_flat = array("q")
        #: chunks hashed in Python dictionaries, not pandas' tables (:meth:`word_totals`)
        self._short = _Known(1, light)
        self._mid = _Known(2, light)
        self._stemmer = None
        self._stems: dict[str, str] = {}
        if spec.stem:
            from corpuscli.text.nltk_light import snowball

            self._stemmer = snowball(spec.stem)
        self._synced = 0
        self._edge_flags = array("B")
        self._number_flags = array("B")
        #: --lang auto: a counter per stemmer, sharing this one's vocabulary, and per language
        #: which term ids are its stopwords
        self._codecs: dict[str, Counter] = {}
        self._stop_flags: dict[str, array[int]] = {}

    # --- text -> chunks --------------------------------------------------------------------------
    def _joined(self, texts: list[str]) -> str:
        return _DOC_JOIN.join(t.replace("\x01", " ").replace("\x02", " ") for t in texts)

    def _general_chunks(self, texts: list[str]) -> list[bytes] | list[str]:
        """The general path (a user pattern): whitespace chunks of all texts, with boundary and
        document-end markers."""
        joined = self._joined(texts)
        if self.spec.lower:
            joined = joined.lower()
        for apo in _APOSTROPHES:
            if apo in joined:
                joined = joined.replace(apo, "'")
        if self.spec.boundaries:
            joined = joined.replace("\n", " \x01 ")
        chunks = joined.split()
        chunks.append(_DOC_MARK_STR)
        return chunks

    def _prepared(self, texts: list[str]) -> bytes:
        """The fast path: all texts as one UTF-8 buffer, ASCII lowercased (other letters are
        lowercased per distinct chunk), with boundary and document-end markers, and every byte
        that can never be part of a token (ASCII punctuation but ``.,'-``, whitespace, NUL) a
        space. Curly quotes, dashes and typographic apostrophes stay: replacing multi-byte
        sequences costs more than letting the tokeniser see them once per distinct chunk."""
        data = (self._joined(texts) + _DOC_END).encode("utf-8")
        if self.spec.lower:
            data = data.lower()
        if self.spec.boundaries:
            data = data.replace(b"\n", b" \x01 ").replace(b"!", b" \x01 ").replace(b"?", b" \x01 ")
        return data.translate(_TABLE)

    # --- chunk -> tokens -------------------------------------------------------------------------
    def _token_id(self, token: str) -> int:
        if self._stemmer is not None:
            stem = self._stems.get(token)
            if stem is None:
                stem = self._stems[token] = self._stemmer.stem(token)
            token = stem
        tid = self.term_ids.get(token)
        if tid is None:
            tid = self.term_ids[token] = len(self.terms)
            self.terms.append(token)
        return tid

    def _tokens_of(self, text: str) -> list[str]:
        toks = self.findall(fold_quotes(text))
        if toks and not isinstance(toks[0], str):  # a user pattern with groups
            toks = [t[0] for t in toks]
        if self.spec.lower:  # the fast path lowercased ASCII only
            toks = [t.lower() for t in toks]
        return toks

    def _add_chunk(self, chunk: bytes | str) -> int:
        """The code of a chunk not met before, remembered in the chunk -> code dictionary."""
        code = self.codes[chunk] = self._new_code(chunk)
        return code

    def _chunk_codes(self, chunks: list[bytes]) -> np.ndarray:
        """The codes of chunks new to :class:`_Known` (which remembers them; the markers have
        their codes from the start), the common case — one ASCII word, perhaps with , or . —
        inline."""
        out = np.empty(len(chunks), dtype=np.int64)
        marker = self.codes.get
        simple = _SIMPLE_CHUNK.fullmatch if self._stemmer is None else _no_match
        term_ids, terms = self.term_ids, self.terms
        boundaries = self.spec.boundaries
        for i, chunk in enumerate(chunks):
            code = marker(chunk)
            if code is None:
                match = simple(chunk)
                if match is None:
                    code = self._new_code(chunk)
                else:
                    word = match[1].decode("ascii")
                    code = term_ids.get(word)
                    if code is None:
                        code = term_ids[word] = len(terms)
                        terms.append(word)
                    if match[2] and boundaries and word.lower() not in _ABBREVIATIONS:
                        code = self._expand([code, BOUNDARY])
            out[i] = code
        return out

    def _new_code(self, chunk: bytes | str) -> int:
        """The code of a chunk by the token regex (and the rule for sentence-ending stops)."""
        text = chunk.decode("utf-8", "replace") if isinstance(chunk, bytes) else chunk
        toks = self._tokens_of(text)
        ids = [self._token_id(t) for t in toks]
        if (
            self.spec.boundaries
            and text.rstrip(_CLOSERS).endswith(".")
            and not (toks and (toks[-1].endswith(".") or toks[-1].lower() in _ABBREVIATIONS))
        ):
            ids.append(BOUNDARY)
        return ids[0] if len(ids) == 1 else self._expand(ids)

    def _expand(self, ids: list[int]) -> int:
        """The code of a chunk that is not exactly one token: an entry of the expansion table."""
        code = -3 - len(self._exp_lengths)
        self._exp_offsets.append(len(self._exp_flat))
        self._exp_lengths.append(len(ids))
        self._exp_flat.extend(ids)
        return code

    def _expansion(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return (
            np.frombuffer(self._exp_lengths, dtype=np.int64),
            np.frombuffer(self._exp_offsets, dtype=np.int64),
            np.frombuffer(self._exp_flat, dtype=np.int64)
            if len(self._exp_flat)
            else np.zeros(1, np.int64),
        )

    # --- texts -> id array -------------------------------------------------------------------------
    def _codes_of(self, chunks: list[bytes] | list[str]) -> np.ndarray:
        """The code of each chunk (adding the chunks not seen before)."""
        raw = np.fromiter(map(self.codes.__getitem__, chunks), dtype=np.int64, count=len(chunks))
        for i in np.flatnonzero(raw == _MISSING).tolist():
            code = self.codes[chunks[i]]  # an earlier miss in this list may have added it
            raw[i] = self._add_chunk(chunks[i]) if code == _MISSING else code
        return raw

    def _fast_codes(self, data: bytes) -> np.ndarray:
        """The code of every space-separated chunk of ``data``, without making a Python object
        per chunk: a chunk of up to 8 bytes *is* a 64-bit integer (its bytes, zero-padded; text
        holds no NUL), one of up to 16 bytes a pair of them (see :class:`_Known`); chunks longer
        than 16 bytes (rare) are sliced and looked up in the chunk -> code dictionary."""
        n = len(data)
        buf = bytearray(data)
        buf.extend(bytes(16))
        text = np.frombuffer(buf, np.uint8, count=n)
        _blank_punctuation(text)
        edges = np.diff((text != 32).view(np.int8), prepend=np.int8(0), append=np.int8(0))
        starts = np.flatnonzero(edges == 1)
        ends = np.flatnonzero(edges == -1)
        del edges
        lengths = ends - starts
        raw = np.empty(len(starts), dtype=np.int64)
        words = np.ndarray((n + 8,), dtype="<u8", buffer=buf, strides=(1,))  # 8 bytes at each
        short = np.flatnonzero(lengths <= 8)
        raw[short] = self._short.codes(
            [words[starts[short]] & _LOW_BYTES[lengths[short]]], self._chunk_codes
        )
        mid = np.flatnonzero((lengths > 8) & (lengths <= 16))
        if len(mid):
            at = starts[mid]
            raw[mid] = self._mid.codes(
                [words[at], words[at + 8] & _LOW_BYTES[lengths[mid] - 8]], self._chunk_codes
            )
        long = np.flatnonzero(lengths > 16)
        if len(long):
            chunks = [
                bytes(buf[a:b])
                for a, b in zip(starts[long].tolist(), ends[long].tolist(), strict=True)
            ]
            raw[long] = self._codes_of(chunks)
        return raw

    def word_totals(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray] | None:
        """Each word's count over ``texts`` and the number of texts it occurs in (indexed by
        term id: :attr:`terms`), as :meth:`count` finds them for one group of single words (the
        same tokens: :meth:`encode`, whose ids are summed here with NumPy alone). Made with
        ``light``, the counter imports no pandas: what a short run needs. None where the ids are
        not the bulk path's (a user pattern, a language per text, a big-endian machine)."""
        if not self.fast or self.whole_text or not _LITTLE_ENDIAN or self.spec.languages:
            return None
        ids, doc = self.encode(texts)
        words = ids >= 0
        ids, doc = ids[words], doc[words]
        size = max(len(self.terms), 1)
        counts = np.bincount(ids, minlength=size)
        pairs = doc * size + ids  # each (text, word) once: sorted, not hashed (NumPy's hashed
        pairs.sort()  # unique was slower on these keys)
        first = np.empty(len(pairs), dtype=bool)
        first[:1] = True
        np.not_equal(pairs[1:], pairs[:-1], out=first[1:])
        docs = np.bincount(pairs[first] % size, minlength=size)
        return counts, docs

    def encode(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Token ids of all ``texts`` (boundaries ``-1``, one after each text) and the index of the
        text each position belongs to."""
        return self._encode_in_languages(texts)[:2]

    def _encode_in_languages(
        self, texts: list[str]
    ) -> tuple[np.ndarray, np.ndarray, list[str] | None]:
        """:meth:`encode`, and with ``--lang auto`` the language each text is counted in (each
        text stemmed by its language's stemmer)."""
        languages = self.spec.languages
        if languages is None:
            return (*self._encode(texts), None)
        langs = [languages.language(code) for code in detect_languages(texts)]
        if not languages.stem:
            return (*self._encode(texts), langs)
        by_codec: dict[int, tuple[Counter, list[int]]] = {}
        for i, lang in enumerate(langs):
            codec = self._codec(lang)
            by_codec.setdefault(id(codec), (codec, []))[1].append(i)
        if len(by_codec) == 1:
            codec = next(iter(by_codec.values()))[0]
            return (*codec._encode(texts), langs)
        parts_ids, parts_doc = [], []
        for codec, rows in by_codec.values():
            ids, doc = codec._encode([texts[i] for i in rows])
            parts_ids.append(ids)
            parts_doc.append(np.asarray(rows, dtype=np.int64)[doc])
        ids, doc = np.concatenate(parts_ids), np.concatenate(parts_doc)
        order = np.argsort(doc, kind="stable")  # texts in order, each one's tokens in order
        return ids[order], doc[order], langs

    def _codec(self, lang: str) -> Counter:
        """The counter that encodes texts of language ``lang`` (``--lang auto --stem``): one per
        stemmer, all sharing this counter's vocabulary and expansion table; this counter itself
        for texts it does not stem."""
        assert self.spec.languages is not None
        stemmer = self.spec.languages.stemmer(lang)
        if stemmer is None:
            return self
        codec = self._codecs.get(stemmer)
        if codec is None:
            codec = Counter(replace(self.spec, stem=stemmer, languages=None))
            codec.terms, codec.term_ids = self.terms, self.term_ids
            codec._exp_lengths, codec._exp_offsets = self._exp_lengths, self._exp_offsets
            codec._exp_flat = self._exp_flat
            self._codecs[stemmer] = codec
        return codec

    def _stopwords_at(self, ids: np.ndarray, doc: np.ndarray, langs: list[str] | None):  # type: ignore[no-untyped-def]
        """With ``--lang auto``: whether each position holds a stopword of its text's language
        (an n-gram may not start or end there), else None."""
        languages = self.spec.languages
        if languages is None or langs is None or not languages.stopwords or not len(ids):
            return None
        codes = sorted(set(langs))
        masks = np.empty((len(codes), len(self.terms)), dtype=bool)
        for row, code in enumerate(codes):
            flags = self._stop_flags.setdefault(code, array("B"))
            if len(flags) < len(self.terms):
                stop = languages.stopword_list(code)
                flags.extend(t in stop for t in self.terms[len(flags) :])
            masks[row] = np.frombuffer(flags, dtype=np.uint8, count=len(self.terms))
        place = {code: row for row, code in enumerate(codes)}
        text_row = np.fromiter((place[lang] for lang in langs), np.int64, len(langs))
        return masks[text_row[doc], np.where(ids >= 0, ids, 0)]

    def _encode(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`encode` in one language (this counter's stemmer)."""
        if self.whole_text:
            chunks: list[str] = []
            for text in texts:
                chunks.extend(self._tokens_of(text.lower() if self.spec.lower else text))
                chunks.append(_DOC_MARK_STR)
            raw = self._codes_of(chunks)
        elif self.fast and _LITTLE_ENDIAN:
            raw = self._fast_codes(self._prepared(texts))
        else:
            raw = self._codes_of(self._general_chunks(texts))
        doc_end = raw == DOC_END
        doc_of_raw = np.cumsum(doc_end) - doc_end
        raw[doc_end] = BOUNDARY
        dirty = raw <= -3
        if not dirty.any():
            return raw, doc_of_raw
        lengths, offsets, flat = self._expansion()
        entry = -3 - raw[dirty]
        out_len = np.ones(len(raw), dtype=np.int64)
        out_len[dirty] = lengths[entry]
        starts = np.cumsum(out_len) - out_len
        out = np.empty(int(out_len.sum()), dtype=np.int64)
        clean = ~dirty
        out[starts[clean]] = raw[clean]
        dirty_len = out_len[dirty]
        total = int(dirty_len.sum())
        if total:
            owner = np.repeat(np.arange(len(entry)), dirty_len)
            within = np.arange(total) - np.repeat(np.cumsum(dirty_len) - dirty_len, dirty_len)
            out[np.repeat(starts[dirty], dirty_len) + within] = flat[offsets[entry][owner] + within]
        doc_of_out = np.repeat(doc_of_raw, out_len)
        return out, doc_of_out

    # --- counting ----------------------------------------------------------------------------------
    def count(
        self,
        texts: list[str],
        groups: np.ndarray,
        ngrams: tuple[int, ...],
        *,
        per_doc: bool = False,
        words_by_group: bool = False,
        pooled: tuple[int, ...] = (),
    ) -> Partial:
        """Counts of every n-gram (n in ``ngrams``) per group, with document frequencies; with
        ``per_doc`` also each text's word counts (every word, stopwords and numbers included).
        ``words_by_group`` keeps each text's number of words and, instead of its words, the
        table :data:`WORDS` of every word per group (stopwords and numbers included; docs not
        counted): all that the distinct words per group need, a row per (group, word) rather
        than per (text, word). The n-grams of the sizes in ``pooled`` are counted over all
        groups together (group 0), for a caller that reads only their overall counts."""
        ids, doc, langs = self._encode_in_languages(texts)
        groups = np.asarray(groups, dtype=np.int64)
        bits = max(1, len(self.terms).bit_length())
        results = {}
        edge, number = self._drop_masks()
        edge_at = self._stopwords_at(ids, doc, langs)
        for n in ngrams:
            key, kdoc = ngram_keys(ids, doc, n, bits, edge=edge, number=number, edge_at=edge_at)
            by_group = np.zeros_like(groups) if n in pooled else groups
            results[str(n)] = (n, _count_by_group(key, kdoc, by_group, n * bits))
        part = self._partial(ids, doc, groups, bits, results)
        if per_doc or words_by_group:
            words = ids >= 0
            wdoc, wkey = doc[words], ids[words]
            part.doc_tokens = np.bincount(wdoc, minlength=len(texts)).astype(np.int64)
            ones = np.ones(len(wkey), dtype=np.int64)
            if per_doc:
                table = sum_by(wdoc, wkey, ones, ones, bits)
                part.doc_words = table.drop(columns="docs").rename(columns={"group": "doc"})
            if words_by_group:
                zeros = np.zeros(len(wkey), dtype=np.int64)
                part.tables[WORDS] = (1, sum_by(groups[wdoc], wkey, ones, zeros, bits))
        return part

    def _drop_masks(self) -> tuple[np.ndarray | None, np.ndarray | None]:
        """Per term id: may not stand at an n-gram's edge; has no letter (when numbers drop)."""
        spec = self.spec
        if not spec.drop_edges and spec.keep_numbers:
            return None, None
        if len(self._edge_flags) < len(self.terms):  # the terms met since: flagged in bulk
            new = self.terms[len(self._edge_flags) :]
            self._edge_flags.extend(map(spec.drop_edges.__contains__, new))
            self._number_flags.extend([not found for found in map(_HAS_LETTER.search, new)])
        if not self.terms:
            return None, None
        edge = (
            np.frombuffer(self._edge_flags, dtype=np.uint8).astype(bool)
            if spec.drop_edges
            else None
        )
        number = (
            None
            if spec.keep_numbers
            else np.frombuffer(self._number_flags, dtype=np.uint8).astype(bool)
        )
        return edge, number

    def pairs(self, texts: list[str], window: int, node: str | None) -> Partial:
        """Co-occurrences within ``window`` tokens (same sentence), as ordered pairs (earlier,
        later), with the marginal counts of each word as first and as second member. With
        ``node``, only pairs that contain it are kept (the marginals stay complete)."""
        import pandas as pd

        groups = np.zeros(len(texts), dtype=np.int64)
        ids, doc, langs = self._encode_in_languages(texts)
        bits = max(1, len(self.terms).bit_length())
        segment = np.cumsum(ids < 0)
        node_id = self.term_ids.get(node, -2) if node is not None else None
        edge, number = self._drop_masks()
        unlisted = edge if number is None else number if edge is None else edge | number
        stop_at = self._stopwords_at(ids, doc, langs)
        keys, firsts, seconds = [], [], []
        for d in range(1, window + 1):
            a, b = ids[:-d], ids[d:]
            valid = (a >= 0) & (b >= 0) & (segment[:-d] == segment[d:])
            firsts.append(a[valid])
            seconds.append(b[valid])
            if node_id is not None:
                valid &= (a == node_id) | (b == node_id)
            if unlisted is not None:  # a pair with a stopword (or number) is never listed
                valid &= ~unlisted[np.where(a >= 0, a, 0)] & ~unlisted[np.where(b >= 0, b, 0)]
            if stop_at is not None:  # --lang auto: a stopword of the text's language
                valid &= ~stop_at[:-d] & ~stop_at[d:]
            keys.append((a[valid] << bits) | b[valid])
        key = np.concatenate(keys) if keys else np.empty(0, np.int64)
        results = {"pairs": (2, _count_keys(key))}
        for name, parts in (("first", firsts), ("second", seconds)):
            ids_ = np.concatenate(parts) if parts else np.empty(0, np.int64)
            counts = (
                np.bincount(ids_, minlength=len(self.terms)) if len(ids_) else np.zeros(0, np.int64)
            )
            nz = np.flatnonzero(counts)
            results[name] = (
                1,
                pd.DataFrame(
                    {
                        "group": np.zeros(len(nz), np.int64),
                        "key": nz,
                        "count": counts[nz],
                        "docs": 0,
                    }
                ),
            )
        return self._partial(ids, doc, groups, bits, results)

    def _partial(
        self,
        ids: np.ndarray,
        doc: np.ndarray,
        groups: np.ndarray,
        bits: int,
        results: dict[str, tuple[int, pd.DataFrame]],
    ) -> Partial:
        group_tokens = _tally(groups[doc[ids >= 0]])
        group_docs = _tally(groups)
        start = self._synced
        self._synced = len(self.terms)
        return Partial(
            worker=os.getpid(),
            vocab_start=start,
            new_terms=self.terms[start:],
            bits=bits,
            tables=results,
            group_tokens={int(k): int(v) for k, v in group_tokens.items()},
            group_docs={int(k): int(v) for k, v in group_docs.items()},
        )


def _tally(values: np.ndarray) -> dict[int, int]:
    """How many times each value (a group number) occurs, for the values that occur."""
    if not len(values):
        return {}
    counts = np.bincount(values)
    present = np.flatnonzero(counts)
    return dict(zip(present.tolist(), counts[present].tolist(), strict=True))


def ngram_keys(
    ids: np.ndarray,
    doc: np.ndarray,
    n: int,
    bits: int,
    *,
    edge: np.ndarray | None = None,
    number: np.ndarray | None = None,
    edge_at: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Packed keys of every n-gram that crosses no boundary, and the document of each. With
    ``edge``/``number`` masks (indexed by term id), n-grams that start or end with an edge word,
    or hold a number, are left out; so are those that start or end at a position ``edge_at``
    (a mask over the positions of ``ids``) marks."""
    if len(ids) < n:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    m = len(ids) - n + 1
    valid = ids[:m] >= 0
    key = ids[:m].copy()
    for j in range(1, n):
        part = ids[j : j + m]
        valid &= part >= 0
        key = (key << bits) | np.where(part >= 0, part, 0)
    if edge is not None or number is not None:
        safe = [np.where(ids[j : j + m] >= 0, ids[j : j + m], 0) for j in range(n)]
        if edge is not None:
            valid &= ~edge[safe[0]]
            if n > 1:
                valid &= ~edge[safe[-1]]
        if number is not None:
            for part in safe:
                valid &= ~number[part]
    if edge_at is not None:
        valid &= ~edge_at[:m]
        if n > 1:
            valid &= ~edge_at[n - 1 : n - 1 + m]
    return key[valid], doc[:m][valid]


def _pack_fits(*bit_widths: int) -> bool:
    return sum(bit_widths) <= 62


def sum_by(
    group: np.ndarray, key: np.ndarray, count: np.ndarray, docs: np.ndarray, key_bits: int
) -> pd.DataFrame:
    """Sum ``count`` and ``docs`` over equal (group, key) pairs, by hashing (no sort)."""
    import pandas as pd

    if not len(key):
        return _empty_counts()
    group_bits = max(1, int(group.max()).bit_length())
    if _pack_fits(group_bits, key_bits):
        codes, uniques = pd.factorize((group << key_bits) | key, sort=False)
        out_group = uniques >> key_bits
        out_key = uniques & ((1 << key_bits) - 1)
    else:
        frame = pd.DataFrame({"group": group, "key": key})
        codes = frame.groupby(["group", "key"], sort=False).ngroup().to_numpy()
        firsts = pd.Series(np.arange(len(codes))).groupby(codes, sort=True).first().to_numpy()
        out_group, out_key = group[firsts], key[firsts]
    n = int(codes.max()) + 1
    return pd.DataFrame(
        {
            "group": out_group.astype(np.int64),
            "key": out_key.astype(np.int64),
            "count": np.bincount(codes, weights=count, minlength=n).astype(np.int64),
            "docs": np.bincount(codes, weights=docs, minlength=n).astype(np.int64),
        }
    )


def sum_frames(frames: list[pd.DataFrame], key_bits: int) -> pd.DataFrame:
    """Frames of (group, key, count, docs) summed into one, a row per distinct (group, key)."""
    import pandas as pd

    if not frames:
        return _empty_counts()
    both = pd.concat(frames, ignore_index=True)
    return sum_by(
        both["group"].to_numpy(),
        both["key"].to_numpy(),
        both["count"].to_numpy(),
        both["docs"].to_numpy(),
        key_bits,
    )


def _empty_counts() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame({"group": [], "key": [], "count": [], "docs": []}, dtype=np.int64)


def _count_keys(key: np.ndarray) -> pd.DataFrame:
    """key -> count in group 0 (docs not counted: 0)."""
    import pandas as pd

    if not len(key):
        return _empty_counts()
    codes, uniques = pd.factorize(key, sort=False)
    return pd.DataFrame(
        {
            "group": np.zeros(len(uniques), dtype=np.int64),
            "key": uniques.astype(np.int64),
            "count": np.bincount(codes, minlength=len(uniques)).astype(np.int64),
            "docs": np.zeros(len(uniques), dtype=np.int64),
        }
    )


#: Largest (groups x key space) counted in dense arrays rather than by hashing.
_DENSE_SLOTS = 1 << 20


def _count_by_group(
    key: np.ndarray, kdoc: np.ndarray, groups: np.ndarray, key_bits: int
) -> pd.DataFrame:
    """(group, key) -> count, docs (number of distinct documents): the distinct (document, key)
    pairs by hashing, then summed per (group, key) — in dense arrays when groups x keys is small
    (unigrams over few groups), else by hashing again."""
    import pandas as pd

    if not len(key):
        return _empty_counts()
    doc_bits = max(1, int(kdoc.max()).bit_length())
    if not _pack_fits(doc_bits, key_bits):
        ones = np.ones(len(key), dtype=np.int64)
        per_doc = sum_by(kdoc, key, ones, ones, key_bits)  # (doc, key) -> occurrences
        pair_doc, pair_key = per_doc["group"].to_numpy(), per_doc["key"].to_numpy()
        occurrences = per_doc["count"].to_numpy()
    else:
        codes, pairs = pd.factorize((kdoc << key_bits) | key, sort=False)
        occurrences = np.bincount(codes, minlength=len(pairs))
        pair_doc, pair_key = pairs >> key_bits, pairs & ((1 << key_bits) - 1)
    group = groups[pair_doc]
    slots = (int(group.max()) + 1) << key_bits
    if slots > _DENSE_SLOTS:
        return sum_by(group, pair_key, occurrences, np.ones(len(group), np.int64), key_bits)
    slot = (group << key_bits) | pair_key
    docs = np.bincount(slot, minlength=slots)
    count = np.bincount(slot, weights=occurrences, minlength=slots)
    present = np.flatnonzero(docs)
    return pd.DataFrame(
        {
            "group": present >> key_bits,
            "key": present & ((1 << key_bits) - 1),
            "count": count[present].astype(np.int64),
            "docs": docs[present],
        }
    )


class _Sums:
    """Running totals of one table: count and docs per distinct (group, n-gram), the pair packed
    into one 64-bit key and found among those met before by hashing (:func:`key_table`), so
    adding a batch costs in proportion to the batch, not to the table; rows in order of first
    meeting."""

    def __init__(self, key_bits: int) -> None:
        self.key_bits = key_bits
        self.keys = key_table()
        self.size = 0
        #: count and docs of each key (rows beyond ``size`` are room to grow into)
        self.sums = np.zeros((2, 0), dtype=np.int64)

    def fits(self, frame: pd.DataFrame) -> bool:
        """True when the groups of ``frame`` can be packed beside its keys."""
        top = int(frame["group"].max()) if len(frame) else 0
        return top.bit_length() + self.key_bits <= 64

    def add(self, frame: pd.DataFrame) -> None:
        """Add the (group, key, count, docs) rows of ``frame``."""
        group = frame["group"].to_numpy().astype(np.uint64)
        key = frame["key"].to_numpy().astype(np.uint64)
        places, new = self.keys.positions((group << np.uint64(self.key_bits)) | key)
        self.size += new
        if self.size > self.sums.shape[1]:  # grow by half at least: not a copy per batch
            room = np.zeros((2, max(self.size, self.sums.shape[1] * 3 // 2)), dtype=np.int64)
            room[:, : self.sums.shape[1]] = self.sums
            self.sums = room
        np.add.at(self.sums[0], places, frame["count"].to_numpy())
        np.add.at(self.sums[1], places, frame["docs"].to_numpy())

    def groups(self) -> np.ndarray:
        """The group of each row, in the order of :meth:`frame` (without its other columns)."""
        group: np.ndarray = (self.keys.keys >> np.uint64(self.key_bits)).astype(np.int64)
        return group

    def frame(self) -> pd.DataFrame:
        import pandas as pd

        packed = self.keys.keys
        return pd.DataFrame({
            "group": (packed >> np.uint64(self.key_bits)).astype(np.int64),
            "key": (packed & np.uint64((1 << self.key_bits) - 1)).astype(np.int64),
            "count": self.sums[0, : self.size].copy(),
            "docs": self.sums[1, : self.size].copy(),
        })  # fmt: skip


@dataclass
class Totals:
    """Counts merged from all batches, in the global vocabulary."""

    terms: list[str] = field(default_factory=list)
    term_ids: dict[str, int] = field(default_factory=dict)
    #: name -> frames of (group, key, count, docs) not yet summed (see :meth:`table`)
    tables: dict[str, list[pd.DataFrame]] = field(default_factory=dict)
    arity: dict[str, int] = field(default_factory=dict)
    group_tokens: dict[int, int] = field(default_factory=dict)
    group_docs: dict[int, int] = field(default_factory=dict)
    #: Per document, in input order (when counted ``per_doc``): word tokens, and (doc, key, count).
    doc_tokens: list[np.ndarray] = field(default_factory=list)
    doc_words: list[pd.DataFrame] = field(default_factory=list)
    documents: int = 0
    _maps: dict[int, array[int]] = field(default_factory=dict)
    #: Running sums of the tables whose group and key pack into 64 bits; the others gather
    #: frames, summed now and then (``_pending_rows``).
    _sums: dict[str, _Sums] = field(default_factory=dict)
    _unpacked: set[str] = field(default_factory=set)
    #: True when no group comes in more than one batch (counted per article): rows are then
    #: distinct as they come, and gathered without hashing or summing.
    disjoint: bool = False
    _pending_rows: int = 0
    _compacted_rows: int = 0
    #: Per stopword list, the flags of :meth:`word_flags` of the words so far (shared with the
    #: totals collapsed from these, which have the same vocabulary)
    flags: dict[frozenset[str], tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)

    def word_flags(self, stopwords: frozenset[str]) -> tuple[np.ndarray, np.ndarray]:
        """Per word of the vocabulary: whether it is one of ``stopwords``, and whether it has no
        letter (a number). Worked out once per word: the tables of one vocabulary are filtered
        several times (the report's terms, keyness and overview read the same counts), and the
        vocabulary of a large corpus is millions of words. It only grows, so words added since
        are flagged when asked next."""
        terms = self.terms
        empty = np.zeros(0, dtype=bool)
        stop, number = self.flags.get(stopwords, (empty, empty))
        if len(stop) < len(terms):
            new = terms[len(stop) :]
            stop = np.concatenate(
                [stop, np.fromiter((t in stopwords for t in new), bool, len(new))]
            )
            number = np.concatenate(
                [number, np.fromiter((not has_letter(t) for t in new), bool, len(new))]
            )
            self.flags[stopwords] = (stop, number)
        return stop, number

    @classmethod
    def in_step_with(cls, counter: Counter) -> Totals:
        """Empty totals whose vocabulary is ``counter``'s as it stands, so that what the counter
        counts next (in this process) is added without remapping."""
        totals = cls(terms=list(counter.terms), term_ids=dict(counter.term_ids))
        totals._maps[os.getpid()] = array("q", range(len(counter.terms)))
        return totals

    def add(self, part: Partial) -> None:
        """Merge one batch's counts (remapping its vocabulary onto the global one)."""
        import pandas as pd

        local = self._maps.setdefault(part.worker, array("q"))
        if len(local) != part.vocab_start:
            raise RuntimeError("worker vocabulary out of step")  # a bug, never user input
        for term in part.new_terms:
            gid = self.term_ids.get(term)
            if gid is None:
                gid = self.term_ids[term] = len(self.terms)
                self.terms.append(term)
            local.append(gid)
        mapping = np.frombuffer(local, dtype=np.int64)
        for name, (n, frame) in part.tables.items():
            self.arity[name] = n
            if not len(frame):
                self.tables.setdefault(name, [])
                continue
            frame = frame.assign(key=repack(frame["key"].to_numpy(), n, part.bits, mapping))
            self._add_rows(name, n, frame)
        if part.doc_tokens is not None:
            self.doc_tokens.append(part.doc_tokens)
        if part.doc_words is not None:
            words = part.doc_words
            self.doc_words.append(
                pd.DataFrame({
                    "doc": words["doc"].to_numpy() + self.documents,
                    "key": repack(words["key"].to_numpy(), 1, part.bits, mapping),
                    "count": words["count"].to_numpy(),
                })
            )  # fmt: skip
        self.documents += sum(part.group_docs.values())
        for g, v in part.group_tokens.items():
            self.group_tokens[g] = self.group_tokens.get(g, 0) + v
        for g, v in part.group_docs.items():
            self.group_docs[g] = self.group_docs.get(g, 0) + v
        if self._pending_rows > max(500_000, self._compacted_rows):
            self.compact()

    def _add_rows(self, name: str, n: int, frame: pd.DataFrame) -> None:
        if self.disjoint:
            self.tables.setdefault(name, []).append(frame)
            return
        if name not in self._unpacked:
            sums = self._sums.get(name) or _Sums(key_bits(n))
            if sums.fits(frame):
                self._sums[name] = sums
                sums.add(frame)
                self.tables.setdefault(name, [])
                return
            self._unpacked.add(name)  # too many groups to pack: sum frames from now on
            if name in self._sums:
                self.tables.setdefault(name, []).append(self._sums.pop(name).frame())
        self.tables.setdefault(name, []).append(frame)
        self._pending_rows += len(frame)

    def compact(self) -> None:
        """Sum the rows gathered so far, to keep memory bounded by the distinct (group, term)s."""
        import pandas as pd

        for name, frames in self.tables.items():
            n = self.arity[name]
            if name in self._sums and frames:  # frames set directly beside running sums
                frames.append(self._sums.pop(name).frame())
            if len(frames) > 1 and self.disjoint:
                self.tables[name] = [pd.concat(frames, ignore_index=True)]
            elif len(frames) > 1:
                self.tables[name] = [sum_frames(frames, key_bits(n))]
        # Rows added since are summed in when they outnumber the rows summed so far: each row is
        # re-summed O(log n) times, not at every batch once the table is large.
        self._compacted_rows = sum(len(f) for frames in self.tables.values() for f in frames)
        self._pending_rows = 0

    def table(self, name: str | int) -> pd.DataFrame:
        """group, key, count, docs of one table (n-grams of size n: ``table(n)``), with keys in
        the global vocabulary."""
        self.compact()
        name = str(name)
        if name in self._sums:
            return self._sums[name].frame()
        frames = self.tables.get(name) or []
        return frames[0] if frames else _empty_counts()

    def rows_per_group(self, name: str | int, groups: int) -> np.ndarray:
        """The number of rows of table ``name`` in each of ``groups`` groups (the distinct words
        of each group, for :data:`WORDS`): read from the running sums' keys when the table is
        kept there, so that its count and docs columns are not copied into a frame."""
        name = str(name)
        sums = self._sums.get(name)
        group = (
            sums.groups() if sums is not None and not self.tables.get(name)
            else self.table(name)["group"].to_numpy()
        )  # fmt: skip
        return np.bincount(group, minlength=groups)

    def word_table(self) -> tuple[np.ndarray, pd.DataFrame]:
        """Per document (counted ``per_doc``, in input order): word tokens, and a frame of
        (doc, key, count) — each document's words, keys in the global vocabulary."""
        import pandas as pd

        empty = pd.DataFrame({"doc": [], "key": [], "count": []}, dtype=np.int64)
        if not self.doc_tokens:
            return np.zeros(0, dtype=np.int64), empty
        words = pd.concat(self.doc_words, ignore_index=True) if self.doc_words else empty
        return np.concatenate(self.doc_tokens), words

    def decode(self, keys: np.ndarray, n: int) -> list[str]:
        """The n-gram strings of packed global keys ("word word")."""
        terms = self.terms
        parts = self.component_ids(keys, n)
        if n == 1:
            return [terms[i] for i in parts[0]]
        return [" ".join(terms[p[i]] for p in parts) for i in range(len(keys))]

    def component_ids(self, keys: np.ndarray, n: int) -> list[np.ndarray]:
        """The word ids of packed global keys of n-grams, one array per position."""
        if n == 1:
            return [keys]
        mask = (1 << GLOBAL_BITS) - 1
        return [(keys >> (GLOBAL_BITS * (n - 1 - j))) & mask for j in range(n)]


def merge_partials(parts: list[Partial]) -> Partial:
    """One :class:`Partial` for consecutive batches that one :class:`Counter` counted (in the
    order it counted them): tables summed, vocabulary gains joined. A worker that counts several
    batches of a part sends one result, and the merging process has fewer rows to sum."""
    import pandas as pd

    if len(parts) == 1:
        return parts[0]
    bits = parts[-1].bits  # the vocabulary only grows
    tables: dict[str, tuple[int, pd.DataFrame]] = {}
    for name, (n, _) in parts[-1].tables.items():
        frames = [
            frame.assign(key=_widen(frame["key"].to_numpy(), n, part.bits, bits))
            for part in parts
            for frame in [part.tables[name][1]]
            if len(frame)
        ]
        tables[name] = (n, sum_frames(frames, n * bits))
    group_tokens: dict[int, int] = {}
    group_docs: dict[int, int] = {}
    for part in parts:
        for g, v in part.group_tokens.items():
            group_tokens[g] = group_tokens.get(g, 0) + v
        for g, v in part.group_docs.items():
            group_docs[g] = group_docs.get(g, 0) + v
    doc_tokens: np.ndarray | None = None
    doc_words: pd.DataFrame | None = None
    part_tokens = [p.doc_tokens for p in parts if p.doc_tokens is not None]
    part_words = [p.doc_words for p in parts if p.doc_words is not None]
    if len(part_tokens) == len(parts):
        doc_tokens = np.concatenate(part_tokens)
    if len(part_tokens) == len(part_words) == len(parts):
        offsets = np.cumsum([0] + [len(tokens) for tokens in part_tokens[:-1]])
        doc_words = pd.concat(
            [
                words.assign(
                    doc=words["doc"].to_numpy() + offset,
                    key=_widen(words["key"].to_numpy(), 1, p.bits, bits),
                )
                for p, words, offset in zip(parts, part_words, offsets.tolist(), strict=True)
            ],
            ignore_index=True,
        )
    return Partial(
        worker=parts[0].worker,
        vocab_start=parts[0].vocab_start,
        new_terms=[term for part in parts for term in part.new_terms],
        bits=bits,
        tables=tables,
        group_tokens=group_tokens,
        group_docs=group_docs,
        doc_tokens=doc_tokens,
        doc_words=doc_words,
    )


def _widen(keys: np.ndarray, n: int, bits: int, wider: int) -> np.ndarray:
    """Packed n-gram keys of ``bits`` per id, packed again with ``wider`` bits per id."""
    if bits == wider:
        return keys
    mask = (1 << bits) - 1
    out = np.zeros(len(keys), dtype=np.int64)
    for j in range(n):
        out = (out << wider) | ((keys >> (bits * (n - 1 - j))) & mask)
    return out


def repack(keys: np.ndarray, n: int, bits: int, mapping: np.ndarray) -> np.ndarray:
    check_ngram_vocabulary(len(mapping), n)
    if n == 1:  # a word's key is its id, whole
        ids: np.ndarray = mapping[keys]  # an index array: numpy types this Any
        return ids
    mask = (1 << bits) - 1
    out = np.zeros(len(keys), dtype=np.int64)
    for j in range(n):
        part = (keys >> (bits * (n - 1 - j))) & mask
        out = (out << GLOBAL_BITS) | mapping[part]
    return out


def has_letter(term: str) -> bool:
    """True for tokens that are words rather than numbers."""
    return bool(_HAS_LETTER.search(term))
