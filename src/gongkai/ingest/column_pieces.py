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
from collections.abc import Hashable, Sequence
from itertools import pairwise, permutations

from gongkai.ingest.block_orders import row_equations
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.records import Record, Token, line_number, printed_counts
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
    """The figures cut where a line without a figure comes between two; None where the figures
    are not in the order of their lines."""
    pieces: list[list[Token]] = [[tokens[0]]]
    for before, token in pairwise(tokens):
        a, b = line_number(before), line_number(token)
        if a is None or b is None or b < a:
            return None
        if b - a <= 1:
            pieces[-1].append(token)
        else:
            pieces.append([token])
    return pieces


def _wide(piece: list[Token]) -> bool:
    """Whether two figures of ``piece`` share a line: a run of adjacent columns printed row by row
    (chromium's vertical headers over them), not one column."""
    return len({line_number(t) for t in piece}) < len(piece)


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
            if row_cells is not None:  # two pieces each the sum of the others: keep what both say
                reading = [a if a == b else None for a, b in zip(row_cells, reading, strict=True)]
            row_cells = reading
        assert row_cells is not None
        if row_cells[total] is None:  # the candidates for 总计 differ here: they are alternatives too
            seen |= {values[c][k] for c in candidates}
        cells.append(row_cells)
        printed.append(sorted(seen) if len(seen) > 1 else [])
        tokens.append([pieces[candidates[0]][k]] if len(candidates) == 1 else [])
    return _Segment(cells, printed, tokens)


def _alike(pieces: list[list[Token]], width: int) -> _Segment:
    """The rows of several groups of pieces of one size (which piece is which of those rows no size
    tells): a row's cells known only where every piece prints the same there (zeros in every
    column), else unknown with the figures printed there."""
    values = [_amounts(p) for p in pieces]
    cells: list[list[Cell]] = []
    printed: list[list[int]] = []
    for k in range(len(values[0])):
        seen = sorted({v[k] for v in values})
        cells.append([seen[0]] * width if len(seen) == 1 else [None] * width)
        printed.append(seen if len(seen) > 1 else [])
    return _Segment(cells, printed, [[] for _ in cells])


def _columns(pieces: list[list[Token]], width: int) -> dict[int, list[list[Token]]] | None:
    """The pieces as columns by size: a wide piece of ``k × size`` figures is ``k`` adjacent
    columns of that many rows printed row by row, taken apart, where that makes every size's
    columns whole groups of ``width``; None where no such size is found for each wide piece."""
    columns: dict[int, list[list[Token]]] = {}
    for piece in pieces:
        if not _wide(piece):
            columns.setdefault(len(piece), []).append(piece)
    for piece in (p for p in pieces if _wide(p)):
        fits = [
            size
            for size, tall in columns.items()
            if len(piece) % size == 0 and len(piece) // size > 1 and (len(tall) + len(piece) // size) % width == 0
        ]
        if len(fits) != 1:
            return None
        k = len(piece) // fits[0]
        columns[fits[0]] += [piece[j::k] for j in range(k)]
    return columns


def _segments(pieces: list[list[Token]], width: int, rows: int, total: int) -> dict[int, list[_Segment]] | None:
    """The groups of pieces by size (each size's groups in the order of the table's rows still to
    find), where every size comes in whole groups of ``width`` and the groups cover the rows."""
    columns = _columns(pieces, width)
    if columns is None:
        return None
    sizes = {size: len(of_size) for size, of_size in columns.items()}
    if any(count % width for count in sizes.values()):
        return None
    if sum(size * count // width for size, count in sizes.items()) != rows:
        return None
    if sum(count // width for count in sizes.values()) > _MAX_SEGMENTS:
        return None
    found: dict[int, list[_Segment]] = {}
    for size, of_size in columns.items():
        groups = len(of_size) // width
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
        for pieces in _tables(page, rows * width):
            if len(pieces) < width * _MIN_FIGURE_PIECES:
                continue
            segments = _segments(pieces, width, rows, total)
            if segments is None:
                continue
            reading = _order(template, keys, width, total, segments, stated)
            if reading is not None and _known(reading) > rows * width - _unread(report):
                _take(keys, width, total, reading, [t for p in pieces for t in p], report, evidence)
            return


def _tables(page: list[Token], cells: int) -> list[list[list[Token]]]:
    """The pieces of ``page`` that may be table 三's ``cells`` figures: all of them, or where the
    page holds more (table 二 above it, table 四 below), its first or its last pieces that number
    exactly ``cells``."""
    pieces = _pieces(page) if len(page) >= cells else None
    if pieces is None:
        return []
    if len(page) == cells:
        return [pieces]
    found = []
    counted = 0
    for i, piece in enumerate(pieces):
        counted += len(piece)
        if counted == cells:
            found.append(pieces[: i + 1])
        if counted == len(page) - cells:
            found.append(pieces[i + 1 :])
    return found


# per row: cells, the figures printed there (where cells are unknown), the 总计 piece's figure;
# and whether the prose's totals chose the order of the pieces
_Reading = tuple[list[list[Cell]], list[list[int]], list[list[Token]], bool]


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
    best: list[tuple[list[list[Cell]], list[list[int]], list[list[Token]]]] = []
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
    rows = {key: i for i, key in enumerate(keys)}
    said = [(rows[place[9:]], n) for place, n in stated.items() if place.startswith("requests.") and place[9:] in rows]
    agreeing = [r for r in best if all(r[0][i][total] in (None, n) for i, n in said)]
    by_prose = 0 < len(agreeing) < len(best)
    if agreeing:
        best = agreeing
    cells, printed, tokens = best[0]
    for other, other_printed, _ in best[1:]:
        for i in range(len(cells)):
            if cells[i] != other[i] or printed[i] != other_printed[i]:
                both = (*cells[i], *other[i], *printed[i], *other_printed[i])
                cells[i] = [None] * width
                printed[i] = sorted({v for v in both if v is not None})
                tokens[i] = []
    return cells, printed, tokens, by_prose


def _take(
    keys: Sequence[Hashable],
    width: int,
    total: int,
    reading: _Reading,
    page: list[Token],
    report: Report,
    evidence: Evidence,
) -> None:
    cells, printed, tokens, by_prose = reading
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
    if by_prose:
        evidence.doubt_more(
            "requests",
            "各段的上下次序由正文所述合计确定（勾稽关系允许多种次序）",
            "the order of the groups down the table is the one the prose's totals agree with (the "
            "equations allow more than one)",
        )
    for i, key in enumerate(keys):
        for c in range(width):
            if cells[i][c] is not None:
                continue
            evidence.undecided(
                f"requests.{key}[{c}]",
                printed[i],
                zh="此行各列的数字（{readings}）属于哪一列，勾稽关系无法判断，记为未知",
                en="which column each of this row's figures ({readings}) is, no equation tells; left unknown",
                where=page[0].where,
            )
