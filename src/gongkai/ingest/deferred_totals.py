"""Table 三 of a Word table that prints every cell (its zeros too, often as ``0 件``), read from
``pdftotext``'s default flow where its tall rows moved some cells out of the grid's order.

LibreOffice's print of such a table, read by ``pdftotext`` without ``-layout``, gives the cells
of a row left to right and the rows top to bottom, but not quite: a row whose label wraps over
several lines is taller than its figures, and its 总计 cell (centred lower in the row, or a wider
figure) comes out later in the flow, after the cells of one or more rows below it; a figure
printed on its label's line (``2、没有现成信息需要另行 7 件``) stays there; and the last rows
(（七）总计, 四、结转下年度继续办理, with the row above them) may come out column by column, mixed.
The labels say little: most come out in a block of their own, away from their figures.

What the flow keeps is enough with the table's own arithmetic: the figures are the rows' cells in
order, each row's six cells then its 总计 (the sum of the six, ``report/equations``' row sum),
which comes next or is deferred to any later place of the flow. The last two or three rows are
taken as one mixed block: （七）总计 and 四、结转 follow from the rows above (the outcome sums and
each column's balance), the row before them is searched among the block's figures, and the block
must hold exactly those cells. Every way to cut the flow so is found (a bounded search that
merges readings holding the same cells: runs of zeros cut many ways read the same); a cell is read
where every way agrees, and every row this changes is named in ``uncertain`` (a model of the flow,
not a grid the text shows). A flow no way cuts, a table whose count of figures is not its count of
cells (blank zeros: ``vanished``'s case), a report contradicting itself: nothing is read here.

Gated: run only where the readings before left a cell of table 三 unknown or in doubt, on a flow
with no laid-out places (``pdftotext -layout`` places figures by where they stand).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, line_number
from gongkai.report.equations import Cell, Equation, closure, equations, total
from gongkai.report.model import Report
from gongkai.report.templates import Template

_AT_LABEL_END = re.compile(r"\S\s+(\d+)\s*件$")  # ``…另行 7 件``: a row's first cell on its label's line
# What a label ``_AT_LABEL_END`` matches ends in (``$`` matches before a last newline too): asked
# first, as most labels end otherwise and the search tries every character of a long label
_LABEL_END_UNIT = ("件", "件\n")
_MOST_PENDING = 3  # totals deferred and not yet printed at once
_MOST_READINGS = 32  # different readings of the rest of the flow from one point of the cut
_BUDGET = 200_000  # points of the cut visited at most

Rows = tuple[tuple[int, ...], ...]
Rest = tuple[int, ...]  # the figures left for the mixed last rows, sorted


class _Budget(Exception):
    """The search went past its bounds: nothing is read."""


def _flow(records: list[Record]) -> list[int] | None:
    """Table 三's figures in printed order, a figure at the end of a label's line among them; None
    where a token is no count (a word, a dash, a fraction) or stands at a laid-out place."""
    items: list[tuple[int, int, int]] = []
    for record in records:
        for label in record.labels:
            found = _AT_LABEL_END.search(label.text) if label.text.endswith(_LABEL_END_UNIT) else None
            if found:
                items.append((line_number(label) or 0, 0, int(found.group(1))))
        for k, token in enumerate(record.values, 1):
            if token.value.kind is CellKind.BLANK:
                continue
            amount = _count(token)
            if amount is None:
                return None
            items.append((line_number(token) or 0, k, amount))
    return [amount for *_, amount in sorted(items, key=lambda item: (item[0], item[1]))]


def _flow_size(records: list[Record]) -> int:
    """How many figures ``_flow`` gives where it gives a flow: the printed cells and the figures
    at labels' ends, counted without building it."""
    blank = CellKind.BLANK
    printed = sum(1 for record in records for t in record.values if t.value.kind is not blank)
    return printed + sum(
        1
        for record in records
        for label in record.labels
        if label.text.endswith(_LABEL_END_UNIT) and _AT_LABEL_END.search(label.text)
    )


def _count(token: Token) -> int | None:
    amount = token.value.amount
    if token.value.kind is not CellKind.NUMBER or not isinstance(amount, int) or amount < 0 or token.x is not None:
        return None
    return amount


class _Cut:
    """The ways to cut ``flow`` into the first ``rows`` rows of ``width`` cells (a row's 总计 next
    or deferred), with the figures left over for the mixed last rows."""

    def __init__(self, flow: Sequence[int], rows: int, width: int) -> None:
        self.flow = tuple(flow)
        self.rows = rows
        self.width = width
        self.memo: dict[tuple[int, int, tuple[int, ...], tuple[int, ...]], frozenset[tuple[Rows, Rest]]] = {}
        self.steps = 0

    def ways(self, at: int, row: int, cells: tuple[int, ...], pending: tuple[int, ...]) -> frozenset[tuple[Rows, Rest]]:
        key = (at, row, cells, pending)
        if key in self.memo:
            return self.memo[key]
        self.steps += 1
        if self.steps > _BUDGET:
            raise _Budget
        out: set[tuple[Rows, Rest]] = set()
        flow = self.flow
        if row == self.rows:  # the rest is the mixed last rows, the deferred totals among it
            rest = Counter(flow[at:])
            rest.subtract(pending)
            if all(n >= 0 for n in rest.values()):
                out.add(((), tuple(sorted(rest.elements()))))
        else:
            if not cells and at < len(flow) and flow[at] in pending:  # a deferred total, between rows
                left = list(pending)
                left.remove(flow[at])
                out |= self.ways(at + 1, row, cells, tuple(left))
            if len(cells) < self.width - 1:
                if at < len(flow):
                    out |= self.ways(at + 1, row, (*cells, flow[at]), pending)
            else:
                whole = total(list(cells))
                assert whole is not None
                done = (*cells, int(whole))
                if at < len(flow) and flow[at] == whole:  # the 总计 next
                    out |= {((done, *rest_rows), rest) for rest_rows, rest in self.ways(at + 1, row + 1, (), pending)}
                if len(pending) < _MOST_PENDING:  # the 总计 deferred
                    later = tuple(sorted((*pending, int(whole))))
                    out |= {((done, *rest_rows), rest) for rest_rows, rest in self.ways(at, row + 1, (), later)}
        if len(out) > _MOST_READINGS:
            raise _Budget
        found = frozenset(out)
        self.memo[key] = found
        return found


