"""The six passes of ``wrapped_digits`` over laid-out text, run only where a line ends in two
cells (figures or dashes) at all.

Each pass looks at lines without a tab that end in figures: a row's figures and a wrapped
figure's pieces on the lines around it; each needs a line ending in two cells or more (a row of
four figures; a wrapped row's heads, or the three cells of its line, in ``rows_wrapped_around``).
A report's text mostly holds none (a tab table, a cell a line, prose), yet each pass asked every
line in Python. One search of the text joined (in C, skipping to the digits and dashes) tells;
where it finds none, no pass could change a line. The gate is looser than the passes (a line
holding a tab before its last two cells, or words glued to the first, opens it), never tighter.
"""

from __future__ import annotations

import re

from gongkai.ingest.heads_above import rows_with_heads_above
from gongkai.ingest.tail_first import rows_with_tail_first
from gongkai.ingest.wrapped_digits import (
    DASHES,
    rows_with_split_figures,
    rows_with_tails_further_down,
    rows_with_wrapped_digits,
    rows_wrapped_around,
)

_BLANK = r"[^\S\t\n]"  # a blank within a line (a tab: tab-separated cells, which no pass reads)
_DASHES = re.escape("".join(sorted(DASHES)))
# The last two cells of a line: a figure's last digit or a dash, blanks, a figure or a dash.
_TWO_CELLS_END = re.compile(rf"[0-9{_DASHES}]{_BLANK}+(?:[0-9]+|[{_DASHES}]){_BLANK}*$", re.MULTILINE)


def rows_with_wrapped_figures(lines: list[str]) -> list[str]:
    """``lines`` after the six passes (in their order), none run where no line ends in two cells."""
    text = "\n".join(lines)
    # (a line holding a line break of its own would read as two lines to the gate: run the passes)
    if text.count("\n") == len(lines) - 1 and _TWO_CELLS_END.search(text) is None:
        return lines
    lines = rows_with_tail_first(lines)  # pdftotext: 0 0 4 over the label's piece and 4 0 0 0
    lines = rows_wrapped_around(lines)  # a Word cell centred: 270 above the row, 3 below
    lines = rows_with_split_figures(lines)  # a narrow cell's figure: 15      0 on the row's line
    lines = rows_with_wrapped_digits(lines)  # a narrow cell's figure: 80 on the row, 6 under it
    lines = rows_with_tails_further_down(lines)  # pdftotext: the tails after the row's label
    return rows_with_heads_above(lines)  # pdftotext: 1 / 2 above the label, 6 … 1 on the row, 0 / 0 under it
