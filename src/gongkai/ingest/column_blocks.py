"""Table 三 read from its figures printed block by block (``pdftotext`` without ``-layout``).

``pdftotext`` in its default mode prints a table's cells in the order of its text flow, not row
by row: the producer of the PDF decides how the columns group. A table printed by chromium often
comes out as the columns 自然人 … 其他 row by row and then the 总计 column on its own, or the
自然人 column on its own and then the rest row by row, page by page; a table that LibreOffice
printed from Word keeps its rows. So the figures keep an order, but not the table's.

This reader takes the figures of table 三 in printed order (every cell printed, blank cells
dropped would leave too few) and finds the order that the statutory arithmetic confirms: the
table's rows are cut into runs (a page, or a part of one), and in each run the columns into
consecutive groups, each group printed row by row, groups left to right — which covers a table
printed row by row (one group), column by column (seven groups) and every mix of the two. Each
run's reading is scored by the rows that add up to their 总计 (a row's own equation), the whole
table's reading then by all its equations (column balances, outcome sums); of the readings that
score best, the fewest runs win. Where readings that score the same disagree on a cell, the cell
is left unknown with the alternatives in ``uncertain``. The reading replaces the one by labels
only when that one left cells unread or broke more equations, and it is said in ``uncertain``.

Where no such order makes all but two rows add up, two fallbacks follow (bounded, and only then):
a run's last columns may be printed in sub-runs of rows of their own (chromium printing 其他 and
总计 row by row for some rows, column by column for the next: ``solve_nested``), and one figure
printed far from its row (a tall row's 总计 at the page's end) may be put back where every row of
its stretch then adds up (``displaced``).

Its parts: the orders and the plain reading by them (``block_orders``), the nested orders
(``block_nested``), figures printed far from their rows (``block_displaced``); table 四's figures
in printed order are read in ``appeal_blocks``.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from gongkai.ingest.block_displaced import clustered, displaced
from gongkai.ingest.block_nested import solve_nested
from gongkai.ingest.block_orders import TOLERATED, Reading, row_equations, solve
from gongkai.ingest.broken_rows import doubt_broken_rows
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.records import Record, Token, printed_counts
from gongkai.ingest.requests_now import requests_now
from gongkai.ingest.row_reading import Value
from gongkai.report.equations import Bound, requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

# A reading with fewer rows adding up is not taken; with more rows failing than tolerated, those
# rows are left unknown (their figures came out of the blocks in an order no cut explains).
_MIN_HOLDING = 2 / 3
_MAX_CELLS = 40 * 8  # more figures than any table 三: not this table's stream


def _printed_as_rows(records: list[Record], rows: int, width: int) -> bool:
    """Whether table 三 was printed as rows that each carry their label and all their cells (its
    figures sit where the labels put them, not in blocks whose order is to be found)."""
    labelled = [r for r in records if r.labels]
    return len(labelled) >= rows and all(len(r.values) == width for r in labelled)


def read_blocks(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Replace the reading of table 三 by labels with the one from its figures in blocks, where the
    arithmetic confirms that one and the reading by labels left cells unread or broke more of it;
    ``records``: the records of table 三, in order."""
    now = requests_now(template, report)
    labelled: dict[Hashable, tuple[Value, ...]] = now.values_table()
    bound = requests_bound(template.id)
    complete = now.complete
    if complete and now.broken() == 0:
        return  # the labels named every figure and the arithmetic holds: the usual case
    keys = [row.key for row in template.request_rows]
    width = len(template.request_columns)
    if complete and now.broken() <= TOLERATED:
        return  # every cell read by its label, one or two equations broken: read as printed
    if complete and _printed_as_rows(records, len(keys), width):
        return  # a table of rows, each its label and its cells (HTML, Word, a ruled PDF): a report
        # that contradicts itself is read as printed, and no order of its figures is tried
    figures = printed_counts(records)
    if figures is None or len(figures) != len(keys) * width or len(figures) > _MAX_CELLS:
        return
    amounts = [int(t.value.amount or 0) for t in figures]
    inside = row_equations(bound, keys, width)
    if inside is None:
        return
    adding, readings = solve(amounts, len(keys), width, inside)
    if len(keys) - adding > TOLERATED:  # rows add up in no plain order: try runs printing their last columns nested
        nested_adding, nested = solve_nested(amounts, len(keys), width, inside)
        if nested_adding > adding:
            adding, readings = nested_adding, nested
    if readings and len(keys) > adding:  # a figure printed far from its row shifts the rows after it
        moved = displaced(amounts, len(keys), width, inside, readings[0])
        if moved is not None and moved[0] > adding:
            adding, readings = moved
    if len(keys) - adding > TOLERATED:  # a few figures printed together far from their rows
        gathered = clustered(amounts, len(keys), width, inside)
        if gathered is not None:
            adding, readings = gathered
    if not readings or adding < len(keys) * _MIN_HOLDING:
        return
    if adding == len(keys) and min(_rank(bound, r, keys, width) for r in readings)[0]:
        # every row adds up, yet no reading keeps the columns' equations: a run may print a row's
        # last cells row by row and the rest column by column (the nested orders, else not tried)
        readings = _with_nested(amounts, keys, width, inside, bound, readings)

    def holds(values: Sequence[Value]) -> bool:
        if any(v is None for v in values):
            return False
        return all(sum(c * v for c, v in zip(row, values, strict=True) if v) == 0 for row in inside)

    def table(reading: Reading) -> dict[Hashable, tuple[Value, ...]]:
        return {key: reading.cells[i * width : (i + 1) * width] for i, key in enumerate(keys)}

    def rank(reading: Reading) -> tuple[int, int]:
        satisfied, broken = bound.score(table(reading))
        return broken, -satisfied

    ranked = sorted(readings, key=lambda r: (rank(r), r.runs))
    first = rank(ranked[0])
    tied = [r for r in ranked if rank(r) == first]
    best = table(ranked[0])
    failing = [] if len(keys) - adding <= TOLERATED else [i for i in range(len(keys)) if not holds(best[keys[i]])]
    for i in failing:
        best[keys[i]] = (None,) * width
    satisfied, broken = bound.score(best)
    before, after = bound.score(labelled)
    if satisfied - broken <= before - after:
        return  # the labels' reading fits the arithmetic as well
    _take(template, keys, width, figures, ranked[0], tied, failing, report, evidence)


