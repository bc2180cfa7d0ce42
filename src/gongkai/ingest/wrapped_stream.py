"""Table 三 whose rows print a lead beside their label and the rest in one stream, its narrow columns
wrapping a figure's last digits onto a line of their own (``pdftotext`` default mode, a Word table
printed through LibreOffice).

``lead_stream`` reads such a print where every cell is one figure. A column too narrow for its
figures wraps them: ``2703`` prints ``270`` on the cell's first line and ``3`` on its second, and
``pdftotext`` puts the second lines after the row's other first lines (``270 235 3 79 972 0 81 48
1 00``: 2703 · 235 · 79 · 972 · 0 · 811 · 4800). The stream then holds more figures than the table
has cells, and no cut by the leads' counts comes out.

Read here, where table 三's records print more figures than it has cells: each row's lead (one to
three figures beside its label) and the stream, as in ``lead_stream``; the rows are cut from the
stream in template order, each row's figures read as its cells with some of them the last digits
of an earlier figure of the row (a tail joins the row's earlier figures in their order, each
figure wrapping once, its first line at least two digits). Every row must add up
(``report.equations``); a column wrapping must wrap at one width (its wrapped figures' first
lines all as long, none of its whole figures longer). The table's equations rank the readings;
cells the best ones disagree on are left unknown with their alternatives, and the table is named
in ``uncertain``. A record whose labels name two rows (``4.保护第三方…`` / ``5.属于三类内部事务信息
62``) may be the lead of either or part of the stream: each is tried (a few such records only).
The search is bounded: rows' readings, cuts and tables each have a cap; past it nothing is read.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from itertools import combinations, product

from gongkai.ingest.block_orders import row_equations
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.lead_tails import counted_records, record_counts
from gongkai.ingest.records import Record, Token
from gongkai.ingest.request_labels import match_request
from gongkai.ingest.requests_now import requests_now
from gongkai.ingest.row_reading import Reading
from gongkai.ingest.tied_tables import take_agreed
from gongkai.ingest.vanished_tables import Table, agreed_cells, searched_tables
from gongkai.report.equations import Bound, requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_MAX_LEAD = 3  # figures beside a label taken as the row's lead (two cells and a tail)
_MAX_TAILS = 4  # wrapped figures one row may print
_MAX_NAMED = 2  # records naming more than one row beside their figures
_MAX_READINGS = 40  # readings of one row that add up (its zeros placed, its figures joined)
_MAX_JOINS = 4096  # ways to join one row's figures tried
_MAX_CUTS = 16  # cuts of the stream into rows that add up
_MAX_TABLES = 256  # tables joined from the cuts' rows
_DOUBT = (
    "表三各行在标签旁印出首格，其余各格按行序连续印出，窄栏内的数字折行（末几位另起一行印在本行后面的数字之后）："
    "按合乎各行合计及表三勾稽关系的切分与拼接读取",
    "table 三's rows print their first cell beside their label and their other cells in one stream in "
    "row order, narrow columns wrapping a figure's last digits onto a line printed after the row's next "
    "figures: read as the cut and joins in which every row adds up and table 三's equations hold",
)


def _named(record: Record, next_index: int) -> list[Hashable]:
    """The rows a record's labels name one by one (a record may hold two rows' wrapped labels)."""
    out: list[Hashable] = []
    for label in record.labels:
        match = match_request(Record([label], record.values), True, next_index)
        if match is not None and match.key not in out:
            out.append(match.key)
    return out


def _layout(
    records: list[Record], keys: Sequence[Hashable]
) -> tuple[list[tuple[int, list[Token], list[Hashable]]], list[tuple[int, list[Token]]]] | None:
    """The records in order as (index, figures, rows it may lead) where its labels name a row and
    it holds at most ``_MAX_LEAD`` figures, and as (index, figures) otherwise; None where a record
    holds something not a count."""
    counted = counted_records(records, keys)
    if counted is None:
        return None
    index = set(keys)
    leads: list[tuple[int, list[Token], list[Hashable]]] = []
    others: list[tuple[int, list[Token]]] = []
    for at, (record, figures, key, next_index, _started) in enumerate(counted):
        if key is not None:
            named = [k for k in _named(record, next_index) if k in index] if len(record.labels) > 1 else []
            if 0 < len(figures) <= _MAX_LEAD:
                leads.append((at, figures, [key, *(k for k in named if k != key)]))
                continue
        if figures:
            others.append((at, figures))
    return leads, others


def _joins(tokens: Sequence[Token], width: int) -> list[tuple[tuple[int, ...], bool]] | None:
    """The ways to read ``tokens`` as ``width`` cells, the extra tokens each the last digits of an
    earlier token (tails joining heads in the heads' order, each head once, its first line two
    digits at least and no shorter than its tail): each reading's values and whether a figure
    wrapped; None past the cap."""
    extra = len(tokens) - width
    if extra < 0 or extra > _MAX_TAILS:
        return []
    search = _JoinSearch(width, extra, [_digits(t) for t in tokens], [int(t.value.amount or 0) for t in tokens])
    return search.out if _join_from(search, 0, -1, 0) else None


@dataclass
class _JoinSearch:
    """``_joins``' search: the table's width, the tails to join, each token's digits and amount,
    the readings found and each cell's tokens so far (a head and at most one tail)."""

    width: int
    extra: int
    digits: list[str]
    amounts: list[int]
    out: list[tuple[tuple[int, ...], bool]] = field(default_factory=list)
    heads: list[list[int]] = field(default_factory=list)


