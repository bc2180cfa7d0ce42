"""Table 三 whose rows print their first cell beside their label and the rest after the last row
(``pdftotext`` default mode, a page of flex rows).

A table drawn as rows of boxes (a front-end framework's flex rows, no ``<table>``) puts a row's label
cells and its 自然人 cell in one text block and the row's other cells in another; ``pdftotext``
without ``-layout`` then prints a page's rows as their labels, each with its 自然人 figure, and only
after the page's last row the other cells of every row: row by row, or a few rows column by column
(``54 14`` / ``19 9`` …: two rows' cells side by side). The first row, under the header, may print
its first cells before its label and the rest after the page's last label. Read by labels, each row
holds one figure; read as blocks (``column_blocks``), no cut of the rows into runs of column
groups orders the figures so.

The general rule, taken only where the counts say so: the records of table 三 with figures are, in
order, optionally the first row's leading figures (fewer than the columns, before any row's own),
then one figure a record (a row's 自然人 cell, the rows in template order), then a record holding
the page's other cells (it may begin with one more row's 自然人 cell): exactly as many figures as
the page's rows lack; and so page by page until every row of the template is placed. Each page's
other cells are then cut into runs of rows, each run printed row by row or column by column (the
only two orders such a print takes; more would let rows of small figures add up by chance), and
every row must add up
to its 总计 (``report.equations``) with its own 自然人 cell. Of the readings every row holds in, the
table's other equations choose; cells the best readings disagree on are left unknown with the
alternatives in ``uncertain``. The reading replaces the one by labels only where that one left cells
unknown or broke more equations, and the table is named in ``uncertain``.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from functools import cache
from typing import Any, NamedTuple

from gongkai.ingest.block_orders import row_equations
from gongkai.ingest.dash_tails import solve_short_page
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.lead_pages import lead_page_choices, read_lead_pages
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token
from gongkai.ingest.request_labels import match_request
from gongkai.ingest.requests_now import requests_now
from gongkai.ingest.swallowed_dashes import first_row_dashes, prints_dashes, restored_groups
from gongkai.ingest.tied_tables import take_agreed
from gongkai.report.equations import requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_KEEP = 8  # readings kept per cut of a page's rows (ties the arithmetic cannot break)
_MAX_RUN = 16  # rows one run of a page's other cells may hold (a page of table 三)

_DOUBT = (
    "表三各行只在标签旁印出自然人一栏，其余各栏在本页末行之后印出：按合乎各行合计的顺序读取",
    "table 三's rows print their 自然人 cell beside their label and their other cells after the "
    "page's last row: read in the order in which every row adds up to its 总计",
)
Page = tuple[list[int], list[Token]]  # the page's rows (indices), the figures of their other cells


def record_counts(record: Record) -> list[Token] | None:
    """The record's printed counts (a dash too: a printed 0); None where one is no count."""
    # (asked of every record of table 三 by two readers of every report it does not settle:
    # each token's value and the kinds looked up once)
    blank, text = CellKind.BLANK, CellKind.TEXT
    out = []
    for token in record.values:
        value = token.value
        kind = value.kind
        if kind is blank:
            continue
        amount = value.amount
        if kind is text or not isinstance(amount, int) or amount < 0:
            return None
        out.append(token)
    return out


class CountedRecord(NamedTuple):
    """A record of table 三 with its printed counts, the row its labels name (None where they
    name none of the rows asked for), and, as they stood before it, the index of the template row
    its label matching continued from and whether a row had been named yet."""

    record: Record
    figures: list[Token]
    key: Hashable | None
    next_index: int
    started: bool


def counted_records(records: list[Record], keys: Sequence[Hashable]) -> list[CountedRecord] | None:
    """Every record with its counts and the row of ``keys`` its labels name, matched in the
    template's order as the stream readers (``lead_stream``, ``wrapped_stream``) walk them; None
    where a record holds something not a count."""
    index = set(keys)
    out: list[CountedRecord] = []
    started, next_index = False, 0
    for record in records:
        figures = record_counts(record)
        if figures is None:
            return None
        match = match_request(record, started, next_index) if record.labels else None
        key = match.key if match is not None and match.key in index else None
        out.append(CountedRecord(record, figures, key, next_index, started))
        if match is not None and key is not None:
            started, next_index = True, match.index + 1
    return out


