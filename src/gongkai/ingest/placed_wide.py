"""Rows placed by where their figures stand, read again when those places break the table's sums.

``placed`` reads a laid-out row of table 三 whose blank cells are room on the line by the place
of each figure between the row's first figure (自然人) and its last (总计), with the usual
proportions of the columns or the header's. A Word table split over two pages may print each
page's part on a scale of its own (its header closed up, its columns wider or narrower than the
other page's): a page's figures then stand a column off where the proportions put them, and the
table's column sums, which add the rows of both pages, break.

Where the chosen table breaks an equation and some of its rows were placed so, each of those
rows is read again with its middle figures placed in order up to a column farther off than
their places allow (``placed._WIDE_SLACK``; a figure off the column it stands nearest costs one
more) and the table chosen again. The new reading is taken only
where it keeps every equation: the sums, not the places, then decide the columns, and where two
placements keep them both, the columns stay unknown (``table_choice.choose``). A report contradicting
itself in a row's own sum or in its printed totals still breaks and is read as before.
Gated on a broken table with placed rows, and bounded by ``choose``'s own search bounds.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from gongkai.ingest.column_places import ColumnMap
from gongkai.ingest.placed import placed_readings
from gongkai.ingest.row_reading import Accept, Reading, Slot, Value
from gongkai.ingest.table_choice import Choice, Terms, choose


@dataclass(frozen=True)
class PlacedRow:
    """A row's figures, their places on the line and what ``placed_readings`` reads them by."""

    slots: tuple[Slot, ...]
    xs: tuple[float | None, ...]
    check: Accept | None
    first_column: float | None
    maps: Sequence[ColumnMap]

    def readings(self, n: int, fractions: Sequence[float] | None, wide: bool = False) -> list[Reading]:
        return placed_readings(self.slots, self.xs, n, self.check, self.first_column, self.maps, fractions, wide)


def _broken(chosen: dict[Hashable, Choice], failures: Callable[[dict[Hashable, tuple[Value, ...]]], int]) -> int:
    return failures({key: choice.reading.values for key, choice in chosen.items()})


def placed_wide(
    options: dict[Hashable, list[Reading]],
    chosen: dict[Hashable, Choice],
    failures: Callable[[dict[Hashable, tuple[Value, ...]]], int],
    bound: Terms,
    placed: dict[Hashable, PlacedRow],
    n: int,
    fractions: Sequence[float] | None,
) -> tuple[dict[Hashable, list[Reading]], dict[Hashable, Choice]] | None:
    """The options and the choice with the placed rows read on every placement, where the table
    as chosen breaks an equation and so read keeps them all; None otherwise."""
    if not _broken(chosen, failures):
        return None
    wider = dict(options)
    for key, row in placed.items():
        if key in options:
            wider[key] = row.readings(n, fractions, wide=True) or options[key]
    if all(len(wider[key]) == len(options[key]) for key in placed if key in options):
        return None  # no row had another placement to try
    again = choose(wider, failures, bound=bound)
    if _broken(again, failures):
        return None
    return wider, again
