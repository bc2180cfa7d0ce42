"""Pipe (Markdown) tables as PDF-to-Markdown converters break them: a cell set on a line of its own.

A converter that loses track of a cell's column prints its figure on a line of its own between
the table's rows (``| 行政强制 | 76 | -3 |`` then ``8844``). The figure belongs to a row next to
it that came out a cell short; which one, only the row widths tell.
"""

from __future__ import annotations

from collections import Counter

from gongkai.ingest.document import Cell
from gongkai.ingest.numbers import CellKind, parse_cell

_MAX_LONE = 3  # figures on one displaced line


def lone_figures(line: str) -> bool:
    """A line of nothing but one to three figures (no pipe): displaced cells."""
    parts = line.split()
    if not parts or len(parts) > _MAX_LONE or "|" in line:
        return False
    return all(parse_cell(part).kind in (CellKind.NUMBER, CellKind.DASH) for part in parts)


def rejoin_displaced(rows: list[list[Cell]], lone: set[int]) -> tuple[list[list[Cell]], list[list[Cell]]]:
    """Put each displaced line's figures back at the end of the row before it, or else of the
    row after it, whichever is narrower than the table's usual width by as many cells. Returns
    the rows and the lines no row lacks (a page number under the table: not a cell)."""
    widths = Counter(len(row) for i, row in enumerate(rows) if i not in lone)
    if not widths:
        return rows, []
    usual = widths.most_common(1)[0][0]
    result: list[list[Cell]] = []
    left: list[list[Cell]] = []
    carry: list[Cell] | None = None  # figures waiting for the row after them
    for i, row in enumerate(rows):
        if i in lone:
            before = result[-1] if result and (i - 1) not in lone else None
            after = rows[i + 1] if i + 1 < len(rows) and (i + 1) not in lone else None
            if before is not None and len(before) + len(row) == usual:
                result[-1] = [*before, *row]
            elif after is not None and len(after) + len(row) == usual:
                carry = row
            else:
                left.append(row)
            continue
        if carry is not None:
            row = [*row, *carry]
            carry = None
        result.append(row)
    return result, left
