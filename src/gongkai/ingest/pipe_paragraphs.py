"""Rows of a pipe table that a PDF-to-Markdown converter set as one paragraph between two pieces
of the table.

Where a table breaks over pages, pymupdf4llm may lose the grid of one page's piece of it and set
that piece as a paragraph: the wrapped labels' pieces and each row's figures in reading order,
``政府信 息公开 申请数 量 （一 三、本 ）予 年度办 12 0 8 0 0 4 24 以公 理结果 开 （二 0 0 0 0 0 2 2 …``.
The label pieces of two label columns are interleaved there and name no row, but every run of
figures is one row of the table, in the order of the rows: as long as the rows of the pieces of
the table above and below it, the same count of cells each.

``paragraph_rows`` gives each run as a row of figures without a label (a pipe row whose label a
converter pulled out), so that the rows around it, named by their labels, place it: the rows of
the table between the named row above and the named row below. The label pieces are left out.
"""

from __future__ import annotations

import re
from collections import Counter

from gongkai.ingest.document import Cell, TableBlock

_MIN_WIDTH = 5  # figures of a row: table 三 (seven columns), not table 二's one to four
_MAX_TOKENS = 400  # a paragraph longer than this is prose, not a page of a table
_ITEM = re.compile(r"\d{1,2}[.．、]\D")  # an item number opening a label piece (1.属 于): no figure
_FIGURE = re.compile(r"\d{1,7}")
_PIPE_FIGURE = re.compile(r"\|\s*\d{1,7}\s*(?=\|)")


def row_width(rows: list[list[Cell]]) -> int:
    """The count of figure cells most rows of a table hold, among rows holding ``_MIN_WIDTH`` or
    more; 0 when none does."""
    counts = Counter(n for row in rows if (n := sum(1 for c in row if _FIGURE.fullmatch(c.text))) >= _MIN_WIDTH)
    return counts.most_common(1)[0][0] if counts else 0


def holds_width(lines: list[str], start: int, end: int, width: int) -> bool:
    """Whether a pipe row among ``lines[start:end]`` holds exactly ``width`` figure cells."""
    return any(len(_PIPE_FIGURE.findall(lines[k] + "|")) == width for k in range(start, end) if "|" in lines[k])


def figure_runs(line: str, width: int) -> list[list[str]] | None:
    """The runs of figures of a paragraph line that is rows of a table ``width`` figures wide:
    every run exactly ``width`` long, every other word a label piece (no figure in it but an item
    number); None for any other line."""
    if "|" in line or width < _MIN_WIDTH or not any(ch.isdigit() for ch in line):
        return None
    tokens = line.split()
    if len(tokens) > _MAX_TOKENS:
        return None
    runs: list[list[str]] = []
    current: list[str] = []
    pieces = 0
    for token in tokens:
        if _FIGURE.fullmatch(token):
            current.append(token)
            continue
        if current:
            runs.append(current)
            current = []
        if any(ch.isdigit() for ch in token) and not _ITEM.match(token):
            return None  # 2023年, 64件, 3.5%: prose
        pieces += 1
    if current:
        runs.append(current)
    if not runs or not pieces or any(len(run) != width for run in runs):
        return None
    return runs


def paragraph_rows(line: str, number: int, width: int) -> TableBlock | None:
    """The figure runs of paragraph line ``number`` (0-based) as rows without labels; None where
    the line is no such paragraph (``figure_runs``)."""
    runs = figure_runs(line, width)
    if runs is None:
        return None
    where = f"line {number + 1}"
    rows = [
        [Cell(text, f"{where} cell {r * width + k + 1}") for k, text in enumerate(run)] for r, run in enumerate(runs)
    ]
    return TableBlock(rows, where, piped=True)