def _join_from(s: _JoinSearch, i: int, last: int, tails: int) -> bool:
    """Extend ``s.heads`` from token ``i`` (tails join heads after ``last``); False past the cap (a
    module function, not a closure calling itself: such a closure is a reference cycle)."""
    if len(s.out) > _MAX_JOINS:
        return False
    if i == len(s.digits):
        if tails == s.extra:
            s.out.append((tuple(_value(cell, s.digits, s.amounts) for cell in s.heads), tails > 0))
        return True
    if len(s.heads) < s.width:
        s.heads.append([i])
        fine = _join_from(s, i + 1, last, tails)
        s.heads.pop()
        if not fine:
            return False
    if tails < s.extra and s.digits[i]:
        for h in range(last + 1, len(s.heads)):
            head = s.digits[s.heads[h][0]]
            if len(s.heads[h]) == 1 and len(head) >= max(2, len(s.digits[i])) and head[0] != "0":
                s.heads[h].append(i)
                fine = _join_from(s, i + 1, h, tails + 1)
                s.heads[h].pop()
                if not fine:
                    return False
    return True


def _value(cell: list[int], digits: list[str], amounts: list[int]) -> int:
    return amounts[cell[0]] if len(cell) == 1 else int("".join(digits[i] for i in cell))


def _digits(token: Token) -> str:
    """A figure's digits ('' for a dash; a page break's form feed before it dropped)."""
    text = token.text.strip()
    return text if text.isascii() and text.isdigit() else ""


def _holds(values: Sequence[int], equations: list[list[int]]) -> bool:
    return all(sum(c * v for c, v in zip(row, values, strict=True)) == 0 for row in equations)


def _readings(
    tokens: Sequence[Token], width: int, equations: list[list[int]], movable: bool
) -> dict[tuple[int, ...], int] | None:
    """Each reading of a row's figures that adds up, with its cost; None past the caps. Read as
    printed (cost 0) and, where the row prints a wrapped figure (two lines high) and ``movable``
    (its only equation: the total the sum of the others), with its zeros in any other columns: a
    one-line cell of a two-line row prints among the others' lines (``35 44 0 8`` for 0 · 35 ·
    448), each reading costing the zeros moved."""
    joins = _joins(tokens, width)
    if joins is None:
        return None
    found: dict[tuple[int, ...], int] = {}
    for values, wrapped in joins:
        if _holds(values, equations):
            found[values] = 0
        figures = [v for v in values if v]
        if not (movable and wrapped and figures and 0 in values and sum(figures[:-1]) == figures[-1]):
            continue
        for zeros in combinations(range(width - 1), width - len(figures)):  # the total stays last
            rest = iter(figures)
            placed = tuple(0 if c in zeros else next(rest) for c in range(width))
            moved = sum(1 for c in zeros if values[c] != 0)
            if moved < found.get(placed, moved + 1):
                found[placed] = moved
        if len(found) > _MAX_READINGS:
            return None
    return found


Cut = list[dict[tuple[int, ...], int]]  # per row, its readings and their costs


@dataclass
class _CutSearch:
    """What every step of ``_cuts``' search reads: the rows' leads, the stream, the rows, the
    table's width and equations, readings by their tokens and the steps already taken."""

    leads: dict[Hashable, list[Token]]
    stream: list[Token]
    keys: Sequence[Hashable]
    width: int
    equations: list[list[int]]
    known: dict[tuple[int, ...], dict[tuple[int, ...], int] | None]
    movable: bool
    memo: dict[tuple[int, int], list[Cut] | None] = field(default_factory=dict)


def _cuts(
    leads: dict[Hashable, list[Token]],
    stream: list[Token],
    keys: Sequence[Hashable],
    width: int,
    equations: list[list[int]],
    known: dict[tuple[int, ...], dict[tuple[int, ...], int] | None],
) -> list[Cut] | None:
    """Every cut of ``stream`` into the rows in order, each row's lead and piece read as its cells
    adding up: per cut, each row's readings; None past the caps. ``known``: rows' readings by
    their tokens, kept over the cuts tried."""
    movable = equations in ([[1] * (width - 1) + [-1]], [[-1] * (width - 1) + [1]])
    return _cuts_from(_CutSearch(leads, stream, keys, width, equations, known, movable), 0, 0)


