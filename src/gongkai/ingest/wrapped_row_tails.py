"""Readings of one row whose figures too wide for their narrow cells wrapped, digits over digits.

``pdftotext``'s default mode prints a Word table whose full-width figures do not fit their
cells a fragment a line: ``２７０`` over ``３`` is 2703. The row then prints more figures than it
has cells (``２７０ ２３５ ３ ７９ ９７２ ０ ８１ ４８ １ ００`` for ``2703 235 79 972 0 811 4800``),
each tail after its head, on a later line. Where the table's rows cut apart by their figures
alone (``row_bands``) fail (a 自然人 cell printed rows away, a 0 out of place), the row's own
label still finds the row's figures; here up to ``MAX_TAILS`` of them are joined back, in order,
to distinct earlier figures (a 0 is no head: no count prints as 0…) on earlier lines, and the
joinings where the row's sum holds (``report.equations``) are its readings. Tried only where
the row has no other reading, or none that keeps its sum (a ``-layout`` row ``１ ０ … １`` given the
tails' line ``６ … ６`` under it: its surplus zeros dropped break the sum, 16 … 16 keeps it, and
the table's equations choose); the joinings are few (10 figures, 3 tails: under 4,000 tried).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from gongkai.ingest.numbers import CellKind
from gongkai.ingest.row_reading import Accept, Reading, Slot, line_of

MAX_TAILS = 3  # wrapped figures in one row
_MOST = 4_000  # joinings tried on one row, past which it is left unread


def wrapped_tail_readings(slots: Sequence[Slot], n: int, accept: Accept) -> list[Reading]:
    """The readings of a row of ``n`` cells printing ``n + 1`` to ``n + MAX_TAILS`` figures, its
    wrapped tails joined to their heads, where ``accept`` (the row's sum) holds."""
    figures = [s for s in slots if s.value.kind is not CellKind.BLANK]
    extra = len(figures) - n
    if not 1 <= extra <= MAX_TAILS or n < 3:
        return []
    if any(s.value.kind is not CellKind.NUMBER or not s.value.digits or s.value.unit for s in figures):
        return []
    lines = [line_of(s.where) for s in figures]
    if not all(lines) or len(set(lines)) < 2:
        return []  # one line: nothing wrapped onto a line below
    found: dict[tuple[int, ...], Reading] = {}
    tried = 0
    for tails in itertools.combinations(range(1, len(figures)), extra):
        heads = [i for i in range(len(figures)) if i not in tails]
        for joins in _joins(figures, lines, heads, tails):
            tried += 1
            if tried > _MOST:
                return []
            digits = {h: figures[h].value.digits for h in heads}
            for h, t in zip(joins, tails, strict=True):
                digits[h] += figures[t].value.digits
            values = tuple(int(digits[h]) for h in heads)
            if values not in found and accept(values):
                found[values] = _reading(figures, heads, values, tails)
    return list(found.values())


def _joins(figures: Sequence[Slot], lines: list[str], heads: list[int], tails: tuple[int, ...]) -> list[list[int]]:
    """Each tail's head: distinct, in the tails' order, each printed before its tail on an
    earlier line, not a printed 0."""
    order = {line: i for i, line in reversed(list(enumerate(lines)))}  # a line's first figure

    def options(t: int) -> list[int]:
        return [h for h in heads if h < t and order[lines[h]] < order[lines[t]] and figures[h].value.digits != "0"]

    out: list[list[int]] = []
    for choice in itertools.product(*(options(t) for t in tails)):
        if all(a < b for a, b in itertools.pairwise(choice)):
            out.append(list(choice))
    return out


def _reading(figures: Sequence[Slot], heads: list[int], values: tuple[int, ...], tails: tuple[int, ...]) -> Reading:
    where = ", ".join(figures[t].where for t in tails)
    return Reading(
        values,
        tuple(figures[h].where for h in heads),
        ("",) * len(heads),
        len(tails),
        f"figures wrapped in narrow cells ({where}) joined to the digits printed before them, "
        "where the row's sum holds",
        f"窄单元格中折行的数字（{where}）接回其前面印出的数字，本行合计方相符",
    )
