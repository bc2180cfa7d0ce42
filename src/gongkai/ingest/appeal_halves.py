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

``pdftotext -layout`` prints the same halves as lines: each half's column titles on a line, its
figures on the next, a blank cell as room. Which column a figure is in is where it stands, but a
line of titles and a line of figures are spaced on scales of their own (a title line of Chinese
is closed up, the figures' line is not): the figures' places are read on the titles' scale with
the line's start and the half's last figure (a 总计) as the common points, and also as printed.
A figure is in the column whose title is clearly nearest (``_CLEAR``), each column once, in order,
and every group adds up to its 总计; a half whose readings do not agree, or whose figures stand
where no column is clear, is not read (its cells stay unknown).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, cached_bare, printed_counts
from gongkai.report.model import Report
from gongkai.report.templates import Template


def flat_amount(token: Token) -> int:
    """A cell of table 四 printed in a flow: a dash (— or /) is 0."""
    return 0 if token.value.kind is CellKind.DASH else int(token.value.amount or 0)


def take_in_order(template: Template, cells: list[Token], report: Report, evidence: Evidence) -> bool:
    """Table 四 set from its 15 ``cells`` in the template's order, each with where it was printed;
    True when some cell was printed as a dash (read as 0, which the reading's note says)."""
    width = len(template.appeal_fields)
    for g, group in enumerate(template.appeal_groups):
        for i, field in enumerate(template.appeal_fields):
            report.appeals[group.key][field.key] = flat_amount(cells[g * width + i])
            evidence.provenance[f"appeals.{group.key}.{field.key}"] = cells[g * width + i].where
    evidence.forget("appeals")
    return any(t.value.kind is CellKind.DASH for t in cells)


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
    amounts = [flat_amount(t) for t in cells]
    groups = [amounts[g * width : (g + 1) * width] for g in range(len(template.appeal_groups))]
    broken = sum(sum(group[:-1]) != group[-1] for group in groups)
    if broken > 1:
        return  # groups that do not add up: the flow's order is not the table's
    dashed = take_in_order(template, cells, report, evidence)
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


_CLEAR = 0.6  # a figure's nearest title at most this share of the distance to the next nearest


def _laid_titles(record: Record, fields: list[set[str]]) -> list[tuple[int, float]] | None:
    """The record's column titles (field index, centre), every title a field's, each group's five
    in the template's order; None where one has no place or a title is out of order."""
    found = [(i, t.x) for t in record.labels for i, names in enumerate(fields) if cached_bare(t.text) in names]
    width = len(fields)
    if not found or len(found) % width or any(x is None for _, x in found):
        return None
    if [i for i, _ in found] != list(range(width)) * (len(found) // width):
        return None
    return [(i, float(x)) for i, x in found if x is not None]


def _placed(places: Sequence[float], titles: Sequence[float]) -> list[int] | None:
    """Each figure's title (index into ``titles``) where every figure has a clearly nearest one,
    each a title of its own, in order; None otherwise."""
    out: list[int] = []
    for x in places:
        ranked = sorted(range(len(titles)), key=lambda k: abs(titles[k] - x))
        near, next_near = abs(titles[ranked[0]] - x), abs(titles[ranked[1]] - x)
        if near > _CLEAR * next_near:
            return None
        out.append(ranked[0])
    return out if all(b > a for a, b in pairwise(out)) else None


def _laid_half(titles: list[tuple[int, float]], figures: list[Token], width: int) -> list[int] | None:
    """A half's cells (its groups' five each) from the figures on the line under its titles,
    where every way of reading their places (as printed; on the titles' scale, the last figure
    its 总计) agrees and each group adds up; None otherwise."""
    places = [t.x for t in figures]
    if not figures or any(x is None or x <= 0 for x in places):
        return None
    xs = [float(x) for x in places if x is not None]
    centres = [x for _, x in titles]
    totals = [k for k, (i, _) in enumerate(titles) if i == width - 1]
    scales = [1.0, *(xs[-1] / centres[k] for k in totals if centres[k] > 0)]
    found: list[list[int]] = []
    for scale in scales:
        columns = _placed([x / scale for x in xs], centres)
        if columns is None:
            continue
        cells = [0] * len(titles)
        for k, token in zip(columns, figures, strict=True):
            cells[k] = flat_amount(token)
        groups = [cells[g : g + width] for g in range(0, len(cells), width)]
        if all(sum(group[:-1]) == group[-1] for group in groups):
            found.append(cells)
    if not found or any(cells != found[0] for cells in found):
        return None
    return found[0]


def read_laid_halves(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Table 四's stacked half-tables from ``pdftotext -layout`` lines where the other readers
    left a group unknown: each half's titles, then its figures by where they stand."""
    if len(template.appeal_groups) != 3 or all(v is not None for g in report.appeals.values() for v in g.values()):
        return
    fields = [{cached_bare(label) for label in f.labels} for f in template.appeal_fields]
    width = len(fields)
    read: dict[int, tuple[list[int], list[Token]]] = {}  # first group index: the half's cells
    for record in records:
        titles = _laid_titles(record, fields)
        if titles is None or len(titles) // width not in (1, 2):
            continue
        first = 0 if len(titles) == width else 1
        figures = printed_counts([record])
        if figures is None or len(figures) != len(record.values) or first in read:
            continue
        cells = _laid_half(titles, figures, width)
        if cells is not None:
            read[first] = (cells, figures)
    placed: list[tuple[str, list[int], str]] = []  # group key, its cells, where its figures stand
    for first, (cells, figures) in read.items():
        for g in range(len(cells) // width):
            group = template.appeal_groups[first + g]
            if any(report.appeals[group.key][f.key] is not None for f in template.appeal_fields):
                continue
            for i, field in enumerate(template.appeal_fields):
                report.appeals[group.key][field.key] = cells[g * width + i]
            placed.append((group.key, cells[g * width : (g + 1) * width], figures[0].where))
    if not placed:
        return
    if all(v is not None for g in report.appeals.values() for v in g.values()):
        evidence.forget("appeals")  # the table's doubt (its cells unplaced) is answered
    for key, values, where in placed:
        evidence.forget(f"appeals.{key}")
        evidence.doubt(
            f"appeals.{key}",
            values,
            "表四分作上下两张表印出：数字按其所在位置（与栏目名同一比例）对应各栏，空白按 0 计，各组合计相符",
            "table 四 is set as two stacked half-tables: figures placed in the columns whose titles "
            "they stand under (on the titles' scale), blank cells read as 0; the group adds up",
            where,
        )
