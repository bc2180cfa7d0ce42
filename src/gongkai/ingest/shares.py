"""Percentages printed inside a statutory table: a 占比 column or row beside the counts.

Some offices add each row's share (``17.4%``) in a column after 总计, or a 其中：占比 row of each
column's share under 一、本年新收. A cell holding a percentage is never a statutory count: read as
a figure it puts every row one column over, or reads 总计 as 100 from ``100.0%``. Where a table
with cells (HTML, Word, a PDF's grid, a pipe table) prints such a column, it is taken out before
the stream of cells is read:

* a header cell (above the table's first figure) names a share (``SHARE_WORDS``: 占比, 比例 …) and
  every cell placed in its column under the header is a percentage, a dash or blank, one at least
  a percentage; or, with no such title (a table going on under a page break, its header not
  repeated), every cell of the column under the header is a percentage or a dash, three at least
  percentages, and it is the rows' last column;
* the column's places are the grid's (rowspans and colspans counted) in a table with cell
  structure, the cells' indexes in a pipe table (a converter pads its rows to one grid).

A 其中：占比 row (a share word for its label, nothing but percentages and dashes after it) has its
figures blanked: its label is no row of the template and its figures no counts. Anything else
leaves the table as printed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from itertools import pairwise

from gongkai.ingest.column_order import grid_starts
from gongkai.ingest.document import GRID_FORMATS, Block, Cell, Document, TableBlock
from gongkai.ingest.extra_columns import is_extra_word
from gongkai.ingest.numbers import CellKind, parse_cell, several_numbers
from gongkai.report.equations import printed_row_sums
from gongkai.report.templates import REQUEST_COLUMNS, TEMPLATES

# Words titling a non-statutory column or row of shares (never a template label: report/templates.py).
SHARE_WORDS = ("占比", "比例", "百分比", "比重", "所占比", "构成比")
_TITLE_MAX = 8  # a share's title is short: 占比（%）, 所占比例; a longer cell is a label that mentions one
# (a blank before the % where a narrow cell wrapped it: ``100.0<br>%``; none between digits)
_PERCENT = re.compile(r"[-+−]?\d{1,3}(?:\.\d{1,3})?\s*%")
_SPACES = re.compile(r"[\s\u3000\xa0]+")
_SHARE_ROW_PREFIX = re.compile(r"^(?:其中)?[:：]?")
_MIN_UNTITLED = 3  # percentages an untitled column holds at least
_PIPES = "markdown"
_BI_RADICAL = "\u2f50"  # ⽐, the Kangxi radical NFKC folds to 比 (test_text_speed_fused checks no other does)


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", _SPACES.sub("", text))


def is_percent(text: str) -> bool:
    """A cell printing a percentage (``12.5%``, ``100％``)."""
    return ("%" in text or "％" in text) and _PERCENT.fullmatch(unicodedata.normalize("NFKC", text.strip())) is not None


def is_share_title(text: str) -> bool:
    """A column or row title naming a share: 占比, 比例（%）, 其中：占比."""
    if "比" not in text and _BI_RADICAL not in text:
        return False  # every share word holds 比, which NFKC makes of these two only (no folding asked)
    folded = _folded(text).replace("(%)", "").replace("%", "")
    folded = _SHARE_ROW_PREFIX.sub("", folded, count=1)
    return 0 < len(folded) <= _TITLE_MAX and any(word in folded for word in SHARE_WORDS)


def _empty_or_dash(cell: Cell) -> bool:
    return parse_cell(cell.text).kind in (CellKind.BLANK, CellKind.DASH)


def _places(rows: list[list[Cell]], piped: bool) -> list[list[int]]:
    """Each cell's first column: on the grid (spans counted), or its index in a pipe table."""
    if piped:
        return [list(range(len(row))) for row in rows]
    return grid_starts(rows)[0]


def _is_number(cell: Cell) -> bool:
    return parse_cell(cell.text).kind is CellKind.NUMBER


def _holds_figures(cell: Cell) -> bool:
    """A count, or several a converter put in one cell (``48 6``); never a percentage."""
    if is_percent(cell.text):
        return False
    if _is_number(cell):
        return True
    values = several_numbers(cell.text)
    return values is not None and any(v.kind is CellKind.NUMBER for v in values)


