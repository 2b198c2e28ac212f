"""Boilerplate quality and speed.

    python benchmarks/bench_boilerplate.py [--corpora DIR] [--dev-only] [--skip-large]
                                           [--baseline PYTHON]

(a) Page mode (`--page`): line-level precision, recall and F1 of content and of boilerplate on
    every page of the Scrapinghub article-extraction benchmark (all languages): each page's
    visible text split into blocks (every text block of the HTML, in order), a block labelled
    content when it is in the gold article body. corpuscli sees only the plain text (`page=True`:
    whole pages, not extracted articles); jusText gets the same blocks as paragraphs (with the
    stoplist of the page's language, the one that matches most of its words); trafilatura gets
    the original HTML (an upper reference: it sees the markup). The pages are split dev/test by
    the SHA-1 of their id (alternating in that order), like the hand labels: rules are tuned on
    dev pages only. Per page: how much of its story is kept (the worst pages are listed). Plus
    the must-keep / must-drop snippets of the trafilatura news subset, for the three tools.
(b) Repeated blocks found per outlet in article_bias_prediction_allsides (a sample printed), the
    time to detect them over all 37,554 articles, and how that scales (one hash per block).
(c) The seed article 003: every boilerplate line found, every story line kept.
(d) The hand-labelled AllSides articles (benchmarks/labels/boilerplate_lines_{a,b}.json: every
    block of 84 articles of 12 outlets judged content or boilerplate, with a family): content
    kept, boilerplate precision and recall, per split, per outlet and per family (recall).
    Detection runs over all the articles of the labelled outlets, so that what each outlet
    repeats is learned as `corpus clean` learns it on the whole corpus. With --dev-only, the
    test items are not scored at all (for working on the rules).
(e) With --baseline PYTHON (the interpreter of another checkout, e.g. the main branch's):
    `corpus clean` over all 37,554 articles on 2 cores, that checkout's and this one's, in the
    same run: wall time and peak memory (PSS of the process tree).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import html
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import pandas as pd
from _harness import REPO, corpora_dir, table

sys.path.insert(0, str(REPO / "src"))

from corpuscli.boilerplate.detection import detect

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


def split_of(ids: list[str]) -> dict[str, str]:
    """dev/test for each id: sorted by the SHA-1 of the id, alternating test, dev, test, ... (as
    the hand labels are split within each outlet)."""
    ordered = sorted(ids, key=lambda i: hashlib.sha1(i.encode()).hexdigest())
    return {doc_id: ("test" if k % 2 == 0 else "dev") for k, doc_id in enumerate(ordered)}


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


_JUSTEXT_STOPLISTS: dict[str, frozenset[str]] = {}


def justext_stoplist(text: str) -> frozenset[str]:
    """The jusText stoplist that covers most of the words of ``text`` (its language's, usually)."""
    import justext

    if not _JUSTEXT_STOPLISTS:
        for name in justext.get_stoplists():
            _JUSTEXT_STOPLISTS[name] = justext.get_stoplist(name)
    words = re.findall(r"\w+", text.lower())
    return max(_JUSTEXT_STOPLISTS.values(), key=lambda stop: sum(w in stop for w in words))


def corpuscli_page(doc_id: str, source: str, blocks: list[str]) -> list[bool]:
    """Which of a page's blocks corpuscli keeps in page mode (plain text only)."""
    verdicts = detect(
        pd.DataFrame({"doc_id": [doc_id], "source": [source], "text": ["\n".join(blocks)]}),
        page=True,
    )
    by_block = dict(zip(verdicts["block"], verdicts["boilerplate"], strict=True))
    return [not by_block.get(i, False) for i in range(len(blocks))]


_TOOLS = (
    "keep everything",
    "corpuscli (plain text)",
    "jusText (same blocks)",
    "trafilatura (HTML)",
)


def part_a(corpora: Path, dev_only: bool) -> None:
    import justext
    import trafilatura

    root = corpora / "scrapinghub_article_extraction_benchmark"
    rows = [json.loads(line) for line in (root / "gold.jsonl").open(encoding="utf-8")]
    split = split_of([row["id"] for row in rows])
    if dev_only:
        rows = [row for row in rows if split[row["id"]] == "dev"]
    # per split: gold labels and each tool's kept flags, block by block; per page: story kept
    labels: dict[str, list[bool]] = defaultdict(list)
    predictions: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    per_page: list[tuple[str, str, int, dict[str, float]]] = []
    timing = 0.0
    for row in rows:
        raw = read_gz(root / row["html_path"])
        blocks = page_blocks(raw)
        if not blocks:
            continue
        gold = norm(row["text"])
        page_labels = [contained(b, gold) for b in blocks]
        start = time.perf_counter()
        mine = corpuscli_page(row["id"], row["source"], blocks)
        timing += time.perf_counter() - start
        doc = (
            "<html><body>" + "".join(f"<p>{html.escape(b)}</p>" for b in blocks) + "</body></html>"
        )
        paragraphs = justext.justext(doc, justext_stoplist(" ".join(blocks)))
        good = {norm(p.text) for p in paragraphs if not p.is_boilerplate}
        extracted = norm(trafilatura.extract(raw) or "")
        kept = {
            "keep everything": [True] * len(blocks),
            "corpuscli (plain text)": mine,
            "jusText (same blocks)": [norm(b) in good for b in blocks],
            "trafilatura (HTML)": [contained(b, extracted) for b in blocks],
        }
        part = split[row["id"]]
        labels[part].extend(page_labels)
        for tool, flags in kept.items():
            predictions[part][tool].extend(flags)
        story = sum(page_labels)
        if story:
            recall = {
                tool: sum(a and b for a, b in zip(page_labels, flags, strict=True)) / story
                for tool, flags in kept.items()
            }
            per_page.append((part, row["source"], story, recall))
    for part in ("test", "dev"):
        if part not in labels:
            continue
        pages = [p for p in per_page if p[0] == part]
        print(f"(a) Scrapinghub benchmark, {part} pages: {len(pages)} pages with article text, "
              f"{len(labels[part]):,} blocks, {sum(labels[part]):,} of them article text")  # fmt: skip
        out = []
        for tool in _TOOLS:
            s = scores(labels[part], predictions[part][tool])
            low = sum(p[3][tool] < 0.5 for p in pages)
            out.append(
                [tool]
                + [
                    f"{s[k]:.3f}"
                    for k in ("content_p", "content_r", "content_f1", "bp_p", "bp_r", "bp_f1")
                ]
                + [str(low)]
            )
        print(table(out, ["tool", "content P", "content R", "content F1", "boilerplate P",
                          "boilerplate R", "boilerplate F1", "pages < half story"]))  # fmt: skip
        worst = sorted(pages, key=lambda p: p[3]["corpuscli (plain text)"])[:5]
        print("    corpuscli's worst pages (story blocks kept): " + ", ".join(
            f"{p[1]} {p[3]['corpuscli (plain text)']:.2f} of {p[2]}" for p in worst))  # fmt: skip
    print(f"    corpuscli took {timing:.1f} s")
    part_a_snippets(corpora)


def part_a_snippets(corpora: Path) -> None:
    """Must-keep and must-drop snippets of the trafilatura news subset (42 pages, mostly German
    and English: too few to split, a spot check)."""
    import justext
    import trafilatura

    root = corpora / "trafilatura_eval_news_subset"
    data = json.loads((root / "evaldata_news_subset.json").read_text(encoding="utf-8"))
    counts = {tool: [0, 0] for tool in _TOOLS[1:]}  # kept "with", dropped "without"
    n_with = n_without = 0
    half = dict.fromkeys(_TOOLS[1:], 0)
    for url, entry in data.items():
        raw = read_gz(root / entry["html_path"])
        blocks = page_blocks(raw)
        mine = corpuscli_page(url, entry["source"], blocks)
        doc = (
            "<html><body>" + "".join(f"<p>{html.escape(b)}</p>" for b in blocks) + "</body></html>"
        )
        paragraphs = justext.justext(doc, justext_stoplist(" ".join(blocks)))
        kept_text = {
            "corpuscli (plain text)": norm(
                "\n".join(b for b, k in zip(blocks, mine, strict=True) if k)
            ),
            "jusText (same blocks)": norm(
                "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
            ),
            "trafilatura (HTML)": norm(trafilatura.extract(raw) or ""),
        }
        n_with += len(entry["with"])
        n_without += len(entry["without"])
        for tool, text in kept_text.items():
            kept = sum(norm(snippet) in text for snippet in entry["with"])
            counts[tool][0] += kept
            counts[tool][1] += sum(norm(snippet) not in text for snippet in entry["without"])
            half[tool] += kept * 2 < len(entry["with"])
    print(f"    trafilatura news subset ({len(data)} pages, {n_with} must-keep and {n_without} "
          "must-drop snippets):")  # fmt: skip
    out = [[tool, f"{kept}/{n_with}", f"{dropped}/{n_without}", str(half[tool])]
           for tool, (kept, dropped) in counts.items()]  # fmt: skip
    print(table(out, ["tool", "must-keep kept", "must-drop dropped", "pages < half kept"]))


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


#: Articles split dev/test (a, b), and two sets all dev of later annotators: dev2 (ten more
#: outlets), dev3 (The Guardian and teaser-heavy outlets), each scored once before rules were
#: written on it; and a second held-out set (fresh: 40 articles drawn from the whole corpus,
#: judged by an annotator whose labels no rule writer has seen), reported as its own split; and
#: dev4 (one article from each of 36 outlets, judged before the round-8 rules and held aside
#: while they were written on other articles of the same outlets); dev5 (two articles of each of the
#: 16 least-covered outlets, every block judged before the round-9 rules: set A, split "dev5a", read
#: to write them; set B, split "dev5b", held aside and scored at the end); dev6 (two articles of each
#: of the 10 outlets with the most misses left, judged before the round-10 rules: A "dev6a" read,
#: B "dev6b" held aside); dev7 (40 articles drawn from the whole corpus as it is weighted, judged
#: before the round-11 rules: A "dev7a" read, B "dev7b" held aside); dev8 (40 more articles drawn the
#: same way, judged before the round-12 rules: A "dev8a" read, B "dev8b" held aside); dev9 (40 more
#: drawn the same way, judged before the round-13 rules: A "dev9a" read, B "dev9b" held aside).
_LABEL_FILES = (
    "boilerplate_lines_a.json",
    "boilerplate_lines_b.json",
    "boilerplate_lines_dev2.json",
    "boilerplate_lines_dev3.json",
    "boilerplate_lines_dev4.json",
    "boilerplate_lines_dev5.json",
    "boilerplate_lines_dev6.json",
    "boilerplate_lines_dev7.json",
    "boilerplate_lines_dev8.json",
    "boilerplate_lines_dev9.json",
    "boilerplate_lines_fresh.json",
)
#: The label file whose test articles are reported apart, as the split "fresh".
_FRESH = "boilerplate_lines_fresh.json"


def part_d(corpora: Path, dev_only: bool, sets: str | None = None) -> None:
    """Content kept, boilerplate precision and recall on the hand-labelled articles (with `sets`,
    only the label files whose names end in one of those comma-separated tags, e.g. "dev8,dev9":
    detection then runs over fewer outlets)."""
    from corpuscli import load
    from corpuscli.engine.parallel import available_cores

    labelled = []
    tags = sets.split(",") if sets else None
    for name in _LABEL_FILES:
        if tags and not any(name.endswith(f"_{tag}.json") for tag in tags):
            continue
        if not (REPO / "benchmarks" / "labels" / name).is_file():
            continue  # a checkout without the held-out set scores the rest
        data = json.loads((REPO / "benchmarks" / "labels" / name).read_text(encoding="utf-8"))
        if dev_only:
            labelled.extend(a for a in data["articles"] if a["split"] != "test")  # every dev set
        elif name == _FRESH:
            labelled.extend({**a, "split": "fresh"} for a in data["articles"])
        else:
            labelled.extend(data["articles"])
    path = corpora / "article_bias_prediction_allsides" / "articles.jsonl.gz"
    frame = load([str(path)]).frame
    outlets = {a["source"] for a in labelled}
    verdicts = detect(frame[frame["source"].isin(outlets)], jobs=available_cores())
    by_doc = {doc_id: group for doc_id, group in verdicts.groupby("doc_id", sort=False)}  # noqa: C416 (a GroupBy has keys: dict() would take it for a mapping)
    # one row per judged block: split, outlet, gold family ("" for content), removed?, family named
    rows = []
    for article in labelled:
        found = by_doc.get(article["doc_id"])
        if found is None or len(found) != article["blocks"]:
            sys.exit(f"benchmarks: {article['doc_id']}: the blocks differ from the labels' "
                     f"({0 if found is None else len(found)} found, {article['blocks']} labelled)")  # fmt: skip
        named = found["family"] if "family" in found.columns else pd.Series("", index=found.index)
        for block, removed, family in zip(found["block"], found["boilerplate"], named,
                                          strict=True):  # fmt: skip
            gold = article["boilerplate"].get(str(block), "")
            rows.append((article["split"], article["source"], gold, bool(removed), family or ""))
    judged = pd.DataFrame(rows, columns=["split", "outlet", "gold", "removed", "family"])

    def figures(part: pd.DataFrame) -> list[str]:
        content = part[part["gold"] == ""]
        bp = part[part["gold"] != ""]
        removed = part[part["removed"]]
        right = int((removed["gold"] != "").sum())
        return [
            str(len(content)),
            f"{(~content['removed']).mean():.3f}" if len(content) else "-",
            str(len(bp)),
            f"{right / len(removed):.3f}" if len(removed) else "-",
            f"{bp['removed'].mean():.3f}" if len(bp) else "-",
            str(len(removed) - right),
        ]

    header = ["content blocks", "content kept", "boilerplate blocks", "boilerplate P",
              "boilerplate R", "story blocks removed"]  # fmt: skip
    splits = (
        "test",
        "fresh",
        "dev",
        "dev2",
        "dev3",
        "dev4",
        "dev5a",
        "dev5b",
        "dev6a",
        "dev6b",
        "dev7a",
        "dev7b",
        "dev8a",
        "dev8b",
        "dev9a",
        "dev9b",
    )
    for split in splits:
        part = judged[judged["split"] == split]
        if not len(part):
            continue
        n_articles = sum(a["split"] == split for a in labelled)
        print(f"(d) hand-labelled AllSides articles, {split} split ({n_articles} articles, "
              f"{part['outlet'].nunique()} outlets):")  # fmt: skip
        out = [["all", *figures(part)]]
        out += [[outlet[:28], *figures(g)] for outlet, g in part.groupby("outlet")]
        print(table(out, ["outlet", *header]))
        bp = part[part["gold"] != ""]
        fam = [[family, str(len(g)), f"{g['removed'].mean():.3f}",
                f"{(g['removed'] & (g['family'] == family)).sum() / max(int(g['removed'].sum()), 1):.2f}"]
               for family, g in bp.groupby("gold")]  # fmt: skip
        print(table(fam, ["family", "blocks", "recall", "removed as this family"]))


def part_e(corpora: Path, baseline: str) -> None:
    """`corpus clean` over the whole corpus on 2 cores: the baseline checkout's and this one's."""
    import tempfile

    from _harness import run

    path = corpora / "article_bias_prediction_allsides" / "articles.jsonl.gz"
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, python in (("baseline", baseline), ("this checkout", sys.executable)):
            argv = [python, "-m", "corpuscli", "clean", str(path), "--jobs", "2", "-q",
                    "-o", str(Path(tmp) / f"{name.split()[0]}.jsonl")]  # fmt: skip
            m = run(name, argv, timed_apart=True)
            out.append([name, f"{m.seconds:.1f}", f"{m.peak_mb:,.0f}"])
    print("(e) corpus clean over all 37,554 articles, --jobs 2 (output written as JSONL):")
    print(table(out, ["code", "seconds", "peak MB"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora")
    parser.add_argument("--skip-large", action="store_true", help="skip (b) and (e)")
    parser.add_argument("--dev-only", action="store_true", help="score dev items only")
    parser.add_argument("--only", help="comma-separated parts to run (a,b,c,d,e)")
    parser.add_argument("--baseline", metavar="PYTHON", help="the other checkout's interpreter")
    parser.add_argument("--sets", help="(d) only these label sets, e.g. a,b,dev8,dev9")
    args = parser.parse_args()
    corpora = corpora_dir(args.corpora)
    parts = set((args.only or "a,b,c,d,e").split(","))
    if "a" in parts:
        part_a(corpora, args.dev_only)
    if "b" in parts and not args.skip_large:
        part_b(corpora)
    if "c" in parts:
        part_c()
    if "d" in parts:
        part_d(corpora, args.dev_only, args.sets)
    if "e" in parts and args.baseline and not args.skip_large:
        part_e(corpora, args.baseline)


if __name__ == "__main__":
    main()
