"""Read tables back out of what the renderer wrote (HTML, DOCX) and hold them to the template.

Deliberately independent of ``gongkai.render.layout``: the grids are rebuilt from the files'
own rowspan/colspan (HTML) and gridSpan/vMerge (DOCX), and the expected layout is spelled from
``gongkai.report.templates`` only, so a bug in the renderer's layout cannot pass for correct.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.html
from docx import Document
from docx.oxml.ns import qn

from gongkai.report import templates as tpl
from gongkai.report.model import Report


@dataclass(frozen=True)
class Span:
    text: str
    row: int
    column: int
    rowspan: int
    colspan: int


@dataclass
class Grid:
    rows: int = 0
    columns: int = 0
    at: dict[tuple[int, int], Span] = field(default_factory=dict)

    def cell(self, row: int, column: int) -> Span:
        return self.at[(row, column)]

    def place(self, span: Span) -> None:
        for r in range(span.row, span.row + span.rowspan):
            for c in range(span.column, span.column + span.colspan):
                assert (r, c) not in self.at, f"cells overlap at row {r} column {c}"
                self.at[(r, c)] = span
        self.rows = max(self.rows, span.row + span.rowspan)
        self.columns = max(self.columns, span.column + span.colspan)

    def complete(self) -> Grid:
        holes = [(r, c) for r in range(self.rows) for c in range(self.columns) if (r, c) not in self.at]
        assert not holes, f"grid positions not covered by any cell: {holes[:5]}"
        return self


def _compact(text: str) -> str:
    return "".join(text.split())


def html_grids(source: str) -> list[Grid]:
    tree = lxml.html.fromstring(source)
    grids = []
    for table in tree.iter("table"):
        grid = Grid()
        for r, tr in enumerate(table.iter("tr")):
            c = 0
            for cell in tr:
                if cell.tag not in ("td", "th"):
                    continue
                while (r, c) in grid.at:
                    c += 1
                span = Span(
                    _compact(cell.text_content()), r, c, int(cell.get("rowspan", 1)), int(cell.get("colspan", 1))
                )
                grid.place(span)
                c += span.colspan
        grids.append(grid.complete())
    return grids


def docx_grids(path: Path) -> list[Grid]:
    """Tables of a DOCX from its XML: ``w:gridSpan`` merges across, ``w:vMerge`` down."""
    document = Document(str(path))
    grids = []
    for table in document.tables:
        rows: list[list[tuple[int, str | None, str]]] = []  # per row: (gridSpan, vMerge, text)
        for tr in table._tbl.findall(qn("w:tr")):
            cells = []
            for tc in tr.findall(qn("w:tc")):
                pr = tc.find(qn("w:tcPr"))
                span_el = pr.find(qn("w:gridSpan")) if pr is not None else None
                merge_el = pr.find(qn("w:vMerge")) if pr is not None else None
                span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
                merge = None if merge_el is None else (merge_el.get(qn("w:val")) or "continue")
                text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
                cells.append((span, merge, _compact(text)))
            rows.append(cells)
        # position of every tc in grid columns
        starts: dict[tuple[int, int], tuple[int, str | None, str]] = {}
        for r, cells in enumerate(rows):
            c = 0
            for cell in cells:
                starts[(r, c)] = cell
                c += cell[0]
        grid = Grid()
        for (r, c), (colspan, merge, text) in sorted(starts.items()):
            if merge == "continue":
                continue
            rowspan = 1
            if merge == "restart":
                while (r + rowspan, c) in starts and starts[(r + rowspan, c)][1] == "continue":
                    rowspan += 1
            grid.place(Span(text, r, c, rowspan, colspan))
        grids.append(grid.complete())
    return grids


# ---------------------------------------------------------------------------------------------
# The statutory layout, spelled from the templates
# ---------------------------------------------------------------------------------------------


def same_value(text: str, value: Any) -> bool:
    if value is None:
        return text == tpl.UNKNOWN_MARK
    try:
        return math.isclose(float(text), float(value), abs_tol=1e-9)
    except ValueError:
        return False


def check_active(grid: Grid, report: Report) -> int:
    """Table 二: item rows across the table, a header row per item, each figure under its header."""
    template = report.template
    checked = 0
    item_rows = {grid.cell(r, 0).text: r for r in range(grid.rows) if grid.cell(r, 0).colspan == grid.columns}
    assert list(item_rows) == [_compact(i) for i in template.active_items]
    for row in template.active_rows:
        matches = [r for r in range(grid.rows) if grid.cell(r, 0).text == _compact(row.label)]
        assert len(matches) == 1, f"row {row.label} found {len(matches)} times"
        r = matches[0]
        header = max(h for h in range(r) if grid.cell(h, 0).text == tpl.ACTIVE_CORNER)
        assert header > item_rows[_compact(row.item)], f"{row.label}: header row not in its item band"
        for f in row.fields:
            columns = [
                c
                for c in range(1, grid.columns)
                if grid.cell(header, c).text == _compact(f.header) and grid.cell(header, c).column == c
            ]
            assert len(columns) == 1, f"header {f.header} over {row.label}"
            cell = grid.cell(r, columns[0])
            assert cell.column == columns[0] and cell.colspan == grid.cell(header, columns[0]).colspan
            value = report.active[row.key][f.key]
            assert same_value(cell.text, value), f"active.{row.key}.{f.key}: {cell.text!r} ≠ {value!r}"
            checked += 1
    return checked


def check_requests(grid: Grid, report: Report) -> int:
    """Table 三: the note over three label columns, 申请人情况 over seven, merged row headings."""
    template = report.template
    columns = template.request_columns
    n = len(columns)
    assert (grid.columns, grid.rows) == (3 + n, 3 + len(template.request_rows))
    note = grid.cell(0, 0)
    assert (note.text, note.rowspan, note.colspan) == (_compact(tpl.REQUESTS_NOTE), 3, 3)
    corner = grid.cell(0, 3)
    assert (corner.text, corner.colspan) == (tpl.REQUESTS_CORNER, n)
    for column in columns:
        c = 3 + column.index
        if column.group:
            group = grid.cell(1, c)
            assert group.text == column.group and group.colspan == sum(1 for x in columns if x.group)
            assert grid.cell(2, c).text == column.label and grid.cell(2, c).row == 2
        else:
            head = grid.cell(1, c)
            assert (head.text, head.rowspan, head.row) == (column.label, 2, 1)
    checked = 0
    for i, row in enumerate(template.request_rows):
        r = 3 + i
        label = grid.cell(r, 2)
        assert label.text == _compact(row.printed), f"row {r}: {label.text!r} ≠ {row.printed!r}"
        if row.section:
            section = grid.cell(r, 0)
            assert section.text == _compact(row.section)
            assert section.rowspan == sum(1 for x in template.request_rows if x.section == row.section)
        else:
            assert label.column == 0 and label.colspan == 3
        if row.group:
            group = grid.cell(r, 1)
            assert group.text == _compact(row.group)
            assert group.rowspan == sum(1 for x in template.request_rows if x.group == row.group)
        elif row.section:
            assert label.column == 1 and label.colspan == 2
        for column in columns:
            cell = grid.cell(r, 3 + column.index)
            value = report.requests[row.key][column.index]
            assert (cell.rowspan, cell.colspan) == (1, 1)
            assert same_value(cell.text, value), f"requests.{row.key}[{column.index}]: {cell.text!r} ≠ {value!r}"
            checked += 1
    return checked


def check_appeals(grid: Grid, report: Report) -> int:
    """Table 四: 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉), five results each."""
    template = report.template
    fields = template.appeal_fields
    n = len(fields)
    assert (grid.rows, grid.columns) == (4, n * len(template.appeal_groups))
    review = grid.cell(0, 0)
    assert (review.text, review.colspan) == (template.appeal_groups[0].label, n)
    litigation = grid.cell(0, n)
    assert (litigation.text, litigation.colspan) == (tpl.LITIGATION, 2 * n)
    for i, f in enumerate(fields):
        head = grid.cell(1, i)
        assert (head.text, head.rowspan) == (f.label, 2)
    checked = 0
    for g, group in enumerate(template.appeal_groups):
        if group.parent:
            sub = grid.cell(1, g * n)
            assert (sub.text, sub.colspan) == (group.label, n)
        for i, f in enumerate(fields):
            c = g * n + i
            if group.parent:
                assert grid.cell(2, c).text == f.label
            value = report.appeals[group.key][f.key]
            assert same_value(grid.cell(3, c).text, value), f"appeals.{group.key}.{f.key}"
            checked += 1
    return checked


def check_statutory_tables(grids: list[Grid], report: Report) -> int:
    """The three tables, in order; returns the number of figures found right in their cells."""
    assert len(grids) == 3, f"{len(grids)} tables, 3 expected"
    active, requests, appeals = grids
    return check_active(active, report) + check_requests(requests, report) + check_appeals(appeals, report)


def statutory_cell_count(report: Report) -> int:
    return sum(1 for _ in report.cells())
