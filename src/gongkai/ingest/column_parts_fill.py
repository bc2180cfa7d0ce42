"""Reading the blocks of table 三's column parts (``column_parts_leads``) by the arithmetic.

Each block is a rectangle of the table's cells (consecutive rows, consecutive columns) whose
figures were printed together, in runs of rows each printed in an order of ``block_orders``. A
block whose rows have every other cell placed is read by a dynamic programme over its runs, every
row adding up to its 总计 with the cells placed (``report.equations``); one whose last figure was
printed at its end (a tall row's 总计) is read with it put back. Blocks waiting on each other: a
one-column block is placed top to bottom (its only order), two blocks of the same rows are read
together, a part's rows printed whole under its header row by row; else the block with most rows
placed is read with the others not counted, each of its best readings in turn. Bounded: the
readings tried in all (``BRANCHES``), those kept per run and per cut of the rows.
"""

from __future__ import annotations

from typing import Any

from gongkai.ingest.block_orders import KEEP, TOLERATED, order_array
from gongkai.ingest.records import Token

BRANCHES = 64  # readings of blocks tried in all, where blocks wait on each other
_TIED = 32  # distinct readings of one run kept (zeros moved give the same cells)

Block = tuple[int, int, int, int, list[Token]]  # rows [a, b), columns [c, d), its figures in print order
Grid = list[list[Token | None]]
Filled = tuple[Grid, dict[tuple[int, int], list[int]], set[tuple[int, int]]]


