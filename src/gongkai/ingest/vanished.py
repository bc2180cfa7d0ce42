"""Table 三 of a Word export whose zero cells were left blank, read from ``pdftotext``'s flow.

A table exported from Word often leaves its zero cells blank (the five 法人或其他组织 columns where
nobody of that kind applied) while the 自然人 column and the 总计 column print every figure, 0 too.
``pdftotext`` in its default mode prints each cell as a block of its own in the order of its text
flow: blank cells leave no trace, and the blocks of one row do not stay together (a row's 总计
may come out after the next rows' figures). Neither the labels nor the count of figures then say
which column a figure is in.

What the flow keeps is the grid's order: a block comes out after the blocks above it in its
column and after the blocks left of it in its row (the reading order pdftotext follows puts a
block after the ones above it that it overlaps, and after the ones left of it on its line). So
the figures are one interleaving of the table's columns, each column top to bottom, each row left
to right: a row's 自然人 figure first, then its printed organisation figures, then its 总计.

This reader finds, for every row, what it may hold in some assignment of the figures that keeps
that order and makes every row add up to its 总计 (the row's own equation in ``report/equations``):
its 自然人 figure, its printed organisation figures, its 总计. A figure printed on its row's label
line (chromium keeps the 自然人 cell beside the label) is that row's 自然人 figure; where those
come out of the table's order, the flow keeps no column's order and nothing is read. The rows'
readings are combined and kept where the table's other equations hold (the 自然人 and 总计
columns' balances and outcome sums); a report contradicting itself with one reading only is read
as printed and its broken equations said. A cell is read where every reading kept agrees on it: a
row with no organisation figure has zeros there, a row with all five has them left to right; a row
with some has its organisation cells left unknown (which columns were blank is not in the text),
its figures named in ``uncertain``. The search is bounded: at most a few rows begun and not closed
at once (3, widened to 6 while the budget of states lasts: the widest search in budget is the one
read), and past its budget at 3 nothing is read by it. It is tried only where the table printed
fewer figures than it has cells and the reading by labels left cells unread or broke the
arithmetic.

Where no order of the grid explains the flow (pdftotext's reading order is no grid order when rows
are tall and their cells centred: a row's cells come out among the next rows'), only what needs no
order is read (``firsts_beside_labels``): a row's 自然人 figure where it stands on its label's
line (chromium's print), between the lines of its wrapped label (LibreOffice's print of a tall
row, ``_figures_inside_labels``) or alone right after its label's block (LibreOffice's), each
named in ``uncertain``. LibreOffice's print of a table whose all-zero rows are blank too is such a
flow: each column comes out top to bottom, but a row's cells among the next rows' and a row of
zeros nowhere, so no interleaving of whole rows explains it.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from gongkai.ingest.anchored_runs import read_anchored_runs
from gongkai.ingest.broken_rows import broken_rows
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.records import Record, Token, line_number
from gongkai.ingest.request_rows import RequestRaw
from gongkai.ingest.row_reading import Reading, Value
from gongkai.ingest.table_search import supported_readings, witnessed_readings
from gongkai.ingest.vanished_blocks import read_blocks
from gongkai.report.equations import Bound, requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_NODES = 10_000  # states one search may visit (a few µs each)
_TABLES = 256  # combinations of the rows' readings checked against the table's equations
_OPEN = (3, 4, 5, 6)  # rows begun and not yet closed at once, at most: widened while in budget


class _Budget(Exception):
    pass


@dataclass(frozen=True)
class _Shape:
    """Where a row of table 三 prints what: its first column always (自然人), its total always
    (总计, last), the columns between only when not zero."""

    first: int
    total: int
    middle: tuple[int, ...]


def _shape(bound: Bound, keys: Sequence[Hashable], width: int) -> _Shape | None:
    """The row's columns, when each row has the one equation ``total = sum of the others``, the
    total last."""
    found = {tuple(bound.inside(key)) for key in keys}
    if len(found) != 1:
        return None
    (inside,) = found
    if len(inside) != 1:
        return None
    left, right = inside[0]
    total, others = (left[0], right) if len(left) == 1 else (right[0], left) if len(right) == 1 else (-1, ())
    if total != width - 1 or sorted(others) != list(range(width - 1)):
        return None
    return _Shape(0, total, tuple(range(1, width - 1)))


_PLAIN_FIGURE = re.compile(r"\d{1,7}|[-－—]")


def _figures_ahead(label: Token) -> list[Token]:
    """Figures printed at the start of a label's line, before its words (``- - - - （一）予以公开``,
    ``10 2 - - 12 含网上``): the flow ran a row's last cells into the next label or a remark."""
    if " part " in label.where:
        return []
    parts = label.text.split()
    out: list[Token] = []
    for k, part in enumerate(parts[:-1], 1):
        if not _PLAIN_FIGURE.fullmatch(part):
            break
        out.append(Token(part, f"{label.where} part {k}", parse_cell(part)))
    return out


