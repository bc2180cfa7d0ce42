"""Tab-separated tables: a row per line with cells split by tabs, or a cell per tab-indented
line with rows split by blank lines."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.ingest.cell_text import CELL_BLANKS, MARKS, clean_cell, tuple_new
from gongkai.ingest.document import CELL_DEFAULTS, Block, Cell, TableBlock, TextBlock
from gongkai.ingest.vocabulary import (
    label_weight,
)

_INDENTED = re.compile(r"^\t[^\t\n]*$", re.MULTILINE)  # a line starting with its one tab


def _mostly_indented(tab_lines: list[str]) -> bool:
    """Whether four in five of the lines (each holding a tab) start with their one tab. Told by
    counts of the lines joined where they decide it (in C): the lines starting with a tab are
    as many at most, and fewer by at most the tabs beyond one a line; counted line by line only
    where these bounds leave it open."""
    joined = "\n".join(tab_lines)
    starting = ("\n" + joined).count("\n\t")
    if starting * 5 < len(tab_lines) * 4:
        return False
    if (starting - (joined.count("\t") - len(tab_lines))) * 5 >= len(tab_lines) * 4:
        return True
    return sum(1 for _ in _INDENTED.finditer(joined)) * 5 >= len(tab_lines) * 4


# A line that is empty or a spacer (``line_kinds.is_empty`` or ``is_spacer``) is one without a
# tab whose every character is a blank: ``"\t" not in line and not line.strip()``, asked inline.


def tab_table(lines: list[str], start: int, end: int) -> Iterator[Block]:
    tab_lines = [line for line in lines[start:end] if "\t" in line]
    rows: list[list[Cell]] = []
    if _mostly_indented(tab_lines):
        # One cell per tab-indented line, rows split by blank lines.
        row: list[Cell] = []
        for number in range(start, end):
            line = lines[number]
            if "\t" not in line and not line.strip():  # is_empty or is_spacer (_BLANK_LINE)
                if row:
                    rows.append(row)
                    row = []
                continue
            text = line[1:] if line.startswith("\t") else line
            row.append(tuple_new(Cell, (clean_cell(text.replace("\t", " ")), f"line {number + 1}") + CELL_DEFAULTS))  # noqa: RUF005
        if row:
            rows.append(row)
    else:
        for number in range(start, end):
            line = lines[number]
            if "\t" not in line and not line.strip():  # is_empty or is_spacer (_BLANK_LINE)
                continue
            cells = line.rstrip("\r\n").split("\t")
            if MARKS.search(line) is None:
                # No mark for clean_cell to take out: it only strips the cell's blanks, and only
                # where the line holds one of them (a cell holds no tab and no newline).
                if " " in line or "\u3000" in line or "\xa0" in line or "\r" in line:
                    cells = [text.strip(CELL_BLANKS) for text in cells]
                head = f"line {number + 1} cell "
                rows.append(
                    [
                        tuple_new(Cell, (text, head + str(k)) + CELL_DEFAULTS)  # noqa: RUF005
                        for k, text in enumerate(cells, start=1)
                    ]
                )
            else:
                rows.append([Cell(clean_cell(text), f"line {number + 1} cell {k + 1}") for k, text in enumerate(cells)])
    filled = [cell for cell in rows[0] if cell.text] if len(rows) == 1 else []  # asked of one row only
    if len(rows) == 1 and len(filled) == 1 and "报告" in filled[0].text and not label_weight(filled[0].text):
        # A PDF converter's "table" of one line of text (the title, set in its own frame): text.
        yield TextBlock(filled[0].text, filled[0].where.split(" cell")[0])
    elif rows:
        yield TableBlock(rows, f"lines {start + 1}-{end}")
