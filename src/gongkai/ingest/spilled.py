"""Table 三's last columns printed after table 四's heading (``pdftotext`` default mode).

Chromium prints a table whose rows are striped in blocks of columns, and ``pdftotext`` follows the
text flow: a page may give the first columns of table 三 block by block, then the heading and the
column headers of table 四 (行政复议 行政诉讼 其他 总计), and only then table 三's last columns
(其他, 总计), their figures under table 四's header words. Split by labels, those figures land in
table 四's part. ``spilled_columns`` hands them back to table 三 where they are exactly the figures
it lacks: whole columns of it, in one record right after table 四's header words. Whether they are
table 三's is for the arithmetic to confirm (``column_blocks.read_blocks`` takes an order of the
figures only where the rows add up).

A table split over pages may spill its last rows the same way: the second page's row labels come
first, then table 四's heading and header words, and only then that page's rows of table 三, one
line of figures each (a line as wide as table 三), among table 四's own figures. ``spilled_rows``
hands back the one run of consecutive full-width lines that numbers exactly the rows table 三
lacks, after table 三's other figures (they are its last rows).

And a page may print table 三's first figures before its header words, right after the sentence
that introduces the table (本年度共收到政府信息公开申请…件): split by labels, they stay with table
二. ``figures_ahead`` hands them back where the records after table 二's last labelled one name no
table and hold exactly the figures table 三 lacks, before table 三's other figures.
"""

from __future__ import annotations

from itertools import groupby

from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, names_a_table
from gongkai.ingest.spilled_blocks import spilled_blocks
from gongkai.report.templates import Template

_HEADER_RECORDS = 8  # records of table 四's heading and header words before its spilled figures


def _figures(record: Record) -> int:
    blank = CellKind.BLANK
    return len([t for t in record.values if t.value.kind is not blank])


def printed_figures(records: list[Record]) -> int:
    """The figures ``records`` print (blank cells not counted)."""
    blank = CellKind.BLANK
    return sum(1 for record in records for t in record.values if t.value.kind is not blank)


def spilled(
    template: Template, active: list[Record], requests: list[Record], appeals: list[Record]
) -> tuple[list[Record], list[Record]]:
    """The records of tables 三 and 四 with what table 三 spilled into table 四's part moved back:
    whole columns (``spilled_columns``), else whole rows (``spilled_rows``), else column blocks of its
    last rows (``spilled_blocks``); else its first
    figures printed ahead of it (``figures_ahead``)."""
    rows, width = len(template.request_rows), len(template.request_columns)
    # (the figures table 三 lacks, counted once: each of the four below would count them again)
    need = rows * width - printed_figures(requests)
    if need < min(rows, _MIN_SPILLED_ROWS * width, _MIN_AHEAD):
        return requests, appeals  # nothing lacking (the usual case): each of the three says so
    moved = spilled_columns(template, requests, appeals, need)
    if moved[0] is requests:
        moved = spilled_rows(template, requests, appeals, need)
    if moved[0] is requests:  # column blocks of its last rows among table 四's labels
        moved = spilled_blocks(template, requests, appeals, need)
    if moved[0] is requests:
        moved = figures_ahead(template, active, requests, need), appeals
    return moved


_MIN_AHEAD = 2  # one figure lacking may be a page number dropped, and a sentence may state one


def figures_ahead(
    template: Template, active: list[Record], requests: list[Record], need: int | None = None
) -> list[Record]:
    """The records of table 三 with its first figures moved back from the end of table 二's part,
    when the records there after table 二's last labelled one name no table (the sentence that
    introduces table 三) and hold exactly the figures table 三 lacks; else as they are."""
    rows, width = len(template.request_rows), len(template.request_columns)
    if need is None:
        need = rows * width - printed_figures(requests)
    if need < _MIN_AHEAD or need >= rows * width:
        return requests
    tail: list[Record] = []
    for record in reversed(active):
        if names_a_table(record):
            break
        tail.insert(0, record)
    if not tail or len(tail) == len(active) or sum(_figures(r) for r in tail) != need:
        return requests
    ahead = Record([], [t for r in tail for t in r.values], tail[0].table)
    return [ahead, *requests]


def spilled_columns(
    template: Template, requests: list[Record], appeals: list[Record], need: int | None = None
) -> tuple[list[Record], list[Record]]:
    """The records of tables 三 and 四 with table 三's spilled columns moved back, when the first
    record of table 四 that prints figures holds exactly the whole columns table 三 lacks; else
    both as they are."""
    rows, width = len(template.request_rows), len(template.request_columns)
    if need is None:
        need = rows * width - printed_figures(requests)
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


_MIN_SPILLED_ROWS = 2  # one line as wide as table 三 among table 四's figures may be a coincidence


def _line(token: Token) -> str:
    return " ".join(token.where.split(" ")[:2]) if token.where.startswith("line ") else ""


def _full_width_runs(record: Record, width: int) -> list[list[Token]]:
    """The runs of consecutive lines of ``record``'s figures that each print exactly ``width``
    figures (lines holding no figure — blank cells — neither count nor break a run)."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for line, tokens in groupby(record.values, key=_line):
        figures = [t for t in tokens if t.value.kind is not CellKind.BLANK]
        if not figures:
            continue
        if line and len(figures) == width:
            current.extend(figures)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return runs


def spilled_rows(
    template: Template, requests: list[Record], appeals: list[Record], need: int | None = None
) -> tuple[list[Record], list[Record]]:
    """The records of tables 三 and 四 with table 三's spilled last rows moved back, when table 四's
    part holds exactly one run of consecutive lines each as wide as table 三 and, together, exactly
    the rows table 三 lacks; else both as they are."""
    rows, width = len(template.request_rows), len(template.request_columns)
    if need is None:
        need = rows * width - printed_figures(requests)
    if need < _MIN_SPILLED_ROWS * width or need % width or need >= rows * width:
        return requests, appeals  # nothing lacking, or not whole rows
    found = [(i, run) for i, record in enumerate(appeals) for run in _full_width_runs(record, width)]
    if len(found) != 1 or len(found[0][1]) != need:
        return requests, appeals  # no such run, or which one is table 三's is not known
    i, run = found[0]
    taken = {id(t) for t in run}
    record = appeals[i]
    moved = Record([], run, record.table)
    kept = Record(list(record.labels), [t for t in record.values if id(t) not in taken], record.table)
    return [*requests, moved], [*appeals[:i], kept, *appeals[i + 1 :]]