def _in_flow(record: Record, ahead: bool) -> list[Token]:
    """The record's figures in printed order, those at the start of its label lines among them."""
    tokens = [(t, i) for i, t in enumerate(record.values) if t.value.kind is not CellKind.BLANK]
    if ahead:
        tokens += [(t, -1) for label in record.labels for t in _figures_ahead(label)]
    if len(tokens) == len(record.values):
        return [t for t, _ in tokens]

    return [t for t, _ in sorted(tokens, key=lambda item: (line_number(item[0]) or 0, item[1] if item[1] >= 0 else -1))]


def _figures(records: list[Record]) -> list[Token] | None:
    """Table 三's figures in printed order; where zeros print ``-``, those run into the start of a
    label's line too (a Word table's blank cells leave no such run)."""
    dashed = any(t.value.kind is CellKind.DASH for record in records for t in record.values)
    figures = [t for record in records for t in _in_flow(record, dashed)]
    for token in figures:
        if token.value.kind is CellKind.DASH:
            continue  # an Excel table's zero printed ``-``: a printed cell, 0 (its neighbours' may vanish)
        amount = token.value.amount
        if token.value.kind is not CellKind.NUMBER or not isinstance(amount, int) or amount < 0:
            return None  # a word, a fraction: not a table of counts with blanks
    return figures


Row = tuple[int, tuple[int, ...], int]  # (first, middle figures in printed order, total)
Open = tuple[tuple[int, tuple[int, ...]], ...]  # rows begun and not yet closed: first, middles
State = tuple[int, int, int, Open]


def row_options(
    values: Sequence[int], rows: int, middle: int, anchors: dict[int, int] | None = None, most_open: int = 6
) -> list[set[Row]] | None:
    """For each row, what it may hold in an assignment of ``values`` (the figures in printed
    order) to rows and to their first column, a middle column or their total that keeps the
    grid's order (firsts and totals row by row, a row's middle figures after its first and before
    its total) and makes every row's total the sum of its first and middle figures; at most
    ``middle`` middle figures a row, none of them 0. None when no assignment exists. Raises
    ``_Budget`` past the search's budget (states of the search). At most ``most_open`` rows are
    begun and not yet closed at any point of the print. ``anchors``: figures printed on
    their row's label line, by position: the first column of that row (of no other)."""
    anchors = anchors or {}
    search = _RowSearch(values, rows, middle, anchors, set(anchors.values()), most_open, {})
    start: State = (0, 0, 0, ())
    if not _completes(search, start):
        return None
    n = len(values)
    options: list[set[Row]] = [set() for _ in range(rows)]
    seen = {start}
    stack = [start]
    while stack:
        state = stack.pop()
        if state[0] == n:
            continue
        for after, closed in _moves(search, state):
            if not (after[0] == n and after[1] == rows and after[2] == rows) and not search.good.get(after, False):
                continue
            if closed is not None:
                options[closed[0]].add(closed[1])
            if after not in seen:
                seen.add(after)
                stack.append(after)
    return options


@dataclass(frozen=True)
class _RowSearch:
    """``row_options``' search: its figures and bounds, and what it learnt (``good``: whether the
    print completes from a state). Module functions with their state passed, not closures: a
    closure calling itself is a reference cycle, and this one's memo (every state searched) would
    wait for the cyclic collector."""

    values: Sequence[int]
    rows: int
    middle: int
    anchors: dict[int, int]
    anchored: set[int]
    most_open: int
    good: dict[State, bool]


