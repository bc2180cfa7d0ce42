"""Table 三 whose figures ``pdftotext`` prints apart from its labels, in paragraphs: a row's cells a
line each, or a run of rows a column a paragraph (default mode, a 三线表 typeset as a 公文 in WPS).

A table with no vertical rules whose labels wrap a few characters a line is printed by ``pdftotext``
without ``-layout`` as the page's labels in one block and its figures in others. Each figure stands
on a line of its own, and the empty lines between them say how they were set: a row printed whole
is its cells one under another (one paragraph of them, or a paragraph each), and a run of ``k``
rows printed a column at a time is as many paragraphs of ``k`` lines as the table has columns (the
first row's cells of a column, then the next row's …). Read by labels, no figure stands beside its
row; read as blocks (``column_blocks``), the arithmetic alone may order small figures more ways
than one.

The rule, taken only where every figure of the table stands alone on its line and the paragraphs
fit exactly: the paragraphs, in order, are cut into runs, each either one paragraph of a whole
number of rows (printed row by row) or as many paragraphs as the table has columns, all of the
same length ``k`` (``k`` rows printed column by column), until the template's rows are placed (rows
in template order). Of the cuts, the table's equations (``report.equations``) choose; cells the
best cuts disagree on are left unknown with the alternatives in ``uncertain``, and the table is
named in ``uncertain``. Every row but one must add up to its 总计, and the table's other equations
may fail, as a report's own figures do (they are checked and reported as findings). The reading replaces the
one before only where that one left cells unknown or broke more equations.
"""

from __future__ import annotations

from collections.abc import Hashable

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, line_number
from gongkai.ingest.requests_now import requests_now
from gongkai.ingest.tied_tables import take_agreed
from gongkai.report.equations import requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_MAX_CUTS = 64  # cuts of the paragraphs into runs kept (each branch a paragraph of 7k lines or 7 of k)
_MISPRINTS = 1  # rows of a cut that may miss their 总计 (a report's own misprint; checked as a finding)
_MIN_BLANKS = 8  # empty lines among table 三's figures, for its figures to be set in paragraphs

Run = list[list[Token]]  # a run's rows, each its cells in template order


def _paragraphs(records: list[Record]) -> list[list[Token]] | None:
    """Table 三's figures in paragraphs (runs of consecutive lines of figures, broken by an empty
    line, a label or a skipped line); None where a value is no count (not this layout). A line of
    several figures is as many lines (a narrow last column's cell set beside the one before); a
    paragraph of one such line, as many paragraphs of one figure (a row's cells a paragraph each)."""
    found: list[list[Token]] = []
    current: list[Token] = []
    lines: set[int] = set()

    def close() -> None:
        if current:
            found.extend([[t] for t in current] if len(lines) == 1 else [list(current)])
            current.clear()
            lines.clear()

    last = -1
    for record in records:
        close()
        for token in record.values:
            if token.value.kind is CellKind.BLANK:
                close()
                continue
            amount = token.value.amount
            line = line_number(token)
            if token.value.kind is CellKind.TEXT or not isinstance(amount, int) or amount < 0 or line is None:
                return None
            if current and line not in (last, last + 1):
                close()
            current.append(token)
            lines.add(line)
            last = line
    close()
    return found


def _fills(records: list[Record], cells: int) -> bool:
    """Whether the records print as many figures as the table has ``cells`` (the gate of ``_cuts``)."""
    return sum(t.value.kind is not CellKind.BLANK for r in records for t in r.values) == cells


def _cuts(sizes: list[int], width: int, rows: int) -> list[list[tuple[int, bool]]]:
    """The cuts of paragraphs of ``sizes`` into runs that place exactly ``rows`` rows: each run as
    (its first paragraph, printed column by column)."""
    found: list[list[tuple[int, bool]]] = []
    stack: list[tuple[int, int, list[tuple[int, bool]]]] = [(0, 0, [])]
    while stack and len(found) < _MAX_CUTS:
        at, placed, runs = stack.pop()
        if at == len(sizes):
            if placed == rows:
                found.append(runs)
            continue
        if placed >= rows:
            continue
        size = sizes[at]
        if size % width == 0 and placed + size // width <= rows:  # a paragraph of whole rows
            stack.append((at + 1, placed + size // width, [*runs, (at, False)]))
        last = at + width
        if last <= len(sizes) and placed + size <= rows and all(s == size for s in sizes[at:last]):
            stack.append((last, placed + size, [*runs, (at, True)]))  # a column a paragraph
    return found


def _rows(paragraphs: list[list[Token]], cut: list[tuple[int, bool]], width: int) -> list[list[Token]]:
    rows: list[list[Token]] = []
    for at, by_columns in cut:
        if by_columns:
            columns = paragraphs[at : at + width]
            rows += [[column[r] for column in columns] for r in range(len(columns[0]))]
        else:
            figures = paragraphs[at]
            rows += [figures[i : i + width] for i in range(0, len(figures), width)]
    return rows


def read_paragraph_runs(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Read table 三 from figures printed apart from its labels in paragraphs (see the module's
    doc), where the paragraphs fit and the arithmetic settles it; ``records``: table 三's records."""
    keys: list[Hashable] = [row.key for row in template.request_rows]
    width = len(template.request_columns)
    bound = requests_bound(template.id)
    now = requests_now(template, report)
    current, complete = now.table(), now.complete
    if complete and now.broken() == 0:
        return  # read whole and adding up
    blanks = sum(t.value.kind is CellKind.BLANK for r in records for t in r.values)
    if blanks < _MIN_BLANKS or width < 2:  # gate: figures set apart by empty lines
        return
    if not _fills(records, len(keys) * width):
        return  # every cut places each printed figure in one cell of the table (``_cuts``)
    paragraphs = _paragraphs(records)
    if not paragraphs:
        return
    tables: list[tuple[int, dict[Hashable, tuple[int, ...]], list[list[Token]]]] = []
    for cut in _cuts([len(p) for p in paragraphs], width, len(keys)):
        rows = _rows(paragraphs, cut, width)
        values = {key: tuple(int(t.value.amount or 0) for t in row) for key, row in zip(keys, rows, strict=True)}
        misprints = sum(not bound.row_check(key)(values[key]) for key in keys)
        if misprints <= _MISPRINTS:  # (nearly) every row adds up to its 总计
            tables.append((misprints, values, rows))
    if not tables:
        return

    def rank(table: tuple[int, dict[Hashable, tuple[int, ...]], list[list[Token]]]) -> tuple[int, int, int]:
        satisfied, broken = bound.score(table[1])
        return table[0], broken, -satisfied

    tables.sort(key=rank)
    first = rank(tables[0])
    if complete and bound.broken(current) <= first[1]:
        return  # the reading before is whole and breaks no more of the equations
    tied = [table for table in tables if rank(table) == first]
    rows = tied[0][2]
    take_agreed(
        [table[1] for table in tied],
        keys,
        width,
        lambda key, c: rows[keys.index(key)][c].where,
        (
            "表三的数字与标签分开印出，逐行或数行一栏成段：按段落的长短与各栏合计读取",
            "table 三's figures are printed apart from its labels, a row's cells or a few rows' column a "
            "paragraph: read by the paragraphs' lengths and the table's equations",
            rows[0][0].where,
        ),
        report,
        evidence,
    )
