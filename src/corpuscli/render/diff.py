"""Rendering a statement-by-statement diff of two articles: a two-column terminal view, a
standalone HTML page (a Jinja2 template, autoescaped), Markdown, or JSON.

Every statement is shown character for character as its article has it; the word-level
differences, computed on tokens (:mod:`corpuscli.coverage.worddiff`), are drawn on that text by
their offsets. What only A has is struck through, what only B has is underlined — and, at a
terminal without colour (``NO_COLOR``, ``TERM=dumb``), also bracketed ``[-…-]`` / ``{+…+}``, so
a deletion never depends on colour alone.
"""

from __future__ import annotations

import html
import json
import os
from dataclasses import dataclass
from itertools import pairwise
from typing import IO, Any

from corpuscli.coverage.diff import Diff, Row, Side, attribution, to_json
from corpuscli.coverage.editorial import Finding
from corpuscli.coverage.quotes import Quote
from corpuscli.render.safe import printable

_LABEL_STYLE = {"same": "green", "reworded": "yellow", "split": "yellow", "contained": "blue",
                "only in A": "cyan", "only in B": "magenta"}  # fmt: skip
_MARKERS = {"removed": ("[-", "-]"), "added": ("{+", "+}")}


@dataclass(frozen=True)
class Segment:
    """A stretch of one statement's text, exactly as the article has it: ``equal``,
    ``removed`` (only A has it), ``added`` (only B has it), or ``context`` (a sentence of a long
    statement that was not compared with the other side)."""

    text: str
    kind: str


def segments(row: Row, side: str, text: str) -> list[list[Segment]]:
    """Each fragment of one side of a row, cut at the word diff's spans."""
    qs = row.a if side == "a" else row.b
    marked: list[tuple[int, int]] = []
    for op in row.ops:
        if side == "a" and op.op in ("delete", "replace"):
            marked += op.a_spans
        if side == "b" and op.op in ("insert", "replace"):
            marked += op.b_spans
    kind = "removed" if side == "a" else "added"
    focus = (row.a_focus if side == "a" else row.b_focus) or [(q.start, q.end) for q in qs]
    out = []
    for q in qs:
        cuts = sorted(
            {q.start, q.end} | {x for s, e in marked + focus for x in (s, e) if q.start < x < q.end}
        )
        parts: list[Segment] = []
        for start, end in pairwise(cuts):
            if any(s <= start and end <= e for s, e in marked):
                k = kind
            elif any(s <= start and end <= e for s, e in focus):
                k = "equal"
            else:
                k = "context"
            if parts and parts[-1].kind == k:
                parts[-1] = Segment(parts[-1].text + text[start:end], k)
            else:
                parts.append(Segment(text[start:end], k))
        out.append(parts)
    return out


def _heading(side: Side, letter: str) -> str:
    bits = [f"{letter}: {side.source or side.doc_id}"]
    if side.published:
        bits.append(side.published[:10])
    if side.title:
        bits.append(f"“{side.title}”")
    return " · ".join(bits)


def _meta(q: Quote) -> str:
    return " ".join(x for x in (q.speaker or "", q.verb or "", f"[{q.kind}]") if x)


def _row_findings(d: Diff, index: int) -> list[Finding]:
    return [f for f in d.findings if f.row == index]


def _markers_wanted() -> bool:
    return bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"


#: Below this many columns the two sides are stacked (A above B) instead of side by side: three
#: columns in 30 left each article about five characters a line, a word cut in every line.
STACK_BELOW = 60


