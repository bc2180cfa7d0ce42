"""Rows of table 三 printed a cell a line with every blank cell gone (``pdftotext`` default mode).

A Word table that leaves every zero cell blank — the 自然人 and 总计 columns too, a row of
nothing but zeros an empty row — comes out of ``pdftotext``'s default mode as its row label, then
each printed figure on a line of its own: ``14`` / ``14`` for a row of 14 自然人 applicants,
``3`` / ``1`` / ``4`` for 3 自然人, 1 organisation and their sum. No gap is left where the blank
cells stood (``line_gaps``: there a line break says a blank cell; here every cell breaks the line),
so the text says only the figures' order: the last is the 总计 cell (the sum of the others), the
others stand in the six applicant columns left to right, and a label alone is a row of zeros.

``cell_a_line_readings`` lists every placement of that shape. Where the first figure stands is a
judgement: the 自然人 column is taken unless the table's sums say otherwise (a placement putting
it elsewhere costs one more; a row of 自然人 applicants only is the common one, as a table that
leaves zero cells blank elsewhere, ``run_cuts.sparse_readings``, reads it). Which organisation
columns the other figures took is left to the table's column sums (``table_search``): placements
they cannot tell apart leave those cells unknown. Every reading says what was done, so each row
read so is named in ``uncertain``.

A table is read so only where its rows show the shape (``cell_a_line_table``): no zero printed,
every figure on a line of its own, rows printing no figure, and rows printing fewer figures than
columns whose last is the sum of the others. A label alone is read as a row of zeros only where
no row prints more figures than one row holds (``labels_alone_are_zeros``): a Word copy sets a
run of rows' figures under the first of their labels, and which labels alone they belong to is
not in the text.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from gongkai.ingest.line_gaps import blank_inside, line_of
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Token
from gongkai.ingest.row_reading import Reading, Slot, Value, zero_reading

_MIN_SHORT_ROWS = 2  # rows of fewer figures than columns, adding up, that show the shape
_MAX_READINGS = 64  # readings of one row past which it is not read so


def _figures(slots: Sequence[Slot]) -> list[int] | None:
    """The row's printed counts in order, each on a line of its own; None when one is no plain
    positive count (a zero printed, a fraction, a word) or two share a line."""
    figures: list[int] = []
    lines: set[str] = set()
    for slot in slots:
        if slot.value.kind is CellKind.BLANK:
            continue
        amount = slot.value.amount
        line = line_of(slot.where)
        if type(amount) is not int or amount <= 0 or not line or line in lines:
            return None
        lines.add(line)
        figures.append(amount)
    return figures


def _adds_up(figures: Sequence[int]) -> bool:
    return len(figures) >= 2 and sum(figures[:-1]) == figures[-1]


def cell_a_line_table(rows: Sequence[Sequence[Slot]], n: int) -> bool:
    """Whether table 三 (its rows' printed cells) shows a cell a line with its blank cells gone:
    no zero printed, every figure on a line of its own, some rows with no figure at all and
    some with fewer figures than columns, the last the sum of the others."""
    empty = short = 0
    for slots in rows:
        figures = _figures(slots)
        if figures is None or blank_inside(slots):
            return False  # a blank line between two figures: a text spacing its cells (a Word copy's)
        empty += not figures
        short += len(figures) < n and _adds_up(figures)
    return empty > 0 and short >= _MIN_SHORT_ROWS


def hyphens_dropped(rows: Sequence[Sequence[Token]], n: int) -> bool:
    """Whether table 三 (its rows' printed tokens) prints its zeros as ``-`` and ``pdftotext``'s
    default mode dropped most of them: poppler takes a line ending in ``-`` for a hyphenated word
    and prints it without the ``-`` and without its line break, so a ``-`` cell on a line of its
    own vanishes whenever its flow goes on after it (the last line of a flow keeps it, a ``-``
    beside the next cell on one line too). The table is then one that leaves its zeros blank,
    a cell a line, with a few ``-`` left over. Shown by: ``-`` printed, no ``0`` printed, and rows
    printing fewer cells than columns, ``-`` counted (a table printing every ``-`` prints ``n``)."""
    hyphens = short = 0
    for tokens in rows:
        printed = [t for t in tokens if t.value.kind is not CellKind.BLANK]
        if any(t.value.kind is CellKind.NUMBER and t.value.amount == 0 for t in printed):
            return False
        hyphens += sum(t.value.kind is CellKind.DASH and t.text.strip() == "-" for t in printed)
        short += 2 <= len(printed) < n
    return hyphens > 0 and short >= _MIN_SHORT_ROWS


def without_hyphens(tokens: Sequence[Token]) -> list[Slot]:
    """A row's printed cells without its ``-`` cells (``hyphens_dropped``: where the others went is
    not in the text, so the ones left say no place either; they are zeros like the blank cells)."""
    return [Slot(t.value, t.where) for t in tokens if not (t.value.kind is CellKind.DASH and t.text.strip() == "-")]


def _rows_run_together(figures: Sequence[int]) -> bool:
    """Whether the figures cut into two rows or more, each adding up to its last (``1 1 3 3``)."""
    if _adds_up(figures) and len(figures) >= 2:
        return False
    return any(
        _adds_up(figures[:i]) and (_adds_up(figures[i:]) or _rows_run_together(figures[i:]))
        for i in range(2, len(figures) - 1)
    )


def labels_alone_are_zeros(rows: Sequence[Sequence[Slot]], n: int) -> bool:
    """Whether a label alone in such a table is a row of zeros: no row prints more than one
    row's figures (more than columns, or runs that each add up). Where one does, the figures of
    the rows after it came out under it (a Word copy sets a run of rows' figures before their
    labels), and a label alone may be one of those rows. (A row printing no more than columns
    that does not add up is a report contradicting itself: its table's arithmetic says so.)"""
    for slots in rows:
        figures = _figures(slots)
        if figures and (len(figures) > n or _rows_run_together(figures)):
            return False
    return True


def cell_a_line_readings(slots: Sequence[Slot], n: int, zeros: bool) -> list[Reading]:
    """Every reading of a row of such a table as ``n`` cells: a row of zeros for a label alone
    where ``zeros`` (``labels_alone_are_zeros``); else the last figure in the sum column and the
    others, in order, in any of the other columns (the first in the first column costing least).
    Empty when the row is not of that shape."""
    figures = _figures(slots)
    if figures is None:
        return []
    if not figures:
        if not zeros:
            return []
        return [
            zero_reading(
                n,
                1,
                "the row prints its label and not one figure (a table leaving every zero blank); read as 0",
                "该行只印出标签、未印出任何数字（以空白表示 0 的表格），按 0 计",
            )
        ]
    if len(figures) >= n or not _adds_up(figures):
        return []
    wheres = [s.where for s in slots if s.value.kind is not CellKind.BLANK]
    parts = figures[:-1]
    shown = " ".join(map(str, figures))
    blanks = n - len(figures)
    placements: list[tuple[Value, ...]] = []
    found: list[Reading] = []
    for columns in itertools.combinations(range(n - 1), len(parts)):
        values: list[Value] = [0] * n
        at: list[str | None] = [None] * n
        for column, value, where in zip(columns, parts, wheres, strict=False):
            values[column] = value
            at[column] = where
        values[-1] = figures[-1]
        at[-1] = wheres[-1]
        placements.append(tuple(values))
        found.append(
            Reading(
                tuple(values),
                tuple(at),
                ("",) * n,
                blanks + (columns[0] != 0),
                f"{blanks} blank cell(s) left no trace, a cell a line ({shown}): the last read as the sum, "
                "the others in order, in the columns the table's sums choose (the first 自然人's unless they say not)",
                f"{blanks} 个空白单元格未留痕迹、每格一行（{shown}）：末项为合计，其余按序，列位由表中勾稽关系确定"
                "（首项除勾稽关系另有所示外记为自然人）",
            )
        )
    if len(found) > _MAX_READINGS:
        return []
    return [r._replace(placements=tuple(placements)) for r in found]
