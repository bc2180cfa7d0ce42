"""The grid-order search of table 三's flow (``vanished``): for every row, what it may hold in some
assignment of the figures in printed order that keeps the grid's order and makes every row add up
to its 总计, bounded by the rows begun and not closed at once and by a budget of states."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

_NODES = 10_000  # states one search may visit (a few µs each)
_OPEN = (3, 4, 5, 6)  # rows begun and not yet closed at once, at most: widened while in budget


class _Budget(Exception):
    pass


Row = tuple[int, tuple[int, ...], int]  # (first, middle figures in printed order, total)
Open = tuple[tuple[int, tuple[int, ...]], ...]  # rows begun and not yet closed: first, middles
State = tuple[int, int, int, Open]


def row_options(
    values: Sequence[int], rows: int, middle: int, anchors: dict[int, int] | None = None, most_open: int = 6
) -> list[set[Row]] | None:
    """For each row, what it may hold in an assignment of ``values`` (the figures in printed
    order) to rows and to their first column, a middle column or their total that keeps the
    grid's order (firsts and totals row by row, a row's middle figures after its first and before
    its total) and makes every row's total the sum of its first and middle figures; at most
    ``middle`` middle figures a row, none of them 0. None when no assignment exists. Raises
    ``_Budget`` past the search's budget (states of the search). At most ``most_open`` rows are
    begun and not yet closed at any point of the print. ``anchors``: figures printed on
    their row's label line, by position: the first column of that row (of no other)."""
    anchors = anchors or {}
    search = _RowSearch(values, rows, middle, anchors, set(anchors.values()), most_open, {})
    start: State = (0, 0, 0, ())
    if not _completes(search, start):
        return None
    n = len(values)
    options: list[set[Row]] = [set() for _ in range(rows)]
    seen = {start}
    stack = [start]
    while stack:
        state = stack.pop()
        if state[0] == n:
            continue
        for after, closed in _moves(search, state):
            if not (after[0] == n and after[1] == rows and after[2] == rows) and not search.good.get(after, False):
                continue
            if closed is not None:
                options[closed[0]].add(closed[1])
            if after not in seen:
                seen.add(after)
                stack.append(after)
    return options


@dataclass(frozen=True)
class _RowSearch:
    """``row_options``' search: its figures and bounds, and what it learnt (``good``: whether the
    print completes from a state). Module functions with their state passed, not closures: a
    closure calling itself is a reference cycle, and this one's memo (every state searched) would
    wait for the cyclic collector."""

    values: Sequence[int]
    rows: int
    middle: int
    anchors: dict[int, int]
    anchored: set[int]
    most_open: int
    good: dict[State, bool]


def _moves(search: _RowSearch, state: State) -> list[tuple[State, tuple[int, Row] | None]]:
    """The states one figure on from ``state``, each with the row it closes (None: none)."""
    i, p0, p6, open_ = state
    v = search.values[i]
    rows, most_open = search.rows, search.most_open
    out: list[tuple[State, tuple[int, Row] | None]] = []
    row = search.anchors.get(i)
    if row is not None:
        if p0 == row and p0 - p6 < most_open:
            out.append(((i + 1, p0 + 1, p6, (*open_, (v, ()))), None))
        return out
    if p0 < rows and p0 - p6 < most_open and p0 not in search.anchored:
        out.append(((i + 1, p0 + 1, p6, (*open_, (v, ()))), None))
    if p6 < p0:
        first, middles = open_[0]
        if first + sum(middles) == v:
            out.append(((i + 1, p0, p6 + 1, open_[1:]), (p6, (first, middles, v))))
    if v > 0:
        for j, (first, middles) in enumerate(open_):
            if len(middles) < search.middle:
                begun = (first, (*middles, v))
                out.append(((i + 1, p0, p6, (*open_[:j], begun, *open_[j + 1 :])), None))
    return out


def _completes(search: _RowSearch, state: State) -> bool:
    """Whether the print can be completed from ``state`` (learnt into ``search.good``)."""
    i, p0, p6, _ = state
    n, rows, good = len(search.values), search.rows, search.good
    if i == n:
        return p0 == rows and p6 == rows
    if n - i < 2 * rows - p0 - p6:
        return False
    known = good.get(state)
    if known is not None:
        return known
    if len(good) > _NODES:
        raise _Budget
    ok = False
    for after, _ in _moves(search, state):
        ok = _completes(search, after) or ok
    good[state] = ok
    return ok


def widest_options(values: Sequence[int], rows: int, middle: int, anchors: dict[int, int]) -> list[set[Row]] | None:
    """The rows' options with as many rows begun at once as the budget allows (a wider search
    finds every reading a narrower one does, and more); None when even the narrowest finds none
    or runs out of budget."""
    if not _countable(values, rows):
        return None  # no assignment at all, however wide the search (it need not be run)
    found: list[set[Row]] | None = None
    for most_open in _OPEN:
        try:
            options = row_options(values, rows, middle, anchors, most_open)
        except _Budget:
            break
        if options is not None:
            found = options
    return found


def _countable(values: Sequence[int], rows: int) -> bool:
    """Whether counting alone leaves room for an assignment of ``row_options``: every figure is
    a row's first, middle or total, so the middles are ``len(values) - 2 * rows``, each above 0,
    and the figures add up to twice the totals (an even sum)."""
    return sum(v > 0 for v in values) >= len(values) - 2 * rows and sum(values) % 2 == 0
