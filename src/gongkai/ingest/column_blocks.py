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
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from functools import cache
from itertools import combinations, pairwise, permutations
from typing import Any

from gongkai.ingest.broken_rows import doubt_broken_rows
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, printed_counts
from gongkai.ingest.row_reading import Value
from gongkai.report.equations import Bound, appeals_bound, requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_TOLERATED = 2  # rows that may break their own sum: a report may contradict itself in a row or two
# A reading with fewer rows adding up is not taken; with more rows failing than tolerated, those
# rows are left unknown (their figures came out of the blocks in an order no cut explains).
_MIN_HOLDING = 2 / 3
_KEEP = 8  # readings kept per cut of the rows (ties the arithmetic cannot break)
_ANY_ORDER = 3  # up to this many column groups may be printed in any order, more left to right
_MAX_CELLS = 40 * 8  # more figures than any table 三: not this table's stream
_PROSE_FIGURES = 4  # figures a sentence before table 四 may state (its totals), at most


@cache
def orders(rows: int, width: int, any_order: int = _ANY_ORDER) -> tuple[tuple[int, ...], ...]:
    """The orders in which a run of ``rows`` rows of ``width`` cells may be printed, each as the
    position in the run's print of each cell (cell ``row * width + column``): the columns cut into
    consecutive groups, each group row by row, the groups left to right or, up to ``_ANY_ORDER``
    groups, in any order (one group: row by row; every column its own group: column by column).
    Distinct orders only (in a run of one row, every cut left to right gives the same);
    ``any_order`` 1: the groups left to right only."""
    found: dict[tuple[int, ...], None] = {}
    for k in range(width):
        for cuts in combinations(range(1, width), k):
            groups = list(pairwise((0, *cuts, width)))
            # A few groups may come in any order (a column printed after the rest of its rows).
            for ordered in permutations(groups) if 1 < len(groups) <= any_order else (groups,):
                printed = [r * width + c for a, b in ordered for r in range(rows) for c in range(a, b)]
                position = [0] * len(printed)
                for at, cell in enumerate(printed):
                    position[cell] = at
                found.setdefault(tuple(position), None)
    return tuple(found)


class Reading:
    """One reading of the table: its cells row by row, and how many runs it was cut into."""

    __slots__ = ("cells", "runs", "sources")

    def __init__(self, cells: tuple[int, ...], sources: tuple[int, ...], runs: int) -> None:
        self.cells = cells  # values, row by row
        self.sources = sources  # for each cell, the position of its figure in the stream
        self.runs = runs


@cache
def _order_array(rows: int, width: int, any_order: int = _ANY_ORDER) -> Any:
    import numpy as np

    return np.asarray(orders(rows, width, any_order), dtype=np.int64)


def row_equations(bound: Bound, keys: Sequence[Hashable], width: int) -> list[list[int]] | None:
    """The equations inside a row of the table as coefficients over its cells (left +1, right
    −1: a row holds when every sum is 0), when every row has the same ones; else None."""
    found = {tuple(bound.inside(key)) for key in keys}
    if len(found) != 1:
        return None
    coefficients = []
    for left, right in found.pop():
        row = [0] * width
        for i in left:
            row[i] += 1
        for i in right:
            row[i] -= 1
        coefficients.append(row)
    return coefficients or None


def solve(values: Sequence[int], rows: int, width: int, equations: list[list[int]]) -> tuple[int, list[Reading]]:
    """The best readings of ``values`` (the figures in printed order) as ``rows`` rows of
    ``width``: (rows that hold their ``equations``, the readings that reach it, fewest runs first).
    A dynamic programme over where the runs end, each run tried in every order of ``orders``
    (all orders of a run at once, as arrays)."""
    import numpy as np  # only here: most readings never need it

    if len(values) != rows * width:
        return 0, []
    printed = np.asarray(values, dtype=np.int64)
    sums = np.asarray(equations, dtype=np.int64).T  # width × equations
    # best[b]: (rows holding among the first b, readings of those rows)
    best: list[tuple[int, list[Reading]]] = [(0, [Reading((), (), 0)])]
    for b in range(1, rows + 1):
        top = -1
        kept: dict[tuple[int, ...], Reading] = {}
        for a in range(b):
            base, readings = best[a]
            n = b - a
            if base + n < top:
                continue
            start = a * width
            positions = _order_array(n, width) + start  # orders × cells
            cells = printed[positions]
            holding = ~(cells.reshape(len(positions), n, width) @ sums).any(axis=2)  # orders × rows
            counts = holding.sum(axis=1)
            counts[n - counts > _TOLERATED] = -1
            most = int(counts.max())
            if most < 0 or base + most < top:
                continue
            if base + most > top:
                top, kept = base + most, {}
            for k in np.flatnonzero(counts == most):
                run = tuple(cells[k].tolist())
                where = tuple(positions[k].tolist())
                for reading in readings:
                    joined = reading.cells + run
                    runs = reading.runs + 1
                    old = kept.get(joined)
                    if old is None or runs < old.runs:
                        kept[joined] = Reading(joined, reading.sources + where, runs)
        chosen = sorted(kept.values(), key=lambda r: r.runs)[:_KEEP]
        best.append((top, chosen))
    return best[rows]


