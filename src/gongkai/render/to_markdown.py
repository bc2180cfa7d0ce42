"""The report as Markdown (GitHub-flavoured tables).

Markdown cannot merge cells, so each table is written as its grid the way published text copies
of the template print it: a merged cell's text in its first row and column, the positions it
covers left blank. The labels stay in the template's columns and every figure under its header.
"""

from __future__ import annotations

import base64

from .compose import CHARTS_HEADING, FINDINGS_HEADING, FINDINGS_INTRO, Composition
from .layout import GridTable, expand


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _line(cells: list[str]) -> str:
    return "| " + " | ".join(_escape(c) for c in cells) + " |"


def table_markdown(table: GridTable) -> str:
    lines = []
    for r, row in enumerate(expand(table)):
        lines.append(_line([p.cell.text if p.is_origin(r, c) else "" for c, p in enumerate(row)]))
        if r == 0:
            lines.append("|" + "---|" * table.columns)
    return "\n".join(lines)


def render_markdown(doc: Composition) -> str:
    out = [f"# {doc.full_title}", ""]
    out += [p + "\n" for p in doc.preamble]
    for part in doc.parts:
        out += [f"## {part.heading}", ""]
        out += [p + "\n" for p in part.paragraphs]
        if part.table is not None:
            out += [table_markdown(part.table), ""]
            if part.table_note:
                out += [part.table_note, ""]
    out += [doc.agency, ""]
    if doc.charts:
        out += [f"## {CHARTS_HEADING}", ""]
        for chart in doc.charts:  # embedded, so that the one file carries its charts
            data = base64.b64encode(chart.png).decode("ascii")
            out += [f"![{chart.title}](data:image/png;base64,{data})", "", f"{chart.title}：{chart.caption}", ""]
    if doc.problems:
        out += [f"## {FINDINGS_HEADING}", "", FINDINGS_INTRO, ""]
        out += [f"- {f.message_zh}（{f.message_en}）" for f in doc.problems]
        out.append("")
    return "\n".join(out)
