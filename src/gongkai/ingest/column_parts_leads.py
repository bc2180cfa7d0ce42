"""Table 三 cut by columns into two parts whose rows print their first cells beside their labels and
the rest in blocks apart (``pdftotext`` default mode, a WeChat article's phone-width pages).

A page too narrow for table 三 prints it as two tables, the first columns (自然人 商业企业 科研机构)
and then the rest (社会公益组织 … 总计), each with its header and every row label again
(``column_parts``). In its default mode ``pdftotext`` may give a part's rows as their labels, each
with its first cells (the 社会公益组织 figure), and the part's other cells in one block elsewhere
(after the part's last row, or before its first labelled one: the rows under the header printed
whole), row by row or column by column. Read by labels, each row holds a part's first cells only;
joined by rows (``column_parts``) the widths do not add up and the rest is lost.

The rule, taken only where the counts fit exactly: for a cut ``k`` of the columns, each part's rows
hold the cells beside their labels (the part's commonest count, or the part's whole width), and the
part's other figures, in printed order, are blocks that fill the rows lacking cells, row after row
(each block a rectangle: consecutive rows, the part's last columns). A few figures past the last
block (table 四's first cells) are left out. Each block is read as ``block_orders`` reads a table
printed in runs of column groups, every row adding up to its 总计 with the cells already placed
(``report.equations``); blocks whose rows lack cells of another block wait for it. Of the cuts, the
one whose rows add up best is taken; cells its best readings disagree on are left unknown with the
alternatives in ``uncertain``, and the table is named in ``uncertain``. The reading replaces the one
by labels only where that one left cells unknown or broke more equations.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from itertools import product
from typing import Any

from gongkai.ingest.block_orders import KEEP, TOLERATED, order_array, row_equations
from gongkai.ingest.blocks_head import from_header
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, printed_counts
from gongkai.ingest.request_labels import match_request
from gongkai.ingest.request_rows import request_records
from gongkai.report.equations import requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_MAX_EXTRA = 8  # figures past the last block left out (table 四's first cells among 三's records)
_LABELS = 400  # label cells looked at for the first row's second printing
_AMBIGUOUS = 4  # rows whose figures beside the label may be read more ways than one (``_options``)
_MIN_LEAD = 3  # rows holding the same count beside their labels, for that count to be the part's lead
_BRANCHES = 64  # readings of blocks tried in all, where blocks wait on each other
_TIED = 32  # distinct readings of one run kept (zeros moved give the same cells)

Block = tuple[int, int, int, int, list[Token]]  # rows [a, b), columns [c, d), its figures in print order
Grid = list[list[Token | None]]


def _second_printing(template: Template, records: list[Record]) -> int | None:
    """The index of the record that prints table 三's first row label the second time."""
    first = template.request_rows[0].key
    seen = 0
    looked = 0
    for i, record in enumerate(records):
        for token in record.labels:
            looked += 1
            if looked > _LABELS:
                return None
            match = match_request(Record([token], [], record.table), False, 0)
            if match is not None and match.key == first:
                seen += 1
                if seen == 2:
                    return i
    return None


def _figures(values: list[Token]) -> list[Token]:
    return [t for t in values if t.value.kind is not CellKind.BLANK and t.value.is_value]


def _laid(template: Template, part: list[Record]) -> tuple[dict[int, list[Token]], list[Token]] | None:
    """A part's figures beside each row's label (by row index) and all its figures in order."""
    stream = printed_counts(part)
    if not stream:
        return None
    raw, _votes, _orphans = request_records(part)
    index = {row.key: i for i, row in enumerate(template.request_rows)}
    beside = {index[key]: _figures(found.values) for key, found in raw.items() if key in index}
    return {r: f for r, f in beside.items() if f}, stream


Free = list[tuple[int, int]]  # each row's columns lacking cells, [from, to)


def _lead(beside: dict[int, list[Token]]) -> int:
    """The count of figures most rows of the part hold beside their label (0: no such count)."""
    if not beside:
        return 0
    count, rows = Counter(len(f) for f in beside.values()).most_common(1)[0]
    return count if rows >= _MIN_LEAD else 0


def _labels_block(beside: dict[int, list[Token]], r: int, width: int) -> tuple[int, int] | None:
    """Row ``r``'s figures as the figures of the labels printed before them: (the labels block's
    first row, the columns each of its rows then holds), where the rows since the last row holding
    figures share them evenly."""
    first = r
    while first > 0 and not beside.get(first - 1):
        first -= 1
    m, count = r - first + 1, len(beside[r])
    if m < 2 or count % m or count // m > width:
        return None
    return first, count // m


