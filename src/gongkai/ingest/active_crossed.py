"""Table 二's figures read past table 三's heading: a doubt.

A text stream (pdftotext of a page print) can lose a row's figure in its own table and find the
next figure of the stream only after the heading of table 三 (``三、收到和处理政府信息公开申请情况``):
z2023-a of the seventh hold-out read 行政事业性收费's 79.63 as a lone 1 printed there, the figure
of another row. A table 二 row's figure printed after that heading, while its label stands before
it, is no figure the row can be sure of: named in ``uncertain`` (the value kept, as read).
"""

from __future__ import annotations

from gongkai.ingest.active_rows import ActiveRaw
from gongkai.ingest.document import Document, TextBlock
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import line_number
from gongkai.report.templates import TABLES_BY_KEY


def _heading_line(document: Document) -> int | None:
    """The line table 三's heading stands on, when a paragraph of its own prints it."""
    heading = TABLES_BY_KEY["requests"].heading
    for block in document.blocks:
        if isinstance(block, TextBlock) and block.text.strip() == heading and block.where.startswith("line "):
            tail = block.where[len("line ") :]
            return int(tail) if tail.isdigit() else None
    return None


def doubt_figures_past_table_three(document: Document, raw: dict[str, ActiveRaw], evidence: Evidence) -> None:
    """Name in ``uncertain`` each table 二 row read with a figure printed after table 三's heading."""
    if document.format != "text" or not raw:
        return  # the cheap gate: only lines of text carry line numbers to compare
    at = _heading_line(document)
    if at is None:
        return
    for key, found in raw.items():
        label = line_number(found.label)
        if label is None or label > at:
            continue
        past = [t for t in found.values if t.value.kind is not CellKind.BLANK and (line_number(t) or 0) > at]
        if past:
            evidence.doubt_more(
                f"active.{key}",
                f"“{found.label.text}”行的数字印在表三标题之后（{past[0].text}），未必属于本行",
                f"row {found.label.text}: a figure ({past[0].text}) is printed after table 三's heading, "
                "not surely its own",
                past[0].where,
            )