def _pages(
    groups: list[list[Token]], rows: int, width: int, short: bool = False
) -> tuple[list[list[Token]], list[Page]] | None:
    """Each row's figures beside its label and each page's other cells, where the records' counts
    fit the layout exactly (see the module's doc); else None. ``short``: the table's last page may
    hold fewer other cells (dashes swallowed, ``swallowed_dashes``): it is then read by its leads."""
    leads: list[list[Token]] = []
    pages: list[Page] = []
    at = 0
    if groups and 1 < len(groups[0]) < width:  # the first row's first cells, before its label
        leads.append(groups[0])
        at = 1
    start = 0
    for group in groups[at:]:
        if len(leads) >= rows:
            return None  # figures past the table's last row: not this layout
        if len(group) == 1:
            leads.append(group)
            continue
        owed = sum(width - len(lead) for lead in leads[start:])
        if len(group) == owed + width:  # the page's last row's 自然人 cell, then the page's other cells
            leads.append(group[:1])
            group = group[1:]
        elif short and group is groups[-1] and len(leads) in (rows - 1, rows) and len(group) < owed + width:
            if len(leads) < rows:
                leads.append(group[:1])
                group = group[1:]
            # too few: dashes swallowed (``dash_tails``), or the page's other cells stay unread
        elif len(group) != owed:
            return None
        if len(leads) - start < 2:
            return None  # a page of one row: any record of one row's figures fits
        pages.append((list(range(start, len(leads))), group))
        start = len(leads)
    if len(leads) != rows or start != rows:
        return None
    return leads, pages


@cache
def _orders(rows: int, width: int) -> Any:
    """The two orders a run of ``rows`` rows of ``width`` other cells prints in, as the position of
    each cell (row by row) in the run's print: row by row, and column by column (the rows' cells
    side by side, a column a line)."""
    import numpy as np

    by_rows = list(range(rows * width))
    by_columns = [c * rows + r for r in range(rows) for c in range(width)]
    return np.asarray([by_rows] if rows == 1 else [by_rows, by_columns], dtype=np.int64)


class _Reading:
    __slots__ = ("cells", "runs", "sources")

    def __init__(self, cells: tuple[int, ...], sources: tuple[int, ...], runs: int) -> None:
        self.cells = cells  # the page's other cells, row by row
        self.sources = sources  # for each, the position of its figure among the page's figures
        self.runs = runs


