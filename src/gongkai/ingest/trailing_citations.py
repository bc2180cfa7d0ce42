"""Table 二 with the 第二十条 citation as its LAST column (条款), merged down beside each item's rows.

Most reports print an item's citation (第二十条第（一）项) first, a merged cell left of its rows, and
the readers take it as the start of the item's group. Printed last, it lands after the figures of
the item's first row: on -layout's line (``规章  1  33  1   第二十条第（一）项``) or in a Markdown
converter's pipe cell with the row's last figure (``| 94.16 第二十条第（八）项 |``), where it takes
the row's place or misreads its figure. A citation ending a line or a pipe cell right after a
figure can only trail its row (a first-column citation starts its line): it is furniture there,
cut from the row.

A crawler's run-on text glues it to the figures too (``规章1331第二十条第（一）项``), but there it
may as well open the next item's group, and it cuts the run where the row ends (before the page's
number, the next label): it is left for the run-on cutter.
"""

from __future__ import annotations

import re

from gongkai.ingest.vocabulary import CITATION, is_active_row

# What a row's last cell may end with right before the citation: a figure, its count unit, a dash.
_AT_CELL_END = re.compile(rf"(?<=[0-9件—／/－-])\s*{CITATION}(?=\s*(?:\||$))")


def trailing_citations_cut(lines: list[str]) -> list[str]:
    """``lines`` with every 第二十条 citation that ends a line or a pipe cell right after a row's
    last figure cut out of it."""
    # Both patterns need 第 and 项: most lines (prose's 事项, 项目) hold not both.
    return [_after_row_label(_AT_CELL_END.sub(" ", line)) if "项" in line and "第" in line else line for line in lines]


_CELL = re.compile(rf"(?<=\|)\s*{CITATION}\s*(?=\|)")


def _after_row_label(line: str) -> str:
    """A pipe row whose citation stands in a cell of its own right after the row's label, no
    figure between (the converter lifted the row's figure out of the row, above it, and left its
    column to the citation, where it would be read as the figure's blank), that cell blank."""
    first = _CELL.search(line)
    if first is None:
        return line
    cells = [cell.strip() for cell in line[: first.start()].split("|") if cell.strip()]
    if not cells or not is_active_row(cells[-1]):
        return line  # a figure before it (the citation's own column, read as a label) or no row
    return f"{line[: first.start()]} {line[first.end() :]}"