def _figure_row(row: list[Cell]) -> bool:
    return any(_holds_figures(c) for c in row)


# A count and its share run together in one cell (``2918100.0%``): the share's decimal point and
# ``%`` bound it on the right, its left edge is any of the last three digits before the point.
_GLUED = re.compile(r"(\d{2,60})\.(\d{1,3})%")
_SHARE_DIGITS = 3  # a share is at most 100: three digits before its point


def glued_counts(text: str) -> list[str]:
    """The counts a count-and-share run (``2918100.0%``) may end in, each with the share after it
    a percentage no more than 100 (``2918`` and ``291810``; a share's leading 0 only as 0 itself)."""
    match = _GLUED.fullmatch(_folded(text))
    if match is None:
        return []
    digits, out = match[1], list[str]()
    if len(digits) <= _SHARE_DIGITS and int(digits) <= 100:
        return out  # a percentage alone
    for k in range(1, _SHARE_DIGITS + 1):
        count, share = digits[:-k], digits[-k:]
        if not count or (share[0] == "0" and k > 1):  # (a count's run may start with a 0 cell)
            continue
        if int(share) <= 100:
            out.append(count)
    return out


def _row_sum_holds(figures: list[int], count: int) -> bool:
    """``count`` as the 总计 after the row's other applicant figures keeps the row sum (the
    statutory arithmetic's, on the template's column order)."""
    width = len(REQUEST_COLUMNS)
    if len(figures) < width - 1:
        return False
    row = [*figures[-(width - 1) :], count]
    template = TEMPLATES[min(TEMPLATES)]
    return all(row[total] == sum(row[p] for p in parts) for total, parts in printed_row_sums(template, range(width)))


def _unglued(row: list[Cell], last: int) -> str | None:
    """The count of a row's last cell holding a count and its share run together, where exactly
    one way of cutting it keeps the row sum with the figures before it."""
    figures: list[int] = []
    for cell in row[:last]:
        values = several_numbers(cell.text) or (parse_cell(cell.text),)
        figures += [int(v.number) for v in values if v.kind is CellKind.NUMBER and isinstance(v.number, int)]
    fits = [count for count in glued_counts(row[last].text) if _row_sum_holds(figures, int(count))]
    return fits[0] if len(fits) == 1 else None


def _share_columns(rows: list[list[Cell]], places: list[list[int]], titled: set[int]) -> set[int]:
    """The columns of shares among ``rows`` (see the module's doc), empty where none is sure."""
    under: dict[int, list[Cell]] = {}
    spanned: set[int] = set()  # columns a wider cell of the body covers: not a column of their own
    last: set[int] = set()
    for row, starts in zip(rows, places, strict=True):
        if not _figure_row(row):
            continue
        for cell, col in zip(row, starts, strict=True):
            under.setdefault(col, []).append(cell)
            spanned.update(range(col + 1, col + cell.colspan))
        if starts:
            last.add(starts[-1])
    # a column headed 同比 / 增减 holds changes, not shares: table 二's comparison columns are
    # ``extra_columns``' to take off, checked by this year's and last year's figures
    compared = {
        col
        for row, starts in zip(rows, places, strict=True)
        if not _figure_row(row)
        for cell, col in zip(row, starts, strict=True)
        if is_extra_word(cell.text)
    }
    found: set[int] = set()
    for col, cells in under.items():
        if col in spanned or col in compared or not all(is_percent(c.text) or _empty_or_dash(c) for c in cells):
            continue
        percents = sum(is_percent(c.text) for c in cells)
        untitled = not titled and percents >= _MIN_UNTITLED and last == {col} and all(c.text.strip() for c in cells)
        if (col in titled and percents) or untitled:
            found.add(col)
    return found


def _titles(row: list[Cell], starts: list[int]) -> set[int]:
    return {col for cell, col in zip(row, starts, strict=True) if cell.colspan == 1 and is_share_title(cell.text)}


def _segments(rows: list[list[Cell]], places: list[list[int]]) -> list[tuple[int, int, set[int]]]:
    """The table cut at each row holding a share's title (a header printed again under a page
    break, its columns placed anew in a pipe table): each part's rows and its titles' columns."""
    heads = [r for r, (row, starts) in enumerate(zip(rows, places, strict=True)) if _titles(row, starts)]
    if not heads:
        return [(0, len(rows), set())]
    bounds = [0, *heads[1:], len(rows)]
    return [(a, b, set().union(*(_titles(rows[r], places[r]) for r in range(a, b)))) for a, b in pairwise(bounds)]


