"""Among the tied readings of a row that contradicts its table, the one no count rules out.

A report that contradicts itself can leave a run with several cuts that each break as many
equations: 结转下年度继续办理 ``110000011`` is 11 0 … 11 or 1 10 … 11, each breaking one column's
balance; 行政复议 ``1753329`` (parts that add to 28, a printed 29) is 17 5 3 3 or 1 75 3 3 … Counts
are never negative, so a reading in which one cell alone is more than the whole other side of an
equation (10 requests carried forward in a column that received and carried over none; one
result of 75 cases out of 29) breaks it whatever its neighbours read, and asks for more than the
others do. Where exactly one tied reading overruns no equation, it is taken, as a judgement: the
row stays in ``uncertain``.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

from gongkai.ingest.row_reading import Value
from gongkai.ingest.table_choice import Choice
from gongkai.report.equations import Cell, Equation

# Where a statutory cell sits among the chosen rows: (the row's key, the column in its values).
Locate = Callable[[Cell], tuple[Hashable, int] | None]


def _overruns(
    rules: Sequence[Equation], table: dict[Hashable, tuple[Value, ...]], key: Hashable, locate: Locate
) -> int:
    """How many of ``rules`` through row ``key`` have one cell more than the other side."""

    def value(cell: Cell) -> Value:
        place = locate(cell)
        values = table.get(place[0]) if place else None
        return values[place[1]] if place and values is not None and place[1] < len(values) else None

    found = 0
    for equation in rules:
        if any((place := locate(c)) is not None and place[0] == key for c in equation.cells):
            found += equation.overrun(value)
    return found


def prefer_possible(
    chosen: dict[Hashable, Choice], rules: Sequence[Equation], locate: Locate
) -> dict[Hashable, Choice]:
    """``chosen`` with each tied row settled where exactly one of its alternatives overruns none
    of ``rules`` (the other rows as read, their undecided cells unknown)."""
    known: dict[Hashable, tuple[Value, ...]] = {}
    for key, choice in chosen.items():
        values = list(choice.reading.values)
        for column in choice.unknown:
            values[column] = None
        known[key] = tuple(values)
    settled = dict(chosen)
    for key, choice in chosen.items():
        if not choice.unknown or len(choice.alternatives) < 2:
            continue
        possible = [
            values for values in choice.alternatives if not _overruns(rules, {**known, key: values}, key, locate)
        ]
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


def request_cell(cell: Cell) -> tuple[Hashable, int] | None:
    """Table 三's cells as its rows are chosen: by row key, column by column."""
    return (cell.row, cell.column) if cell.table == "requests" and isinstance(cell.column, int) else None


def appeal_cell(groups: Sequence[str], fields: Sequence[str], whole: bool) -> Locate:
    """Table 四's cells as they are chosen: one row of every group's fields (``whole``), or a row
    per group."""

    def locate(cell: Cell) -> tuple[Hashable, int] | None:
        if cell.table != "appeals" or cell.row not in groups or cell.column not in fields:
            return None
        at = fields.index(str(cell.column))
        return ("all", groups.index(cell.row) * len(fields) + at) if whole else (cell.row, at)

    return locate
