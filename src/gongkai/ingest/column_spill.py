"""Table 三 whose later rows print their first cells beside their labels and their other columns as
blocks after the table, even past table 四's heading (``pdftotext`` default mode, a phone page).

A 微信公众号 article printed at phone width lays table 三 out so that ``pdftotext`` gives its first
rows whole, ahead of their labels, right under the header (``963 334 467`` / ``0`` / ``36`` /
``0 180`` / ``0``: a wide 总计 wrapped, ``180`` over ``0``), then every later row's label with its
first ``k`` cells (``（二）部分公开… 126 47``), and only after the table's last row the other columns,
each a block of its own, one figure a line (``57`` / ``0`` / ``12`` …), or two columns side by side
(``0 231`` / ``0 0`` …, a wrapped 总计's tail alone on the next line): blocks that may come out
among table 四's cells, past its heading. The reading by labels gives the later rows ``k`` cells of
seven and the first rows none.

Gated: only where table 三 is not read whole adding up. The rows are read so only where that is
all the text says: the last rows of the template, at least ``_MIN_ROWS``, each named by a record
whose first figures are exactly ``k`` cells (the same ``k``); the rows before them named by no
record with figures of their own, their figures the run right before the first row's label, cut
row by row into seven cells (a 总计 whose sum the next figure does not make may be that figure and
the next one joined: a wrapped figure); after the last row's label, the blocks of figures (parted
by blank lines or labels) that have exactly one line per row (a lone figure after a line of
several joined to its last as a wrapped tail, at most ``_MAX_TAILS``) give, in printed order,
exactly the ``7 − k`` columns the rows lack. Every row must add up to its 总计 and the whole table
break none of table 三's equations (``report.equations``); the rows are then named in
``uncertain``. Linear in the records.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.interleaved_rows import _lines, _named_rows, take_row
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token
from gongkai.ingest.requests_now import requests_now
from gongkai.report.equations import requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_MIN_ROWS = 5  # rows whose other columns print as blocks, at least (a block of fewer lines is any run)
_MAX_TAILS = 2  # wrapped tails joined back in one block, at most

_ZH = (
    "表三前几行整行印在标签之前，其余各行只在标签旁印出前几栏，其他各栏在表后逐列成块印出（可能在表四标题之后）："
    "按块读取，各行合计与表内各勾稽关系均相符"
)
_EN = (
    "table 三's first rows print whole before their labels, its later rows only their first cells "
    "beside their labels and their other columns after the table as blocks, a column a block (perhaps "
    "past table 四's heading): read so, every row adding up and every equation of the table holding"
)

Cell = tuple[int, Token]  # a cell's value and the token it was read from (a wrapped figure: its head)


def _count(token: Token) -> int | None:
    """The token's whole count, None where it is no plain count."""
    amount = token.value.amount
    if token.value.kind is not CellKind.NUMBER or not isinstance(amount, int) or amount < 0:
        return None
    return amount


def _leads(record: Record) -> list[Token] | None:
    """The record's figures before its first blank (a row's cells beside its label); None where
    one of them is no count."""
    out: list[Token] = []
    for token in record.values:
        if token.value.kind is CellKind.BLANK:
            break
        if _count(token) is None:
            return None
        out.append(token)
    return out


def _head_rows(
    tokens: list[Token], rows: list[str], width: int, check: Callable[[Hashable], Callable[[tuple[int, ...]], bool]]
) -> list[list[Cell]] | None:
    """The first rows cut from the run of figures under the header, row by row, each adding up;
    a 总计 the next figure does not make may be it and the one after joined (a wrapped figure)."""
    out: list[list[Cell]] = []
    at = 0
    for key in rows:
        cells = tokens[at : at + width - 1]
        if len(cells) < width - 1:
            return None
        at += width - 1
        row: list[Cell] = [(_count(t) or 0, t) for t in cells]
        total = _total(tokens[at:], tuple(v for v, _ in row), check(key))
        if total is None:
            return None
        out.append([*row, (total[0], tokens[at])])
        at += total[1]
    return out if at == len(tokens) else None


def _total(
    rest: list[Token], parts: tuple[int, ...], adds_up: Callable[[tuple[int, ...]], bool]
) -> tuple[int, int] | None:
    """(the row's 总计, figures it took): the next figure, or it and the one after joined."""
    for take in (1, 2):
        joined = rest[:take]
        if len(joined) < take or any(not t.value.digits for t in joined):
            return None
        value = int("".join(t.value.digits for t in joined))
        if adds_up((*parts, value)):
            return value, take
    return None


