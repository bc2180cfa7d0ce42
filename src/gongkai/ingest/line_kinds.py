"""What each line of a text dump is: empty, a spacer, a page number, a heading, a tab or pipe
row, a figure, a row printed on one line (words then figures), a short cell, or prose."""

from __future__ import annotations

import re
from functools import lru_cache

from gongkai.ingest.dash_runs import dashed_figures
from gongkai.ingest.line_cells import CELL_COUNT_UNITS, split_line
from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.section_headings import HEADING_FIRST, match_section_heading
from gongkai.ingest.vocabulary import (
    label_weight,
)

_MAX_SHORT = 60  # longer lines are prose, never a table cell


# No two neighbouring repeats can match the same spaces: linear time on a line of blanks.
PIPE_SEPARATOR = re.compile(r"^\s*(?:\|\s*)?:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*(?:\|\s*)?$")


PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:(?:\s*[,，/])?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})\s*$"
)


def is_tab(line: str) -> bool:
    return "\t" in line and (len(line) <= 400 or line.count("\t") >= 3)


def is_pipe(line: str) -> bool:
    stripped = line.strip()
    return stripped.count("|") >= 2 and (stripped.startswith("|") or stripped.endswith("|") or stripped.count("|") >= 3)


def is_empty(line: str) -> bool:
    return not line.strip(" \t\r") and "\t" not in line


def is_spacer(line: str) -> bool:
    """A line of nothing but no-break or ideographic spaces: a spacer paragraph, never a cell."""
    return bool(line) and not line.strip() and "\t" not in line and line.strip(" ") != ""


def is_heading(line: str) -> bool:
    # A heading's first character but blanks is one of these (match_section_heading's own first
    # test, asked here before the copy with tabs as spaces and the call: asked of every tab row).
    first = line.lstrip()[:1]
    return bool(first) and first in HEADING_FIRST and match_section_heading(line.replace("\t", " ")) is not None


_DASH_ENDS = frozenset("/—－-–―")  # a line ending in a dash cell


@lru_cache(maxsize=32768)
def line_kind(line: str) -> str:
    """empty, spacer, page, heading, value, mixed (words then numbers), short, prose."""
    if is_empty(line):
        return "empty"
    if is_spacer(line):
        return "spacer"
    stripped = line.strip()
    if PAGE_NUMBER.match(stripped):
        return "page"
    return kind_of_text(line, stripped)


@lru_cache(maxsize=32768)
def kind_of_text(line: str, stripped: str) -> str:
    """``line_kind`` of a line that is not empty, a spacer or a page number."""
    if stripped.startswith("#") or is_heading(stripped):
        return "heading"
    if parse_cell(stripped).is_value:
        return "value"
    if stripped.endswith(("。", "；", ";")) or len(stripped) > 6 * _MAX_SHORT:
        return "prose"
    counted = stripped[-1] in CELL_COUNT_UNITS and stripped[-2:-1].isdigit()  # …15件
    # …  /  /, or dash cells run into the label and figures (规章———, …数量8//14//22)
    dashed = (stripped[-1] in _DASH_ENDS and stripped[-2:-1].isspace()) or dashed_figures(stripped) is not None
    if stripped[-1].isdigit() or stripped.endswith("元") or counted or dashed:
        # Words then numbers (a row printed on one line): only the words must be short.
        cells = split_line(stripped)
        if len(cells) > 1 and parse_cell(cells[-1]).kind in (CellKind.NUMBER, CellKind.DASH):
            words = sum(len(c) for c in cells if not parse_cell(c).is_value)
            figures = len(cells) - sum(1 for c in cells if not parse_cell(c).is_value)
            # A row of table 三 (7 figures) may carry its group labels too, some repeated where a
            # converter unmerged cells: longer words than one cell's, never a sentence's.
            return "mixed" if words <= (2 * _MAX_SHORT if figures >= 5 else _MAX_SHORT) else "prose"
    if len(stripped) <= _MAX_SHORT or label_weight(stripped) >= 2 or _header_pieces(stripped):
        return "short"  # a cell, or a row of header cells split by spaces
    return "prose"


def _header_pieces(line: str) -> bool:
    """A line of header cells wrapped a few characters a line and set side by side, as
    ``pdftotext -layout`` prints table 四's header (``维持   纠正   结果   审结``): several
    pieces of at most four characters, none a figure."""
    parts = line.split()
    return len(parts) >= 3 and all(len(part) <= 4 and not any(ch.isdigit() for ch in part) for part in parts)
