"""Where a laid-out table prints each of its columns, from where its rows print their figures.

``pdftotext -layout`` keeps a table's figures in columns, but not on one scale: it closes up the
room of columns nothing stands in and spaces figures a text block apart (``16 1 3        1 2 23``
under seven columns), so where a figure stands as a fraction of its row (``placed``) may point a
column off. The rows printed on one scale (their last figure, 总计, at the same place) print
each column's figures at one place, though: gathered, the places fall into clusters, one a
column. As many clusters as columns name every column; one fewer leaves one column no row
prints a figure in (a table's empty 社会公益组织 column), which stands in the widest gap between
clusters — where two gaps are about as wide, each is a possible place and the table's
arithmetic (or nobody) decides. A figure is then in the column of its cluster.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from gongkai.ingest.numbers import CellKind
from gongkai.ingest.row_reading import Slot

ColumnMap = tuple[float | None, ...]  # each column's place on the line (None: no figure printed there)

_SAME_PLACE = 1.0  # characters: figures of one column stand this near their neighbours
_GAP_PEER = 0.75  # a gap at least this share of the widest one may hold the missing column too


def _row_places(slots: Sequence[Slot], xs: Sequence[float | None]) -> list[float] | None:
    """The places of a row's figures when all stand on one laid-out line, in order; else None."""
    if len(xs) != len(slots):
        return None
    figures = [(s, x) for s, x in zip(slots, xs, strict=True) if s.value.kind is not CellKind.BLANK]
    if len(figures) < 2 or any(x is None or s.value.kind is not CellKind.NUMBER for s, x in figures):
        return None
    if len({s.where.split(" part ")[0] for s, _ in figures}) != 1:
        return None
    places = [float(x) for _, x in figures if x is not None]
    return places if all(b > a for a, b in pairwise(places)) else None


def _maps(centres: list[float], n: int) -> list[ColumnMap]:
    """The ways figures printed at ``centres`` can be the table's ``n`` columns: one each, or one
    column missing in one of the widest gaps between them (never before the first or after the
    last: 自然人 and 总计 are the columns a row of figures prints most)."""
    if len(centres) == n:
        return [tuple(centres)]
    if len(centres) != n - 1 or n < 3:
        return []
    gaps = [b - a for a, b in pairwise(centres)]
    widest = max(gaps)
    return [(*centres[: i + 1], None, *centres[i + 1 :]) for i, gap in enumerate(gaps) if gap >= _GAP_PEER * widest]


def column_maps(rows: Sequence[tuple[Sequence[Slot], Sequence[float | None]]], n: int) -> list[list[ColumnMap]]:
    """For each row, the possible places of the table's ``n`` columns on its line's scale, from
    the fullest rows laid out on the same scale (last figures at one place): rows printing a
    figure in every column, or in all but one, that agree on where they print them. [] for a row
    no such rows stand with (or that is not laid out)."""
    places = [_row_places(slots, xs) for slots, xs in rows]
    out: list[list[ColumnMap]] = [[] for _ in rows]
    order = sorted((p[-1], i) for i, p in enumerate(places) if p is not None)
    groups: list[list[int]] = []
    start = None
    for last, i in order:
        if start is None or last - start > _SAME_PLACE:
            groups.append([])
            start = last
        groups[-1].append(i)
    for group in groups:
        if len(group) < 2:
            continue  # a row alone: nothing to carry its places over to
        widest = max(len(places[i] or []) for i in group)
        full = [places[i] or [] for i in group if len(places[i] or []) == widest]
        if widest < n - 1 or widest > n:
            continue
        if any(abs(a - b) > _SAME_PLACE for row in full[1:] for a, b in zip(full[0], row, strict=True)):
            continue  # the fullest rows disagree on where the columns stand
        centres = [sum(row[k] for row in full) / len(full) for k in range(widest)]
        maps = _maps(centres, n)
        for i in group:
            if len(places[i] or []) < widest:
                out[i] = maps  # the fullest rows are read by their own places
    return out


def columns_of(places: Sequence[float], columns: ColumnMap) -> list[int] | None:
    """The column each figure at ``places`` stands in on ``columns``; None if one stands in none."""
    found: list[int] = []
    for x in places:
        near = [c for c, at in enumerate(columns) if at is not None and abs(at - x) <= _SAME_PLACE]
        if len(near) != 1:
            return None
        found.append(near[0])
    return found
