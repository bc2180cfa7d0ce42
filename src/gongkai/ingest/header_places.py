"""Figures of a laid-out row set in the columns whose header cells they stand under.

A Word table leaves a cell blank for none, and ``pdftotext -layout`` (or a PDF's laid-out text)
prints the blank cell as room on the line: table 二's ``规章              4           3`` under
``信息内容   本年制发件数   本年废止件数   现行有效件数`` prints two figures for three columns. Which
column is blank, the order of the figures cannot say; where each stands can: a figure set right
under a header cell belongs to its column. A figure is only placed, never changed; a column no
figure stands under reads 0. The placement is taken only where every figure stands clearly
nearer one header cell than any other, and it stays named in ``uncertain``: nothing in table 二's
arithmetic confirms it.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Token
from gongkai.ingest.row_reading import Reading, Value

# Characters: a figure stands under a header cell when it is at least this much nearer to that
# cell's centre than to any other header cell's (pdftotext's spacing of a line drifts by a
# character or two; neighbouring columns stand ten and more apart).
_MARGIN = 4.0


def _line(where: str) -> str:
    return where.split(" part ")[0]


def header_placed(values: Sequence[Token], headers: Sequence[Token]) -> Reading | None:
    """The reading of a row printing fewer figures than its ``headers`` (its columns' header
    cells, in column order), each figure in the column it stands under; None where the row is not
    one line of laid-out text, a header cell's place is not known, or a figure stands between
    two columns (or two figures under one)."""
    figures = [t for t in values if t.value.kind is not CellKind.BLANK]
    n = len(headers)
    if not figures or len(figures) >= n or any(t.x is None for t in (*figures, *headers)):
        return None
    if any(t.value.kind is not CellKind.NUMBER for t in figures) or len({_line(t.where) for t in figures}) != 1:
        return None
    centres = [float(t.x) for t in headers if t.x is not None]
    if any(b <= a for a, b in pairwise(centres)):
        return None
    columns: list[int] = []
    for token in figures:
        x = float(token.x) if token.x is not None else 0.0
        distances = sorted((abs(x - c), i) for i, c in enumerate(centres))
        if distances[1][0] - distances[0][0] < _MARGIN:
            return None
        columns.append(distances[0][1])
    if any(b <= a for a, b in pairwise(columns)):
        return None
    values_out: list[Value] = [0] * n
    wheres: list[str | None] = [None] * n
    units = [""] * n
    for column, token in zip(columns, figures, strict=True):
        values_out[column] = token.value.amount
        wheres[column] = token.where
        units[column] = token.value.unit
    blank = ", ".join(str(i) for i in range(n) if i not in columns)
    return Reading(
        tuple(values_out),
        tuple(wheres),
        tuple(units),
        1,
        f"figures placed in the columns whose headers they stand under; column(s) {blank} printed blank, read as 0",
        f"数字按其所在位置对应上方的列标题；第 {blank} 列（从 0 起）空白，按 0 计",
    )
