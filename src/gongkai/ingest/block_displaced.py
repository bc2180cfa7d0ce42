"""Readings of a stream of table figures in which one figure, or a small cluster of them, was printed
far from its row (a tall row's 总计 at the page's end, a few first cells in a text block of their
own): put back where every row of the stretch then adds up."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from gongkai.ingest.block_nested import solve_nested
from gongkai.ingest.block_orders import KEEP, Reading, solve

_DISPLACED_ROWS = 16  # rows of a stretch in which a displaced figure is looked for, at most
_DISPLACED_NESTED_ROWS = 10  # ... and tried in nested orders


def _row_holds(cells: Sequence[int], width: int, equations: list[list[int]]) -> list[bool]:
    return [
        all(sum(c * v for c, v in zip(row, cells[r * width : (r + 1) * width], strict=True)) == 0 for row in equations)
        for r in range(len(cells) // width)
    ]


def displaced(
    values: Sequence[int], rows: int, width: int, equations: list[list[int]], reading: Reading
) -> tuple[int, list[Reading]] | None:
    """Readings where one figure printed far from its row is put back: the rows from the first that
    fails in ``reading`` to the last are taken as printed with the last figure of their stretch
    displaced (LibreOffice printing a tall row's 总计 at the page's end, chromium a row's last
    cell after the rows under it), and that figure is tried at every place before it. The stretch
    runs between rows where ``reading``'s runs end (its figures are exactly theirs). Taken only
    when every row of the stretch then adds up: (rows adding up, readings), else None."""
    holding = _row_holds(reading.cells, width, equations)
    failing = [r for r, ok in enumerate(holding) if not ok]
    if not failing:
        return None
    ends = [0]  # rows after which the reading's figures are exactly the first rows × width
    top = -1
    for r in range(rows):
        top = max(top, *reading.sources[r * width : (r + 1) * width])
        if top == (r + 1) * width - 1:
            ends.append(r + 1)
    start = max(e for e in ends if e <= failing[0])
    stop = min(e for e in ends if e > failing[-1])
    n = stop - start
    if n > _DISPLACED_ROWS:
        return None  # too long a stretch to try every place (and too little left to confirm it)
    segment = list(values[start * width : stop * width])
    last = len(segment) - 1
    found: dict[tuple[int, ...], Reading] = {}
    solvers = (solve, solve_nested) if n <= _DISPLACED_NESTED_ROWS else (solve,)
    for solver in solvers:  # the nested orders only where no plain one adds up
        for k in range(last):
            moved = [*segment[:k], segment[last], *segment[k:last]]
            adding, readings = solver(moved, n, width, equations)
            if adding == n:
                _put_back(found, reading, readings, start, stop, width, k, last)
        if found:
            break
    if not found:
        return None
    return sum(holding) - sum(holding[start:stop]) + n, sorted(found.values(), key=lambda r: r.runs)[:KEEP]


def _put_back(
    found: dict[tuple[int, ...], Reading],
    reading: Reading,
    readings: list[Reading],
    start: int,
    stop: int,
    width: int,
    k: int,
    last: int,
) -> None:
    """The readings of a stretch with its displaced figure put back at ``k``, as readings of the
    whole table (the rows around the stretch as ``reading`` has them)."""
    for sub in readings:
        back = [start * width + (j if j < k else last if j == k else j - 1) for j in sub.sources]
        cells = reading.cells[: start * width] + sub.cells + reading.cells[stop * width :]
        sources = reading.sources[: start * width] + tuple(back) + reading.sources[stop * width :]
        found.setdefault(cells, Reading(cells, sources, reading.runs + sub.runs))


# Figures printed together far from their rows (a run of the stream), at most: four are two rows'
# last two cells (其他, 总计) set at the page's end, as Excel's boxed print of table 三 comes out.
_CLUSTER = 4
# Readings of a cluster kept: a zero, or a figure put into a row beside zeros, adds up in several
# cells of its row; the table's column equations then choose among them (read_blocks).
_CLUSTER_KEEP = 64


def clustered(
    values: Sequence[int], rows: int, width: int, equations: list[list[int]]
) -> tuple[int, list[Reading]] | None:
    """Readings of the table printed row by row except for a cluster of one to ``_CLUSTER``
    figures printed together further on (pdftotext putting the first cells of a few tall rows, or
    the last cells of the first row, in a text block of their own after the rows below them): the
    cluster is taken out and its figures put back, in their printed order, each into a cell of an
    earlier row, wherever every row of the table then adds up. A dynamic programme over the rows
    and how many of the cluster's figures are used up, for every run of the stream that may be the
    cluster. Taken only when every row adds up: (rows, readings), else None."""
    n = len(values)
    if n != rows * width:
        return None
    holding = _row_holds(values, width, equations)
    if all(holding):
        return None
    first = holding.index(False)
    found: dict[tuple[int, ...], Reading] = {}
    for m in range(1, _CLUSTER + 1):
        for p in range((first + 1) * width - m, n - m + 1):
            _put_cluster(values, rows, width, equations, p, m, first, found)
            if len(found) > _CLUSTER_KEEP:
                return None  # too many readings: nothing decides
    if not found:
        return None
    return rows, sorted(found.values(), key=lambda r: r.runs)


def _put_cluster(
    values: Sequence[int],
    rows: int,
    width: int,
    equations: list[list[int]],
    p: int,
    m: int,
    first: int,
    found: dict[tuple[int, ...], Reading],
) -> None:
    """Every reading (into ``found``) with the figures ``values[p : p + m]`` put back into cells of
    rows printed before them, the other figures row by row; rows before ``first`` are as printed."""
    rest = [i for i in range(len(values)) if not p <= i < p + m]
    cluster = list(range(p, p + m))
    # after each row: cluster figures used -> {cells so far: their sources}
    start = tuple(range(first * width))
    states: dict[int, dict[tuple[int, ...], tuple[int, ...]]] = {0: {tuple(values[s] for s in start): start}}
    for r in range(first, rows):
        nxt: dict[int, dict[tuple[int, ...], tuple[int, ...]]] = {}
        for used, partials in states.items():
            at = r * width - used  # next figure of ``rest``
            for t in range(m - used + 1):
                if at + width - t > len(rest):
                    continue
                if t and rest[at + width - t - 1] > p:
                    continue  # a cluster figure goes back only into a row printed before it
                for slots in combinations(range(width), t):
                    sources: list[int] = []
                    k = at
                    c = used
                    for column in range(width):
                        if column in slots:
                            sources.append(cluster[c])
                            c += 1
                        else:
                            sources.append(rest[k])
                            k += 1
                    cells = tuple(values[s] for s in sources)
                    if not all(sum(a * v for a, v in zip(row, cells, strict=True)) == 0 for row in equations):
                        continue
                    options = nxt.setdefault(used + t, {})
                    for known, partial in partials.items():
                        if len(options) > _CLUSTER_KEEP:
                            return  # too many readings of this cluster: it decides nothing
                        options.setdefault(known + cells, partial + tuple(sources))
        states = nxt
        if not states:
            return
    for cells, placed in states.get(m, {}).items():
        found.setdefault(cells, Reading(cells, placed, 2))
