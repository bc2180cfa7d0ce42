"""The orders in which ``pdftotext`` may print a table's rows block by block (the columns cut into
consecutive groups, each group row by row), and the plain reading of a stream of figures by them
(``solve``): a dynamic programme over the runs of rows, scored by the rows that add up."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from functools import cache
from itertools import combinations, pairwise, permutations
from typing import Any

from gongkai.report.equations import Bound

TOLERATED = 2  # rows that may break their own sum: a report may contradict itself in a row or two
KEEP = 8  # readings kept per cut of the rows (ties the arithmetic cannot break)
ANY_ORDER = 3  # up to this many column groups may be printed in any order, more left to right


@cache
def orders(rows: int, width: int, any_order: int = ANY_ORDER) -> tuple[tuple[int, ...], ...]:
    """The orders in which a run of ``rows`` rows of ``width`` cells may be printed, each as the
    position in the run's print of each cell (cell ``row * width + column``): the columns cut into
    consecutive groups, each group row by row, the groups left to right or, up to ``ANY_ORDER``
    groups, in any order (one group: row by row; every column its own group: column by column).
    Distinct orders only (in a run of one row, every cut left to right gives the same);
    ``any_order`` 1: the groups left to right only."""
    found: dict[tuple[int, ...], None] = {}
    for k in range(width):
        for cuts in combinations(range(1, width), k):
            groups = list(pairwise((0, *cuts, width)))
            # A few groups may come in any order (a column printed after the rest of its rows).
            for ordered in permutations(groups) if 1 < len(groups) <= any_order else (groups,):
                printed = [r * width + c for a, b in ordered for r in range(rows) for c in range(a, b)]
                position = [0] * len(printed)
                for at, cell in enumerate(printed):
                    position[cell] = at
                found.setdefault(tuple(position), None)
    return tuple(found)


class Reading:
    """One reading of the table: its cells row by row, and how many runs it was cut into."""

    __slots__ = ("cells", "runs", "sources")

    def __init__(self, cells: tuple[int, ...], sources: tuple[int, ...], runs: int) -> None:
        self.cells = cells  # values, row by row
        self.sources = sources  # for each cell, the position of its figure in the stream
        self.runs = runs


@cache
def order_array(rows: int, width: int, any_order: int = ANY_ORDER) -> Any:
    import numpy as np

    return np.asarray(orders(rows, width, any_order), dtype=np.int64)


# ``row_equations`` answered, by the bound's identity, the rows and the width: a Bound's equations
# never change once made (``requests_bound`` makes one per template), and up to ten readers of one
# report ask the same (each asked every row's equations again). The bound is kept with its answer,
# so an id is never taken for another bound's.
_ROW_EQUATIONS: dict[tuple[int, tuple[Hashable, ...], int], tuple[Bound, list[list[int]] | None]] = {}


def row_equations(bound: Bound, keys: Sequence[Hashable], width: int) -> list[list[int]] | None:
    """The equations inside a row of the table as coefficients over its cells (left +1, right
    −1: a row holds when every sum is 0), when every row has the same ones; else None (a copy
    of the rows each call: a reader may change its own)."""
    key = (id(bound), tuple(keys), width)
    known = _ROW_EQUATIONS.get(key)
    if known is None or known[0] is not bound:
        if len(_ROW_EQUATIONS) >= _REMEMBERED:
            _ROW_EQUATIONS.clear()
        known = _ROW_EQUATIONS[key] = (bound, _row_equations(bound, keys, width))
    return None if known[1] is None else [list(row) for row in known[1]]


_REMEMBERED = 64  # (templates × row sets: a handful in practice)


def _row_equations(bound: Bound, keys: Sequence[Hashable], width: int) -> list[list[int]] | None:
    found = {tuple(bound.inside(key)) for key in keys}
    if len(found) != 1:
        return None
    coefficients = []
    for left, right in found.pop():
        row = [0] * width
        for i in left:
            row[i] += 1
        for i in right:
            row[i] -= 1
        coefficients.append(row)
    return coefficients or None


def solve(values: Sequence[int], rows: int, width: int, equations: list[list[int]]) -> tuple[int, list[Reading]]:
    """The best readings of ``values`` (the figures in printed order) as ``rows`` rows of
    ``width``: (rows that hold their ``equations``, the readings that reach it, fewest runs first).
    A dynamic programme over where the runs end, each run tried in every order of ``orders``
    (all orders of a run at once, as arrays)."""
    import numpy as np  # only here: most readings never need it

    if len(values) != rows * width:
        return 0, []
    printed = np.asarray(values, dtype=np.int64)
    sums = np.asarray(equations, dtype=np.int64).T  # width × equations
    # best[b]: (rows holding among the first b, readings of those rows)
    best: list[tuple[int, list[Reading]]] = [(0, [Reading((), (), 0)])]
    for b in range(1, rows + 1):
        top = -1
        kept: dict[tuple[int, ...], Reading] = {}
        for a in range(b):
            base, readings = best[a]
            n = b - a
            if base + n < top:
                continue
            start = a * width
            positions = order_array(n, width) + start  # orders × cells
            cells = printed[positions]
            holding = ~(cells.reshape(len(positions), n, width) @ sums).any(axis=2)  # orders × rows
            counts = holding.sum(axis=1)
            counts[n - counts > TOLERATED] = -1
            most = int(counts.max())
            if most < 0 or base + most < top:
                continue
            if base + most > top:
                top, kept = base + most, {}
            for k in np.flatnonzero(counts == most):
                run = tuple(cells[k].tolist())
                where = tuple(positions[k].tolist())
                for reading in readings:
                    joined = reading.cells + run
                    runs = reading.runs + 1
                    old = kept.get(joined)
                    if old is None or runs < old.runs:
                        kept[joined] = Reading(joined, reading.sources + where, runs)
        chosen = sorted(kept.values(), key=lambda r: r.runs)[:KEEP]
        best.append((top, chosen))
    return best[rows]
