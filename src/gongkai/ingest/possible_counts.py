"""Among the readings of a table 三 row that the arithmetic left tied, the one no count rules out.

A report that contradicts itself (its 总计 off by the figures of one row) can leave a run such as
结转下年度继续办理 ``110000011`` with two cuts that each break one column's balance: 11 0 … 11
or 1 10 … 11. Counts are never negative, so a reading in which one cell alone is more than the
whole other side of an equation (10 requests carried forward in a column that received and
carried over none) asks for more than a slip in one printed figure. Where exactly one tied
reading asks for no such thing, it is taken, as a judgement: the row stays in ``uncertain``
with the other readings as its alternatives.
"""

from __future__ import annotations

from collections.abc import Hashable

from gongkai.ingest.align import Choice, Value
from gongkai.report.equations import Cell, equations
from gongkai.report.templates import Template


def _overruns(template: Template, table: dict[Hashable, tuple[Value, ...]], row: str) -> int:
    """How many of table 三's equations through ``row`` have one cell more than the other side."""

    def value(cell: Cell) -> Value:
        values = table.get(cell.row)
        if values is None or not isinstance(cell.column, int) or cell.column >= len(values):
            return None
        return values[cell.column]

    found = 0
    for equation in equations(template, derived=True):
        if equation.table == "requests" and any(c.row == row for c in equation.cells):
            found += equation.overrun(value)
    return found


def prefer_possible(template: Template, chosen: dict[Hashable, Choice]) -> dict[Hashable, Choice]:
    """``chosen`` with each tied row settled where exactly one of its alternatives overruns no
    equation (the others as the rest of the table was read, unknown cells unknown)."""
    known: dict[Hashable, tuple[Value, ...]] = {}
    for key, choice in chosen.items():
        values = list(choice.reading.values)
        for column in choice.unknown:
            values[column] = None
        known[key] = tuple(values)
    settled = dict(chosen)
    for key, choice in chosen.items():
        if not choice.unknown or len(choice.alternatives) < 2 or not isinstance(key, str):
            continue
        possible = [values for values in choice.alternatives if not _overruns(template, {**known, key: values}, key)]
        if len(possible) != 1:
            continue
        reading = choice.reading
        settled[key] = Choice(
            reading._replace(
                values=possible[0],
                how=f"{reading.how}; of the readings that break as many equations, the only one in which "
                "no cell alone exceeds the other side of an equation (counts are never negative)",
                how_zh=f"{reading.how_zh}；在违反同样多勾稽关系的读法中，唯有此读法没有任何单元格独自超过等式另一边之和（计数不为负）",
            ),
            frozenset(),
            max(choice.rivals, 2),
            choice.alternatives,
        )
    return settled
