"""Rows of table 三 whose blank cells show only as line breaks (``pdftotext`` default mode).

A report that leaves zero cells blank (a gazette page, printed by chromium) loses them in
``pdftotext``'s default text, but not without a trace: the tool starts a new line wherever a gap
wider than a cell stands between two figures of a row, so ``505`` / ``39 29`` / ``67 640`` is
``505 · 39 29 · 67 640`` (a blank cell or more at each break) and figures on one line stand in
neighbouring columns. ``line_gap_readings`` lists every placement of that shape whose last
figure is the sum of the others (the 总计 column); the first figure may stand in any column (the
自然人 cell may be blank too). Which columns the blank cells took is left to the table's column
sums (``table_search``): readings the sums cannot tell apart leave their cells unknown.

A table is read so only where its rows show the shape (``lined_table``): rows printing fewer
figures than columns, their figures spread over lines of their own.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from gongkai.ingest.numbers import CellKind
from gongkai.ingest.row_reading import Reading, Slot, Value

_MIN_LINED_ROWS = 2  # short rows spread over lines that make a table's line breaks blank cells
_MAX_READINGS = 200  # readings of one row past which it is not read so


def line_of(where: str) -> str:
    """``line 113 part 2`` → ``line 113``; '' for a place that is no line of text."""
    return " ".join(where.split(" ")[:2]) if where.startswith("line ") else ""


def _lines(slots: Sequence[Slot]) -> list[list[Slot]] | None:
    """The row's printed figures grouped by their line, in order; None when a figure has no line
    or is not a plain count (a word, a fraction: not a row of blank-dropping counts)."""
    groups: list[list[Slot]] = []
    last = ""
    for slot in slots:
        if slot.value.kind is CellKind.BLANK:
            continue
        line = line_of(slot.where)
        amount = slot.value.amount
        if not line or not isinstance(amount, int) or amount < 0:
            return None
        if line != last:
            groups.append([])
            last = line
        groups[-1].append(slot)
    return groups


def lined_row(slots: Sequence[Slot], n: int) -> bool:
    """Whether a row prints fewer figures than ``n`` columns over more than one line."""
    groups = _lines(slots)
    return groups is not None and len(groups) >= 2 and sum(map(len, groups)) < n and not blank_inside(slots)


def blank_inside(slots: Sequence[Slot]) -> bool:
    """Whether a blank cell stands between two figures of the row (a text that shows its blank
    cells, a cell a line: there a line break is no blank cell)."""
    printed = [i for i, s in enumerate(slots) if s.value.kind is not CellKind.BLANK]
    return bool(printed) and any(s.value.kind is CellKind.BLANK for s in slots[printed[0] : printed[-1]])


def lined_table(rows: Sequence[Sequence[Slot]], n: int) -> bool:
    """Whether the table's blank cells show as line breaks: some rows print fewer figures than
    columns, spread over lines; no row more figures than columns, nor a blank cell between two."""
    lined = 0
    together = False  # some line prints two figures or more (else: a cell a line, no gap shows)
    for slots in rows:
        if sum(1 for s in slots if s.value.kind is not CellKind.BLANK) > n or blank_inside(slots):
            return False
        lined += lined_row(slots, n)
        groups = _lines(slots)
        together = together or (groups is not None and any(len(group) > 1 for group in groups))
    return lined >= _MIN_LINED_ROWS and together


def _starts(groups: list[list[Slot]], n: int, j: int, column: int) -> Iterator[list[int]]:
    """Start columns of groups j… in a row of ``n`` cells, group j at ``column`` or later (a
    module function, not a closure calling itself: that is a reference cycle left for the cyclic
    collector on every call)."""
    if j == len(groups) - 1:
        if n - len(groups[j]) >= column:
            yield [n - len(groups[j])]
        return
    rest = sum(len(g) + 1 for g in groups[j + 1 :])
    for at in range(column, n - rest - len(groups[j]) + 1):
        for later in _starts(groups, n, j + 1, at + len(groups[j]) + 1):
            yield [at, *later]


def line_gap_readings(slots: Sequence[Slot], n: int) -> list[Reading]:
    """Every reading of ``slots`` as ``n`` cells, each line's figures in neighbouring columns,
    a blank cell or more between lines, the last figure in the sum column and the sum of the
    others. Empty when the row is not of that shape or no placement adds up."""
    groups = _lines(slots)
    if not groups:
        return []
    count = sum(map(len, groups))
    if count >= n or 2 * len(groups) - 1 > n:
        return []
    amounts = [[int(s.value.amount or 0) for s in g] for g in groups]
    if sum(v for g in amounts for v in g) - amounts[-1][-1] != amounts[-1][-1]:
        return []  # the figures do not add up to their last, wherever they stand

    found: list[Reading] = []
    blanks = n - count
    shown = " / ".join(" ".join(str(v) for v in g) for g in amounts)
    for placement in _starts(groups, n, 0, 0):
        values: list[Value] = [0] * n
        wheres: list[str | None] = [None] * n
        for at, group in zip(placement, groups, strict=True):
            for i, slot in enumerate(group):
                values[at + i] = slot.value.amount
                wheres[at + i] = slot.where
        found.append(
            Reading(
                tuple(values),
                tuple(wheres),
                ("",) * n,
                blanks,
                f"{blanks} blank cell(s) left only line breaks ({shown}): each line's figures read as "
                "neighbouring cells, a blank cell or more between lines, the last the sum",
                f"{blanks} 个空白单元格只留下换行（{shown}）：每行数字为相邻单元格，行间至少一个空白单元格，末项为合计",
            )
        )
        if len(found) > _MAX_READINGS:
            return []
    return found


def figure_a_line_table(rows: Sequence[Sequence[Slot]], n: int) -> bool:
    """Whether the table prints every figure on a line of its own with some rows short of
    figures (``pdftotext`` default text of a spreadsheet's cells set far apart, its blank or
    ``-`` cells gone: a lone ``-`` at a line's end is taken for a hyphen and dropped). No line
    break then marks a blank cell: any row may hold fewer figures than columns, blank cells
    anywhere in it (``align.readings``' vanished cells), the table's sums to place them."""
    short = 0
    for slots in rows:
        printed = [s for s in slots if s.value.kind is not CellKind.BLANK]
        if len(printed) > n:
            return False
        lines = [line_of(s.where) for s in printed]
        if "" in lines or len(set(lines)) != len(lines):
            return False  # two figures on one line (their gap may say something), or no line
        short += 2 <= len(printed) < n
    return short >= _MIN_LINED_ROWS