def _options(laid: tuple[dict[int, list[Token]], list[Token]], width: int) -> list[tuple[int, list[str]]]:
    """The part's rows holding figures beside their label neither the part's lead nor its width,
    with their readings: the figures of a labels block ("block"), the lead and then a block apart
    ("lead"), or all a block apart ("alone")."""
    beside = laid[0]
    lead = _lead(beside)
    out = []
    for r, figures in beside.items():
        if len(figures) in (lead, width):
            continue
        ways = ["block"] if _labels_block(beside, r, width) else []
        ways += ["lead"] if 0 < lead < len(figures) else []
        out.append((r, [*ways, "alone"]))
    return out


def _place(
    laid: tuple[dict[int, list[Token]], list[Token]],
    rows: int,
    lo: int,
    hi: int,
    grid: Grid,
    choice: dict[int, str],
) -> tuple[Free, list[Block]] | None:
    """The part's cells beside the labels put in ``grid`` (columns ``[lo, hi)``), rows in ``choice``
    read as it says: each row's columns lacking cells, and the labels blocks' blocks; None where a
    row holds figures no reading gives it."""
    width = hi - lo
    beside = laid[0]
    lead = _lead(beside)
    if lead > width:
        return None
    free: Free = [(lo, hi)] * rows
    blocks: list[Block] = []
    for r, figures in beside.items():
        if r >= rows:
            return None
        way = choice.get(r)
        if way == "block":
            found = _labels_block(beside, r, width)
            if found is None:
                return None
            first, q = found
            blocks.append((first, r + 1, hi - q, hi, figures))
            for row in range(first, r + 1):
                free[row] = (lo, hi - q)
            continue
        own = figures if len(figures) == width else figures[:lead] if way == "lead" or len(figures) == lead else []
        if not own and way != "alone":
            return None
        for c, token in enumerate(own):
            grid[r][lo + c] = token
        free[r] = (lo + len(own), hi)
    return free, blocks


def _blocks(stream: list[Token], grid: Grid, frees: list[Free], labelled: list[Block]) -> list[Block] | None:
    """The labels blocks, and the figures neither placed beside labels nor in a labels block, in
    printed order, cut into blocks of the rows lacking cells, part by part and row after row (each
    a rectangle: consecutive rows lacking the same columns); None where they do not fit, or a block
    would take figures of two runs printed apart."""
    taken = {id(t) for line in grid for t in line if t is not None} | {id(t) for blk in labelled for t in blk[4]}
    chunks: list[list[Token]] = [[]]
    for token in stream:
        if id(token) in taken:
            if chunks[-1]:
                chunks.append([])
        else:
            chunks[-1].append(token)
    figures = [t for chunk in chunks for t in chunk]
    blocks: list[Block] = []
    at = 0
    for free in frees:
        r = 0
        while r < len(free):
            c, d = free[r]
            end = r + 1
            while end < len(free) and free[end] == (c, d):
                end += 1
            if c < d:
                size = (end - r) * (d - c)
                if at + size > len(figures):
                    return None
                blocks.append((r, end, c, d, figures[at : at + size]))
                at += size
            r = end
    if len(figures) - at > _MAX_EXTRA or not _chunk_aligned(blocks, [c for c in chunks if c]):
        return None
    return labelled + blocks


def _chunk_aligned(blocks: list[Block], chunks: list[list[Token]]) -> bool:
    """Whether no block takes figures from two runs printed apart (a run may hold several blocks)."""
    starts = set()
    at = 0
    for block in blocks:
        starts.add(at)
        at += len(block[4])
    starts.add(at)
    total = 0
    for chunk in chunks:
        total += len(chunk)
        if total < at and total not in starts:
            return False
    return True


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
    keep = KEEP if mask.all() else _BRANCHES  # rows not counted tie many readings: keep more
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


