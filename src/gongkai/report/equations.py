"""The statutory arithmetic (勾稽关系) of both templates, as data.

Every equation of ``spec/report-data.md`` is an ``Equation``: the rule it belongs to
(``requests.row_sum`` …), the place a finding about it names, and the cells on each side —
the parts (``left``) add up to the totals (``right``). The equations are built from
``templates.py``, so a template's rows and columns decide them, and they are defined only here:
``checks.py`` turns a broken one into a finding, the readers in ``ingest`` count the ones a
candidate reading of a table satisfies.

An equation with an unknown cell (``None``, or a cell the reading has not got) is undecidable:
it is neither satisfied nor broken.

Readers keep a table as rows of values (``{"granted": (1, 0, 0, 0, 0, 0, 1), …}``), and score
many candidate tables each; ``bind`` compiles the equations once against where the reader keeps
each cell, so that scoring a table is a few index look-ups per equation.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from .templates import TEMPLATES, Template, get_template

if TYPE_CHECKING:
    from .model import Report

Value = int | float | None  # None: unknown


class Cell(NamedTuple):
    """One statutory cell, as ``Report.cells`` names it: (table, row, column).

    ``year`` is 0 for the report itself and −1 for the same agency's report on the year before
    (the equations between consecutive years).
    """

    table: str
    row: str
    column: str | int
    year: int = 0

    @property
    def path(self) -> str:
        """``requests.granted[0]`` / ``appeals.review.total``, as ``uncertain`` and ``provenance`` name cells."""
        where = f"{self.table}.{self.row}"
        return f"{where}[{self.column}]" if isinstance(self.column, int) else f"{where}.{self.column}"


# Rule names: the same names the findings carry (``checks.RULES``).
ROW_SUM = "requests.row_sum"
COLUMN_BALANCE = "requests.column_balance"
OUTCOME_SUM = "requests.outcome_sum"
APPEAL_SUM = "appeals.group_sum"
CARRIED_OVER = "series.carried_over"
IN_FORCE = "series.in_force"
# Column balance through the outcome rows (new + carried over = outcomes + carried forward): it
# follows from the column balance and the outcome sum, so checks never report it, but it still
# decides a column whose （七）总计 cell is unknown.
BALANCE_THROUGH_OUTCOMES = "requests.balance_through_outcomes"


@dataclass(frozen=True)
class Equation:
    """``sum(left) == sum(right)``; ``table``/``row``/``column`` is the place a finding names."""

    rule: str
    table: str
    row: str | None
    column: str | int | None
    left: tuple[Cell, ...]
    right: tuple[Cell, ...]
    derived: bool = False  # implied by the others: readers count it, checks do not report it

    @cached_property
    def cells(self) -> frozenset[Cell]:
        return frozenset(self.left + self.right)

    def values(self, value: Callable[[Cell], Value]) -> tuple[list[Value], list[Value]]:
        """The values of both sides, looked up by ``value``."""
        return [value(c) for c in self.left], [value(c) for c in self.right]

    def holds(self, value: Callable[[Cell], Value]) -> bool | None:
        """True: satisfied; False: broken; None: undecidable (an unknown cell)."""
        left, right = self.values(value)
        return balance(left, right)

    def exceeded(self, value: Callable[[Cell], Value]) -> bool:
        """The parts known so far already add up to more than the totals, all known: broken
        whatever the unknown parts are (counts are never negative)."""
        left, right = self.values(value)
        known = total(right)
        return known is not None and sum(v for v in left if v is not None) > known

    def overrun(self, value: Callable[[Cell], Value]) -> bool:
        """Every cell known and one of them alone more than the whole other side, with others
        beside it on its own side: broken whatever they read (counts are never negative), as 10
        requests carried forward in a column that received and carried over none, or one result
        of 75 cases out of a total of 29. (A total alone on its side above its parts is only a
        mismatch: a part may be short.)"""
        left, right = self.values(value)
        known_left = [v for v in left if v is not None]
        known_right = [v for v in right if v is not None]
        if len(known_left) < len(left) or len(known_right) < len(right) or not left or not right:
            return False
        return (len(left) > 1 and max(known_left) > sum(known_right)) or (
            len(right) > 1 and max(known_right) > sum(known_left)
        )

    def solve(self, cell: Cell, value: Callable[[Cell], Value]) -> Value:
        """The value of ``cell`` that makes the equation hold, the other cells as ``value`` has
        them; None when another cell is unknown."""
        left = total([value(c) for c in self.left if c != cell])
        right = total([value(c) for c in self.right if c != cell])
        if left is None or right is None:
            return None
        return right - left if cell in self.left else left - right

    def forced(self, value: Callable[[Cell], Value]) -> dict[Cell, int]:
        """The unknown cells whose value the equation forces, counts being never negative: the
        one unknown cell (solved), or every unknown cell of a side whose known cells already add
        up to the other side, all known (0). Empty where it forces none or is broken already."""
        out: dict[Cell, int] = {}
        for side, other in ((self.left, self.right), (self.right, self.left)):
            whole = total([value(c) for c in other])
            unknown = [c for c in side if value(c) is None]
            if whole is None or not unknown:
                continue
            rest = whole - sum(v for c in side if (v := value(c)) is not None)
            if rest < 0 or (len(unknown) > 1 and rest != 0) or not float(rest).is_integer():
                continue
            out.update({c: int(rest) if len(unknown) == 1 else 0 for c in unknown})
        return out

    def holds_in(self, report: Report, previous: Report | None = None) -> bool | None:
        """The equation on ``report`` (and, for a cross-year one, last year's ``previous``)."""
        return self.holds(lambda cell: cell_value(report, cell, previous))


def balance(left: Sequence[Value], right: Sequence[Value]) -> bool | None:
    if None in left or None in right:
        return None
    return sum(v for v in left if v is not None) == sum(v for v in right if v is not None)


def total(values: Sequence[Value]) -> Value:
    """The sum of ``values``; None if one is unknown (for a figure stated elsewhere, such as the
    prose, that names the sum of several cells)."""
    if None in values:
        return None
    return sum(v for v in values if v is not None)


def closure(known: Mapping[Cell, int], chosen: Sequence[Equation], rounds: int = 64) -> dict[Cell, int] | None:
    """``known`` with every cell the equations force in turn (at most ``rounds`` passes, each that
    changes anything deciding a cell); None where the known cells break one (a report contradicting
    itself, or a reading that is not the table's)."""
    out = dict(known)

    def value(cell: Cell) -> Value:
        return out.get(cell)

    for _ in range(rounds):
        grown = False
        for equation in chosen:
            if equation.holds(value) is False or equation.exceeded(value):
                return None
            for cell, forced in equation.forced(value).items():
                if cell not in out:
                    out[cell] = forced
                    grown = True
        if not grown:
            return out
    return out


def cell_value(report: Report, cell: Cell, previous: Report | None = None) -> Value:
    """The value of ``cell`` in ``report`` (``previous`` for a cell of the year before); None if
    the cell is unknown or the report has no such cell."""
    source = report if cell.year == 0 else previous
    if source is None:
        return None
    if cell.table == "requests":
        row = source.requests.get(cell.row)
        return row[cell.column] if row is not None and isinstance(cell.column, int) else None
    table = source.appeals if cell.table == "appeals" else source.active if cell.table == "active" else None
    if table is None or cell.row not in table:
        return None
    return table[cell.row].get(str(cell.column))


# ---------------------------------------------------------------------------------------------
# The equations of one template
# ---------------------------------------------------------------------------------------------


def _requests(template: Template) -> Iterable[Equation]:
    columns = template.request_columns
    total = template.total_column

    def cell(row: str, column: int) -> Cell:
        return Cell("requests", row, column)

    # In the order checks reports them: column balances, row sums, outcome sums.
    for column in columns:
        c = column.index
        yield Equation(
            COLUMN_BALANCE,
            "requests",
            None,
            c,
            (cell("new_received", c), cell("carried_over", c)),
            (cell("total_processed", c), cell("carried_forward", c)),
        )
    for row in template.request_rows:
        yield Equation(
            ROW_SUM,
            "requests",
            row.key,
            total,
            tuple(cell(row.key, c.index) for c in columns if c.index != total),
            (cell(row.key, total),),
        )
    for column in columns:
        c = column.index
        yield Equation(
            OUTCOME_SUM,
            "requests",
            "total_processed",
            c,
            tuple(cell(row.key, c) for row in template.outcome_rows),
            (cell("total_processed", c),),
        )
    for column in columns:
        c = column.index
        yield Equation(
            BALANCE_THROUGH_OUTCOMES,
            "requests",
            None,
            c,
            (cell("new_received", c), cell("carried_over", c)),
            (*(cell(row.key, c) for row in template.outcome_rows), cell("carried_forward", c)),
            derived=True,
        )


def _appeals(template: Template) -> Iterable[Equation]:
    for group in template.appeal_groups:
        parts = tuple(Cell("appeals", group.key, f.key) for f in template.appeal_fields if f.key != "total")
        yield Equation(APPEAL_SUM, "appeals", group.key, "total", parts, (Cell("appeals", group.key, "total"),))


@cache
def _all(template_id: str) -> tuple[Equation, ...]:
    template = get_template(template_id)
    return (*_requests(template), *_appeals(template))


def equations(template: Template, *, derived: bool = False) -> tuple[Equation, ...]:
    """Every equation within one report of ``template``, in a stable order; ``derived`` adds those
    implied by the others (worth counting when a reading has unknown cells)."""
    return _all(template.id) if derived else _stated(template.id)


@cache
def _stated(template_id: str) -> tuple[Equation, ...]:
    """``_all`` without the derived equations: asked by several readers of every report read,
    built once a template (a tuple of frozen equations: no caller can change it)."""
    return tuple(e for e in _all(template_id) if not e.derived)


def series_equations(earlier: Template, later: Template) -> tuple[Equation, ...]:
    """The equations between a report on one year (``year=-1`` cells) and the next year's.

    This year's 上年结转 is last year's 结转下年度继续办理, column by column; in template 2021,
    现行有效件数 = last year's 现行有效 + 本年制发 − 本年废止 (written without the minus:
    last in force + made = in force + repealed).
    """
    return _series(earlier.id, later.id)


@cache
def _series(earlier_id: str, later_id: str) -> tuple[Equation, ...]:
    earlier, later = get_template(earlier_id), get_template(later_id)
    found = [
        Equation(
            CARRIED_OVER,
            "requests",
            "carried_over",
            c.index,
            (Cell("requests", "carried_forward", c.index, -1),),
            (Cell("requests", "carried_over", c.index),),
        )
        for c in later.request_columns
    ]
    before = earlier.active_by_key
    for row in later.active_rows:
        keys = {f.key for f in row.fields}
        if row.key not in before or "in_force" not in keys or "in_force" not in {f.key for f in before[row.key].fields}:
            continue
        found.append(
            Equation(
                IN_FORCE,
                "active",
                row.key,
                "in_force",
                (Cell("active", row.key, "in_force", -1), Cell("active", row.key, "made")),
                (Cell("active", row.key, "in_force"), Cell("active", row.key, "repealed")),
            )
        )
    return tuple(found)


def printed_row_sums(template: Template, printed: Sequence[int | None]) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """``_printed_row_sums`` of the template's id: asked for every row a text reader cuts by a
    printed order (thousands of times a report), of the same few orders."""
    return _printed_row_sums(template.id, tuple(printed))


@lru_cache(maxsize=256)  # a few orders a template (a header printing its own)
def _printed_row_sums(template_id: str, printed: tuple[int | None, ...]) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """The sums a row of table 三 keeps where its applicant columns are printed in the order
    ``printed`` (template column indices; None: a 小计 some offices print, the organisation
    columns' sum, no cell of the report), by printed position: (total, parts). The row sum
    (``ROW_SUM``); with a 小计, its own sum and the row sum through it (总计 = 自然人 + 小计).
    Empty where ``printed`` does not name every column of the row sum once."""
    template = get_template(template_id)
    row = next(e for e in _all(template_id) if e.rule == ROW_SUM)
    at = {index: p for p, index in enumerate(printed) if index is not None}
    columns = [int(cell.column) for cell in row.left]
    total = int(row.right[0].column)
    if sorted(at) != sorted([*columns, total]) or len(at) != len([i for i in printed if i is not None]):
        return ()
    found = [(at[total], tuple(at[c] for c in columns))]
    subtotals = [p for p, index in enumerate(printed) if index is None]
    if len(subtotals) > 1:
        return ()
    if subtotals:
        grouped = tuple(at[c.index] for c in template.request_columns if c.group and c.index in columns)
        rest = tuple(at[c] for c in columns if at[c] not in grouped)
        found += [(subtotals[0], grouped), (at[total], (*rest, subtotals[0]))]
    return tuple(found)


def containing(template: Template, cell: Cell, *, derived: bool = False) -> tuple[Equation, ...]:
    """The equations of ``template`` that ``cell`` takes part in."""
    return tuple(e for e in equations(template, derived=derived) if cell in e.cells)


# ---------------------------------------------------------------------------------------------
# Scoring readings: the equations compiled against a reader's table of rows
# ---------------------------------------------------------------------------------------------

Place = tuple[Hashable, int | str]  # (row of the table, index or key in that row)
# A table as rows: sequences of values by column index (a reader's candidate rows, a report's
# table 三) or mappings by key (a report's table 四); Any, because either may be indexed.
Table = Mapping[Hashable, Any]
# One side of a compiled equation: per row of the table, the indices it takes there.
_Side = tuple[tuple[Hashable, tuple[int | str, ...]], ...]


def _side(places: Iterable[Place]) -> _Side:
    grouped: dict[Hashable, list[int | str]] = {}
    for part, index in places:
        grouped.setdefault(part, []).append(index)
    return tuple((part, tuple(indices)) for part, indices in grouped.items())


def _sum(side: _Side, table: Table) -> int | float | None:
    total: int | float = 0
    get = table.get  # bound once: the readers score many candidate tables, every equation twice
    for part, indices in side:
        row = get(part)
        if row is None:
            return None
        for i in indices:
            v = row[i]
            if v is None:
                return None
            total += v
    return total


def _side_code(side: _Side, into: str, keys: dict[str, Hashable]) -> list[str]:
    """``_sum(side, table)`` as straight-line code into the variable ``into``, the rows looked up
    by ``get`` in the same order; ``break`` where it is None (a row or a value unknown)."""
    code = [f"{into} = 0"]
    for part, indices in side:
        name = f"k{len(keys)}"
        keys[name] = part
        code += [f"r = get({name})", "if r is None: break"]
        for i in indices:
            code += [f"v = r[{i!r}]", "if v is None: break", f"{into} += v"]
    return code


def _scorers(
    compiled: Sequence[tuple[_Side, _Side]],
) -> tuple[Callable[[Callable[[Hashable], Any]], int], Callable[[Callable[[Hashable], Any]], list[bool | None]]]:
    """``broken`` and ``statuses`` for ``compiled``, as functions of the table's ``get`` written
    out equation by equation: the readers score thousands of candidate tables per report, and the
    loops of ``_sum`` over each side cost them several times what the look-ups and sums do."""
    keys: dict[str, Hashable] = {}
    broken = ["def broken(get):", "    n = 0"]
    statuses = ["def statuses(get):", "    found = []"]
    for left, right in compiled:
        body = [*_side_code(left, "a", keys), *_side_code(right, "b", keys)]
        broken += [
            "    while True:",
            *(f"        {line}" for line in body),
            "        if a != b: n += 1",
            "        break",
        ]
        statuses += ["    s = None", "    while True:", *(f"        {line}" for line in body)]
        statuses += ["        s = a == b", "        break", "    found.append(s)"]
    namespace: dict[str, Any] = dict(keys)
    exec("\n".join([*broken, "    return n", *statuses, "    return found"]), namespace)
    return namespace["broken"], namespace["statuses"]


_REMEMBERED = 4096  # tables whose score a Bound keeps (a few report's worth of candidates)


class Bound:
    """Equations compiled against where a reader keeps each cell (``place``); only the
    equations whose every cell has a place are kept."""

    def __init__(self, chosen: Iterable[Equation], place: Callable[[Cell], Place | None]) -> None:
        kept: list[Equation] = []
        compiled: list[tuple[_Side, _Side]] = []
        for equation in chosen:
            left = [place(c) for c in equation.left]
            right = [place(c) for c in equation.right]
            if any(p is None for p in left + right):
                continue
            kept.append(equation)
            compiled.append((_side(p for p in left if p), _side(p for p in right if p)))
        self.equations: tuple[Equation, ...] = tuple(kept)
        self._compiled = tuple(compiled)
        self._broken, self._statuses = _scorers(self._compiled)
        self._broken_by_content: dict[tuple[tuple[Hashable, ...], tuple[tuple[Any, ...], ...]], int] = {}
        self._row_checks: dict[Hashable, Callable[[Sequence[Value]], bool]] = {}
        self._run_groups: dict[tuple[Hashable, int], tuple[int, ...]] = {}  # asked for every run of digits
        self._insides: dict[Hashable, list[tuple[tuple[Any, ...], tuple[Any, ...]]]] = {}  # asked per row read
        self._row_weights: dict[tuple[Hashable, int], list[tuple[int, ...]]] = {}  # asked per row search

    def statuses(self, table: Table) -> list[bool | None]:
        """Per equation: True satisfied, False broken, None undecidable (a row or value missing)."""
        return self._statuses(table.get)  # what _sum over each side gives, written out (_scorers)

    def broken(self, table: Table) -> int:
        """How many equations ``table`` breaks (undecidable ones are not counted)."""
        # The readers score the same candidate table again and again (choosing, then checking
        # the choice, then each later reader before it tries its own): remembered by content.
        try:
            # a row by key (table 四's groups) is a mapping: its items, not just its keys, say what it holds
            key = (
                tuple(table),
                # (a list or tuple told by its type first: an ABC's isinstance costs several times more)
                tuple(
                    tuple(v)
                    if type(v) is list or type(v) is tuple
                    else tuple(v.items())
                    if isinstance(v, Mapping)
                    else tuple(v)
                    for v in table.values()
                ),
            )
            known = self._broken_by_content.get(key)
        except TypeError:  # a row that is not a sequence of numbers: scored as it is
            return self._broken(table.get)
        if known is None:
            if len(self._broken_by_content) >= _REMEMBERED:
                self._broken_by_content.clear()
            # what _sum over each side gives, written out (_scorers)
            known = self._broken_by_content[key] = self._broken(table.get)
        return known

    def parts(self) -> list[frozenset[Hashable]]:
        """The rows each equation takes cells from, by the equation's index (see ``terms``)."""
        return [frozenset(p for p, _ in (*left, *right)) for left, right in self._compiled]

    def terms(self, part: Hashable, values: Any) -> dict[int, float]:
        """What row ``part`` read as ``values`` puts into each equation it takes part in: by the
        equation's index, its cells on the left minus those on the right (``inf`` where one of
        them is unknown: the equation cannot break). What a search over readings of whole rows
        adds up to bound the equations a partial table must break."""
        found: dict[int, float] = {}
        for index, (left, right) in enumerate(self._compiled):
            amount = 0.0
            taking = False
            for side, sign in ((left, 1), (right, -1)):
                for row, indices in side:
                    if row != part:
                        continue
                    taking = True
                    for i in indices:
                        v = values[i]
                        if v is None:
                            amount = math.inf
                        elif amount != math.inf:
                            amount += sign * v
            if taking:
                found[index] = amount
        return found

    def score(self, table: Table) -> tuple[int, int]:
        """(satisfied, broken) equations of ``table``."""
        statuses = self.statuses(table)
        return statuses.count(True), statuses.count(False)

    def inside(self, part: Hashable) -> list[tuple[tuple[Any, ...], tuple[Any, ...]]]:
        """The equations wholly inside one row of the table, as (left, right) indices in it."""
        return list(self._inside(part))

    def _inside(self, part: Hashable) -> list[tuple[tuple[Any, ...], tuple[Any, ...]]]:
        found = self._insides.get(part)
        if found is None:
            found = self._insides[part] = self._find_inside(part)
        return found

    def _find_inside(self, part: Hashable) -> list[tuple[tuple[Any, ...], tuple[Any, ...]]]:
        return [
            (tuple(i for _, ix in left for i in ix), tuple(i for _, ix in right for i in ix))
            for left, right in self._compiled
            if {p for p, _ in left} | {p for p, _ in right} == {part}
        ]

    def run_groups(self, part: Hashable, width: int) -> tuple[int, ...]:
        """The row ``part`` of ``width`` cells as consecutive groups, each ending in the sum of its
        other cells, where the row's own equations say so (a row of 三: one group of seven; 四 in
        one row: three groups of five, 总计 printed last): what cuts a run of digits into the
        row's cells. () when its equations do not tile the row that way."""
        key = (part, width)
        if key not in self._run_groups:
            self._run_groups[key] = self._tiling(part, width)
        return self._run_groups[key]

    def _tiling(self, part: Hashable, width: int) -> tuple[int, ...]:
        spans: list[tuple[int, int]] = []
        for left, right in self._inside(part):
            if len(right) != 1 or not isinstance(right[0], int) or not left:
                return ()
            end = right[0]
            if tuple(left) != tuple(range(end - len(left), end)):
                return ()
            spans.append((end - len(left), end + 1))
        spans.sort()
        at = 0
        for start, stop in spans:
            if start != at:
                return ()
            at = stop
        return tuple(stop - start for start, stop in spans) if spans and at == width else ()

    def row_check(self, part: Hashable) -> Callable[[Sequence[Value]], bool]:
        """For the equations wholly inside one row of the table: does a reading of that row
        alone break none of them (a row with an unknown value cannot break one)."""
        check = self._row_checks.get(part)
        if check is None:
            inside = self._inside(part)

            def check(values: Sequence[Value], inside: list[tuple[tuple[Any, ...], tuple[Any, ...]]] = inside) -> bool:
                for left, right in inside:
                    a = [values[i] for i in left]
                    b = [values[i] for i in right]
                    # balance(a, b) is False, inline: asked of every reading of every row
                    if None not in a and None not in b and sum(a) != sum(b):
                        return False
                return True

            self._row_checks[part] = check
        return check

    def row_gaps(self, part: Hashable, values: Sequence[int]) -> list[int]:
        """Per equation wholly inside row ``part``: by how much ``values`` miss it (left − right;
        0 where kept). With ``row_weights`` and ``mended``: what lets a search skip the readings of
        a row that cannot add up instead of building each."""
        return [sum(values[i] for i in left) - sum(values[i] for i in right) for left, right in self._inside(part)]

    def row_weights(self, part: Hashable, width: int) -> list[tuple[int, ...]]:
        """Per cell of row ``part``: its weight (left − right) in each equation wholly inside it."""
        key = (part, width)
        if key not in self._row_weights:
            inside = self._inside(part)
            self._row_weights[key] = [
                tuple(left.count(c) - right.count(c) for left, right in inside) for c in range(width)
            ]
        return self._row_weights[key]


def mended(gaps: Sequence[int], weights: Sequence[int], change: int) -> bool:
    """Does changing one cell by ``change`` (its ``weights`` in a row's equations) close ``gaps``."""
    return all(gap + weight * change == 0 for gap, weight in zip(gaps, weights, strict=True))


def _by_row(cell: Cell) -> Place | None:
    return (cell.row, cell.column) if cell.table == "requests" and isinstance(cell.column, int) else None


@cache
def requests_bound(template_id: str) -> Bound:
    """Table 三's equations (derived ones too) over a table ``{row key: seven values}``."""
    return Bound(equations(get_template(template_id), derived=True), _by_row)


@cache
def appeals_bound(template_id: str, groups: tuple[str, ...], fields: tuple[str, ...], flat: bool) -> Bound:
    """Table 四's equations over the reader's table: ``{group: values in ``fields`` order}``, or
    (``flat``) one row ``"all"`` of every group's values, groups in ``groups`` order."""
    width = len(fields)

    def place(cell: Cell) -> Place | None:
        if cell.table != "appeals" or cell.row not in groups or cell.column not in fields:
            return None
        index = fields.index(str(cell.column))
        if flat:
            return "all", groups.index(cell.row) * width + index
        return cell.row, index

    return Bound(equations(get_template(template_id)), place)


def _in_report(cell: Cell) -> Place | None:
    return ((cell.table, cell.row), cell.column) if cell.year == 0 else None


@cache
def report_bound(template_id: str) -> Bound:
    """The equations of one report (not the derived ones) over ``report_table(report)``."""
    return Bound(equations(get_template(template_id)), _in_report)


def report_table(report: Report) -> dict[Hashable, Any]:
    """A report's tables 三 and 四 as the rows ``report_bound`` reads: (table, row) → row."""
    table: dict[Hashable, Any] = {("requests", key): values for key, values in report.requests.items()}
    table.update({("appeals", key): cells for key, cells in report.appeals.items()})
    return table


def all_equations() -> tuple[Equation, ...]:
    """Every equation of every template (derived ones too): for tests and documentation."""
    return tuple(e for tid in TEMPLATES for e in equations(get_template(tid), derived=True))
