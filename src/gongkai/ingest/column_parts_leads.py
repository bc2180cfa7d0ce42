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

from gongkai.ingest.block_orders import TOLERATED, row_equations
from gongkai.ingest.blocks_head import from_header
from gongkai.ingest.column_parts_fill import BRANCHES, Block, Grid, fill
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, printed_counts
from gongkai.ingest.request_labels import match_request_label
from gongkai.ingest.request_rows import request_records
from gongkai.ingest.requests_now import requests_now
from gongkai.report.equations import requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_MAX_EXTRA = 8  # figures past the last block left out (table 四's first cells among 三's records)
_LABELS = 400  # label cells looked at for the first row's second printing
_AMBIGUOUS = 4  # rows whose figures beside the label may be read more ways than one (``_options``)
_MIN_LEAD = 3  # rows holding the same count beside their labels, for that count to be the part's lead


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
            match = match_request_label(token.text)
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
    filled = fill(grid, found, cuts, coefficients, [BRANCHES])
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


def read_part_leads(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Read table 三 printed in two column parts whose rows print their first cells beside their
    labels and the rest in blocks (see the module), where the counts and the arithmetic settle it;
    ``records``: the records of table 三, in order."""
    keys: list[Hashable] = [row.key for row in template.request_rows]
    width = len(template.request_columns)
    bound = requests_bound(template.id)
    now = requests_now(template, report)
    current = now.table()
    if now.complete and now.broken() <= TOLERATED:
        return  # the labels read every cell and the arithmetic holds (or a report contradicts itself)
    if not keys or width < 3:
        return
    if any(t.x is not None for record in records for t in record.values):
        return  # laid-out text keeps each row's figures on its line (the text flow's blocks are not its)
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
        evidence.undecided(f"requests.{keys[r]}[{c}]", seen)
