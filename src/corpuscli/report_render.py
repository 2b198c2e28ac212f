"""Rendering a report (``report.build_report``) as Markdown, JSON or a self-contained HTML page.

The HTML page comes from a Jinja2 template with autoescaping (article text can never become
markup), and draws its bar charts as inline SVG built here: one file, no network, no plotting
library, the same bytes for the same report.
"""

from __future__ import annotations

import html
import json
from importlib import resources
from typing import IO, Any


def svg_bars(
    items: list[tuple[str, float]], *, color: str = "#4c78a8", width: int = 420, unit: str = ""
) -> str:
    """A horizontal bar chart as inline SVG (labels escaped)."""
    if not items:
        return ""
    peak = max(abs(v) for _, v in items) or 1.0
    row, label_w = 20, 180
    height = row * len(items) + 6
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">'
    ]
    for i, (label, value) in enumerate(items):
        y = 3 + i * row
        bar = max(1.0, (width - label_w - 50) * abs(value) / peak)
        text = label if len(label) <= 26 else label[:25] + "…"
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{html.escape(text)}</text>'
        )
        parts.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{bar:.1f}" height="{row - 6}" fill="{color}" rx="2"/>'
        )
        shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:.2f}"
        parts.append(
            f'<text x="{label_w + bar + 4:.1f}" y="{y + 14}">{html.escape(shown + unit)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def write_json(report: dict[str, Any], out: IO[str]) -> None:
    json.dump(report, out, ensure_ascii=False, indent=2, default=str)
    out.write("\n")


def write_html(report: dict[str, Any], out: IO[str], *, by: str = "source") -> None:
    from jinja2 import Environment, select_autoescape

    template_text = (
        resources.files("corpuscli").joinpath("templates/report.html.j2").read_text("utf-8")
    )
    env = Environment(
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )
    template = env.from_string(template_text)
    keyness_groups: list[tuple[str, list[dict[str, Any]]]] = []
    for row in report.get("keyness") or []:
        if not keyness_groups or keyness_groups[-1][0] != row["group"]:
            keyness_groups.append((row["group"], []))
        keyness_groups[-1][1].append(row)
    terms = report.get("terms") or {}
    charts = {
        "sources": svg_bars(
            [(str(k), float(v)) for k, v in report.get("sources", {}).items()][:20]
        ),
        "words": svg_bars([(t["term"], float(t["count"])) for t in terms.get("words", [])]),
        "bigrams": svg_bars(
            [(t["term"], float(t["count"])) for t in terms.get("bigrams", [])], color="#72b7b2"
        ),
        "keyness": [
            svg_bars([(t["term"], float(t["log_ratio"])) for t in rows], color="#e45756")
            for _, rows in keyness_groups
        ],
    }
    out.write(template.render(r=report, charts=charts, keyness_groups=keyness_groups, by=by))


def write_markdown(report: dict[str, Any], out: IO[str], *, by: str = "source") -> None:
    def esc(value: Any) -> str:
        return str("" if value is None else value).replace("|", "\\|").replace("\n", " ")

    def table(rows: list[dict[str, Any]], columns: list[str]) -> None:
        if not rows:
            return
        out.write("| " + " | ".join(columns) + " |\n|" + "|".join("---" for _ in columns) + "|\n")
        for row in rows:
            out.write("| " + " | ".join(esc(row.get(c)) for c in columns) + " |\n")
        out.write("\n")

    w = report["window"]
    out.write(f"# {esc(report['title'])}\n\n")
    span = (
        f"from {w['since'] or 'the start'} to {w['until'] or 'now'}"
        if (w["since"] or w["until"])
        else "all articles"
    )
    out.write(
        f"Articles published {span}."
        + (f" Generated {report['generated']}." if report.get("generated") else "")
        + "\n\n"
    )
    for note in report.get("notes", []):
        out.write(f"> {esc(note)}\n\n")
    ov = report.get("overview")
    if ov:
        out.write("## Overview\n\n")
        out.write(f"{ov['articles']:,} articles, {ov['words']:,} words, {len(report['sources'])} sources, "
                  f"{(ov['first_published'] or '—')[:10]} to {(ov['last_published'] or '—')[:10]}.\n\n")  # fmt: skip
        if ov["undated_outside_window"]:
            out.write(
                f"{ov['undated_outside_window']} articles have no date and are outside the window.\n\n"
            )
        if ov["skipped_inputs"]:
            out.write("Skipped inputs: " + "; ".join(esc(s) for s in ov["skipped_inputs"]) + "\n\n")
        table(
            ov["by_source"],
            [by, "articles", "words", "mean_words", "first_published", "last_published"],
        )
    terms = report.get("terms")
    if terms:
        out.write("## Top terms\n\n")
        table(terms["words"], ["term", "count", "per_10k", "docs"])
        table(terms["bigrams"], ["term", "count", "per_10k", "docs"])
    if report.get("keyness"):
        out.write("## What each source says more than the others\n\n")
        table(
            report["keyness"],
            ["group", "term", "target_count", "reference_count", "g2", "log_ratio"],
        )
    tr = report.get("trending")
    if tr:
        out.write(
            f"## Trending (against {tr['compared_with']['articles']} articles from {tr['compared_with']['since'][:10]})\n\n"
        )
        table(tr["rising"], ["term", "target_count", "reference_count", "log_ratio"])
        table(tr["falling"], ["term", "target_count", "reference_count", "log_ratio"])
    bp = report.get("boilerplate")
    if bp:
        out.write(
            f"## Boilerplate removed\n\n{bp['blocks_removed']:,} blocks removed before the analyses.\n\n"
        )
        table(bp["by_source"], ["source", "blocks", "articles"])
        table(bp["repeated"], ["source", "text", "articles", "why"])
    if report.get("pairs"):
        out.write("## Stories covered by more than one source\n\n")
        for p in report["pairs"]:
            pair = p["pair"]
            out.write(f"- **{esc(pair['source_a'])}** “{esc(p['titles']['a'])}” / **{esc(pair['source_b'])}** "
                      f"“{esc(p['titles']['b'])}” (score {pair['score']:.2f}; {p['rows']['same']} same, "
                      f"{p['rows']['reworded']} reworded, {p['rows']['only in A']} + {p['rows']['only in B']} unique)\n")  # fmt: skip
        out.write("\n")
    if report.get("quotes"):
        out.write("## Most quoted\n\n")
        table(report["quotes"], ["speaker", "quotes", "articles", "example"])
