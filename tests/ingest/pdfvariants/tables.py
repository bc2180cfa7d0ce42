"""The statutory tables as grids of cells, independent of who draws them.

One model, two producers (``generate.py``): an HTML table printed by chromium and a table drawn
cell by cell with a PDF library. A cell may be ``vertical``: its characters written top to
bottom, one under the other, in a narrow column (自 / 然 / 人), as Chinese government tables
print the applicant and outcome headers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gongkai.report.templates import APPEAL_FIELDS, APPEAL_GROUPS, REQUESTS_NOTE, TEMPLATES

Report = dict[str, Any]
ORGANISATIONS = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")


@dataclass
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    vertical: bool = False
    label: bool = False  # left-aligned words (a row label), not a centred header or figure


@dataclass
class Table:
    name: str  # 二, 三, 四
    rows: list[list[Cell]]  # each row: the cells that start in it, left to right (HTML's model)
    header_rows: int  # how many rows a page break repeats
    widths: list[float]  # relative column widths


def number(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def active(report: Report) -> Table:
    template = TEMPLATES[report["template"]]
    width = 1 + max(len(row.fields) for row in template.active_rows)
    rows: list[list[Cell]] = []
    for item in template.active_items:
        members = [row for row in template.active_rows if row.item == item]
        rows.append([Cell(item, colspan=width)])
        fields = members[0].fields
        rows.append(
            [Cell("信息内容")] + [Cell(f.label, colspan=_stretch(i, fields, width)) for i, f in enumerate(fields)]
        )
        for row in members:
            values = report["active"].get(row.key, {})
            rows.append(
                [Cell(row.label, label=True)]
                + [
                    Cell(number(values.get(f.key)), colspan=_stretch(i, row.fields, width))
                    for i, f in enumerate(row.fields)
                ]
            )
    return Table("二", rows, 0, [2.2] + [1.0] * (width - 1))


def _stretch(i: int, fields: Any, width: int) -> int:
    return width - len(fields) if i == len(fields) - 1 else 1


def requests(report: Report, vertical: bool) -> Table:
    """Table 三 with the national header (申请人情况 over 自然人 / 法人或其他组织 / 总计) and its
    three label levels in merged cells."""
    template = TEMPLATES[report["template"]]
    rows: list[list[Cell]] = [
        [Cell(REQUESTS_NOTE, colspan=3, rowspan=3), Cell("申请人情况", colspan=7)],
        [
            Cell("自然人", rowspan=2, vertical=vertical),
            Cell("法人或其他组织", colspan=5),
            Cell("总计", rowspan=2, vertical=vertical),
        ],
        [Cell(o, vertical=vertical) for o in ORGANISATIONS],
    ]
    outcome_rows = [r for r in template.request_rows if r.section]
    groups: dict[str, int] = {}
    for r in outcome_rows:
        if r.group:
            groups[r.group] = groups.get(r.group, 0) + 1
    seen_section = False
    seen_groups: set[str] = set()
    for r in template.request_rows:
        lead: list[Cell] = []
        if r.section and not seen_section:
            seen_section = True
            lead.append(Cell(r.section, rowspan=len(outcome_rows), vertical=vertical))
        if r.group:
            if r.group not in seen_groups:
                seen_groups.add(r.group)
                lead.append(Cell(r.group, rowspan=groups[r.group], label=True))
            lead.append(Cell(r.printed, label=True))
        else:
            lead.append(Cell(r.printed, colspan=2 if r.section else 3, label=True))
        rows.append(lead + [Cell(number(v)) for v in report["requests"][r.key]])
    return Table("三", rows, 3, [0.9, 1.6, 4.2] + [1.0] * 7)


def appeals(report: Report, vertical: bool) -> Table:
    review, direct, after = APPEAL_GROUPS
    fields = [Cell(f.label, vertical=vertical) for f in APPEAL_FIELDS]
    figures = [Cell(number(report["appeals"][g.key][f.key])) for g in APPEAL_GROUPS for f in APPEAL_FIELDS]
    return Table(
        "四",
        [
            [Cell(review.label, colspan=5), Cell(direct.parent, colspan=10)],
            [Cell(f.label, rowspan=2, vertical=vertical) for f in APPEAL_FIELDS]
            + [Cell(direct.label, colspan=5), Cell(after.label, colspan=5)],
            fields + [Cell(f.text, vertical=vertical) for f in fields],
            figures,
        ],
        3,
        [1.0] * 15,
    )


def grid(table: Table) -> list[tuple[int, int, Cell]]:
    """(row, column, cell) of every cell: HTML's placement of row- and colspans."""
    taken: set[tuple[int, int]] = set()
    out: list[tuple[int, int, Cell]] = []
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            out.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    return out