def _moves(search: _RowSearch, state: State) -> list[tuple[State, tuple[int, Row] | None]]:
    """The states one figure on from ``state``, each with the row it closes (None: none)."""
    i, p0, p6, open_ = state
    v = search.values[i]
    rows, most_open = search.rows, search.most_open
    out: list[tuple[State, tuple[int, Row] | None]] = []
    row = search.anchors.get(i)
    if row is not None:
        if p0 == row and p0 - p6 < most_open:
            out.append(((i + 1, p0 + 1, p6, (*open_, (v, ()))), None))
        return out
    if p0 < rows and p0 - p6 < most_open and p0 not in search.anchored:
        out.append(((i + 1, p0 + 1, p6, (*open_, (v, ()))), None))
    if p6 < p0:
        first, middles = open_[0]
        if first + sum(middles) == v:
            out.append(((i + 1, p0, p6 + 1, open_[1:]), (p6, (first, middles, v))))
    if v > 0:
        for j, (first, middles) in enumerate(open_):
            if len(middles) < search.middle:
                begun = (first, (*middles, v))
                out.append(((i + 1, p0, p6, (*open_[:j], begun, *open_[j + 1 :])), None))
    return out


def _completes(search: _RowSearch, state: State) -> bool:
    """Whether the print can be completed from ``state`` (learnt into ``search.good``)."""
    i, p0, p6, _ = state
    n, rows, good = len(search.values), search.rows, search.good
    if i == n:
        return p0 == rows and p6 == rows
    if n - i < 2 * rows - p0 - p6:
        return False
    known = good.get(state)
    if known is not None:
        return known
    if len(good) > _NODES:
        raise _Budget
    ok = False
    for after, _ in _moves(search, state):
        ok = _completes(search, after) or ok
    good[state] = ok
    return ok


Table = dict[Hashable, tuple[int | None, ...]]


def _line(where: str) -> str:
    return where.split(" part ")[0]


def _anchors(raw: dict[str, RequestRaw], keys: Sequence[Hashable], figures: list[Token]) -> dict[int, int]:
    """The figures printed on their row's label line (the 自然人 cell beside the label), by their
    position among ``figures``: which row's first column each is."""
    position = {id(t): i for i, t in enumerate(figures)}
    found: dict[int, int] = {}
    for r, key in enumerate(keys):
        row = raw.get(str(key))
        if row is None:
            continue
        printed = [t for t in row.values if t.value.kind is not CellKind.BLANK]
        if printed and id(printed[0]) in position and _line(printed[0].where) == _line(row.label.where):
            found[position[id(printed[0])]] = r
    return found


def _figures_inside_labels(
    records: list[Record], raw: dict[str, RequestRaw], keys: Sequence[Hashable], figures: list[Token]
) -> dict[int, int]:
    """The figures printed between two lines of their row's wrapped label (``6. 属于四类过程性`` /
    ``6`` / ``信息``), by position among ``figures``: which row's first column each is. LibreOffice
    centres a tall row's cells, so the 自然人 cell stands beside the middle of its wrapped label,
    and ``pdftotext`` keeps the two in one block: the figure comes out inside the label, wherever
    the flow puts the row's other cells. A figure counts so when it is the record's only value,
    printed right under the row's label line (no blank line: no block break between), and the next
    record opens with the label's continuation (no row mark, no row's label of its own)."""
    position = {id(t): i for i, t in enumerate(figures)}
    label_of = {id(row.label): r for r, key in enumerate(keys) if (row := raw.get(str(key))) is not None}
    found: dict[int, int] = {}
    for record, following in itertools.pairwise(records):
        if not record.labels or not following.labels or len(record.values) != 1:
            continue
        (figure,) = record.values
        r = label_of.get(id(record.labels[-1]))
        if r is None or id(figure) not in position:
            continue
        go_on = following.labels[0]
        if id(go_on) in label_of or _ROW_MARK.search(go_on.text):
            continue  # the next row's label, not this one's wrapped end
        found[position[id(figure)]] = r
    return found


def _rows_in_order(anchors: dict[int, int]) -> bool:
    """Whether the anchored figures come out in their rows' order (each row once)."""
    return [anchors[p] for p in sorted(anchors)] == sorted(set(anchors.values()))