def _block_columns(lines: list[list[Token]], rows: int) -> list[list[Cell]] | None:
    """A block's columns, where it has one line per row (wrapped tails joined back); else None."""
    width = max(len(line) for line in lines)
    joined: list[list[Cell]] = []
    tails = 0
    for line in lines:
        if len(line) == 1 and width > 1 and joined and len(joined[-1]) == width and len(lines) > rows:
            value, token = joined[-1][-1]
            if not line[0].value.digits or not token.value.digits or tails >= _MAX_TAILS:
                return None
            joined[-1][-1] = (int(f"{value}{line[0].value.digits}"), token)
            tails += 1
            continue
        if len(line) != width:
            return None
        joined.append([(_count(t) or 0, t) for t in line])
    if len(joined) != rows:
        return None
    return [[line[j] for line in joined] for j in range(width)]


def _blocks(stream: list[Token | None]) -> list[list[Token]]:
    """The runs of counts in ``stream`` (None: a label between), parted by blanks and labels."""
    blocks: list[list[Token]] = [[]]
    for token in stream:
        if token is None or token.value.kind is CellKind.BLANK or _count(token) is None:
            if blocks[-1]:
                blocks.append([])
            continue
        blocks[-1].append(token)
    return [b for b in blocks if b]


def read_column_spill(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Read table 三 laid out as the module says; ``records``: the records of tables 三 and 四, in order."""
    order = [row.key for row in template.request_rows]
    width = len(template.request_columns)
    bound = requests_bound(template.id)
    now = requests_now(template, report)
    current = now.table()
    if now.complete and all(len(v) == width for v in current.values()) and now.broken() == 0:
        return
    named: list[tuple[int, list[str], list[Token] | None]] = []  # records naming rows, their leads
    for i, record in enumerate(records):
        rows_named = _named_rows(template, record)
        if rows_named:
            named.append((i, rows_named, _leads(record)))
            if rows_named[-1] == order[-1]:
                break
    if not named or named[-1][1][-1] != order[-1] or not named[-1][2]:
        return
    first, last = named[0][0], named[-1][0]
    k = len(named[-1][2] or ())
    leads: dict[str, list[Token]] = {}
    start = len(order)
    for _, rows_named, found in reversed(named):
        if not found or len(found) != k or start == 0:
            break
        # the row's own label, or the one before it where its label wrapped unrecognised (（二）部分公开…)
        if order.index(rows_named[-1]) not in (start - 1, start - 2):
            return
        start -= 1
        leads[order[start]] = found
    run = order[start:]
    if not 0 < k < width - 1 or len(run) < _MIN_ROWS or any(r[2] for r in named if r[0] < named[-len(run)][0]):
        return
    head: list[list[Cell]] = []
    if start:
        before = next((r for r in reversed(records[:first]) if any(_count(t) is not None for t in r.values)), None)
        figures = [t for t in before.values if t.value.kind is not CellKind.BLANK] if before else []
        if not figures or any(_count(t) is None for t in figures):
            return
        found_head = _head_rows(figures, order[:start], width, bound.row_check)
        if found_head is None:
            return
        head = found_head
    stream: list[Token | None] = list(records[last].values[k:])
    for record in records[last + 1 :]:
        stream.append(None)
        stream.extend(record.values)
    columns: list[list[Cell]] = []
    for block in _blocks(stream):
        lines = _lines(block)
        found_columns = _block_columns(lines, len(run)) if lines and len(block) >= len(run) else None
        if found_columns:
            columns += found_columns
        if len(columns) >= width - k:
            break
    if len(columns) != width - k:
        return
    rows = dict(zip(order[:start], head, strict=True))
    for i, key in enumerate(run):
        rows[key] = [(_count(t) or 0, t) for t in leads[key]] + [column[i] for column in columns]
    table: dict[Hashable, tuple[int | None, ...]] = {key: tuple(v for v, _ in row) for key, row in rows.items()}
    if not all(bound.row_check(key)(values) for key, values in table.items()) or bound.broken(table):
        return
    for key in order:
        take_row(key, [v for v, _ in rows[key]], [t for _, t in rows[key]], report, evidence, _ZH, _EN)
