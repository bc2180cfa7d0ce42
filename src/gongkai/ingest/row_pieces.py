"""A row of table 三 printed in pieces around its wrapped label, read where the table's equations
leave its figures one order only (``pdftotext`` default mode).

A row whose label wraps over lines, its cells partly wrapped (a figure over its ``件``), may come
out as its label's first line with a figure or two, a line of other cells, the label's next line,
and the rest of its cells a line each (``(二)部分公开（区分处理的， 267`` / ``0 431件`` / ``只计这一
情形，不计其他情`` / ``69件`` / ``0件`` …): the label's second line names no row, so its figures
stand apart, and the row's own record holds too few cells for any order the row readers know.

Where that row is the only one of the table left unread, every other cell read, its figures are
all there (the row's and those printed after it before the next named row, as many as the
table's columns), and the table's equations hold for exactly one order of them, that order is
read (the equations of the other rows fix each of its cells: the printed figures only confirm
them). The row is named in ``uncertain``. A report that contradicts itself holds for no order and
stays as it was read.
"""

from __future__ import annotations

from collections.abc import Hashable
from itertools import permutations

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token
from gongkai.ingest.request_rows import request_records
from gongkai.ingest.row_reading import Value
from gongkai.ingest.vocabulary import vocabulary
from gongkai.report.equations import requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_MAX_WIDTH = 8  # orders tried: at most 8! (table 三 has seven columns)


def _pieces(records: list[Record], key: str) -> list[Token] | None:
    """The figures printed for row ``key``: its record's and those of the records after it whose
    labels name no row (before the next named row); None when the row was not printed or a figure
    is no plain count."""
    raw, _, orphans = request_records(records)
    found = raw.get(key)
    index = next((row.index for row in vocabulary().request_rows if row.key == key), None)
    if found is None or index is None:
        return None
    tokens = [*found.values, *(t for orphan in orphans if orphan.after == index for t in orphan.values)]
    printed = [t for t in tokens if t.value.kind is not CellKind.BLANK]
    if any(t.value.kind is not CellKind.NUMBER or not isinstance(t.value.amount, int) for t in printed):
        return None
    return printed


def read_row_pieces(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Read table 三's one unread row from its printed pieces where the equations allow one order
    of them (module docstring); ``records``: the records of table 三, in order."""
    unread = [key for key, values in report.requests.items() if all(v is None for v in values)]
    if len(unread) != 1 or any(
        v is None for key, values in report.requests.items() if key != unread[0] for v in values
    ):
        return
    key = unread[0]
    width = len(template.request_columns)
    if width > _MAX_WIDTH:
        return
    figures = _pieces(records, key)
    if figures is None or len(figures) != width:
        return
    bound = requests_bound(template.id)
    table: dict[Hashable, tuple[Value, ...]] = {k: tuple(v) for k, v in report.requests.items()}
    holding: dict[tuple[int, ...], tuple[int, ...]] = {}
    for order in permutations(range(width)):
        values = tuple(int(figures[i].value.amount or 0) for i in order)
        if values in holding:
            continue
        table[key] = values
        if bound.broken(table) == 0 and all(status is True for status in bound.statuses(table)):
            holding[values] = order
    if len(holding) != 1:
        return
    values, order = next(iter(holding.items()))
    report.requests[key] = list(values)
    evidence.forget(f"requests.{key}")  # the row readers' doubts: no order of its own record fitted
    for c, i in enumerate(order):
        evidence.provenance[f"requests.{key}[{c}]"] = figures[i].where
    evidence.doubt(
        f"requests.{key}",
        list(values),
        "该行的数字分几处印在折行的标签周围：按表中勾稽关系唯一成立的顺序读入",
        "the row's figures were printed in pieces around its wrapped label: read in the one order "
        "in which the table's equations hold",
        figures[0].where,
    )