def _joined(kept: dict[int, int], more: dict[int, int]) -> dict[int, int]:
    """``kept`` with the figures of ``more`` at positions and for rows ``kept`` has none at."""
    rows = set(kept.values())
    return kept | {p: r for p, r in more.items() if p not in kept and r not in rows}


def _row_cells(option: Row, shape: _Shape) -> tuple[int | None, ...]:
    """A row as it may be: first and total known; the middle cells 0 when none printed is other
    than 0 (a dash), the figures left to right when all were printed, else unknown (which
    columns left blank is not said)."""
    first, middles, total = option
    cells: list[int | None] = [None] * (shape.total + 1)
    if first < 0:  # a row no figure was found for
        return tuple(cells)
    cells[shape.first], cells[shape.total] = first, total
    if not any(middles):  # first and total alone add up: every middle cell 0 (none is negative)
        for c in shape.middle:
            cells[c] = 0
    elif len(middles) == len(shape.middle):
        for c, v in zip(shape.middle, middles, strict=True):
            cells[c] = v
    return tuple(cells)


def _tables(options: list[set[Row]], keys: Sequence[Hashable], shape: _Shape, bound: Bound) -> list[Table] | None:
    """The tables the rows' options make that break no equation of the table; None past the budget."""
    rows = [sorted({_row_cells(o, shape) for o in found}) for found in options]
    count = 1
    for found in rows:
        count *= len(found)
        if count > _TABLES:
            return None
    tables: list[Table] = [{}]
    for key, found in zip(keys, rows, strict=True):
        tables = [{**t, key: cells} for t in tables for cells in found]
    holding = [t for t in tables if not bound.broken(t)]
    # One reading only, and it breaks the table's arithmetic: a report contradicting itself, read
    # as printed (its broken equations are said in ``uncertain``).
    return holding if holding or len(tables) > 1 else tables


def _agreed(
    tables: Sequence[Table], keys: Sequence[Hashable], width: int
) -> tuple[dict[Hashable, list[int | None]], dict[tuple[Hashable, int], list[int | None]]]:
    """The cells every table agrees on, and for the others the values the tables give them."""
    decided: dict[Hashable, list[int | None]] = {}
    seen: dict[tuple[Hashable, int], list[int | None]] = {}
    for key in keys:
        decided[key] = []
        for c in range(width):
            found = list(dict.fromkeys(t[key][c] for t in tables))
            if len(found) == 1 and found[0] is not None:
                decided[key].append(found[0])
            else:
                decided[key].append(None)
                seen[(key, c)] = found
    return decided, seen


def middle_placements(option: Row, shape: _Shape) -> list[tuple[int | None, ...]]:
    """Every way a row's middle figures may stand in its middle columns: left to right as
    printed, each column that printed nothing 0 (a Word table's blank cell, or an Excel table's
    ``-`` that a narrow column lost from the text). A row no figure was found for: unknown."""
    first, middles, total = option
    width = shape.total + 1
    if first < 0:
        return [(None,) * width]
    out: list[tuple[int | None, ...]] = []
    for columns in itertools.combinations(shape.middle, len(middles)):
        cells: list[int | None] = [0] * width
        cells[shape.first], cells[shape.total] = first, total
        for c, v in zip(columns, middles, strict=True):
            cells[c] = v
        out.append(tuple(cells))
    return out


_EXHAUSTIVE = 4096  # combinations of placements tried one by one; past that the layered search


