"""Figures of a row placed in their columns by where they stand on a laid-out line.

A Word table leaves a cell blank for none (the five organisation columns of table 三, mostly),
and ``pdftotext -layout`` prints the blank cell as room on the line: ``180   1             3
184`` for seven columns. The figures are in order but which columns the middle ones fill is
lost to a reader of cells; their place on the line keeps it. The row's first and last figures
span the row (自然人 … 总计, as the row's own sum confirms); each figure between them stands at
a fraction of that span, and the columns near that fraction are its candidates. Where the
position leaves two columns open, both placements are readings and the table's arithmetic
chooses (``align.choose``); where it cannot, the column stays unknown. A figure is never
changed, only placed; a column no figure stands in reads 0.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from gongkai.ingest.align import Accept, Reading, Slot, Value
from gongkai.ingest.numbers import CellKind

# A column's centre as a fraction of the row's span from its first column's centre to its last,
# for a table whose first and last columns are wider than the ones between (自然人 and 总计 beside
# five narrow organisation columns, as Word exports print table 三): widths 1.9, 1 … 1, 1.9.
_EDGE_WIDTH = 1.9
# A figure may stand in any column whose centre is this much farther from it than the nearest
# column's: pdftotext's spacing of a line drifts by a character or two (a long label before the
# first figure pushes it right).
_SLACK = 0.09


def _centres(n: int) -> list[float]:
    widths = [_EDGE_WIDTH, *([1.0] * (n - 2)), _EDGE_WIDTH]
    edges = list(itertools.accumulate(widths, initial=0.0))
    mids = [(a + b) / 2 for a, b in itertools.pairwise(edges)]
    span = mids[-1] - mids[0]
    return [(m - mids[0]) / span for m in mids]


def placed_readings(slots: Sequence[Slot], xs: Sequence[float | None], n: int, accept: Accept | None) -> list[Reading]:
    """Readings of a row of ``n`` columns whose figures (fewer than ``n``, no blank cells kept)
    stand on one laid-out line at ``xs``; [] when the row is not that (the caller reads it the
    usual way)."""
    if len(xs) != len(slots):
        return []
    # Empty lines before or after the row's line are blank padding, not cells of the row.
    keep = [i for i, s in enumerate(slots) if s.value.kind is not CellKind.BLANK or xs[i] is not None]
    if keep and (keep[-1] - keep[0] + 1 != len(keep)):
        return []  # a blank cell between the figures: the cells are explicit, not laid out
    slots = [slots[i] for i in keep]
    xs = [xs[i] for i in keep]
    k = len(slots)
    if not 2 <= k < n or n < 3:
        return []
    if any(x is None for x in xs) or any(s.value.kind is not CellKind.NUMBER for s in slots):
        return []
    if len({s.where.split(" part ")[0] for s in slots}) != 1:
        return []  # figures from several lines: their places are not on one scale
    places = [float(x) for x in xs if x is not None]
    first, last = places[0], places[-1]
    if last - first < 2 * n or any(b <= a for a, b in itertools.pairwise(places)):
        return []
    amounts = [s.value.amount for s in slots]
    centres = _centres(n)
    options: list[list[int]] = []
    for place in places[1:-1]:
        fraction = (place - first) / (last - first)
        nearest = min(abs(fraction - c) for c in centres[1:-1])
        options.append([c for c in range(1, n - 1) if abs(fraction - centres[c]) <= nearest + _SLACK])
    found: dict[tuple[Value, ...], Reading] = {}
    missing = n - k
    for middle in itertools.product(*options):
        columns = (0, *middle, n - 1)
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
            missing,
            f"{missing} blank cell(s) left as room on the line; figures placed by where they stand, "
            f"column(s) {blank} read as 0",
            f"该行 {missing} 个空白单元格在行中留作空位；数字按所在位置对应各列，第 {blank} 列（从 0 起）按 0 计",
        )
    return list(found.values())
