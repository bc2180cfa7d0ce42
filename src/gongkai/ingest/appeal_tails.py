"""Table 四's flowed figures with wrapped tails printed after them (``pdftotext`` default mode).

Chromium's print of a narrow-celled table 四 wraps a full-width figure too wide for its cell
(``２０`` as ``２`` over ``０``); ``pdftotext`` gives the fifteen cells' heads in the table's order
(行政复议's first cells one to a line under its header, the rest on one line) and only then the
wrapped tails, each alone on its line, in the order of their heads: ``１０`` / ``６`` / ``１`` /
``３`` / ``２ １８ ２ ４ ２ ２ ３ ２ １ ４ １`` / ``０`` / ``６`` / ``０`` is 10 6 1 3 20, 18 2 4 2 26,
3 2 1 4 10.

Where the other readers left cells unknown or a group not adding up, each way of joining the
tails, in order, to distinct heads, in order, is a reading where every group adds up to its 总计
(``report.equations.total``). Cells every reading agrees on are read, the others left unknown
with the readings as alternatives; the table is named in ``uncertain``. Bounded: at most
``_MAX_TAILS`` tails (C(15, 5) joins).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence

from gongkai.ingest.appeal_moved import appeals_settled, take_agreed
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.line_gaps import line_of
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, printed_counts
from gongkai.report.equations import total
from gongkai.report.model import Report
from gongkai.report.templates import Template

_MAX_TAILS = 5  # wrapped tails after the heads (a wider wrap is no flow of this shape)
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def _adds_up(amounts: Sequence[int], width: int) -> bool:
    groups = [amounts[g : g + width] for g in range(0, len(amounts), width)]
    return all(total(group[:-1]) == group[-1] for group in groups)


def tail_readings(heads: Sequence[str], tails: Sequence[str], width: int) -> set[tuple[int, ...]]:
    """Every reading of ``heads`` (digits) with ``tails`` appended, in order, to distinct heads in
    order, whose groups of ``width`` cells add up to their last."""
    out: set[tuple[int, ...]] = set()
    for joined in itertools.combinations(range(len(heads)), len(tails)):
        if any(heads[h] == "0" for h in joined):
            continue  # a 0 wraps nothing
        digits = list(heads)
        for h, t in zip(joined, tails, strict=True):
            digits[h] += t
        reading = tuple(int(d) for d in digits)
        if _adds_up(reading, width):
            out.add(reading)
    return out


def read_appeal_tails(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Table 四 from its flowed heads and the wrapped tails after them (see the module) where the
    other readers left it unknown or not adding up; ``records``: table 四's records, in order."""
    if len(template.appeal_groups) != 3 or appeals_settled(template, report):
        return
    width = len(template.appeal_fields)
    printed = printed_counts(records)
    cells = width * len(template.appeal_groups)
    if printed is None or not 0 < len(printed) - cells <= _MAX_TAILS:
        return
    if any(t.value.kind is not CellKind.NUMBER for t in printed):
        return
    lines = Counter(line_of(t.where) for t in printed)
    if "" in lines or any(lines[line_of(t.where)] > 1 for t in printed[cells:]):
        return  # a wrapped tail stands alone on its line
    texts = [t.text.translate(_FULL_WIDTH).strip().lstrip("\x0c") for t in printed]
    if not all(text.isdigit() for text in texts):
        return
    found = tail_readings(texts[:cells], texts[cells:], width)
    if not found:
        return
    take_agreed(template, report, evidence, found, lambda k: printed[k].where)
    evidence.doubt(
        "appeals",
        None,
        "表四的数字按文本排版流读取：各格数字按表格顺序排列，折行数字的尾部印在其后，按序接回，各组合计相符"
        + ("" if len(found) == 1 else "；尾部接在哪一格，勾稽关系无法确定：这些单元格记为未知"),
        "table 四 read from the text's flow: its cells in the table's order, the tails of wrapped "
        "figures printed after them and joined back in order, every group adding up"
        + (
            ""
            if len(found) == 1
            else "; the sums cannot tell which cells some tails belong to: those cells are left unknown"
        ),
        printed[0].where,
    )
    if len(found) > 1:
        evidence.alternatives(sorted(found))
