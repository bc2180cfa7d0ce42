"""Which printed cell is which column, when a row holds more or fewer cells than the template.

Extraction loses and adds cells: a trailing tab, a merged label cell, a surplus ``0`` (``1 0 0 0 0 0
0 1`` for seven columns), a lost blank, cells that ran together (``18010003184``). ``readings``
lists every way to read a row as ``n`` values at a small cost — dropping blank padding at either
end is free, each inserted, dropped or split cell costs one — and the caller lets the statutory
arithmetic choose among them (``choose``). A reading never changes a printed figure: it only
decides where the figure goes; a cell that was not printed reads as 0.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from gongkai.ingest.digits import MAX_CUTS, cut_groups, cut_sparse
from gongkai.ingest.numbers import CellKind, CellValue

Number = int | float
Value = int | float | None  # None: printed as unknown (未知)
MAX_COST = 3
_MAX_SPLITS = 20_000  # enumeration cap for run-together digits


class Slot(NamedTuple):
    """One printed value cell of a row (named tuples: many are made per report, and fast)."""

    value: CellValue
    where: str


class Reading(NamedTuple):
    values: tuple[Value, ...]
    wheres: tuple[str | None, ...]  # where each column's value was printed (None: not printed)
    units: tuple[str, ...]
    cost: int
    how: str  # what was done to the printed cells, in English ("" when read as printed)
    how_zh: str
    tail: int = 0  # trailing blank cells kept as cells: a blank after the last figure is more
    # often padding (a trailing tab, a blank line after the table) than a cell, so on a tie the
    # reading with fewer of them wins
    # The other placements of the same figures, where a reading put them in columns the text did
    # not show (blank cells that vanished from a run of digits): a choice among them that only
    # the table's sums can confirm.
    placements: tuple[tuple[Value, ...], ...] = ()

    @property
    def rank(self) -> tuple[int, int]:
        return self.cost, self.tail


def zero_reading(n: int, cost: int, how: str, how_zh: str) -> Reading:
    """A row of ``n`` columns printing no figure at all, read as 0 in each (the cells blank)."""
    return Reading((0,) * n, (None,) * n, ("",) * n, cost, how, how_zh)


def _blank(slot: Slot) -> bool:
    return slot.value.kind is CellKind.BLANK


def plain_reading(cells: Sequence[Slot], cost: int, how: str, how_zh: str, tail: int = 0) -> Reading:
    """The cells read as printed, one to a column, at ``cost`` (``how``: what was done to them)."""
    values = [c.value for c in cells]
    return Reading(
        tuple([v.amount for v in values]),
        tuple([c.where for c in cells]),
        tuple([v.unit for v in values]),
        cost,
        how,
        how_zh,
        tail,
    )


Accept = Callable[[tuple[Value, ...]], bool]


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
        and any(_blank(s) for s in slots)
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
    if len(slots) == n and (fixed_width or (not _blank(slots[0]) and not _blank(slots[-1]))):
        # As printed: no padding, or a table whose rows are as wide as the template (blank cells
        # there are cells), so nothing to move.
        return [plain_reading(slots, 0, "", "")]
    printed = [s for s in slots if not _blank(s)]
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
        for reading in _splits(printed, n, accept):
            cuts.setdefault(reading.values, reading)
        return list(cuts.values())
    if vanished and len(slots) == 1 and tuple(groups) == (n,) and len(printed[0].value.digits) >= 2:
        sparse = sparse_readings(printed[0], n)
        if sparse:
            return sparse
    count = len(slots)
    lead = 0
    while lead < count and _blank(slots[lead]):
        lead += 1
    trail = 0
    while trail < count - lead and _blank(slots[count - 1 - trail]):
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
        glued = list(_grouped_splits(slots, n, groups) if _all_runs(slots, n, groups) else _splits(slots, n, accept))
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
                # Only a blank or a 0 may be a surplus cell: a printed figure is never dropped.
                droppable = [i for i, s in enumerate(base) if s.value.amount == 0]
                for dropped in itertools.combinations(droppable, -gap):
                    kept = [s for i, s in enumerate(base) if i not in dropped]
                    what = ", ".join(
                        f"{base[i].value.amount if not _blank(base[i]) else 'blank'} ({base[i].where})" for i in dropped
                    )
                    # A blank cell is more often a converter's empty grid column than a printed
                    # 0 is a surplus figure: dropping a printed 0 costs one more.
                    figures = sum(1 for i in dropped if not _blank(base[i]))
                    add(
                        plain_reading(
                            kept,
                            -gap + figures,
                            f"surplus cell dropped: {what}",
                            f"去掉多出的单元格：{what}",
                            keep_trail,
                        )
                    )
            else:
                for inserted in itertools.combinations(range(n), gap):
                    add(_inserted(base, n, inserted, keep_trail))
    if no_blanks and (
        vanished or not found or (accept is not None and not any(accept(r.values) for r in found.values()))
    ):
        for reading in _grouped_splits(slots, n, groups) if _all_runs(slots, n, groups) else _splits(slots, n, accept):
            add(reading)
        if accept is not None and _one_line(slots) and (vanished or not any(accept(r.values) for r in found.values())):
            for reading in _hidden_blanks(slots, n, accept):
                add(reading)
    if accept is not None:
        # Readings that keep the row's own equation first: where the table is too big to try
        # every combination, the search starts from them.
        return sorted(found.values(), key=lambda r: (not accept(r.values), r.rank))
    return sorted(found.values(), key=lambda r: r.rank)


_MAX_PLACEMENTS = 10


def sparse_readings(run: Slot, n: int) -> list[Reading]:
    """Readings of one run of digits for a row of ``n`` cells ending in their sum, where blank
    cells vanished (``18013184`` for ``180 1 · · · 3 184``): cut into fewer numbers whose last is
    the sum of the others (``digits.cut_sparse``). The last is the sum column's; the first is
    taken to be the first column's (a table that leaves zero cells blank still prints the first:
    自然人, the row's largest part; where it does not, the table's arithmetic breaks and says so).
    The figures between sit in the middle columns in printed order, but which of them the run
    does not say: a reading per placement, each carrying them all as ``placements``; the table's
    column sums choose among them where they can (``choose``), and leave the columns unknown
    where they cannot."""
    cuts = cut_sparse(run.value.digits, n)
    if not cuts:
        return []
    middle = n - 2
    where = f"{run.where} (split)"
    found: list[Reading] = []
    for cut in cuts:
        floating = cut[1:-1]
        if len(floating) > middle:
            continue
        blanks = n - len(cut)
        shown = " ".join(str(v) for v in cut)
        how = (
            f"cells ran together and {blanks} blank cell(s) left no trace: cut as {shown}, "
            "the last the sum of the others, the first the first column's"
        )
        how_zh = f"单元格粘连且 {blanks} 个空白单元格未留痕迹：拆为 {shown}，末项为其余之和，首项为第一列"
        if not any(floating) or len(floating) == middle:
            # Nothing to place: every middle column filled, or none (or only zeros) left.
            inner = tuple(floating) if len(floating) == middle else (0,) * middle
            placements: tuple[tuple[Value, ...], ...] = ((cut[0], *inner, cut[-1]),)
        else:
            placed = []
            for columns in itertools.combinations(range(middle), len(floating)):
                cells = [0] * middle
                for column, value in zip(columns, floating, strict=True):
                    cells[column] = value
                placed.append((cut[0], *cells, cut[-1]))
                if len(placed) >= _MAX_PLACEMENTS:
                    break
            placements = tuple(placed)
        for values in placements:
            wheres = tuple(where if v or i in (0, n - 1) else None for i, v in enumerate(values))
            found.append(
                Reading(
                    values, wheres, ("",) * n, n - 1, how, how_zh, placements=placements if len(placements) > 1 else ()
                )
            )
    return found


def _all_runs(slots: Sequence[Slot], n: int, groups: Sequence[int]) -> bool:
    """Plain digit runs only (no sign, decimals or separators) and dash cells between them (a
    crawler's ``782647740—71376``: the dash a cell of its own), fewer cells than columns, and
    group sums to cut them by."""
    return (
        bool(groups)
        and sum(groups) == n
        and len(slots) < n
        and all(s.value.digits or s.value.kind is CellKind.DASH for s in slots)
        and any(s.value.digits for s in slots)
    )


def _cell_digits(slot: Slot) -> str:
    """A printed cell as digits to cut: a run's own, a dash cell's 0 (a cell of its own, kept
    whole by the separators around it)."""
    return slot.value.digits or "0"


def broken_group_readings(slots: Sequence[Slot], n: int, groups: Sequence[int], most: int = 512) -> list[Reading]:
    """Readings of runs of digits (``slots``) for a row of ``groups`` that no cut makes add up
    (a group whose printed total contradicts its parts): every cut in which all groups but one
    add up, that one any. Only the table's other sums, or ties (the columns left unknown),
    decide among them. Empty when there are more than ``most``."""
    if not _all_runs(slots, n, groups) and not (len(slots) == 1 and slots[0].value.digits):
        return []
    found: dict[tuple[Value, ...], Reading] = {}
    slips: dict[tuple[Value, ...], float] = {}
    for free in range(len(groups)):
        start = sum(groups[:free])
        for reading in _grouped_splits(slots, n, groups, free, most):
            *parts, total = reading.values[start : start + groups[free]]
            slips.setdefault(reading.values, abs(sum(p or 0 for p in parts) - (total or 0)))  # cuts: no None
            found.setdefault(
                reading.values,
                reading._replace(
                    cost=reading.cost + 1,
                    how=f"cells ran together; no cut makes every group add up: cut where the others do "
                    f"(group {free + 1} does not)",
                    how_zh=f"单元格粘连，任何拆法都不能使各组均与合计相符：按其余各组拆分（第 {free + 1} 组不符）",
                ),
            )
            if len(found) > most:
                return []
    # A printed contradiction is a slip, most often a small one (80 19 16 26 under a total of 142,
    # not 8019 1 6 26): the cuts whose broken group comes nearest its total cost less, so they go
    # first where the table's other sums and the prose's totals leave readings tied.
    least = min(slips.values(), default=0)
    return [
        r._replace(how=f"{r.how}, its sum nearest its total", how_zh=f"{r.how_zh}，其和最接近合计")
        if slips[r.values] == least
        else r._replace(cost=r.cost + 1)
        for r in found.values()
    ]


def _grouped_splits(
    slots: Sequence[Slot], n: int, groups: Sequence[int], free: int = -1, most: int = MAX_CUTS
) -> Iterator[Reading]:
    """Several runs of digits for one row (``310 000031``): cut as one run in which the spaces
    the text printed are cuts already (``free``, ``most``: as ``digits.cut_groups``)."""
    digits = "".join(_cell_digits(s) for s in slots)
    joints: list[int] = []
    owner: list[int] = []  # which printed cell each digit came from
    for k, slot in enumerate(slots):
        if k:
            joints.append(len(owner))
        owner.extend([k] * len(_cell_digits(slot)))
    for values in cut_groups(digits, groups, joints, free, most) or ():
        wheres: list[str | None] = []
        at = 0
        for value in values:
            wheres.append(f"{slots[owner[at]].where} (split)")
            at += len(str(value))
        yield Reading(
            values,
            tuple(wheres),
            ("",) * n,
            n - len(slots),
            "cells ran together; cut where every group adds up to its total",
            "单元格粘连，按各组合计拆分",
        )


_ZERO = CellValue(CellKind.NUMBER, 0, digits="0")


def _one_line(slots: Sequence[Slot]) -> bool:
    """Two or more figures cut from one line of text (``line 12 part 3``): the spaces between
    them are where blank cells may have been. Figures a cell per line, or a pipe table's
    explicit cells, have no such spaces."""
    lines = {s.where.split(" part ")[0] for s in slots if " part " in s.where}
    return len(slots) >= 2 and len(lines) == 1 and all(" part " in s.where for s in slots)


_MAX_HIDDEN = 5  # blank cells a row may hide in the spaces between its printed runs


def _hidden_blanks(slots: Sequence[Slot], n: int, accept: Accept) -> Iterator[Reading]:
    """Readings where blank cells were lost around the printed runs: a crawler that collapses
    whitespace turns ``180 | 1 | (blank) | (blank) | (blank) | 3 | 184`` into ``1801 3184``.
    Blanks are put into the gaps (fewest first), the runs cut, and only readings the row's own
    arithmetic accepts are kept; the table's sums choose, and placements they cannot tell apart
    leave the columns unknown."""
    # Before the first run, between runs and after the last: a blank may sit anywhere, and a
    # candidate set that left out the ends would make a guess look decided.
    gaps = len(slots) + 1
    for hidden in range(1, min(n - len(slots), _MAX_HIDDEN) + 1):
        for spread in _spreads(hidden, [hidden] * gaps):
            cells: list[Slot] = []
            for gap, count in enumerate(spread):
                cells.extend([Slot(_ZERO, "")] * count)
                if gap < len(slots):
                    cells.append(slots[gap])
            if len(cells) == n:
                candidates = [plain_reading(cells, 0, "", "")] if accept(tuple(c.value.amount for c in cells)) else []
            else:
                candidates = list(_splits(cells, n, accept))
            for reading in candidates:
                yield reading._replace(
                    wheres=tuple(w or None for w in reading.wheres),
                    # A blank before the first printed figure costs one more (a table that
                    # leaves zero cells blank still prints its first column, 自然人), and so does
                    # a space between printed figures left without one (the text's spaces are
                    # where its blank cells were).
                    cost=reading.cost + hidden + (1 if spread[0] else 0) + spread[1:-1].count(0),
                    how=f"{hidden} blank cell(s) taken to be hidden in the spaces between the printed figures",
                    how_zh=f"印出的数字之间的空格处视为 {hidden} 个空白单元格",
                )


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


def _splits(slots: Sequence[Slot], n: int, accept: Accept | None) -> Iterator[Reading]:
    """Readings that cut run-together digit cells (``18010003184``) into several numbers."""
    cells = [s for s in slots if not _blank(s)]
    digits_of = [_run_digits(s.value) for s in cells]
    runs = [i for i, d in enumerate(digits_of) if len(d) >= 2]
    extra = n - len(cells)
    if extra <= 0 or not runs:
        return
    budget = [_MAX_SPLITS]
    # Spread the extra cells over the runs in every way, then cut each run accordingly.
    for spread in _spreads(extra, [len(digits_of[i]) - 1 for i in runs]):
        per_run = dict(zip(runs, spread, strict=True))
        options: list[list[tuple[Value, ...]]] = []
        for i, cell in enumerate(cells):
            add = per_run.get(i, 0)
            if add and cell.value.digits:
                options.append(list(_pieces(cell.value.digits, add + 1, budget)))
            elif add:
                # A signed run (本年增/减 then the next cell: 76-38844): the sign is the first's.
                options.append([(-cut[0], *cut[1:]) for cut in _pieces(digits_of[i], add + 1, budget) if cut[0]])
            else:
                options.append([(cell.value.amount,)])
        for combo in itertools.product(*options):
            values = tuple(v for part in combo for v in part)
            if len(values) != n or (accept is not None and not accept(values)):
                continue
            wheres: list[str | None] = []
            units: list[str] = []
            for cell, part in zip(cells, combo, strict=True):
                tag = f"{cell.where} (split)" if len(part) > 1 else cell.where
                wheres.extend([tag] * len(part))
                units.extend([""] * (len(part) - 1) + [cell.value.unit])
            yield Reading(
                values,
                tuple(wheres),
                tuple(units),
                extra,
                "cells ran together; cut where the arithmetic fits",
                "单元格粘连，按勾稽关系拆分",
            )
            budget[0] -= 1
            if budget[0] < 0:
                return


def _pieces(digits: str, parts: int, budget: list[int]) -> Iterator[tuple[int, ...]]:
    """Cut ``digits`` into ``parts`` numbers without leading zeros (``budget[0]``: cuts left,
    shared by a whole search; a module function, not a closure calling itself, which would be a
    reference cycle on every call)."""
    if parts == 1:
        if digits and (digits == "0" or digits[0] != "0"):
            yield (int(digits),)
        return
    if digits[:1] == "0":
        for rest in _pieces(digits[1:], parts - 1, budget):
            yield (0, *rest)
        return
    for cut in range(1, len(digits) - parts + 2):
        budget[0] -= 1
        if budget[0] < 0:
            return
        for rest in _pieces(digits[cut:], parts - 1, budget):
            yield (int(digits[:cut]), *rest)


_MAX_UNSUMMED = 400  # cuts of a run whose row does not add up that the table may weigh


def unsummed_readings(slots: Sequence[Slot], n: int) -> list[Reading]:
    """Every cut of run-together digits into ``n`` cells, for a row whose own sum no cut keeps
    (a report whose 总计 contradicts its parts: ``140310229`` for 14 0 3 1 0 2 and a printed 29):
    only the table's other equations (its column sums) can choose among them, and the row stays
    in doubt, its sum broken. Empty when the cuts are too many to weigh."""
    found: list[Reading] = []
    for reading in _splits(slots, n, None):
        found.append(
            reading._replace(
                cost=reading.cost + 1,
                how="cells ran together and no cut adds up to the row's total; cut where the table's column sums fit",
                how_zh="单元格粘连，且任何拆法都不满足本行合计：按表中各列之和拆分",
            )
        )
        if len(found) > _MAX_UNSUMMED:
            return []
    return found


_MAX_PINNED = 32  # cuts of a contradicting row that keep all its pinned cells but one
_PINNED_STEPS = 20_000  # cuts it may try (bounds its time on any run)
_PINNED_DIGITS = 15  # digits a cell of a count may take


def pinned_readings(slots: Sequence[Slot], n: int, expected: Sequence[frozenset[Number]]) -> list[Reading]:
    """Cuts of run-together digits into ``n`` cells for a row no cut of which keeps its own sum
    (a report whose 总计 contradicts its parts: ``12173495564227131149`` for 121 734 955 642 271
    and a printed 31149 where they add to 31145), where the table's other equations give what
    each cell must be (``expected``: the values they allow, none for a cell no equation pins).
    Kept: the cuts that give every pinned cell one of its values but one at most, and of them
    those that miss the fewest; the cell missed is read as printed (the contradiction the
    report's checks then name). Empty where no cut comes that close, or too many do."""
    cells = [s for s in slots if not _blank(s)]
    if not cells or len(cells) > n:
        return []
    digits_of = [_run_digits(c.value) if len(_run_digits(c.value)) >= 2 else "" for c in cells]
    if not any(digits_of):
        return []
    wanted = [{str(int(v)) for v in values if float(v).is_integer() and v >= 0} for values in expected]
    found: dict[tuple[Value, ...], tuple[int, Reading]] = {}
    steps = [_PINNED_STEPS]
    least = [1]  # cells a cut may miss: one, then the fewest a cut found missed

    _pinned_from(_Pinning(cells, digits_of, wanted, n, found, steps, least), 0, 0, 0, [], [], 0)
    if steps[0] < 0 or not found or len(found) > _MAX_PINNED:
        return []
    fewest = min(missed for missed, _ in found.values())
    return [reading for missed, reading in found.values() if missed == fewest]


@dataclass(frozen=True)
class _Pinning:
    """``pinned_readings``' search: the row's cells, their runs, what each column must be, and
    what it found (a module function with its state passed, not a recursive closure: a closure
    calling itself is a reference cycle left for the cyclic collector on every call)."""

    cells: list[Slot]
    digits_of: list[str]
    wanted: list[set[str]]
    n: int
    found: dict[tuple[Value, ...], tuple[int, Reading]]
    steps: list[int]  # steps left, shared by the whole search
    least: list[int]  # cells a cut may miss: one, then the fewest a cut found missed


def _pinned_from(
    pin: _Pinning, j: int, at: int, column: int, values: list[Value], wheres: list[str | None], missed: int
) -> None:
    """The cuts of cells j… (from digit ``at`` of cell j's run, column ``column`` on), into ``pin.found``."""
    cells, n, wanted, least = pin.cells, pin.n, pin.wanted, pin.least
    pin.steps[0] -= 1
    if pin.steps[0] < 0 or missed > least[0]:
        return
    if j == len(cells):
        if column == n and len(pin.found) <= _MAX_PINNED:
            least[0] = min(least[0], missed)
            pin.found[tuple(values)] = (missed, _pinned(values, wheres))
        return
    if column >= n or n - column < len(cells) - j:
        return
    run = pin.digits_of[j]
    if not run:
        value = cells[j].value.amount
        miss = bool(wanted[column]) and not (value is not None and str(value) in wanted[column])
        _pinned_from(pin, j + 1, 0, column + 1, [*values, value], [*wheres, cells[j].where], missed + miss)
        return
    rest = run[at:]
    room = n - column - (len(cells) - j - 1)  # columns this run may still fill
    # The run's rest as this one cell, or a piece of it with more cells after it.
    lengths = [len(rest)] if room <= 1 else range(1, min(len(rest), _PINNED_DIGITS) + 1)
    for length in lengths:
        if length > _PINNED_DIGITS:
            return  # no count runs to so many digits
        piece = rest[:length]
        if len(piece) > 1 and piece[0] == "0":
            break
        ends = length == len(rest)
        miss = bool(wanted[column]) and piece not in wanted[column]
        if miss and missed >= least[0]:
            continue
        here = f"{cells[j].where} (split)"
        if ends:
            _pinned_from(pin, j + 1, 0, column + 1, [*values, int(piece)], [*wheres, here], missed + miss)
        else:
            _pinned_from(pin, j, at + length, column + 1, [*values, int(piece)], [*wheres, here], missed + miss)


def _pinned(values: list[Value], wheres: list[str | None]) -> Reading:
    return Reading(
        tuple(values),
        tuple(wheres),
        ("",) * len(values),
        2,
        "cells ran together and no cut adds up to the row's total; cut where the table's other "
        "equations pin its cells, the cell they do not fit read as printed",
        "单元格粘连，且任何拆法都不满足本行合计：按表中其他勾稽关系确定的各格拆分，与之不符的一格照印读入",
    )


def _run_digits(value: CellValue) -> str:
    """The digits a cell may be cut into: an unsigned run's, or a negative integer's after its
    sign (``-38844``: a change of -3 run into the next cell's 8844)."""
    if value.digits:
        return value.digits
    if type(value.amount) is int and value.amount < 0 and not value.unit:
        return str(-value.amount)
    return ""


def _spreads(total: int, limits: list[int]) -> Iterator[tuple[int, ...]]:
    if not limits:
        if total == 0:
            yield ()
        return
    for here in range(min(total, limits[0]) + 1):
        for rest in _spreads(total - here, limits[1:]):
            yield (here, *rest)


def _line_of(where: str) -> str:
    return where.split(" number ")[0].split(" part ")[0].split(" cell ")[0]


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
    if last.value.kind is not CellKind.NUMBER or any(_line_of(s.where) == _line_of(last.where) for s in figures[:-1]):
        return []
    before = _line_of(figures[-2].where)
    if sum(1 for s in figures[:-1] if _line_of(s.where) == before) < 2:
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
    lines = [_line_of(s.where) for s in figures]
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


# ---------------------------------------------------------------------------------------------
# Choosing among the readings of several rows with the arithmetic of the whole table
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    reading: Reading
    unknown: frozenset[int]  # columns the arithmetic could not decide (tied readings disagree)
    rivals: int  # how many distinct readings were considered
    alternatives: tuple[tuple[Value, ...], ...] = ()  # the tied readings, where they disagree


def choose(
    options: dict[Hashable, list[Reading]],
    failures: Callable[[dict[Hashable, tuple[Value, ...]]], int],
    exhaustive_limit: int = 4096,
    bound: Terms | None = None,
) -> dict[Hashable, Choice]:
    """Pick one reading per row so that the table breaks the fewest statutory equations.

    Ties are broken by cost (the reading nearest to what was printed); readings that still tie
    but disagree leave the disagreeing columns unknown. ``bound``: the equations ``failures``
    counts, by row; with it, a table too big to try every combination is searched
    (``table_search.best_tables``) before falling back to improving one row at a time.
    """
    fixed = {key: opts[0] for key, opts in options.items() if len(opts) == 1}
    open_rows = [key for key, opts in options.items() if len(opts) > 1]
    result = {key: Choice(reading, frozenset(), 1) for key, reading in fixed.items()}
    if not open_rows:
        return result
    base = {key: reading.values for key, reading in fixed.items()}
    size = 1
    for key in open_rows:
        size *= len(options[key])
    descended = False
    if size <= exhaustive_limit:
        scored: list[tuple[tuple[int, int, int], tuple[Reading, ...]]] = []
        for combo in itertools.product(*(options[key] for key in open_rows)):
            table = dict(base)
            table.update({key: r.values for key, r in zip(open_rows, combo, strict=True)})
            score = (failures(table), sum(r.cost for r in combo), sum(r.tail for r in combo))
            scored.append((score, combo))
        best = min(score for score, _ in scored)
        winners = [combo for score, combo in scored if score == best]
    else:
        searched = _searched(options, open_rows, base, failures, bound) if bound is not None else None
        winners = searched if searched is not None else _descend(options, open_rows, base, failures)
        descended = searched is None
    for index, key in enumerate(open_rows):
        chosen = winners[0][index]
        unknown: set[int] = set()
        for combo in winners[1:]:
            other = combo[index].values
            unknown.update(i for i, (a, b) in enumerate(zip(chosen.values, other, strict=True)) if a != b)
        tied = tuple(dict.fromkeys(combo[index].values for combo in winners)) if unknown else ()
        if descended and chosen.placements:
            # One row at a time cannot see placements that hold together with another row's
            # (figures swapping columns between rows): a placement it settled on is a guess.
            for placed in chosen.placements:
                unknown.update(i for i, (a, b) in enumerate(zip(chosen.values, placed, strict=True)) if a != b)
            tied = tuple(dict.fromkeys((*tied, *chosen.placements))) if unknown else tied
        result[key] = Choice(chosen, frozenset(unknown), len(options[key]), tied[:_MAX_PLACEMENTS])
    return result


def _searched(
    options: dict[Hashable, list[Reading]],
    open_rows: list[Hashable],
    base: dict[Hashable, tuple[Value, ...]],
    failures: Callable[[dict[Hashable, tuple[Value, ...]]], int],
    bound: Terms,
) -> list[tuple[Reading, ...]] | None:
    """The consistent tables of least cost, as winners: by layers (``table_search``: every
    row's supported readings, however many tables combine them), else by ``best_tables``."""
    from gongkai.ingest.table_search import best_tables, supported_readings, witnessed_readings

    found = witnessed_readings(options, open_rows, base, failures, bound)
    if found == []:
        return None  # no table keeps every equation: the caller seeks the fewest broken
    if found is None:
        found = supported_readings(options, open_rows, base, failures, bound)
    return found if found is not None else best_tables(options, open_rows, base, failures, bound)


class Terms(Protocol):
    """The statutory equations as a search over readings of whole rows needs them
    (``report.equations.Bound``)."""

    def parts(self) -> list[frozenset[Hashable]]: ...

    def terms(self, part: Hashable, values: Sequence[Value]) -> dict[int, float]: ...


def _descend(
    options: dict[Hashable, list[Reading]],
    open_rows: list[Hashable],
    base: dict[Hashable, tuple[Value, ...]],
    failures: Callable[[dict[Hashable, tuple[Value, ...]]], int],
) -> list[tuple[Reading, ...]]:
    """Too many rows for a full search: one row at a time, three sweeps."""
    current = {key: options[key][0] for key in open_rows}
    for _ in range(3):
        for key in open_rows:

            def rank(r: Reading, key: Hashable = key) -> tuple[int, int, int]:
                table = dict(base)
                table.update({k: v.values for k, v in current.items()})
                table[key] = r.values
                return failures(table), r.cost, r.tail

            current[key] = min(options[key], key=rank)
    winners = [tuple(current[key] for key in open_rows)]
    # Too many rows to try every combination: still, a row whose other readings do as well
    # with the rest of the table as chosen leaves the columns they disagree on unknown.
    for index, key in enumerate(open_rows):

        def settled(r: Reading, key: Hashable = key) -> tuple[int, int, int]:
            table = dict(base)
            table.update({k: v.values for k, v in current.items()})
            table[key] = r.values
            return failures(table), r.cost, r.tail

        best_rank = settled(current[key])
        for rival in options[key]:
            if rival is not current[key] and settled(rival) == best_rank:
                winners.append((*winners[0][:index], rival, *winners[0][index + 1 :]))
    return winners
