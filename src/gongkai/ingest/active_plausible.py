"""Which readings of a table 二 row are plausible, where the table has no equation to choose:
the report layer's warnings, signs (only 本年增/减 below zero), whole counts, a figure the prose
states, and what such rows usually print (``LIKELY``)."""

from __future__ import annotations

from collections.abc import Callable

from gongkai.ingest.records import Token
from gongkai.ingest.row_reading import Number, Reading, Slot, blank_cell
from gongkai.ingest.run_cuts import splits
from gongkai.report.checks import active_row_warns
from gongkai.report.templates import ActiveRow, Kind

MAX_ALTERNATIVES = 12

# What a row of table 二 usually prints, for cutting a run of its figures that nothing else
# decides: (its fields, the test, the same in Chinese and English). Measured on every gold report
# the project holds (bench/active_priors.py; each decides only where exactly one cut passes; 16
# reports, 6 real): made = published decided 2 real rows right, 0 wrong (synthetic ones, figures
# drawn at random: 2 right, 1 wrong); in force >= made 1 right, 0 wrong; at least 1000 yuan a
# project 1 right, 0 wrong; undecided elsewhere. The row stays in ``uncertain`` with the other
# cuts as alternatives: a likelihood is no proof.
LIKELY: tuple[tuple[tuple[str, ...], Callable[[tuple[Number, ...]], bool], str, str], ...] = (
    (
        ("new_made", "new_published", "total_published"),
        lambda v: v[0] == v[1],
        "本年新制作数等于本年新公开数",
        "made this year equals published this year",
    ),
    (("made", "repealed", "in_force"), lambda v: v[2] >= v[0], "现行有效数不少于本年制发数", "in force >= made"),
    (
        ("projects", "amount_yuan"),
        lambda v: v[1] >= 1000 * v[0] and (v[0] > 0 or v[1] == 0),
        "每个采购项目金额不少于1000元",
        "at least 1000 yuan a project",
    ),
)


def stated_cut(
    said: tuple[int, tuple[str, ...]] | None,
    order: list[str],
    distinct: list[tuple[Number | None, ...]],
    cuts: set[tuple[Number | None, ...]],
) -> tuple[tuple[Number | None, ...], str, str] | None:
    """The one cut of a row holding in its cell the figure its prose states (2020 年共发布规范性
    文件 47 条: ``4747272`` is 47 47 272), where several fit; else None."""
    if said is None or len(distinct) < 2:
        return None
    figure, keys = said
    at = next((order.index(key) for key in keys if key in order), None)
    if at is None:
        return None
    holding = [v for v in distinct if v in cuts and v[at] == figure]
    if len(holding) != 1:
        return None
    return holding[0], f"正文所述数字 {figure}", f"the figure the prose states ({figure})"


def _scaled(values: tuple[Number | None, ...], scales: tuple[float, ...]) -> tuple[Number, ...]:
    """``values`` (none unknown) times each column's factor (none given: as they are)."""
    if not scales:
        return values  # type: ignore[return-value]
    return tuple(x * k for x, k in zip(values, scales, strict=True))  # type: ignore[operator]


def likely_cut(
    order: list[str],
    distinct: list[tuple[Number | None, ...]],
    cuts: set[tuple[Number | None, ...]],
    scales: tuple[float, ...] = (),
) -> tuple[tuple[Number | None, ...], str, str] | None:
    """The one reading of a row that passes its row's test of ``LIKELY``, when several fit and
    exactly one of the ``cuts`` among them passes; else None (nothing to decide, or the test does
    not tell them apart). ``scales``: each column's factor to the template's unit (an amount
    printed in 万元 is tested in 元)."""
    if len(distinct) < 2:
        return None
    for keys, test, zh, en in LIKELY:
        if sorted(order) != sorted(keys):
            continue
        # The page may print the row's columns in its own order (对外公开总数量 first): the test
        # reads each reading in the template's order of the fields.
        at = [order.index(key) for key in keys]

        def fits(v: tuple[Number | None, ...], at: list[int] = at, test: Callable[..., bool] = test) -> bool:
            scaled = _scaled(v, scales)
            return test(tuple(scaled[i] for i in at))

        passing = [v for v in distinct if v in cuts and None not in v and fits(v)]
        if len(passing) == 1:
            return passing[0], f"常见情形（{zh}）", f"the usual relation ({en})"
    return None


def is_plausible(order: list[str], values: tuple[Number | None, ...]) -> bool:
    """Whether a reading of a table 二 row keeps the report layer's warnings quiet, and prints no
    count but 本年增/减 below zero."""
    if not signs_fit(order, values):
        return False
    return not active_row_warns(dict(zip(order, values, strict=True)))


class Plausible:
    """``is_plausible`` of one row's ``order``, remembered per reading's values (a row's readings
    are weighed several times over, and many share their values)."""

    __slots__ = ("order", "seen")

    def __init__(self, order: list[str]) -> None:
        self.order = order
        self.seen: dict[tuple[Number | None, ...], bool] = {}

    def __call__(self, values: tuple[Number | None, ...]) -> bool:
        found = self.seen.get(values)
        if found is None:
            found = self.seen[values] = is_plausible(self.order, values)
        return found


def whole_counts(row: ActiveRow, order: list[str], values: tuple[Number | None, ...]) -> bool:
    """Whether a reading of a table 二 row puts no fraction under a count (only money has cents)."""
    return not any(
        isinstance(v, float) and not v.is_integer() and row.field(key).kind is Kind.COUNT
        for key, v in zip(order, values, strict=True)
    )


def signs_fit(order: list[str], values: tuple[Number | None, ...]) -> bool:
    """Whether a reading of a table 二 row puts a figure below zero only under 本年增/减: a count
    is never negative, while a report may well print items that do not add up."""
    return not any(v is not None and v < 0 and key != "change" for key, v in zip(order, values, strict=True))


def signs_fitting_blanks(order: list[str], best: list[Reading], values: list[Token]) -> list[Reading]:
    """Where the row prints fewer digits than it has columns (``行政事业性收费-1``: one figure for
    two), so a cell must be blank and every reading supposes one, those that put a minus sign only
    under 本年增/减: a count is never negative, so the others are no readings at all. Else none:
    with digits enough, a cut of what was printed (``3 -410``: 3 -4 10) may be the reading."""
    if not best or not all(None in r.wheres for r in best):
        return []
    if sum(ch.isdigit() for t in values for ch in t.text) >= len(order):  # (a signed cell keeps no digits)
        return []
    return [r for r in best if signs_fit(order, r.values)]


def signed_run_cuts(slots: list[Slot], order: list[str], options: list[Reading]) -> list[Reading]:
    """Where no reading of a row keeps the warnings quiet, the cuts of its signed run that put the
    minus sign only under 本年增/减 (``行政强制0-222``: 0 -2 22, the change run into the next
    cell): beside the readings that suppose a cell not printed, which alone would tie with them
    and leave the row unknown. Only for a row printing no blank cell and fewer cells than columns
    (cells that ran together leave no blank), one of them a negative whole run to cut."""
    if len(slots) >= len(order) or any(blank_cell(s) for s in slots):
        return []
    if not any(type(s.value.amount) is int and s.value.amount <= -10 and not s.value.unit for s in slots):
        return []
    known = {r.values for r in options}
    return [r for r in splits(slots, len(order), lambda v: signs_fit(order, v)) if r.values not in known]