def _tables(
    head: Rows, rest: Rest, keys: Sequence[str], width: int, chosen: Sequence[Equation]
) -> list[dict[Cell, int]]:
    """The whole tables ``head`` (the first rows, cut from the flow) makes with the mixed last
    rows, their cells exactly the figures ``rest``: the last two rows worked out by the equations,
    the row before them (where ``head`` stops short of it) searched among ``rest``'s figures."""
    known = {Cell("requests", keys[r], c): v for r, cells in enumerate(head) for c, v in enumerate(cells)}
    missing = list(keys[len(head) :])
    searched = missing[:-2]
    if len(searched) > 1:
        return []
    out: list[dict[Cell, int]] = []
    counted = Counter(rest)
    options: list[list[int]] = []
    for c in range(width - 1 if searched else 0):  # each column's cell of the searched row, alone
        fits = []
        for v in sorted(counted):
            closed = closure({**known, **{Cell("requests", key, c): v for key in searched}}, chosen)
            if closed is None:
                continue
            below = [closed.get(Cell("requests", key, c)) for key in missing[-2:]]
            if None not in below and all(counted[b] > 0 for b in below if b is not None):
                fits.append(v)
        options.append(fits)
    rows = list(itertools.product(*options))
    if len(rows) > _BUDGET // 100:
        return []
    for cells in rows:
        guess = dict(known)
        for key in searched:
            part = total(list(cells))
            assert part is not None
            guess.update({Cell("requests", key, c): v for c, v in enumerate((*cells, int(part)))})
        closed = closure(guess, chosen)
        if closed is None:
            continue
        tail = [closed.get(Cell("requests", key, c)) for key in missing for c in range(width)]
        if None in tail or sorted(v for v in tail if v is not None) != list(rest):
            continue
        if all(e.holds(closed.get) is not False for e in chosen):
            out.append(closed)
    return out


def _spread(cells: dict[Cell, int], key: str, width: int) -> bool:
    """Whether row ``key`` holds figures above 0 in two columns or more before its 总计."""
    return sum(1 for c in range(width - 1) if cells.get(Cell("requests", key, c), 0) > 0) >= 2


def _searchable(template: Template, rest_rows: int) -> bool:
    """Whether the row before the last two may be searched: ``rest_rows`` is 2 or 3."""
    return rest_rows in (2, 3) and len(template.request_rows) > rest_rows


def read_deferred_totals(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Table 三's cells where every cut of the flow (rows in order, a 总计 next or deferred, the
    last rows mixed) agrees; ``records``: table 三's records, in order."""
    keys = [row.key for row in template.request_rows]
    width = len(template.request_columns)
    if template.total_column != width - 1 or keys[-2:] != ["total_processed", "carried_forward"]:
        return
    doubted = {entry.cell for entry in evidence.uncertain}

    def in_doubt(key: str, column: int) -> bool:
        return "requests" in doubted or f"requests.{key}" in doubted or f"requests.{key}[{column}]" in doubted

    read = report.requests
    if all(
        (values := read.get(key)) and all(v is not None and not in_doubt(key, c) for c, v in enumerate(values))
        for key in keys
    ):
        return  # every cell read, none in doubt
    if _flow_size(records) != len(keys) * width:
        return  # too many or too few figures: told without building the flow (most tables end here)
    flow = _flow(records)
    if flow is None or len(flow) != len(keys) * width:
        return  # blank zeros (or not a table of counts): the cut needs every cell printed
    if not any(flow):
        return  # nothing but zeros: nothing to cut
    chosen = [e for e in equations(template, derived=True) if e.table == "requests"]
    tables: list[dict[Cell, int]] = []
    for rest_rows in (2, 3):
        if not _searchable(template, rest_rows):
            continue
        cut = _Cut(flow, len(keys) - rest_rows, width)
        try:
            ways = cut.ways(0, 0, (), ())
        except (_Budget, RecursionError):
            return
        for head, rest in ways:
            tables += _tables(head, rest, keys, width, chosen)
            if len(tables) > _MOST_READINGS:
                return
    if not tables:
        return
    agreed = {cell: v for cell, v in tables[0].items() if all(t.get(cell) == v for t in tables[1:])}
    if not any(_spread(agreed, key, width) for key in keys):
        # every row prints at most one figure besides its 总计: which column it stands in rests on
        # the flow's order alone (a 自然人 figure printed after its row's zeros reads as 其他),
        # and every column swap keeps the equations: not read
        return
    for cell, v in agreed.items():
        values = read.get(cell.row)
        now = values[int(cell.column)] if values else None
        if now is not None and not in_doubt(cell.row, int(cell.column)) and now != v:
            return  # the table read otherwise where it is sure: keep that reading
    evidence.write_cells(
        read,
        agreed,
        "表三的文本排版流中高行的总计被移后、末几行混排：第 {where} 列（从 0 起）按各行逐格的次序与表三勾稽关系推定",
        "table 三's text flow moves tall rows' 总计 later and mixes its last rows: column(s) {where} read from the "
        "rows' cells in order and table 三's equations (every cut of the flow agrees)",
    )
