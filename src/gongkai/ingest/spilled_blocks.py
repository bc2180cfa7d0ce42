"""Table 三's last column blocks printed among table 四's labels (``pdftotext`` default mode).

Where a page holds table 三's last rows and table 四 below them (附表2 ending on the page that
附表3 begins), chromium's print of 三's last rows may come out of ``pdftotext`` as the rows'
labels, then their figures a column at a time (one block of as many lines as there are rows,
blank lines between the blocks), and only some of those blocks before table 四's heading: the
others follow it, each after one of table 四's row labels and that label's own figure
(结果维持 / 17 / blank / 3 / 0 / 190 / 2 / blank / 尚未审结 …). Split by labels, they land in
table 四's part: table 三 lacks them and table 四 holds too many figures.

``spilled_blocks`` hands them back to table 三's last record where that is all the text says:
the blocks in table 四's part that follow a blank line of their record (not a label's own figure,
printed right under it) and have exactly as many lines as the last block of table 三 are together
exactly the figures table 三 lacks, and what stays in table 四's part is exactly one figure per
cell of table 四. Which row and column each figure is, is for the readers of blocks to find and
the arithmetic to confirm (``column_tail``, ``column_blocks``).
"""

from __future__ import annotations

from itertools import groupby

from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token
from gongkai.report.templates import Template

_MIN_LINES = 2  # a block of one line is any label's figure: no column of several rows


def _line(token: Token) -> str:
    return " ".join(token.where.split(" ")[:2]) if token.where.startswith("line ") else ""


def _runs(record: Record) -> list[tuple[Token | None, list[Token]]]:
    """The record's runs of figures between blank cells, each with the blank cell just before it
    (None for the run right after the record's labels)."""
    runs: list[tuple[Token | None, list[Token]]] = []
    blank: Token | None = None
    current: list[Token] = []
    for token in record.values:
        if token.value.kind is CellKind.BLANK:
            if current:
                runs.append((blank, current))
                current = []
            blank = token
            continue
        current.append(token)
    if current:
        runs.append((blank, current))
    return runs


def _lines(run: list[Token]) -> int | None:
    """How many lines a run of figures stands on, where each of them prints as many figures and
    every figure says its line; else None."""
    widths = []
    for line, tokens in groupby(run, key=_line):
        if not line:
            return None
        widths.append(len(list(tokens)))
    return len(widths) if len(set(widths)) == 1 else None


def _printed(records: list[Record]) -> int:
    return sum(1 for r in records for t in r.values if t.value.kind is not CellKind.BLANK)


def spilled_blocks(
    template: Template, requests: list[Record], appeals: list[Record], need: int | None = None
) -> tuple[list[Record], list[Record]]:
    """The records of tables 三 and 四 with table 三's column blocks moved back from table 四's
    part to table 三's last record, where they are exactly what table 三 lacks and table 四 keeps
    exactly its own cells; else both as they are."""
    rows, width = len(template.request_rows), len(template.request_columns)
    if need is None:  # (``spilled`` counts them once for the four)
        need = rows * width - _printed(requests)
    own = len(template.appeal_groups) * len(template.appeal_fields)
    if need <= 0 or not requests or _printed(appeals) - need != own:
        return requests, appeals  # table 四's part holds no more figures than its own cells
    last = next((i for i in range(len(requests) - 1, -1, -1) if _runs(requests[i])), None)
    if last is None:
        return requests, appeals
    lines = _lines(_runs(requests[last])[-1][1])
    if lines is None or lines < _MIN_LINES:
        return requests, appeals  # table 三 does not end in a block of several rows
    moved: list[Token] = []
    taken: set[int] = set()
    for record in appeals:
        for blank, run in _runs(record):
            if blank is not None and _lines(run) == lines:
                moved += [blank, *run]
                taken.update(id(t) for t in run)
    if len(taken) != need:
        return requests, appeals  # the blocks are not exactly what table 三 lacks
    end = requests[last]
    back = Record(list(end.labels), [*end.values, *moved], end.table, list(end.breaks))
    kept = [
        r
        if not any(id(t) in taken for t in r.values)
        else Record(list(r.labels), [t for t in r.values if id(t) not in taken], r.table, list(r.breaks))
        for r in appeals
    ]
    return [*requests[:last], back, *requests[last + 1 :]], kept
