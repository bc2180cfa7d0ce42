"""What a printed row of table 三 is, told from its cells alone: a row of figures, one run of digits
as wide as a row, dash cells with runs between them, nothing printed, a line of a pipe table."""

from __future__ import annotations

import re

from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Token
from gongkai.report.templates import REQUEST_COLUMNS


def run_of_row(values: list[Token]) -> bool:
    """One run of digits as long as a row of table 三 is wide (its cells ran together:
    ``一、本年新收公开申请数量140310220``, a label the page printed short): a row, not a stray
    number."""
    figures = [t for t in values if t.value.kind is not CellKind.BLANK]
    return (
        len(figures) == 1
        and figures[0].value.kind is CellKind.NUMBER
        and len(figures[0].value.digits) >= len(REQUEST_COLUMNS)
    )


def dashes_and_runs(values: list[Token], n: int) -> bool:
    """A row printing its zeros as dashes with its other figures run together between them
    (``（七）总计85———425``: 8 5 — — — 4 25): every cell printed, none blank, fewer cells than
    columns, so a run of digits is two cells or more and a cut of the runs fills the row."""
    kinds = [t.value.kind for t in values]
    return (
        CellKind.DASH in kinds
        and CellKind.BLANK not in kinds
        and len(values) < n
        and any(t.value.kind is CellKind.NUMBER and len(t.value.digits) >= 2 for t in values)
    )


def nothing_printed(values: list[Token]) -> bool:
    """No cell of a row holds anything: its label stood alone (a blank line after it is no
    figure); the row's figures, when printed, come with a later printing of the label."""
    return all(t.value.kind is CellKind.BLANK for t in values)


def row_of_figures(values: list[Token]) -> bool:
    """Enough figures to be a row of table 三 (not a stray number: a page number, a footnote):
    three; or, among four cells or more of a table that shows its blank cells (a pipe table of a
    Word export that leaves zero cells blank), a figure and the same figure again as the row's
    total (``| | 116 | | | | 116 |``). Lines of text with their blanks gone are not read so: two
    figures there are as often a row's wrapped rest as a row."""
    figures = [t.value for t in values if t.value.is_value and t.value.kind is not CellKind.BLANK]
    if len(figures) >= 3:
        return True
    return (
        len(figures) == 2
        and len(values) >= 4
        and all(" cell " in t.where for t in values)
        and figures[0].kind is CellKind.NUMBER
        and figures[0].amount == figures[1].amount
    )


PIPE_CELL = re.compile(r"^line (\d+) cell (\d+)$")


def pipe_row(values: list[Token]) -> bool:
    """A row printed as one line of a pipe table (the layout whose converter orders a row's
    label lines and its figures by height, markitdown)."""
    return bool(values) and all(PIPE_CELL.match(t.where.split(" number ")[0]) for t in values)
