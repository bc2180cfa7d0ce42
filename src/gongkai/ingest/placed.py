"""Figures of a row placed in their columns by where they stand on a laid-out line.

A Word table leaves a cell blank for none (the five organisation columns of table 三, mostly),
and ``pdftotext -layout`` prints the blank cell as room on the line: ``180   1             3
184`` for seven columns. The figures are in order but which columns the middle ones fill is
lost to a reader of cells; their place on the line keeps it. The row's first and last figures
span the row (自然人 … 总计, as the row's own sum confirms); each figure between them stands at
a fraction of that span, and the columns near that fraction are its candidates. Where the
position leaves two columns open, both placements are readings and the table's arithmetic
chooses (``table_choice.choose``); where it cannot, the column stays unknown. A figure is never
changed, only placed; a column no figure stands in reads 0.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from gongkai.ingest.column_places import ColumnMap, columns_of
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.row_reading import Accept, Reading, Slot, Value

# A column's centre as a fraction of the row's span from its first column's centre to its last,
# for a table whose first and last columns are wider than the ones between (自然人 and 总计 beside
# five narrow organisation columns, as Word exports print table 三): widths 1.9, 1 … 1, 1.9.
_EDGE_WIDTH = 1.9
# A figure may stand in any column whose centre is this much farther from it than the nearest
# column's: pdftotext's spacing of a line drifts by a character or two (a long label before the
# first figure pushes it right).
_SLACK = 0.09
# ``wide``: a figure may stand a column farther off than that (a page printed on a scale of its
# own), not more: each figure's candidates stay few, and the table's search small.
_WIDE_SLACK = 0.16


def _centres(n: int) -> list[float]:
    widths = [_EDGE_WIDTH, *([1.0] * (n - 2)), _EDGE_WIDTH]
    edges = list(itertools.accumulate(widths, initial=0.0))
    mids = [(a + b) / 2 for a, b in itertools.pairwise(edges)]
    span = mids[-1] - mids[0]
    return [(m - mids[0]) / span for m in mids]


def _laid_out(slots: Sequence[Slot], xs: Sequence[float | None], n: int) -> tuple[list[Slot], list[float]] | None:
    """The row's figures and their places when it is a row of fewer figures than columns on one
    laid-out line; None otherwise."""
    if len(xs) != len(slots):
        return None
    # Empty lines before or after the row's line are blank padding, not cells of the row.
    keep = [i for i, s in enumerate(slots) if s.value.kind is not CellKind.BLANK or xs[i] is not None]
    if keep and (keep[-1] - keep[0] + 1 != len(keep)):
        return None  # a blank cell between the figures: the cells are explicit, not laid out
    figures = [slots[i] for i in keep]
    places = [xs[i] for i in keep]
    if not 2 <= len(figures) < n or n < 3:
        return None
    if any(x is None for x in places) or any(s.value.kind is not CellKind.NUMBER for s in figures):
        return None
    if len({s.where.split(" part ")[0] for s in figures}) != 1:
        return None  # figures from several lines: their places are not on one scale
    found = [float(x) for x in places if x is not None]
    if any(b <= a for a, b in itertools.pairwise(found)):
        return None
    return figures, found


_SAME_PLACE = 1.0  # characters: two figures this near stand in the same column
_MAJORITY = 0.6
_OWN_COLUMN = 1.0  # column widths right of the first column: a figure there is not in it


def first_column_places(rows: Sequence[tuple[Sequence[Slot], Sequence[float | None]]], n: int) -> list[float | None]:
    """For each row, where its table prints the first column (自然人), when the rows laid out on
    the same scale agree on it: the rows whose last figure (总计, printed whenever the row has a
    figure) stands at the same place, most of them with their first figure at one place. None
    where they do not agree (lines whose labels push their figures right)."""
    laid = [_laid_out(slots, xs, n) for slots, xs in rows]
    ends = [(found[1][0], found[1][-1]) if found else None for found in laid]
    anchors: list[float | None] = []
    for end in ends:
        if end is None:
            anchors.append(None)
            continue
        # Rows as wide as the table (their first figure 自然人) say where its first column is.
        firsts = [e[0] for e in ends if e is not None and abs(e[1] - end[1]) <= _SAME_PLACE and e[1] - e[0] >= 2 * n]
        if not firsts:
            anchors.append(None)
            continue
        mode = max(firsts, key=lambda x: sum(1 for y in firsts if abs(y - x) <= _SAME_PLACE))
        agree = sum(1 for y in firsts if abs(y - mode) <= _SAME_PLACE)
        anchors.append(mode if len(firsts) >= 3 and agree >= _MAJORITY * len(firsts) else None)
    return anchors


def placed_readings(
    slots: Sequence[Slot],
    xs: Sequence[float | None],
    n: int,
    accept: Accept | None,
    first_column: float | None = None,
    maps: Sequence[ColumnMap] = (),
    fractions: Sequence[float] | None = None,
    wide: bool = False,
) -> list[Reading]:
    """Readings of a row of ``n`` columns whose figures (fewer than ``n``, no blank cells kept)
    stand on one laid-out line at ``xs``; [] when the row is not that (the caller reads it the
    usual way). ``first_column``: where the table prints its first column on this row's scale
    (``first_column_places``); a first figure a column or more right of it stands in a later
    column (a blank 自然人 cell), else the row's first figure is taken to be the first column.
    ``fractions``: each column's place as a fraction of the row's span where the table's header
    says (``header_columns.header_fractions``), instead of the usual proportions. ``wide``: the
    middle columns up to one farther off a candidate for each middle figure (in order, each off
    its nearest column costing one more), for a table whose places broke its sums (``placed_wide``)."""
    laid = _laid_out(slots, xs, n)
    if laid is None:
        return []
    figures, places = laid
    first, last = places[0], places[-1]
    centres = list(fractions) if fractions is not None and len(fractions) == n else _centres(n)
    options: list[list[int]] | None
    nearest_columns: list[int]
    if (
        first_column is not None
        and last - first_column >= 2 * n
        and first - first_column > _OWN_COLUMN * (last - first_column) / (n - 1)
    ):
        # 自然人 blank: every figure but the last placed between the table's first column and 总计.
        start, placed, options, nearest_columns = first_column, places[:-1], [], []
    elif last - first < 2 * n:
        start, placed, options, nearest_columns = first, [], None, []
    else:
        start, placed, options, nearest_columns = first, places[1:-1], [[0]], [0]
    for place in placed:
        fraction = (place - start) / (last - start)
        nearest = min(abs(fraction - c) for c in centres[1:-1])
        if options is not None:
            slack = _WIDE_SLACK if wide else _SLACK
            options.append([c for c in range(1, n - 1) if abs(fraction - centres[c]) <= nearest + slack])
        nearest_columns.append(min(range(1, n - 1), key=lambda c: abs(fraction - centres[c])))
    # Where the table's columns are known from its fuller rows, each figure is in the column
    # printed at its place; where they leave two maps, the one nearer the fractions costs less.
    mapped = _mapped_readings(figures, places, n, accept, maps, nearest_columns if options is not None else None)
    if options is None or (mapped and not wide):
        return mapped
    if not wide:
        return _readings(figures, options, n, accept, nearest_columns)
    found = {r.values: r for r in _readings(figures, options, n, accept, nearest_columns)}
    for reading in mapped:  # a column map's reading costs what it cost there, where cheaper
        if reading.values not in found or reading.cost < found[reading.values].cost:
            found[reading.values] = reading
    return sorted(found.values(), key=lambda r: r.cost)


def _readings(
    slots: Sequence[Slot], options: list[list[int]], n: int, accept: Accept | None, nearest: Sequence[int] = ()
) -> list[Reading]:
    """One reading per way of putting each figure but the last in one of its candidate columns
    (``options``, in order; the last figure in the last column) that the row's sum accepts.
    A figure put in another column than the one it stands nearest (``nearest``) costs one more:
    where the table's sums hold either way, the place on the line decides (still a reading the
    sums cannot confirm, so it stays named in ``uncertain``)."""
    amounts = [s.value.amount for s in slots]
    found: dict[tuple[Value, ...], Reading] = {}
    missing = n - len(slots)
    for head in itertools.product(*options):
        columns = (*head, n - 1)
        if any(b <= a for a, b in itertools.pairwise(columns)):
            continue
        values: list[Value] = [0] * n
        wheres: list[str | None] = [None] * n
        units = [""] * n
        for column, slot, amount in zip(columns, slots, amounts, strict=True):
            values[column] = amount
            wheres[column] = slot.where
            units[column] = slot.value.unit
        key = tuple(values)
        if key in found or (accept is not None and not accept(key)):
            continue
        blank = ", ".join(str(c) for c in range(n) if c not in columns)
        found[key] = Reading(
            key,
            tuple(wheres),
            tuple(units),
            missing + sum(1 for column, near in zip(head, nearest, strict=False) if column != near),
            f"{missing} blank cell(s) left as room on the line; figures placed by where they stand, "
            f"column(s) {blank} read as 0",
            f"该行 {missing} 个空白单元格在行中留作空位；数字按所在位置对应各列，第 {blank} 列（从 0 起）按 0 计",
        )
    return list(found.values())


def _mapped_readings(
    figures: Sequence[Slot],
    places: Sequence[float],
    n: int,
    accept: Accept | None,
    maps: Sequence[ColumnMap],
    nearest: Sequence[int] | None,
) -> list[Reading]:
    """The readings putting each figure in the column its table prints at its place
    (``column_places.column_maps``), one per possible map of the columns, each costing one more
    for every figure off the column ``nearest`` (its fraction of the row; None: no fraction to go
    by) puts it in; [] where a figure stands in no column of any map, or the row's sum rejects
    every placement."""
    found: dict[tuple[Value, ...], Reading] = {}
    for columns in maps:
        placed = columns_of(places, columns)
        if placed is None or placed[-1] != n - 1:
            continue
        for reading in _readings(figures, [[c] for c in placed[:-1]], n, accept, nearest or placed[:-1]):
            if reading.values not in found or reading.cost < found[reading.values].cost:
                found[reading.values] = reading
    return sorted(found.values(), key=lambda r: r.cost)
