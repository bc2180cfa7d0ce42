"""Tables that pad their small figures with a leading zero (``07``, ``00``), read from run-together text.

Some county sites right-align a table's figures and print every count under 10 with a leading 0
(``09``, ``00``; a zero may also print as ``—``). Once a crawler collapses the markup, a row of
table 三 is one run (``2380900001300260`` for 238 09 00 00 13 00 260) or runs between dashes
(``08————0109``). Read as ordinary digits, a leading zero is a cut of its own (``07`` is 0 and 7),
which gives such rows too many cells and no reading. Read with the padding, every cell is exactly
two digits or longer without a leading zero, and the row's own sum cuts the run
(``digits.cut_groups`` with ``pad``).

Whether a table pads is a property of the whole table, never of one run: it is taken to pad where
some figure prints with a leading zero, the padded cuts read more of its rows than the ordinary
cuts do, and most of its rows. Each row's padded cuts are then its readings (several where the
row's sum does not tell them apart: the table's equations choose, or leave the cells unknown).
"""

from __future__ import annotations

from collections.abc import Sequence

from gongkai.ingest.align import Reading, Slot
from gongkai.ingest.digits import cut_groups
from gongkai.ingest.numbers import CellKind

PAD = 2  # the padding printed: counts under 10 as two digits (``07``); wider padding is not seen


def _run(slots: Sequence[Slot], pad: int) -> tuple[str, tuple[int, ...]] | None:
    """The row's printed cells as one digit string with a joint at each cell border (a dash or a
    blank a padded zero), or None where a cell is no unsigned count."""
    digits: list[str] = []
    joints: list[int] = []
    at = 0
    for slot in slots:
        value = slot.value
        if value.kind is CellKind.NUMBER and value.digits:
            text = value.digits
        elif value.kind in (CellKind.DASH, CellKind.BLANK):
            text = "0" * pad
        else:
            return None
        if at:
            joints.append(at)
        digits.append(text)
        at += len(text)
    return ("".join(digits), tuple(joints)) if digits else None


def _cuts(slots: Sequence[Slot], groups: Sequence[int], pad: int) -> list[tuple[int, ...]] | None:
    run = _run(slots, pad)
    if run is None:
        return None
    digits, joints = run
    return cut_groups(digits, groups, joints, pad=pad) or None


def _leading_zero(slots: Sequence[Slot]) -> bool:
    return any(len(d) > 1 and d[0] == "0" for d in (s.value.digits for s in slots))


def table_padding(rows: Sequence[tuple[Sequence[Slot], Sequence[int]]]) -> int:
    """``PAD`` where the table (its rows as (printed cells, groups of the row's sums)) pads its
    small figures, else 0. Cheap where no figure has a leading zero (most tables)."""
    rows = [(slots, groups) for slots, groups in rows if groups and any(s.value.digits for s in slots)]
    if not rows or not any(_leading_zero(slots) for slots, _ in rows):
        return 0
    padded = plain = 0
    for slots, groups in rows:
        padded += _cuts(slots, groups, PAD) is not None
        plain += _cuts(slots, groups, 0) is not None
    return PAD if padded > plain and 2 * padded > len(rows) else 0


def padded_readings(slots: Sequence[Slot], n: int, groups: Sequence[int], pad: int) -> list[Reading]:
    """The row's readings in a table padding its figures to ``pad`` digits: each cut of its runs
    whose groups add up ([] where none does, or too many)."""
    if sum(groups) != n:
        return []
    cuts = _cuts(slots, groups, pad)
    if not cuts:
        return []
    where = f"{slots[0].where} (split)"
    how = f"cells ran together; figures under 10 printed with a leading 0: cut as {pad}-digit cells or longer"
    how_zh = "单元格粘连，10 以下的数字前补 0：按两位或更长拆分"
    return [Reading(values, (where,) * n, ("",) * n, 1, how, how_zh) for values in cuts]
