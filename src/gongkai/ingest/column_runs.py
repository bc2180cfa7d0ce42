"""Table 二 read from its columns printed down the page across its stacked items (``pdftotext`` default).

A table 二 pasted from a spreadsheet stacks its items (第二十条第（一）项, （五）, （六）…) as
blocks of one grid: each item's first column under the others' first columns, its last column
under their last. ``pdftotext`` in its default mode then follows the grid's columns, not the
items: it prints the headers of one column of the page top to bottom (本年新制作数量, 上一年项目数量,
上一年项目数量 …) and then that column's figures top to bottom, item after item, and only then
the next column. The row labels and the item marks come out anywhere; ``header_blocks`` (one item's
headers, then its block) finds nothing to read.

What the flow keeps: a column's figures come after its header, in the items' order, each item's
rows top to bottom. So the figures cut at the headers into runs, and each run is the figures of
some columns whose headers came before it, one column of the page (all of them their items' first
column, or all their last, or all the same middle one), in the items' order. A header names a
field; the field's n-th header is the n-th item (in template order) that has that field. Every
way of giving each run such columns, each column exactly once and every cell of the table a
figure, is a reading; a cell is read where every reading agrees on it. Table 二 has no equation,
so the count of figures is the only evidence: each cell read this way is named in ``uncertain``.
It is tried only where the reading by labels left a cell unknown (or read as 0 from no figure),
and it takes a cell only where that reading did not read another figure there.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import combinations

from gongkai.ingest.active import BLANK_ROW_EN
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.header_blocks import blank_places, open_cell, take_block_cell
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, cached_key
from gongkai.ingest.vocabulary import field_of
from gongkai.report.model import Report
from gongkai.report.templates import Template

_READINGS = 16  # readings collected at most: more means the flow says too little
_STEPS = 20_000  # search steps at most

Column = tuple[str, str]  # (item, field key)


@dataclass
class _Run:
    headed: list[Column]  # columns whose headers came before the run, in printed order
    values: list[Token] = field(default_factory=list)


@dataclass(frozen=True)
class _Grid:
    columns: tuple[Column, ...]  # template order: item by item, left to right
    rows: dict[Column, tuple[str, ...]]  # a column's rows, top to bottom
    places: dict[Column, frozenset[str]]  # where on the page a column may stand: first, last, middle n


def _grid(template: Template) -> _Grid:
    columns: list[Column] = []
    rows: dict[Column, list[str]] = {}
    width: dict[str, int] = {}
    for row in template.active_rows:
        width[row.item] = max(width.get(row.item, 0), len(row.fields))
        for f in row.fields:
            column = (row.item, f.key)
            if column not in rows:
                columns.append(column)
                rows[column] = []
            rows[column].append(row.key)
    places: dict[Column, frozenset[str]] = {}
    for item, key in columns:
        index = [c for c in columns if c[0] == item].index((item, key))
        place = {f"middle {index}"}
        if index == 0:
            place.add("first")
        if index == width[item] - 1:
            place.add("last")
        places[(item, key)] = frozenset(place)
    return _Grid(tuple(columns), {c: tuple(r) for c, r in rows.items()}, places)


def _runs(grid: _Grid, records: list[Record]) -> list[_Run] | None:
    """The figures of table 二 cut at its column headers; None when a figure comes before any header."""
    items = list(dict.fromkeys(item for item, _ in grid.columns))
    seen: dict[str, int] = {}
    headed: list[Column] = []
    runs: list[_Run] = []
    for record in records:
        for token in record.labels:
            found = field_of(cached_key(token.text))
            if found is None:
                continue  # a row label, an item mark, a page's running head: the flow goes on
            name = found[0]
            having = [item for item in items if (item, name) in grid.rows]
            n = seen.get(name, 0)
            seen[name] = n + 1
            if n < len(having):
                headed.append((having[n], name))
            if runs and runs[-1].values:
                runs.append(_Run(list(headed)))
        for token in record.values:
            if token.value.kind is CellKind.BLANK:
                continue
            if token.value.kind not in (CellKind.NUMBER, CellKind.DASH):
                return None
            if not headed:
                return None
            if not runs or len(runs[-1].headed) != len(headed):
                runs.append(_Run(list(headed)))
            runs[-1].values.append(token)
    return [run for run in runs if run.values]


def _choices(grid: _Grid, run: _Run, filled: set[Column]) -> Iterator[tuple[Column, ...]]:
    """Sets of columns (in template order) the run may be: headed, unfilled, one place on the
    page, as many cells as the run has figures."""
    open_ = sorted((c for c in set(run.headed) if c not in filled), key=grid.columns.index)
    for place in {p for c in open_ for p in grid.places[c]}:
        fitting = [c for c in open_ if place in grid.places[c]]
        for size in range(1, len(fitting) + 1):
            for chosen in combinations(fitting, size):
                if sum(len(grid.rows[c]) for c in chosen) == len(run.values):
                    yield chosen


def _readings(grid: _Grid, runs: list[_Run]) -> list[tuple[tuple[Column, ...], ...]] | None:
    """Every assignment of columns to runs covering each column once; None past the budget."""
    found: list[tuple[tuple[Column, ...], ...]] = []
    if not _assign(grid, runs, found, [0], 0, set(), ()):
        return None
    return found


def _assign(
    grid: _Grid,
    runs: list[_Run],
    found: list[tuple[tuple[Column, ...], ...]],
    steps: list[int],
    i: int,
    filled: set[Column],
    taken: tuple[tuple[Column, ...], ...],
) -> bool:
    """``_readings``' search from run ``i`` on (``steps[0]``: steps taken by the whole search);
    False past the budget. A module function, not a closure calling itself: that is a reference
    cycle left for the cyclic collector on every call."""
    steps[0] += 1
    if steps[0] > _STEPS or len(found) > _READINGS:
        return False
    if i == len(runs):
        if len(filled) == len(grid.columns):
            found.append(taken)
        return True
    for chosen in set(_choices(grid, runs[i], filled)):
        if not _assign(grid, runs, found, steps, i + 1, filled | set(chosen), (*taken, chosen)):
            return False
    return True


def _cells(grid: _Grid, runs: list[_Run], reading: tuple[tuple[Column, ...], ...]) -> dict[tuple[str, str], Token]:
    cells: dict[tuple[str, str], Token] = {}
    for run, chosen in zip(runs, reading, strict=True):
        figures = iter(run.values)
        for item, name in chosen:
            for row in grid.rows[(item, name)]:
                cells[(row, name)] = next(figures)
    return cells


def read_column_runs(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Fill the cells of table 二 the labels left open (``header_blocks.open_cell``) from its
    columns printed down the page; ``records``: the records of table 二, in order."""
    blanks = blank_places(records)

    def open_(row: str, name: str) -> bool:
        return open_cell(report, evidence, blanks, row, name)

    if not any(open_(row, name) for row, cells in report.active.items() for name in cells):
        return
    grid = _grid(template)
    runs = _runs(grid, records)
    if not runs or sum(len(run.values) for run in runs) != sum(len(r) for r in grid.rows.values()):
        return  # every cell one figure: a figure short or over and the runs say nothing
    readings = _readings(grid, runs)
    if not readings or len(readings) > _READINGS:
        return
    tables = [_cells(grid, runs, reading) for reading in readings]
    rows = {row.key: row for row in template.active_rows}
    taken: set[tuple[str, str]] = set()
    for (row_key, name), token in tables[0].items():
        if any(table[(row_key, name)] is not token for table in tables[1:]):
            continue  # the runs fit more than one way here
        if not open_(row_key, name):
            continue
        take_block_cell(
            report,
            evidence,
            row_key,
            rows[row_key].field(name),
            token,
            "表二各栏目自上而下跨项印出（先印一栏的表头，再印该栏各项的数字）：按印出顺序与各栏行数读取",
            "table 二 prints each column of the page down across its items (the column's headers, then "
            "its figures item by item): read by the printed order and each column's count of rows",
        )
        taken.add((row_key, name))

    for row in template.active_rows:
        if all((row.key, f.key) in taken for f in row.fields):
            # read as 0 only because its label stood with no figure: every cell now read, that note goes
            cell = f"active.{row.key}"
            evidence.uncertain[:] = [
                u for u in evidence.uncertain if not (u.cell == cell and u.reason_en.endswith(BLANK_ROW_EN))
            ]
