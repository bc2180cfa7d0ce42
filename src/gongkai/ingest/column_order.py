"""Table 三's applicant columns printed in another order than the template's, or with a 小计.

The recogniser reads a row's figures in the template's column order (自然人, the five
organisations, 总计). Some offices print 总计 first, right after the labels, or add a 小计 column
after the five organisations under 法人或其他组织: read in template order, 总计 becomes 自然人 and
the 小计 becomes 其他 or 总计. Where a table with cell structure (HTML, Word, a PDF's grid) says so
in its header, each row's figures are put back in the template's order (the 小计 left out: it is
the five's sum, no figure of the report) before the stream is read:

* the header rows (above the first figure) name every applicant column exactly once, and a 小计
  at most once, each in a cell of its own; their places on the grid (rowspans and colspans
  counted) give the printed order; the header rows and the first row under them are as wide as
  each other on the grid (a table whose spans were lost, as tab-separated text, places nothing);
* a row is reordered only where it is as wide as most of the table's rows and ends in exactly one
  figure cell per printed column after a label cell; a table right after it with no header of
  its own (the table broken by the page) is read under the same header.

A pipe table (a PDF-to-Markdown converter's) keeps no spans: each title stands in its first
column, the rest blank or repeated, so its titles are ordered by their columns where the rows
holding them are as wide as each other; titles cut into pieces or sharing a cell are read by
``pipe_titles``. Its rows are reordered at any width (the converter pads some), a label or blanks
before the figures; a pipe table of header rows only gives its order to the table after it.

A header printed in the template's order changes nothing; anything the header does not settle
leaves the table as printed.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from gongkai.ingest.document import GRID_FORMATS, Block, Cell, Document, TableBlock
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.pipe_titles import pieced_order, pieced_row
from gongkai.report.templates import ORGANISATION_SUBTOTAL, REQUEST_COLUMNS

_SPACES = str.maketrans("", "", " \u3000\xa0\n")  # (\n: a narrow cell's 总<br>计 in a pipe table)
# printed column title → the template column's index (None: the 小计, read as no column)
TITLES: dict[str, int | None] = {
    **{label: column.index for column in REQUEST_COLUMNS for label in (column.label, *column.variants)},
    ORGANISATION_SUBTOTAL: None,
}
Order = tuple[int | None, ...]
_PIPES = "markdown"  # a pipe table: no spans, each title in its first column (the rest blank or repeated)


def _is_figure(cell: Cell) -> bool:
    return parse_cell(cell.text).is_value


@lru_cache(maxsize=1 << 14)
def _names_title(text: str) -> bool:
    """Whether a cell's ``text`` is an applicant column's title (pure, the same texts in every
    report: cached)."""
    return text.translate(_SPACES) in TITLES


def grid_starts(rows: list[list[Cell]]) -> tuple[list[list[int]], list[int]]:
    """Each cell's first column on the table's grid (rowspans and colspans counted) and each row's
    width on it."""
    taken: set[tuple[int, int]] = set()
    starts: list[list[int]] = []
    for r, row in enumerate(rows):
        col, own = 0, []
        for cell in row:
            while (r, col) in taken:
                col += 1
            own.append(col)
            taken.update((r + i, col + j) for i in range(cell.rowspan) for j in range(cell.colspan))
            col += cell.colspan
        starts.append(own)
    widths = [0] * len(rows)
    for r, c in taken:
        if r < len(rows):
            widths[r] = max(widths[r], c + 1)
    return starts, widths


def _header_order(
    rows: list[list[Cell]], starts: list[list[int]], widths: list[int], piped: bool = False
) -> Order | None:
    """The template column of each printed applicant column, left to right, if the header rows
    (the rows above the first row holding a figure) name each column exactly once and are as
    wide as each other on the grid (a table whose spans were lost places no title). A pipe
    table's rows are as wide as its widest (a converter pads them), its spans lost: its titles
    are ordered by the columns they stand in, one title a column."""
    placed: list[tuple[int, int | None]] = []
    top = 0
    titled_widths: set[int] = set()
    for r, row in enumerate(rows):
        if any(_is_figure(cell) and cell.text.strip() for cell in row):
            break
        top = r + 1
        for cell, col in zip(row, starts[r], strict=True):
            title = cell.text.translate(_SPACES)
            if title in TITLES:
                placed.append((col, TITLES[title]))
                titled_widths.add(len(row))
    if piped and len(titled_widths) > 1:
        return None  # a pipe table's title rows of different widths: the converter lost columns
    if not placed or (len(set(widths[: top + 1])) != 1 and not piped):
        return None  # the header rows and the first row under them differ in width on the grid
    if len({col for col, _index in placed}) != len(placed):
        return None  # two titles in one column (a pipe table's header rows shifted): no order
    return _stated(tuple(index for _col, index in sorted(placed, key=lambda p: p[0])))


def _orders_nothing(header: list[list[Cell]]) -> bool:
    """Whether the header rows of a table with spans (not a pipe table) give ``_header_order``
    nothing to put back, told without the grid: they lack an applicant column's title (no order:
    table 四's 总计), or print every title once in one row in the template's order (the order is
    then the template's where the grid places it at all)."""
    titled = [
        (r, TITLES[cell.text.translate(_SPACES)])
        for r, row in enumerate(header)
        for cell in row
        if _names_title(cell.text)
    ]
    indices = [index for _r, index in titled]
    if not {c.index for c in REQUEST_COLUMNS} <= set(indices):
        return True
    return len({r for r, _index in titled}) == 1 and tuple(indices) == tuple(c.index for c in REQUEST_COLUMNS)


def _stated(order: Order) -> Order | None:
    """``order`` if it names every applicant column exactly once and a 小计 at most once."""
    named = [i for i in order if i is not None]
    if sorted(named) != [c.index for c in REQUEST_COLUMNS] or len(order) - len(named) > 1:
        return None
    return order


def _labelled(cells: list[Cell], piped: bool) -> bool:
    """The cells before a row's figures end in its label: a pipe table prints the label's merged
    cell once and its other columns blank, so there the last may be blank after a label."""
    if not piped:
        return not _is_figure(cells[-1])
    # (all blank before them: a label the converter set on a line of its own, above the row)
    return not any(t and _is_figure(c) for t, c in zip([cell.text.strip() for cell in cells], cells, strict=True))


def _reordered(row: list[Cell], order: Order, piped: bool = False) -> list[Cell] | None:
    """``row`` with its figures in template order, if it ends in one figure per printed column
    after a label."""
    k = len(order)
    if len(row) <= k or not _labelled(row[:-k], piped) or not all(_is_figure(cell) for cell in row[-k:]):
        return None
    figures = {index: cell for index, cell in zip(order, row[-k:], strict=True) if index is not None}
    return [*row[:-k], *(figures[c.index] for c in REQUEST_COLUMNS)]


def _first_figure_row(block: TableBlock) -> int:
    return next(
        (r for r, row in enumerate(block.rows) if any(_is_figure(c) and c.text.strip() for c in row)),
        len(block.rows),
    )


def _pieced_order(block: TableBlock) -> Order | None:
    """The order a pipe table's header states in pieces of titles (``pipe_titles``), if whole."""
    order = pieced_order(block.rows[: _first_figure_row(block)], TITLES)
    return None if order is None else _stated(tuple(order))


def _reordered_pieces(row: list[Cell], order: Order, pieced: bool) -> list[Cell] | None:
    """``row`` in template order where its figures share cells as the header's titles did."""
    split = pieced_row(row, len(order)) if pieced else None
    return None if split is None else _reordered(split, order, piped=True)


def _without_subtotal(row: list[Cell]) -> list[Cell]:
    """A pipe table's header row without its 小计 title: its figures were taken out of the rows,
    and a reader placing a row's figures under the titles finds one title a figure."""
    return [cell for cell in row if cell.text.translate(_SPACES) != ORGANISATION_SUBTOTAL]


def in_template_order(document: Document) -> Document:
    """``document`` with table 三's applicant columns in the template's order (itself when every
    table prints them so)."""
    if document.format not in GRID_FORMATS and document.format != _PIPES:
        return document
    template_order = tuple(c.index for c in REQUEST_COLUMNS)
    blocks: list[Block] = []
    order: Order | None = None
    changed = False
    for block in document.blocks:
        if not isinstance(block, TableBlock):
            blocks.append(block)
            continue
        titled = any(_names_title(cell.text) for row in block.rows for cell in row)
        pieced = False
        if not titled and block.piped:  # a converter's pieces of titles (商业 over 企业)?
            pieced = titled = _pieced_order(block) is not None
        if not titled and order is None:  # the cheap gate: no applicant column named, none going on
            blocks.append(block)
            continue
        top = len(block.rows)
        if titled:  # a header of its own (a table goes on under its predecessor's only without)
            # the header rows and the first row under them are all the order needs: no grid of the
            # whole table for the many tables printed in the template's order
            top = _first_figure_row(block)
            head = block.rows[: top + 1]
            if not block.piped and not pieced and _orders_nothing(block.rows[:top]):
                order = None  # (no grid needed: what the header says puts nothing back)
            else:
                order = None if pieced else _header_order(head, *grid_starts(head), piped=block.piped)
            if order is None and block.piped:  # titles cut into pieces, or a cell holding two
                pieced = True
                order = _pieced_order(block)
        if order is None or order == template_order:
            order = None  # nothing to put back here, nor in a table going on under it
            blocks.append(block)
            continue
        _starts, widths = grid_starts(block.rows)
        width = max(set(widths), key=widths.count)  # the table's width: most rows' (a ragged row is left)
        rows = [
            (
                _reordered(row, order, block.piped) or _reordered_pieces(row, order, pieced)
                if w == width or block.piped
                else None
            )
            or row
            for row, w in zip(block.rows, widths, strict=True)
        ]
        if rows != block.rows:
            if block.piped and None in order:
                rows = [_without_subtotal(row) for row in rows[:top]] + rows[top:]
            changed = True
            block = replace(block, rows=rows)
        elif not (block.piped and top == len(block.rows)):
            # no row of this table is table 三's: the next table is no part of it (a pipe table of
            # header rows only is: a converter cut the header off its rows with a blank line)
            order = None
        blocks.append(block)
    return replace(document, blocks=blocks) if changed else document
