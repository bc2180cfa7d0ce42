"""How table 三 printed as run-on text shows its zero cells: printed (``0000000``, one digit a cell) or
vanished (rows of fewer digits than cells, ``blanks_vanished``)."""

from __future__ import annotations

from collections.abc import Iterable

from gongkai.ingest.records import Token
from gongkai.ingest.request_rows import RequestRaw
from gongkai.report.templates import REQUEST_COLUMNS

_MIN_SHORT_RUNS = 2


def zeros_printed(raw: dict[str, RequestRaw]) -> bool:
    """Whether table 三 printed as run-on text shows its zero cells printed: a row of zeros ran
    together as one ``0`` per column (``0000000``), and no row's blank cells vanished."""
    n = len(REQUEST_COLUMNS)
    rows = list(raw.values())
    zeros = any(
        len(found.values) == 1 and found.values[0].value.digits == "0" * n and " part " in found.values[0].where
        for found in rows
    )
    return zeros and not blanks_vanished(rows, n)


def zeros_printed_spaced(raw: dict[str, RequestRaw]) -> bool:
    """Whether table 三 printed as run-on text with some of the spaces between cells kept (a
    crawler's) shows its zero cells printed: a row of one digit per column in several pieces, a
    zero run into the next cell among them (``1 0 0 0 001``: seven cells, 0 printed as 0), and no
    row's blank cells vanished (``zeros_printed`` for the rows run together whole)."""
    n = len(REQUEST_COLUMNS)
    rows = list(raw.values())
    return any(_one_digit_a_cell(found.values, n) for found in rows) and not blanks_vanished(rows, n)


def _one_digit_a_cell(values: list[Token], n: int) -> bool:
    digits = [t.value.digits for t in values]
    return (
        len(values) > 1
        and all(digits)
        and sum(map(len, digits)) == n
        and any(len(d) > 1 and d[0] == "0" for d in digits)
        and all(" part " in t.where for t in values)
    )


def blanks_vanished(rows: Iterable[RequestRaw], n: int) -> bool:
    """Whether the table's blank cells left no trace in the text: rows printed as runs of digits
    with fewer digits than the row has cells (``00``, ``2222``, ``0 0`` for seven columns; a Word
    table that leaves zero cells blank, its text with the whitespace collapsed or dropped). Then
    any row may hold fewer figures than columns, blank cells hidden in its spaces or runs."""
    short = 0
    for found in rows:
        digits = [t.value.digits for t in found.values]
        if (
            found.values
            and all(digits)
            and 2 <= sum(map(len, digits)) < n
            and all(" part " in t.where for t in found.values)
        ):
            short += 1
    return short >= _MIN_SHORT_RUNS
