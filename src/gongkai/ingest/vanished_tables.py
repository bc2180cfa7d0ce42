"""Whole readings of table 三 made from its rows' options (``vanished_search``): each row's cells as
they may be, its middle figures placed where the table's equations pin them, and the cells every
consistent table agrees on."""

from __future__ import annotations

import itertools
import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

from gongkai.ingest.row_reading import Reading, Value
from gongkai.ingest.table_search import supported_readings, witnessed_readings
from gongkai.ingest.vanished_search import Row
from gongkai.report.equations import Bound

_TABLES = 256  # combinations of the rows' readings checked against the table's equations


@dataclass(frozen=True)
class Shape:
    """Where a row of table 三 prints what: its first column always (自然人), its total always
    (总计, last), the columns between only when not zero."""

    first: int
    total: int
    middle: tuple[int, ...]


def row_shape(bound: Bound, keys: Sequence[Hashable], width: int) -> Shape | None:
    """The row's columns, when each row has the one equation ``total = sum of the others``, the
    total last."""
    found = {tuple(bound.inside(key)) for key in keys}
    if len(found) != 1:
        return None
    (inside,) = found
    if len(inside) != 1:
        return None
    left, right = inside[0]
    total, others = (left[0], right) if len(left) == 1 else (right[0], left) if len(right) == 1 else (-1, ())
    if total != width - 1 or sorted(others) != list(range(width - 1)):
        return None
    return Shape(0, total, tuple(range(1, width - 1)))


Table = dict[Hashable, tuple[int | None, ...]]


def row_cells(option: Row, shape: Shape) -> tuple[int | None, ...]:
    """A row as it may be: first and total known; the middle cells 0 when none printed is other
    than 0 (a dash), the figures left to right when all were printed, else unknown (which
    columns left blank is not said)."""
    first, middles, total = option
    cells: list[int | None] = [None] * (shape.total + 1)
    if first < 0:  # a row no figure was found for
        return tuple(cells)
    cells[shape.first], cells[shape.total] = first, total
    if not any(middles):  # first and total alone add up: every middle cell 0 (none is negative)
        for c in shape.middle:
            cells[c] = 0
    elif len(middles) == len(shape.middle):
        for c, v in zip(shape.middle, middles, strict=True):
            cells[c] = v
    return tuple(cells)


def consistent_tables(
    options: list[set[Row]], keys: Sequence[Hashable], shape: Shape, bound: Bound
) -> list[Table] | None:
    """The tables the rows' options make that break no equation of the table; None past the budget."""
    rows = [sorted({row_cells(o, shape) for o in found}) for found in options]
    count = 1
    for found in rows:
        count *= len(found)
        if count > _TABLES:
            return None
    tables: list[Table] = [{}]
    for key, found in zip(keys, rows, strict=True):
        tables = [{**t, key: cells} for t in tables for cells in found]
    holding = [t for t in tables if not bound.broken(t)]
    # One reading only, and it breaks the table's arithmetic: a report contradicting itself, read
    # as printed (its broken equations are said in ``uncertain``).
    return holding if holding or len(tables) > 1 else tables


def agreed_cells(
    tables: Sequence[Mapping[Hashable, Sequence[int | None]]], keys: Sequence[Hashable], width: int
) -> tuple[dict[Hashable, list[int | None]], dict[tuple[Hashable, int], list[int | None]]]:
    """The cells every table agrees on, and for the others the values the tables give them."""
    decided: dict[Hashable, list[int | None]] = {}
    seen: dict[tuple[Hashable, int], list[int | None]] = {}
    for key in keys:
        decided[key] = []
        for c in range(width):
            found = list(dict.fromkeys(t[key][c] for t in tables))
            if len(found) == 1 and found[0] is not None:
                decided[key].append(found[0])
            else:
                decided[key].append(None)
                seen[(key, c)] = found
    return decided, seen


def middle_placements(option: Row, shape: Shape) -> list[tuple[int | None, ...]]:
    """Every way a row's middle figures may stand in its middle columns: left to right as
    printed, each column that printed nothing 0 (a Word table's blank cell, or an Excel table's
    ``-`` that a narrow column lost from the text). A row no figure was found for: unknown."""
    first, middles, total = option
    width = shape.total + 1
    if first < 0:
        return [(None,) * width]
    out: list[tuple[int | None, ...]] = []
    for columns in itertools.combinations(shape.middle, len(middles)):
        cells: list[int | None] = [0] * width
        cells[shape.first], cells[shape.total] = first, total
        for c, v in zip(columns, middles, strict=True):
            cells[c] = v
        out.append(tuple(cells))
    return out


_EXHAUSTIVE = 4096  # combinations of placements tried one by one; past that the layered search


