"""A ruled table that runs across pages joined into one: a table at the top of a page that
continues the table ending the previous page (same column rules, nothing but a page number, 续表
or a running header between them) is put under it. A header repeated on the new page is dropped, a
row that Word broke across the page is put back together, and a merged cell that runs on past the
break (三、本年度办理结果 spanning its rows) stays one cell."""

from __future__ import annotations

import re

from gongkai.ingest.pdf_grid import cluster_edges, column_edges, edge_index, near_edge
from gongkai.ingest.pdf_page import TOLERANCE, Item, Line, RawCell, RawTable

_ACROSS_PAGES = 4.0  # points: how far apart one column rule may be on two pages
_NUMBER = re.compile(r"^[-－—+]?[\d,，.．]+\s*(?:万?元)?$")
_NUMBERING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．])")
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－\s]*\d+[-—–－\s]*|\s*第\s*\d+\s*页(?:(?:\s*[,，])?\s*共\s*\d+\s*页)?\s*|\s*\d+\s*/\s*\d+\s*)$"
)


# 续表, 表三（续）, 三、收到和处理政府信息公开申请情况（续）: printed over a table's continuation.
_CONTINUED = re.compile(r"^\s*(?:续表.{0,30}|.{0,40}[（(]\s*续(?:表|上表)?\s*[)）])\s*$")


def running_lines(items: list[Item]) -> set[str]:
    """Running headers and footers: the same first or last line on two pages or more."""
    firsts: dict[str, int] = {}
    lasts: dict[str, int] = {}
    by_page: dict[int, list[str]] = {}
    for item in items:
        if isinstance(item.what, Line):
            by_page.setdefault(item.page, []).append(item.what.text)
    for lines in by_page.values():
        firsts[lines[0]] = firsts.get(lines[0], 0) + 1
        lasts[lines[-1]] = lasts.get(lines[-1], 0) + 1
    return {text for counts in (firsts, lasts) for text, n in counts.items() if n >= 2}


def _between_parts(text: str, running: set[str]) -> bool:
    """May this line stand between a table and its continuation (page number, 续表, header)?"""
    return bool(_PAGE_NUMBER.match(text) or _CONTINUED.match(text)) or text in running


def join_across_pages(items: list[Item], running: set[str]) -> list[Item]:
    out: list[Item] = []
    for item in items:
        if isinstance(item.what, RawTable) and _is_page_top(items, item, running):
            previous = _last_table_before(out, item.page, running)
            if previous is not None and _continues(previous, item.what):
                _append(previous, item.what)
                continue
        out.append(item)
    return out


def _is_page_top(items: list[Item], item: Item, running: set[str]) -> bool:
    """Nothing but page numbers, 续表 or a running header above the table on its page."""
    for other in items:
        if (
            other.page == item.page
            and other.order < item.order
            and isinstance(other.what, Line)
            and not _between_parts(other.what.text, running)
        ):
            return False
    return item.page > 0


def _last_table_before(out: list[Item], page: int, running: set[str]) -> RawTable | None:
    """The previous page's last table, if nothing but page numbers or a footer follows it."""
    for item in reversed(out):
        if isinstance(item.what, Line):
            if item.page == page - 1 and not _between_parts(item.what.text, running):
                return None
            continue
        if isinstance(item.what, RawTable) and item.what.pages[-1] == page - 1:
            return item.what
        return None
    return None


def _continues(first: RawTable, second: RawTable) -> bool:
    """Same outer edges, and most column rules of the part with fewer rules are in the other.

    Not all: the rows on one page may not draw a rule that rows on the other page do (the
    （三）不予公开 group column only exists below 三、本年度办理结果's first row).
    """
    cols_first = column_edges(first.cells)
    cols_second = column_edges(second.cells)
    if not (_across(cols_first[0], cols_second[0]) and _across(cols_first[-1], cols_second[-1])):
        return False
    fewer, more = sorted((cols_first[1:-1], cols_second[1:-1]), key=len)
    shared = sum(1 for x in fewer if any(_across(x, y) for y in more))
    return shared * 2 >= len(fewer)


def _across(a: float, b: float) -> bool:
    """The same column rule on two pages: browsers place a table's rules a point or two apart
    from page to page."""
    return abs(a - b) <= _ACROSS_PAGES


def _snap_to(columns: list[float], x: float) -> float:
    nearest = min(columns, key=lambda c: abs(c - x))
    return nearest if _across(nearest, x) else x


def _rows_of(cells: list[RawCell]) -> list[list[RawCell]]:
    tops = cluster_edges([c.top for c in cells])
    rows: list[list[RawCell]] = [[] for _ in tops]
    for cell in cells:
        rows[edge_index(tops, cell.top)].append(cell)
    for row in rows:
        row.sort(key=lambda c: c.x0)
    return rows


