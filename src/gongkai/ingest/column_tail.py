"""The last rows of table 三 whose labels ``pdftotext`` (default mode) printed together, their
figures after them column by column, each column a block of its own.

Where the rows at the foot of a page have tall label cells (（五）不予处理's last items, （六）其他处理,
（七）总计, 四、结转下年度继续办理), ``pdftotext`` may print all those labels one after another and
then the rows' figures a column at a time: the 自然人 cells of the rows, one a line, then a blank
line, the 商业企业 cells, … (``0`` / ``0`` / ``0`` / ``7`` / ``0``, blank, ``0`` / ``0`` …); the
last columns may come out side by side, a row a line (``0 0`` / ``0 7``). One record then holds
the labels of several rows and all their figures, and the reading by labels reads none of them.

The blocks keep the rows' order: the ``j``-th line of every block is the ``j``-th row's. The rows
are read so only where that is all the text says: the labels name consecutive rows of the table
(a wrapped label between them not recognised counts as the row between), none of them read by its
label, the figures stand in blocks parted by blank lines, every block as many lines as there are
rows, and each row gathers its seven cells; every row then adds up to its 总计 and the table breaks
no more of its equations than before. The rows are named in ``uncertain``.
"""

from __future__ import annotations

from collections.abc import Hashable
from itertools import pairwise

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.interleaved_rows import _lines, _named_rows, take_row
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token
from gongkai.report.equations import requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template


def _blocks(values: list[Token]) -> list[list[list[Token]]] | None:
    """The record's figures cut into blocks at its blank lines, each block into its lines; None
    when a figure is no count or no line says where it stood."""
    blocks: list[list[Token]] = [[]]
    for token in values:
        if token.value.kind is CellKind.BLANK:
            if blocks[-1]:
                blocks.append([])
            continue
        if token.value.kind is not CellKind.NUMBER or not isinstance(token.value.amount, int):
            return None
        blocks[-1].append(token)
    out: list[list[list[Token]]] = []
    for block in blocks:
        if not block:
            continue
        lines = _lines(block)
        if lines is None:
            return None
        out.append(lines)
    return out


def _unread_pair(order: list[str], report: Report) -> bool:
    """Whether two consecutive rows of ``order`` are wholly unread (the gate of ``read_column_tail``)."""
    unread = [all(v is None for v in report.requests[key]) for key in order]
    return any(a and b for a, b in pairwise(unread))


def read_column_tail(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Read consecutive unread rows of table 三 whose labels stand together and whose figures
    follow them column by column in blocks; ``records``: the records of table 三, in order."""
    width = len(template.request_columns)
    order = [row.key for row in template.request_rows]
    bound = requests_bound(template.id)
    if not _unread_pair(order, report):
        return  # every run it reads is two rows or more the labels left wholly unread
    for record in records:
        named = _named_rows(template, record)
        if len(named) < 2:
            continue
        at = [order.index(key) for key in named]
        if at != sorted(set(at)):
            continue  # labels out of the table's order: not one run of rows
        rows = order[at[0] : at[-1] + 1]
        if any(v is not None for key in rows for v in report.requests[key]):
            continue  # a row the labels read: not this case
        blocks = _blocks(record.values)
        if blocks is None or len(blocks) < 2 or any(len(block) != len(rows) for block in blocks):
            continue
        cells = [[t for block in blocks for t in block[j]] for j in range(len(rows))]
        if any(len(row) != width for row in cells):
            continue
        values = [tuple(int(t.value.amount or 0) for t in row) for row in cells]
        if not all(bound.row_check(key)(v) for key, v in zip(rows, values, strict=True)):
            continue  # a row that does not add up: the blocks are not the columns
        current: dict[Hashable, tuple[int | None, ...]] = {k: tuple(v) for k, v in report.requests.items()}
        read: dict[Hashable, tuple[int | None, ...]] = dict(current)
        read.update(zip(rows, values, strict=True))
        if bound.broken(read) > bound.broken(current):
            continue
        for key, row_values, tokens in zip(rows, values, cells, strict=True):
            take_row(
                key,
                row_values,
                tokens,
                report,
                evidence,
                "数行的标签连续印出，其数字随后按列分块印出（每列一块，每块一行一格）：按块内行序分行读取",
                "the rows' labels were printed together and their figures after them column by column, "
                "a block a column: each block's lines read as the rows in order",
            )
