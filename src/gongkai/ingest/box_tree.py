"""Table 三 printed in pdfminer's order of text boxes (``pdfminer.high_level.extract_text``; the
text pdfplumber and markitdown build on).

pdfminer sets each cell of a ruled table as a text box of its own and orders the boxes by a tree:
it merges the two nearest boxes or groups, again and again, and prints each group's two parts in
reading order (the upper one first, else the left one). A column's cells stand closer to each
other than to the next column's, so the tree's groups are mostly columns, cut where a tall row
leaves a gap; the cuts are the column's own, and several columns cut at one row print their upper
pieces side by side before their lower ones. A row whose figures stand close (two wide figures set
on one line) prints across. No label or header tells where a column's piece ends: read by labels,
most of the table is lost.

The rule: the table's figures (one per line; a line of several figures is one row of adjacent
columns) are a tree of rectangles of the table's cells, each printed whole before the next, cut
either into a left and a right part (left first) or into an upper and a lower one (upper first),
down to single columns (printed top to bottom) and single lines. At most ``_DEPTH`` cuts into
upper and lower parts are nested (a column cut at a tall row, inside a group of columns cut at
another); deeper nesting would print rows one by one, which pdfminer's nearest-first merging does
not. Every such tree whose cells keep every equation (a whole column's, by ``report.equations``,
each row's sum) is a reading; a cell is read where every reading agrees, else left unknown with
the readings' figures named in ``uncertain``. The search keeps at most ``_KEPT`` readings of a
rectangle and ``_STEPS`` steps in all, and gives up past them. It runs only where the readers
before it left a row's worth of cells unread, and takes its reading only where it knows more.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from gongkai.ingest.block_orders import row_equations
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.records import Record, Token, line_number, printed_counts
from gongkai.report.equations import equations, requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_DEPTH = 2  # nested cuts into upper and lower parts (a group's band, a column's tall row)
_KEPT = 20_000  # readings of one rectangle kept at most: more, and the print says too little
_STEPS = 3_000_000  # readings built in all, at most

Columns = tuple[tuple[int, ...], ...]  # a rectangle's reading: its columns, each top to bottom
Coefficients = list[list[int]]


class _Exhausted(Exception):
    """The search passed its bound."""


class _Search:
    """The readings of the rectangles of a table from one start in the printed lines."""

    def __init__(
        self, lines: list[tuple[int, ...]], rows: int, width: int, across: Coefficients, down: Coefficients
    ) -> None:
        self.lines = lines
        self.rows, self.width = rows, width
        # a row's equations over its columns, a column's over its rows: (cells added, cells taken)
        self.across, self.down = _sides(across), _sides(down)
        self.start = [0]
        for line in lines:
            self.start.append(self.start[-1] + len(line))
        self.line_at = {n: i for i, n in enumerate(self.start)}
        self.memo: dict[tuple[int, int, int, int, int, int], set[Columns]] = {}
        self.steps = 0

    def _columns_hold(self, reading: Columns) -> bool:
        for column in reading:
            for plus, minus in self.down:
                if sum(column[k] for k in plus) != sum(column[k] for k in minus):
                    return False
        return True

    def _rows_hold(self, reading: Columns) -> bool:
        for row in zip(*reading, strict=True):
            for plus, minus in self.across:
                if sum(row[k] for k in plus) != sum(row[k] for k in minus):
                    return False
        return True

    def read(self, i: int, top: int, bottom: int, left: int, right: int, depth: int) -> set[Columns]:
        """The readings of rows [top, bottom) × columns [left, right) printed from line ``i``."""
        key = (i, top, bottom, left, right, depth)
        found = self.memo.get(key)
        if found is not None:
            return found
        height, wide = bottom - top, right - left
        out: set[Columns] = set()
        end = self.line_at.get(self.start[i] + height * wide)
        if end is None:
            self.memo[key] = out
            return out
        if wide == 1:
            if all(len(line) == 1 for line in self.lines[i:end]):
                out.add((tuple(line[0] for line in self.lines[i:end]),))
            self.memo[key] = out
            return out
        if height == 1 and end == i + 1 and len(self.lines[i]) == wide:
            out.add(tuple((v,) for v in self.lines[i]))
        full_width, full_height = wide == self.width, height == self.rows

        def add(reading: Columns, check: bool) -> None:
            self.steps += 1
            if self.steps > _STEPS:
                raise _Exhausted
            if check:
                out.add(reading)
                if len(out) > _KEPT:
                    raise _Exhausted

        for cut in range(left + 1, right):  # left part, then right part
            lefts = self.read(i, top, bottom, left, cut, depth)
            if lefts:
                rights = self.read(self.line_at[self.start[i] + height * (cut - left)], top, bottom, cut, right, depth)
                for a in lefts:  # each part's columns already checked where it is whole
                    for b in rights:
                        add(a + b, not full_width or self._rows_hold(a + b))
        if depth:
            for cut in range(top + 1, bottom):  # upper part, then lower part
                uppers = self.read(i, top, cut, left, right, depth - 1)
                if uppers:
                    lowers = self.read(
                        self.line_at[self.start[i] + wide * (cut - top)], cut, bottom, left, right, depth - 1
                    )
                    for a in uppers:  # each part's rows already checked where it is whole
                        for b in lowers:
                            joined = tuple(x + y for x, y in zip(a, b, strict=True))
                            add(joined, not full_height or self._columns_hold(joined))
        self.memo[key] = out
        return out


def _sides(coefficients: Coefficients) -> list[tuple[list[int], list[int]]]:
    return [([k for k, c in enumerate(eq) if c > 0], [k for k, c in enumerate(eq) if c < 0]) for eq in coefficients]


def _lines(tokens: list[Token]) -> list[list[Token]] | None:
    """The figures grouped by the line they were printed on, in order; None where a figure names
    no line or the lines go back."""
    lines: list[list[Token]] = []
    last = -1
    for token in tokens:
        n = line_number(token)
        if n is None or n < last:
            return None
        if n == last:
            lines[-1].append(token)
        else:
            lines.append([token])
        last = n
    return lines


def _column_equations(template: Template, keys: Sequence[Hashable]) -> Coefficients | None:
    """Each column's own equations as coefficients over the rows (the same in every column)."""
    index = {key: i for i, key in enumerate(keys)}
    found: dict[str | int, list[list[int]]] = {}
    for eq in equations(template):
        cells = eq.cells
        if any(c.table != "requests" for c in cells) or len({c.column for c in cells}) != 1:
            continue
        row = [0] * len(keys)
        for cell in eq.left:
            row[index[cell.row]] += 1
        for cell in eq.right:
            row[index[cell.row]] -= 1
        found.setdefault(next(iter(cells)).column, []).append(row)
    kinds = {tuple(map(tuple, rows)) for rows in found.values()}
    if len(found) != len(template.request_columns) or len(kinds) != 1:
        return None
    return [list(r) for r in kinds.pop()]