def _rows_of(reading: Reading, keys: Sequence[Hashable], width: int) -> dict[Hashable, tuple[Value, ...]]:
    return {key: reading.cells[i * width : (i + 1) * width] for i, key in enumerate(keys)}


def _rank(bound: Bound, reading: Reading, keys: Sequence[Hashable], width: int) -> tuple[int, int]:
    satisfied, broken = bound.score(_rows_of(reading, keys, width))
    return broken, -satisfied


def _with_nested(
    amounts: list[int],
    keys: Sequence[Hashable],
    width: int,
    inside: list[list[int]],
    bound: Bound,
    readings: list[Reading],
) -> list[Reading]:
    """``readings`` and, where every row adds up but the best breaks the table's other equations,
    the readings with a run's last columns printed in sub-runs of rows (chromium printing one row's
    last cells row by row and the rows under it column by column): zeros moved within a row keep
    its 总计, so only the columns' equations tell those orders apart."""
    adding, nested = solve_nested(amounts, len(keys), width, inside, always=True)
    if adding < len(keys):
        return readings
    plain = min(_rank(bound, r, keys, width) for r in readings)
    # only readings the arithmetic prefers: one that merely ties leaves the plain reading as it was
    better = [r for r in nested if _rank(bound, r, keys, width) < plain]
    return better + readings


def _take(
    template: Template,
    keys: Sequence[Hashable],
    width: int,
    figures: list[Token],
    reading: Reading,
    tied: list[Reading],
    failing: list[int],
    report: Report,
    evidence: Evidence,
) -> None:
    undecided: dict[int, list[int]] = {}
    unread = {i * width + c for i in failing for c in range(width)}
    for index in range(len(reading.cells)):
        seen = list(dict.fromkeys(r.cells[index] for r in tied))
        if len(seen) > 1:
            undecided[index] = seen
    evidence.forget("requests.")
    for i, key in enumerate(keys):
        row: list[int | None] = list(reading.cells[i * width : (i + 1) * width])
        for c in range(width):
            index = i * width + c
            if index in undecided or index in unread:
                row[c] = None
            else:
                evidence.provenance[f"requests.{key}[{c}]"] = figures[reading.sources[index]].where
        report.requests[str(key)] = row
    evidence.doubt(
        "requests",
        None,
        "表三的数字未按行印出（分块、分列印出）：按印刷顺序中合乎勾稽关系的分块方式读取",
        "table 三 prints its figures block by block, not row by row: read in the order of blocks "
        "that its arithmetic confirms (rows adding up to their 总计, then every equation)",
        figures[0].where,
    )
    for index, seen in undecided.items():
        key, column = keys[index // width], index % width
        evidence.undecided(
            f"requests.{key}[{column}]",
            seen,
            zh="合乎勾稽关系的几种分块读法在此格不一致（{readings}），记为未知",
            en="readings of the blocks that the arithmetic cannot tell apart differ here ({readings}); left unknown",
            where=figures[reading.sources[index]].where,
        )
    for i in failing:
        evidence.doubt(
            f"requests.{keys[i]}",
            None,
            "此行的数字在印刷顺序中无法确定（任何分块读法都不合乎本行合计），记为未知",
            "no order of the blocks makes this row add up to its 总计: its figures cannot be placed, left unknown",
            figures[reading.sources[i * width]].where,
        )
    doubt_broken_rows(template, report, evidence)
