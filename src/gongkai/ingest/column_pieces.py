"""Table 三 printed as column pieces in an order no header tells (``pdftotext`` default mode).

A chromium print whose column headers are rotated (自然人 … 总计 turned on their side) gives
``pdftotext`` no line of headers to order the columns by: it follows each column down the page as
a flow of its own, cut wherever a tall row (a label wrapped over three lines) leaves a gap, and
prints those pieces one figure a line, a blank line between pieces, in an order that is neither
the columns' nor the rows' (the rotated headers come out reversed, 构机务服律法, among them, and
not before their own column). Split by labels, the page's figures land partly in table 二's part
and partly in table 四's, and no reader of blocks finds the table.

What the print still tells: the page holding the table holds exactly its cells; every column is
cut into the same pieces (the tall rows cut all columns alike), so the pieces' sizes come in
groups of seven; in each group, one piece is the sum of the other six (the 总计 column), and the
order of the groups down the table is the one the column equations confirm. Which of the other
six pieces is which column no equation tells (自然人 … 其他 enter every equation alike): a row's
cells of those columns are known only where the six pieces agree there (a row of zeros, the usual
case); elsewhere they are left unknown, the figures printed in the row named as the alternatives.
The reader runs only where the readers before it left table 三 largely unread, and takes its
reading only where it breaks no equation.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Hashable, Sequence
from itertools import pairwise, permutations

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.records import Record, Token, line_number, printed_counts
from gongkai.ingest.column_blocks import row_equations
from gongkai.report.equations import requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_PAGE_BREAK = "\x0c"
_MAX_SEGMENTS = 6  # row pieces per column: more, and the orders to try grow past the bound below
_MAX_ORDERS = 720  # orders of the pieces down the table tried, at most
_MIN_FIGURE_PIECES = 2  # a column in one piece is a table the readers of blocks read

Cell = int | None


class _Segment:
    """The rows one group of pieces covers: per row, its cells (None: unknown) and, where the
    columns other than 总计 disagree, the figures printed in that row."""

    def __init__(self, cells: list[list[Cell]], printed: list[list[int]], tokens: list[list[Token]]) -> None:
        self.cells = cells
        self.printed = printed
        self.tokens = tokens  # per row, the 总计 piece's figure (where known), for provenance


def _pages(records: list[Record]) -> list[list[Token]]:
    """The printed figures of ``records`` page by page (a page begins at a form feed)."""
    starts = sorted(
        {
            n
            for r in records
            for t in (*r.labels, *r.values)
            if t.text.startswith(_PAGE_BREAK) and (n := line_number(t)) is not None
        }
    )
    pages: dict[int, list[Token]] = {}
    for record in records:
        printed = printed_counts([record])
        if printed is None:
            printed = []  # a word or a fraction (table 二's fees): no count of table 三
        for token in printed:
            n = line_number(token)
            if n is None:
                return []  # figures that name no line: not a text of lines and pages
            pages.setdefault(bisect_right(starts, n), []).append(token)
    return list(pages.values())


def _pieces(tokens: list[Token]) -> list[list[Token]] | None:
    """The figures cut where a line without a figure comes between two; None where two figures
    share a line (a row's cells side by side: no print of one column at a time)."""
    pieces: list[list[Token]] = [[tokens[0]]]
    for before, token in pairwise(tokens):
        a, b = line_number(before), line_number(token)
        if a is None or b is None or b <= a:
            return None
        if b == a + 1:
            pieces[-1].append(token)
        else:
            pieces.append([token])
    return pieces


def _amounts(piece: list[Token]) -> tuple[int, ...]:
    return tuple(int(t.value.amount or 0) for t in piece)


def _segment(pieces: list[list[Token]], total: int) -> _Segment | None:
    """The rows one group of pieces (one a column) covers, where one piece is the sum of the others;
    None where none is."""
    values = [_amounts(p) for p in pieces]
    rows = len(values[0])
    sums = [sum(v[k] for v in values) for k in range(rows)]
    candidates = [i for i, v in enumerate(values) if all(2 * v[k] == sums[k] for k in range(rows))]
    if not candidates:
        return None
    width = len(pieces)
    cells: list[list[Cell]] = []
    printed: list[list[int]] = []
    tokens: list[list[Token]] = []
    for k in range(rows):
        row_cells: list[Cell] | None = None
        seen: set[int] = set()
        for c in candidates:
            others = {values[i][k] for i in range(width) if i != c}
            seen |= others
            one = next(iter(others)) if len(others) == 1 else None
            reading: list[Cell] = [one] * width
            reading[total] = values[c][k]
            row_cells = reading if row_cells is None else [a if a == b else None for a, b in zip(row_cells, reading)]
        assert row_cells is not None
        cells.append(row_cells)
        printed.append(sorted(seen) if len(seen) > 1 else [])
        tokens.append([pieces[candidates[0]][k]] if len(candidates) == 1 else [])
    return _Segment(cells, printed, tokens)


def _alike(pieces: list[list[Token]], width: int) -> _Segment | None:
    """The rows of several groups of pieces of one size (which piece is which row no size tells):
    known only where every piece is the same (a row of zeros in every column)."""
    values = {_amounts(p) for p in pieces}
    if len(values) != 1:
        return None
    (one,) = values
    return _Segment([[v] * width for v in one], [[] for _ in one], [[] for _ in one])


def _segments(pieces: list[list[Token]], width: int, rows: int, total: int) -> dict[int, list[_Segment]] | None:
    """The groups of pieces by size (each size's groups in the order of the table's rows still to
    find), where every size comes in whole groups of ``width`` and the groups cover the rows."""
    sizes = Counter(len(p) for p in pieces)
    if any(count % width for count in sizes.values()):
        return None
    if sum(size * count // width for size, count in sizes.items()) != rows:
        return None
    if sum(count // width for count in sizes.values()) > _MAX_SEGMENTS:
        return None
    found: dict[int, list[_Segment]] = {}
    for size, count in sizes.items():
        of_size = [p for p in pieces if len(p) == size]
        groups = count // width
        segment = _segment(of_size, total) if groups == 1 else _alike(of_size, width)
        if segment is None:
            return None
        found[size] = [segment] * groups
    return found


def _adds_up(template: Template, total: int) -> bool:
    """Whether a row of table 三 holds one equation of its own: its other columns add up to 总计."""
    keys = [row.key for row in template.request_rows]
    width = len(template.request_columns)
    inside = row_equations(requests_bound(template.id), keys, width)
    if inside is None or len(inside) != 1:
        return False
    (coefficients,) = inside
    return all(c == (-1 if i == total else 1) for i, c in enumerate(coefficients))


def _unread(report: Report) -> int:
    return sum(1 for values in report.requests.values() for v in values if v is None)


def read_column_pieces(
    template: Template, records: list[Record], report: Report, evidence: Evidence, stated: dict[str, int]
) -> None:
    """Read table 三 from the page that prints it as column pieces, where the readers before left
    at least a row's worth of its cells unread; ``records``: every record of the document;
    ``stated``: the totals the prose states (they decide between orders the arithmetic cannot)."""
    keys: Sequence[Hashable] = [row.key for row in template.request_rows]
    rows, width = len(keys), len(template.request_columns)
    if _unread(report) < rows:
        return  # table 三 read (the usual case)
    total = template.total_column
    if not _adds_up(template, total):
        return
    for page in _pages(records):
        if len(page) != rows * width:
            continue
        pieces = _pieces(page)
        if pieces is None or len(pieces) < width * _MIN_FIGURE_PIECES:
            continue
        segments = _segments(pieces, width, rows, total)
        if segments is None:
            continue
        reading = _order(template, keys, width, total, segments, stated)
        if reading is not None and _known(reading) > rows * width - _unread(report):
            _take(keys, width, total, reading, page, report, evidence)
        return


_Reading = tuple[list[list[Cell]], list[list[int]], list[list[Token]]]


def _known(reading: _Reading) -> int:
    return sum(1 for row in reading[0] for v in row if v is not None)


def _order(
    template: Template,
    keys: Sequence[Hashable],
    width: int,
    total: int,
    segments: dict[int, list[_Segment]],
    stated: dict[str, int],
) -> _Reading | None:
    """The cells of the orders of the groups down the table that break no equation and satisfy the
    most (of those, the ones whose 总计 column the prose's totals agree with), cells where those
    orders differ unknown; None where every order breaks one."""
    bound = requests_bound(template.id)
    sizes = [size for size, groups in segments.items() for _ in groups]
    orders = sorted(set(permutations(sizes)))[:_MAX_ORDERS]
    best: list[_Reading] = []
    best_satisfied = -1
    for order in orders:
        cells: list[list[Cell]] = []
        printed: list[list[int]] = []
        tokens: list[list[Token]] = []
        for size in order:
            segment = segments[size][0]
            cells += segment.cells
            printed += segment.printed
            tokens += segment.tokens
        table = {key: tuple(cells[i]) for i, key in enumerate(keys)}
        satisfied, broken = bound.score(table)
        if broken or satisfied < best_satisfied:
            continue
        if satisfied > best_satisfied:
            best, best_satisfied = [], satisfied
        best.append((cells, printed, tokens))
    if not best:
        return None
    said = [(keys.index(place[len("requests.") :]), n) for place, n in stated.items() if place[len("requests.") :] in keys]
    agreeing = [r for r in best if all(r[0][i][total] in (None, n) for i, n in said)]
    if agreeing:
        best = agreeing
    cells, printed, tokens = best[0]
    for other, other_printed, _ in best[1:]:
        for i in range(len(cells)):
            if cells[i] != other[i] or printed[i] != other_printed[i]:
                cells[i] = [None] * width
                printed[i] = sorted({*printed[i], *other_printed[i], *(v for v in other[i] if v is not None)})
                tokens[i] = []
    return cells, printed, tokens


def _take(
    keys: Sequence[Hashable],
    width: int,
    total: int,
    reading: _Reading,
    page: list[Token],
    report: Report,
    evidence: Evidence,
) -> None:
    cells, printed, tokens = reading
    evidence.forget("requests.")
    for i, key in enumerate(keys):
        report.requests[str(key)] = list(cells[i])
        if tokens[i] and cells[i][total] is not None:
            evidence.provenance[f"requests.{key}[{total}]"] = tokens[i][0].where
    evidence.doubt(
        "requests",
        None,
        "表三按列分段印出，顺序与表头无关（表头旋转印出）：按每段的合计与勾稽关系定行与总计列，"
        "其余各列仅在各段一致处读取",
        "table 三 prints each column in pieces in an order no header tells (rotated headers): rows "
        "and the 总计 column from each group's sums and the equations; the other columns only "
        "where their pieces agree",
        page[0].where,
    )
    for i, key in enumerate(keys):
        for c in range(width):
            if cells[i][c] is not None:
                continue
            evidence.doubt(
                f"requests.{key}[{c}]",
                None,
                f"此行各列的数字（{'、'.join(map(str, printed[i]))}）属于哪一列，勾稽关系无法判断，记为未知",
                f"which column each of this row's figures ({', '.join(map(str, printed[i]))}) is, "
                "no equation tells; left unknown",
                page[0].where,
            )
            evidence.alternatives([[v] for v in printed[i]])
