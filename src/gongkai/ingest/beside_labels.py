"""Table 三 printed row by row, tall rows' first cells standing beside their wrapped labels
(``pdftotext`` of a Word print of a spreadsheet's table).

A Word table printed to PDF comes out of ``pdftotext``'s default mode as its figures row by row,
every dash printed, and its labels apart. A tall row's first cell (自然人, next to the label
column) is set on the middle line of its wrapped label: ``pdftotext`` prints it on that line,
after the label's piece (``认或重新出具已 340``), far from its row's other figures; a dash there
is taken for a hyphen and joined away with the line (``行政机关不再处 理其政府信息公``). So the
row's other six figures stand in their place in the flow, its first one later beside a label or
nowhere.

This reader cuts the flow into rows in the table's order: a row takes all its cells, or all but
its first, which its own equation then gives (总计 less the other columns) — a figure set beside
a label, taken in printed order, or a zero whose dash was joined away. Every cut must use the
whole flow and each figure beside a label once. Where cuts that differ fit, their disagreeing
cells are left unknown with the alternatives; the reading replaces the one by labels only where
it fits the arithmetic better.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from gongkai.ingest.block_orders import row_equations
from gongkai.ingest.broken_rows import doubt_broken_rows
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token
from gongkai.ingest.requests_now import requests_now
from gongkai.ingest.tied_tables import take_agreed
from gongkai.report.equations import requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_MAX_JOINED = 2  # dashes joined away as hyphens: more, and the flow is not this layout
_MAX_CUTS = 16
Cut = tuple[tuple[int, ...], ...]  # per row, per cell: the figure's index (-1 a joined-away dash)


def _flow(records: Sequence[Record]) -> tuple[list[Token], list[int], list[int]] | None:
    """Table 三's figures, the indices of those in the row flow and of those set beside a label
    (on a label's line, after it); None where a printed cell is not a count."""
    figures: list[Token] = []
    flow: list[int] = []
    beside: list[int] = []
    for record in records:
        last = record.labels[-1].where.split(" part ")[0] if record.labels else None
        for token in record.values:
            kind = token.value.kind
            if kind is CellKind.BLANK:
                continue
            amount = token.value.amount
            if kind is CellKind.TEXT or not isinstance(amount, int) or amount < 0:
                return None
            line, _, part = token.where.partition(" part ")
            (beside if part and line == last else flow).append(len(figures))
            figures.append(token)
    return figures, flow, beside


def read_beside_labels(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Replace the reading of table 三 by the cut of its row flow described in the module's doc,
    where the arithmetic prefers it; ``records``: table 三's records in order."""
    bound = requests_bound(template.id)
    now = requests_now(template, report)
    if now.complete and not now.broken():
        return
    labelled: dict[Hashable, tuple[int | None, ...]] = now.table()
    keys: list[Hashable] = [row.key for row in template.request_rows]
    width = len(template.request_columns)
    inside = row_equations(bound, keys, width)
    found = _flow(records)
    if inside is None or found is None or not all(eq[0] for eq in inside):
        return
    figures, flow, beside = found
    joined = len(keys) * width - len(flow) - len(beside)
    if not beside or not 0 <= joined <= _MAX_JOINED or len(flow) + len(beside) + joined != len(keys) * width:
        return
    amounts = [int(figures[i].value.amount or 0) for i in range(len(figures))]
    cuts = _cuts(amounts, flow, beside, len(keys), width, inside)
    if not cuts:
        return
    tables: list[dict[Hashable, tuple[int | None, ...]]] = [
        {key: tuple(0 if s < 0 else amounts[s] for s in cut[i]) for i, key in enumerate(keys)} for cut in cuts
    ]

    def rank(table: dict[Hashable, tuple[int | None, ...]]) -> tuple[int, int]:
        satisfied, broken = bound.score(table)
        return broken, -satisfied

    order = sorted(range(len(cuts)), key=lambda i: rank(tables[i]))
    best = rank(tables[order[0]])
    tied = [i for i in order if rank(tables[i]) == best]
    before_satisfied, before_broken = bound.score(labelled)
    if -best[1] - best[0] <= before_satisfied - before_broken:
        return
    _take(keys, width, figures, [(tables[i], cuts[i]) for i in tied], report, evidence)
    doubt_broken_rows(template, report, evidence)


def _cuts(
    amounts: list[int], flow: list[int], beside: list[int], rows: int, width: int, inside: list[list[int]]
) -> list[Cut]:
    """Every cut of the flow into rows (see the module's doc), at most ``_MAX_CUTS``."""
    return _Cutter(amounts, flow, beside, rows, width, inside).rest(0, 0, 0)


class _Cutter:
    """The cuts of ``_cuts``, remembered by (row, place in the flow, figures beside labels used)."""

    def __init__(
        self, amounts: list[int], flow: list[int], beside: list[int], rows: int, width: int, inside: list[list[int]]
    ) -> None:
        self.amounts, self.flow, self.beside = amounts, flow, beside
        self.rows, self.width, self.inside = rows, width, inside
        self.joined = rows * width - len(flow) - len(beside)
        self.memo: dict[tuple[int, int, int], list[Cut]] = {}

    def holds(self, cells: Sequence[int]) -> bool:
        return all(sum(k * v for k, v in zip(eq, cells, strict=True)) == 0 for eq in self.inside)

    def first(self, rest: Sequence[int]) -> int | None:
        """The first cell from each equation over the others: one value that every equation gives."""
        given = {-sum(k * v for k, v in zip(eq[1:], rest, strict=True)) / eq[0] for eq in self.inside}
        value = given.pop() if len(given) == 1 else None
        return int(value) if value is not None and value >= 0 and value == int(value) else None

    def rest(self, i: int, p: int, b: int) -> list[Cut]:
        flow, beside, amounts, width = self.flow, self.beside, self.amounts, self.width
        if i == self.rows:
            return [()] if p == len(flow) and b == len(beside) else []
        state = (i, p, b)
        if state in self.memo:
            return self.memo[state]
        out: list[Cut] = []
        whole = flow[p : p + width]
        if len(whole) == width and self.holds([amounts[s] for s in whole]):
            out += [(tuple(whole), *tail) for tail in self.rest(i + 1, p + width, b)]
        short = flow[p : p + width - 1]
        value = self.first([amounts[s] for s in short]) if len(short) == width - 1 else None
        if value is not None:
            if b < len(beside) and amounts[beside[b]] == value:
                out += [((beside[b], *short), *tail) for tail in self.rest(i + 1, p + width - 1, b + 1)]
            used = i * width - p - b  # dashes joined away so far
            if value == 0 and used < self.joined:
                out += [((-1, *short), *tail) for tail in self.rest(i + 1, p + width - 1, b)]
        self.memo[state] = out[:_MAX_CUTS]
        return self.memo[state]


def _take(
    keys: Sequence[Hashable],
    width: int,
    figures: list[Token],
    tied: list[tuple[dict[Hashable, tuple[int | None, ...]], Cut]],
    report: Report,
    evidence: Evidence,
) -> None:
    cut = tied[0][1]
    rows = {key: i for i, key in enumerate(keys)}

    def where_of(key: Hashable, c: int) -> str | None:  # a dash joined away has no source
        source = cut[rows[key]][c]
        return figures[source].where if source >= 0 else None

    take_agreed(
        [table for table, _ in tied],
        keys,
        width,
        where_of,
        (
            "表三逐行印出，高行的第一格印在其折行的标签旁（“-”随折行被删去）：按各行合计放回读取",
            "table 三 prints its figures row by row, a tall row's first cell set beside its wrapped label "
            "(a dash there joined away as a hyphen): each put back where its row adds up to its 总计",
            figures[0].where,
        ),
        report,
        evidence,
    )
    for i, key in enumerate(keys):
        if cut[i][0] < 0 and key in report.requests:
            evidence.doubt(
                f"requests.{key}[0]",
                0,
                "此格未印出（其“-”在折行处被当作连字符删去），按本行合计记为 0",
                "this cell is not printed (its dash taken for a hyphen at a line's end): 0 by its row's 总计",
            )
