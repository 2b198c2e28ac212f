"""Loading speed and memory: corpuscli against pandas.read_json on the same JSONL, and a folder of
one .txt file per article.

    python benchmarks/bench_load.py [--corpora DIR] [--limit N]

Goals (issue "Foundation"): JSONL within 1.5x of pandas.read_json(lines=True); a folder of 37k
text files at 20 MB/s or more; peak memory under 3x the text size.
"""

from __future__ import annotations

import argparse
import gzip
import json
import tempfile
from pathlib import Path

from _harness import corpora_dir, corpus_argv, python, run, table


def prepare(corpora: Path, work: Path, limit: int | None) -> tuple[Path, Path, int, int]:
    """Uncompressed JSONL and a folder of .txt files (one per article, 'title\\n\\ntext')."""
    src = corpora / "article_bias_prediction_allsides" / "articles.jsonl.gz"
    jsonl = work / "articles.jsonl"
    folder = work / "txt"
    folder.mkdir()
    n = chars = 0
    with gzip.open(src, "rt", encoding="utf-8") as inp, jsonl.open("w", encoding="utf-8") as out:
        for line in inp:
            row = json.loads(line)
            out.write(line)
            outlet = "".join(c if c.isalnum() else "_" for c in row["source"])[:40]
            (folder / outlet).mkdir(exist_ok=True)
            (folder / outlet / f"{row['id']}.txt").write_text(
                f"{row['title']}\n\n{row['text']}", encoding="utf-8"
            )
            n += 1
            chars += len(row["text"])
            if limit and n >= limit:
                break
    return jsonl, folder, n, chars


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora")
    parser.add_argument("--limit", type=int, help="only the first N articles (a quick run)")
    args = parser.parse_args()
    corpora = corpora_dir(args.corpora)
    with tempfile.TemporaryDirectory(prefix="corpuscli-bench-") as tmp:
        work = Path(tmp)
        jsonl, folder, n, chars = prepare(corpora, work, args.limit)
        size_mb = jsonl.stat().st_size / 1e6
        text_mb = sum(p.stat().st_size for p in folder.rglob("*.txt")) / 1e6
        print(
            f"corpus: {n:,} articles, {chars / 1e6:.0f} M characters of text; "
            f"JSONL {size_mb:.0f} MB, text files {text_mb:.0f} MB"
        )
        measures = [
            run("pandas.read_json(lines=True)", python(
                f"import pandas as pd; pd.read_json({str(jsonl)!r}, lines=True)")),
            run("json.loads per line (floor)", python(
                f"import json; [json.loads(l) for l in open({str(jsonl)!r}, 'rb')]")),
            run("corpuscli.load (JSONL)", python(
                f"import corpuscli; corpuscli.load([{str(jsonl)!r}])")),
            run("corpuscli.load (folder of .txt)", python(
                f"import corpuscli; corpuscli.load([{str(folder)!r}])")),
            run("corpus load JSONL -o .parquet (CLI)", corpus_argv(
                "load", str(jsonl), "-q", "-o", str(work / "out.parquet"))),
        ]  # fmt: skip
    pandas_s = measures[0].seconds
    rows = []
    for m in measures:
        mb = text_mb if "folder" in m.name else size_mb
        rows.append([
            m.name, f"{m.seconds:.2f}", f"{n / m.seconds:,.0f}", f"{mb / m.seconds:.1f}",
            f"{m.peak_mb:,.0f}", f"{m.peak_mb / (chars / 1e6):.1f}x", f"{m.seconds / pandas_s:.2f}",
        ])  # fmt: skip
    print(
        table(rows, ["tool", "seconds", "articles/s", "MB/s", "peak MB", "peak/text", "vs pandas"])
    )


if __name__ == "__main__":
    main()
