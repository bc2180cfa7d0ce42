"""Table 三 whose rows print their first k cells beside their label, among the 序号 numbers, and the
rest of every row after the table's last label (``pdftotext`` default mode, a page of flex rows).

``lead_tails`` reads rows of one leading figure. Some pages print two or more (自然人 and 商业企业)
beside each label, with the row's 序号 number just before or just after them (``2 二、上年结转…``
``6 11 3``), and every row's other cells after the last label: row by row, or a run of rows column
by column, or a run whose first columns go column by column and its last ones row by row (the
columns of a narrow box wrap so). The figures before the other cells are parsed, bounded, as rows
of k figures each, row m's block optionally led or followed by the number m (k is the page's: the
figures after the leading ones are exactly the rows' other cells); the other cells are then cut by
``lead_tails``' arithmetic (every row adds up to its 总计, ``report.equations``), the table's
equations choosing among readings, cells the best readings disagree on left unknown.
"""

from __future__ import annotations

from collections.abc import Hashable
from functools import cache
from typing import Any

from gongkai.ingest.block_orders import row_equations
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.lead_tails import _orders, _solve_page, _take_best, record_counts
from gongkai.ingest.records import Record, Token
from gongkai.ingest.requests_now import requests_now
from gongkai.report.equations import requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_MAX_PARSES = 16  # ways of placing the 序号 numbers kept; more and the page is not read
_DOUBT = (
    "表三各行在标签旁印出前几栏（夹有序号），其余各栏在末行之后印出：按合乎各行合计的顺序读取",
    "table 三's rows print their first cells beside their label (among the 序号 numbers) and their "
    "other cells after the last row: read in the order in which every row adds up to its 总计",
)


@cache
def _mixed_orders(rows: int, width: int) -> Any:
    """``lead_tails._orders`` and, for each cut of the columns, the first columns printed column
    by column and the rest row by row (a narrow box's wrapped columns)."""
    import numpy as np

    orders = [list(row) for row in _orders(rows, width).tolist()]
    if rows > 1:
        for cut in range(1, width - 1):
            orders.append(
                [
                    c * rows + r if c < cut else cut * rows + r * (width - cut) + (c - cut)
                    for r in range(rows)
                    for c in range(width)
                ]
            )
    return np.asarray(orders, dtype=np.int64)


def _serial(token: Token, number: int) -> bool:
    return token.text.strip() == str(number) and token.value.amount == number


def _steps(stream: list[Token], row: int, at: int, k: int) -> list[tuple[int, int, int]]:
    """Row ``row``'s block from ``at``: (its first figure, past its last, past its number if after)."""
    out = []
    if at + k <= len(stream):
        out.append((at, at + k, at + k))
        if at + k < len(stream) and _serial(stream[at + k], row + 1):
            out.append((at, at + k, at + k + 1))
    if at + 1 + k <= len(stream) and _serial(stream[at], row + 1):
        out.append((at + 1, at + 1 + k, at + 1 + k))
    return out


def _parses(stream: list[Token], rows: int, k: int) -> list[list[list[Token]]]:
    """The ways ``stream`` is ``rows`` blocks of ``k`` figures, block m led or followed by the number
    m or by neither (at most ``_MAX_PARSES``; none where more)."""
    # the states (row, position) from which the stream's end is reached: only those are followed,
    # so every partial parse kept grows into a whole one and the bound counts whole parses
    live: list[set[int]] = [set() for _ in range(rows + 1)]
    live[rows] = {len(stream)}
    for r in range(rows - 1, -1, -1):
        live[r] = {
            at for at in range(len(stream) + 1) if any(after in live[r + 1] for *_, after in _steps(stream, r, at, k))
        }
    if 0 not in live[0]:
        return []
    states: dict[int, list[list[list[Token]]]] = {0: [[]]}
    for r in range(rows):
        grown: dict[int, list[list[list[Token]]]] = {}
        for at, parses in states.items():
            for start, end, after in _steps(stream, r, at, k):
                if after not in live[r + 1]:
                    continue
                bucket = grown.setdefault(after, [])
                bucket += [[*parse, stream[start:end]] for parse in parses]
                if len(bucket) > _MAX_PARSES:
                    return []
        states = grown
    return states.get(len(stream), [])


def read_serial_leads(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Read table 三 from rows printing their first k (≥ 2) cells beside their label, 序号 numbers
    among them, and their other cells after the last label, where counts and arithmetic settle it."""
    keys: list[Hashable] = [row.key for row in template.request_rows]
    rows, width = len(keys), len(template.request_columns)
    bound = requests_bound(template.id)
    now = requests_now(template, report)
    if now.complete and now.broken() == 0:
        return  # read already
    current = now.table()
    figures: list[Token] = []
    bounds = {0}  # where each record's figures begin in ``figures``
    for record in records:
        found = record_counts(record)
        if found is None:
            return
        figures += found
        bounds.add(len(figures))
    equations = row_equations(bound, keys, width)
    if equations is None:
        return
    for k in range(2, width - 1):
        tail = rows * (width - k)
        cut = len(figures) - tail
        # gate: the other cells begin a record; before them, k figures a row and at most one number each
        if cut not in bounds or not rows * k <= cut <= rows * (k + 1):
            continue
        parses = _parses(figures[:cut], rows, k)
        layouts = []
        for leads in parses:
            page = (list(range(rows)), figures[cut:])
            solved = _solve_page(page, leads, width, equations, _mixed_orders)
            if solved:
                layouts.append((leads, [page], [solved]))
        if layouts:
            _take_best(template, keys, width, layouts, current, report, evidence, _DOUBT)
            return