def rich_view(d: Diff, *, markers: bool | None = None, width: int | None = None) -> Any:
    """A rich renderable: headlines, the aligned rows side by side, and the summary. With
    ``markers`` (default: when ``NO_COLOR`` is set or ``TERM=dumb``) what only one side has is
    also bracketed. On a terminal narrower than :data:`STACK_BELOW` (``width``) each row shows
    its label, then A's statement, then B's, one under the other."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    markers = _markers_wanted() if markers is None else markers
    stacked = width is not None and width < STACK_BELOW
    styles = {"equal": "", "removed": "strike red", "added": "underline bold green",
              "context": "dim"}  # fmt: skip
    table = Table(show_lines=True, expand=True, header_style="bold")
    if stacked:
        heads = Text(printable(_heading(d.a, "A")))  # shown, not obeyed
        heads.append("\n" + printable(_heading(d.b, "B")))
        table.add_column(heads, ratio=1)
    else:
        table.add_column("#", width=13)  # the row number the summary's findings refer to
        table.add_column(Text(printable(_heading(d.a, "A"))), ratio=1)  # shown, not obeyed
        table.add_column(Text(printable(_heading(d.b, "B"))), ratio=1)
    for n, row in enumerate(d.rows):
        cells = []
        for side, qs, art in (("a", row.a, d.a), ("b", row.b, d.b)):
            if not qs:
                cells.append(Text("—", style="dim"))
                continue
            text = Text()
            for k, (q, parts) in enumerate(zip(qs, segments(row, side, art.text), strict=True)):
                if k:
                    text.append("\n⋯\n", style="dim")
                for seg in parts:
                    chunk = seg.text
                    if markers and seg.kind in _MARKERS:
                        chunk = _MARKERS[seg.kind][0] + chunk + _MARKERS[seg.kind][1]
                    text.append(printable(chunk), style=styles[seg.kind])
                text.append(f"\n{printable(_meta(q))}", style="dim italic")
            tail = attribution(art.text, qs[-1])
            if tail:
                text.append(f"\n… {printable(tail)}", style="dim")
            cells.append(text)
        label = Text()
        label.append(f"{n + 1} ", style="dim")
        label.append(row.label, style=_LABEL_STYLE[row.label])
        if row.a and row.b:
            label.append(f"\n{row.similarity:.2f}", style="dim")
        notes = _row_findings(d, n)
        if notes:
            label.append("\n⚑ " + ", ".join(dict.fromkeys(f.kind for f in notes)), style="bold")
        if stacked:
            stack = label.copy()
            for name, cell in zip("AB", cells, strict=True):
                stack.append(f"\n{name}: ", style="bold")
                stack.append_text(cell)
            table.add_row(stack)
        else:
            table.add_row(label, *cells)
    legend = Text("struck: only in A · underlined: only in B", style="dim")
    if markers:
        legend = Text("[-…-]: only in A · {+…+}: only in B", style="dim")
    return Group(table, legend, Text(""), Text(printable(summary_text(d))))


def summary_text(d: Diff) -> str:
    """The summary as plain text: counts, the editorial differences with both texts, and the
    words only one article uses."""
    s = d.summary
    lines = []
    if s["identical"]:
        lines.append("The two articles are identical.")
    rows = s["rows"]
    st = s["statements"]
    lines.append(
        f"{st['a']} statements in A, {st['b']} in B ({st['unit']}): {rows['same']} same, "
        f"{rows['contained']} contained, {rows['split']} split, {rows['reworded']} reworded, "
        f"{rows['only in A']} only in A, {rows['only in B']} only in B."
    )
    if not st["a"] and not st["b"]:
        lines.append("Neither article has a statement or a sentence to compare.")
    if d.findings:
        lines.append("")
        lines.append("Editorial differences:")
        for f in d.findings:
            lines.append(f"- {f.kind} (row {f.row + 1}): {f.note}")
            lines.append(f"    A: {f.a}")
            lines.append(f"    B: {f.b}")
    if s["terms_only_in_a"]:
        lines.append("Only A uses: " + ", ".join(s["terms_only_in_a"]))
    if s["terms_only_in_b"]:
        lines.append("Only B uses: " + ", ".join(s["terms_only_in_b"]))
    return "\n".join(lines)


def write_json(d: Diff, out: IO[str]) -> None:
    json.dump(to_json(d), out, ensure_ascii=False, indent=2)
    out.write("\n")


def _md_escape(text: str) -> str:
    """Markdown's markup and HTML written as text (a viewer must not run a ``<script>``)."""
    out = html.escape(text, quote=False).replace("\\", "\\\\").replace("|", "\\|")
    out = out.replace("*", "\\*").replace("~", "\\~")
    return out.replace("_", "\\_").replace("\n", " ")


