"""Table 四 leaving its zeros blank, set as pipe tables of its own by a PDF converter (markitdown).

A converter that rebuilds the table from a PDF page may give each part a table of its own
(行政复议's five columns, then 行政诉讼's ten) whose cells are not the statutory columns: spare
blank cells between titles, two titles in one cell (``总计 结果维持``), and blank cells for the
zeros. No row then holds fifteen cells, and the readers by cell count find nothing. Under one
header row, a data row of as many cells is the same grid: each figure stands under its title's
cell, a cell under titles holding no figure is their 0s (the table leaves zeros blank), and a
cell holding as many figures as it names titles holds them in order. A group is taken only
where every cell of it is placed so and it adds up to its 总计; a header and a row of other
widths (two tables, their grids unrelated) decide nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, cached_key
from gongkai.report.equations import appeals_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_CELL = re.compile(r"line (\d+) cell (\d+)(?: number \d+)?$")

# The names a header cell prints (``appeals._header_names``: (name, whether a group)).
Names = Callable[[str], Sequence[tuple[str, bool]]]


def _place(token: Token) -> tuple[int, int] | None:
    """The pipe line and cell a token stands in."""
    match = _CELL.match(token.where)
    return (int(match.group(1)), int(match.group(2))) if match else None


def _row_fields(record: Record, names: Names) -> tuple[int, dict[int, list[str]]] | None:
    """The header line of ``record`` (every label on one pipe line, each naming fields only) and
    the fields each of its cells names, in printed order; None otherwise."""
    places = [_place(t) for t in record.labels]
    if not places or any(p is None for p in places) or len({p[0] for p in places if p}) != 1:
        return None
    cells: dict[int, list[str]] = {}
    for token, place in zip(record.labels, places, strict=True):
        found = names(cached_key(token.text))
        if not found or any(is_group for _, is_group in found) or place is None:
            return None
        cells.setdefault(place[1], []).extend(name for name, _ in found)
    line = places[0][0] if places[0] else 0
    return line, cells


def _width(tokens: Sequence[Token], line: int) -> int:
    """How many cells the pipe line prints (its last cell among ``tokens``)."""
    return max((p[1] for t in tokens if (p := _place(t)) and p[0] == line), default=0)


def _read_row(record: Record, names: Names) -> list[tuple[str, int | None, str]] | None:
    """(field, value, where) for each title of the header row, in printed order, read from the
    data row under it; value None where a cell holds fewer figures than it names titles."""
    header = _row_fields(record, names)
    if header is None or not record.values:
        return None
    line, cells = header
    data_places = [_place(t) for t in record.values]
    if any(p is None for p in data_places):
        return None
    data_lines = {p[0] for p in data_places if p and p[0] != line}
    if len(data_lines) != 1:
        return None
    data = data_lines.pop()
    width = _width(record.values, data)
    if width != max(_width(record.values + record.labels, line), max(cells)):
        return None  # a header and a row of other widths: two grids
    by_cell: dict[int, list[Token]] = {}
    for token, place in zip(record.values, data_places, strict=True):
        if place and place[0] == data:
            if token.value.kind not in (CellKind.BLANK, CellKind.NUMBER):
                return None
            if token.value.kind is CellKind.NUMBER:
                by_cell.setdefault(place[1], []).append(token)
    out: list[tuple[str, int | None, str]] = []
    for cell in range(1, width + 1):
        titles, figures = cells.get(cell, []), by_cell.get(cell, [])
        if figures and not titles:
            return None  # a figure under no title
        for i, name in enumerate(titles):
            if not figures:
                out.append((name, 0, f"line {data} cell {cell}"))
            elif len(figures) == len(titles):
                amount = figures[i].value.amount
                out.append((name, int(amount) if isinstance(amount, int) else None, figures[i].where))
            else:
                out.append((name, None, f"line {data} cell {cell}"))
    return out


def read_by_header_cells(
    template: Template, records: list[Record], report: Report, evidence: Evidence, names: Names
) -> list[str]:
    """Table 四's groups read by header cells (above) into ``report``; the groups taken."""
    groups = [g.key for g in template.appeal_groups]
    fields = [f.key for f in template.appeal_fields]
    width = len(fields)
    # Where the 行政诉讼 groups are named (未经复议直接起诉, 复议后起诉): the rows after are theirs.
    named = [
        (i, name)
        for i, record in enumerate(records)
        for token in record.labels
        for name, is_group in names(cached_key(token.text))
        if is_group and name in groups[1:]
    ]
    if [name for _, name in named][:2] not in ([], groups[1:]):
        return []  # printed in another order than the statute's: nothing tells which is which
    suits = min((i for i, _ in named), default=None)
    parts: list[tuple[list[str], list[tuple[str, int | None, str]]]] = []
    for i, record in enumerate(records):
        row = _read_row(record, names)
        if row is None:
            continue
        if len(row) == 2 * width:
            # Ten titles: 行政诉讼's two groups, in the statute's order.
            parts.append((groups[1:], row))
        elif len(row) == width and suits is not None and i < suits:
            parts.append((groups[:1], row))  # five titles before 行政诉讼: 行政复议
    taken: list[str] = []
    bound = appeals_bound(template.id, tuple(groups), tuple(fields), False)
    for order, cells in parts:
        taken += _take(order, cells, fields, bound.row_check, report, evidence)
    return taken


def _take(
    order: list[str],
    cells: list[tuple[str, int | None, str]],
    fields: list[str],
    check: Callable[[str], Callable[[Sequence[int | None]], bool]],
    report: Report,
    evidence: Evidence,
) -> list[str]:
    """The groups of ``order`` whose cells (``fields`` each, in turn) are all read and add up."""
    width = len(fields)
    taken: list[str] = []
    for g, group in enumerate(order):
        part = cells[g * width : (g + 1) * width]
        by_name = {name: (value, where) for name, value, where in part}
        if sorted(by_name) != sorted(fields):
            continue
        values = tuple(by_name[key][0] for key in fields)
        if None in values or not check(group)(values):
            continue
        for key in fields:
            value, where = by_name[key]
            report.appeals[group][key] = value
            evidence.provenance[f"appeals.{group}.{key}"] = where
        evidence.doubt(
            f"appeals.{group}",
            list(values),
            "表四分成几个表格、以空白表示 0：各数字按其上方表头单元格对应各列，空白单元格按 0 计",
            "table 四 set as tables of its own, leaving zeros blank: each figure read under the header "
            "cell above it, blank cells as 0",
            part[0][2],
        )
        taken.append(group)
    return taken
