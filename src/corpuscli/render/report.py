"""Rendering a report (:class:`corpuscli.reporting.build.Report`) as Markdown, JSON or a self-contained HTML page.

The HTML page comes from Jinja2 templates with autoescaping (article text can never become
markup), its charts too: their geometry is computed here and ``templates/charts.j2`` draws them
as inline SVG. One file, no network, no plotting library, the same bytes for the same report.
"""

from __future__ import annotations

import html
import json
from importlib import resources
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from corpuscli.reporting.build import Report


def bar_chart(
    items: list[tuple[str, float]], *, color: str = "#4c78a8", width: int = 420, unit: str = ""
) -> dict[str, Any] | None:
    """A horizontal bar chart's geometry (``charts.j2`` draws it as inline SVG): a bar per
    (label, value), labels cut at 26 characters; None when there is nothing to draw."""
    if not items:
        return None
    peak = max(abs(v) for _, v in items) or 1.0
    row, label_w = 20, 180
    bars = []
    for i, (label, value) in enumerate(items):
        shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:.2f}"
        bars.append(
            {
                "y": 3 + i * row,
                "bar": max(1.0, (width - label_w - 50) * abs(value) / peak),
                "label": label if len(label) <= 26 else label[:25] + "…",
                "shown": shown + unit,
            }
        )
    height = row * len(items) + 6
    return {"width": width, "height": height, "row": row, "label_w": label_w, "color": color,
            "bars": bars}  # fmt: skip


_PALETTE = ("#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2")


