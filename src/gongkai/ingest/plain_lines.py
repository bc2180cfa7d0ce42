"""Runs of plain lines: which are a table printed a cell (or a row) per line, which are prose
and headings (a text block each)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from itertools import groupby

from gongkai.ingest.appeal_pieces import names_appeal_header
from gongkai.ingest.cell_lines import cell_lines
from gongkai.ingest.cell_text import clean_cell
from gongkai.ingest.document import Block, TextBlock
from gongkai.ingest.line_cells import split_line
from gongkai.ingest.line_kinds import PAGE_NUMBER, PIPE_SEPARATOR, is_pipe, kind_of_text, line_kind
from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.page_numbers import SLASHED, at_page_edge, slashes_number_pages
from gongkai.ingest.table_runs import MAX_WRAPPED_PIECE
from gongkai.ingest.vocabulary import (
    is_active_row,
    is_table_label,
    label_weight,
)
from gongkai.ingest.wrapped_labels import better_reading


def plain_blocks(lines: list[str], start: int, end: int) -> Iterator[Block]:
    if start >= end:
        return
    kinds = list(map(line_kind, lines[start:end]))
    # In text with page breaks (pdftotext), "13 / 389" inside a page is three cells of a table
    # that prints "/" for none, not a page number (those stand at a page's edge).
    slashed = []
    if "page" in kinds:
        slashed = [n for n, k in enumerate(kinds) if k == "page" and SLASHED.match(lines[start + n])]
    if slashed and any(line[:1] == "\f" for line in lines):
        numbered = slashes_number_pages(lines)
        for n in slashed:
            if not (numbered and at_page_edge(lines, start + n)):
                kinds[n] = kind_of_text(lines[start + n], lines[start + n].strip())
    i = 0
    # (runs of cell kinds and of the others, found by groupby in C rather than a test per line)
    for cells, group in groupby(kinds, _CELL_KINDS.__contains__):
        j = i + len(list(group))
        if cells:
            run = kinds[i:j]
            if _BLANK_KINDS.issuperset(run):
                pass  # blank lines only (between paragraphs): no test below holds, and _texts yields nothing
            elif (
                run.count("value") + run.count("mixed") >= 3  # lines of figures
                # the labels weighed only where the figures do not decide (label_weight is pure)
                or sum(label_weight(lines[start + n]) for n in range(i, j) if kinds[n] == "short") >= 3
                or _figures_alone(lines[start + i : start + j]) >= _ROW_OF_FIGURES
                or _appeal_header_over_figures(lines[start + i : start + j])
                or _line_of_figures(lines[start + i : start + j])
                or _label_between_tables(lines, start + i, start + j)
                or any(kinds[n] == "mixed" and _statutory_row(lines[start + n]) for n in range(i, j))
            ):
                yield from better_reading(partial(cell_lines, lines, start + i, start + j, kinds[i:j]), kinds[i:j])
            else:
                yield from _texts(lines, start + i, start + j)
        else:
            yield from _texts(lines, start + i, start + j)  # prose and headings: a text block each
        i = j


_CELL_KINDS = frozenset({"value", "mixed", "short", "empty", "spacer", "page"})  # a run of them may be a table


_BLANK_KINDS = frozenset({"empty", "spacer"})


_NUMERAL = "一二三四五六七八九十"


_ITEM_START = re.compile(
    rf"(?:^|\s)(?:\d{{1,2}}\s*[.．、]|[{_NUMERAL}]{{1,2}}、|[（(][{_NUMERAL}]{{1,2}}[)）])\s*[\u3400-\u9fff]"
)


def _label_between_tables(lines: list[str], start: int, end: int) -> bool:
    """Short lines between two pipe tables, one of them holding the start of a numbered row label
    (2.没有现, （二）部分公开): a label a
    converter pulled out of the table, wrapped (``相关政`` / ``府信息`` / ``2.没有现`` / ``成信息``
    between a row and the next), kept as cells of the table rather than as text."""
    if start == 0 or end >= len(lines) or not is_pipe(lines[end]):
        return False
    if not (is_pipe(lines[start - 1]) or PIPE_SEPARATOR.match(lines[start - 1])):
        return False
    texts = [line.strip() for line in lines[start:end] if line.strip()]
    short = all(len(t) <= MAX_WRAPPED_PIECE for t in texts)
    return bool(texts) and short and any(_ITEM_START.search(t) for t in texts)


_ROW_OF_FIGURES = 5  # figures on lines of their own that make a row of a table, not a stray number


def _figures_alone(lines: list[str]) -> int:
    """How many figures stand on lines of nothing but figures (``0 1 1`` then ``0 2 7 1 0 0 8 1
    0 0 1 2``: a PDF-to-Markdown converter set a table's row of figures below the table, as
    text); 0 when any line holds words."""
    count = 0
    for line in lines:
        parts = line.split()
        if any(parse_cell(part).kind is not CellKind.NUMBER for part in parts):
            return 0
        count += len(parts)
    return count


def _appeal_header_over_figures(lines: list[str]) -> bool:
    """Table 四 as a converter set a region it took for a picture: its group headers in pieces
    (``行政 行政`` / ``复议 诉讼``), then its figures on lines of nothing but figures. The pieces
    weigh nothing as labels, so the run is kept as cells only when a piece of the header and a
    row's worth of lone figures are both there."""
    if not any(names_appeal_header(line) for line in lines):
        return False
    return _figures_alone([line for line in lines if line.strip() and _only_figures(line)]) >= _ROW_OF_FIGURES


def _only_figures(line: str) -> bool:
    return all(parse_cell(part).kind is CellKind.NUMBER for part in line.split())


def _line_of_figures(lines: list[str]) -> bool:
    """A line of nothing but figures, a row's worth or more, among header pieces (``pdftotext``
    printing table 四's fifteen figures on one line under its wrapped header ``维持 纠正 …``)."""
    return any(len(line.split()) >= _ROW_OF_FIGURES and _only_figures(line) for line in lines)


def _statutory_row(line: str) -> bool:
    """A row of a statutory table standing alone (a converter set the table's last row after it
    as text: ``四、结转下年度继续办理 0 2 5 7``): a table label, then two figures or more, or a
    row of table 二 and its one figure."""
    cells = split_line(line.strip())
    figures = sum(1 for c in cells if parse_cell(c).is_value)
    if len(cells) == 2 and figures == 1 and is_active_row(cells[0]):
        return True  # a row of table 二 of one column (行政事业性收费 1142.45): one figure is the row
    return figures >= 2 and is_table_label(cells[0])


def _texts(lines: list[str], start: int, end: int) -> Iterator[Block]:
    for number in range(start, end):
        text = clean_cell(lines[number].lstrip("#").strip())
        if text and not PAGE_NUMBER.match(text):
            yield TextBlock(text, f"line {number + 1}")