def placed_tables(options: list[set[Row]], keys: Sequence[Hashable], shape: _Shape, bound: Bound) -> list[Table] | None:
    """Tables enough to show every placement of every row that some table keeping all of table
    三's equations uses (each row's figures in order, its other columns 0): the arithmetic of the
    whole table places a row's figures where the columns' sums pin them, and leaves the cells
    the consistent tables disagree on unknown. None where no consistent table is found, or the
    search runs out of budget (the caller then reads the rows without placing them)."""
    choices: dict[Hashable, list[Reading]] = {}
    for key, found in zip(keys, options, strict=True):
        cells = dict.fromkeys(p for o in sorted(found) for p in middle_placements(o, shape))
        choices[key] = [Reading(c, (None,) * len(c), ("",) * len(c), 0, "", "") for c in cells]
    open_rows = [key for key in keys if len(choices[key]) > 1]
    base = {key: choices[key][0].values for key in keys if len(choices[key]) == 1}
    if not open_rows:
        return None  # nothing to place: the rows' own reading stands
    size = math.prod(len(choices[key]) for key in open_rows)
    if size <= _EXHAUSTIVE:
        # Every consistent table, one by one: a row no figure was found for (run into the note
        # under the table) is then what the others leave it in the equations it alone completes.
        unprinted = [key for key in keys if all(o[0] < 0 for o in options[keys.index(key)])]
        tables: list[Table] = []
        for combo in itertools.product(*(choices[key] for key in open_rows)):
            table = {**base, **{key: r.values for key, r in zip(open_rows, combo, strict=True)}}
            if bound.broken(table):
                continue
            completed = _completed(table, unprinted, bound, shape.total + 1)
            if completed is not None:
                tables.append(completed)
        return tables or None
    return searched_tables(choices, open_rows, base, bound)


def searched_tables(
    choices: dict[Hashable, list[Reading]],
    open_rows: list[Hashable],
    base: dict[Hashable, tuple[Value, ...]],
    bound: Bound,
) -> list[Table] | None:
    """The consistent tables the layered search finds past the exhaustive budget (readings every
    such table witnesses, else those some table supports); None where none is found."""
    winners = witnessed_readings(choices, open_rows, base, bound.broken, bound)
    if winners is None:
        winners = supported_readings(choices, open_rows, base, bound.broken, bound)
    return tables_of(winners, open_rows, base) if winners else None


def tables_of(
    combos: Sequence[tuple[Reading, ...]], open_rows: list[Hashable], base: dict[Hashable, tuple[Value, ...]]
) -> list[Table]:
    """The whole tables of ``combos`` (one reading per open row) over the rows ``base`` fixes."""
    fixed: Table = {key: _counts(values) for key, values in base.items()}
    return [{**fixed, **{key: _counts(r.values) for key, r in zip(open_rows, combo, strict=True)}} for combo in combos]


def _completed(
    table: dict[Hashable, tuple[Value, ...]], unprinted: Sequence[Hashable], bound: Bound, width: int
) -> Table | None:
    """``table`` with its unprinted rows' cells worked out where an equation holds one cell of
    such a row and every other cell of it is known (``新收 + 结转 = 总计 + 结转下年``: the last
    row from the others); None where a worked-out cell is no count (negative, a fraction) or the
    table then breaks an equation (two equations giving the cell different values)."""
    filled: Table = {key: _counts(values) for key, values in table.items()}
    parts = bound.parts()
    for key in unprinted:
        units = [bound.terms(key, tuple(int(i == c) for i in range(width))) for c in range(width)]
        cells: list[int | None] = [None] * width
        for e, rows in enumerate(parts):
            columns = [c for c in range(width) if units[c].get(e, 0)]
            others = [filled.get(row) for row in rows if row != key]
            if key not in rows or len(columns) != 1 or any(v is None or None in v for v in others):
                continue
            rest = sum(bound.terms(row, filled[row]).get(e, 0.0) for row in rows if row != key)
            amount = -rest / units[columns[0]][e]
            if amount < 0 or amount != int(amount):
                return None
            cells[columns[0]] = int(amount)
        filled[key] = tuple(cells)
    if unprinted and bound.broken(filled):
        return None
    return filled


def _counts(values: Sequence[Value]) -> tuple[int | None, ...]:
    """A reading's values as the counts they were made from (placements hold counts only)."""
    return tuple(None if v is None else int(v) for v in values)