def _removable(cell: Cell, figure_row: bool) -> bool:
    """A cell of a share column that goes: in a figure row any (checked), above it blanks and titles."""
    return cell.colspan == 1 and (figure_row or not cell.text.strip() or is_share_title(cell.text))


def _is_share_row(row: list[Cell]) -> bool:
    """A 其中：占比 row: a share title, then percentages and dashes only (one percentage at least)."""
    labels = [c for c in row if c.text.strip() and not is_percent(c.text) and not _empty_or_dash(c)]
    return len(labels) == 1 and is_share_title(labels[0].text) and any(is_percent(c.text) for c in row)


def _blanked(row: list[Cell]) -> list[Cell]:
    """A share row with its percentages and dashes blanked (its label and places kept)."""
    return [c._replace(text="") if is_percent(c.text) or _empty_or_dash(c) else c for c in row]


def _split_last(text: str) -> tuple[str, str] | None:
    """A cell holding figures and, last, a percentage or a dash (``48 100.0%``, ``0 —``): the
    figures and the last token."""
    parts = text.split()
    if len(parts) < 2 or not all(parse_cell(p).kind is CellKind.NUMBER for p in parts[:-1]):
        return None
    if not (is_percent(parts[-1]) or parse_cell(parts[-1]).kind is CellKind.DASH):
        return None
    return " ".join(parts[:-1]), parts[-1]


def _unmerged(rows: list[list[Cell]], least: int) -> list[list[Cell]]:
    """A pipe table's rows whose converter put a row's share into the cell of its last figure
    (``48 100.0%``): the share taken out, where ``least`` rows' last cells so end in a percentage
    (a dash among them, ``22 —``, the share of a row that has none, under a share's title)."""
    ends: list[tuple[int, str, str] | None] = []
    for row in rows:
        last = max((i for i, c in enumerate(row) if c.text.strip()), default=None)
        split = None if last is None or not _figure_row(row) else _split_last(row[last].text)
        if split is None and last is not None and (count := _unglued(row, last)) is not None:
            split = count, _folded(row[last].text)[len(count) :]
        ends.append(None if split is None or last is None else (last, *split))
    if sum(end is not None and is_percent(end[2]) for end in ends) < least:
        return rows
    out = []
    for row, end in zip(rows, ends, strict=True):
        if end is not None and (least == 1 or is_percent(end[2])):  # a dash only under a title
            i, figures, _share = end
            row = [*row[:i], row[i]._replace(text=figures), *row[i + 1 :]]
        out.append(row)
    return out


def _without_shares(block: TableBlock) -> TableBlock:
    places = _places(block.rows, block.piped)
    rows = list(block.rows)
    segments = _segments(rows, places)
    for a, b, titled in segments:
        columns = _share_columns(rows[a:b], places[a:b], titled)
        if not columns:
            continue
        for r in range(a, b):
            figures = _figure_row(rows[r])
            rows[r] = [
                cell
                for cell, col in zip(rows[r], places[r], strict=True)
                if col not in columns or not _removable(cell, figures)
            ]
    if block.piped:
        for a, b, titled in segments:  # (untitled: the rows of a table going on under a page break)
            rows[a:b] = _unmerged(rows[a:b], 1 if titled else _MIN_UNTITLED)
    rows = [_blanked(row) if _is_share_row(row) else row for row in rows]
    return block if rows == block.rows else replace(block, rows=rows)


def without_shares(document: Document) -> Document:
    """``document`` with its tables' share columns taken out and share rows' figures blanked
    (itself when no table holds a percentage)."""
    if document.format not in GRID_FORMATS and document.format != _PIPES:
        return document
    blocks: list[Block] = []
    changed = False
    for block in document.blocks:
        if isinstance(block, TableBlock) and any("%" in c.text or "％" in c.text for row in block.rows for c in row):
            new = _without_shares(block)
            changed = changed or new is not block
            block = new
        blocks.append(block)
    return replace(document, blocks=blocks) if changed else document
