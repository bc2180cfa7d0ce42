"""Cut a row's run-together digits into cells printed in any column order, by the row's sums.

``digits.cut_groups`` cuts a row whose groups each END in their total (the template's order:
自然人 … 其他, then 总计). Some offices print 总计 first, or a 小计 of the five organisations before
总计 (``column_order``); the same digits then hold the same figures in another order, and the
sums that place the cuts are other sums of printed positions (``equations.printed_row_sums``).
This search takes any order: the row is filled from both ends at once, a total before its parts
(its parts are then bounded by it), a cell that the sums already fix only where its digits are
printed (one way, no branching), so that no cut is enumerated blindly; ``_BUDGET`` steps bound
it on any run. A cut never gives a number a leading zero, never runs a number over a joint (a
space, a unit: ``12 件0 件``) and never cuts a whole printed figure (``2,400``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

_BUDGET = 20_000
MOST = 64  # more cuts than this are not worth telling apart: the row is left to doubt

Sum = tuple[int, tuple[int, ...]]  # (the total's printed position, its parts' positions)


@dataclass(frozen=True)
class Pieces:
    """A row's printed figures as one digit string: where a cell may end (``cut``: between two
    figures printed apart, or inside a run) and where one must (``joint``)."""

    digits: str
    cut: tuple[bool, ...]  # per position 0..len: a cell may start or end here
    joint: tuple[bool, ...]  # per position 0..len: a cell must end here (two figures printed apart)

    @classmethod
    def of(cls, runs: Sequence[tuple[str, bool]]) -> Pieces:
        """From the row's printed figures in order: (digits, whole) — ``whole``: a figure that is
        one cell as printed (``2,400``), else a run that may hold several."""
        digits, cut, joint = "", [True], [True]
        for text, whole in runs:
            inner = [not whole] * (len(text) - 1)
            digits += text
            cut += [*inner, True]
            joint += [False] * (len(text) - 1) + [True]
        return cls(digits, tuple(cut), tuple(joint))


@dataclass
class _Search:
    pieces: Pieces
    sums: tuple[Sum, ...]
    by_cell: tuple[tuple[int, ...], ...]  # per printed position, the sums it takes part in
    totals: frozenset[int]
    values: list[int | None]
    found: list[tuple[int, ...]] = field(default_factory=list)
    steps: int = _BUDGET
    most: int = MOST


def cut_printed(pieces: Pieces, width: int, sums: Sequence[Sum], most: int = MOST) -> list[tuple[int, ...]] | None:
    """Every cut of ``pieces`` into ``width`` numbers, in printed order, keeping every one of
    ``sums``; None where the search ran out of budget or found more than ``most``."""
    if len(pieces.digits) < width or width == 0:
        return []
    by_cell = tuple(tuple(k for k, (t, parts) in enumerate(sums) if p == t or p in parts) for p in range(width))
    search = _Search(pieces, tuple(sums), by_cell, frozenset(t for t, _ in sums), [None] * width, most=most)
    _fill(search, 0, width, 0, len(pieces.digits))
    if search.steps < 0 or len(search.found) > most:
        return None
    return search.found


_BROKEN = -1  # the sums contradict a cell's figures so far (counts are never negative)


def _forced(search: _Search, p: int) -> int | None:
    """The value the sums fix for cell ``p`` (all other cells of one of its sums known); None
    when none does; ``_BROKEN`` when they contradict (a negative part, two values)."""
    value: int | None = None
    for k in search.by_cell[p]:
        total, parts = search.sums[k]
        others = [search.values[q] for q in (total, *parts) if q != p]
        if any(v is None for v in others):
            continue
        known = sum(search.values[q] or 0 for q in parts if q != p)
        here = known if p == total else (search.values[total] or 0) - known
        if here < 0 or (value is not None and value != here):
            return _BROKEN
        value = here
    return value


def _bound(search: _Search, p: int) -> int | None:
    """The most cell ``p`` may be: what is left of a known total of a sum it is a part of."""
    least: int | None = None
    for k in search.by_cell[p]:
        total, parts = search.sums[k]
        whole = search.values[total]
        if p == total or whole is None:
            continue
        left = whole - sum(v for q in parts if (v := search.values[q]) is not None)
        least = left if least is None else min(least, left)
    return least


def _piece(search: _Search, start: int, end: int) -> int | None:
    """The number printed at digits [start, end) as one cell, None where no cell can be there."""
    pieces = search.pieces
    if not (pieces.cut[start] and pieces.cut[end]) or any(pieces.joint[start + 1 : end]):
        return None
    text = pieces.digits[start:end]
    if len(text) > 1 and text[0] == "0":
        return None
    return int(text)


def _fill(search: _Search, a: int, b: int, i: int, j: int) -> None:
    """Fill printed cells a..b-1 from digits i..j-1 (cells before a and from b on are set)."""
    search.steps -= 1
    if search.steps < 0 or len(search.found) > search.most:
        return
    cells, room = b - a, j - i
    if cells == 0:
        if room == 0:
            search.found.append(tuple(v or 0 for v in search.values))
        return
    if room < cells:
        return
    left, right = _forced(search, a), _forced(search, b - 1)
    if _BROKEN in (left, right):
        return
    for p, value, at_left in ((a, left, True), (b - 1, right, False)):
        if value is None:
            continue
        width = len(str(value))
        start, end = (i, i + width) if at_left else (j - width, j)
        if end - start <= room and _piece(search, start, end) == value:
            _place(search, p, value, a, b, i, j, at_left, width)
        return
    # A total before its parts (it bounds them), else the end a known total bounds, else the right.
    at_left = (a in search.totals and b - 1 not in search.totals) or (
        _bound(search, a) is not None and _bound(search, b - 1) is None and (b - 1) not in search.totals
    )
    p = a if at_left else b - 1
    most = _bound(search, p)
    longest = room - (cells - 1)
    if most is not None:
        longest = min(longest, len(str(most)))
    for width in range(1, longest + 1):
        start, end = (i, i + width) if at_left else (j - width, j)
        value = _piece(search, start, end)
        if value is None or (most is not None and value > most):
            continue
        _place(search, p, value, a, b, i, j, at_left, width)


def _place(search: _Search, p: int, value: int, a: int, b: int, i: int, j: int, at_left: bool, width: int) -> None:
    search.values[p] = value
    if at_left:
        _fill(search, a + 1, b, i + width, j)
    else:
        _fill(search, a, b - 1, i, j - width)
    search.values[p] = None