def read_vanished(
    template: Template, records: list[Record], raw: dict[str, RequestRaw], report: Report, evidence: Evidence
) -> None:
    """Read table 三 again from its figures in printed order where a Word table's blank cells
    vanished from the text and the reading by labels left cells unread or broke the arithmetic;
    ``records``: the records of table 三, in order; ``raw``: its rows as the labels found them."""
    keys = [row.key for row in template.request_rows]
    width = len(template.request_columns)
    bound = requests_bound(template.id)
    current: Table = {key: tuple(v) for key, v in report.requests.items()}
    known = sum(v is not None for values in current.values() for v in values)
    if known == len(keys) * width and bound.broken(current) == 0:
        return
    figures = _figures(records)
    if figures is None or not 2 * len(keys) <= len(figures) < len(keys) * width:
        return  # every cell printed (the other readers' case), or too few to be this table
    dashed = any(t.value.kind is CellKind.DASH for t in figures)
    if not dashed and any(t.x is not None for t in figures):
        return  # laid-out text: where a figure stands says its column (``placed``), not its order
    shape = _shape(bound, keys, width)
    if shape is None:
        return
    values = [int(t.value.amount or 0) for t in figures]
    if dashed:
        # zeros printed ``-`` where they did not vanish: zeros anywhere make the flow's order
        # say little, so only rows printed each on a line of its own are read
        options = _rows_by_line(figures, values, len(keys), len(shape.middle))
        if options is None:
            return
        table: Table = {key: _row_cells(next(iter(o)), shape) for key, o in zip(keys, options, strict=False)}
        if bound.broken(table):
            return  # rows not where the runs were taken to be, or a report contradicting itself
        options += [{(-1, (), -1)}] * (len(keys) - len(options))
    else:
        beside = _anchors(raw, keys, figures)
        anchors = _joined(beside, _figures_inside_labels(records, raw, keys, figures))
        ordered = anchors if _rows_in_order(anchors) else beside  # the grid search needs them in order
        if not _rows_in_order(ordered):
            if read_blocks(keys, width, records, raw, figures, anchors, bound, report, evidence):
                return  # the 自然人 column with the labels, the others in column blocks
            # label lines printed out of the table's order: the flow keeps no column's order
            firsts_beside_labels(keys, shape, figures, anchors, report, evidence)
            read_anchored_runs(keys, shape, figures, anchors, bound, report, evidence)
            return
        options = _widest(values, len(keys), len(shape.middle), ordered)
    if (
        options is None
        and not dashed
        and read_blocks(keys, width, records, raw, figures, anchors, bound, report, evidence)
    ):
        return  # the 自然人 column with the labels, the others in column blocks (``vanished_blocks``)
    if options is None:  # no order of the grid explains the flow: only the labels' own figures
        firsts_beside_labels(keys, shape, figures, anchors, report, evidence)
        if not beside:  # LibreOffice's print: the figures right after a label block too
            after = _joined(anchors, _firsts_after_labels(records, raw, keys, figures))
            if _rows_in_order(after):  # else the two readings of the flow disagree
                after = {p: r for p, r in after.items() if p not in anchors}
                firsts_beside_labels(keys, shape, figures, after, report, evidence, beside=False)
        return
    # Each row's middle figures placed in its columns, the whole table's equations choosing
    # (``placed_tables``); where that finds no consistent table in budget, the rows as before,
    # their middle cells unknown where they print some.
    tables = placed_tables(options, keys, shape, bound) or _tables(options, keys, shape, bound)
    if tables is None:  # too many combinations to check the columns: each row by its own options
        tables = [
            {key: _row_cells(o, shape) for key, o in zip(keys, combo, strict=True)} for combo in _one_each(options)
        ]
    if not tables:
        return
    decided, seen = _agreed(tables, keys, width)
    count = sum(v is not None for values in decided.values() for v in values)
    if count == 0 or (count < known and (dashed or bound.broken(current) == 0)):
        return  # the labels read more, and nothing they read breaks the arithmetic (with dashes:
        # zeros printed, the labels' reading is the surer one where it read more)
    middles: dict[Hashable, list[tuple[int, ...]]] = {
        key: sorted({o[1] for o in found}) for key, found in zip(keys, options, strict=True)
    }
    _take(keys, width, figures, decided, seen, middles, report, evidence)
    for key, found in zip(keys, options, strict=True):
        if all(o[0] < 0 for o in found) and any(v is not None for v in decided[key]):
            evidence.doubt_more(
                f"requests.{key}",
                "本行的数字未在文本中找到（印入表下的注释），按表三勾稽关系由其他各行推算",
                "the row's figures were not found in the text (run into the note under the table): "
                "worked out from the other rows by table 三's equations",
            )
    for key, broke in broken_rows(template, report.requests).items():
        evidence.doubt_more(
            f"requests.{key}",
            f"表三勾稽关系不成立（{'；'.join(dict.fromkeys(broke))}）：按印刷读取",
            "table 三 breaks its arithmetic here: read as printed",
        )