def _cuts_from(search: _CutSearch, r: int, p: int) -> list[Cut] | None:
    """The cuts of the stream from token ``p`` into rows ``r`` … (a module function, not a
    closure calling itself: such a closure is a reference cycle left to the garbage collector)."""
    keys, stream, width = search.keys, search.stream, search.width
    if r == len(keys):
        return [[]] if p == len(stream) else []
    if (r, p) in search.memo:
        return search.memo[(r, p)]
    lead = search.leads.get(keys[r], [])
    found: list[Cut] | None = []
    for m in range(max(0, width - len(lead)), width - len(lead) + _MAX_TAILS + 1):
        if p + m > len(stream) or found is None:
            break
        tokens = [*lead, *stream[p : p + m]]
        ids = tuple(map(id, tokens))
        if ids not in search.known:
            search.known[ids] = _readings(tokens, width, search.equations, search.movable)
        readings = search.known[ids]
        if readings is None:
            found = None
        elif readings:
            after = _cuts_from(search, r + 1, p + m)
            found = None if after is None else found + [[readings, *cut] for cut in after]
        if found is not None and len(found) > _MAX_CUTS:
            found = None
    search.memo[(r, p)] = found
    return found


def read_wrapped_stream(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Read table 三 from rows printing a lead beside their label and their other cells in one
    stream whose narrow columns wrap figures (see the module's doc); ``records``: the records of
    table 三 in order."""
    keys: list[Hashable] = [row.key for row in template.request_rows]
    width = len(template.request_columns)
    now = requests_now(template, report)
    if now.complete and now.broken() == 0:
        return
    printed = sum(len(record_counts(record) or ()) for record in records)
    if printed <= len(keys) * width:
        return  # gate: a wrapped figure prints as two, so the figures outnumber the cells
    bound = requests_bound(template.id)
    equations = row_equations(bound, keys, width)
    laid = _layout(records, keys) if equations is not None else None
    if equations is None or laid is None:
        return
    lead_records, others = laid
    named = [i for i, (_, _, rows) in enumerate(lead_records) if len(rows) > 1]
    if len(named) > _MAX_NAMED:
        return
    cuts: list[Cut] = []
    known: dict[tuple[int, ...], dict[tuple[int, ...], int] | None] = {}
    for picks in product(*[[*lead_records[i][2], None] for i in named]):
        chosen = dict(zip(named, picks, strict=True))
        leads: dict[Hashable, list[Token]] = {}
        loose: list[tuple[int, list[Token]]] = list(others)
        for i, (at, figures, rows) in enumerate(lead_records):
            key = chosen.get(i, rows[0])
            if key is None or key in leads:
                loose.append((at, figures))
            else:
                leads[key] = figures
        stream = [t for _, figures in sorted(loose, key=lambda item: item[0]) for t in figures]
        found = _cuts(leads, stream, keys, width, equations, known)
        if found is None:
            return
        cuts += found
        if len(cuts) > _MAX_CUTS:
            return
    if cuts:
        _take(bound, keys, width, cuts, now.table(), records, report, evidence)


def _tables(cut: Cut, keys: Sequence[Hashable], width: int, bound: Bound) -> list[Table]:
    """The tables of a cut keeping every equation of table 三, of the least cost (zeros moved)."""
    choices = {
        key: [Reading(values, (None,) * width, ("",) * width, cost, "", "") for values, cost in sorted(found.items())]
        for key, found in zip(keys, cut, strict=True)
    }
    open_rows = [key for key in keys if len(choices[key]) > 1]
    base = {key: choices[key][0].values for key in keys if len(choices[key]) == 1}
    if not open_rows:
        table: Table = {key: tuple(int(v or 0) for v in values) for key, values in base.items()}
        return [] if bound.broken(table) else [table]
    return searched_tables(choices, open_rows, base, bound) or []


def _take(
    bound: Bound,
    keys: Sequence[Hashable],
    width: int,
    cuts: list[Cut],
    current: Table,
    records: list[Record],
    report: Report,
    evidence: Evidence,
) -> None:
    """The cells every least-cost table of every cut agrees on, taken where they are more than the
    reading before knew and keep every equation."""
    costed: list[tuple[int, Table]] = []
    for cut in cuts:
        for table in _tables(cut, keys, width, bound):
            cost = sum(
                found.get(tuple(int(v or 0) for v in table[key]), 0) for key, found in zip(keys, cut, strict=True)
            )
            costed.append((cost, table))
            if len(costed) > _MAX_TABLES:
                return
    if not costed:
        return  # no cut keeps table 三's equations: not this layout (or a report contradicting itself)
    least = min(cost for cost, _ in costed)
    tables = [table for cost, table in costed if cost == least]
    decided, _ = agreed_cells(tables, keys, width)
    known = sum(v is not None for values in decided.values() for v in values)
    before = sum(v is not None for values in current.values() for v in values)
    if known <= before and bound.broken(current) == 0:
        return  # the reading before knew as much and keeps the arithmetic
    where = next((t.where for record in records for t in record.values if t.value.amount is not None), None)
    take_agreed(tables, keys, width, lambda key, c: where, (*_DOUBT, where), report, evidence)
