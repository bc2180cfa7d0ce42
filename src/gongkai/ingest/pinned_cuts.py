"""Runs of digits of table 三 cut where the equations joining the row to the rows already read pin
its cells: a run too many cuts of which keep the row's own sum (``summed_where_pinned``), or no
cut of which does (``pinned_choice``)."""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from gongkai.ingest.pinned_runs import pinned_readings
from gongkai.ingest.records import Token
from gongkai.ingest.request_rows import RequestRaw
from gongkai.ingest.row_reading import Accept, Reading, Slot, Value
from gongkai.ingest.table_choice import Choice, choose
from gongkai.report.equations import Bound

_MAX_TIED = 10  # cuts of a pinned row kept as its alternatives


def summed_where_pinned(
    keys: Sequence[str],
    raw: dict[str, RequestRaw],
    options: dict[Hashable, list[Reading]],
    chosen: dict[Hashable, Choice],
    failures: Callable[[dict[Hashable, tuple[Value, ...]]], int],
    bound: Bound,
    n: int,
) -> dict[Hashable, Choice]:
    """Rows of one long run of digits too many cuts of which keep their own sum to weigh alone
    (``3586936917504450251446603`` for 35869 3691 75 0 4450 2514 46603: ``digits.cut_groups`` gives
    up), read meanwhile by cuts that ignore that sum (``run_cuts.unsummed_readings``): cut again
    where the equations joining the row to the others pin some of its cells (the column balance:
    新收 + 结转 − 结转下年 for 总计's row), keeping only cuts that keep its own sum too; the table is
    then chosen again with them. Taken only where the table so read keeps every equation;
    else ``chosen`` as it was."""
    # Rows read apart from the search (a row of blank cells read as 0) take part as read.
    retried = {key: options.get(key) or [choice.reading] for key, choice in chosen.items()}
    before = dict(retried)
    for key in keys:
        expected = _pinned_cells(key, chosen, bound, n)
        if not any(expected):
            continue
        run = raw[key].values[0]
        cuts = pinned_cuts(run.value.digits, n, expected, bound.row_check(key))
        if cuts and len(cuts) <= _MAX_TIED:
            where = f"{run.where} (split)"
            retried[key] = [
                Reading(
                    values,
                    (where,) * n,
                    ("",) * n,
                    2,
                    "cells ran together, too many cuts keep the row's sum; cut where the table's other "
                    "equations pin its cells",
                    "单元格粘连，符合本行合计的拆法过多：按表中其他勾稽关系确定的各格拆分",
                )
                for values in cuts
            ]
    if retried == before:
        return chosen
    # Rare (a run no sum of its own could cut), and its table often contradicts itself, where the
    # layered search cannot help: every combination is weighed up to a larger bound.
    again = choose(retried, failures, exhaustive_limit=_RETRY_LIMIT, bound=bound)

    def broken(choices: dict[Hashable, Choice]) -> int:
        return failures({key: choice.reading.values for key, choice in choices.items()})

    return again if broken(again) < broken(chosen) else chosen


_RETRY_LIMIT = 1 << 14  # tables weighed one by one where a row was cut again (``summed_where_pinned``)
_CUT_STEPS = 20_000  # pieces a cut of one run may try (bounds its time on any run)


def pinned_cuts(digits: str, n: int, expected: list[set[float]], check: Accept) -> list[tuple[Value, ...]]:
    """The cuts of ``digits`` into ``n`` counts (no leading zero) that ``_summed`` keeps: every
    pinned cell as the table pins it but one at most, and the row's own sum. Empty when the
    search runs past its steps."""
    wanted = [{str(int(v)) for v in cell if float(v).is_integer() and v >= 0} for cell in expected]
    cutting = _Cutting(digits, n, expected, check, wanted, [], [_CUT_STEPS])
    _cut_from(cutting, 0, [], 0)
    return [] if cutting.steps[0] < 0 else cutting.found


@dataclass(frozen=True)
class _Cutting:
    """``pinned_cuts``' search: its run, what each cell must be, and what it found (a module
    function with its state passed, not a recursive closure: a closure calling itself is a
    reference cycle left for the cyclic collector on every call)."""

    digits: str
    n: int
    expected: list[set[float]]
    check: Accept
    wanted: list[set[str]]
    found: list[tuple[Value, ...]]
    steps: list[int]  # steps left, shared by the whole search


