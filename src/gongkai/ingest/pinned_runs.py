"""Cuts of run-together digits for a row that contradicts its own total, pinned cell by cell by the
table's other equations (``pinned_readings``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from gongkai.ingest.row_reading import (
    Number,
    Reading,
    Slot,
    Value,
    blank_cell,
)
from gongkai.ingest.run_cuts import (
    run_digits,
)

_MAX_PINNED = 32  # cuts of a contradicting row that keep all its pinned cells but one
_PINNED_STEPS = 20_000  # cuts it may try (bounds its time on any run)
_PINNED_DIGITS = 15  # digits a cell of a count may take


def pinned_readings(slots: Sequence[Slot], n: int, expected: Sequence[frozenset[Number]]) -> list[Reading]:
    """Cuts of run-together digits into ``n`` cells for a row no cut of which keeps its own sum
    (a report whose 总计 contradicts its parts: ``12173495564227131149`` for 121 734 955 642 271
    and a printed 31149 where they add to 31145), where the table's other equations give what
    each cell must be (``expected``: the values they allow, none for a cell no equation pins).
    Kept: the cuts that give every pinned cell one of its values but one at most, and of them
    those that miss the fewest; the cell missed is read as printed (the contradiction the
    report's checks then name). Empty where no cut comes that close, or too many do."""
    cells = [s for s in slots if not blank_cell(s)]
    if not cells or len(cells) > n:
        return []
    digits_of = [run_digits(c.value) if len(run_digits(c.value)) >= 2 else "" for c in cells]
    if not any(digits_of):
        return []
    wanted = [{str(int(v)) for v in values if float(v).is_integer() and v >= 0} for values in expected]
    found: dict[tuple[Value, ...], tuple[int, Reading]] = {}
    steps = [_PINNED_STEPS]
    least = [1]  # cells a cut may miss: one, then the fewest a cut found missed

    _pinned_from(_Pinning(cells, digits_of, wanted, n, found, steps, least), 0, 0, 0, [], [], 0)
    if steps[0] < 0 or not found or len(found) > _MAX_PINNED:
        return []
    fewest = min(missed for missed, _ in found.values())
    return [reading for missed, reading in found.values() if missed == fewest]


@dataclass(frozen=True)
class _Pinning:
    """``pinned_readings``' search: the row's cells, their runs, what each column must be, and
    what it found (a module function with its state passed, not a recursive closure: a closure
    calling itself is a reference cycle left for the cyclic collector on every call)."""

    cells: list[Slot]
    digits_of: list[str]
    wanted: list[set[str]]
    n: int
    found: dict[tuple[Value, ...], tuple[int, Reading]]
    steps: list[int]  # steps left, shared by the whole search
    least: list[int]  # cells a cut may miss: one, then the fewest a cut found missed


def _pinned_from(
    pin: _Pinning, j: int, at: int, column: int, values: list[Value], wheres: list[str | None], missed: int
) -> None:
    """The cuts of cells j… (from digit ``at`` of cell j's run, column ``column`` on), into ``pin.found``."""
    cells, n, wanted, least = pin.cells, pin.n, pin.wanted, pin.least
    pin.steps[0] -= 1
    if pin.steps[0] < 0 or missed > least[0]:
        return
    if j == len(cells):
        if column == n and len(pin.found) <= _MAX_PINNED:
            least[0] = min(least[0], missed)
            pin.found[tuple(values)] = (missed, _pinned(values, wheres))
        return
    if column >= n or n - column < len(cells) - j:
        return
    run = pin.digits_of[j]
    if not run:
        value = cells[j].value.amount
        miss = bool(wanted[column]) and not (value is not None and str(value) in wanted[column])
        _pinned_from(pin, j + 1, 0, column + 1, [*values, value], [*wheres, cells[j].where], missed + miss)
        return
    rest = run[at:]
    room = n - column - (len(cells) - j - 1)  # columns this run may still fill
    # The run's rest as this one cell, or a piece of it with more cells after it.
    lengths = [len(rest)] if room <= 1 else range(1, min(len(rest), _PINNED_DIGITS) + 1)
    for length in lengths:
        if length > _PINNED_DIGITS:
            return  # no count runs to so many digits
        piece = rest[:length]
        if len(piece) > 1 and piece[0] == "0":
            break
        ends = length == len(rest)
        miss = bool(wanted[column]) and piece not in wanted[column]
        if miss and missed >= least[0]:
            continue
        here = f"{cells[j].where} (split)"
        if ends:
            _pinned_from(pin, j + 1, 0, column + 1, [*values, int(piece)], [*wheres, here], missed + miss)
        else:
            _pinned_from(pin, j, at + length, column + 1, [*values, int(piece)], [*wheres, here], missed + miss)


def _pinned(values: list[Value], wheres: list[str | None]) -> Reading:
    return Reading(
        tuple(values),
        tuple(wheres),
        ("",) * len(values),
        2,
        "cells ran together and no cut adds up to the row's total; cut where the table's other "
        "equations pin its cells, the cell they do not fit read as printed",
        "单元格粘连，且任何拆法都不满足本行合计：按表中其他勾稽关系确定的各格拆分，与之不符的一格照印读入",
    )
