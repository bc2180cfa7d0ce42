"""Table 三's last columns printed after table 四's heading (``pdftotext`` default mode).

Chromium prints a table whose rows are striped in blocks of columns, and ``pdftotext`` follows the
text flow: a page may give the first columns of table 三 block by block, then the heading and the
column headers of table 四 (行政复议 行政诉讼 其他 总计), and only then table 三's last columns
(其他, 总计), their figures under table 四's header words. Split by labels, those figures land in
table 四's part. ``spilled_columns`` hands them back to table 三 where they are exactly the figures
it lacks: whole columns of it, in one record right after table 四's header words. Whether they are
table 三's is for the arithmetic to confirm (``column_blocks.read_blocks`` takes an order of the
figures only where the rows add up).
"""

from __future__ import annotations

from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record
from gongkai.report.templates import Template

_HEADER_RECORDS = 8  # records of table 四's heading and header words before its spilled figures


def _figures(record: Record) -> int:
    return sum(1 for t in record.values if t.value.kind is not CellKind.BLANK)


def spilled_columns(
    template: Template, requests: list[Record], appeals: list[Record]
) -> tuple[list[Record], list[Record]]:
    """The records of tables 三 and 四 with table 三's spilled columns moved back, when the first
    record of table 四 that prints figures holds exactly the whole columns table 三 lacks; else
    both as they are."""
    rows, width = len(template.request_rows), len(template.request_columns)
    need = rows * width - sum(_figures(r) for r in requests)
    if need < rows or need % rows or need >= rows * width:
        return requests, appeals  # nothing lacking, or not whole columns
    for i, record in enumerate(appeals[:_HEADER_RECORDS]):
        count = _figures(record)
        if not count:
            continue
        if count != need:
            break
        moved = Record([], list(record.values), record.table)
        kept = Record(list(record.labels), [], record.table)
        return [*requests, moved], [*appeals[:i], kept, *appeals[i + 1 :]]
    return requests, appeals
