"""Readings of a stream of table figures where a run of rows prints its last columns in sub-runs of
rows of their own (chromium printing 其他 and 总计 row by row for some rows, column by column for
the next): the fallback of ``solve`` when no plain order adds up, or its columns' equations break."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from gongkai.ingest.block_orders import ANY_ORDER, KEEP, TOLERATED, Reading, order_array

_NESTED_MIN_ROWS = 3  # a run nests its last group only when it has this many rows (fewer: plain orders)
_NESTED_KEEP = 16  # readings of one run kept; a run with more best readings is not read this way
# runs tried nested where a plain order already adds up, at most this many rows (a page's foot
# or a short page: the pass only runs when the columns' equations are broken, and stays cheap)
_ALWAYS_NESTED_ROWS = 6


def _nested_runs(
    printed: Any, start: int, n: int, width: int, sums: Any, any_order: int = ANY_ORDER
) -> tuple[int, list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    """The best readings of the run of ``n`` rows whose figures begin at ``start`` when its columns
    ``[0, g)`` are printed as ``orders`` prints them and its last columns ``[g, width)`` after them,
    cut into sub-runs of rows, each printed in its own order of those columns (chromium printing
    the 其他 and 总计 columns row by row for some rows and column by column for others): (rows
    holding, [(cells, positions)]) over every ``g``; (-1, []) when more than ``_NESTED_KEEP``
    readings tie (nothing to choose between them)."""
    import numpy as np

    top = -1
    found: dict[tuple[int, ...], tuple[int, ...]] = {}
    for g in range(1, width - 1):
        w = width - g
        prefix = order_array(n, g, any_order) + start  # P × n*g: the prefix block's orders
        count = len(prefix)
        partial = printed[prefix].reshape(count, n, g) @ sums[:g]  # P × n × eqs
        base = start + n * g
        # most[p, i, j]: rows of sub-run [i, j) that hold under prefix order p, at best
        most = np.full((count, n + 1, n + 1), -(10**6), dtype=np.int64)
        tables: dict[int, tuple[Any, Any]] = {}
        for m in range(1, n + 1):
            sub = order_array(m, w, any_order)  # Q × m*w
            starts = np.arange(n - m + 1)
            where = sub[None, :, :] + (base + starts * w)[:, None, None]  # I × Q × m*w
            contrib = printed[where].reshape(len(starts), len(sub), m, w) @ sums[g:]  # I × Q × m × eqs
            rows = starts[:, None] + np.arange(m)[None, :]  # I × m
            total = partial[:, rows][:, :, None, :, :] + contrib[None]  # P × I × Q × m × eqs
            counts = (~total.any(axis=4)).sum(axis=3)  # P × I × Q
            most[:, starts, starts + m] = counts.max(axis=2)
            tables[m] = (counts, where)
        best = np.full((count, n + 1), -(10**6), dtype=np.int64)
        best[:, 0] = 0
        for j in range(1, n + 1):
            best[:, j] = (best[:, :j] + most[:, :j, j]).max(axis=1)
        reached = best[:, n]
        most_g = int(reached.max())
        if most_g < 0 or n - most_g > TOLERATED or most_g < top:
            continue
        if most_g > top:
            top, found = most_g, {}
        # every optimal reading: back from n over sub-runs, for every prefix order reaching it
        for p in np.flatnonzero(reached == most_g):
            pre = prefix[p].tolist()
            paths: list[tuple[list[int], int]] = [([], n)]  # (positions of the nested cells, row)
            seen: set[tuple[int, ...]] = set()
            while paths:
                tail, j = paths.pop()
                if j == 0:
                    positions = [0] * (n * width)
                    for r in range(n):
                        positions[r * width : r * width + g] = pre[r * g : (r + 1) * g]
                        positions[r * width + g : (r + 1) * width] = tail[r * w : (r + 1) * w]
                    cells = tuple(printed[positions].tolist())
                    found.setdefault(cells, tuple(positions))
                    if len(found) > _NESTED_KEEP:
                        return -1, []
                    continue
                for i in range(j):
                    if best[p, i] < 0 or best[p, i] + most[p, i, j] != best[p, j]:
                        continue
                    counts, where = tables[j - i]
                    for q in np.flatnonzero(counts[p, i] == most[p, i, j]):
                        nested = where[i, q].tolist() + tail
                        key = (i, *printed[nested].tolist())
                        if key in seen:
                            continue  # the same figures from another order (zeros): one is enough
                        seen.add(key)
                        paths.append((nested, i))
                        if len(seen) > 64 * _NESTED_KEEP:
                            return -1, []
    return top, list(found.items())


def solve_nested(
    values: Sequence[int], rows: int, width: int, equations: list[list[int]], always: bool = False
) -> tuple[int, list[Reading]]:
    """As ``solve``, where a run of rows may also print its last columns in sub-runs of their own
    (``_nested_runs``): the fallback when no plain order makes every row add up, or (``always``)
    when the plain orders that do break the table's other equations (zeros moved within a row
    keep its sum, not its columns')."""
    import numpy as np

    if len(values) != rows * width:
        return 0, []
    printed = np.asarray(values, dtype=np.int64)
    sums = np.asarray(equations, dtype=np.int64).T
    best: list[tuple[int, list[Reading]]] = [(0, [Reading((), (), 0)])]
    for b in range(1, rows + 1):
        top = -1
        kept: dict[tuple[int, ...], Reading] = {}
        for a in range(b):
            base, readings = best[a]
            n = b - a
            if base + n < top:
                continue
            options: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
            positions = order_array(n, width) + a * width
            cells = printed[positions]
            holding = ~(cells.reshape(len(positions), n, width) @ sums).any(axis=2)
            counts = holding.sum(axis=1)
            counts[n - counts > TOLERATED] = -1
            most = int(counts.max())
            if n >= _NESTED_MIN_ROWS and (n <= _ALWAYS_NESTED_ROWS if always else most < n):
                # groups left to right only where a plain order already adds up: the columns'
                # equations are to choose, and groups swapped would keep them as well
                nested_most, nested = _nested_runs(printed, a * width, n, width, sums, 1 if always else ANY_ORDER)
                if nested_most > most:
                    most = nested_most
                    options = list(nested)
                elif nested_most == most and most >= 0:
                    options = list(nested)
            if most < 0 or base + most < top:
                continue
            options += [
                (tuple(cells[k].tolist()), tuple(positions[k].tolist())) for k in np.flatnonzero(counts == most)
            ]
            if base + most > top:
                top, kept = base + most, {}
            for run, where in options:
                for reading in readings:
                    joined = reading.cells + run
                    runs = reading.runs + 1
                    old = kept.get(joined)
                    if old is None or runs < old.runs:
                        kept[joined] = Reading(joined, reading.sources + where, runs)
        chosen = sorted(kept.values(), key=lambda r: r.runs)[:KEEP]
        best.append((top, chosen))
    return best[rows]
