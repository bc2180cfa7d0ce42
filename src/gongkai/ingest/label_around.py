"""A row label of table 二 wrapped around its own figure, as a PDF-to-Markdown converter prints it.

A Word table centres each cell vertically: where a row's label wraps onto two lines in a narrow
column and its figure (a single line) stands level between them, a converter that lost the
table's grid prints the three as paragraphs, top to bottom: the label's head, the figure, the
label's tail (``行政事业性收`` / ``0.35`` / ``费``). Neither piece names a row, so the figure is
read as nothing and the row is lost.

``label_around_figures`` joins them back into one row line (``行政事业性收费 0.35``), the line
count kept, only where the two pieces together are the whole label of a row of table 二 and the
head alone is not (then the figure may be that row's and the tail something else).
"""

from __future__ import annotations

from gongkai.ingest.pipes import lone_figures
from gongkai.ingest.vocabulary import is_active_row


def _piece(line: str) -> bool:
    """A paragraph line that may be a piece of a wrapped label: words, no pipe cell."""
    text = line.strip()
    return bool(text) and "|" not in text and not lone_figures(text)


def label_around_figures(lines: list[str]) -> list[str]:
    """``lines`` with each label head, lone figure line and label tail of one row of table 二
    joined into the head's line (the other two left empty)."""
    out = list(lines)
    i = 0
    while i + 2 < len(lines):
        head, figures, tail = lines[i], lines[i + 1], lines[i + 2]
        if (
            lone_figures(figures)
            and _piece(head)
            and _piece(tail)
            and not is_active_row(head.strip())
            and is_active_row(head.strip() + tail.strip())
        ):
            out[i] = f"{head.strip()}{tail.strip()} {figures.strip()}"
            out[i + 1] = out[i + 2] = ""
            i += 3
            continue
        i += 1
    return out
