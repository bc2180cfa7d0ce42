"""Table 四's flowed figures short of the zero dashes ``pdftotext`` swallowed (default mode).

``pdftotext`` joins a line ending in a hyphen to the next line of its block (``swallowed_dashes``):
a zero printed as ``-`` on a line of its own, followed by a figure's line, vanishes. Table 四's
fifteen cells, flowed in the table's order, then print fewer figures (``8 2 2 2`` / ``14 6`` / ``1``
/ ``3 10 8``: 直接起诉's 其他结果 dash gone into ``3``). Where the other readers left the table unknown
or not adding up, and the document prints its zeros as dashes, every way of putting the missing
zeros back, each before a printed figure, in which every group adds up to its 总计
(``report.equations.total``) is a reading; the cells every reading agrees on are read, the others
left unknown, the table named in ``uncertain``. Bounded: at most ``_MAX_MISSING`` zeros.
"""

from __future__ import annotations

import itertools

from gongkai.ingest.appeal_moved import take_agreed
from gongkai.ingest.appeal_tails import _adds_up, appeals_settled
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, printed_counts
from gongkai.report.model import Report
from gongkai.report.templates import Template

_MAX_MISSING = 3  # swallowed dashes put back (C(17, 3) placements at most)


def dash_readings(printed: list[int], cells: int, width: int) -> dict[tuple[int, ...], tuple[int, ...]]:
    """Every reading of ``printed`` with zeros put back before printed figures up to ``cells``
    cells whose groups of ``width`` add up, each with the printed figure each cell comes from (for a
    zero, the figure after it)."""
    missing = cells - len(printed)
    out: dict[tuple[int, ...], tuple[int, ...]] = {}
    for before in itertools.combinations_with_replacement(range(len(printed)), missing):
        reading: list[int] = []
        sources: list[int] = []
        zeros = list(before)
        for i, amount in enumerate(printed):
            while zeros and zeros[0] == i:
                zeros.pop(0)
                reading.append(0)
                sources.append(i)
            reading.append(amount)
            sources.append(i)
        if _adds_up(reading, width):
            out.setdefault(tuple(reading), tuple(sources))
    return out


def read_appeal_dashes(
    template: Template, records: list[Record], report: Report, evidence: Evidence, dashes: bool
) -> None:
    """Table 四 from its flow with swallowed zero dashes put back (see the module) where the other
    readers left it unknown or not adding up; ``dashes``: the document prints its zeros as dashes."""
    if not dashes or len(template.appeal_groups) != 3 or appeals_settled(template, report):
        return
    width = len(template.appeal_fields)
    cells = width * len(template.appeal_groups)
    printed = printed_counts(records)
    if printed is None or not 0 < cells - len(printed) <= _MAX_MISSING:
        return
    if any(t.value.kind not in (CellKind.NUMBER, CellKind.DASH) for t in printed):
        return
    amounts = [int(t.value.amount or 0) for t in printed]
    found = dash_readings(amounts, cells, width)
    if not found:
        return
    sources = next(iter(found.values()))
    take_agreed(template, report, evidence, found, lambda k: printed[sources[k]].where)
    evidence.doubt(
        "appeals",
        None,
        "表四的数字按文本排版流读取，为零的短横被 pdftotext 并入下一行而消失：按各组合计相符补回零"
        + ("" if len(found) == 1 else "；零补在哪一格，勾稽关系无法确定：这些单元格记为未知"),
        "table 四 read from the text's flow, its zero dashes joined by pdftotext to the next line and "
        "lost: zeros put back where every group adds up"
        + ("" if len(found) == 1 else "; where they go the arithmetic does not decide: those cells left unknown"),
        printed[0].where,
    )
