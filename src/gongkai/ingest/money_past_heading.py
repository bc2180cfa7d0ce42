"""Table 二's last row, one money cell, printed past table 三's heading (``pdftotext`` default).

A PDF library's table 二 whose last row is one money column (2021's 行政事业性收费, 本年收费金额
in 万元) can come out of ``pdftotext``'s default mode with that row's label standing alone and its
figure only after the heading of table 三 and the sentence under it, on a line of its own before
table 三's header (``行政事业性收费`` / ``三、收到和处理政府信息公开申请情况`` / ``本年度共收到…`` /
``153.83`` / ``申请人情况``). The reading by labels finds no figure for the row and reads it 0.

Gated: the text's lines only; the template's last table 二 row one money field; that row read 0
only because no figure followed its label (``BLANK_ROW_EN``); between table 三's heading and its
first label nothing but sentences and exactly one figure, and that figure a money amount with
decimals (no count of table 三 has them: ``active_crossed`` shows a lone whole figure there may be
another row's). The figure is read as the row's, named in ``uncertain``.
"""

from __future__ import annotations

import re

from gongkai.ingest.active import BLANK_ROW_EN
from gongkai.ingest.document import Document, TableBlock, TextBlock
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind, parse_cell, scale_money
from gongkai.report.model import Report
from gongkai.report.templates import TABLES_BY_KEY, Kind, Template

_DECIMAL = re.compile(r"\d{1,9}\.\d{1,2}")
_SENTENCE = re.compile(r"[，。：；]$|件")  # prose under a heading (…具体情况如下：)
_LOOK = 12  # cells after the heading looked at (a sentence, blank lines, the figure)


def _lone_figure(document: Document) -> tuple[str, str] | None:
    """(text, where) of the one figure between table 三's heading and its first label, where
    everything else there is blank or a sentence; None otherwise."""
    heading = TABLES_BY_KEY["requests"].heading
    blocks = document.blocks
    at = next(
        (k for k, b in enumerate(blocks) if isinstance(b, TextBlock) and b.text.strip() == heading),
        None,
    )
    if at is None:
        return None
    cells = []
    for block in blocks[at + 1 : at + 4]:
        if isinstance(block, TextBlock):
            cells.append((block.text.strip(), block.where))
            continue
        if isinstance(block, TableBlock) and block.rows:
            cells += [(c.text.strip(), c.where) for c in block.rows[0]]
        break
    figures = []
    for text, where in cells[:_LOOK]:
        if not text or _SENTENCE.search(text):
            continue
        if parse_cell(text).kind is not CellKind.NUMBER:
            break  # the table's first label: the figure must stand before it
        figures.append((text, where))
    return figures[0] if len(figures) == 1 and _DECIMAL.fullmatch(figures[0][0]) else None


def read_money_past_heading(template: Template, document: Document, report: Report, evidence: Evidence) -> None:
    """Read the last table 二 row's one money cell from a lone decimal figure past table 三's heading."""
    if document.format != "text" or not template.active_rows:
        return
    row = template.active_rows[-1]
    if len(row.fields) != 1 or row.fields[0].kind is not Kind.MONEY:
        return
    cell = f"active.{row.key}"
    guessed = [u for u in evidence.uncertain if u.cell == cell and u.reason_en.endswith(BLANK_ROW_EN)]
    name = row.fields[0].key
    if not guessed or report.active.get(row.key, {}).get(name) != 0:
        return
    found = _lone_figure(document)
    if found is None:
        return
    text, where = found
    parsed = parse_cell(text)
    if parsed.amount is None:
        return
    value = report.active[row.key][name] = scale_money(parsed.amount, parsed.unit, row.fields[0].unit or "元")
    evidence.uncertain[:] = [u for u in evidence.uncertain if u not in guessed]
    path = f"{cell}.{name}"
    evidence.provenance[path] = where
    evidence.doubt(
        path,
        value,
        f"“{row.label}”行未印数字，其金额（{text}）印在表三标题之后、表头之前，按本行读入",
        f"row {row.label} prints no figure; its amount ({text}) is printed after table 三's heading, "
        "before its header: read as the row's",
        where,
    )
