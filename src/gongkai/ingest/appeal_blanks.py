"""Table 四 whose zero cells are printed blank, read from the few figures ``pdftotext`` keeps.

A table that leaves its zeros blank (a township's Word table: 行政复议 1 件, 行政诉讼 2 件) loses
every blank in ``pdftotext``'s flow: table 四 comes out as its labels and a handful of figures
(``1`` ``1`` / ``1`` ``1`` ``2``), in printed order, nothing saying which cells they stood in. The
figures still go in order into the fifteen cells (groups in the template's order, each group's
results then its 总计), every other cell 0, and only some placings keep each group's results adding
up to its 总计 and the totals the prose states (本年度发生政府信息公开行政复议1件，行政诉讼2件);
each placing is tried (at most C(15, k), a few thousand). Cells every such placing gives one value
are read; cells they disagree on (which of 维持 / 纠正 … holds the 1) stay unknown, with their
values as the alternatives in ``uncertain``. Gate: the labels left table 四 unread, every figure
printed is a positive count (a table printing its zeros leaves no blanks to place) and the prose
states a total of table 四 (a check the placing must pass besides the sums).
"""

from __future__ import annotations

from itertools import combinations

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.records import Record, printed_counts
from gongkai.ingest.stated import STATED_TOTALS
from gongkai.report.equations import appeals_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_MAX_FIGURES = 10  # figures placed at most (C(15, 10) = 3003 placings)


def read_appeal_blanks(
    template: Template, records: list[Record], report: Report, evidence: Evidence, stated: dict[str, int]
) -> None:
    """Table 四 from its printed figures placed among blank cells (see the module); ``stated``: the
    prose's totals (``stated_figures``)."""
    groups = [g.key for g in template.appeal_groups]
    fields = [f.key for f in template.appeal_fields]
    if any(v is not None for cells in report.appeals.values() for v in cells.values()):
        return  # the labels (or a reader before) read table 四
    checks = [
        (cells, stated[key]) for key, cells in STATED_TOTALS.items() if key.startswith("appeals.") and key in stated
    ]
    if not checks:
        return  # no total of the prose to check a placing against
    figures = printed_counts(records)
    if not figures or len(figures) > _MAX_FIGURES or any(not t.value.amount for t in figures):
        return
    width, size = len(fields), len(groups) * len(fields)
    places = {(g, f): i * width + j for i, g in enumerate(groups) for j, f in enumerate(fields)}
    if any((c.row, str(c.column)) not in places for cells, _ in checks for c in cells):
        return
    sums = [([places[(c.row, str(c.column))] for c in cells], total) for cells, total in checks]
    bound = appeals_bound(template.id, tuple(groups), tuple(fields), True)
    amounts = [int(t.value.amount or 0) for t in figures]
    found: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    for slots in combinations(range(size), len(amounts)):
        values = [0] * size
        for slot, amount in zip(slots, amounts, strict=True):
            values[slot] = amount
        if any(sum(values[at] for at in slots_of) != total for slots_of, total in sums):
            continue
        if bound.broken({"all": tuple(values)}) == 0:
            found.append((tuple(values), slots))
    if not found:
        return
    where = figures[0].where
    for (group, field), at in places.items():
        readings = sorted({values[at] for values, _ in found})
        cell = f"appeals.{group}.{field}"
        if len(readings) == 1:
            report.appeals[group][field] = readings[0]
            sources = {slots.index(at) for _, slots in found if at in slots}
            if len(sources) == 1:
                evidence.provenance[cell] = figures[sources.pop()].where
        else:
            evidence.undecided(
                cell,
                readings,
                zh="表四的空白（零）单元格在文本中消失，印出的数字可放入不同的单元格，各组合计与正文所述总数均相符：{readings}",
                en="table 四's blank (zero) cells vanished from the text: its printed figures fit several cells, "
                "every group adding up and the prose's totals kept: {readings}",
                where=where,
            )
    evidence.doubt(
        "appeals",
        None,
        "表四的零以空白印出，文本中只剩非零数字：按印刷顺序放入各单元格，取各组合计与正文所述总数均相符的读法",
        "table 四 prints its zeros blank and the text keeps only its other figures: placed in printed order, "
        "the placings in which every group adds up and the prose's totals hold",
        where,
    )
