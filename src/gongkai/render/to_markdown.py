"""The report as Markdown (GitHub-flavoured tables).

Markdown tables cannot merge cells, so the grid is flattened: a column's stacked headers are
joined (行政诉讼 · 未经复议直接起诉 · 结果维持), a row's stacked labels likewise, and table 二 is
written one band per 第二十条 item.
"""

from __future__ import annotations

import base64

from .compose import CHARTS_HEADING, FINDINGS_HEADING, FINDINGS_INTRO, Composition
from .layout import GridCell, GridTable, Placed, Role, expand

_JOIN = " · "


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _line(cells: list[str]) -> str:
    return "| " + " | ".join(_escape(c) for c in cells) + " |"


def _rule(count: int, numeric_from: int) -> str:
    return "|" + "|".join("---:" if i >= numeric_from else "---" for i in range(count)) + "|"


def _distinct(cells: list[GridCell]) -> list[GridCell]:
    unique: list[GridCell] = []
    for cell in cells:
        if not any(cell is seen for seen in unique):
            unique.append(cell)
    return unique


def _headed_table(table: GridTable) -> list[str]:
    """Tables 三 and 四: stacked headers over value columns; label columns folded into one."""
    grid = expand(table)
    body = grid[table.header_rows :]
    value_columns = [c for c in range(table.columns) if all(row[c].cell.role is Role.VALUE for row in body)]
    label_columns = [c for c in range(table.columns) if c not in value_columns]
    heads = []
    for c in value_columns:
        stacked = _distinct([grid[r][c].cell for r in range(table.header_rows)])
        heads.append(_JOIN.join(cell.text for cell in stacked))
    corner = _distinct([grid[r][c].cell for r in range(table.header_rows) for c in label_columns])
    lines = [_line(([corner[0].text] if label_columns else []) + heads)]
    lines.append(_rule(len(heads) + (1 if label_columns else 0), 1 if label_columns else 0))
    for row in body:
        label = " ".join(p.cell.text for p in _distinct_placed(row, label_columns))
        values = [row[c].cell.text for c in value_columns]
        lines.append(_line(([label] if label_columns else []) + values))
    return lines


def _distinct_placed(row: list[Placed], columns: list[int]) -> list[Placed]:
    seen: list[Placed] = []
    for c in columns:
        if not any(row[c] is p for p in seen):
            seen.append(row[c])
    return seen


def _banded_table(table: GridTable) -> list[str]:
    """Table 二: each 第二十条 item a heading line and a small table of its own."""
    lines: list[str] = []
    for row in table.rows:
        first = row[0]
        if first.role is Role.ITEM:
            lines += ["", f"**{_escape(first.text)}**", ""]
        elif first.role is Role.HEAD:
            lines.append(_line([cell.text for cell in row]))
            lines.append(_rule(len(row), 1))
        else:
            lines.append(_line([cell.text for cell in row]))
    return lines[1:] if lines and lines[0] == "" else lines


def table_markdown(table: GridTable) -> str:
    lines = _headed_table(table) if table.header_rows else _banded_table(table)
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