def _read_cut(
    template: Template, laid: list[tuple[dict[int, list[Token]], list[Token]]], k: int, equations: list[list[int]]
) -> tuple[Grid, dict[tuple[int, int], list[int]], int, set[tuple[int, int]]] | None:
    """The table read with the columns cut after ``k``: (its cells, cells left undecided with their
    values, rows not adding up, cells of a figure put back from the block's end); None where the
    counts do not fit or a block reads in no order."""
    width = len(template.request_columns)
    cuts = ((0, k), (k, width))
    options = [
        ((i, r), ways)
        for i, ((lo, hi), part) in enumerate(zip(cuts, laid, strict=True))
        for r, ways in _options(part, hi - lo)
    ]
    if len(options) > _AMBIGUOUS:
        return None
    for chosen in product(*(ways for _where, ways in options)):
        choice = {where: way for (where, _ways), way in zip(options, chosen, strict=True)}
        read = _read_placed(template, laid, cuts, choice, equations)
        if read is not None:
            return read
    return None


def _read_placed(
    template: Template,
    laid: list[tuple[dict[int, list[Token]], list[Token]]],
    cuts: tuple[tuple[int, int], ...],
    choice: dict[tuple[int, int], str],
    equations: list[list[int]],
) -> tuple[Grid, dict[tuple[int, int], list[int]], int, set[tuple[int, int]]] | None:
    """``_read_cut`` with the rows in ``choice`` (part, row) read as it says (``_options``)."""
    import numpy as np

    rows, width = len(template.request_rows), len(template.request_columns)
    grid: Grid = [[None] * width for _ in range(rows)]
    frees: list[Free] = []
    labelled: list[Block] = []
    for i, ((lo, hi), part) in enumerate(zip(cuts, laid, strict=True)):
        placed = _place(part, rows, lo, hi, grid, {r: way for (p, r), way in choice.items() if p == i})
        if placed is None:
            return None
        frees.append(placed[0])
        labelled += placed[1]
    found = _blocks([t for part in laid for t in part[1]], grid, frees, labelled)
    if found is None:
        return None
    coefficients = np.asarray(equations, dtype=np.int64)  # eqs × width
    filled = _fill(grid, found, cuts, coefficients, [_BRANCHES])
    if not filled:
        return None

    def failing(grid: Grid) -> int:
        values = np.asarray([[int(t.value.amount or 0) if t is not None else 0 for t in line] for line in grid])
        return int((values @ coefficients.T).any(axis=1).sum())

    bound = requests_bound(template.id)
    keys: list[Hashable] = [row.key for row in template.request_rows]

    def rank(grid: Grid) -> tuple[int, int, int]:
        satisfied, broken = bound.score(_values(grid, {}, keys))
        return failing(grid), broken, -satisfied

    ranked = sorted(filled, key=lambda f: rank(f[0]))
    grid, undecided, moved = ranked[0]
    least = failing(grid)
    for other, _u, _m in ranked[1:]:
        if rank(other) != rank(grid):
            break
        for r, line in enumerate(other):  # readings as good as the best: where they differ, not decided
            for c, token in enumerate(line):
                mine = grid[r][c]
                if token is not None and mine is not None and token.value.amount != mine.value.amount:
                    undecided.setdefault((r, c), [int(mine.value.amount or 0)]).append(int(token.value.amount or 0))
    return grid, undecided, least, moved


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
        out += _fill(grown, rest, cuts, coefficients, budget)
    return out


def _amount(token: Token | None) -> int:
    return 0 if token is None else int(token.value.amount or 0)


Filled = tuple[Grid, dict[tuple[int, int], list[int]], set[tuple[int, int]]]


