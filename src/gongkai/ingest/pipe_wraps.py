"""Figure+unit cells a PDF-to-Markdown converter spread over three pipe rows, put back on their row.

County sites type a unit into every cell (``8896件``); a narrow cell wraps it to ``8896`` over
``件``, and the page prints the row's one-line cells (``0件``, ``2172件``) between the two lines.
A converter (markitdown) sets the three lines as three pipe rows: the figure in the row above,
the unit in the row below. Between them it may start a new fragment (its ``| --- |`` line) or set
a wrapped label's pieces as loose lines; the row below may hold label pieces beside the units;
the figure may be the row's first cell (table 四 has no label column); and where the converter
merged two of the page's columns into one of its own, the figure lands in a cell that already
holds the next column's figure (``2091`` over ``547件``). Such a cell is joined with ``STACKED``:
the order of its figures is not the page's, and ``stacked_cells`` lets the arithmetic choose it —
unless the row's own sums choose it first (``pipe_centred_units.centred_row``: the one order in
which the row, or table 四's groups, add up).

A figure the converter set on a line of its own right above the row (``104``), its unit on a
line of its own right under it (``件``), goes into the row's trailing empty cells when they are
as many as the figures.
"""

from __future__ import annotations

import re

from gongkai.ingest.pipe_centred_units import centred_row
from gongkai.ingest.units import COUNT_UNITS

# What joins a wrapped figure to the figures a converter set in the same cell of the row below
# (a thin space: a space to every reader, and to ``stacked_cells`` the mark of an order unknown).
STACKED = "\u2009"
_FIGURE = r"[-−－]?[0-9]+(?:[.．][0-9]+)?"
_BARE = re.compile(_FIGURE)
_BARE_RUN = re.compile(rf"{_FIGURE}(?: {_FIGURE})*")
_UNITS_ONLY = re.compile(rf"[{COUNT_UNITS}](?: [{COUNT_UNITS}])*")
_WITH_UNIT = rf"(?<![0-9])[-−－]?[0-9]+[{COUNT_UNITS}]"
_FIGURES_WITH_UNITS = re.compile(rf"{_WITH_UNIT}(?: {_WITH_UNIT})*")
_ONE_WITH_UNIT = re.compile(_WITH_UNIT)
_MAX_BETWEEN = 2  # lines a converter sets between the rows: a ``| --- |`` line, a label's piece
_MAX_LONE = 3  # figures on a line of their own above a row


def _pipe_row(line: str) -> list[str] | None:
    """The cells of a pipe row (``| a | b |``), None for any other line."""
    stripped = line.strip()
    if not (stripped.startswith("|") and stripped.endswith("|")) or stripped.count("|") < 3:
        return None
    return stripped[1:-1].split("|")


def _is_separator(cells: list[str] | None) -> bool:
    """A pipe table's ``| --- | --- |`` line."""
    return cells is not None and all(cell.strip() and set(cell.strip()) <= set("-:") for cell in cells)


def _loose_label(line: str) -> bool:
    """A loose line of a label's piece a converter pulled out of the table: no pipe, no figure."""
    text = line.strip()
    return bool(text) and "|" not in text and not any(ch.isdigit() for ch in text) and len(text) <= 30


def _label_piece(cell: str) -> bool:
    """A cell of a wrapped label's piece: text with no figure and not a lone unit."""
    text = cell.strip()
    return bool(text) and not _UNITS_ONLY.fullmatch(text) and not any(ch.isdigit() for ch in text)


def _next_row(lines: list[str], at: int, step: int) -> int | None:
    """The nearest pipe row from ``at`` (exclusive) in direction ``step``, over at most
    ``_MAX_BETWEEN`` separator lines and loose label pieces; None when another line comes first."""
    k = at + step
    for _ in range(_MAX_BETWEEN + 1):
        if not 0 <= k < len(lines):
            return None
        cells = _pipe_row(lines[k])
        if cells is not None and not _is_separator(cells):
            return k
        if cells is None and not _loose_label(lines[k]):
            return None
        k += step
    return None


