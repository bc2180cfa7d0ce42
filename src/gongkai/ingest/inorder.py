"""Tables 三 and 四 read from their figures in printed order, where labels were set apart from them.

A converter that prints every cell on a line of its own (``pdftotext`` without ``-layout``) keeps
the figures of a table in reading order but moves its labels: a row label printed a few cells
early, a wrapped label after its figures, table 四's header after table 三's last row. The labels
then name the wrong figures. The figures alone still fit the template when the table prints
exactly one figure per cell: seven to a row of table 三 in the template's row order, then table
四's fifteen in its group order. That reading is taken only when the arithmetic confirms it —
every row of table 三 adds up to its 总计, every group of table 四 to its 总计 — and the reading by
labels left cells unread or broke more equations. It is said in ``uncertain``.
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Sequence

from gongkai.ingest.broken_rows import doubt_broken_rows
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, printed_counts
from gongkai.ingest.row_reading import Value
from gongkai.report.equations import Bound, appeals_bound, requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template


class _Grid:
    """Where the figures in printed order fall, and the report layer's equations over them:
    ``n`` to a row of table 三 in the template's row order, then table 四's groups in one row."""

    def __init__(self, template: Template) -> None:
        self.n = len(template.request_columns)
        self.rows = [row.key for row in template.request_rows]
        self.groups = [g.key for g in template.appeal_groups]
        self.fields = [f.key for f in template.appeal_fields]
        self.cells_3 = self.n * len(self.rows)
        self.cells_4 = len(self.groups) * len(self.fields)
        self.requests: Bound = requests_bound(template.id)
        self.appeals: Bound = appeals_bound(template.id, tuple(self.groups), tuple(self.fields), True)

    def rows_broken(self, values: list[int]) -> int:
        """How many rows of table 三 break their own sum (``values``: its figures in order)."""
        n = self.n
        return sum(
            0 if self.requests.row_check(key)(values[i * n : (i + 1) * n]) else 1 for i, key in enumerate(self.rows)
        )

    def appeals_add_up(self, values: Sequence[int | None]) -> bool:
        """Every group of table 四 adds up (``values``: its fifteen figures in order)."""
        return self.appeals.broken({"all": values}) == 0


# Rows of table 三 that may fail their own sum in an in-order reading: a report may contradict
# itself in a row or two; a wrong cut of the figures into rows breaks nearly every row after it.
_TOLERATED = 2


_PAGE_NUMBER_MAX = 20  # a figure that may be a page's number printed among the cells


def _without_page_number(figures: list[Token], grid: _Grid) -> list[Token] | None:
    """The figures without the one that is a page number printed among them (``pdftotext`` may set
    a page's footer inside the table that spans the break): the one small figure whose removal
    makes every row and group add up. None when no removal, or more than one, does."""
    found: list[list[Token]] = []
    for i, token in enumerate(figures):
        amount = token.value.amount
        if not isinstance(amount, int) or not 1 <= amount <= _PAGE_NUMBER_MAX:
            continue
        rest = figures[:i] + figures[i + 1 :]
        values = [int(t.value.amount or 0) for t in rest]
        if grid.rows_broken(values[: grid.cells_3]) <= _TOLERATED and grid.appeals_add_up(values[grid.cells_3 :]):
            if found and [t.value.amount for t in found[0]] != values:
                return None
            found.append(rest)
    return found[0] if found else None


def read_in_order(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Replace the labelled readings of tables 三 and 四 by the in-order one where it is confirmed
    and they are not; ``records``: the records of tables 三 and 四, in order."""
    grid = _Grid(template)
    if _labels_read_whole(grid, report):
        return  # every path below keeps a whole labelled reading adding up (the usual case)
    figures = printed_counts(records)
    if figures is None:
        return
    cells_3, cells_4 = grid.cells_3, grid.cells_4
    if len(figures) == cells_3 + cells_4 + 1:
        unpaged = _without_page_number(figures, grid)
        if unpaged is None:  # no page number: a stray figure ahead of table 三, or after 四
            _read_window(template, grid, figures, report, evidence)
            return
        figures = unpaged
    if figures is not None and len(figures) not in (cells_3, cells_3 + cells_4):
        _read_hyphens_restored(template, grid, figures, report, evidence)
        _read_window(template, grid, figures, report, evidence)
        return
    if figures is None:
        return
    figures, woven = _unwoven(figures, grid)
    amounts = [int(t.value.amount or 0) for t in figures]
    if grid.rows_broken(amounts[:cells_3]) > _TOLERATED:
        return
    _take_requests(template, grid.rows, figures[:cells_3], amounts[:cells_3], report, evidence)
    for i in woven:
        for key in grid.rows[i : i + 2]:
            evidence.doubt(
                f"requests.{key}",
                list(report.requests[key]),
                f"“{grid.rows[i]}”与“{grid.rows[i + 1]}”两行的数字逐列交替印出，按交替顺序拆开（两行合计均相符）",
                f"the figures of rows {grid.rows[i]} and {grid.rows[i + 1]} were printed alternately, a column "
                "at a time: taken apart so (both rows then add up)",
                figures[i * grid.n].where,
            )
    if len(figures) == cells_3 + cells_4 and grid.appeals_add_up(amounts[cells_3:]):
        _take_appeals(grid, figures[cells_3:], amounts[cells_3:], report, evidence)


def _labels_read_whole(grid: _Grid, report: Report) -> bool:
    """Whether the labels read tables 三 and 四 whole, every equation of both holding: no in-order
    reading replaces such a reading, so the figures need not be gathered."""
    labelled: dict[Hashable, tuple[Value, ...]] = {key: tuple(v) for key, v in report.requests.items()}
    if any(v is None for values in labelled.values() for v in values) or grid.requests.broken(labelled):
        return False
    appeals = [report.appeals[g][f] for g in grid.groups for f in grid.fields]
    return None not in appeals and grid.appeals_add_up(appeals)


# Stray figures that may stand ahead of table 三's first row among its records: a date or a count
# of the prose before it (``2025`` of a signature, ``46 件``) that a converter set in a table.
# Fewer than a row's width: a lead of a whole row would read every row one late.
_MAX_LEAD_OF = 1  # rows' widths


def _read_window(template: Template, grid: _Grid, figures: list[Token], report: Report, evidence: Evidence) -> None:
    """Table 三 read in printed order where its figures are flanked by strays (a converter setting
    the prose's date or count ahead of it in a table, table 四 short of a blank cell or a date
    after it: the count fits neither table): the one window of ``n`` × rows figures, starting at
    fewer than ``n`` figures in, whose rows add up; taken only where exactly one start does and
    the whole table's equations hold as well as the rows' (a row's cut one off breaks the column
    sums between rows). Tried only where the reading by labels is incomplete or breaks equations."""
    n, cells_3 = grid.n, grid.cells_3
    if len(figures) < cells_3 or any(_is_hyphen(t) for t in figures):
        return  # too few, or ``-`` zeros: ``_read_hyphens_restored``'s
    labelled: dict[Hashable, tuple[Value, ...]] = {key: tuple(v) for key, v in report.requests.items()}
    failures = grid.requests.broken
    if all(v is not None for values in labelled.values() for v in values) and failures(labelled) == 0:
        return  # read whole by the labels, adding up (the usual case)
    amounts = [int(t.value.amount or 0) for t in figures]
    starts = [
        lead
        for lead in range(min(n * _MAX_LEAD_OF, len(figures) - cells_3 + 1))
        if grid.rows_broken(amounts[lead : lead + cells_3]) <= _TOLERATED
    ]
    if len(starts) != 1:
        return  # none, or two starts fit (zero rows): the window is not decided
    lead = starts[0]
    window, taken = figures[lead : lead + cells_3], amounts[lead : lead + cells_3]
    # a cell the report gets wrong breaks its row's sum and the column sums through it (a report
    # may contradict itself in a cell or two); a cut one row off breaks nearly every equation
    if failures(_as_rows(tuple(taken), grid.rows, n)) > 2 * (_TOLERATED + grid.rows_broken(taken)):
        return
    before = report.requests.copy()
    _take_requests(template, grid.rows, window, taken, report, evidence)
    if lead and report.requests != before:
        strays = " ".join(t.text for t in figures[:lead])
        evidence.doubt(
            "requests",
            None,
            f"表三第一行之前的 {lead} 个数字（{strays}）不属于表三（正文或日期），未计入",
            f"the {lead} figure(s) before table 三's first row ({strays}) are none of its cells (prose "
            "or a date set in a table): left out",
            figures[0].where,
        )


def _unwoven(figures: list[Token], grid: _Grid) -> tuple[list[Token], list[int]]:
    """``figures`` with the figures of two neighbouring rows of table 三 printed alternately taken
    apart (``pdftotext -layout`` setting both rows' cells of each column as one block: ``123`` /
    ``92`` / ``11`` / ``7`` …, one a line), where both rows break their sums read in order and
    both add up read alternately; and the first rows of the pairs so taken apart."""
    n, out, woven = grid.n, list(figures), []
    values = [int(t.value.amount or 0) for t in figures]
    # Whether each row adds up read in order, asked once: a pair is only looked at where both
    # rows break, and a pair taken apart leaves both adding up.
    holds = [
        grid.requests.row_check(key)(values[i * n : (i + 1) * n]) if (i + 1) * n <= len(values) else False
        for i, key in enumerate(grid.rows)
    ]
    for i in range(len(grid.rows) - 1):
        if (i + 2) * n > len(out):
            break
        if holds[i] or holds[i + 1]:
            continue
        pair = out[i * n : (i + 2) * n]
        amounts = values[i * n : (i + 2) * n]
        first, second = grid.rows[i], grid.rows[i + 1]
        check_first, check_second = grid.requests.row_check(first), grid.requests.row_check(second)
        if not (check_first(amounts[0::2]) and check_second(amounts[1::2])) or not any(amounts):
            continue
        out[i * n : (i + 2) * n] = pair[0::2] + pair[1::2]
        values[i * n : (i + 2) * n] = amounts[0::2] + amounts[1::2]
        holds[i] = holds[i + 1] = True
        woven.append(i)
    return out, woven


def _take_requests(
    template: Template, rows: list[str], figures: list[Token], amounts: list[int], report: Report, evidence: Evidence
) -> None:
    n = len(template.request_columns)
    in_order: dict[Hashable, tuple[Value, ...]] = {
        key: tuple(amounts[i * n : (i + 1) * n]) for i, key in enumerate(rows)
    }
    labelled: dict[Hashable, tuple[Value, ...]] = {key: tuple(v) for key, v in report.requests.items()}
    if labelled == in_order:
        return  # the labels named the figures in printed order: nothing to replace (the usual case)
    failures = requests_bound(template.id).broken
    complete = all(v is not None for values in labelled.values() for v in values)
    if complete and failures(labelled) <= failures(in_order):
        return
    for i, key in enumerate(rows):
        report.requests[key] = list[int | None](amounts[i * n : (i + 1) * n])
        for c in range(n):
            evidence.provenance[f"requests.{key}[{c}]"] = figures[i * n + c].where
    evidence.forget("requests.")
    evidence.doubt(
        "requests",
        None,
        f"表三的行标签与数字分开印出：按数字的印刷顺序逐行读取（每行 {n} 个，按各行合计核对）",
        f"table 三 prints its row labels apart from its figures: read in printed order, {n} to a row "
        "(checked by every row's total)",
        figures[0].where,
    )
    doubt_broken_rows(template, report, evidence)


def _take_appeals(grid: _Grid, figures: list[Token], amounts: list[int], report: Report, evidence: Evidence) -> None:
    groups, fields, width = grid.groups, grid.fields, len(grid.fields)
    labelled = [report.appeals[g][f] for g in groups for f in fields]
    if None not in labelled and grid.appeals_add_up(labelled):
        return
    for g, group in enumerate(groups):
        for i, key in enumerate(fields):
            report.appeals[group][key] = amounts[g * width + i]
            evidence.provenance[f"appeals.{group}.{key}"] = figures[g * width + i].where
    evidence.forget("appeals")
    evidence.doubt(
        "appeals",
        None,
        "表四的标签与数字分开印出：按数字的印刷顺序读取（各组合计均相符）",
        "table 四 prints its labels apart from its figures: read in printed order (every group adds up)",
        figures[0].where,
    )


# ``-`` cells that ``pdftotext`` may have dropped from a table printing every cell, zeros as ``-``
_MAX_DROPPED = 2


def _is_hyphen(token: Token) -> bool:
    return token.value.kind is CellKind.DASH and token.text.strip() == "-"


def _restorations(amounts: list[int], grid: _Grid, dropped: int) -> list[tuple[int, ...]]:
    """Every table 三 (its cells in order) that ``amounts`` are with ``dropped`` zeros put back
    anywhere, each row adding up to its 总计; distinct tables only. Row by row: a row takes the
    next figures and as many of the zeros as it may (the later rows' start moves by them)."""
    memo: dict[tuple[int, int], list[tuple[int, ...]]] = {}
    return _restored_from(amounts, grid, dropped, memo, 0, 0)


def _restored_from(
    amounts: list[int], grid: _Grid, dropped: int, memo: dict[tuple[int, int], list[tuple[int, ...]]], r: int, used: int
) -> list[tuple[int, ...]]:
    """``_restorations``' readings of rows r… with ``used`` zeros put back before them (``memo``:
    those known; a module function, not a closure calling itself: that is a reference cycle left
    for the cyclic collector on every call)."""
    n, rows = grid.n, grid.rows
    if r == len(rows):
        return [()] if used == dropped else []
    if (r, used) in memo:
        return memo[r, used]
    found: list[tuple[int, ...]] = []
    start, check = r * n - used, grid.requests.row_check(rows[r])
    for more in range(dropped - used + 1):
        printed = amounts[start : start + n - more]
        if len(printed) != n - more:
            break
        mine: set[tuple[int, ...]] = set()
        for places in itertools.combinations(range(n), more):
            it = iter(printed)
            cells = [0 if c in places else next(it) for c in range(n)]
            if check(cells):
                mine.add(tuple(cells))
        for row in sorted(mine):
            found += [row + later for later in _restored_from(amounts, grid, dropped, memo, r + 1, used + more)]
            if len(found) > _MAX_RESTORED:
                break
    memo[r, used] = found[: _MAX_RESTORED + 1]
    return memo[r, used]


def _as_rows(table: tuple[int, ...], rows: list[str], n: int) -> dict[Hashable, tuple[Value, ...]]:
    return {key: table[i * n : (i + 1) * n] for i, key in enumerate(rows)}


_MAX_RESTORED = 16  # tables past which a restoration of dropped ``-`` cells is not read


def _read_hyphens_restored(
    template: Template, grid: _Grid, figures: list[Token], report: Report, evidence: Evidence
) -> None:
    """Table 三 (and 四) read in printed order where a ``-`` cell or two are missing: ``pdftotext``'s
    default mode drops a ``-`` line it takes for a hyphenated word's end (a Word table's ``-`` cell
    beside a wrapped label, inside the label's block). Tried only where the table prints ``-`` for
    its zeros (no ``0`` among its figures) and is short of one figure a cell by at most
    ``_MAX_DROPPED``; each way of putting the zeros back that makes every equation of the table hold
    is a reading. Cells all readings agree on are read, the others left unknown with the readings
    as alternatives; the table is said in ``uncertain``."""
    cells_3, cells_4 = grid.cells_3, grid.cells_4
    if not any(_is_hyphen(t) for t in figures) or any(t.value.amount == 0 and not _is_hyphen(t) for t in figures):
        return
    for dropped in range(1, _MAX_DROPPED + 1):
        if len(figures) in (cells_3 - dropped, cells_3 + cells_4 - dropped):
            break
    else:
        return
    labelled: dict[Hashable, tuple[Value, ...]] = {key: tuple(v) for key, v in report.requests.items()}
    failures = grid.requests.broken
    if all(v is not None for values in labelled.values() for v in values) and failures(labelled) == 0:
        return
    printed = cells_3 - dropped
    amounts = [int(t.value.amount or 0) for t in figures]
    n, rows = grid.n, grid.rows
    kept = [
        table for table in _restorations(amounts[:printed], grid, dropped) if failures(_as_rows(table, rows, n)) == 0
    ]
    if not kept or len(kept) > _MAX_RESTORED:
        return
    for i, key in enumerate(rows):
        cells = [kept[0][i * n + c] if len({t[i * n + c] for t in kept}) == 1 else None for c in range(n)]
        report.requests[key] = list[int | None](cells)
    evidence.forget("requests.")
    evidence.doubt(
        "requests",
        None,
        f"表三以“-”表示 0，其中 {dropped} 个“-”未印出（pdftotext 将行末的“-”当作连字符删去）："
        f"按数字的印刷顺序逐行读取（每行 {n} 个），缺少的“-”补回为 0，位置由表中勾稽关系确定",
        f"table 三 prints its zeros as '-' and {dropped} of them are missing (pdftotext drops a '-' ending "
        f"a line as a hyphen): read in printed order, {n} to a row, the missing '-' put back as 0 where "
        "the table's equations hold",
        figures[0].where,
    )
    if len(kept) > 1:
        evidence.alternatives([[list(table[i * n : (i + 1) * n]) for i in range(len(rows))] for table in kept])
    if len(figures) == cells_3 + cells_4 - dropped and grid.appeals_add_up(amounts[printed:]):
        _take_appeals(grid, figures[printed:], amounts[printed:], report, evidence)
