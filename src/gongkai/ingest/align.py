"""Which printed cell is which column, when a row holds more or fewer cells than the template.

Extraction loses and adds cells: a trailing tab, a merged label cell, a surplus ``0`` (``1 0 0 0 0 0
0 1`` for seven columns), a lost blank, cells that ran together (``18010003184``). ``readings``
lists every way to read a row as ``n`` values at a small cost — dropping blank padding at either
end is free, each inserted, dropped or split cell costs one — and the caller lets the statutory
arithmetic choose among them (``table_choice.choose``). A reading never changes a printed figure: it only
decides where the figure goes; a cell that was not printed reads as 0.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from gongkai.ingest.digits import cut_groups
from gongkai.ingest.row_reading import (
    Accept,
    Reading,
    Slot,
    Value,
    blank_cell,
    plain_reading,
)
from gongkai.ingest.run_cuts import (
    all_runs,
    grouped_splits,
    hidden_blanks,
    one_line,
    sparse_readings,
    splits,
)
from gongkai.ingest.spaced_joins import JOIN_COST, joined_bases

MAX_COST = 3  # the most a reading of a row may cost (cells inserted, dropped or split)


def _figure_beside_blanks(slots: Sequence[Slot], run: Slot) -> bool:
    """A row of one line of a pipe table printing its one figure in a cell beside blank cells
    of its own (``| 规范性文件 |  | 427 |``: a page grid's cell over two columns, left blank where
    both are 0): cells that ran together leave no blank cell, so the figure is one cell's, not a
    digit per column. A run starting with 0 (``000``) is still digits run together."""
    line = run.where.split(" cell ")[0]
    return (
        " cell " in run.where
        and not run.value.digits.startswith("0")
        and all(s.where.split(" cell ")[0] == line for s in slots)
        and any(blank_cell(s) for s in slots)
    )


def readings(
    slots: Sequence[Slot],
    n: int,
    accept: Accept | None = None,
    fixed_width: bool = False,
    groups: Sequence[int] = (),
    vanished: bool = False,
) -> list[Reading]:
    """Ways to read ``slots`` as ``n`` values, cheapest first, one per distinct set of values.

    ``accept`` is the row's own arithmetic (the six applicant columns add up to 总计 …): a
    free reading it accepts is taken alone; run-together digits are only split into readings it
    accepts. ``fixed_width``: the row's table shows no blank padding after its rows, so a row of
    exactly ``n`` cells is read as printed, blank cells included. ``groups``: the row's cells
    form consecutive groups of these sizes, each ending in the sum of the others (a row of table
    三, table 四 in one row); a run of digits for the whole row is then cut by that arithmetic
    (``digits.cut_groups``) rather than by trying every cut. ``vanished``: the row's table shows
    that blank cells left no trace in the text (rows shorter than the template run together), so
    a single run of digits may hold fewer figures than columns (``sparse_readings``).
    """
    if len(slots) == n and (fixed_width or (not blank_cell(slots[0]) and not blank_cell(slots[-1]))):
        # As printed: no padding, or a table whose rows are as wide as the template (blank cells
        # there are cells), so nothing to move.
        return [plain_reading(slots, 0, "", "")]
    printed = [s for s in slots if not blank_cell(s)]
    if len(slots) != n and len(slots) and all(s.value.amount == 0 and not s.value.digits[1:] for s in slots):
        # Nothing but zeros and blanks: every placement reads the same; no choice to make.
        # Dropping blank cells is padding, not a judgement; only a missing cell costs.
        gap = 0 if len(printed) <= n <= len(slots) else abs(n - len(slots))
        if not printed:
            # Not one figure printed: blank cells may mean 0, or the figures went elsewhere (a
            # converter that printed them before the label): a reading, but a doubtful one.
            how = f"the row prints no figure ({len(slots)} blank cells for {n} columns); read as 0"
            how_zh = f"该行未印出任何数字（{len(slots)} 个空白单元格，应为 {n} 列），按 0 计"
            return [Reading((0,) * n, (None,) * n, ("",) * n, max(gap, 1), how, how_zh)]
        wheres = tuple(s.where for s in slots[:n]) + (None,) * max(0, n - len(slots))
        how = f"the row prints {len(slots)} cells for {n} columns, all of them 0 or blank"
        how_zh = f"该行印有 {len(slots)} 个单元格（应为 {n} 个），均为 0 或空白"
        return [Reading((0,) * n, wheres, ("",) * n, gap, how if gap else "", how_zh if gap else "")]
    if (
        n > 1
        and len(printed) == 1
        and len(printed[0].value.digits) >= n
        and not (len(printed[0].value.digits) == n and _figure_beside_blanks(slots, printed[0]))
    ):
        # One run of digits for a whole row: the cells ran together; only a cut can read it.
        run = printed[0]
        sparse = sparse_readings(run, n) if vanished and tuple(groups) == (n,) else []
        if len(run.value.digits) == n:
            # A digit per column ("0000001" for seven columns): the only cut there is, so it is
            # read as printed even where the row's arithmetic says the report contradicts itself;
            # unless blank cells may have vanished (1353138: 135 3 · · · · 138), then those
            # readings too, for the arithmetic to choose.
            return [
                *sparse,
                Reading(
                    tuple(int(d) for d in run.value.digits),
                    (f"{run.where} (split)",) * n,
                    ("",) * (n - 1) + (run.value.unit,),
                    n - 1,
                    "cells ran together; one digit per column",
                    "单元格粘连，每列一位数字",
                ),
            ]
        if groups and sum(groups) == n:
            solved = cut_groups(run.value.digits, groups)
            if solved is None:
                return []  # too many ways to cut it: nothing decides, the caller says so
            if solved or sparse:
                return sparse + [
                    Reading(
                        values,
                        (f"{run.where} (split)",) * n,
                        ("",) * (n - 1) + (run.value.unit,),
                        n - 1,
                        "cells ran together; cut where every group adds up to its total",
                        "单元格粘连，按各组合计拆分",
                    )
                    for values in solved
                ]
        cuts: dict[tuple[Value, ...], Reading] = {r.values: r for r in sparse}
        for reading in splits(printed, n, accept):
            cuts.setdefault(reading.values, reading)
        return list(cuts.values())
    if vanished and len(slots) == 1 and tuple(groups) == (n,) and len(printed[0].value.digits) >= 2:
        sparse = sparse_readings(printed[0], n)
        if sparse:
            return sparse
    count = len(slots)
    lead = 0
    while lead < count and blank_cell(slots[lead]):
        lead += 1
    trail = 0
    while trail < count - lead and blank_cell(slots[count - 1 - trail]):
        trail += 1
    core = count - lead - trail
    if core == n:
        # The printed cells, first figure to last, fill the columns exactly: read as printed,
        # whatever the arithmetic says (a report may contradict itself; it is not corrected).
        return [plain_reading(slots[lead : lead + n], 0, "", "")]
    found: dict[tuple[Value, ...], Reading] = {}

    def add(reading: Reading) -> None:
        known = found.get(reading.values)
        if known is None or reading.rank < known.rank:
            found[reading.values] = reading

    if len(printed) == n and count - n > MAX_COST:
        # Exactly one figure per column among many blank cells (a converter that doubled the
        # grid: ||6795||850||…): the blanks are the grid's, the figures the row. Fewer surplus
        # blanks are tried one by one below.
        add(
            plain_reading(
                printed,
                MAX_COST,
                f"{count - n} blank cells dropped (empty grid columns)",
                f"去掉 {count - n} 个空白单元格（空的表格列）",
            )
        )
    # Free: keep some of the blank padding at either end.
    for keep_lead in range(lead + 1):
        keep_trail = n - core - keep_lead
        if 0 <= keep_trail <= trail:
            window = slots[lead - keep_lead : count - trail + keep_trail]
            add(plain_reading(window, 0, "", "", keep_trail))
    free = sorted(found.values(), key=lambda r: r.rank)
    if len(free) == 1 and (accept is None or accept(free[0].values)):
        return free
    no_blanks = len(printed) == len(slots)  # cells that ran together leave no blank cells
    if no_blanks and len(printed) < n and any(s.value.digits[:1] == "0" and len(s.value.digits) > 1 for s in printed):
        # A figure printed with a leading zero (0000, 027) is cells that ran together, never one
        # cell: only the cuts of the runs read it (a missing cell would leave the 0000 whole).
        glued = list(grouped_splits(slots, n, groups) if all_runs(slots, n, groups) else splits(slots, n, accept))
        if glued:
            return sorted(glued, key=lambda r: (accept is not None and not accept(r.values), r.rank))
        if all(s.value.digits for s in slots) and sum(len(s.value.digits) for s in slots) == n:
            # ``00000 01`` for seven columns: a digit per column is the only cut there is; read as
            # printed where the arithmetic says the report contradicts itself (as for one run).
            return [
                Reading(
                    tuple(int(d) for s in slots for d in s.value.digits),
                    tuple(f"{s.where} (split)" for s in slots for _ in s.value.digits),
                    ("",) * n,
                    n - len(slots),
                    "cells ran together; one digit per column",
                    "单元格粘连，每列一位数字",
                )
            ]
    # Padding is kept whole or dropped whole at each end; partial keeps only repeat readings.
    for keep_lead in sorted({0, lead}):
        for keep_trail in sorted({0, trail}):
            base = list(slots[lead - keep_lead : count - trail + keep_trail])
            gap = n - len(base)
            if gap == 0 or abs(gap) > MAX_COST:
                continue
            if gap < 0:
                for drop in _dropped(base, -gap, keep_trail):
                    add(drop)
                # A cell printing two figures a blank apart (``1 1``) may be one figure.
                for joined, k, how, how_zh in joined_bases(base, -gap):
                    if k == -gap:
                        add(plain_reading(joined, JOIN_COST * k, how, how_zh, keep_trail))
                        continue
                    for drop in _dropped(joined, -gap - k, keep_trail):
                        both, both_zh = f"{how}; {drop.how}", f"{how_zh}；{drop.how_zh}"
                        add(drop._replace(cost=drop.cost + JOIN_COST * k, how=both, how_zh=both_zh))
            else:
                for inserted in itertools.combinations(range(n), gap):
                    add(_inserted(base, n, inserted, keep_trail))
    if no_blanks and (
        vanished or not found or (accept is not None and not any(accept(r.values) for r in found.values()))
    ):
        for reading in grouped_splits(slots, n, groups) if all_runs(slots, n, groups) else splits(slots, n, accept):
            add(reading)
        if accept is not None and one_line(slots) and (vanished or not any(accept(r.values) for r in found.values())):
            for reading in hidden_blanks(slots, n, accept):
                add(reading)
    if accept is not None:
        # Readings that keep the row's own equation first: where the table is too big to try
        # every combination, the search starts from them.
        return sorted(found.values(), key=lambda r: (not accept(r.values), r.rank))
    return sorted(found.values(), key=lambda r: r.rank)


def _dropped(base: Sequence[Slot], surplus: int, tail: int) -> list[Reading]:
    """``base`` read with ``surplus`` of its cells dropped: only a blank or a 0 may be a surplus
    cell (a printed figure is never dropped)."""
    out = []
    droppable = [i for i, s in enumerate(base) if s.value.amount == 0]
    for dropped in itertools.combinations(droppable, surplus):
        kept = [s for i, s in enumerate(base) if i not in dropped]
        what = ", ".join(
            f"{base[i].value.amount if not blank_cell(base[i]) else 'blank'} ({base[i].where})" for i in dropped
        )
        # A blank cell is more often a converter's empty grid column than a printed
        # 0 is a surplus figure: dropping a printed 0 costs one more.
        figures = sum(1 for i in dropped if not blank_cell(base[i]))
        out.append(
            plain_reading(kept, surplus + figures, f"surplus cell dropped: {what}", f"去掉多出的单元格：{what}", tail)
        )
    return out


def _inserted(base: Sequence[Slot], n: int, positions: tuple[int, ...], tail: int) -> Reading:
    values: list[Value] = []
    wheres: list[str | None] = []
    units: list[str] = []
    source = iter(base)
    for column in range(n):
        if column in positions:
            values.append(0)
            wheres.append(None)
            units.append("")
        else:
            slot = next(source)
            values.append(slot.value.amount)
            wheres.append(slot.where)
            units.append(slot.value.unit)
    columns = ", ".join(str(p) for p in positions)
    return Reading(
        tuple(values),
        tuple(wheres),
        tuple(units),
        len(positions),
        f"{len(positions)} cell(s) missing from the row; column(s) {columns} not printed, read as 0",
        f"该行少 {len(positions)} 个单元格；第 {columns} 列（从 0 起）未印出，按 0 计",
        tail,
    )