def _fill(
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
            return _fill(grown, blocks[:single] + blocks[single + 1 :], cuts, coefficients, budget)
        pair = _pair(grid, blocks)
        if pair is not None:  # two blocks of the same rows that hold all their missing cells: read together
            return _fill_pair(grid, blocks, pair, cuts, coefficients, budget)
        whole = next((i for i, blk in enumerate(blocks) if (blk[2], blk[3]) in cuts), None)
        if whole is not None:  # rows printed whole under a part's header: row by row, as printed
            a, _b, c, d, tokens = blocks[whole]
            grown = [line[:] for line in grid]
            for i, token in enumerate(tokens):
                grown[a + i // (d - c)][c + i % (d - c)] = token
            return _fill(grown, blocks[:whole] + blocks[whole + 1 :], cuts, coefficients, budget)
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
        for done, more, shifts in _fill(grown, rest, cuts, coefficients, budget):
            out.append((done, {**undecided, **more}, moved | shifts))
    return out


def read_part_leads(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Read table 三 printed in two column parts whose rows print their first cells beside their
    labels and the rest in blocks (see the module), where the counts and the arithmetic settle it;
    ``records``: the records of table 三, in order."""
    keys: list[Hashable] = [row.key for row in template.request_rows]
    width = len(template.request_columns)
    bound = requests_bound(template.id)
    current: dict[Hashable, tuple[int | None, ...]] = {key: tuple(v) for key, v in report.requests.items()}
    if all(v is not None for values in current.values() for v in values) and bound.broken(current) <= TOLERATED:
        return  # the labels read every cell and the arithmetic holds (or a report contradicts itself)
    if not keys or width < 3:
        return
    cut = _second_printing(template, records)
    equations = row_equations(bound, keys, width)
    if cut is None or equations is None:
        return
    # (a channel table's shares before the first part's header are no figures of it: ``blocks_head``)
    laid = [_laid(template, from_header(records[:cut])), _laid(template, records[cut:])]
    if laid[0] is None or laid[1] is None:
        return
    parts = [p for p in laid if p is not None]
    found = []
    for k in range(1, width - 1):
        read = _read_cut(template, parts, k, equations)
        if read is not None:
            found.append(read)
    if not found:
        return

    def rank(read: tuple[Grid, dict[tuple[int, int], list[int]], int, set[tuple[int, int]]]) -> tuple[int, int]:
        satisfied, broken = bound.score(_values(read[0], read[1], keys))
        return broken, -satisfied

    ranked = sorted(found, key=rank)
    if len(ranked) > 1 and rank(ranked[0]) == rank(ranked[1]):
        return  # two cuts of the columns read alike: not decided
    grid, undecided, failing, moved = ranked[0]
    if failing > TOLERATED:
        return
    broken, satisfied = rank(ranked[0])[0], -rank(ranked[0])[1]
    before = bound.score(current)
    if satisfied - broken <= before[0] - before[1]:
        return  # the labels' reading fits the arithmetic as well
    _take(template, keys, grid, undecided, report, evidence)
    for r, c in sorted(moved):
        if report.requests[str(keys[r])][c] is not None:
            evidence.doubt(
                f"requests.{keys[r]}[{c}]",
                report.requests[str(keys[r])][c],
                "此数字印在本块数字之末，按本行合计放回本行",
                "this figure is printed at the end of its block; put back in its row where the row then adds up",
            )


def _values(
    grid: Grid, undecided: dict[tuple[int, int], list[int]], keys: list[Hashable]
) -> dict[Hashable, tuple[int | None, ...]]:
    return {
        key: tuple(
            None if (r, c) in undecided or token is None else int(token.value.amount or 0)
            for c, token in enumerate(row)
        )
        for r, (key, row) in enumerate(zip(keys, grid, strict=True))
    }


def _take(
    template: Template,
    keys: list[Hashable],
    grid: Grid,
    undecided: dict[tuple[int, int], list[int]],
    report: Report,
    evidence: Evidence,
) -> None:
    values = _values(grid, undecided, keys)
    bound = requests_bound(template.id)
    inside = {key: bound.inside(key) for key in keys}
    evidence.forget("requests.")
    for r, key in enumerate(keys):
        row = list(values[key])
        holds = all(
            sum(row[i] or 0 for i in left) == sum(row[i] or 0 for i in right) for left, right in inside[key]
        ) and all(v is not None for v in row)
        if not holds and all(v is not None for v in row):
            evidence.doubt(
                f"requests.{key}",
                None,
                "表三分两部分印出，此行按印刷顺序读出的数字不合乎本行合计，记为未知",
                "table 三 printed in two column parts: no order of this row's figures adds up to its 总计; "
                "left unknown",
            )
            row = [None] * len(row)
        for c, token in enumerate(grid[r]):
            if token is not None and row[c] is not None:
                evidence.provenance[f"requests.{key}[{c}]"] = token.where
        report.requests[str(key)] = row
    first = next((t for line in grid for t in line if t is not None), None)
    evidence.doubt(
        "requests",
        None,
        "表三分两部分印出（按列拆开），各行标签旁只印出部分数字，其余成块印出：按合乎各行合计的顺序读取",
        "table 三 printed in two column parts, its rows' first cells beside their labels and the rest in "
        "blocks: read in the order in which every row adds up to its 总计",
        first.where if first is not None else None,
    )
    for (r, c), seen in undecided.items():
        evidence.doubt(
            f"requests.{keys[r]}[{c}]",
            None,
            f"合乎勾稽关系的几种读法在此格不一致（{'、'.join(map(str, seen))}），记为未知",
            f"readings the arithmetic cannot tell apart differ here ({', '.join(map(str, seen))}); left unknown",
        )
        evidence.alternatives([[v] for v in seen])
