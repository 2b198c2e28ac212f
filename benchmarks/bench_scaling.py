"""Scaling of `corpus terms` with corpus size: the pandas engine and the Dask engine with one and
two workers, over the AllSides corpus repeated 1x, 4x and 16x (a folder of JSONL partitions).

    python benchmarks/bench_scaling.py [--corpora DIR] [--scales 1,4,16] [--svg docs/scaling.svg]

Time should grow linearly with the corpus and peak memory (PSS of the whole process tree, the
Dask scheduler and workers included) stay flat: both engines stream, partition by partition.
The curves are written as an SVG chart (for the README) and the figures as JSON beside it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import tempfile
from pathlib import Path

from _harness import REPO, corpora_dir, corpus_argv, run, table

PARTS = 8  # JSONL partitions per copy of the corpus
ENGINES = (
    ("pandas (2 cores)", []),
    ("dask, 1 worker", ["--engine", "dask", "--jobs", "1"]),
    ("dask, 2 workers", ["--engine", "dask", "--jobs", "2"]),
)


def make_parts(source: Path, work: Path) -> tuple[list[Path], int, int]:
    """The corpus split into PARTS JSONL files; returns them, the articles and the text bytes."""
    lines = []
    with gzip.open(source, "rb") as handle:
        lines = handle.readlines()
    size = (len(lines) + PARTS - 1) // PARTS
    files = []
    text_bytes = 0
    for k in range(PARTS):
        path = work / f"part{k}.jsonl"
        chunk = lines[k * size : (k + 1) * size]
        path.write_bytes(b"".join(chunk))
        text_bytes += sum(len(json.loads(line).get("text") or "") for line in chunk)
        files.append(path)
    return files, len(lines), text_bytes


def scaled_folder(files: list[Path], work: Path, scale: int) -> Path:
    """A folder holding ``scale`` copies of every part (hard links: no disk spent)."""
    folder = work / f"x{scale}"
    folder.mkdir(exist_ok=True)
    for copy in range(scale):
        for f in files:
            target = folder / f"c{copy:02d}_{f.name}"
            if not target.exists():
                try:
                    os.link(f, target)
                except OSError:
                    shutil.copy(f, target)
    return folder


def svg_chart(results: list[dict], path: Path) -> None:
    """Two small line charts side by side: seconds and peak MB against the corpus scale."""
    width, height, pad = 360, 240, 48
    colours = {
        "pandas (2 cores)": "#1f77b4",
        "dask, 1 worker": "#d62728",
        "dask, 2 workers": "#2ca02c",
    }
    scales = sorted({r["scale"] for r in results})
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * width + 20}" height="{height + 40}" '
        'font-family="sans-serif" font-size="11">',
        '<rect width="100%" height="100%" fill="white"/>',
    ]
    for panel, (key, label) in enumerate(
        (("seconds", "time (s)"), ("peak_mb", "peak memory (MB)"))
    ):
        x0 = panel * (width + 20)
        top = max(r[key] for r in results) * 1.1 or 1

        def px(scale: float, value: float, x0: float = x0, top: float = top) -> tuple[float, float]:
            x = (
                x0
                + pad
                + (scale - scales[0]) / ((scales[-1] - scales[0]) or 1) * (width - pad - 16)
            )
            y = height - pad + 20 - value / top * (height - pad - 10)
            return round(x, 1), round(y, 1)

        out.append(
            f'<text x="{x0 + width / 2}" y="14" text-anchor="middle" font-weight="bold">'
            f"corpus terms: {label}</text>"
        )
        bx, by = px(scales[0], 0)
        ex, _ = px(scales[-1], 0)
        _, ty = px(scales[0], top)
        out.append(f'<line x1="{bx}" y1="{by}" x2="{ex}" y2="{by}" stroke="#444"/>')
        out.append(f'<line x1="{bx}" y1="{by}" x2="{bx}" y2="{ty}" stroke="#444"/>')
        for s in scales:
            x, _ = px(s, 0)
            out.append(f'<text x="{x}" y="{by + 14}" text-anchor="middle">{s}x</text>')
        for frac in (0.25, 0.5, 0.75, 1.0):
            value = top / 1.1 * frac
            _, y = px(scales[0], value)
            out.append(f'<text x="{bx - 4}" y="{y + 4}" text-anchor="end">{value:,.0f}</text>')
            out.append(f'<line x1="{bx}" y1="{y}" x2="{ex}" y2="{y}" stroke="#ddd"/>')
        for name, colour in colours.items():
            points = sorted((r["scale"], r[key]) for r in results if r["engine"] == name)
            if not points:
                continue
            coords = " ".join(f"{x},{y}" for x, y in (px(s, v) for s, v in points))
            out.append(
                f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"/>'
            )
            for s, v in points:
                x, y = px(s, v)
                out.append(f'<circle cx="{x}" cy="{y}" r="3" fill="{colour}"/>')
        out.append(
            f'<text x="{x0 + width / 2}" y="{height + 6}" text-anchor="middle">'
            "corpus size (copies of the 37,554 AllSides articles)</text>"
        )
    for k, (name, colour) in enumerate(colours.items()):
        x = 60 + k * 150
        out.append(f'<rect x="{x}" y="{height + 20}" width="12" height="4" fill="{colour}"/>')
        out.append(f'<text x="{x + 16}" y="{height + 26}">{name}</text>')
    out.append("</svg>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora")
    parser.add_argument("--scales", default="1,4,16")
    parser.add_argument("--svg", default=str(REPO / "docs" / "scaling.svg"))
    parser.add_argument("--work", help="scratch folder (default: a temporary one)")
    args = parser.parse_args()
    corpora = corpora_dir(args.corpora)
    source = corpora / "article_bias_prediction_allsides" / "articles.jsonl.gz"
    scales = [int(s) for s in args.scales.split(",")]
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="corpus-scaling-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        files, articles, text_bytes = make_parts(source, work)
        results = []
        for scale in scales:
            folder = scaled_folder(files, work, scale)
            for name, extra in ENGINES:
                argv = corpus_argv("terms", str(folder), "--top", "50", "-f", "tsv",
                                   "-o", str(work / "out.tsv"), "--quiet", *extra)  # fmt: skip
                m = run(f"{name} {scale}x", argv)
                mb = text_bytes * scale / 2**20
                results.append({
                    "engine": name, "scale": scale, "articles": articles * scale,
                    "text_mb": round(mb, 1), "seconds": round(m.seconds, 1),
                    "mb_per_s": round(mb / m.seconds, 1), "peak_mb": round(m.peak_mb),
                })  # fmt: skip
                print(
                    f"  {name:18} {scale:>3}x  {m.seconds:7.1f} s  {m.peak_mb:7.0f} MB", flush=True
                )
        rows = [[r["engine"], f'{r["scale"]}x', f'{r["articles"]:,}', f'{r["text_mb"]:,.0f}',
                 f'{r["seconds"]:.1f}', f'{r["mb_per_s"]:.1f}', f'{r["peak_mb"]:,}'] for r in results]  # fmt: skip
        print()
        print(table(rows, ["engine", "scale", "articles", "text MB", "seconds", "MB/s", "peak MB"]))
        svg = Path(args.svg)
        svg.parent.mkdir(parents=True, exist_ok=True)
        svg_chart(results, svg)
        svg.with_suffix(".json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
        print(f"\nchart: {svg}")
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