def firsts_beside_labels(
    keys: Sequence[Hashable],
    shape: _Shape,
    figures: list[Token],
    anchors: dict[int, int],
    report: Report,
    evidence: Evidence,
    beside: bool = True,
) -> None:
    """Where no order of the grid explains the flow, still read what needs no order: the figure
    printed on a row's label line is that row's 自然人 cell (chromium keeps the first cell of a
    Word export's row beside its label, its other cells go into the flow); ``beside`` False: the
    figures are those right after a label block (LibreOffice's print, ``_firsts_after_labels``).
    Only cells the reading by labels left unknown are filled, each named in ``uncertain`` (the
    rest of the row is not placed, and the flow that lost the row's other cells may have lost its
    label's order too)."""
    if beside:
        zh, en = "印在本行标签旁的", "printed beside this row's label"
    else:
        zh, en = "紧接本行标签块印出的", "printed right after this row's label block"
    for position, r in sorted(anchors.items()):
        key = str(keys[r])
        row = report.requests.get(key)
        if row is None or row[shape.first] is not None:
            continue
        token = figures[position]
        row[shape.first] = int(token.value.amount or 0)
        evidence.provenance[f"requests.{key}[{shape.first}]"] = token.where
        evidence.doubt(
            f"requests.{key}[{shape.first}]",
            row[shape.first],
            f"表三留空了为零的单元格（Word 表格），文本的排版流无法确定各数字所在的格：只读取{zh}第一格（自然人）",
            "table 三 leaves its zero cells blank (a Word table) and no order of its grid explains the "
            f"text's flow: only the figure {en} is read (its 自然人 cell)",
            token.where,
        )


# The marks that begin a row label of table 三 (一、 （三） 4.): a block holding two holds two rows' labels.
_ROW_MARK = re.compile(r"[一二三四五六七八九十]、|[（(][一二三四五六七八九十][)）]|(?<![0-9])[0-9]{1,2}[.．]")


def _firsts_after_labels(
    records: list[Record], raw: dict[str, RequestRaw], keys: Sequence[Hashable], figures: list[Token]
) -> dict[int, int]:
    """In LibreOffice's print of a Word table no figure stays on a label's line: each cell is a
    block, and the block after a row's label block is the row's first cell (自然人) when the flow
    went from the label cell to its right neighbour and back to the next label: the label block
    names that one row only (one row mark: no two labels merged into a block), came right after a
    figure or a header (not after another row's label: labels printed one after another went down
    the label column, and the figure after them may be any row's), and one figure alone stands
    between it and the next label (a longer run may be other rows' cells the flow took first).
    By position among ``figures``."""
    position = {id(t): i for i, t in enumerate(figures)}
    label_of = {id(row.label): r for r, key in enumerate(keys) if (row := raw.get(str(key))) is not None}
    found: dict[int, int] = {}
    previous: Record | None = None
    for record in records:
        rows = {label_of[id(t)] for t in record.labels if id(t) in label_of}
        marks = sum(len(_ROW_MARK.findall(t.text)) for t in record.labels)
        printed = [t for t in record.values if t.value.kind is not CellKind.BLANK]
        after_figure_or_header = (
            previous is None
            or any(t.value.kind is not CellKind.BLANK for t in previous.values)
            or not any(id(t) in label_of or _ROW_MARK.search(t.text) for t in previous.labels)
        )
        one_row = len(rows) == 1 and marks <= 1
        if one_row and len(printed) == 1 and after_figure_or_header and id(printed[0]) in position:
            found[position[id(printed[0])]] = rows.pop()
        previous = record
    if [found[p] for p in sorted(found)] != sorted(found.values()):
        return {}  # rows out of the table's order: the flow is not the one described
    return found


def _widest(values: Sequence[int], rows: int, middle: int, anchors: dict[int, int]) -> list[set[Row]] | None:
    """The rows' options with as many rows begun at once as the budget allows (a wider search
    finds every reading a narrower one does, and more); None when even the narrowest finds none
    or runs out of budget."""
    if not _countable(values, rows):
        return None  # no assignment at all, however wide the search (it need not be run)
    found: list[set[Row]] | None = None
    for most_open in _OPEN:
        try:
            options = row_options(values, rows, middle, anchors, most_open)
        except _Budget:
            break
        if options is not None:
            found = options
    return found


