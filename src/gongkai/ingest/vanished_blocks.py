"""Table 三 of a Word export with blank zeros, from ``pdftotext``'s flow of column blocks.

Where ``vanished`` finds no interleaving of whole rows that explains the flow, ``pdftotext`` may
have printed the table this way: the 自然人 column comes out with the row labels (each figure
beside or under its row's label), and every other printed cell comes out in blocks, a block
holding one column's cells over one or more rows printed in that column (one figure a line, the
blocks parted by blank lines). A block comes out where its BOTTOM row is: blocks in order of
their bottom row, left to right on it, so a block's upper figures may belong to rows whose totals
came out before. A row printing nothing at all (no label figure, no cell) is a row of zeros.

This reader assigns each block a column and rows keeping that order, each row adding up to its
总计 (the row's own equation), and keeps the assignments that break none of table 三's equations
(``report/equations``). A cell is read where every assignment kept agrees on it; the others stay
unknown with the values the assignments give them in ``uncertain`` (which of the organisation
columns a figure stands in is often not in the text at all). The search is bounded; past its
budget nothing is read. It runs only where ``vanished`` read no order of the grid and the text
shows this print: figure-only blocks parted by blank lines, one of them over several rows or a
row without any figure.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, line_number
from gongkai.ingest.request_rows import RequestRaw
from gongkai.ingest.vanished_tables import agreed_cells
from gongkai.report.equations import Bound
from gongkai.report.model import Report

_NODES = 60_000  # states the search may visit (about 30 µs each)
_FOUND = 512  # assignments kept at most; past it nothing is read

Rows = tuple[int, ...]


def _split(records: list[Record], figures: list[Token]) -> tuple[list[Token], list[list[Token]]] | None:
    """The figures of the label flow (a figure on a label's line or on a line next to one) and
    the figure-only blocks (runs of lines holding one figure each, no label next to them), in
    printed order; None when a figure's line is not known or shares its line with another."""
    label_lines = {n for record in records for t in record.labels if (n := line_number(t)) is not None}
    lines: dict[int, list[Token]] = {}
    for token in figures:
        n = line_number(token)
        if n is None:
            return None
        lines.setdefault(n, []).append(token)
    flow: list[Token] = []
    blocks: list[list[Token]] = []
    previous: int | None = None
    for token in figures:
        n = line_number(token)
        assert n is not None
        if n in label_lines or n - 1 in label_lines or n + 1 in label_lines:
            flow.append(token)
            previous = None
            continue
        if len(lines[n]) != 1:
            return None
        if previous is not None and n == previous + 1 and blocks:
            blocks[-1].append(token)
        else:
            blocks.append([token])
        previous = n
    return flow, blocks


def _firsts(
    flow: list[Token], anchors: dict[int, int], position: dict[int, int], label_line: dict[int, int], rows: int
) -> list[int] | None:
    """Each row's 自然人 figure from the label flow: the anchored ones at their rows, another
    where the rows between its anchored neighbours leave it one row, or one of them has its label
    on the line right above it (0 for a row no figure is at); None where a figure of the flow
    has more than one row it may be, or the rows come out of order."""
    placed = [anchors.get(position[id(t)], -1) for t in flow]
    for k, token in enumerate(flow):
        if placed[k] >= 0:
            continue
        before = max((q for q in placed[:k] if q >= 0), default=-1)
        after = min((q for q in placed[k + 1 :] if q >= 0), default=rows)
        free = list(range(before + 1, after))
        n = line_number(token)
        under = [r for r in free if n is not None and label_line.get(r) == n - 1]
        if len(free) == 1:
            placed[k] = free[0]
        elif len(under) == 1:
            placed[k] = under[0]
        else:
            return None
    if placed != sorted(set(placed)) or placed[-1] >= rows:
        return None
    firsts = [0] * rows
    for r, token in zip(placed, flow, strict=True):
        firsts[r] = int(token.value.amount or 0)
    return firsts


_GAP = 2  # blank cells a block may pass over in its column (the lines of one block lie close)

Pick = tuple[bool, Rows]  # a block's place: whether in the total column, and its rows


def _assignments(firsts: list[int], blocks: list[list[int]], budget: list[int]) -> list[tuple[Pick, ...]] | None:
    """Every assignment of the blocks to rows, each in an organisation column or the total
    column, in the print's order: blocks by bottom row (an organisation block before the total
    on the same bottom row), the total column top to bottom, a block's rows at most ``_GAP``
    blank rows apart, every row's figures adding up to its total (a row the total column passes
    over prints nothing). Which organisation column a block stands in is not searched (the
    text does not say it). None past the budget or the cap."""
    n = len(firsts)
    found: list[tuple[Pick, ...]] = []
    sums = list(firsts)
    totals: list[int | None] = [None] * n
    zero = [False] * n  # passed over by the total column: a row of zeros
    picks: list[Pick] = []
    widest = [0] * (len(blocks) + 1)
    for i in range(len(blocks) - 1, -1, -1):
        widest[i] = max(widest[i + 1], len(blocks[i]))
    dead: set[Hashable] = set()
    if not _assign_from(_Assigning(n, blocks, budget, found, sums, totals, zero, picks, widest, dead), 0, -1, False, 0):
        return None
    return found


@dataclass(frozen=True)
class _Assigning:
    """``_assignments``' search: its blocks, the rows' sums and totals so far, the picks made and
    what it found (a module function with its state passed, not a recursive closure: a closure
    calling itself is a reference cycle left for the cyclic collector on every call)."""

    n: int
    blocks: list[list[int]]
    budget: list[int]  # states left
    found: list[tuple[Pick, ...]]
    sums: list[int]
    totals: list[int | None]
    zero: list[bool]  # passed over by the total column: a row of zeros
    picks: list[Pick]
    widest: list[int]  # the widest block from each on
    dead: set[Hashable]  # states from which no assignment was found


def _closed_ok(a: _Assigning, upto: int) -> bool:
    return all(a.sums[r] == (a.totals[r] or 0) for r in range(upto))


def _assign_from(a: _Assigning, i: int, bottom: int, after_total: bool, tp: int) -> bool:
    """``_assignments``' search from block ``i`` on (``bottom``: the last block's bottom row,
    ``after_total``: whether it was a total block, ``tp``: the total column's next row); False past
    the budget or the cap."""
    n, blocks, found, sums, totals, zero, picks = a.n, a.blocks, a.found, a.sums, a.totals, a.zero, a.picks
    a.budget[0] -= 1
    if a.budget[0] < 0 or len(found) > _FOUND:
        return False
    if i == len(blocks):
        if tp <= n and all(sums[r] == (totals[r] or 0) for r in range(n)) and all(sums[r] == 0 for r in range(tp, n)):
            found.append(tuple(picks))
        return True
    reach = (a.widest[i] - 1) * (_GAP + 1)
    low = max(0, bottom - reach)
    if not _closed_ok(a, low):
        return True
    state = (i, bottom, after_total, tp, tuple(sums[low:]), tuple(totals[low:]), tuple(zero[low:]))
    if state in a.dead:
        return True
    had = len(found)
    values = blocks[i]
    k = len(values)
    if any(v <= 0 for v in values):
        return True
    # an organisation block: at or above the bottom row of the next total block, which holds
    # the first row from the total column's place printing a figure, and at most as many
    # rows as the widest block left
    must = [r for r in range(tp, n) if sums[r] > 0]
    limit = must[a.widest[i] - 1] if len(must) >= a.widest[i] else n - 1
    least = bottom + 1 if after_total else max(bottom, 0)
    for rows in _row_sets(0, k, least, limit):
        if any(zero[r] for r in rows):
            continue
        if any(totals[r] is not None and sums[r] + v > (totals[r] or 0) for r, v in zip(rows, values, strict=True)):
            continue
        for r, v in zip(rows, values, strict=True):
            sums[r] += v
        picks.append((False, rows))
        ok = _assign_from(a, i + 1, rows[-1], False, tp)
        picks.pop()
        for r, v in zip(rows, values, strict=True):
            sums[r] -= v
        if not ok:
            return False
    # a total block
    most = must[k - 1] if len(must) >= k else n - 1  # it may pass over no row printing a figure
    for rows in _row_sets(tp, k, max(bottom, 0), most):
        if any(sums[r] > v for r, v in zip(rows, values, strict=True)):
            continue
        skipped = [r for r in range(tp, rows[-1]) if r not in rows]
        if any(sums[r] for r in skipped):
            continue
        for r, v in zip(rows, values, strict=True):
            totals[r] = v
        for r in skipped:
            zero[r] = True
        picks.append((True, rows))
        ok = _assign_from(a, i + 1, rows[-1], True, rows[-1] + 1)
        picks.pop()
        for r in rows:
            totals[r] = None
        for r in skipped:
            zero[r] = False
        if not ok:
            return False
    if len(found) == had:
        a.dead.add(state)
    return True


def _row_sets(start: int, k: int, least: int, most: int) -> list[Rows]:
    """Rows from ``start`` a block of ``k`` figures may hold: its bottom row from ``least`` to
    ``most``, at most ``_GAP`` rows passed over between two of them."""
    out: list[Rows] = []
    for bottom in range(max(least, start), most + 1):
        _extend(start, k, out, (bottom,))
    return out


def _extend(start: int, k: int, out: list[Rows], suffix: Rows) -> None:
    """``_row_sets``' row sets ending in ``suffix``, into ``out`` (a module function, not a closure
    calling itself: that is a reference cycle left for the cyclic collector on every call)."""
    if len(suffix) == k:
        out.append(suffix)
        return
    top = suffix[0]
    for r in range(top - 1, max(start, top - _GAP - 1) - 1, -1):
        _extend(start, k, out, (r, *suffix))


def read_blocks(
    keys: Sequence[Hashable],
    width: int,
    records: list[Record],
    raw: dict[str, RequestRaw],
    figures: list[Token],
    anchors: dict[int, int],
    bound: Bound,
    report: Report,
    evidence: Evidence,
) -> bool:
    """Read table 三 from the label flow's 自然人 figures and the column blocks (module
    docstring); True where it read the table."""
    split = _split(records, figures)
    if split is None:
        return False
    flow, grid = split
    if not grid or not flow:
        return False
    position = {id(t): i for i, t in enumerate(figures)}
    label_line = {
        r: n for r, key in enumerate(keys) if (entry := raw.get(str(key))) and (n := line_number(entry.label))
    }
    firsts = _firsts(flow, anchors, position, label_line, len(keys))
    if firsts is None:
        return False
    if not any(len(b) > 1 for b in grid) and all(firsts):
        return False  # neither a block over several rows nor a row printing nothing: not this print
    values = [[int(t.value.amount or 0) for t in block] for block in grid]
    if any(t.value.kind is not CellKind.NUMBER for block in grid for t in block):
        return False
    budget = [_NODES]
    found = _assignments(firsts, values, budget)
    if not found:
        return False
    middle = list(range(1, width - 1))
    tables: list[dict[Hashable, tuple[int | None, ...]]] = []
    printed: dict[int, set[int]] = {}
    for picks in found:
        cells: list[list[int | None]] = [[firsts[r], *([0] * (width - 1))] for r in range(len(keys))]
        mids: list[list[int]] = [[] for _ in keys]
        for (is_total, rows), block in zip(picks, values, strict=True):
            for r, v in zip(rows, block, strict=True):
                if is_total:
                    cells[r][width - 1] = v
                else:
                    mids[r].append(v)
        for r, got in enumerate(mids):
            if len(got) == len(middle):
                for c, v in zip(middle, got, strict=True):
                    cells[r][c] = v
            elif got:  # which organisation columns were blank is not in the text
                for c in middle:
                    cells[r][c] = None
                printed.setdefault(r, set()).update(got)
        table = {key: tuple(cells[r]) for r, key in enumerate(keys)}
        if not bound.broken(table):
            tables.append(table)
    if not tables:
        return False
    evidence.forget("requests.")
    decided, seen = agreed_cells(tables, keys, width)
    for key in keys:
        report.requests[str(key)] = decided[key]
    for (key, c), options in seen.items():
        printed_here = printed.get(list(keys).index(key), set())
        evidence.undecided(
            f"requests.{key}[{c}]",
            sorted({0, *printed_here, *(v for v in options if v is not None)}),
            zh="按各列数字块的印刷顺序与勾稽关系，此格有几种可能的读法，记为未知（{readings}）",
            en="the order of the columns' blocks and the arithmetic allow more than one reading of this cell; "
            "left unknown ({readings})",
            where=figures[0].where,
        )
    evidence.doubt(
        "requests",
        None,
        "表三留空了为零的单元格（Word 表格），文本将自然人一列随行标签印出、其余各列按数字块印出：按各块所在的末行与"
        "列的顺序及勾稽关系推定各数字所在的格，未印出任何数字的行按 0 计",
        "table 三 leaves its zero cells blank (a Word table); the text prints the 自然人 column with the row "
        "labels and the other columns in blocks: each figure's cell inferred from the blocks' order (by "
        "their bottom row, then column) and the table's arithmetic, a row printing nothing read as zeros",
        figures[0].where,
    )
    return True