def _solve_block(
    amounts: list[int], n: int, u: int, sums: Any, offsets: Any, mask: Any = None
) -> tuple[int, list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    """The best readings of a block's figures as ``n`` rows of ``u`` cells in runs of column groups:
    (rows holding with the cells already placed, [(cells row by row, positions)]); ``mask``: the
    rows whose other cells are all placed (the others are not counted either way)."""
    import numpy as np

    printed = np.asarray(amounts, dtype=np.int64)
    if mask is None:
        mask = np.ones(n, dtype=bool)
    keep = KEEP if mask.all() else BRANCHES  # rows not counted tie many readings: keep more
    best: list[tuple[int, list[tuple[tuple[int, ...], tuple[int, ...], int]]]] = [(0, [((), (), 0)])]
    for b in range(1, n + 1):
        top = -1
        kept: dict[tuple[int, ...], tuple[tuple[int, ...], int]] = {}
        for a in range(b):
            base, readings = best[a]
            m = b - a
            if base + m < top or not readings:
                continue
            positions = order_array(m, u) + a * u
            cells = printed[positions]
            total = cells.reshape(len(positions), m, u) @ sums + offsets[a:b][None]
            broken = total.any(axis=2)
            counts = (~broken & mask[a:b]).sum(axis=1)
            counts[(broken & mask[a:b]).sum(axis=1) > TOLERATED] = -1
            most = int(counts.max())
            if most < 0 or base + most < top:
                continue
            if base + most > top:
                top, kept = base + most, {}
            tied = np.flatnonzero(counts == most)
            _, unique = np.unique(cells[tied], axis=0, return_index=True)
            for k in sorted(tied[unique].tolist())[:_TIED]:
                run = tuple(cells[k].tolist())
                where = tuple(positions[k].tolist())
                for done, sources, runs in readings:
                    old = kept.get(done + run)
                    if old is None or runs + 1 < old[1]:
                        kept[done + run] = (sources + where, runs + 1)
        fewest = sorted(kept.items(), key=lambda item: item[1][1])[:keep]  # the fewest runs first
        best.append((top, [(cells, sources, runs) for cells, (sources, runs) in fewest]))
    return best[n][0], [(cells, sources) for cells, sources, _runs in best[n][1]]


def _solve_moved(
    tokens: list[Token], n: int, u: int, sums: Any, offsets: Any
) -> tuple[int, list[tuple[tuple[int, ...], tuple[int, ...]]], list[Token], int | None]:
    """``_solve_block``, and where rows fail, the block with its last figure put back earlier (a tall
    row's 总计 printed at the block's end): the stream that makes most rows add up, from the first
    failing row's run on; (rows holding, readings, the figures in the order read, the position of
    the figure moved or None)."""
    amounts = [int(t.value.amount or 0) for t in tokens]
    adding, readings = _solve_block(amounts, n, u, sums, offsets)
    if not readings or adding == n:
        return adding, readings, tokens, None
    cells, sources = readings[0]
    rows = [cells[i * u : (i + 1) * u] for i in range(n)]
    failing = next((i for i, row in enumerate(rows) if not _holds_row(row, i, sums, offsets)), None)
    if failing is None:
        return adding, readings, tokens, None
    start = min(sources[failing * u : (failing + 1) * u])
    best: tuple[int, list[tuple[tuple[int, ...], tuple[int, ...]]], list[Token], int | None]
    best = (adding, readings, tokens, None)
    for q in range(start, len(tokens) - 1):
        order = [*range(q), len(tokens) - 1, *range(q, len(tokens) - 1)]
        moved = [tokens[i] for i in order]
        found, read = _solve_block([amounts[i] for i in order], n, u, sums, offsets)
        if found > best[0]:
            best = (found, read, moved, q)
    return best


def _holds_row(row: tuple[int, ...], i: int, sums: Any, offsets: Any) -> bool:
    import numpy as np

    return not (np.asarray(row, dtype=np.int64) @ sums + offsets[i]).any()


def _pair(grid: Grid, blocks: list[Block]) -> tuple[int, int] | None:
    """Two blocks of the same rows that hold every cell those rows lack."""
    width = len(grid[0])
    for i, one in enumerate(blocks):
        for j in range(i + 1, len(blocks)):
            two = blocks[j]
            if one[:2] != two[:2]:
                continue
            inside = set(range(one[2], one[3])) | set(range(two[2], two[3]))
            if all(grid[r][c] is not None or c in inside for r in range(one[0], one[1]) for c in range(width)):
                return i, j
    return None


def _fill_pair(
    grid: Grid,
    blocks: list[Block],
    pair: tuple[int, int],
    cuts: tuple[tuple[int, int], ...],
    coefficients: Any,
    budget: list[int],
) -> list[Filled]:
    """``_fill`` with two blocks of the same rows read together: their runs cut at the same rows,
    each run tried in every pair of the two blocks' orders, the rows adding up with both."""
    import numpy as np

    one, two = blocks[pair[0]], blocks[pair[1]]
    rest = [blk for i, blk in enumerate(blocks) if i not in pair]
    a, b = one[0], one[1]
    width = len(grid[0])
    inside = set(range(one[2], one[3])) | set(range(two[2], two[3]))
    known = np.asarray(
        [[0 if j in inside else _amount(grid[r][j]) for j in range(width)] for r in range(a, b)], dtype=np.int64
    )
    offsets = known @ coefficients.T
    shapes = [(blk[3] - blk[2], np.asarray([_amount(t) for t in blk[4]], dtype=np.int64)) for blk in (one, two)]
    sums = [coefficients[:, blk[2] : blk[3]].T for blk in (one, two)]
    n = b - a
    Reading2 = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], tuple[int, ...]]
    best: list[tuple[int, list[tuple[Reading2, int]]]] = [(0, [(((), (), (), ()), 0)])]
    for end in range(1, n + 1):
        top = -1
        kept: dict[tuple[tuple[int, ...], tuple[int, ...]], tuple[Reading2, int]] = {}
        for start in range(end):
            base, readings = best[start]
            m = end - start
            if base + m < top or not readings:
                continue
            (u1, p1), (u2, p2) = shapes
            at1 = order_array(m, u1) + start * u1
            at2 = order_array(m, u2) + start * u2
            c1, c2 = p1[at1], p2[at2]
            total = (
                (c1.reshape(len(at1), m, u1) @ sums[0])[:, None]
                + (c2.reshape(len(at2), m, u2) @ sums[1])[None]
                + offsets[start:end][None, None]
            )
            counts = (~total.any(axis=3)).sum(axis=2)
            counts[m - counts > TOLERATED] = -1
            most = int(counts.max())
            if most < 0 or base + most < top:
                continue
            if base + most > top:
                top, kept = base + most, {}
            for x, y in np.argwhere(counts == most)[: _TIED * 4].tolist():
                run1, run2 = tuple(c1[x].tolist()), tuple(c2[y].tolist())
                for (d1, s1, d2, s2), runs in readings:
                    both = (d1 + run1, d2 + run2)
                    old = kept.get(both)
                    if old is None or runs + 1 < old[1]:
                        where1, where2 = s1 + tuple(at1[x].tolist()), s2 + tuple(at2[y].tolist())
                        kept[both] = ((both[0], where1, both[1], where2), runs + 1)
        best.append((top, sorted(kept.values(), key=lambda item: item[1])[:KEEP]))
    adding, found = best[n]
    if not found or n - adding > TOLERATED:
        return []
    out: list[Filled] = []
    for index, ((cells1, src1, cells2, src2), _runs) in enumerate(found):
        if index and budget[0] <= 0:
            break
        budget[0] -= 1
        grown = [line[:] for line in grid]
        for blk, placed, sources in ((one, cells1, src1), (two, cells2, src2)):
            u = blk[3] - blk[2]
            for i in range(len(placed)):
                grown[a + i // u][blk[2] + i % u] = blk[4][sources[i]]
        out += fill(grown, rest, cuts, coefficients, budget)
    return out


def _amount(token: Token | None) -> int:
    return 0 if token is None else int(token.value.amount or 0)


def fill(
    grid: Grid, blocks: list[Block], cuts: tuple[tuple[int, int], ...], coefficients: Any, budget: list[int]
) -> list[Filled]:
    """The grid completed block by block: a block whose rows have every other cell placed first,
    read by the arithmetic; else a part's rows printed whole under its header, row by row; else the
    block with most such rows, each of its best readings in turn (at most ``budget`` in all)."""
    import numpy as np

    if not blocks:
        return [(grid, {}, set())]
    width = len(grid[0])

    def others_placed(blk: Block) -> Any:
        return np.asarray(
            [all(grid[r][c] is not None or blk[2] <= c < blk[3] for c in range(width)) for r in range(blk[0], blk[1])]
        )

    masks = [others_placed(blk) for blk in blocks]
    ready = next((i for i, m in enumerate(masks) if m.all()), None)
    if ready is None:
        single = next((i for i, blk in enumerate(blocks) if blk[3] - blk[2] == 1), None)
        if single is not None:  # one column's figures: top to bottom, the only order there is
            a, _b, c, _d, tokens = blocks[single]
            grown = [line[:] for line in grid]
            for i, token in enumerate(tokens):
                grown[a + i][c] = token
            return fill(grown, blocks[:single] + blocks[single + 1 :], cuts, coefficients, budget)
        pair = _pair(grid, blocks)
        if pair is not None:  # two blocks of the same rows that hold all their missing cells: read together
            return _fill_pair(grid, blocks, pair, cuts, coefficients, budget)
        whole = next((i for i, blk in enumerate(blocks) if (blk[2], blk[3]) in cuts), None)
        if whole is not None:  # rows printed whole under a part's header: row by row, as printed
            a, _b, c, d, tokens = blocks[whole]
            grown = [line[:] for line in grid]
            for i, token in enumerate(tokens):
                grown[a + i // (d - c)][c + i % (d - c)] = token
            return fill(grown, blocks[:whole] + blocks[whole + 1 :], cuts, coefficients, budget)
    pick = ready if ready is not None else max(range(len(blocks)), key=lambda i: int(masks[i].sum()))
    if not masks[pick].any():
        return []
    a, b, c, d, tokens = blocks[pick]
    rest = blocks[:pick] + blocks[pick + 1 :]
    known = np.asarray(
        [[0 if c <= j < d else _amount(grid[r][j]) for j in range(width)] for r in range(a, b)], dtype=np.int64
    )
    offsets = known @ coefficients.T  # rows × eqs
    sums = coefficients[:, c:d].T
    if ready is not None:
        adding, readings, tokens, shifted = _solve_moved(tokens, b - a, d - c, sums, offsets)
    else:
        adding, readings = _solve_block(
            [int(t.value.amount or 0) for t in tokens], b - a, d - c, sums, offsets, masks[pick]
        )
        shifted = None
    if not readings or int(masks[pick].sum()) - adding > TOLERATED:
        return []
    out: list[Filled] = []
    u = d - c
    # each of the block's best readings in turn (the table's equations choose): as many as the
    # budget allows; a block read past it keeps its first reading, its other readings' cells undecided
    for n, (cells, sources) in enumerate(readings):
        if n and budget[0] <= 0:
            break
        budget[0] -= 1
        grown = [line[:] for line in grid]
        undecided: dict[tuple[int, int], list[int]] = {}
        moved: set[tuple[int, int]] = set()
        for i in range(len(cells)):
            r, j = a + i // u, c + i % u
            grown[r][j] = tokens[sources[i]]
            if budget[0] <= 0:
                seen = list(dict.fromkeys(reading[0][i] for reading in readings))
                if len(seen) > 1:
                    undecided[(r, j)] = seen
            if shifted is not None and sources[i] == shifted:
                moved.add((r, j))
        for done, more, shifts in fill(grown, rest, cuts, coefficients, budget):
            out.append((done, {**undecided, **more}, moved | shifts))
    return out
