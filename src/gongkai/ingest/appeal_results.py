"""Table 四 set as two tables whose rows are the results, read from ``pdftotext``'s default flow.

A page may set table 四 turned: （一）行政复议情况, a table of one column (行政复议) whose rows are the
results (结果维持 … 总计), and beside it （二）行政诉讼情况, a table of two columns (未经复议直接起诉,
复议后起诉) with the same rows. ``pdftotext`` in its default mode prints the two tables' rows in
turn, each result title followed by its figures: one after the upper table's title, two after the
other's (``结果维持`` / ``66`` / ``未经复议直接起诉`` ``复议后起诉`` / ``结果纠正`` / ``25`` /
``结果维持`` / ``34`` / ``48`` …).

Labels read a title with one or two figures as no row of 四, so where the other readers left cells
unknown, the flow is read so when that is all it says: every record of table 四's part that prints
figures is one result title and one or two figures; each result, in the template's order, once
with one figure (行政复议's) and once with two (未经复议直接起诉's, then 复议后起诉's, as their titles
are printed); and every group adds up to its 总计. Said in ``uncertain``.
"""

from __future__ import annotations

from gongkai.ingest.appeal_halves import flat_amount, take_in_order
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.records import Record, Token, cached_bare, printed_counts
from gongkai.report.model import Report
from gongkai.report.templates import Template


def _litigation_titled(template: Template, records: list[Record]) -> bool:
    """Whether a record names the two litigation groups, 未经复议直接起诉 before 复议后起诉."""
    names = [cached_bare(g.label) for g in template.appeal_groups[1:]]
    for record in records:
        bare = [cached_bare(t.text) for t in record.labels]
        if all(name in bare for name in names) and [bare.index(name) for name in names] == sorted(
            bare.index(name) for name in names
        ):
            return True
    return False


def _results(template: Template, records: list[Record]) -> list[Token] | None:
    """The fifteen cells in the template's order (行政复议's five, then each litigation group's),
    or None where the flow is not of this shape."""
    fields = [{cached_bare(label) for label in f.labels} for f in template.appeal_fields]
    review: list[Token] = []
    litigation: list[list[Token]] = []
    for record in records:
        figures = printed_counts([record])
        if figures is None:
            return None
        if not figures:
            continue
        titles = [i for t in record.labels for i, names in enumerate(fields) if cached_bare(t.text) in names]
        if len(titles) != 1:
            return None  # figures under no result title, or under several: a table of columns
        if len(figures) == 1 and titles[0] == len(review):
            review.append(figures[0])
        elif len(figures) == 2 and titles[0] == len(litigation):
            litigation.append(figures)
        else:
            return None  # a title out of the template's order, twice, or with other figures
    if len(review) != len(fields) or len(litigation) != len(fields):
        return None
    return review + [pair[0] for pair in litigation] + [pair[1] for pair in litigation]


def read_appeal_results(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Table 四 from its two tables of results where the other readers left cells unknown;
    ``records``: the records of table 四, in order."""
    if len(template.appeal_groups) != 3 or all(v is not None for g in report.appeals.values() for v in g.values()):
        return
    cells = _results(template, records)
    if cells is None or not _litigation_titled(template, records):
        return
    width = len(template.appeal_fields)
    amounts = [flat_amount(t) for t in cells]
    groups = [amounts[g * width : (g + 1) * width] for g in range(len(template.appeal_groups))]
    if any(sum(group[:-1]) != group[-1] for group in groups):
        return  # a group that does not add up: the flow's order is not the table's
    dashed = take_in_order(template, cells, report, evidence)
    review, direct, after = (group.label for group in template.appeal_groups)
    litigation = template.appeal_groups[1].parent
    evidence.doubt(
        "appeals",
        None,
        f"表四分作两张以结果为行的表印出（{review}一列，{litigation}两列），文本中每个结果名后紧跟其数字："
        f"后跟一个数字的为{review}，后跟两个数字的为{direct}、{after}；各组合计相符"
        + ("（印作“—”或“/”的单元格按 0 计）" if dashed else ""),
        f"table 四 is set as two tables whose rows are the results ({review} one column, {litigation} two), "
        f"their text printing each result title before its figures: one figure is {review}'s, two are "
        f"{direct}'s and {after}'s; every group adds up" + (" (cells printed — or / read as 0)" if dashed else ""),
        cells[0].where,
    )
