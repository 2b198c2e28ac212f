"""Build word vectors of news text for benchmarks/study_word_vectors.py, offline.

    python benchmarks/build_word_vectors.py --out VECTORS.npz [--corpora DIR] [--articles N]

Distributional vectors of the content words of news text (stems, as
``corpuscli.coverage.similarity.content_words`` gives them), counted on the AllSides corpus
(``article_bias_prediction_allsides/articles.jsonl.gz``, 37,554 articles of 491 outlets,
2012-2020), whose articles are not those of BASIL on which alignment is measured. How:

1. every article's paragraphs are read as sequences of content words (stopwords out, stemmed,
   numbers left out: they are compared by value, not by meaning); the ``VOCABULARY`` most
   frequent stems seen at least ``MIN_COUNT`` times are kept;
2. co-occurrences are counted within ``WINDOW`` content words either way inside a paragraph,
   each weighted by 1/distance;
3. the counts become positive pointwise mutual information with the context distribution
   smoothed (``ALPHA``: rare contexts do not dominate), shifted by log ``SHIFT``;
4. a truncated SVD keeps ``DIMENSIONS`` dimensions; a word's vector is its row of U times the
   ``POWER`` of the singular values, scaled to length 1 and stored as int8 (x 127).

The result is statistics of word use, not text: no sentence can be read back from it. It is
written to ``--out`` (``words``: the stems, one a line; ``vectors``: their rows), never into the
package: the study found no gain on the held-aside pairs (docs/benchmarks.md). Tried: the first
20,000 articles, window 4, 96 dimensions, power 0.5 (14,887 stems, 1.1 MB); the first 30,000,
window 2, 200 dimensions, power 0 (17,762 stems, 2.5 MB; about 3 CPU minutes).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from _harness import REPO, corpora_dir
from scipy import sparse
from scipy.sparse.linalg import svds

sys.path.insert(0, str(REPO / "src"))

from corpuscli.coverage.similarity import content_words

VOCABULARY = 30000
MIN_COUNT = 20
WINDOW = 2
ALPHA = 0.75
SHIFT = 1.0
#: The power of the singular values the rows of U are scaled by (0: U alone, which keeps the
#: dimensions of rarer senses: synonyms come out nearer than words of one topic).
POWER = 0.0
DIMENSIONS = 200
#: Articles counted per chunk of co-occurrence pairs (bounds the memory of one chunk).
CHUNK = 1000


def paragraphs(path, limit: int) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """The content words of every paragraph of the first ``limit`` articles (0: all)."""
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit and n >= limit:
                break
            text = json.loads(line).get("text") or ""
            for para in text.split("\n"):
                words = [w for w in content_words(para) if not w.isdigit()]
                if len(words) >= 2:
                    out.append(words)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora")
    parser.add_argument("--articles", type=int, default=0, help="first N articles only (0: all)")
    parser.add_argument("--out", required=True, help="the .npz file to write")
    args = parser.parse_args()
    source = corpora_dir(args.corpora) / "article_bias_prediction_allsides" / "articles.jsonl.gz"
    start = time.process_time()
    paras = paragraphs(source, args.articles)
    print(f"{len(paras)} paragraphs read in {time.process_time() - start:.0f} CPU s")
    freq = Counter(w for p in paras for w in p)
    vocab = [w for w, n in freq.most_common(VOCABULARY) if n >= MIN_COUNT]
    index = {w: k for k, w in enumerate(vocab)}
    size = len(vocab)
    counts = sparse.csr_matrix((size, size), dtype=np.float32)
    for lo in range(0, len(paras), CHUNK * 20):
        rows, cols, vals = [], [], []
        for p in paras[lo : lo + CHUNK * 20]:
            ids = np.array([index.get(w, -1) for w in p], dtype=np.int64)
            for d in range(1, WINDOW + 1):
                if len(ids) <= d:
                    break
                x, y = ids[:-d], ids[d:]
                keep = (x >= 0) & (y >= 0)
                rows += [x[keep], y[keep]]
                cols += [y[keep], x[keep]]
                vals.append(np.full(2 * int(keep.sum()), 1.0 / d, dtype=np.float32))
        if rows:
            r, c, v = np.concatenate(rows), np.concatenate(cols), np.concatenate(vals)
            counts = counts + sparse.csr_matrix((v, (r, c)), shape=(size, size))
    print(f"{size} words, {counts.nnz} co-occurring pairs, {time.process_time() - start:.0f} CPU s")
    coo = counts.tocoo()
    total = coo.data.sum()
    row_sum = np.asarray(counts.sum(axis=1)).ravel()
    ctx = np.asarray(counts.sum(axis=0)).ravel() ** ALPHA
    ctx /= ctx.sum()
    pmi = np.log(coo.data / total) - np.log(row_sum[coo.row] / total) - np.log(ctx[coo.col])
    pmi -= np.log(SHIFT)
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=(size, size))
    u, s, _ = svds(ppmi, k=DIMENSIONS, random_state=0)
    vectors = u * s**POWER
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    print(f"SVD done, {time.process_time() - start:.0f} CPU s")
    quantised = np.round(vectors * 127).astype(np.int8)
    for probe in ("resign", "quit", "veto", "elect", "fire", "lawsuit", "deal", "decis"):
        if probe in index:
            v = vectors[index[probe]]
            sims = vectors @ v
            near = [vocab[k] for k in np.argsort(-sims)[1:8]]
            print(f"  {probe}: {', '.join(near)}")
    out = Path(args.out)
    np.savez_compressed(out, words=np.array("\n".join(vocab)), vectors=quantised)
    print(f"written: {out} ({out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