def _printed_as_rows(records: list[Record], rows: int, width: int) -> bool:
    """Whether table 三 was printed as rows that each carry their label and all their cells (its
    figures sit where the labels put them, not in blocks whose order is to be found)."""
    labelled = [r for r in records if r.labels]
    return len(labelled) >= rows and all(len(r.values) == width for r in labelled)


def read_blocks(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Replace the reading of table 三 by labels with the one from its figures in blocks, where the
    arithmetic confirms that one and the reading by labels left cells unread or broke more of it;
    ``records``: the records of table 三, in order."""
    labelled: dict[Hashable, tuple[Value, ...]] = {key: tuple(v) for key, v in report.requests.items()}
    bound = requests_bound(template.id)
    complete = all(v is not None for values in labelled.values() for v in values)
    if complete and bound.broken(labelled) == 0:
        return  # the labels named every figure and the arithmetic holds: the usual case
    keys = [row.key for row in template.request_rows]
    width = len(template.request_columns)
    if complete and bound.broken(labelled) <= _TOLERATED:
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
    if len(keys) - adding > _TOLERATED:  # rows add up in no plain order: try runs printing their last columns nested
        nested_adding, nested = solve_nested(amounts, len(keys), width, inside)
        if nested_adding > adding:
            adding, readings = nested_adding, nested
    if readings and len(keys) > adding:  # a figure printed far from its row shifts the rows after it
        moved = displaced(amounts, len(keys), width, inside, readings[0])
        if moved is not None and moved[0] > adding:
            adding, readings = moved
    if len(keys) - adding > _TOLERATED:  # a few figures printed together far from their rows
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
    failing = [] if len(keys) - adding <= _TOLERATED else [i for i in range(len(keys)) if not holds(best[keys[i]])]
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
        evidence.doubt(
            f"requests.{key}[{column}]",
            None,
            f"合乎勾稽关系的几种分块读法在此格不一致（{'、'.join(map(str, seen))}），记为未知",
            f"readings of the blocks that the arithmetic cannot tell apart differ here ({', '.join(map(str, seen))}); "
            "left unknown",
            figures[reading.sources[index]].where,
        )
        evidence.alternatives([[v] for v in seen])
    for i in failing:
        evidence.doubt(
            f"requests.{keys[i]}",
            None,
            "此行的数字在印刷顺序中无法确定（任何分块读法都不合乎本行合计），记为未知",
            "no order of the blocks makes this row add up to its 总计: its figures cannot be placed, left unknown",
            figures[reading.sources[i * width]].where,
        )
    doubt_broken_rows(template, report, evidence)


def _total_put_back(
    values: tuple[int, ...], kept: list[Token], groups: Sequence[str], width: int, bound: Bound, stated: dict[str, int]
) -> tuple[tuple[int, ...], list[Token], str] | None:
    """The printed order with one group's 总计 put back last, where that group alone does not add up
    and the prose states its total (本年度发生政府信息公开行政复议5件): a 总计 header set on two lines
    (总 / 计) beside its group's wrapped titles lets its figure come out among the group's first
    (``03`` ``05`` ``01`` ``00`` ``01``). Taken only where the stated figure stands once in the
    group, before its last place, and the group then adds up with its others in printed order: the
    prose and the sum agree on the move (a group contradicting itself stays as printed)."""
    if bound.broken({"all": values}) != 1:
        return None
    for g, group in enumerate(groups):
        part = list(values[g * width : (g + 1) * width])
        if f"appeals.{group}" not in stated:
            continue
        figure = stated[f"appeals.{group}"]
        if part.count(figure) != 1 or part[-1] == figure:
            continue
        at = part.index(figure)
        order = [i for i in range(width) if i != at] + [at]
        moved = tuple(part[i] for i in order)
        whole = values[: g * width] + moved + values[(g + 1) * width :]
        if bound.broken({"all": whole}):
            continue
        tokens = kept[: g * width] + [kept[g * width + i] for i in order] + kept[(g + 1) * width :]
        return whole, tokens, group
    return None


def read_appeals_blocks(
    template: Template, records: list[Record], report: Report, evidence: Evidence, stated: dict[str, int] | None = None
) -> None:
    """Table 四 from its figures in printed order when the reading by labels left cells unknown: fifteen
    figures, or sixteen with one that is no cell (pdftotext printing a figure twice, a page's
    number), in the template's group order, taken only when exactly one reading makes every group
    add up to its 总计; said in ``uncertain``. ``stated``: the prose's totals (``stated_figures``),
    which may put back one group's 总计 printed out of place (``_total_put_back``)."""
    groups = [g.key for g in template.appeal_groups]
    fields = [f.key for f in template.appeal_fields]
    if all(v is not None for cells in report.appeals.values() for v in cells.values()):
        return  # the labels read every cell
    figures = printed_counts(records)
    cells = len(groups) * len(fields)
    if figures is not None and cells + 1 < len(figures) <= cells + _PROSE_FIGURES:
        # figures the prose above the table states (本年度发生行政复议 125 件): the table's are the last
        figures = figures[-cells:]
    if figures is None or len(figures) not in (cells, cells + 1):
        return
    bound = appeals_bound(template.id, tuple(groups), tuple(fields), True)
    amounts = [int(t.value.amount or 0) for t in figures]
    found: dict[tuple[int, ...], list[Token]] = {}
    ending: dict[tuple[int, ...], list[Token]] = {}  # readings whose figure left out ends its record
    last = _record_ends(records)
    # Exactly fifteen figures are one reading, the printed order: taken when all groups but one
    # add up (a report contradicting itself in one group is read as printed, with findings).
    tolerated = 1 if len(figures) == cells and len(groups) > 2 else 0
    broke = 0
    for skip in range(len(figures)) if len(figures) > cells else (None,):
        kept = [t for i, t in enumerate(figures) if i != skip]
        values = tuple(a for i, a in enumerate(amounts) if i != skip)
        broke = bound.broken({"all": values})
        if broke <= tolerated:
            found.setdefault(values, kept)
            if skip is not None and id(figures[skip]) in last:
                ending.setdefault(values, kept)
    placed = len(found) > 1 and len(ending) == 1
    if placed:
        # A figure that is no cell (a page's number in the flow) comes out after the cells printed
        # under their headers, right before the next label; the header's first figures are its cells.
        found = ending
    if len(found) != 1:
        return  # none adds up, or several readings do: nothing decides
    ((values, kept),) = found.items()
    width = len(fields)
    put_back = (
        _total_put_back(values, kept, groups, width, bound, stated or {}) if broke and len(figures) == cells else None
    )
    if put_back is not None:
        values, kept, moved_group = put_back
        broke = 0
    for g, group in enumerate(groups):
        for i, key in enumerate(fields):
            report.appeals[group][key] = values[g * width + i]
            evidence.provenance[f"appeals.{group}.{key}"] = kept[g * width + i].where
    evidence.forget("appeals")
    if put_back is not None:
        evidence.doubt(
            f"appeals.{moved_group}",
            None,
            "表四该组的总计未按顺序印出（印在该组前面的数字之间）：正文所述的件数即该组总计，移至末位后该组相符",
            "table 四 prints this group's 总计 among its first figures: the figure the prose states is its "
            "total, and put last the group adds up",
            kept[0].where,
        )
    extra = "（其中一个数字不是单元格，去掉它各组才相符）" if len(figures) > cells else ""
    if placed:
        extra = "（其中一个数字不是单元格：去掉不同的数字各组都相符，取去掉紧接下一标签之前那个数字的读法）"
    if len(figures) == cells and broke:
        evidence.doubt(
            "appeals",
            None,
            "表四按印刷顺序读取时有一组合计不符，按印出的数字读入",
            "table 四 read in printed order has one group whose figures do not add up; read as printed",
            kept[0].where,
        )
    evidence.doubt(
        "appeals",
        None,
        f"表四的标签与数字分开印出：按数字的印刷顺序、模板的组序读取{extra}"
        + ("" if (len(figures) == cells and broke) or placed else "（各组合计均相符，且只有这一种读法）"),
        "table 四 prints its labels apart from its figures: read in printed order and the template's group order"
        + (
            " (one figure is no cell: the groups add up without one of several, and the one printed right "
            "before the next label, after the cells under their headers, is left out)"
            if placed
            else " (one figure is no cell: only without it do the groups add up)"
            if extra
            else ""
        )
        + ("" if (len(figures) == cells and broke) or placed else " (every group adds up, and no other reading does)"),
        kept[0].where,
    )


def _record_ends(records: list[Record]) -> set[int]:
    """The figures (by ``id``) that are the last of their record, right before the next label,
    in a record that prints more than one."""
    ends: set[int] = set()
    for record in records:
        printed = [t for t in record.values if t.value.kind is not CellKind.BLANK]
        if len(printed) > 1:
            ends.add(id(printed[-1]))
    return ends


_NESTED_MIN_ROWS = 3  # a run nests its last group only when it has this many rows (fewer: plain orders)
_NESTED_KEEP = 16  # readings of one run kept; a run with more best readings is not read this way
# runs tried nested where a plain order already adds up, at most this many rows (a page's foot
# or a short page: the pass only runs when the columns' equations are broken, and stays cheap)
_ALWAYS_NESTED_ROWS = 6
_DISPLACED_ROWS = 16  # rows of a stretch in which a displaced figure is looked for, at most
_DISPLACED_NESTED_ROWS = 10  # ... and tried in nested orders


def _nested_runs(
    printed: Any, start: int, n: int, width: int, sums: Any, any_order: int = _ANY_ORDER
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
        prefix = _order_array(n, g, any_order) + start  # P × n*g: the prefix block's orders
        count = len(prefix)
        partial = printed[prefix].reshape(count, n, g) @ sums[:g]  # P × n × eqs
        base = start + n * g
        # most[p, i, j]: rows of sub-run [i, j) that hold under prefix order p, at best
        most = np.full((count, n + 1, n + 1), -(10**6), dtype=np.int64)
        tables: dict[int, tuple[Any, Any]] = {}
        for m in range(1, n + 1):
            sub = _order_array(m, w, any_order)  # Q × m*w
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
        if most_g < 0 or n - most_g > _TOLERATED or most_g < top:
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
            positions = _order_array(n, width) + a * width
            cells = printed[positions]
            holding = ~(cells.reshape(len(positions), n, width) @ sums).any(axis=2)
            counts = holding.sum(axis=1)
            counts[n - counts > _TOLERATED] = -1
            most = int(counts.max())
            if n >= _NESTED_MIN_ROWS and (n <= _ALWAYS_NESTED_ROWS if always else most < n):
                # groups left to right only where a plain order already adds up: the columns'
                # equations are to choose, and groups swapped would keep them as well
                nested_most, nested = _nested_runs(printed, a * width, n, width, sums, 1 if always else _ANY_ORDER)
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
        chosen = sorted(kept.values(), key=lambda r: r.runs)[:_KEEP]
        best.append((top, chosen))
    return best[rows]


def _row_holds(cells: Sequence[int], width: int, equations: list[list[int]]) -> list[bool]:
    return [
        all(sum(c * v for c, v in zip(row, cells[r * width : (r + 1) * width], strict=True)) == 0 for row in equations)
        for r in range(len(cells) // width)
    ]


def displaced(
    values: Sequence[int], rows: int, width: int, equations: list[list[int]], reading: Reading
) -> tuple[int, list[Reading]] | None:
    """Readings where one figure printed far from its row is put back: the rows from the first that
    fails in ``reading`` to the last are taken as printed with the last figure of their stretch
    displaced (LibreOffice printing a tall row's 总计 at the page's end, chromium a row's last
    cell after the rows under it), and that figure is tried at every place before it. The stretch
    runs between rows where ``reading``'s runs end (its figures are exactly theirs). Taken only
    when every row of the stretch then adds up: (rows adding up, readings), else None."""
    holding = _row_holds(reading.cells, width, equations)
    failing = [r for r, ok in enumerate(holding) if not ok]
    if not failing:
        return None
    ends = [0]  # rows after which the reading's figures are exactly the first rows × width
    top = -1
    for r in range(rows):
        top = max(top, *reading.sources[r * width : (r + 1) * width])
        if top == (r + 1) * width - 1:
            ends.append(r + 1)
    start = max(e for e in ends if e <= failing[0])
    stop = min(e for e in ends if e > failing[-1])
    n = stop - start
    if n > _DISPLACED_ROWS:
        return None  # too long a stretch to try every place (and too little left to confirm it)
    segment = list(values[start * width : stop * width])
    last = len(segment) - 1
    found: dict[tuple[int, ...], Reading] = {}
    solvers = (solve, solve_nested) if n <= _DISPLACED_NESTED_ROWS else (solve,)
    for solver in solvers:  # the nested orders only where no plain one adds up
        for k in range(last):
            moved = [*segment[:k], segment[last], *segment[k:last]]
            adding, readings = solver(moved, n, width, equations)
            if adding == n:
                _put_back(found, reading, readings, start, stop, width, k, last)
        if found:
            break
    if not found:
        return None
    return sum(holding) - sum(holding[start:stop]) + n, sorted(found.values(), key=lambda r: r.runs)[:_KEEP]


def _put_back(
    found: dict[tuple[int, ...], Reading],
    reading: Reading,
    readings: list[Reading],
    start: int,
    stop: int,
    width: int,
    k: int,
    last: int,
) -> None:
    """The readings of a stretch with its displaced figure put back at ``k``, as readings of the
    whole table (the rows around the stretch as ``reading`` has them)."""
    for sub in readings:
        back = [start * width + (j if j < k else last if j == k else j - 1) for j in sub.sources]
        cells = reading.cells[: start * width] + sub.cells + reading.cells[stop * width :]
        sources = reading.sources[: start * width] + tuple(back) + reading.sources[stop * width :]
        found.setdefault(cells, Reading(cells, sources, reading.runs + sub.runs))


_CLUSTER = 3  # figures printed together far from their rows (a run of the stream), at most
# Readings of a cluster kept: a zero, or a figure put into a row beside zeros, adds up in several
# cells of its row; the table's column equations then choose among them (read_blocks).
_CLUSTER_KEEP = 64


def clustered(
    values: Sequence[int], rows: int, width: int, equations: list[list[int]]
) -> tuple[int, list[Reading]] | None:
    """Readings of the table printed row by row except for a cluster of one to ``_CLUSTER``
    figures printed together further on (pdftotext putting the first cells of a few tall rows, or
    the last cells of the first row, in a text block of their own after the rows below them): the
    cluster is taken out and its figures put back, in their printed order, each into a cell of an
    earlier row, wherever every row of the table then adds up. A dynamic programme over the rows
    and how many of the cluster's figures are used up, for every run of the stream that may be the
    cluster. Taken only when every row adds up: (rows, readings), else None."""
    n = len(values)
    if n != rows * width:
        return None
    holding = _row_holds(values, width, equations)
    if all(holding):
        return None
    first = holding.index(False)
    found: dict[tuple[int, ...], Reading] = {}
    for m in range(1, _CLUSTER + 1):
        for p in range((first + 1) * width - m, n - m + 1):
            _put_cluster(values, rows, width, equations, p, m, first, found)
            if len(found) > _CLUSTER_KEEP:
                return None  # too many readings: nothing decides
    if not found:
        return None
    return rows, sorted(found.values(), key=lambda r: r.runs)


def _put_cluster(
    values: Sequence[int],
    rows: int,
    width: int,
    equations: list[list[int]],
    p: int,
    m: int,
    first: int,
    found: dict[tuple[int, ...], Reading],
) -> None:
    """Every reading (into ``found``) with the figures ``values[p : p + m]`` put back into cells of
    rows printed before them, the other figures row by row; rows before ``first`` are as printed."""
    rest = [i for i in range(len(values)) if not p <= i < p + m]
    cluster = list(range(p, p + m))
    # after each row: cluster figures used -> {cells so far: their sources}
    start = tuple(range(first * width))
    states: dict[int, dict[tuple[int, ...], tuple[int, ...]]] = {0: {tuple(values[s] for s in start): start}}
    for r in range(first, rows):
        nxt: dict[int, dict[tuple[int, ...], tuple[int, ...]]] = {}
        for used, partials in states.items():
            at = r * width - used  # next figure of ``rest``
            for t in range(m - used + 1):
                if at + width - t > len(rest):
                    continue
                if t and rest[at + width - t - 1] > p:
                    continue  # a cluster figure goes back only into a row printed before it
                for slots in combinations(range(width), t):
                    sources: list[int] = []
                    k = at
                    c = used
                    for column in range(width):
                        if column in slots:
                            sources.append(cluster[c])
                            c += 1
                        else:
                            sources.append(rest[k])
                            k += 1
                    cells = tuple(values[s] for s in sources)
                    if not all(sum(a * v for a, v in zip(row, cells, strict=True)) == 0 for row in equations):
                        continue
                    options = nxt.setdefault(used + t, {})
                    for known, partial in partials.items():
                        if len(options) > _CLUSTER_KEEP:
                            return  # too many readings of this cluster: it decides nothing
                        options.setdefault(known + cells, partial + tuple(sources))
        states = nxt
        if not states:
            return
    for cells, placed in states.get(m, {}).items():
        found.setdefault(cells, Reading(cells, placed, 2))
