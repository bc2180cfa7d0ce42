"""Readings of a row whose wrapped cells' figures were printed on a line above the rest of it.

A narrow cell typing its unit (``14件``) wraps to ``14`` over ``件``. A converter that sets a
region line by line from the top (pymupdf4llm's text of a region it took for a picture) prints
first the figures of the wrapped cells (``14 22 11``), then the row's one-line cells (``7件 2件
2件 3件 13件 …``), then the wrapped cells' units (``件 件 件``). Nothing left says where each of
the first figures belongs, except their order and the row's arithmetic: every way of merging
the first line's figures into the rest (each line keeping its order) is tried, and those where
every group adds up are the readings, each a judgement (it costs). Where several hold, the
solver keeps the cells they disagree on unknown.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from math import comb

from gongkai.ingest.numbers import CellKind
from gongkai.ingest.row_reading import Accept, Reading, Slot, Value, line_of, plain_reading

_MOST = 5_000  # ways of merging tried at most (15 cells, 7 of them wrapped: 6,435)


def wrapped_figure_readings(slots: Sequence[Slot], n: int, accept: Accept) -> list[Reading]:
    """The readings of the row ``slots`` (``n`` cells) with its first line's figures merged into
    the figures printed on later lines, where ``accept`` holds (see the module)."""
    figures = [s for s in slots if s.value.kind is not CellKind.BLANK]
    if len(figures) != n or any(s.value.kind is not CellKind.NUMBER for s in figures):
        return []
    lines = [line_of(s.where) for s in figures]
    head = 1
    while head < n and lines[head] == lines[0]:
        head += 1
    if not lines[0] or head < 2 or head > n - 2 or lines[0] in lines[head:] or comb(n, head) > _MOST:
        return []
    first, rest = figures[:head], figures[head:]
    found: dict[tuple[Value, ...], Reading] = {}
    for places in combinations(range(n), head):
        taken = iter(first)
        others = iter(rest)
        chosen = set(places)
        placed = [next(taken) if k in chosen else next(others) for k in range(n)]
        values = tuple(s.value.amount for s in placed)
        if values in found or not accept(values):
            continue
        found[values] = plain_reading(
            placed,
            1,
            f"the figures printed on a line above the row ({lines[0]}, cells that wrapped) put back as cells "
            f"{', '.join(str(k + 1) for k in places)}, where every group adds up",
            f"印在该行上方一行的数字（{lines[0]}，折行的单元格）移回第 {'、'.join(str(k + 1) for k in places)} 格，"
            "各组之和方与总计相符",
        )
    return list(found.values())
