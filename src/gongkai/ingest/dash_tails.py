"""A page of ``lead_tails``' other cells that lost dashes to ``pdftotext``'s hyphenation.

The page's other cells (after its last row) print a line each; where a zero printed as ``-`` is
followed by another line of its text block, ``pdftotext`` (default mode) joins the two and the dash
is gone (``swallowed_dashes``). The page then holds fewer figures than its rows lack, as many fewer
as dashes were swallowed. The cells are read as ``lead_tails`` reads a whole page — runs of rows,
each printed row by row or column by column, every row adding up to its 总计 with its own leading
cells (``report.equations``) — with that many zeros put back, each before a printed figure (the one
that swallowed it), wherever the sums let them stand. Bounded: runs printed column by column of at
most ``_MAX_COLUMN_RUN`` rows, at most ``_MAX_COMBOS`` placements of zeros tried for one run and
``_BUDGET`` for the page; past that the page is left unread.
"""

from __future__ import annotations

import itertools
import math
from functools import cache, lru_cache
from typing import Any

_MAX_COLUMN_RUN = 3  # rows of a run printed column by column, where zeros are put back
_MAX_COMBOS = 20_000  # placements of the swallowed zeros tried in one run
_BUDGET = 2_000_000  # placements tried for the page (about a second)
_MAX_MISSING = 12  # dashes a page may have lost (more: the page is not this layout)
_KEEP = 32  # readings kept per state: the row sums leave a zero's place open, the table's decide


@cache
def _placements(n_cells: int, zeros: int) -> tuple[Any, Any, Any]:
    """Every choice of ``zeros`` of ``n_cells`` print places (one row each): the zero places, the
    printed figure each place takes (counted from the run's first), the figure each place names
    as its source (for a zero, the figure after it, which swallowed it)."""
    import numpy as np

    mask = np.zeros((math.comb(n_cells, zeros), n_cells), dtype=bool)
    for i, chosen in enumerate(itertools.combinations(range(n_cells), zeros)):
        mask[i, list(chosen)] = True
    index = np.cumsum(~mask, axis=1) - 1
    return mask, index, np.where(mask, index + 1, index)


def solve_short_page(
    printed: list[int], lead_totals: list[Any], tail: int, coefficients: Any, orders: Any
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """``_solve``, once for a page the layouts tried (``swallowed_dashes``' candidates) share."""
    import numpy as np

    totals = tuple(tuple(int(x) for x in row) for row in lead_totals)
    matrix = tuple(tuple(int(x) for x in row) for row in np.asarray(coefficients))
    return _solved(tuple(printed), totals, tail, matrix, orders)


@lru_cache(maxsize=8)
def _solved(
    printed: tuple[int, ...],
    totals: tuple[tuple[int, ...], ...],
    tail: int,
    matrix: tuple[tuple[int, ...], ...],
    orders: Any,
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    import numpy as np

    return _solve(list(printed), [np.asarray(t, dtype=np.int64) for t in totals], tail, np.asarray(matrix), orders)


def _solve(
    printed: list[int], lead_totals: list[Any], tail: int, coefficients: Any, orders: Any
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The readings of a page's other cells (``printed``: its figures in print order; ``tail``: the
    cells each of its rows lacks) with the swallowed zeros put back, in which every row adds up:
    each (cells row by row, for each the position of its figure — for a zero put back, of the figure
    after it), fewest runs printed column by column first. ``lead_totals``: per row, the equations'
    sums of its leading cells; ``coefficients``: equations × the row's other cells; ``orders(n,
    tail)``: the print orders of a run of n rows (``lead_tails._orders``)."""
    import numpy as np

    rows = len(lead_totals)
    missing = rows * tail - len(printed)
    if not 0 < missing <= _MAX_MISSING:
        return []
    figures = np.asarray(printed, dtype=np.int64)
    # state (rows read, figures used) → readings: cells → (sources, runs printed column by column)
    start: dict[tuple[int, ...], tuple[tuple[int, ...], int]] = {(): ((), 0)}
    states: dict[tuple[int, int], dict[tuple[int, ...], tuple[tuple[int, ...], int]]] = {(0, 0): start}
    spent = 0
    for a in range(rows):
        for p in sorted(q for (b, q) in states if b == a):
            readings = states.pop((a, p))
            left = missing - (a * tail - p)
            for n in range(1, min(_MAX_COLUMN_RUN, rows - a) + 1):
                cells_n = n * tail
                order = orders(n, tail)[-1]  # one row: its order; more: column by column
                for zeros in range(0, min(left, cells_n) + 1):
                    k = cells_n - zeros
                    if p + k > len(printed) or math.comb(cells_n, zeros) > _MAX_COMBOS:
                        continue
                    spent += math.comb(cells_n, zeros)
                    if spent > _BUDGET:
                        return []
                    mask, index, source = _placements(cells_n, zeros)
                    source = source + p
                    fits = ~(mask & (source >= len(printed))).any(axis=1)  # a dash before a figure only
                    seq = np.where(mask, 0, figures[np.clip(index + p, 0, len(printed) - 1)])
                    cells = seq[:, order].reshape(len(mask), n, tail)
                    sums = cells @ coefficients.T + np.stack(lead_totals[a : a + n])
                    holding = fits & ~sums.any(axis=2).any(axis=1)
                    runs: dict[tuple[int, ...], tuple[int, ...]] = {}
                    for i in np.flatnonzero(holding):
                        runs.setdefault(tuple(cells[i].reshape(-1).tolist()), tuple(source[i][order].tolist()))
                    target = states.setdefault((a + n, p + k), {})
                    for run, where in runs.items():
                        for c, (s, cost) in readings.items():
                            key = c + run
                            new = cost + (n > 1)
                            if key not in target or new < target[key][1]:
                                target[key] = (s + where, new)
                    if len(target) > 2 * _KEEP:
                        kept = sorted(target.items(), key=lambda kv: kv[1][1])[:_KEEP]
                        target.clear()
                        target.update(kept)
    final = states.get((rows, len(printed)), {})
    ranked = sorted(final.items(), key=lambda kv: kv[1][1])[:_KEEP]
    return [(cells_all, sources) for cells_all, (sources, _) in ranked]
