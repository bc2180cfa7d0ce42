"""What a reading of a table row is: the printed cells (``Slot``), one way of reading them as the
template's columns (``Reading``: values, where each was printed, what it cost), and the small helpers
every reader of rows shares to make and inspect them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple, Protocol

from gongkai.ingest.numbers import CellKind, CellValue

tuple_new = tuple.__new__


class Printed(Protocol):
    """A printed token (``records.Token``): its value and where it stood."""

    @property
    def value(self) -> CellValue: ...

    @property
    def where(self) -> str: ...


Number = int | float
Value = int | float | None  # None: printed as unknown (未知)


class Slot(NamedTuple):
    """One printed value cell of a row (named tuples: many are made per report, and fast)."""

    value: CellValue
    where: str


def slots_of(tokens: Iterable[Printed]) -> list[Slot]:
    """``[Slot(t.value, t.where) for t in tokens]`` without the named tuple's Python-level
    ``__new__`` (half the cost; every reader of table 三 makes a row's slots)."""
    return [tuple_new(Slot, (t.value, t.where)) for t in tokens]


class Reading(NamedTuple):
    values: tuple[Value, ...]
    wheres: tuple[str | None, ...]  # where each column's value was printed (None: not printed)
    units: tuple[str, ...]
    cost: int
    how: str  # what was done to the printed cells, in English ("" when read as printed)
    how_zh: str
    tail: int = 0  # trailing blank cells kept as cells: a blank after the last figure is more
    # often padding (a trailing tab, a blank line after the table) than a cell, so on a tie the
    # reading with fewer of them wins
    # The other placements of the same figures, where a reading put them in columns the text did
    # not show (blank cells that vanished from a run of digits): a choice among them that only
    # the table's sums can confirm.
    placements: tuple[tuple[Value, ...], ...] = ()

    @property
    def rank(self) -> tuple[int, int]:
        return self.cost, self.tail


def zero_reading(n: int, cost: int, how: str, how_zh: str) -> Reading:
    """A row of ``n`` columns printing no figure at all, read as 0 in each (the cells blank)."""
    return Reading((0,) * n, (None,) * n, ("",) * n, cost, how, how_zh)


def blank_cell(slot: Slot) -> bool:
    return slot.value.kind is CellKind.BLANK


def plain_reading(cells: Sequence[Slot], cost: int, how: str, how_zh: str, tail: int = 0) -> Reading:
    """The cells read as printed, one to a column, at ``cost`` (``how``: what was done to them)."""
    values = [c.value for c in cells]
    return Reading(
        tuple([v.amount for v in values]),
        tuple([c.where for c in cells]),
        tuple([v.unit for v in values]),
        cost,
        how,
        how_zh,
        tail,
    )


Accept = Callable[[tuple[Value, ...]], bool]  # a row's own arithmetic: whether a reading keeps it
# placements of a run's figures kept at most (``run_cuts.sparse_readings``), and tied readings a choice lists
MAX_PLACEMENTS = 10


# The printed line a cell stands on (``line 12`` of ``line 12 part 3``): where cells came from.
def line_of(where: str) -> str:
    return where.split(" number ")[0].split(" part ")[0].split(" cell ")[0]
