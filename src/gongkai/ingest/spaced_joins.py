"""A cell printing two figures a blank apart (``1 1``, ``29 8``) read as one figure too.

A searchable scan's OCR sets a blank between a figure's digits (``11`` as ``1 1``), and a
PDF-to-Markdown converter keeps it in the figure's pipe cell (``|10|0|0|0|1|0|1 1|``); a cell
over two columns of a converter's page grid prints two figures so too (``| 16 0 |``). The record
reader cuts every such cell into its figures (``Cell.where`` + `` number k``); where the row then
holds more cells than columns, ``align.readings`` offers each pair of neighbouring figures of
such a cell (of at most ``MAX_IN_CELL``: ``5 3 0`` is 5 and 30, or 53 and 0) joined as one figure
beside the readings that drop a surplus cell, and the statutory arithmetic chooses (a join
costs as much as a printed 0 dropped: a tie the equations cannot break leaves the cells unknown).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator, Sequence

from gongkai.ingest.numbers import CellKind, CellValue
from gongkai.ingest.row_reading import Slot

_NUMBER = " number "
_SECOND = " number 2"
MAX_IN_CELL = 4  # figures of one cell among which pairs are joined (a wider cell is a row's run)
MAX_JOINS = 3  # pairs joined in one reading (a row's surplus is at most ``align.MAX_COST``)
# A join costs as a printed 0 dropped does: where both readings keep the sums, neither is taken
# (a row printing a surplus 0, ``1 0 0 0 0 0 0 1``, is no figure spaced by an OCR)
JOIN_COST = 2


def _figure(slot: Slot) -> bool:
    value = slot.value
    return value.kind is CellKind.NUMBER and bool(value.digits) and not value.unit


def _cell_and_number(where: str) -> tuple[str, int] | None:
    cell, _, number = where.rpartition(_NUMBER)
    return (cell, int(number)) if cell and number.isdigit() else None


def joinable(base: Sequence[Slot]) -> list[int]:
    """Indices ``i`` of ``base`` whose slot and the next are figures k and k + 1 of one cell
    printing at most ``MAX_IN_CELL`` (``1 1``, ``5 3 0``: `` number 1``, `` number 2`` …), the
    first no 0 (a figure never starts with one: ``0 2`` is two cells)."""
    if not any(s.where.endswith(_SECOND) for s in base):  # cheap: most rows print no such cell
        return []
    places = [_cell_and_number(s.where) for s in base]
    figures = Counter(place[0] for place in places if place is not None)
    found = []
    for i in range(len(base) - 1):
        first, second = base[i], base[i + 1]
        one, two = places[i], places[i + 1]
        if (
            one is not None
            and two is not None
            and one[0] == two[0]
            and two[1] == one[1] + 1
            and figures[one[0]] <= MAX_IN_CELL
            and _figure(first)
            and _figure(second)
            and not first.value.digits.startswith("0")
        ):
            found.append(i)
    return found


def _joined(first: Slot, second: Slot) -> Slot:
    digits = first.value.digits + second.value.digits
    return Slot(CellValue(CellKind.NUMBER, int(digits), "", digits), first.where.rpartition(_NUMBER)[0] + " (joined)")


def joined_bases(base: Sequence[Slot], most: int) -> Iterator[tuple[list[Slot], int, str, str]]:
    """``base`` with 1 to ``most`` of its spaced pairs (``joinable``) read as one figure each:
    (slots, pairs joined, how, how_zh)."""
    pairs = joinable(base)
    for k in range(1, min(most, MAX_JOINS, len(pairs)) + 1):
        for chosen in itertools.combinations(pairs, k):
            if any(b - a < 2 for a, b in itertools.pairwise(chosen)):
                continue  # two pairs sharing a figure (``5 3 0``: 53 or 30, not both)
            out: list[Slot] = []
            i = 0
            while i < len(base):
                if i in chosen:
                    out.append(_joined(base[i], base[i + 1]))
                    i += 2
                else:
                    out.append(base[i])
                    i += 1
            shown = ", ".join(f"{base[i].value.digits} {base[i + 1].value.digits}" for i in chosen)
            yield (
                out,
                k,
                f"figures a blank apart in one cell read as one: {shown}",
                f"同一单元格内以空格隔开的数字按一个数读：{shown}",
            )
