"""Table 四 printed as several tables: half-tables stacked in one table (行政复议's header and row
over 行政诉讼's), or two tables one after the other whose rows are put back together as the one row
of fifteen cells; where each table's cells ran together (crawler text), its runs are cut table by
table."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from gongkai.ingest.align import readings
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, cached_key
from gongkai.ingest.row_reading import Reading, Slot, Value
from gongkai.ingest.run_cuts import broken_group_readings
from gongkai.ingest.vocabulary import vocabulary


def split_table(records: list[Record], biggest: Record, cells: int, width: int) -> tuple[Record, list[PrintedTable]]:
    """Table 四 printed as two tables (行政复议's five columns, then 行政诉讼's ten): when no row
    holds all fifteen cells but the rows of figures hold whole groups (five, ten) that make
    exactly fifteen, they are the one row, in their printed order. Figures of prose after the
    table (a run of single figures) never make whole groups. Where the cells of each table ran
    together (crawler text: ``总计 631212`` / ``…总计 15132211444527``), the runs are the one row
    when each table's header names its own groups and the tables together name every group
    once; the tables are then returned too, for their runs to be cut table by table (a run never
    spans two tables). A half-table's row padded with a page grid's blank cells (markitdown) is
    no row of fifteen cells (``_whole_row``)."""
    figures = [[t for t in record.values if t.value.kind is not CellKind.BLANK] for record in records]
    parts = [(record, found) for record, found in zip(records, figures, strict=True) if found]
    if _whole_row(biggest, cells // width, width) or len(parts) < 2:
        return biggest, []
    count = sum(len(found) for _, found in parts)
    whole_groups = count == cells and not any(len(found) % width for _, found in parts)
    tables = [] if whole_groups or count >= cells else _runs_of_named_groups(parts, cells, width)
    if not whole_groups and not tables:
        return biggest, []
    first = parts[0][0]
    return Record(first.labels, [t for _, found in parts for t in found], first.table), tables


def _whole_row(record: Record, groups: int, width: int) -> bool:
    """Whether ``record`` holds a cell for every column of table 四. Blank cells count, except in
    a half-table on a page grid (``_on_wider_grid``), where a row's blanks are the page's columns."""
    if _on_wider_grid(record, groups, width):
        return sum(t.value.kind is not CellKind.BLANK for t in record.values) >= groups * width
    return len(record.values) >= groups * width


def _on_wider_grid(record: Record, groups: int, width: int) -> bool:
    """Whether ``record`` is a half-table's row (its header names some groups of table 四, not all)
    set on more pipe cells than those groups' columns: a converter that lays a whole page on one
    grid of cells (markitdown, ``page_grid``) pads a narrow table with blank cells of the page."""
    named = _groups_named(record)
    return 0 < len(named) < groups and len(record.values) > width * len(named) and _whole_cells(record.values)


def _whole_cells(tokens: list[Token]) -> bool:
    """Whether ``tokens`` are a table's delimited cells (HTML, Word, PDF), blank ones kept."""
    return all(" cell " in t.where and " part " not in t.where for t in tokens)


def stacked_cells(records: list[Record], groups: list[str], width: int) -> Record | None:
    """Table 四 printed as half-tables stacked in one table (行政复议's header and row of cells over
    行政诉讼's): each row of figures holds exactly the cells of the groups its own header names,
    blank cells (zeros left blank) being cells. The rows' cells in the template's group order, as
    one row of every cell; None unless every group is named once by such a row."""
    by_group: dict[str, list[Token]] = {}
    first: Record | None = None
    for record in records:
        if not record.values:
            continue
        named = _groups_named(record)
        if not named or len(record.values) != width * len(named) or not _whole_cells(record.values):
            return None
        for at, group in enumerate(named):
            if group in by_group:
                return None
            by_group[group] = record.values[at * width : (at + 1) * width]
        first = first or record
    if first is None or sorted(by_group) != sorted(groups):
        return None
    return Record(first.labels, [t for group in groups for t in by_group[group]], first.table)


@dataclass(frozen=True)
class PrintedTable:
    """One of the tables table 四 was printed as: its groups and the figures under them."""

    groups: tuple[str, ...]
    slots: tuple[Slot, ...]


_MAX_TABLE_READINGS = 4096  # readings of the tables together that the group sums may weigh


def table_by_table(
    tables: list[PrintedTable], width: int, group_check: Callable[[Hashable], Callable[[tuple[Value, ...]], bool]]
) -> list[Reading]:
    """The readings of table 四 printed as several tables whose cells ran together: each
    table's runs cut by its own groups' sums (where a group's total contradicts its parts, by
    the others'), the tables' readings then put side by side. Empty when they are too many."""
    per_table: list[list[Reading]] = []
    for table in tables:
        n = width * len(table.groups)

        def adds_up(values: tuple[Value, ...], names: tuple[str, ...] = table.groups) -> bool:
            return all(group_check(g)(values[i * width : (i + 1) * width]) for i, g in enumerate(names))

        found = [
            r
            for r in readings(list(table.slots), n, adds_up, fixed_width=True, groups=(width,) * len(table.groups))
            if adds_up(r.values)
        ]
        if not found:
            found = broken_group_readings(table.slots, n, (width,) * len(table.groups))
        if not found:
            return []
        per_table.append(found)
    if math.prod(len(found) for found in per_table) > _MAX_TABLE_READINGS:
        return []
    combined: list[Reading] = []
    for combo in itertools.product(*per_table):
        hows = [r for r in combo if r.how]
        combined.append(
            Reading(
                tuple(v for r in combo for v in r.values),
                tuple(w for r in combo for w in r.wheres),
                tuple(u for r in combo for u in r.units),
                sum(r.cost for r in combo),
                "; ".join(dict.fromkeys(r.how for r in hows)),
                "；".join(dict.fromkeys(r.how_zh for r in hows)),
            )
        )
    return combined


def _runs_of_named_groups(parts: list[tuple[Record, list[Token]]], cells: int, width: int) -> list[PrintedTable]:
    """The tables, where each record of figures is a table of its own whose header names its
    groups, the groups of all of them every group of table 四 once, and its figures plain digit
    runs with at least a digit and at most a figure per cell of its groups; else none."""
    named = [_groups_named(record) for record, _ in parts]
    every = [group for found in named for group in found]
    if not all(named) or len(every) != len(set(every)) or len(every) * width != cells:
        return []
    for found, (_, tokens) in zip(named, parts, strict=True):
        if any(not t.value.digits or t.value.kind is not CellKind.NUMBER for t in tokens):
            return []
        digits = sum(len(t.value.digits) for t in tokens)
        if len(tokens) > len(found) * width or digits < len(found) * width:
            return []
    return [
        PrintedTable(tuple(found), tuple(Slot(t.value, t.where) for t in tokens))
        for found, (_, tokens) in zip(named, parts, strict=True)
    ]


def _groups_named(record: Record) -> list[str]:
    """The groups of table 四 a record's labels name (行政复议情况 names review)."""
    groups = vocabulary().appeal_groups
    named: list[str] = []
    for token in record.labels:
        key = cached_key(token.text)
        for label, group in groups.items():
            if label in key and group not in named:
                named.append(group)
    return named
