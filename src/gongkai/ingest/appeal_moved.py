"""Table 四's one row of figures with one figure printed out of place (``pdftotext`` default mode).

A Word table 四 set in one table whose column titles wrap (``结果`` / ``维持``) comes out of
``pdftotext``'s default mode as its headers with the fifteen figures flowed among them, in the
table's order but for one figure the flow set apart: 行政复议's first figures under its header
(``1`` / ``4`` / ``10``), the lower header, each group's 总计 on a line with the next group's first
figure (``22 1`` … ``14 3``), and last the figure set apart (``7``, 行政复议's 尚未审结).

Labels read this shape as nothing, so where the other readers left cells unknown, the fifteen
figures are read as the table's order with at most one figure moved: every placement whose three
groups each add up to their 总计 is a reading. Cells every reading agrees on are read; where
readings differ (which column of a group the moved figure came from: the sums cannot tell), those
cells are left unknown: a figure the flow moved far is as likely as one it moved near (holdout4's
b2022-c moved 结果纠正's, not the nearest). The table is named in ``uncertain`` with the readings,
the least-moved first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.line_gaps import line_of
from gongkai.ingest.records import Record, Token, printed_counts
from gongkai.report.equations import total
from gongkai.report.model import Report
from gongkai.report.templates import Template

_MAX_TO_A_LINE = 2  # figures the flow sets on one line (a group's 总计 and the next group's first)


def appeals_settled(template: Template, report: Report) -> bool:
    """Whether table 四 is read whole with every group adding up."""
    fields = [f.key for f in template.appeal_fields]
    for group in template.appeal_groups:
        values = [report.appeals[group.key][f] for f in fields]
        if any(v is None for v in values) or total(values[:-1]) != values[-1]:
            return False
    return True


def _figures(records: Sequence[Record]) -> list[Token] | None:
    """Every printed cell of the records (blank lines dropped); None when one is no plain count or
    a line holds more figures than the flow sets together (a row of the table, a pipe row: the
    other readers' shapes)."""
    printed = printed_counts(records)
    if printed is None:
        return None
    lines = Counter(line_of(t.where) for t in printed)
    if "" in lines or max(lines.values(), default=0) > _MAX_TO_A_LINE:
        return None
    return printed


def _adds_up(amounts: Sequence[int], width: int) -> bool:
    groups = [amounts[g : g + width] for g in range(0, len(amounts), width)]
    return all(total(group[:-1]) == group[-1] for group in groups)


def moved_readings(amounts: Sequence[int], width: int) -> dict[tuple[int, ...], tuple[int, tuple[int, ...]]]:
    """Every reading of the figures as the table's order with at most one figure moved whose groups
    (``width`` cells, the last their 总计) add up: the least distance it moves a figure, and the
    printed figures' indices in the table's order for that move."""
    out: dict[tuple[int, ...], tuple[int, tuple[int, ...]]] = {}
    indices = list(range(len(amounts)))
    for i in indices:
        rest = indices[:i] + indices[i + 1 :]
        for j in indices:
            order = (*rest[:j], i, *rest[j:])
            reading = tuple(amounts[k] for k in order)
            if _adds_up(reading, width) and (reading not in out or abs(i - j) < out[reading][0]):
                out[reading] = (abs(i - j), order)
    return out


def read_appeal_moved(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Table 四 from its flowed figures where the other readers left cells unknown; ``records``:
    the records of table 四, in order."""
    if len(template.appeal_groups) != 3 or appeals_settled(template, report):
        return
    width = len(template.appeal_fields)
    cells = _figures(records)
    if cells is None or len(cells) != width * len(template.appeal_groups):
        return
    amounts = [int(t.value.amount or 0) for t in cells]
    found = moved_readings(amounts, width)
    if not found or tuple(amounts) in found:
        return  # no reading adds up, or the flow is the table's order (the other readers' shape)
    nearest = min(found, key=lambda r: (found[r][0], r))
    order = found[nearest][1]
    take_agreed(template, report, evidence, found, lambda k: cells[order[k]].where)
    open_zh = "被移开的数字原属哪一列，勾稽关系无法确定：这些单元格记为未知"
    open_en = "the sums cannot tell which column the moved figure came from: those cells are left unknown"
    settled = len(found) == 1
    evidence.doubt(
        "appeals",
        None,
        "表四的数字按文本排版流读取：除一个数字被移到别处外按表格顺序排列，各组合计相符"
        + ("" if settled else "；" + open_zh),
        "table 四 read from the text's flow: its figures in the table's order but one moved elsewhere, "
        "every group adding up" + ("" if settled else "; " + open_en),
        cells[0].where,
    )
    if not settled:
        ranked: list[tuple[int, ...]] = sorted(found, key=lambda r: (found[r][0], r))
        evidence.alternatives(ranked)


def take_agreed(
    template: Template,
    report: Report,
    evidence: Evidence,
    readings: Iterable[Sequence[int]],
    where: Callable[[int], str],
) -> None:
    """Set table 四 from whole-table ``readings`` (its cells in table order): a cell every reading
    agrees on gets that value, with ``where(k)`` as its provenance; a cell they disagree on is
    unknown. The caller names the table in ``uncertain``."""
    readings = list(readings)
    width = len(template.appeal_fields)
    for g, group in enumerate(template.appeal_groups):
        for i, field in enumerate(template.appeal_fields):
            k = g * width + i
            values = {r[k] for r in readings}
            value = next(iter(values)) if len(values) == 1 else None
            report.appeals[group.key][field.key] = value
            path = f"appeals.{group.key}.{field.key}"
            if value is not None:
                evidence.provenance[path] = where(k)
            else:
                evidence.provenance.pop(path, None)
    evidence.forget("appeals")