def _md_side(row: Row, side: str, art: Side) -> str:
    qs = row.a if side == "a" else row.b
    if not qs:
        return ""
    pieces = []
    for q, parts in zip(qs, segments(row, side, art.text), strict=True):
        body = "".join(
            {"equal": _md_escape(p.text), "context": _md_escape(p.text),
             "removed": f"~~{_md_escape(p.text)}~~", "added": f"**{_md_escape(p.text)}**"}[p.kind]
            for p in parts
        )  # fmt: skip
        pieces.append(
            f"{body} — {_md_escape(q.speaker or '?')} {_md_escape(q.verb or '')}".rstrip()
        )
    return " ⋯ ".join(pieces)


def write_markdown(d: Diff, out: IO[str]) -> None:
    """A table of the rows (what only A has ~~struck~~, what only B has **bold**), then the
    summary with the editorial differences."""
    out.write(f"# {_md_escape(_heading(d.a, 'A'))}\n# {_md_escape(_heading(d.b, 'B'))}\n\n")
    out.write("| # | label | similarity | A | B | notes |\n|---:|---|---:|---|---|---|\n")
    for n, r in enumerate(d.rows):
        notes = ", ".join(dict.fromkeys(f.kind for f in _row_findings(d, n)))
        sim = f"{r.similarity:.2f}" if r.a and r.b else ""
        out.write(
            f"| {n + 1} | {r.label} | {sim} | {_md_side(r, 'a', d.a)} | {_md_side(r, 'b', d.b)} | {notes} |\n"
        )
    out.write("\n~~struck~~: only in A · **bold**: only in B\n\n## Summary\n\n")
    s = d.summary
    st, rows = s["statements"], s["rows"]
    out.write(
        f"{st['a']} statements in A, {st['b']} in B ({st['unit']}): {rows['same']} same, "
        f"{rows['contained']} contained, {rows['split']} split, {rows['reworded']} reworded, "
        f"{rows['only in A']} only in A, {rows['only in B']} only in B.\n\n"
    )
    if d.findings:
        out.write("## Editorial differences\n\n")
        for f in d.findings:
            out.write(f"- **{f.kind}** (row {f.row + 1}): {_md_escape(f.note)}\n"
                      f"  - A: {_md_escape(f.a)}\n  - B: {_md_escape(f.b)}\n")  # fmt: skip
        out.write("\n")
    for key, who in (("terms_only_in_a", "A"), ("terms_only_in_b", "B")):
        if s[key]:
            out.write(f"Only {who} uses: {_md_escape(', '.join(s[key]))}\n\n")


def write_html(d: Diff, out: IO[str]) -> None:
    """A standalone page from ``templates/diff.html.j2``; autoescaping keeps every article's
    text text."""
    from importlib import resources

    from jinja2 import Environment, select_autoescape

    template_text = (
        resources.files("corpuscli.render").joinpath("templates/diff.html.j2").read_text("utf-8")
    )
    env = Environment(
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )
    rows = []
    for n, r in enumerate(d.rows):
        sides = []
        for side, qs, art in (("a", r.a, d.a), ("b", r.b, d.b)):
            sides.append([
                {"segments": parts, "meta": _meta(q), "tail": attribution(art.text, q) if k == len(qs) - 1 else ""}
                for k, (q, parts) in enumerate(zip(qs, segments(r, side, art.text), strict=True))
            ])  # fmt: skip
        rows.append({"n": n + 1, "label": r.label, "css": r.label.replace("only in ", "only").replace(" ", ""),
                     "similarity": f"{r.similarity:.2f}" if r.a and r.b else "",
                     "a": sides[0], "b": sides[1],
                     "notes": list(dict.fromkeys(f.kind for f in _row_findings(d, n)))})  # fmt: skip
    page = env.from_string(template_text).render(
        heading_a=_heading(d.a, "A"), heading_b=_heading(d.b, "B"), rows=rows,
        findings=d.findings, summary=d.summary,
    )  # fmt: skip
    out.write(page)