def _solve_page(
    page: Page, leads: list[list[Token]], width: int, equations: list[list[int]], orders: Any = _orders
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The readings of a page's other cells in which every row adds up (with its leading cells),
    fewest runs first: each (cells row by row, positions of their figures)."""
    import numpy as np  # only here: most files never need it

    rows, figures = page
    printed = np.asarray([int(t.value.amount or 0) for t in figures], dtype=np.int64)
    coefficients = np.asarray(equations, dtype=np.int64)  # equations × width
    lead_sizes = [len(leads[r]) for r in rows]
    known = [
        coefficients[:, : len(leads[r])] @ np.asarray([int(t.value.amount or 0) for t in leads[r]], dtype=np.int64)
        for r in rows
    ]
    if len(figures) < sum(width - size for size in lead_sizes):  # ``_pages``' short page
        if len(set(lead_sizes)) != 1:
            return []
        lead = lead_sizes[0]
        return solve_short_page(printed.tolist(), known, width - lead, coefficients[:, lead:], _orders)
    begins = [0]
    for size in lead_sizes:
        begins.append(begins[-1] + width - size)
    best: list[list[_Reading] | None] = [[_Reading((), (), 0)]]
    for b in range(1, len(rows) + 1):
        kept: dict[tuple[int, ...], _Reading] = {}
        for a in range(max(0, b - _MAX_RUN), b):
            readings = best[a]
            if not readings:
                continue
            sizes = set(lead_sizes[a:b])
            if len(sizes) != 1:
                continue  # rows of different widths print only as runs of their own
            lead = sizes.pop()
            n, tail = b - a, width - lead
            positions = orders(n, tail) + begins[a]  # orders × cells
            cells = printed[positions].reshape(len(positions), n, tail)
            sums = cells @ coefficients[:, lead:].T + np.stack(known[a:b])  # orders × rows × equations
            holding = ~sums.any(axis=2).any(axis=1)
            for k in np.flatnonzero(holding):
                run = tuple(cells[k].reshape(-1).tolist())
                where = tuple(positions[k].tolist())
                for reading in readings:
                    joined = reading.cells + run
                    old = kept.get(joined)
                    if old is None or reading.runs + 1 < old.runs:
                        kept[joined] = _Reading(joined, reading.sources + where, reading.runs + 1)
        best.append(sorted(kept.values(), key=lambda r: r.runs)[:_KEEP] or None)
    found = best[len(rows)] or []
    return [(r.cells, r.sources) for r in found]


def _unread(page: Page, leads: list[list[Token]], width: int) -> tuple[tuple[Any, ...], tuple[int, ...]]:
    """A page's other cells left unknown (a page of swallowed dashes no order adds up)."""
    return (None,) * sum(width - len(leads[r]) for r in page[0]), ()


def read_lead_tails(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Read table 三 from rows printing their 自然人 cell beside their label and their other cells
    after the page's last row, where the counts and the arithmetic settle it; ``records``: the
    records of table 三, in order."""
    keys: list[Hashable] = [row.key for row in template.request_rows]
    width = len(template.request_columns)
    bound = requests_bound(template.id)
    now = requests_now(template, report)
    current, complete = now.table(), now.complete
    if complete and now.broken() == 0:
        return  # the labels read every cell and the arithmetic holds
    groups = []
    for record in records:
        figures = record_counts(record)
        if figures is None:
            return
        if figures:
            groups.append(figures)
    equations = row_equations(bound, keys, width)
    if equations is None:
        return
    dashes = prints_dashes(records)
    if sum(len(g) == 1 for g in groups) < len(keys) // 2:  # gate: most rows print one figure beside their label
        if dashes:  # or pages of several leading cells, their zeros lost (``lead_pages``)
            _read_pages(template, records, equations, current, report, evidence)
        return
    candidates = [groups]
    if dashes:  # pdftotext may have swallowed dashes (``swallowed_dashes``)
        given_back = restored_groups(template, records, record_counts)
        if given_back is not None:
            candidates += [given_back, *first_row_dashes(given_back, width)]
        candidates += first_row_dashes(groups, width)
    found = []
    for candidate in candidates:
        restored = candidate is not groups
        laid = _pages(candidate, len(keys), width, short=restored)
        if laid is None:
            continue
        leads, pages = laid
        solved = [_solve_page(page, leads, width, equations) for page in pages]
        if restored and any(solved):  # the pages that add up; the others by their leads only
            solved = [readings or [_unread(page, leads, width)] for page, readings in zip(pages, solved, strict=True)]
        if all(solved):  # else a page whose rows add up in no order of its figures
            found.append((leads, pages, solved))
        if not restored and found:
            break  # the layout as printed
    if found:  # the restorations that fit compete as readings of one table
        _take_best(template, keys, width, found[: _KEEP // 2], current, report, evidence)
    elif dashes:  # pages of several leading cells, their zeros lost (``lead_pages``)
        _read_pages(template, records, equations, current, report, evidence)


def _read_pages(
    template: Template,
    records: list[Record],
    equations: list[list[int]],
    current: dict[Hashable, tuple[int | None, ...]],
    report: Report,
    evidence: Evidence,
) -> None:
    width = len(template.request_columns)
    choices = lead_page_choices(
        template, records, record_counts, lambda page, leads: _solve_page(page, leads, width, equations), equations
    )
    if choices is not None:
        read_lead_pages(template, choices, current, report, evidence, records[0].labels[0].where)


def _tables(
    keys: Sequence[Hashable],
    width: int,
    leads: list[list[Token]],
    pages: list[Page],
    solved: list[list[tuple[tuple[Any, ...], tuple[int, ...]]]],
) -> list[tuple[dict[Hashable, list[int]], dict[Hashable, list[Token]]]]:
    """The tables the pages' readings join into (at most ``_KEEP`` squared)."""
    tables: list[tuple[dict[Hashable, list[int]], dict[Hashable, list[Token]]]] = [({}, {})]
    for page, readings in zip(pages, solved, strict=True):
        rows, figures = page
        grown = []
        for values, tokens in tables:
            for cells, sources in readings:
                v, t = dict(values), dict(tokens)
                at = 0
                for r in rows:
                    lead = leads[r]
                    n = width - len(lead)
                    v[keys[r]] = [int(x.value.amount or 0) for x in lead] + list(cells[at : at + n])
                    t[keys[r]] = lead + [figures[i] for i in sources[at : at + n]]
                    at += n
                grown.append((v, t))
        tables = grown[: _KEEP * _KEEP]
    return tables


def _take_best(
    template: Template,
    keys: Sequence[Hashable],
    width: int,
    layouts: list[tuple[list[list[Token]], list[Page], list[list[tuple[tuple[Any, ...], tuple[int, ...]]]]]],
    current: dict[Hashable, tuple[int | None, ...]],
    report: Report,
    evidence: Evidence,
    doubt: tuple[str, str] | None = None,
) -> None:
    """Join the pages' readings into tables (of each layout the counts fit: leads, pages, their
    readings), keep those the table's equations rank best, and take their agreed cells where that
    reads more than the labels did."""
    bound = requests_bound(template.id)
    tables: list[tuple[dict[Hashable, list[int]], dict[Hashable, list[Token]]]] = []
    for leads, pages, solved in layouts:
        tables += _tables(keys, width, leads, pages, solved)

    def rank(values: dict[Hashable, list[int]]) -> tuple[int, int]:
        satisfied, broken = bound.score({k: tuple(x) for k, x in values.items()})
        return broken, -satisfied

    ranked = sorted(tables, key=lambda table: rank(table[0]))
    first = rank(ranked[0][0])
    tied = [table for table in ranked if rank(table[0]) == first]
    before = bound.score(current)
    if first[0] > before[1] or -first[1] - first[0] <= before[0] - before[1]:
        return  # the labels' reading fits the arithmetic as well
    tokens = tied[0][1]
    zh, en = doubt or _DOUBT
    take_agreed(
        [table[0] for table in tied],
        keys,
        width,
        lambda key, c: tokens[key][c].where,
        (zh, en, layouts[-1][0][0][0].where),  # the last layout joined, as before
        report,
        evidence,
    )
