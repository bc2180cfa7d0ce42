"""A cell printing two figures a blank apart (``1 1``, ``29 8``) read as one figure too.

A searchable scan's OCR sets a blank between a figure's digits (``11`` as ``1 1``), and a
PDF-to-Markdown converter keeps it in the figure's pipe cell (``|10|0|0|0|1|0|1 1|``); a cell
over two columns of a converter's page grid prints two figures so too (``| 16 0 |``). The record
reader cuts every such cell into its figures (``Cell.where`` + `` number k``); where the row then
holds more cells than columns, ``align.readings`` offers each such pair joined as one figure
beside the readings that drop a surplus cell, and the statutory arithmetic chooses (a join
costs as much as a printed 0 dropped: a tie the equations cannot break leaves the cells unknown).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

from gongkai.ingest.numbers import CellKind, CellValue
from gongkai.ingest.row_reading import Slot

_FIRST = " number 1"
_SECOND = " number 2"
MAX_JOINS = 3  # pairs joined in one reading (a row's surplus is at most ``align.MAX_COST``)
# A join costs as a printed 0 dropped does: where both readings keep the sums, neither is taken
# (a row printing a surplus 0, ``1 0 0 0 0 0 0 1``, is no figure spaced by an OCR)
JOIN_COST = 2


def _figure(slot: Slot) -> bool:
    value = slot.value
    return value.kind is CellKind.NUMBER and bool(value.digits) and not value.unit


def joinable(base: Sequence[Slot]) -> list[int]:
    """Indices ``i`` of ``base`` whose slot and the next are the two figures of one cell printing
    exactly two (``1 1``: `` number 1``, `` number 2``, no `` number 3``), the first no 0 (a figure
    never starts with one: ``0 2`` is two cells)."""
    if not any(s.where.endswith(_SECOND) for s in base):  # cheap: most rows print no such cell
        return []
    wheres = {s.where for s in base}
    found = []
    for i in range(len(base) - 1):
        first, second = base[i], base[i + 1]
        if not first.where.endswith(_FIRST):
            continue
        cell = first.where[: -len(_FIRST)]
        if (
            second.where == cell + _SECOND
            and f"{cell} number 3" not in wheres
            and _figure(first)
            and _figure(second)
            and not first.value.digits.startswith("0")
        ):
            found.append(i)
    return found


def _joined(first: Slot, second: Slot) -> Slot:
    digits = first.value.digits + second.value.digits
    return Slot(CellValue(CellKind.NUMBER, int(digits), "", digits), first.where.removesuffix(_FIRST) + " (joined)")


def joined_bases(base: Sequence[Slot], most: int) -> Iterator[tuple[list[Slot], int, str, str]]:
    """``base`` with 1 to ``most`` of its spaced pairs (``joinable``) read as one figure each:
    (slots, pairs joined, how, how_zh)."""
    pairs = joinable(base)
    for k in range(1, min(most, MAX_JOINS, len(pairs)) + 1):
        for chosen in itertools.combinations(pairs, k):
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
