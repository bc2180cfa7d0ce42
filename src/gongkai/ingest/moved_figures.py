"""Readings of a row whose figures are all printed but one or a few in the wrong place (a figure on a
line of its own after the row, the last cells printed first on the label's line): put back where the
row's arithmetic holds."""

from __future__ import annotations

from collections.abc import Sequence

from gongkai.ingest.numbers import CellKind
from gongkai.ingest.row_reading import (
    Accept,
    Reading,
    Slot,
    Value,
    line_of,
    plain_reading,
)


def stray_figure_readings(slots: Sequence[Slot], n: int, accept: Accept) -> list[Reading]:
    """Readings of a row whose cells are all there but one figure stands on a line of its own
    after the others (a PDF-to-Markdown converter set a cell a little lower on the page after the
    row: ``0 1 0 2 1 1 1 0 3 1 1 2 1 5`` then ``1``; ``/ / 1 2 / 133`` then ``130``): that figure
    put back at each place where the row's arithmetic then holds. Nothing is changed, only a
    figure's place; the reading is a judgement the table's sums weigh."""
    figures = [s for s in slots if s.value.kind is not CellKind.BLANK]
    if len(figures) != n or len(figures) < 2:
        return []
    last = figures[-1]
    if last.value.kind is not CellKind.NUMBER or any(line_of(s.where) == line_of(last.where) for s in figures[:-1]):
        return []
    before = line_of(figures[-2].where)
    if sum(1 for s in figures[:-1] if line_of(s.where) == before) < 2:
        return []  # a cell per line: the row was never printed on one line, nothing stands apart
    found: dict[tuple[Value, ...], Reading] = {}
    for at in range(n - 1):
        placed = [*figures[:at], last, *figures[at:-1]]
        values = tuple(s.value.amount for s in placed)
        if values in found or not accept(values):
            continue
        found[values] = plain_reading(
            placed,
            1,
            f"the figure printed on a line of its own after the row ({last.where}) put back as cell {at + 1}, "
            "where every group adds up",
            f"单独印在该行之后的数字（{last.where}）移回第 {at + 1} 格，各组之和方与总计相符",
        )
    return list(found.values())


def tail_first_readings(slots: Sequence[Slot], n: int, accept: Accept) -> list[Reading]:
    """Readings of a row whose last cells stand on the line of its label's first line and the
    rest on lines of their own after it (``pdftotext`` printing a row whose label wraps: ``3
    475件`` / ``291件`` / ``76件`` …, the row being ``291 76 0 78 27 3 475``): the figures of the
    first line put back after the others, where the row's arithmetic then holds. Only a
    figure's place changes; the reading is a judgement (it costs), the table's sums weigh it."""
    figures = [s for s in slots if s.value.kind is not CellKind.BLANK]
    if len(figures) != n or n < 3 or len(slots) != n:
        return []
    lines = [line_of(s.where) for s in figures]
    if not all(lines):
        return []
    head = 1
    while head < n and lines[head] == lines[0]:
        head += 1
    rest = lines[head:]
    if not 1 <= head < n - 1 or len(set(rest)) != len(rest) or lines[0] in rest:
        return []  # not a first line of a few cells followed by a cell a line
    placed = [*figures[head:], *figures[:head]]
    values = tuple(s.value.amount for s in placed)
    if not accept(values):
        return []
    return [
        plain_reading(
            placed,
            1,
            f"the row's last {head} cell(s) printed first, on the label's line ({figures[0].where}), the "
            "others a line each after it: put back at the end, where every group adds up",
            f"该行最后 {head} 格印在标签所在行（{figures[0].where}），其余各格逐行印在其后："
            "移回行尾，各组之和方与总计相符",
        )
    ]
