"""The three statutory tables as grids of cells, laid out as the report's template prescribes.

Every output format (HTML, DOCX, Markdown) writes the same grid, so the merged header cells, the
row labels and the order of the cells are decided once, here, from ``report/templates.py``.

Convention (the same as ``ingest/document.py``): a row lists its cells in order; a merged cell
appears once, in the first row and column it covers, with its ``rowspan``/``colspan``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from itertools import groupby

from ..report.model import CellValue, Report
from ..report.templates import (
    ACTIVE_CORNER,
    REQUESTS_CORNER,
    REQUESTS_NOTE,
    TABLES_BY_KEY,
    ActiveRow,
    Field,
    Kind,
    Template,
)
from .numbers import format_value


class Role(StrEnum):
    """What a cell is, so that each format can style it."""

    ITEM = "item"  # 第二十条第（一）项, across the whole table
    HEAD = "head"  # a column header
    LABEL = "label"  # a row label
    NOTE = "note"  # the 勾稽关系 note in table 三's corner
    VALUE = "value"  # a figure


@dataclass(frozen=True)
class GridCell:
    text: str
    role: Role
    rowspan: int = 1
    colspan: int = 1
    place: str = ""  # for a value: where it is in the data, ``requests.granted[0]``
    value: CellValue = None  # for a value: the number itself (None = unknown)
    unknown: bool = False  # a value cell whose figure is unknown (null)


@dataclass(frozen=True)
class GridTable:
    key: str  # active / requests / appeals
    heading: str  # 三、收到和处理政府信息公开申请情况
    columns: int
    header_rows: int  # leading rows that are column headers (repeated after a page break)
    rows: tuple[tuple[GridCell, ...], ...]
    widths: tuple[float, ...]  # relative column widths, for formats that size columns

    def value_cells(self) -> Iterator[GridCell]:
        for row in self.rows:
            for cell in row:
                if cell.role is Role.VALUE:
                    yield cell

    @property
    def has_unknown(self) -> bool:
        return any(cell.unknown for cell in self.value_cells())


def _value(value: CellValue, kind: Kind, place: str, colspan: int = 1) -> GridCell:
    return GridCell(
        format_value(value, kind), Role.VALUE, colspan=colspan, place=place, value=value, unknown=value is None
    )


# ---------------------------------------------------------------------------------------------
# Table 二: one band per 第二十条 item, each with its own header row
# ---------------------------------------------------------------------------------------------

_ACTIVE_COLUMNS = 4  # 信息内容 + at most three figures


def _spans(fields: tuple[Field, ...]) -> list[int]:
    """Column spans of a row's fields: the last one fills the table's width (as the template)."""
    spans = [1] * len(fields)
    spans[-1] = _ACTIVE_COLUMNS - len(fields)
    return spans


def active_table(report: Report) -> GridTable:
    template = report.template
    rows: list[tuple[GridCell, ...]] = []
    for item, members in groupby(template.active_rows, key=lambda row: row.item):
        rows.append((GridCell(item, Role.ITEM, colspan=_ACTIVE_COLUMNS),))
        header: tuple[Field, ...] | None = None
        for row in members:
            if row.fields != header:  # rows of one item share their header unless fields differ
                header = row.fields
                rows.append(_active_header(row))
            rows.append(_active_row(report, row))
    return GridTable("active", TABLES_BY_KEY["active"].heading, _ACTIVE_COLUMNS, 0, tuple(rows), (2.2, 1.6, 1.6, 1.6))


def _active_header(row: ActiveRow) -> tuple[GridCell, ...]:
    cells = [GridCell(ACTIVE_CORNER, Role.HEAD)]
    cells += [
        GridCell(f.header, Role.HEAD, colspan=span) for f, span in zip(row.fields, _spans(row.fields), strict=True)
    ]
    return tuple(cells)


def _active_row(report: Report, row: ActiveRow) -> tuple[GridCell, ...]:
    cells = [GridCell(row.label, Role.LABEL)]
    for f, span in zip(row.fields, _spans(row.fields), strict=True):
        cells.append(_value(report.active[row.key][f.key], f.kind, f"active.{row.key}.{f.key}", span))
    return tuple(cells)


# ---------------------------------------------------------------------------------------------
# Table 三: three label columns (section, group, item) and the seven applicant columns
# ---------------------------------------------------------------------------------------------

_LABEL_COLUMNS = 3


def requests_table(report: Report) -> GridTable:
    template = report.template
    columns = template.request_columns
    width = _LABEL_COLUMNS + len(columns)
    top: list[GridCell] = [
        GridCell(REQUESTS_NOTE, Role.NOTE, rowspan=3, colspan=_LABEL_COLUMNS),
        GridCell(REQUESTS_CORNER, Role.HEAD, colspan=len(columns)),
    ]
    middle: list[GridCell] = []
    bottom: list[GridCell] = []
    for group, members in groupby(columns, key=lambda column: column.group):
        grouped = list(members)
        if group:
            middle.append(GridCell(group, Role.HEAD, colspan=len(grouped)))
            bottom += [GridCell(column.label, Role.HEAD) for column in grouped]
        else:
            middle += [GridCell(column.label, Role.HEAD, rowspan=2) for column in grouped]
    rows: list[tuple[GridCell, ...]] = [tuple(top), tuple(middle), tuple(bottom)]
    rows += _request_body(report, template)
    widths = (0.8, 1.6, 4.4, *(1.0 for _ in columns))
    return GridTable("requests", TABLES_BY_KEY["requests"].heading, width, 3, tuple(rows), widths)


def _request_body(report: Report, template: Template) -> list[tuple[GridCell, ...]]:
    section_size = {
        s: sum(1 for r in template.request_rows if r.section == s)
        for s in {r.section for r in template.request_rows if r.section}
    }
    group_size = {
        g: sum(1 for r in template.request_rows if r.group == g)
        for g in {r.group for r in template.request_rows if r.group}
    }
    seen_section: set[str] = set()
    seen_group: set[str] = set()
    body: list[tuple[GridCell, ...]] = []
    for row in template.request_rows:
        cells: list[GridCell] = []
        if row.section and row.section not in seen_section:
            seen_section.add(row.section)
            cells.append(GridCell(row.section, Role.LABEL, rowspan=section_size[row.section]))
        if row.group and row.group not in seen_group:
            seen_group.add(row.group)
            cells.append(GridCell(row.group, Role.LABEL, rowspan=group_size[row.group]))
        label_span = _LABEL_COLUMNS - (1 if row.section else 0) - (1 if row.group else 0)
        cells.append(GridCell(row.printed, Role.LABEL, colspan=label_span))
        values = report.requests[row.key]
        cells += [
            _value(values[c.index], Kind.COUNT, f"requests.{row.key}[{c.index}]") for c in template.request_columns
        ]
        body.append(tuple(cells))
    return body


# ---------------------------------------------------------------------------------------------
# Table 四: 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉), five results each
# ---------------------------------------------------------------------------------------------


def appeals_table(report: Report) -> GridTable:
    template = report.template
    fields = template.appeal_fields
    n = len(fields)
    top: list[GridCell] = []
    middle: list[GridCell] = []
    bottom: list[GridCell] = []
    for parent, members in groupby(template.appeal_groups, key=lambda group: group.parent):
        groups = list(members)
        if parent:
            top.append(GridCell(parent, Role.HEAD, colspan=n * len(groups)))
            for group in groups:
                middle.append(GridCell(group.label, Role.HEAD, colspan=n))
                bottom += [GridCell(f.label, Role.HEAD) for f in fields]
        else:
            for group in groups:
                top.append(GridCell(group.label, Role.HEAD, colspan=n))
                middle += [GridCell(f.label, Role.HEAD, rowspan=2) for f in fields]
    values = tuple(
        _value(report.appeals[group.key][f.key], Kind.COUNT, f"appeals.{group.key}.{f.key}")
        for group in template.appeal_groups
        for f in fields
    )
    width = n * len(template.appeal_groups)
    return GridTable(
        "appeals",
        TABLES_BY_KEY["appeals"].heading,
        width,
        3,
        (tuple(top), tuple(middle), tuple(bottom), values),
        tuple(1.0 for _ in range(width)),
    )


def statutory_tables(report: Report) -> dict[str, GridTable]:
    """The three tables of the report, by key: ``active``, ``requests``, ``appeals``."""
    return {"active": active_table(report), "requests": requests_table(report), "appeals": appeals_table(report)}


@dataclass(frozen=True)
class Placed:
    """A grid position and the cell covering it; ``origin`` when the cell starts there."""

    cell: GridCell
    row: int  # where the covering cell starts
    column: int

    def is_origin(self, row: int, column: int) -> bool:
        return (self.row, self.column) == (row, column)


def expand(table: GridTable) -> list[list[Placed]]:
    """Every position of the grid with the cell covering it, merged cells resolved."""
    grid: list[list[Placed | None]] = [[None] * table.columns for _ in table.rows]
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row:
            while c < table.columns and grid[r][c] is not None:
                c += 1
            if c + cell.colspan > table.columns or r + cell.rowspan > len(table.rows):
                raise ValueError(f"table {table.key}: row {r} overflows the grid")
            placed = Placed(cell, r, c)
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    grid[r + dr][c + dc] = placed
            c += cell.colspan
    if any(p is None for row in grid for p in row):
        raise ValueError(f"table {table.key}: some grid positions are not covered")
    return [[p for p in row if p is not None] for row in grid]
