"""Two rows of table 三 whose figures ``pdftotext`` (default mode) printed line by line in turn.

Where two rows of table 三 stand at the foot of a page and their label cells are tall (（七）总计,
四、结转下年度继续办理), ``pdftotext`` prints both labels together and then the two rows' figures,
a few cells at a time, taking a line of one row, then a line of the other (``15,846 1,096`` /
``1,659 53`` / ``732 2,822`` / ``51 51`` …). A row beside a tall group heading (（五）不予处理)
may print its figures right after the row above's, its own label only after them (``2.重复申请``,
both rows' figures, ``（五）不 3.要求提供公开出版物``). Either way one label names the figures of
two rows at once and the reading by labels reads neither row.

Each line of figures is one row's, and each row's lines keep their order; which row a line is
is not printed. Every split of the lines into the two rows that gives each row its seven cells,
each cell of the upper row printed before the cell under it (``pdftotext`` prints a block after
the blocks above it in its column), is a reading; the statutory arithmetic chooses (each row's
总计 the sum of its other cells, and the table's equations with its other rows as read). The
reading is taken only where exactly one split holds, and both rows are named in ``uncertain``. The
same split is tried where both rows were read (in printed order, seven to a row) but neither adds up.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from itertools import combinations

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, cached_key
from gongkai.ingest.request_labels import printed_rows
from gongkai.report.equations import requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_LINES = 16  # lines of figures at most (2^16 splits)
_LINE = re.compile(r"line (\d+)")


def _lines(figures: list[Token]) -> list[list[Token]] | None:
    """The figures cut into the lines they were printed on; None when a figure has no line."""
    lines: list[list[Token]] = []
    last = None
    for token in figures:
        match = _LINE.match(token.where or "")
        if match is None:
            return None
        if match.group(1) != last:
            lines.append([])
            last = match.group(1)
        lines[-1].append(token)
    return lines


def _named_rows(template: Template, record: Record) -> list[str]:
    """The rows of ``template`` the record's labels (or their space-separated parts: a group
    heading beside an item, ``（五）不 3.要求提供公开出版物``) name whole, in printed order."""
    named = printed_rows()
    keys = template.requests_by_key  # (the template's own, not a set made again for every record)
    found: list[str] = []
    for token in record.labels:
        key = named.get(cached_key(token.text))
        if key is None:
            parts = [named.get(cached_key(part)) for part in token.text.split()]
            key = next((k for k in reversed(parts) if k is not None), None)
        if key is not None and key in keys:
            found.append(key)
    return found


def _pair(template: Template, records: list[Record], i: int) -> tuple[str, str] | None:
    """The two consecutive rows whose figures record ``i`` may hold: the last two its labels
    name; or the one it names and the next, named by the next record (its label printed after
    the figures, as a tall label cell comes out below the rows beside it)."""
    order = [row.key for row in template.request_rows]
    rows = _named_rows(template, records[i])
    if len(rows) >= 2:
        first, second = rows[-2:]
    elif len(rows) == 1 and i + 1 < len(records) and rows[0] != order[-1]:
        first, second = rows[0], order[order.index(rows[0]) + 1]
        if second not in _named_rows(template, records[i + 1]):
            return None
    else:
        return None
    return (first, second) if order.index(second) == order.index(first) + 1 else None


# A cell printed — is a printed 0 (a table printing its zeros so): a count like any other here.
_COUNTS = (CellKind.NUMBER, CellKind.DASH)


def _unread(template: Template, records: list[Record], i: int, key: str, report: Report) -> bool:
    """Whether the second row of record ``i``'s pair is unread: unknown, or read as zeros from its
    own label printing no figure (the next record names it first and prints only the rows' figures
    after it: its own are record ``i``'s, printed ahead of its wrapped label)."""
    if all(v is None for v in report.requests[key]):
        return True
    if i + 1 >= len(records) or any(v != 0 for v in report.requests[key]):
        return False
    after = records[i + 1]
    printed = [t for t in after.values if t.value.kind is not CellKind.BLANK]
    named = _named_rows(template, after)
    return named[:1] == [key] and len(printed) == len(template.request_columns) * (len(named) - 1)


def read_interleaved_rows(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Read two consecutive unread rows of table 三 from figures printed a line of each in turn;
    ``records``: the records of table 三, in order."""
    width = len(template.request_columns)
    bound = requests_bound(template.id)
    for i, record in enumerate(records):
        if len(record.values) < 2 * width:
            continue  # fewer cells than two rows' figures (most records: a row's or less)
        figures = [t for t in record.values if t.value.kind is not CellKind.BLANK]
        if len(figures) != 2 * width or any(t.value.kind not in _COUNTS for t in figures):
            continue
        pair = _pair(template, records, i)
        if pair is None:
            continue
        first, second = pair
        # A pair read another way (seven to a row in printed order) that breaks both rows' own sums
        # is no reading either: its lines are split as if unread.
        misread = all(not bound.row_check(key)(report.requests[key]) for key in pair)
        if not misread and (
            any(v is not None for v in report.requests[first]) or not _unread(template, records, i, second, report)
        ):
            continue  # a row the labels read: not this case
        lines = _lines(figures)
        if lines is None or len(lines) > _LINES:
            continue
        place = {id(t): i for i, t in enumerate(figures)}

        def at(token: Token, place: dict[int, int] = place) -> int:
            return place[id(token)]

        current: dict[Hashable, tuple[int | None, ...]] = {
            key: tuple(values) for key, values in report.requests.items()
        }
        before = bound.broken(current)
        readings: dict[tuple[tuple[int, ...], tuple[int, ...]], tuple[list[Token], list[Token]]] = {}
        for size in range(1, len(lines)):
            for chosen in combinations(range(len(lines)), size):
                a = [t for i in chosen for t in lines[i]]
                b = [t for i, line in enumerate(lines) if i not in chosen for t in line]
                if len(a) != width or any(at(x) > at(y) for x, y in zip(a, b, strict=True)):
                    continue  # a cell printed after the one under it: no order pdftotext keeps
                va = tuple(int(t.value.amount or 0) for t in a)
                vb = tuple(int(t.value.amount or 0) for t in b)
                if not (bound.row_check(first)(va) and bound.row_check(second)(vb)):
                    continue
                if bound.broken({**current, first: va, second: vb}) > before:
                    continue
                readings[(va, vb)] = (a, b)
        if len(readings) != 1:
            continue  # no split adds up, or more than one does: the arithmetic cannot tell
        ((va, vb), (a, b)) = next(iter(readings.items()))
        # the second row read as zeros from its label printing none: that reading's notes go
        evidence.uncertain[:] = [u for u in evidence.uncertain if u.cell != f"requests.{second}"]
        for key, values, tokens in ((first, va, a), (second, vb, b)):
            take_row(
                key,
                values,
                tokens,
                report,
                evidence,
                "两行的数字按行交替印出（标签在前）：按每行合计及表三勾稽关系分行读取",
                "the two rows' figures were printed a line of each in turn after both labels: "
                "split into rows by each row's 总计 and table 三's equations",
            )


def take_row(
    key: str, values: Sequence[int], tokens: Sequence[Token], report: Report, evidence: Evidence, zh: str, en: str
) -> None:
    """Put a row of table 三 read from ``tokens`` in the report, each cell's provenance with it,
    and name it in ``uncertain`` (``zh``/``en``: how it was read)."""
    report.requests[key] = list(values)
    for i, token in enumerate(tokens):
        evidence.provenance[f"requests.{key}[{i}]"] = token.where
    # the labels' note that the row was not found goes: it is found, its doubt is this one
    evidence.uncertain[:] = [u for u in evidence.uncertain if not (u.cell == f"requests.{key}" and u.value is None)]
    evidence.doubt(f"requests.{key}", list(values), zh, en, tokens[0].where)
