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

from gongkai.ingest.digits import cut_groups
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.row_reading import Reading, Slot

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
    # A padded row prints at least ``PAD`` digits a cell: rows shorter are no padded rows, and
    # where those are most, no cut is tried (the ordinary crawler table: ``0000000``).
    long_enough = [(slots, groups) for slots, groups in rows if _width(slots) >= PAD * sum(groups)]
    if 2 * len(long_enough) <= len(rows):
        return 0
    padded = sum(1 for slots, groups in long_enough if _cuts(slots, groups, PAD) is not None)
    if 2 * padded <= len(rows):
        return 0
    plain = 0
    for slots, groups in rows:
        plain += _cuts(slots, groups, 0) is not None
        if plain >= padded:
            return 0
    return PAD


def _width(slots: Sequence[Slot]) -> int:
    """The digits a row prints, a dash or a blank counted as a padded zero."""
    return sum(len(s.value.digits) if s.value.digits else PAD for s in slots)


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


_MAX_ROW_CUTS = 16  # cuts of one table 二 row worth weighing; past that the row is left to the others


def _pieces(digits: str, pad: int, signed: bool) -> list[tuple[int, ...]]:
    """Every cut of one printed run into padded cells (the first may carry a minus sign: a signed
    figure is printed unpadded, ``-4``), each a tuple of values."""
    found: list[tuple[int, ...]] = []
    _pieces_from(digits, pad, signed, found, 0, ())
    return found


def _pieces_from(
    digits: str, pad: int, signed: bool, found: list[tuple[int, ...]], at: int, so_far: tuple[int, ...]
) -> None:
    """``_pieces``' cuts of ``digits[at:]`` after ``so_far``, into ``found`` (a module function,
    not a closure calling itself: that is a reference cycle left for the cyclic collector on
    every call)."""
    if len(found) > _MAX_ROW_CUTS:
        return
    if at == len(digits):
        found.append(so_far)
        return
    first = signed and not so_far
    for end in range(at + 1, len(digits) + 1):
        text = digits[at:end]
        if first:
            if text[0] == "0" and len(text) > 1:
                break
            _pieces_from(digits, pad, signed, found, end, (-int(text),))
        elif (len(text) == pad) or (len(text) > pad and text[0] != "0"):
            _pieces_from(digits, pad, signed, found, end, (*so_far, int(text)))


def padded_row_readings(slots: Sequence[Slot], n: int, pad: int) -> list[Reading]:
    """A row of table 二 (no sums) on a page padding its figures: each cut of its runs into ``n``
    padded cells, an amount with a fraction or a dash a cell as printed ([] where no cut fits,
    the row prints no padded run, or the cuts are too many)."""
    if not any(len(s.value.digits) > pad for s in slots) and not any(
        isinstance(s.value.number, int) and s.value.number < 0 for s in slots
    ):
        return []  # nothing run together: the row's cells are read as printed
    per_slot: list[list[tuple[float | int, ...]]] = []
    for slot in slots:
        value = slot.value
        number = value.number
        if value.kind in (CellKind.DASH, CellKind.BLANK):
            per_slot.append([(0,)])
        elif value.kind is CellKind.NUMBER and isinstance(number, int) and number < 0:
            per_slot.append(list(_pieces(str(-number), pad, True)))
        elif value.kind is CellKind.NUMBER and value.digits:
            per_slot.append(list(_pieces(value.digits, pad, False)))
        elif value.kind is CellKind.NUMBER and number is not None:
            per_slot.append([(number,)])
        else:
            return []
    rows: list[tuple[float | int, ...]] = [()]
    for options in per_slot:
        rows = [(*row, *cut) for row in rows for cut in options if len(row) + len(cut) <= n]
        if len(rows) > _MAX_ROW_CUTS or not rows:
            return []
    where = f"{slots[0].where} (split)"
    how = f"cells ran together; figures under 10 printed with a leading 0: cut as {pad}-digit cells or longer"
    how_zh = "单元格粘连，10 以下的数字前补 0：按两位或更长拆分"
    return [Reading(values, (where,) * n, ("",) * n, 1, how, how_zh) for values in rows if len(values) == n]
