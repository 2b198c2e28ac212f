"""Rendering a statement-by-statement diff of two articles: a two-column terminal view, a
standalone HTML page, Markdown, or JSON. All article text is escaped in HTML."""

from __future__ import annotations

import html
import json
from typing import IO, Any

from corpuscli.coverage.diff import Diff, attribution, to_json

_LABEL_STYLE = {"same": "green", "reworded": "yellow", "only in A": "cyan", "only in B": "magenta"}


def _side_text(ops: list[tuple[str, str, str]], side: str) -> list[tuple[str, str]]:
    """(text, kind) runs of one side: kind is equal, removed (A) or added (B)."""
    out = []
    for op, a, b in ops:
        text = a if side == "a" else b
        if not text:
            continue
        out.append((text, "equal" if op == "equal" else ("removed" if side == "a" else "added")))
    return out


def rich_view(d: Diff) -> Any:
    """A rich renderable: headlines, the aligned rows side by side, and the summary."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=True, expand=True, header_style="bold")
    table.add_column("", width=10)
    table.add_column(_heading(d.a, "A"), ratio=1)
    table.add_column(_heading(d.b, "B"), ratio=1)
    for row in d.rows:
        cells = []
        for side, q, art in (("a", row.a, d.a), ("b", row.b, d.b)):
            if q is None:
                cells.append(Text("—", style="dim"))
                continue
            text = Text()
            if row.ops:
                for chunk, kind in _side_text(row.ops, side):
                    style = {"equal": "", "removed": "bold red", "added": "bold green"}[kind]
                    text.append(chunk + " ", style=style)
            else:
                text.append(q.text)
            meta = " ".join(x for x in (q.speaker or "", q.verb or "", f"[{q.kind}]") if x)
            text.append(f"\n{meta}", style="dim italic")
            tail = attribution(art.text, q)
            if tail:
                text.append(f"\n… {tail}", style="dim")
            cells.append(text)
        label = Text(row.label, style=_LABEL_STYLE[row.label])
        if row.similarity:
            label.append(f"\n{row.similarity:.2f}", style="dim")
        table.add_row(label, *cells)
    return Group(table, Text(summary_text(d)))


def _heading(side: Any, letter: str) -> str:
    bits = [f"{letter}: {side.source or side.doc_id}"]
    if side.published:
        bits.append(side.published[:10])
    if side.title:
        bits.append(f"“{side.title}”")
    return " · ".join(bits)


def summary_text(d: Diff) -> str:
    s = d.summary
    lines = []
    if s["identical"]:
        lines.append("The two articles are identical.")
    rows = s["rows"]
    lines.append(
        f"{s['statements']['a']} statements in A, {s['statements']['b']} in B ({s['statements']['unit']}): "
        f"{rows['same']} same, {rows['reworded']} reworded, {rows['only in A']} only in A, {rows['only in B']} only in B."
    )
    for v in s["differing_verbs"]:
        lines.append(
            f"Attribution: A says {v['speaker_a']} “{v['a']}”, B says {v['speaker_b']} “{v['b']}”."
        )
    for swap in s["wording_swaps"][:10]:
        lines.append(f"Wording: A “{swap['a']}” where B has “{swap['b']}”.")
    if s["terms_only_in_a"]:
        lines.append("Only A uses: " + ", ".join(s["terms_only_in_a"]))
    if s["terms_only_in_b"]:
        lines.append("Only B uses: " + ", ".join(s["terms_only_in_b"]))
    return "\n".join(lines)


def write_json(d: Diff, out: IO[str]) -> None:
    json.dump(to_json(d), out, ensure_ascii=False, indent=2)
    out.write("\n")


def _md_side(ops: list[tuple[str, str, str]], side: str, fallback: str) -> str:
    if not ops:
        return fallback
    parts = []
    for text, kind in _side_text(ops, side):
        parts.append({"equal": text, "removed": f"~~{text}~~", "added": f"**{text}**"}[kind])
    return " ".join(parts)


def write_markdown(d: Diff, out: IO[str]) -> None:
    def esc(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    out.write(f"# {esc(_heading(d.a, 'A'))}\n# {esc(_heading(d.b, 'B'))}\n\n")
    out.write("| label | similarity | A | B |\n|---|---:|---|---|\n")
    for r in d.rows:
        a = esc(_md_side(r.ops, "a", r.a.text)) if r.a else ""
        b = esc(_md_side(r.ops, "b", r.b.text)) if r.b else ""
        if r.a:
            a += esc(f" — {r.a.speaker or '?'} {r.a.verb or ''}".rstrip())
        if r.b:
            b += esc(f" — {r.b.speaker or '?'} {r.b.verb or ''}".rstrip())
        out.write(f"| {r.label} | {r.similarity:.2f} | {a} | {b} |\n")
    out.write("\n" + summary_text(d).replace("\n", "\n\n") + "\n")


def write_html(d: Diff, out: IO[str]) -> None:
    e = html.escape
    out.write(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>corpus diff</title>'
        "<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:80em}"
        "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.5em;"
        "vertical-align:top;text-align:left}th{background:#f4f4f4}del{background:#fdd;text-decoration:line-through}"
        "ins{background:#dfd;text-decoration:none}.meta{color:#777;font-size:.85em}.same{color:#2a7}"
        ".reworded{color:#b80}.onlyA,.onlyB{color:#27a}</style></head><body>\n"
        "<h1>How two articles covered the same statements</h1>\n"
    )
    out.write(f"<p><b>A</b>: {e(_heading(d.a, 'A'))}<br><b>B</b>: {e(_heading(d.b, 'B'))}</p>\n")
    out.write("<table><thead><tr><th></th><th>A</th><th>B</th></tr></thead><tbody>\n")
    for r in d.rows:
        cells = []
        for side, q, art in (("a", r.a, d.a), ("b", r.b, d.b)):
            if q is None:
                cells.append("<td>—</td>")
                continue
            if r.ops:
                body = " ".join(
                    e(t)
                    if k == "equal"
                    else (f"<del>{e(t)}</del>" if k == "removed" else f"<ins>{e(t)}</ins>")
                    for t, k in _side_text(r.ops, side)
                )
            else:
                body = e(q.text)
            meta = e(" ".join(x for x in (q.speaker or "", q.verb or "", f"[{q.kind}]") if x))
            tail = attribution(art.text, q)
            extra = f'<div class="meta">… {e(tail)}</div>' if tail else ""
            cells.append(f'<td>{body}<div class="meta">{meta}</div>{extra}</td>')
        css = r.label.replace("only in ", "only").replace(" ", "")
        sim = f'<div class="meta">{r.similarity:.2f}</div>' if r.similarity else ""
        out.write(f'<tr><td class="{css}">{e(r.label)}{sim}</td>{"".join(cells)}</tr>\n')
    out.write("</tbody></table>\n")
    out.write(
        "<h2>Summary</h2>\n"
        + "".join(f"<p>{e(line)}</p>\n" for line in summary_text(d).split("\n"))
    )
    out.write("</body></html>\n")
