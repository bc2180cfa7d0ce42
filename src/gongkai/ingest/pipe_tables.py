"""Pipe (Markdown) tables into table blocks: the rows between pipes, the rows a converter printed
without pipes or a cell short, and the one-line "tables" that are text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.ingest.cell_text import clean_cell
from gongkai.ingest.document import Block, Cell, TableBlock, TextBlock
from gongkai.ingest.line_cells import split_line
from gongkai.ingest.line_kinds import PIPE_SEPARATOR, is_empty, is_pipe, is_spacer
from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.pipe_label_figures import label_run_into_figure
from gongkai.ingest.pipe_spans import span_blanks
from gongkai.ingest.pipes import (
    labels_after_figures,
    lone_figures,
    phantom_columns,
    rejoin_displaced,
)
from gongkai.ingest.vocabulary import (
    is_active_row,
    is_numbered_request_row,
    is_table_label,
    label_weight,
)


def _pipe_cells(line: str) -> list[str]:
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        stripped = stripped[:-1]
    return [part.replace("\\|", "|") for part in re.split(r"(?<!\\)\|", stripped)]


def pipe_table(
    lines: list[str], start: int, end: int, joined: frozenset[int] = frozenset(), before: tuple[int, ...] = ()
) -> Iterator[Block]:
    """``before``: the empty lines (from 1) between the previous pipe table and this one."""
    rows: list[list[Cell]] = []
    lone: set[int] = set()  # rows that are figures on a line of their own
    width = 0  # cells of the table's separator row (| --- | --- |), once printed
    short: list[list[Cell]] = []  # pipe rows with fewer cells than their separator row
    grid_rows = [number for number in range(start, end) if _grid_row(lines[number])]
    phantom = phantom_columns([_pipe_cells(lines[number]) for number in grid_rows])
    spanned = dict(zip(grid_rows, span_blanks([_pipe_cells(lines[number]) for number in grid_rows]), strict=True))
    for number in range(start, end):
        line = lines[number]
        if PIPE_SEPARATOR.match(line):
            width = len(_pipe_cells(line))
            continue
        if is_empty(line) or is_spacer(line):
            continue
        if not is_pipe(line) and lone_figures(line):
            lone.add(len(rows))
            rows.append([Cell(text, f"line {number + 1} cell {k + 1}") for k, text in enumerate(line.split())])
            continue
        between = _row_between_pipes(line)
        cells = between or _pipe_cells(line)
        empty: frozenset[int] = frozenset()
        if between is None:
            empty = phantom.get(len(cells), frozenset()) | spanned.get(number, frozenset())
        rows.append(
            label_run_into_figure(
                [
                    Cell(clean_cell(text), f"line {number + 1} cell {k + 1}", lead=_lead(text))
                    for k, text in enumerate(cells)
                    if k not in empty
                ]
            )
        )
        if between is None and len(cells) < width and _lost_a_cell(lines, number, start, end, width):
            short.append(rows[-1])
    left: list[list[Cell]] = []
    rows, lone = labels_after_figures(rows, lone)
    if lone:
        rows, left = rejoin_displaced(rows, lone)
    if short:
        # A pipe row a cell short of its grid lost a cell, and where is not printed: its blank
        # cells no longer stand in their columns, so they are not kept as placed blanks (the
        # readings then place its figures in every way, for the arithmetic or a doubt to settle).
        kept = {id(row) for row in short}
        rows = [([cell for cell in row if cell.text] or row) if id(row) in kept else row for row in rows]
    filled = [cell for row in rows for cell in row if cell.text]
    if rows and _laid_out_text(rows):
        for row in rows:
            yield TextBlock("".join(cell.text for cell in row), row[0].where.split(" cell")[0])
    elif len(rows) == 1 and len(filled) == 1 and "报告" in filled[0].text and not label_weight(filled[0].text):
        # A PDF converter's "table" of one line of text (the title, set in its own frame): text.
        yield TextBlock(filled[0].text, filled[0].where.split(" cell")[0])
    elif rows:
        # Where the converter joined two pages (an empty line it printed; not a line emptied by
        # joining a wrapped figure's pieces into its row).
        breaks = tuple(number + 1 for number in range(start, end) if is_empty(lines[number]) and number not in joined)
        yield TableBlock(rows, f"lines {start + 1}-{end}", before + breaks, piped=True)
    for row in left:  # figures no row lacks: a page number, a footnote mark
        yield TextBlock(" ".join(cell.text for cell in row), row[0].where.split(" cell")[0])


def _grid_row(line: str) -> bool:
    """A pipe row of the table's grid: not its separator, nor a row printed without pipes."""
    return is_pipe(line) and not PIPE_SEPARATOR.match(line) and _row_between_pipes(line) is None


def _lead(text: str) -> int:
    """Blanks before a pipe cell's text beyond the one space of padding after the pipe."""
    if not text[:2].isspace():
        return 0
    return len(text) - len(text.lstrip()) - 1 if text.strip() else 0  # no-break spaces count


def _lost_a_cell(lines: list[str], number: int, start: int, end: int, width: int) -> bool:
    """Whether the pipe row on line ``number``, narrower than its separator row, lost a cell: the
    pipe rows next to it (the header above the separator counts) are as wide as the separator. A
    converter that runs several tables under one separator prints each narrower table's rows
    alike, and those are no row short of a cell."""
    around = []
    for step in (-1, 1):
        at = number + step
        while start <= at < end and PIPE_SEPARATOR.match(lines[at]):
            at += step
        if start <= at < end and is_pipe(lines[at]):
            around.append(len(_pipe_cells(lines[at])))
    return bool(around) and all(n == width for n in around)


def _row_between_pipes(line: str) -> list[str] | None:
    """A row of a table printed without pipes between the pipe rows of its table (``行政许可 84``
    under the pipe row of 信息内容 / 本年处理决定数量: the converter lost the row's grid): its
    label and its figures as cells. None for anything else (a wrapped piece of a label)."""
    if is_pipe(line):
        return None
    parts = split_line(line.strip())
    if len(parts) < 2 or not is_table_label(parts[0]):
        return None
    return parts if all(parse_cell(part).kind in (CellKind.NUMBER, CellKind.DASH) for part in parts[1:]) else None


def active_row_line(line: str) -> bool:
    """A row of table 二 printed without pipes (``行政事业性收费 5385.69``): kept in the pipe
    table it stands beside (table 二's rows are read by their labels, wherever they stand)."""
    parts = _row_between_pipes(line)
    if parts is None:
        # A table 三 row's whole label under the table (its figures on the pipe row above it).
        return "|" not in line and is_numbered_request_row(line.strip())
    return is_active_row(parts[0])


def _laid_out_text(rows: list[list[Cell]]) -> bool:
    """A line of text a PDF-to-Markdown converter set as a pipe table of its own (the title
    beside a blank column, a sentence cut at the page's column edges): at most two rows, no
    figure, no label of the statutory tables, and words enough to be a line of prose."""
    if len(rows) > 2:
        return False
    filled = [cell.text for row in rows for cell in row if cell.text]
    if not filled or max(len(text) for text in filled) < 8:
        return False
    return not any(parse_cell(text).is_value or label_weight(text) for text in filled)
