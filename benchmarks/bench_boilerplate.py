"""Boilerplate quality and speed.

    python benchmarks/bench_boilerplate.py [--corpora DIR] [--skip-large]

(a) Line-level precision, recall and F1 of content and of boilerplate on the English pages of the
    Scrapinghub article-extraction benchmark: each page's visible text split into blocks (every
    text block of the HTML, in order), a block labelled content when it is in the gold article
    body. corpuscli sees only the plain text (`page=True`: whole pages, not extracted articles);
    jusText gets the same blocks as paragraphs; trafilatura gets the original HTML (an upper
    reference: it sees the markup). Plus the must-keep / must-drop snippets of the trafilatura
    news subset.
(b) Repeated blocks found per outlet in article_bias_prediction_allsides (a sample printed), the
    time to detect them over all 37,554 articles, and how that scales (one hash per block).
(c) The seed article 003: every boilerplate line found, every story line kept.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import re
import sys
import time
from pathlib import Path

import pandas as pd
from _harness import REPO, corpora_dir, table

sys.path.insert(0, str(REPO / "src"))

from corpuscli.boilerplate.detection import detect
from corpuscli.text.stopwords import load_stopwords

_BLOCK_TAGS = {
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "section",
    "article", "header", "footer", "nav", "aside", "ul", "ol", "table", "blockquote", "figure",
    "figcaption", "form", "dt", "dd", "pre", "main", "title", "button", "option", "label", "hr",
}  # fmt: skip
_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}
_WS = re.compile(r"\s+")


def page_blocks(raw: str) -> list[str]:
    """Visible text of an HTML page, one block per block-level element, in document order."""
    import lxml.html

    root = lxml.html.fromstring(raw)
    parts: list[str] = []

    def walk(el) -> None:  # type: ignore[no-untyped-def]
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            if el.tail:
                parts.append(el.tail)
            return
        block = tag in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    body = root.find("body")
    walk(body if body is not None else root)
    lines = (_WS.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def read_gz(path: Path) -> str:
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as handle:
        return handle.read()


def norm(text: str) -> str:
    return _WS.sub(" ", text.replace("’", "'").replace("“", '"').replace("”", '"')).strip().lower()


def is_english(text: str, stop: frozenset[str]) -> bool:
    words = re.findall(r"[a-z']+", text.lower())
    return bool(words) and sum(w in stop for w in words) / len(words) > 0.25


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def scores(labels: list[bool], kept: list[bool]) -> dict[str, float]:
    tp = sum(a and b for a, b in zip(labels, kept, strict=True))
    fp = sum((not a) and b for a, b in zip(labels, kept, strict=True))
    fn = sum(a and not b for a, b in zip(labels, kept, strict=True))
    tn = len(labels) - tp - fp - fn
    cp, cr, cf = prf(tp, fp, fn)
    bp, br, bf = prf(tn, fn, fp)
    return {"content_p": cp, "content_r": cr, "content_f1": cf, "bp_p": bp, "bp_r": br, "bp_f1": bf}


def contained(block: str, reference: str) -> bool:
    b = norm(block)
    return len(b) >= 15 and b in reference


def part_a(corpora: Path) -> None:
    import justext
    import trafilatura

    stop = load_stopwords("en")
    root = corpora / "scrapinghub_article_extraction_benchmark"
    rows = [json.loads(line) for line in (root / "gold.jsonl").open(encoding="utf-8")]
    labels: list[bool] = []
    predictions: dict[str, list[bool]] = {"keep everything": [], "corpuscli (plain text)": [],
                                          "jusText (same blocks)": [], "trafilatura (HTML)": []}  # fmt: skip
    pages = 0
    timing = 0.0
    for row in rows:
        if not is_english(row["text"], stop):
            continue
        raw = read_gz(root / row["html_path"])
        blocks = page_blocks(raw)
        if not blocks:
            continue
        pages += 1
        gold = norm(row["text"])
        labels.extend(contained(b, gold) for b in blocks)
        predictions["keep everything"].extend(True for _ in blocks)
        text = "\n".join(blocks)
        start = time.perf_counter()
        verdicts = detect(
            pd.DataFrame({"doc_id": [row["id"]], "source": [row["source"]], "text": [text]}),
            page=True,
        )
        timing += time.perf_counter() - start
        by_block = dict(zip(verdicts["block"], verdicts["boilerplate"], strict=True))
        predictions["corpuscli (plain text)"].extend(
            not by_block.get(i, False) for i in range(len(blocks))
        )
        doc = (
            "<html><body>" + "".join(f"<p>{html.escape(b)}</p>" for b in blocks) + "</body></html>"
        )
        paragraphs = justext.justext(doc, justext.get_stoplist("English"))
        good = {norm(p.text) for p in paragraphs if not p.is_boilerplate}
        predictions["jusText (same blocks)"].extend(norm(b) in good for b in blocks)
        extracted = norm(trafilatura.extract(raw) or "")
        predictions["trafilatura (HTML)"].extend(contained(b, extracted) for b in blocks)
    print(f"(a) Scrapinghub benchmark: {pages} English pages, {len(labels):,} blocks, "
          f"{sum(labels):,} of them article text; corpuscli took {timing:.1f} s")  # fmt: skip
    out = []
    for name, kept in predictions.items():
        s = scores(labels, kept)
        out.append(
            [name]
            + [
                f"{s[k]:.3f}"
                for k in ("content_p", "content_r", "content_f1", "bp_p", "bp_r", "bp_f1")
            ]
        )
    print(
        table(
            out,
            [
                "tool",
                "content P",
                "content R",
                "content F1",
                "boilerplate P",
                "boilerplate R",
                "boilerplate F1",
            ],
        )
    )
    part_a_snippets(corpora)


def part_a_snippets(corpora: Path) -> None:
    root = corpora / "trafilatura_eval_news_subset"
    data = json.loads((root / "evaldata_news_subset.json").read_text(encoding="utf-8"))
    kept_with = dropped_without = n_with = n_without = 0
    for entry in data.values():
        raw = read_gz(root / entry["html_path"])
        blocks = page_blocks(raw)
        verdicts = detect(
            pd.DataFrame(
                {"doc_id": ["p"], "source": [entry["source"]], "text": ["\n".join(blocks)]}
            ),
            page=True,
        )
        kept_text = norm("\n".join(verdicts.loc[~verdicts["boilerplate"], "text"]))
        for snippet in entry["with"]:
            n_with += 1
            kept_with += norm(snippet) in kept_text
        for snippet in entry["without"]:
            n_without += 1
            dropped_without += norm(snippet) not in kept_text
    print(f"    trafilatura news subset ({len(data)} pages): must-keep snippets kept {kept_with}/{n_with}, "
          f"must-drop snippets dropped {dropped_without}/{n_without}")  # fmt: skip


def part_b(corpora: Path) -> None:
    from corpuscli import load
    from corpuscli.boilerplate.detection import summarise

    path = corpora / "article_bias_prediction_allsides" / "articles.jsonl.gz"
    frame = load([str(path)]).frame
    from corpuscli.engine.parallel import available_cores

    jobs = available_cores()
    for n in (len(frame) // 4, len(frame)):
        start = time.perf_counter()
        verdicts = detect(frame.iloc[:n], jobs=jobs)
        seconds = time.perf_counter() - start
        print(f"(b) detection over {n:,} articles ({verdicts.shape[0]:,} blocks, {jobs} cores): "
              f"{seconds:.1f} s, {verdicts.shape[0] / seconds:,.0f} blocks/s")  # fmt: skip
    summary = summarise(verdicts)
    repeated = summary[summary["why"].str.contains("repeated in")]
    top = repeated.sort_values("articles", ascending=False).groupby("source").head(2).head(24)
    print(f"    {len(repeated):,} distinct repeated boilerplate blocks in {repeated['source'].nunique()} outlets; "
          "the most repeated:")  # fmt: skip
    rows = [[r.source[:28], r.text[:70], str(r.articles)] for r in top.itertuples()]
    print(table(rows, ["outlet", "block", "articles"]))
    judged_sample(verdicts)


def judged_sample(verdicts: pd.DataFrame) -> None:
    """Content recall and boilerplate precision on 60 articles whose removed blocks were judged
    by reading them (benchmarks/labels/allsides_boilerplate_sample.json)."""
    labels = json.loads((REPO / "benchmarks" / "labels" / "allsides_boilerplate_sample.json")
                        .read_text(encoding="utf-8"))  # fmt: skip
    mine = verdicts[verdicts["doc_id"].isin(labels["articles"])]
    removed = mine[mine["boilerplate"]]
    judged = [labels["removed_blocks"].get(d, {}).get(str(b)) for d, b in
              zip(removed["doc_id"], removed["block"], strict=True)]  # fmt: skip
    unjudged = sum(j is None for j in judged)
    wrong = sum(j == "content" for j in judged)
    right = sum(j == "boilerplate" for j in judged)
    kept = int((~mine["boilerplate"]).sum())
    print(f"    judged sample: {len(labels['articles'])} articles, {len(mine):,} blocks, "
          f"{len(removed)} removed ({right} boilerplate, {wrong} content, {unjudged} not judged yet); "
          f"boilerplate precision {right / max(right + wrong, 1):.3f}, "
          f"content recall {kept / max(kept + wrong, 1):.3f} (kept blocks counted as content)")  # fmt: skip


def part_c() -> None:
    from corpuscli import load

    seed = REPO / "sample_data" / "003_d3eae8a6fb502286.txt"
    verdicts = detect(load([str(seed)]).frame)
    removed = verdicts[verdicts["boilerplate"]]
    kept = verdicts[~verdicts["boilerplate"]]
    print(
        f"(c) seed 003: {len(removed)} blocks removed, {len(kept)} kept; "
        f"first kept: {kept['text'].iloc[0][:50]!r}; last kept: {kept['text'].iloc[-1][:50]!r}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora")
    parser.add_argument("--skip-large", action="store_true", help="skip (b)")
    args = parser.parse_args()
    corpora = corpora_dir(args.corpora)
    part_a(corpora)
    if not args.skip_large:
        part_b(corpora)
    part_c()


if __name__ == "__main__":
    main()
