"""Count units that wrapped off their figures in text set one cell (or one row) a line.

A county's table types the unit into every cell (``737件``). Where a cell is too narrow the unit
wraps under its figure, and ``pdftotext`` (default mode, no ``-layout``) prints those units as
lines of their own (``件`` / ``件 件``), glued before the next cell's figure (``3件 件0 22件``) or
after a row label's piece (``…不再处理其 件 2件 15件``). Left in, a lone unit reads as a word:
it cuts the row it falls in two, and a line of them blanked to spaces reads as blank cells.

``units_unwrapped`` takes these units out, only in a text whose tables print units in cells
(a run of two figures each with its unit on one line, ``0件 2172件``: no sentence counts so):

- a line of nothing but units becomes a spacer line (``\\u3000``: never a cell, the line's number kept);
- a unit standing apart on a line that holds figure+unit cells becomes a space, and so does a
  unit glued before a figure standing apart (``件0`` → `` 0``), one character for one.
"""

from __future__ import annotations

import re

from gongkai.ingest.units import COUNT_UNITS

# The first digit, then the look-behind over the character before it (the same matches as a
# look-behind first; the regex engine then skips to digits, the text being searched whole).
_FIGURE_UNIT = rf"[0-9](?<![0-9A-Za-z第.．][0-9])[0-9]*[{COUNT_UNITS}]"
# Two figure+unit cells in a row on one line: the mark of a table printing units in its cells.
_UNIT_CELLS = re.compile(rf"{_FIGURE_UNIT}[ \u3000]+[0-9]+[{COUNT_UNITS}]?(?![^\s])")
_UNITS_AND_SPACES = frozenset(COUNT_UNITS + " \u3000")
# A unit between spaces or the line's ends, or glued before a figure that ends at a space or the
# line's end (``件0``): the wrapped unit of a cell, never a word of a label.
_STRAY_UNIT = re.compile(rf"(?<![^\s])[{COUNT_UNITS}](?=\s|$|[0-9]+(?![^\s]))")
_SPACER = "\u3000"


def units_unwrapped(lines: list[str]) -> list[str]:
    """``lines`` with the count units that wrapped off their figures taken out (see the module)."""
    # Two lines of unit cells at least, found in one pass in C (not a Python call per line).
    text = "\n".join(lines)
    first = _UNIT_CELLS.search(text)
    end = text.find("\n", first.end()) if first is not None else -1
    if end < 0 or _UNIT_CELLS.search(text, end) is None:
        return lines  # the text's tables print no units in their cells
    out: list[str] = []
    for line in lines:
        if not line or not any(unit in line for unit in COUNT_UNITS):
            out.append(line)
        elif _only_units(line):
            out.append(_SPACER)
        elif _has_unit_cells(line):
            out.append(_STRAY_UNIT.sub(" ", line))
        else:
            out.append(line)
    return out


def _only_units(line: str) -> bool:
    """A line of nothing but units (and spaces): ``件``, ``件 件``."""
    return bool(line.strip(" \u3000")) and all(ch in _UNITS_AND_SPACES for ch in line)


def _has_unit_cells(line: str) -> bool:
    """Whether ``line`` holds two figure+unit cells side by side (``0件 2172件``, ``3件 22``)."""
    return any(unit in line for unit in COUNT_UNITS) and _UNIT_CELLS.search(line) is not None