def _append(first: RawTable, second: RawTable) -> None:
    """Put ``second`` (the part on the next page) under ``first``, in ``first``'s coordinates."""
    cells = list(second.cells)
    rows_first = _rows_of(first.cells)
    rows_second = _rows_of(cells)
    # 1. A header repeated at the top of the new page (Word's "repeat header rows").
    repeated = 0
    for k in range(1, min(len(rows_first), len(rows_second))):
        if _row_texts(rows_first[:k]) == _row_texts(rows_second[:k]) and any(
            c.text for row in rows_second[:k] for c in row
        ):
            repeated = k
    if repeated:
        cut = rows_second[repeated][0].top
        cells = [c for c in cells if c.top >= cut - TOLERANCE]
    if not cells:
        first.pages.append(second.page)
        return
    # 2. Shift the new part so that its top edge is the old part's bottom edge.
    top = min(c.top for c in cells)
    bottom = max(c.bottom for c in first.cells)
    shift = bottom - top
    columns = column_edges(first.cells)
    shifted = [
        RawCell(
            _snap_to(columns, c.x0),
            c.top + shift,
            _snap_to(columns, c.x1),
            c.bottom + shift,
            c.text,
            second.page,
            c.confidence,
            c.spaced,
        )
        for c in cells
    ]
    top_row = [c for c in shifted if near_edge(c.top, bottom)]
    bottom_cells = [c for c in first.cells if near_edge(c.bottom, bottom)]
    fragment = _is_row_fragment(top_row, bottom_cells)
    first_tops = cluster_edges([c.top for c in first.cells])
    second_tops = cluster_edges([c.top for c in shifted])
    merged: list[RawCell] = []
    for cell in shifted:
        partner = None
        if any(cell is c for c in top_row):
            partner = next((b for b in bottom_cells if near_edge(b.x0, cell.x0) and near_edge(b.x1, cell.x1)), None)
        if partner is not None and (fragment or _same_spanning_cell(partner, cell, first_tops, second_tops)):
            # The same cell, broken by the page: one cell, its text in order.
            partner.bottom = cell.bottom
            partner.text = partner.text + cell.text
            if cell.confidence is not None:
                partner.confidence = min(partner.confidence or 1.0, cell.confidence)
            continue
        merged.append(cell)
    first.cells.extend(merged)
    first.pages.append(second.page)


def _same_spanning_cell(partner: RawCell, cell: RawCell, first_tops: list[float], second_tops: list[float]) -> bool:
    """Is ``cell`` (top of the new page) the rest of a merged cell that ran past the break?

    It is when either part spans rows and the new part does not start a numbered label of its
    own and is no figure: LibreOffice prints the rest of 三、本年度办理结果 there, Word nothing.
    """
    spanning = _spans_rows(partner, first_tops) or _spans_rows(cell, second_tops)
    if _NUMBER.match(cell.text) or _NUMBERING.match(cell.text):
        return False  # a figure, or a label of its own: the first row of the new page
    return spanning and bool(partner.text or cell.text)


def _row_texts(rows: list[list[RawCell]]) -> list[list[str]]:
    return [[c.text for c in row] for row in rows]


def _spans_rows(cell: RawCell, tops: list[float]) -> bool:
    return sum(1 for t in tops if cell.top - TOLERANCE < t < cell.bottom - TOLERANCE) > 1


def _is_row_fragment(top_row: list[RawCell], bottom_cells: list[RawCell]) -> bool:
    """Is the new page's first row the rest of a row Word broke across the page?

    It is when it holds no number (the figures were printed on the first part) and its words
    do not start a numbered label, while the row it would continue printed figures.
    """
    texts = [c.text for c in top_row if c.text]
    if not texts or _NUMBERING.match(texts[0]):
        return False
    if any(_NUMBER.match(t) for t in texts):
        return _is_figure_tail(top_row, bottom_cells)
    return any(_NUMBER.match(c.text) for c in bottom_cells if c.text)


def _is_figure_tail(top_row: list[RawCell], bottom_cells: list[RawCell]) -> bool:
    """Is the new page's first row the rest of figures wrapped in narrow cells (４４ / ８)?

    It is when the row prints no words and only a few figures, each under a figure of the row
    above: a row of its own prints a figure in most of its cells."""
    filled = [c for c in top_row if c.text]
    above = [b for b in bottom_cells if b.text and _NUMBER.match(b.text)]
    if len(filled) * 2 >= len(above):
        return False
    return all(
        _NUMBER.match(c.text) and any(near_edge(b.x0, c.x0) and near_edge(b.x1, c.x1) for b in above) for c in filled
    )