def _is_figure_row(cells: list[str]) -> bool:
    """A row of figures with their units (the middle row of a wrapped one)."""
    return any(_ONE_WITH_UNIT.search(cell) for cell in cells[1:])


def wrapped_pipe_cells(lines: list[str]) -> list[str]:
    """``lines`` with each figure+unit cell a converter spread over pipe rows put back on its row
    (the module's doc): where the row below holds, besides label pieces, nothing but lone units
    and blanks, as many units as the row above holds bare figures, and each of those figures'
    cells in the middle row is empty or holds figures with units, the figures move down into it
    and the units are blanked."""
    out = list(lines)
    for i in range(1, len(out) - 1):
        if "|" not in out[i] or not any(unit in out[i] for unit in COUNT_UNITS):
            continue  # cheap: the middle row prints figures with their units
        middle = _pipe_row(out[i])
        if middle is None or _is_separator(middle) or not _is_figure_row(middle):
            continue
        below = _next_row(out, i, 1)
        bottom = _pipe_row(out[below]) if below is not None else None
        above = _next_row(out, i, -1)
        top = _pipe_row(out[above]) if above is not None else None
        if above is None or below is None or bottom is None or top is None:
            _lone_above(out, i, middle)
            continue
        if not len(top) == len(middle) == len(bottom):
            continue
        units = [k for k, cell in enumerate(bottom) if _UNITS_ONLY.fullmatch(cell.strip())]
        if not units or any(
            cell.strip() and k not in units and not _label_piece(cell) for k, cell in enumerate(bottom)
        ):
            continue
        # The first cell too: a row of table 四 has no label, its first figure may have wrapped.
        figures = [k for k, cell in enumerate(top) if _BARE_RUN.fullmatch(cell.strip())]
        wrapped = sum(len(_BARE.findall(top[k])) for k in figures)
        if wrapped != sum(len(bottom[k].split()) for k in units):
            continue
        if any(middle[k].strip() and not _FIGURES_WITH_UNITS.fullmatch(middle[k].strip()) for k in figures):
            continue
        decided = centred_row(middle, out[above], out[below])
        if decided is not None:  # the one order of each cell's figures in which the row adds up
            out[i], out[above], out[below] = decided
            continue
        for k in figures:
            # The cell lists its lines top first, so the wrapped figure comes first; which of the
            # page's columns it stood in is lost where the cell holds another figure (STACKED).
            joined = f"{top[k].strip()}{STACKED}{middle[k].strip()}" if middle[k].strip() else top[k].strip()
            middle[k], top[k] = f" {joined} ", " " * len(top[k])
        for k in units:
            bottom[k] = " " * len(bottom[k])
        out[above], out[i], out[below] = (f"|{'|'.join(row)}|" for row in (top, middle, bottom))
    return out


def _lone_above(out: list[str], i: int, middle: list[str]) -> None:
    """A row's wrapped figures set on a line of their own right above it (``104``), their units
    on a line of their own right under it (past its ``| --- |`` line): into the row's trailing
    empty cells, when they are as many as the figures."""
    if i < 1 or "|" in out[i - 1]:
        return
    figures = out[i - 1].split()
    if not figures or len(figures) > _MAX_LONE or not all(_BARE.fullmatch(f) for f in figures):
        return
    k = i + 1
    if k < len(out) and _is_separator(_pipe_row(out[k])):
        k += 1
    if k >= len(out) or "|" in out[k] or len(out[k].split()) != len(figures):
        return
    if not all(part in COUNT_UNITS for part in out[k].split()):
        return
    last = max(j for j, cell in enumerate(middle) if cell.strip())
    trailing = len(middle) - 1 - last
    if trailing != len(figures):
        return
    for j, figure in enumerate(figures, last + 1):
        middle[j] = f" {figure} "
    out[i - 1], out[i], out[k] = "", f"|{'|'.join(middle)}|", ""
