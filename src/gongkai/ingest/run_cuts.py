"""Cutting run-together digits back into cells: a crawler or converter that lost the spaces between
cells prints ``18010003184`` for ``180 1 0 0 0 3 184``; these list the cuts (by the row's own arithmetic,
its groups' sums, blank cells that left no trace) as ``Reading``s for the table's sums to choose among."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

from gongkai.ingest.digits import MAX_CUTS, cut_groups, cut_sparse
from gongkai.ingest.numbers import CellKind, CellValue
from gongkai.ingest.row_reading import (
    MAX_PLACEMENTS,
    Accept,
    Reading,
    Slot,
    Value,
    blank_cell,
    plain_reading,
)

_MAX_SPLITS = 20_000  # enumeration cap for run-together digits


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
                if len(placed) >= MAX_PLACEMENTS:
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


def all_runs(slots: Sequence[Slot], n: int, groups: Sequence[int]) -> bool:
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


def runs_before_blanks(slots: Sequence[Slot], n: int, groups: Sequence[int]) -> list[Slot]:
    """A row of run-together digits and dash cells followed by blank slots (the empty line a
    crawler's text ends with after the table's last row): the runs alone, for ``all_runs``'s cut;
    cells that ran together leave no blank cell, so the blanks are no cells. Else the slots."""
    end = len(slots)
    while end and slots[end - 1].value.kind is CellKind.BLANK:
        end -= 1
    if end < len(slots) and all_runs(slots[:end], n, groups):
        return list(slots[:end])
    return list(slots)


def _cell_digits(slot: Slot) -> str:
    """A printed cell as digits to cut: a run's own, a dash cell's 0 (a cell of its own, kept
    whole by the separators around it)."""
    return slot.value.digits or "0"


def broken_group_readings(slots: Sequence[Slot], n: int, groups: Sequence[int], most: int = 512) -> list[Reading]:
    """Readings of runs of digits (``slots``) for a row of ``groups`` that no cut makes add up
    (a group whose printed total contradicts its parts): every cut in which all groups but one
    add up, that one any. Only the table's other sums, or ties (the columns left unknown),
    decide among them. Empty when there are more than ``most``."""
    if not all_runs(slots, n, groups) and not (len(slots) == 1 and slots[0].value.digits):
        return []
    found: dict[tuple[Value, ...], Reading] = {}
    slips: dict[tuple[Value, ...], float] = {}
    for free in range(len(groups)):
        start = sum(groups[:free])
        for reading in grouped_splits(slots, n, groups, free, most):
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


def grouped_splits(
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


def one_line(slots: Sequence[Slot]) -> bool:
    """Two or more figures cut from one line of text (``line 12 part 3``): the spaces between
    them are where blank cells may have been. Figures a cell per line, or a pipe table's
    explicit cells, have no such spaces."""
    lines = {s.where.split(" part ")[0] for s in slots if " part " in s.where}
    return len(slots) >= 2 and len(lines) == 1 and all(" part " in s.where for s in slots)


_MAX_HIDDEN = 5  # blank cells a row may hide in the spaces between its printed runs


def hidden_blanks(slots: Sequence[Slot], n: int, accept: Accept) -> Iterator[Reading]:
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
                candidates = list(splits(cells, n, accept))
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


def splits(slots: Sequence[Slot], n: int, accept: Accept | None) -> Iterator[Reading]:
    """Readings that cut run-together digit cells (``18010003184``) into several numbers."""
    cells = [s for s in slots if not blank_cell(s)]
    digits_of = [run_digits(s.value) for s in cells]
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
    for reading in splits(slots, n, None):
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


def run_digits(value: CellValue) -> str:
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