def _cut_from(cutting: _Cutting, at: int, values: list[int], missed: int) -> None:
    """The cuts of ``cutting.digits[at:]`` after ``values``, into ``cutting.found``."""
    digits, n, wanted = cutting.digits, cutting.n, cutting.wanted
    cutting.steps[0] -= 1
    if cutting.steps[0] < 0 or len(cutting.found) > _MAX_TIED:
        return
    column = len(values)
    if column == n - 1:
        piece = digits[at:]
        if piece and (len(piece) == 1 or piece[0] != "0"):
            cut = (*values, int(piece))
            if _summed(cut, cutting.expected, cutting.check):
                cutting.found.append(cut)
        return
    for end in range(at + 1, min(len(digits) - (n - 1 - column), at + 15) + 1):
        piece = digits[at:end]
        if len(piece) > 1 and piece[0] == "0":
            break
        miss = bool(wanted[column]) and piece not in wanted[column]
        if miss and missed:
            continue
        _cut_from(cutting, end, [*values, int(piece)], missed + miss)


def _summed(values: tuple[Value, ...], expected: list[set[float]], check: Accept) -> bool:
    """Whether a cut keeps every cell the table pins and its row's own sum; or misses one pinned
    cell and keeps the sum with that cell as the table pins it (a report whose 总计 contradicts
    its parts, the figure read as printed and the contradiction left for the checks to name)."""
    missed = [i for i, (v, cell) in enumerate(zip(values, expected, strict=True)) if cell and v not in cell]
    if not missed:
        return check(values)
    if len(missed) > 1 or len(expected[missed[0]]) != 1:
        return False
    mended = list(values)
    mended[missed[0]] = next(iter(expected[missed[0]]))
    return check(tuple(mended))


def _pinned_cells(key: str, chosen: dict[Hashable, Choice], bound: Bound, n: int) -> list[set[float]]:
    """For each cell of row ``key``, the values the equations joining it to the rows already
    read allow (empty where no equation holds that cell alone in this row)."""
    table: dict[Hashable, tuple[Value, ...]] = {}
    for other, choice in chosen.items():
        table[other] = tuple(None if i in choice.unknown else v for i, v in enumerate(choice.reading.values))
    expected: list[set[float]] = [set() for _ in range(n)]
    units = [tuple(1 if i == j else 0 for i in range(n)) for j in range(n)]
    own = [bound.terms(key, unit) for unit in units]
    for e, rows in enumerate(bound.parts()):
        if key not in rows or not all(r == key or r in table for r in rows):
            continue
        cells = [j for j in range(n) if own[j].get(e, 0.0)]
        if len(cells) != 1:
            continue  # the row's own sum (or none of its cells): it pins no single cell
        rest = sum(bound.terms(r, table[r]).get(e, 0.0) for r in rows if r != key)
        if math.isfinite(rest):
            expected[cells[0]].add(-rest / own[cells[0]][e])
    return expected


def pinned_choice(key: str, values: list[Token], chosen: dict[Hashable, Choice], bound: Bound, n: int) -> Choice | None:
    """A row of run-together digits no cut of which keeps its own sum (a report contradicting
    itself), cut where the equations joining it to the rows already read pin its cells
    (``pinned_runs.pinned_readings``): a cell such an equation holds alone in this row must be what
    the equation's other cells leave. Cells the cuts that miss fewest disagree on stay unknown;
    None where nothing pins the row that far."""
    if not values:
        return None
    expected = _pinned_cells(key, chosen, bound, n)
    if sum(1 for cell in expected if cell) < n - 1:
        return None  # more than one cell left free: the cuts would be guesses
    slots = [Slot(t.value, t.where) for t in values]
    found = pinned_readings(slots, n, [frozenset(cell) for cell in expected])
    if not found:
        return None
    first = found[0]
    unknown = {
        i for reading in found[1:] for i, (a, b) in enumerate(zip(first.values, reading.values, strict=True)) if a != b
    }
    if len(unknown) == n:
        return None
    tied = tuple(dict.fromkeys(r.values for r in found)) if unknown else ()
    return Choice(first, frozenset(unknown), len(found), tied[:_MAX_TIED])