def placed_tables(options: list[set[Row]], keys: Sequence[Hashable], shape: Shape, bound: Bound) -> list[Table] | None:
    """Tables enough to show every placement of every row that some table keeping all of table
    三's equations uses (each row's figures in order, its other columns 0): the arithmetic of the
    whole table places a row's figures where the columns' sums pin them, and leaves the cells
    the consistent tables disagree on unknown. None where no consistent table is found, or the
    search runs out of budget (the caller then reads the rows without placing them)."""
    choices: dict[Hashable, list[Reading]] = {}
    for key, found in zip(keys, options, strict=True):
        cells = dict.fromkeys(p for o in sorted(found) for p in middle_placements(o, shape))
        choices[key] = [Reading(c, (None,) * len(c), ("",) * len(c), 0, "", "") for c in cells]
    open_rows = [key for key in keys if len(choices[key]) > 1]
    base = {key: choices[key][0].values for key in keys if len(choices[key]) == 1}
    if not open_rows:
        return None  # nothing to place: the rows' own reading stands
    size = math.prod(len(choices[key]) for key in open_rows)
    if size <= _EXHAUSTIVE:
        # Every consistent table, one by one: a row no figure was found for (run into the note
        # under the table) is then what the others leave it in the equations it alone completes.
        unprinted = [key for key in keys if all(o[0] < 0 for o in options[keys.index(key)])]
        tables: list[Table] = []
        for combo in itertools.product(*(choices[key] for key in open_rows)):
            table = {**base, **{key: r.values for key, r in zip(open_rows, combo, strict=True)}}
            if bound.broken(table):
                continue
            completed = _completed(table, unprinted, bound, shape.total + 1)
            if completed is not None:
                tables.append(completed)
        return tables or None
    return searched_tables(choices, open_rows, base, bound)


def searched_tables(
    choices: dict[Hashable, list[Reading]],
    open_rows: list[Hashable],
    base: dict[Hashable, tuple[Value, ...]],
    bound: Bound,
) -> list[Table] | None:
    """The consistent tables the layered search finds past the exhaustive budget (readings every
    such table witnesses, else those some table supports); None where none is found."""
    winners = witnessed_readings(choices, open_rows, base, bound.broken, bound)
    if winners is None:
        winners = supported_readings(choices, open_rows, base, bound.broken, bound)
    return tables_of(winners, open_rows, base) if winners else None


def tables_of(
    combos: Sequence[tuple[Reading, ...]], open_rows: list[Hashable], base: dict[Hashable, tuple[Value, ...]]
) -> list[Table]:
    """The whole tables of ``combos`` (one reading per open row) over the rows ``base`` fixes."""
    fixed: Table = {key: _counts(values) for key, values in base.items()}
    return [{**fixed, **{key: _counts(r.values) for key, r in zip(open_rows, combo, strict=True)}} for combo in combos]


def _completed(
    table: dict[Hashable, tuple[Value, ...]], unprinted: Sequence[Hashable], bound: Bound, width: int
) -> Table | None:
    """``table`` with its unprinted rows' cells worked out where an equation holds one cell of
    such a row and every other cell of it is known (``新收 + 结转 = 总计 + 结转下年``: the last
    row from the others); None where a worked-out cell is no count (negative, a fraction) or the
    table then breaks an equation (two equations giving the cell different values)."""
    filled: Table = {key: _counts(values) for key, values in table.items()}
    parts = bound.parts()
    for key in unprinted:
        units = [bound.terms(key, tuple(int(i == c) for i in range(width))) for c in range(width)]
        cells: list[int | None] = [None] * width
        for e, rows in enumerate(parts):
            columns = [c for c in range(width) if units[c].get(e, 0)]
            others = [filled.get(row) for row in rows if row != key]
            if key not in rows or len(columns) != 1 or any(v is None or None in v for v in others):
                continue
            rest = sum(bound.terms(row, filled[row]).get(e, 0.0) for row in rows if row != key)
            amount = -rest / units[columns[0]][e]
            if amount < 0 or amount != int(amount):
                return None
            cells[columns[0]] = int(amount)
        filled[key] = tuple(cells)
    if unprinted and bound.broken(filled):
        return None
    return filled


def _counts(values: Sequence[Value]) -> tuple[int | None, ...]:
    """A reading's values as the counts they were made from (placements hold counts only)."""
    return tuple(None if v is None else int(v) for v in values)


def one_option_each(options: list[set[Row]]) -> list[tuple[Row, ...]]:
    """Tables enough to show every option of every row (each row's options in turn, the other
    rows at their first): where the options disagree, the cells are left unknown."""
    firsts = [sorted(found)[0] for found in options]
    out = [tuple(firsts)]
    for r, found in enumerate(options):
        for option in sorted(found)[1:]:
            out.append((*firsts[:r], option, *firsts[r + 1 :]))
    return out
