"""A PDF's items (text lines and ruled tables, from pdfium, pdfplumber or OCR) as the blocks of a
``Document``: each table's cells placed on its grid of rules, with row and column spans."""

from __future__ import annotations

import re
from itertools import pairwise

from gongkai.ingest.document import Block, Cell, TableBlock, TextBlock
from gongkai.ingest.pdf_across_pages import join_across_pages, running_lines
from gongkai.ingest.pdf_grid import cluster_edges, column_edges, edge_index, near_edge
from gongkai.ingest.pdf_page import TOLERANCE, Item, Line, RawCell, RawTable
from gongkai.ingest.vocabulary import is_table_label

_HAN = re.compile(r"[\u4e00-\u9fff]")


def items_to_blocks(items: list[Item]) -> list[Block]:
    """Items of consecutive pages (from OCR too) as blocks, tables joined across pages."""
    return blocks_of_items(join_across_pages(items, running_lines(items)))


def blocks_of_items(items: list[Item]) -> list[Block]:
    blocks: list[Block] = []
    line_numbers: dict[int, int] = {}
    tables = 0
    for item in items:
        page = item.page + 1
        if isinstance(item.what, Line):
            line_numbers[page] = line_numbers.get(page, 0) + 1
            blocks.append(TextBlock(item.what.text, f"page {page} line {line_numbers[page]}", item.what.confidence))
            continue
        tables += 1
        blocks.append(_table_block(item.what, tables))
    return blocks


def _join_stacked_labels(cells: list[RawCell]) -> list[RawCell]:
    """A header label cut into two cells one above the other (LibreOffice printing a Word
    table whose merged header cells it split: 结果 over 维持, 其他 over 结果) as the one cell it
    is: the two halves make a table label and the lower half alone is none. The joined cell
    spans both rows, so the header reads in its printed order."""
    by_column: dict[tuple[int, int], list[RawCell]] = {}
    for cell in cells:
        if _HAN.search(cell.text):  # words: a figure, "—" or "/" is never half a label
            by_column.setdefault((round(cell.x0 / TOLERANCE), round(cell.x1 / TOLERANCE)), []).append(cell)
    gone: set[int] = set()
    for column in by_column.values():
        if len(column) < 2:
            continue
        column.sort(key=lambda c: c.top)
        for upper, lower in pairwise(column):
            if id(upper) in gone or not near_edge(upper.bottom, lower.top) or is_table_label(lower.text):
                continue
            if is_table_label(upper.text + lower.text):
                upper.bottom, upper.text = lower.bottom, upper.text + lower.text
                gone.add(id(lower))
    return [c for c in cells if id(c) not in gone] if gone else cells


def _table_block(table: RawTable, number: int) -> TableBlock:
    cells = _join_stacked_labels(table.cells)
    xs = column_edges(cells)
    ys = cluster_edges([c.top for c in cells] + [c.bottom for c in cells])
    rows: list[list[Cell]] = [[] for _ in range(max(len(ys) - 1, 1))]
    for cell in sorted(cells, key=lambda c: (c.top, c.x0)):
        r0, r1 = edge_index(ys, cell.top), edge_index(ys, cell.bottom)
        c0, c1 = edge_index(xs, cell.x0), edge_index(xs, cell.x1)
        page = cell.page + 1
        row = rows[min(r0, len(rows) - 1)]
        row.append(
            Cell(
                cell.text,
                f"page {page} table {number} row {r0 + 1} cell {len(row) + 1}",
                rowspan=max(r1 - r0, 1),
                colspan=max(c1 - c0, 1),
                confidence=cell.confidence,
                spaced=cell.spaced,
            )
        )
    first, last = table.pages[0] + 1, table.pages[-1] + 1
    where = f"page {first} table {number}" if first == last else f"pages {first}-{last} table {number}"
    return TableBlock(rows, where)
