"""Figures a narrow pipe cell wrapped digit by digit over their unit (``４<br>０<br>件``), put back.

A Word table whose cells print each figure with its unit (``０件``) in columns one full-width
character wide wraps a figure of two digits a digit a line, its unit under them: pymupdf4llm
keeps the lines in the cell (``4<br>0<br>件``, ``1<br>7`` where the page broke before the
unit). Read as printed, the cell is a word, or two figures; the row then stops at it. Each such
cell is read both ways — its digits as one figure, or each line a figure — and the row takes the
one choice of its cells that satisfies the row sums (``wrapped_digits.sums_hold``) and joins
any; none or several leave it as printed. Only a row that prints its figures with units (a cell
``0件``, or a unit under a cell's lines), which the plain ``80<br>6`` fixer
(``wrapped_pipe_figures``) does not take, or one with a figure wrapped on three lines or more
(``１<br>６<br>０``), is read so.
"""

from __future__ import annotations

import itertools
import re

from gongkai.ingest.units import COUNT_UNITS
from gongkai.ingest.wrapped_digits import MIN_FIGURES, is_figure, sums_hold

_BREAK = re.compile(r" ?<br ?/?> ?", re.IGNORECASE)
_MAX_WRAPPED = 10  # cells of one row holding wrapped digits: 2**10 readings at most

# A cell read: its figures' lines (several where it wrapped), the unit it carries ("" for none).
_Cell = tuple[list[str], str]


def _read(cell: str) -> _Cell | None:
    """A cell of a row of figures: blank, a figure with or without its unit (``0件``), or a
    figure's lines (``4<br>0<br>件``); None for a word."""
    text = cell.strip()
    if not text:
        return [], ""
    pieces = _BREAK.split(text) if "<" in text else [text]
    unit = ""
    last = pieces[-1].strip()
    if len(pieces) > 1 and len(last) == 1 and last in COUNT_UNITS:
        pieces, unit = pieces[:-1], last
    elif len(pieces) == 1 and len(last) > 1 and last[-1] in COUNT_UNITS:
        pieces, unit = [last[:-1].rstrip(" \u3000")], last[-1]
    lines = [p.strip() for p in pieces]
    return (lines, unit) if all(is_figure(p) for p in lines) else None


def pipe_cells_with_digit_wraps(lines: list[str]) -> list[str]:
    """``lines`` with each pipe row's digit-wrapped cells read as their figures (see the module)."""
    out = list(lines)
    for i, line in enumerate(out):
        if "<br" not in line or not line.lstrip().startswith("|"):
            continue  # cheap: no wrapped cell
        joined = _joined(line.strip()[1:-1].split("|"))
        if joined is not None:
            out[i] = line[: line.index("|")] + f"|{'|'.join(joined)}|"
    return out


def _joined(cells: list[str]) -> list[str] | None:
    read = [_read(cell) for cell in cells]
    first = len(read)  # the row's figure cells: from the right, up to its label
    while first and read[first - 1] is not None:
        first -= 1
    figures = [r for r in read[first:] if r is not None]
    wrapped = [k for k in range(first, len(read)) if (r := read[k]) is not None and len(r[0]) > 1]
    if not wrapped or len(wrapped) > _MAX_WRAPPED:
        return None
    if not any(unit for _, unit in figures) and not any(len((read[k] or ([], ""))[0]) > 2 for k in wrapped):
        return None  # a row of two-line cells without units: ``wrapped_pipe_figures``' (``80<br>6``)
    choices = []
    for joins in itertools.product((False, True), repeat=len(wrapped)):
        values: list[int] = []
        for k in range(first, len(read)):
            lines, _ = read[k] or ([], "")
            if k in wrapped and joins[wrapped.index(k)]:
                values.append(int("".join(lines)))
            else:
                values += [int(p) for p in lines]
        if len(values) >= MIN_FIGURES and sums_hold(values):
            choices.append(joins)
    if len(choices) != 1 or not any(choices[0]):
        return None
    out = list(cells)
    for k, join in zip(wrapped, choices[0], strict=True):
        lines, unit = read[k] or ([], "")
        if join:
            out[k] = f" {''.join(lines)}{unit} "
    return out