def daily_chart(
    per_day: list[dict[str, Any]], by: str, *, lines: int = 5, width: int = 640
) -> dict[str, Any] | None:
    """Articles per day (``charts.j2`` draws it): all sources as grey columns and a line for
    each of the ``lines`` sources with the most articles, with a legend; days without articles
    count 0. None when there is no day."""
    from datetime import date, timedelta

    if not per_day:
        return None
    totals: dict[str, int] = {}
    by_source: dict[str, dict[str, int]] = {}
    for row in per_day:
        day, n, source = row["day"], int(row["articles"]), str(row.get(by))
        totals[day] = totals.get(day, 0) + n
        by_source.setdefault(source, {})[day] = by_source.get(source, {}).get(day, 0) + n
    first, last = date.fromisoformat(min(totals)), date.fromisoformat(max(totals))
    days = [(first + timedelta(d)).isoformat() for d in range((last - first).days + 1)]
    if len(days) > 400:  # a long span: one point per week would hide nothing a reader needs
        days = days[-400:]
    top = sorted(by_source, key=lambda s: (-sum(by_source[s].values()), s))[:lines]
    peak = max(totals.get(d, 0) for d in days) or 1
    left, bottom, height = 36, 22, 180
    plot_w, plot_h = width - left - 10, height - bottom - 8
    step = plot_w / max(1, len(days))

    def y(v: float) -> float:
        return 8 + plot_h * (1 - v / peak)

    columns = [
        {"x": left + i * step, "y": y(totals[day]), "day": day, "n": totals[day]}
        for i, day in enumerate(days)
        if totals.get(day, 0)
    ]
    drawn = []
    for k, source in enumerate(top):
        counts = by_source[source]
        points = " ".join(
            f"{left + (i + 0.5) * step:.1f},{y(counts.get(day, 0)):.1f}"
            for i, day in enumerate(days)
        )
        drawn.append(
            {
                "points": points,
                "color": _PALETTE[k % len(_PALETTE)],
                "lx": left + (k % 3) * 200,
                "ly": height + 14 + 18 * (k // 3),
                "name": source if len(source) <= 24 else source[:23] + "…",
            }
        )
    return {
        "width": width, "height": height, "full_height": height + 18 * ((len(top) + 2) // 3),
        "left": left, "peak": peak, "y_peak": y(peak), "y_zero": y(0),
        "column_w": max(step - 1, 0.5), "columns": columns, "lines": drawn,
        "first": days[0], "last": days[-1],
    }  # fmt: skip


def write_json(result: Report, out: IO[str]) -> None:
    json.dump(result.document, out, ensure_ascii=False, indent=2, default=str)
    out.write("\n")


def write_html(result: Report, out: IO[str]) -> None:
    report, by = result.document, result.by
    from jinja2 import Environment, FunctionLoader, select_autoescape

    templates = resources.files("corpuscli.render").joinpath("templates")
    env = Environment(
        loader=FunctionLoader(lambda name: templates.joinpath(name).read_text("utf-8")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )
    template = env.get_template("report.html.j2")
    keyness_groups: list[tuple[str, list[dict[str, Any]]]] = []
    for row in report.get("keyness") or []:
        if not keyness_groups or keyness_groups[-1][0] != row["group"]:
            keyness_groups.append((row["group"], []))
        keyness_groups[-1][1].append(row)
    terms = report.get("terms") or {}
    charts = {
        "sources": bar_chart(
            [(str(k), float(v)) for k, v in report.get("sources", {}).items()][:20]
        ),
        "words": bar_chart([(t["term"], float(t["count"])) for t in terms.get("words", [])]),
        "bigrams": bar_chart(
            [(t["term"], float(t["count"])) for t in terms.get("bigrams", [])], color="#72b7b2"
        ),
        "daily": daily_chart((report.get("overview") or {}).get("per_day") or [], by),
        "rising": bar_chart(
            [
                (t["term"], float(t["log_ratio"]))
                for t in (report.get("trending") or {}).get("rising", [])
            ],
            color="#54a24b",
        ),
        "falling": bar_chart(
            [
                (t["term"], abs(float(t["log_ratio"])))
                for t in (report.get("trending") or {}).get("falling", [])
            ],
            color="#e45756",
        ),
        "keyness": [
            bar_chart([(t["term"], float(t["log_ratio"])) for t in rows], color="#e45756")
            for _, rows in keyness_groups
        ],
    }
    out.write(template.render(r=report, charts=charts, keyness_groups=keyness_groups, by=by))


def write_markdown(result: Report, out: IO[str]) -> None:
    report, by = result.document, result.by

    def esc(value: Any) -> str:  # HTML written as text: a Markdown viewer must not run <script>
        if isinstance(value, float):  # measures come in full; people read them rounded
            from corpuscli.render.frames import cell_text

            value = cell_text(value)
        text = html.escape(str("" if value is None else value), quote=False)
        return text.replace("|", "\\|").replace("\n", " ")

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
        f"Articles published from {w['since'] or 'the start'} to {w['until'] or 'now'}."
        if (w["since"] or w["until"])
        else "All articles."
    )
    out.write(
        span + (f" Generated {report['generated']}." if report.get("generated") else "") + "\n\n"
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
            story = p.get("story")
            if story:
                out.write(
                    f"- *{esc(story['label'])}* ({story['articles']} articles, {len(story['sources'])} sources): "
                )
            else:
                out.write("- ")
            out.write(f"**{esc(pair['source_a'])}** “{esc(p['titles']['a'])}” / **{esc(pair['source_b'])}** "
                      f"“{esc(p['titles']['b'])}” (score {pair['score']:.2f}; {p['rows']['same']} same, "
                      f"{p['rows']['reworded']} reworded, {p['rows']['only in A']} + {p['rows']['only in B']} unique)\n")  # fmt: skip
        out.write("\n")
    if report.get("quotes"):
        out.write("## Most quoted\n\n")
        table(report["quotes"], ["speaker", "quotes", "articles", "example"])


def _bar(value: float, peak: float, width: int = 30) -> str:
    """A bar of block characters, eighths included (▏▎▍▌▋▊▉█)."""
    if peak <= 0:
        return ""
    eighths = round(abs(value) / peak * width * 8)
    return "█" * (eighths // 8) + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[eighths % 8]


def sparkline(values: list[float]) -> str:
    """A mark per value, ▁ to █ by its share of the largest; a blank for zero (so that a day
    without articles is not drawn as a quiet one)."""
    marks = "▁▂▃▄▅▆▇█"
    if not values:
        return ""
    top = max(values) or 1
    return "".join(" " if v <= 0 else marks[min(7, int(v / top * 7))] for v in values)


def daily_series(per_day: dict[str, float], width: int) -> tuple[list[float], int]:
    """Articles on every day from the first to the last of ``per_day`` (``YYYY-MM-DD`` ->
    articles; days without articles count 0, not skipped), summed over runs of days when there
    are more days than ``width`` marks: (the values, days per mark)."""
    from datetime import date

    days = sorted(per_day)
    first, last = date.fromisoformat(days[0][:10]), date.fromisoformat(days[-1][:10])
    span = (last - first).days + 1
    values = [0.0] * span
    for day, count in per_day.items():
        values[(date.fromisoformat(day[:10]) - first).days] += count
    step = max(1, -(-span // max(width, 1)))  # ceil
    if step == 1:
        return values, 1
    return [sum(values[i : i + step]) for i in range(0, span, step)], step


def print_terminal(result: Report, console: Any) -> None:
    """The report in a terminal: headings, bars and sparklines drawn with block characters;
    escape codes in its values shown, not obeyed."""
    from corpuscli.render.safe import printable_data

    report = printable_data(result.document)
    from rich.table import Table
    from rich.text import Text

    console.print(Text(report["title"], style="bold"))
    w = report["window"]
    console.print(
        Text(
            f"from {w['since'] or 'the start'} to {w['until'] or 'now'}"
            if (w["since"] or w["until"])
            else "all articles",
            style="dim",
        )
    )
    for note in report.get("notes", []):
        console.print(Text(f"note: {note}", style="yellow"))

    def bars(title: str, items: list[tuple[str, float]], style: str = "cyan") -> None:
        if not items:
            return
        table = Table(title=Text(title, style="bold"), show_header=False, box=None, pad_edge=False)
        table.add_column(justify="right", overflow="ellipsis", max_width=32)
        table.add_column()
        peak = max(abs(v) for _, v in items)
        for label, value in items:
            shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:.2f}"
            table.add_row(Text(label), Text(_bar(value, peak), style=style) + Text(f" {shown}"))
        console.print(table)

    ov = report.get("overview")
    if ov:
        console.print(Text(f"\n{ov['articles']:,} articles · {ov['words']:,} words · {len(report['sources'])} sources · "
                           f"{(ov['first_published'] or '—')[:10]} to {(ov['last_published'] or '—')[:10]}"))  # fmt: skip
        per_day: dict[str, float] = {}
        for row in ov.get("per_day", []):
            per_day[row["day"]] = per_day.get(row["day"], 0) + row["articles"]
        if per_day:
            days = sorted(per_day)
            span = f"{days[0]} … {days[-1]}"
            room = console.width - len(f"articles per 99 days {span}: ")
            own_line = room < 20  # too narrow: the marks get a line of their own
            values, step = daily_series(per_day, console.width if own_line else room)
            unit = "day" if step == 1 else "week" if step == 7 else f"{step} days"
            heading = Text(f"articles per {unit} {span}" + ("" if own_line else ": "))
            marks = Text(sparkline(values), style="cyan")
            if own_line:
                console.print(heading)
                console.print(marks)
            else:
                console.print(heading + marks)
        bars(
            "articles per source",
            [(str(k), float(v)) for k, v in list(report["sources"].items())[:15]],
        )
    terms = report.get("terms")
    if terms:
        bars("top words", [(t["term"], float(t["count"])) for t in terms["words"]])
        bars("top phrases", [(t["term"], float(t["count"])) for t in terms["bigrams"]], "green")
    if report.get("keyness"):
        groups: dict[str, list[str]] = {}
        for row in report["keyness"]:
            groups.setdefault(row["group"], []).append(row["term"])
        table = Table(
            title=Text("what each source says more", style="bold"), show_header=False, box=None
        )
        for group, terms_ in list(groups.items())[:15]:
            table.add_row(Text(group, style="bold"), Text(", ".join(terms_[:8])))
        console.print(table)
    tr = report.get("trending")
    if tr:
        bars("rising", [(t["term"], float(t["log_ratio"])) for t in tr["rising"]], "green")
        bars("falling", [(t["term"], float(abs(t["log_ratio"]))) for t in tr["falling"]], "red")
    bp = report.get("boilerplate")
    if bp:
        bars(
            "boilerplate blocks removed",
            [(b["source"], float(b["blocks"])) for b in bp["by_source"][:10]],
            "magenta",
        )
    for p in report.get("pairs") or []:
        story = p.get("story")
        about = f" — {story['label']} ({story['articles']} articles)" if story else ""
        console.print(
            Text(
                f"\nsame story{about}: {p['pair']['source_a']} / {p['pair']['source_b']} (score {p['pair']['score']:.2f})",
                style="bold",
            )
        )
        console.print(Text(f"  “{p['titles']['a']}”\n  “{p['titles']['b']}”"))
    if report.get("quotes"):
        bars(
            "most quoted", [(q["speaker"], float(q["quotes"])) for q in report["quotes"]], "yellow"
        )
