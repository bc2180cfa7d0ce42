"""Table 四 set as two stacked half-tables, read from ``pdftotext``'s default flow.

A page may set table 四 as two tables one over the other: 行政复议's five columns with a row of
figures under them, then 行政诉讼 with its two groups of five. ``pdftotext`` in its default mode
prints the upper half a cell at a time, each column title followed by its figure (``结果维持`` /
``152`` / ``结果纠正`` / ``37`` …), with whatever else the page flows in between (group titles,
the unit, the columns of table 三 cut off at the page's foot); and the lower half as its header
on one line (ten column titles) and its ten figures after it, a line each or a few to a line.

Labels read this shape as nothing (a title with one figure is no row of 四), so where the other
readers left cells unknown, the half-tables are read so: each of the upper half's titles, in the
template's order and each once, takes the first figure after it when that figure comes before
any other label; the lower half's header takes the ten figures after it when they are all it
holds. Taken only when every group but one adds up to its 总计 (a report contradicting itself in
one group is read as printed, its findings say so); said in ``uncertain`` (a reading of the flow,
a cell printed ``—`` or ``/`` read as 0, a group not adding up).
"""

from __future__ import annotations

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, cached_bare, printed_counts
from gongkai.report.model import Report
from gongkai.report.templates import Template


def _amount(token: Token) -> int:
    return 0 if token.value.kind is CellKind.DASH else int(token.value.amount or 0)


def _halves(template: Template, records: list[Record]) -> list[Token] | None:
    """The fifteen cells in the template's order, or None where the flow is not of this shape."""
    fields = [{cached_bare(label) for label in f.labels} for f in template.appeal_fields]
    width = len(fields)
    upper: list[Token] = []
    for record in records:
        titles = [i for t in record.labels for i, names in enumerate(fields) if cached_bare(t.text) in names]
        figures = printed_counts([record])
        if len(titles) == width * (len(template.appeal_groups) - 1):
            # the lower half's header: its column titles in order, then its figures alone
            if len(upper) != width or titles != list(range(width)) * (len(template.appeal_groups) - 1):
                return None
            if figures is None or len(figures) != len(titles):
                return None
            return upper + figures
        if not titles:
            continue
        if titles != [len(upper)] or not figures:
            return None  # a title out of the template's order, twice, or without its figure
        upper.append(figures[0])
    return None


def read_appeal_halves(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Table 四 from its stacked half-tables where the other readers left cells unknown;
    ``records``: the records of table 四, in order."""
    if len(template.appeal_groups) != 3 or all(v is not None for g in report.appeals.values() for v in g.values()):
        return
    cells = _halves(template, records)
    if cells is None:
        return
    width = len(template.appeal_fields)
    amounts = [_amount(t) for t in cells]
    groups = [amounts[g * width : (g + 1) * width] for g in range(len(template.appeal_groups))]
    broken = sum(sum(group[:-1]) != group[-1] for group in groups)
    if broken > 1:
        return  # groups that do not add up: the flow's order is not the table's
    for g, group in enumerate(template.appeal_groups):
        for i, field in enumerate(template.appeal_fields):
            report.appeals[group.key][field.key] = amounts[g * width + i]
            evidence.provenance[f"appeals.{group.key}.{field.key}"] = cells[g * width + i].where
    evidence.forget("appeals")
    dashed = any(t.value.kind is CellKind.DASH for t in cells)
    sums_zh = "有一组合计不符，按印出的数字读入" if broken else "各组合计相符"
    sums_en = "one group does not add up, read as printed" if broken else "every group adds up"
    evidence.doubt(
        "appeals",
        None,
        "表四分作上下两张表印出，文本中每个栏目名后紧跟其数字：上表按各栏目名后的第一个数字、下表按其表头后的十个数字读取，"
        + sums_zh
        + ("（印作“—”或“/”的单元格按 0 计）" if dashed else ""),
        "table 四 is set as two stacked half-tables whose text prints each column title before its figure: "
        "the upper half read from the first figure after each title, the lower from the ten figures after its "
        f"header; {sums_en}" + (" (cells printed — or / read as 0)" if dashed else ""),
        cells[0].where,
    )