def _unread(report: Report) -> int:
    return sum(1 for values in report.requests.values() for v in values if v is None)


def read_box_tree(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Read table 三 from its figures in pdfminer's order of boxes, where the readers before left at
    least a row's worth of its cells unread; ``records``: table 三's."""
    keys: Sequence[Hashable] = [row.key for row in template.request_rows]
    rows, width = len(keys), len(template.request_columns)
    if _unread(report) < rows:
        return  # table 三 read (the usual case)
    tokens = printed_counts(records)
    if tokens is None or len(tokens) < rows * width:
        return
    grouped = _lines(tokens)
    across = row_equations(requests_bound(template.id), keys, width)
    down = _column_equations(template, keys)
    if grouped is None or across is None or down is None:
        return
    lines = [tuple(int(t.value.amount or 0) for t in line) for line in grouped]
    search = _Search(lines, rows, width, across, down)
    readings: set[Columns] = set()
    try:
        for i in range(len(lines)):
            if search.start[i] + rows * width in search.line_at:
                found = search.read(i, 0, rows, 0, width, _DEPTH)
                if found:
                    readings |= found
                    first = grouped[i:]
    except _Exhausted:
        return
    if not readings:
        return
    _take(keys, width, list(readings), first[0][0], report, evidence)


def _take(
    keys: Sequence[Hashable], width: int, readings: list[Columns], token: Token, report: Report, evidence: Evidence
) -> None:
    known = sum(1 for x in range(len(keys) * width) if len({r[x % width][x // width] for r in readings}) == 1)
    if known <= len(keys) * width - _unread(report):
        return  # the reading by labels knows as much
    evidence.forget("requests.")
    for i, key in enumerate(keys):
        report.requests[str(key)] = [
            readings[0][c][i] if len({r[c][i] for r in readings}) == 1 else None for c in range(width)
        ]
    evidence.doubt(
        "requests",
        None,
        "表三按文本框的合并次序印出（pdfminer：各列分段，段界不由表头或标签标明）：按各列与各行的勾稽关系读出",
        "table 三 prints in pdfminer's order of text boxes (columns in pieces, no header or label "
        "marking where a piece ends): read by every column's and row's equations",
        token.where,
    )
    for i, key in enumerate(keys):
        for c in range(width):
            seen = sorted({r[c][i] for r in readings})
            if len(seen) > 1:
                evidence.undecided(
                    f"requests.{key}[{c}]",
                    seen,
                    zh="此格在符合勾稽关系的各种读法中数字不同（{readings}），记为未知",
                    en="the readings that keep every equation differ here ({readings}); left unknown",
                    where=token.where,
                )