def _countable(values: Sequence[int], rows: int) -> bool:
    """Whether counting alone leaves room for an assignment of ``row_options``: every figure is
    a row's first, middle or total, so the middles are ``len(values) - 2 * rows``, each above 0,
    and the figures add up to twice the totals (an even sum)."""
    return sum(v > 0 for v in values) >= len(values) - 2 * rows and sum(values) % 2 == 0


def _rows_by_line(figures: Sequence[Token], values: Sequence[int], rows: int, middle: int) -> list[set[Row]] | None:
    """Each row from a run of figures printed side by side on one line (no words between), when
    the runs are as many as the table's rows (or one fewer: the last row run into the note under
    the table, left unknown), each opens with the row's first column, closes with
    its total and adds up (``10 2 - - 12``: an Excel table whose narrow columns lost cells);
    None otherwise."""
    runs: list[list[int]] = []
    previous: tuple[str, int] | None = None
    for i, token in enumerate(figures):
        line, _, part = token.where.partition(" part ")
        at = (line, int(part) if part.isdigit() else -1)
        if previous is not None and at[1] >= 0 and previous == (line, at[1] - 1):
            runs[-1].append(values[i])
        else:
            runs.append([values[i]])
        previous = at
    if len(runs) not in (rows, rows - 1):
        return None
    if any(not 2 <= len(run) <= middle + 2 or sum(run[:-1]) != run[-1] for run in runs):
        return None
    return [{(run[0], tuple(run[1:-1]), run[-1])} for run in runs]


def _one_each(options: list[set[Row]]) -> list[tuple[Row, ...]]:
    """Tables enough to show every option of every row (each row's options in turn, the other
    rows at their first): where the options disagree, the cells are left unknown."""
    firsts = [sorted(found)[0] for found in options]
    out = [tuple(firsts)]
    for r, found in enumerate(options):
        for option in sorted(found)[1:]:
            out.append((*firsts[:r], option, *firsts[r + 1 :]))
    return out


def _take(
    keys: Sequence[Hashable],
    width: int,
    figures: list[Token],
    decided: dict[Hashable, list[int | None]],
    seen: dict[tuple[Hashable, int], list[int | None]],
    middles: dict[Hashable, list[tuple[int, ...]]],
    report: Report,
    evidence: Evidence,
) -> None:
    evidence.forget("requests.")
    for key in keys:
        report.requests[str(key)] = list(decided[key])
    evidence.doubt(
        "requests",
        None,
        "表三留空了为零的单元格（Word 表格），文本按排版流印出各格：按各列自上而下、各行自左而右的顺序"
        "及勾稽关系推定各数字所在的格",
        "table 三 leaves its zero cells blank (a Word table) and the text prints its cells in the "
        "layout's flow: each figure's cell inferred from that order (each column top to bottom, each "
        "row left to right) and the table's arithmetic",
        figures[0].where,
    )
    for (key, c), options in seen.items():
        shown = [v for v in options if v is not None]
        printed = " / ".join(" ".join(map(str, m)) for m in middles[key] if m)
        if shown:
            zh, en = f"（{'、'.join(map(str, shown))}）", f" ({', '.join(map(str, shown))})"
        else:  # an organisation cell of a row that prints some of them: which ones is not said
            zh, en = f"（本行印出的法人或其他组织数字：{printed}）", f" (the row prints organisation figures {printed})"
        evidence.doubt(
            f"requests.{key}[{c}]",
            None,
            f"按印刷顺序与勾稽关系，此格有几种可能的读法，记为未知{zh}",
            f"the printed order and the arithmetic allow more than one reading of this cell; left unknown{en}",
            figures[0].where,
        )
        if not shown and printed:  # the cell is blank (0) or holds one of the row's figures
            shown = sorted({0, *(v for m in middles[key] for v in m)})
        if shown:
            evidence.alternatives([[v] for v in shown])


def printed_figures(records: list[Record]) -> list[Token] | None:
    """Table 三's figures in printed order (None where one is no count): for readers of the same
    flow in other modules."""
    return _figures(records)
