"""Table 四 read from its figures in printed order, where the reading by labels left cells unknown:
the template's group order, taken only when exactly one reading makes every group add up (one
figure that is no cell left out, one group's 总计 printed out of place put back by the prose)."""

from __future__ import annotations

from collections.abc import Sequence

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, printed_counts
from gongkai.report.equations import Bound, appeals_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_PROSE_FIGURES = 4  # figures a sentence before table 四 may state (its totals), at most


def _total_put_back(
    values: tuple[int, ...], kept: list[Token], groups: Sequence[str], width: int, bound: Bound, stated: dict[str, int]
) -> tuple[tuple[int, ...], list[Token], str] | None:
    """The printed order with one group's 总计 put back last, where that group alone does not add up
    and the prose states its total (本年度发生政府信息公开行政复议5件): a 总计 header set on two lines
    (总 / 计) beside its group's wrapped titles lets its figure come out among the group's first
    (``03`` ``05`` ``01`` ``00`` ``01``). Taken only where the stated figure stands once in the
    group, before its last place, and the group then adds up with its others in printed order: the
    prose and the sum agree on the move (a group contradicting itself stays as printed)."""
    if bound.broken({"all": values}) != 1:
        return None
    for g, group in enumerate(groups):
        part = list(values[g * width : (g + 1) * width])
        if f"appeals.{group}" not in stated:
            continue
        figure = stated[f"appeals.{group}"]
        if part.count(figure) != 1 or part[-1] == figure:
            continue
        at = part.index(figure)
        order = [i for i in range(width) if i != at] + [at]
        moved = tuple(part[i] for i in order)
        whole = values[: g * width] + moved + values[(g + 1) * width :]
        if bound.broken({"all": whole}):
            continue
        tokens = kept[: g * width] + [kept[g * width + i] for i in order] + kept[(g + 1) * width :]
        return whole, tokens, group
    return None


def read_appeals_blocks(
    template: Template, records: list[Record], report: Report, evidence: Evidence, stated: dict[str, int] | None = None
) -> None:
    """Table 四 from its figures in printed order when the reading by labels left cells unknown: fifteen
    figures, or sixteen with one that is no cell (pdftotext printing a figure twice, a page's
    number), in the template's group order, taken only when exactly one reading makes every group
    add up to its 总计; said in ``uncertain``. ``stated``: the prose's totals (``stated_figures``),
    which may put back one group's 总计 printed out of place (``_total_put_back``)."""
    groups = [g.key for g in template.appeal_groups]
    fields = [f.key for f in template.appeal_fields]
    if all(v is not None for cells in report.appeals.values() for v in cells.values()):
        return  # the labels read every cell
    figures = printed_counts(records)
    cells = len(groups) * len(fields)
    if figures is not None and cells + 1 < len(figures) <= cells + _PROSE_FIGURES:
        # figures the prose above the table states (本年度发生行政复议 125 件): the table's are the last
        figures = figures[-cells:]
    if figures is None or len(figures) not in (cells, cells + 1):
        return
    bound = appeals_bound(template.id, tuple(groups), tuple(fields), True)
    amounts = [int(t.value.amount or 0) for t in figures]
    found: dict[tuple[int, ...], list[Token]] = {}
    ending: dict[tuple[int, ...], list[Token]] = {}  # readings whose figure left out ends its record
    last = _record_ends(records)
    # Exactly fifteen figures are one reading, the printed order: taken when all groups but one
    # add up (a report contradicting itself in one group is read as printed, with findings).
    tolerated = 1 if len(figures) == cells and len(groups) > 2 else 0
    broke = 0
    for skip in range(len(figures)) if len(figures) > cells else (None,):
        kept = [t for i, t in enumerate(figures) if i != skip]
        values = tuple(a for i, a in enumerate(amounts) if i != skip)
        broke = bound.broken({"all": values})
        if broke <= tolerated:
            found.setdefault(values, kept)
            if skip is not None and id(figures[skip]) in last:
                ending.setdefault(values, kept)
    placed = len(found) > 1 and len(ending) == 1
    if placed:
        # A figure that is no cell (a page's number in the flow) comes out after the cells printed
        # under their headers, right before the next label; the header's first figures are its cells.
        found = ending
    if len(found) != 1:
        return  # none adds up, or several readings do: nothing decides
    ((values, kept),) = found.items()
    width = len(fields)
    put_back = (
        _total_put_back(values, kept, groups, width, bound, stated or {}) if broke and len(figures) == cells else None
    )
    if put_back is not None:
        values, kept, moved_group = put_back
        broke = 0
    for g, group in enumerate(groups):
        for i, key in enumerate(fields):
            report.appeals[group][key] = values[g * width + i]
            evidence.provenance[f"appeals.{group}.{key}"] = kept[g * width + i].where
    evidence.forget("appeals")
    if put_back is not None:
        evidence.doubt(
            f"appeals.{moved_group}",
            None,
            "表四该组的总计未按顺序印出（印在该组前面的数字之间）：正文所述的件数即该组总计，移至末位后该组相符",
            "table 四 prints this group's 总计 among its first figures: the figure the prose states is its "
            "total, and put last the group adds up",
            kept[0].where,
        )
    extra = "（其中一个数字不是单元格，去掉它各组才相符）" if len(figures) > cells else ""
    if placed:
        extra = "（其中一个数字不是单元格：去掉不同的数字各组都相符，取去掉紧接下一标签之前那个数字的读法）"
    if len(figures) == cells and broke:
        evidence.doubt(
            "appeals",
            None,
            "表四按印刷顺序读取时有一组合计不符，按印出的数字读入",
            "table 四 read in printed order has one group whose figures do not add up; read as printed",
            kept[0].where,
        )
    evidence.doubt(
        "appeals",
        None,
        f"表四的标签与数字分开印出：按数字的印刷顺序、模板的组序读取{extra}"
        + ("" if (len(figures) == cells and broke) or placed else "（各组合计均相符，且只有这一种读法）"),
        "table 四 prints its labels apart from its figures: read in printed order and the template's group order"
        + (
            " (one figure is no cell: the groups add up without one of several, and the one printed right "
            "before the next label, after the cells under their headers, is left out)"
            if placed
            else " (one figure is no cell: only without it do the groups add up)"
            if extra
            else ""
        )
        + ("" if (len(figures) == cells and broke) or placed else " (every group adds up, and no other reading does)"),
        kept[0].where,
    )


def _record_ends(records: list[Record]) -> set[int]:
    """The figures (by ``id``) that are the last of their record, right before the next label,
    in a record that prints more than one."""
    ends: set[int] = set()
    for record in records:
        printed = [t for t in record.values if t.value.kind is not CellKind.BLANK]
        if len(printed) > 1:
            ends.add(id(printed[-1]))
    return ends
