"""Rows with a cell holding a wrapped figure stacked beside others, in an order the page lost.

A PDF-to-Markdown converter may merge two of the page's columns into one of its own, and a figure
whose ``件`` wrapped stands a line above the row's other figures: put back on its row
(``pipe_wraps.wrapped_pipe_cells``), it shares a cell with the figure of the neighbouring column
(``2091 547件``, ``1200 0件``). The cell lists its lines top first, so which of the two stood left
on the page is unknown. Every order is a candidate reading of the row; the table's equations
choose (the row's own sum tells ``0 1200`` from ``1200 0``), and where they cannot, the solver's
tie leaves the cells unknown and the row is named in ``uncertain``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from gongkai.ingest.records import Token
from gongkai.ingest.row_reading import Accept, Reading

_MAX_ORDERS = 24  # orders of a row tried: a row has one or two such cells, of two or three figures


def _cell_of(token: Token) -> str:
    return token.where.split(" number ")[0]


def stacked_orders(values: Sequence[Token]) -> list[list[Token]]:
    """The row's figures with the wrapped (first) figure of each stacked cell moved to each other
    place in its cell; the printed order not among them."""
    groups: list[list[int]] = []
    for i, token in enumerate(values):
        if not token.stacked:
            continue
        if groups and groups[-1][-1] == i - 1 and _cell_of(values[i - 1]) == _cell_of(token):
            groups[-1].append(i)
        else:
            groups.append([i])
    groups = [group for group in groups if len(group) > 1]
    if not groups:
        return []
    orders: list[list[Token]] = []
    for places in itertools.product(*(range(len(group)) for group in groups)):
        if not any(places):
            continue  # as printed
        order = list(values)
        for group, place in zip(groups, places, strict=True):
            cell = [values[i] for i in group]
            moved = [*cell[1 : place + 1], cell[0], *cell[place + 1 :]]
            for i, token in zip(group, moved, strict=True):
                order[i] = token
        orders.append(order)
        if len(orders) >= _MAX_ORDERS:
            break
    return orders


def with_stacked_orders(
    values: Sequence[Token],
    options: list[Reading],
    read: Callable[[list[Token]], list[Reading]],
    check: Accept,
) -> tuple[list[Reading], bool]:
    """``options`` and the readings of every other order of the row's stacked cells (``read``
    reads one order), at the same cost: the equations, not the order printed, choose. Also
    whether the row's own sum leaves more than one order open (the row then goes to
    ``uncertain`` whatever the table's other equations decide)."""
    seen = {r.values for r in options}
    passing = {r.values for r in options if check(r.values)}
    out = list(options)
    for order in stacked_orders(values):
        for reading in read(order):
            if reading.values in seen:
                continue
            seen.add(reading.values)
            if check(reading.values):
                passing.add(reading.values)
            out.append(
                reading._replace(
                    how=f"{reading.how}; " * bool(reading.how) + "a wrapped figure read in another place of its cell",
                    how_zh=f"{reading.how_zh}；" * bool(reading.how_zh) + "同一单元格中折行的数字换位读取",
                )
            )
    return out, len(passing) > 1
