"""The feet of wrapped figure+unit cells in ``pdftotext``'s default flow (no ``-layout``).

A table whose cells type their unit (``73 件``) in narrow columns wraps a long cell to ``292``
over ``件``; ``pdftotext`` without ``-layout`` prints the row's line with the bare figure and the
wrapped units on a line of their own, alone (``件``, ``件 件``) or at the head of the next line of
cells (``439 件 292`` / ``件 32 件 9 件 69 件 37 件 件``); a last cell wrapped the other way, its
unit first, leaves the unit at the end of the row's line and the figure alone on the next
(``… 37 件 件`` / ``0``). In a text whose rows are runs of figure+unit cells, such a unit is the
foot of a figure, never a word of a label: a unit alone on its line, or heading a line of
figure+unit cells after a row that ends in a bare figure, goes (a line of units alone is
blanked, so that no line goes), and a unit ending a row of such cells with a figure alone on the
next line is joined to it; such a cell read backwards (``件0``: the unit, wider, set first) is
turned round (``0件``) on a row of figure+unit cells. ``-layout`` lines are left to ``unit_first``
and ``wrapped_above``, which place the feet by their columns.
"""

from __future__ import annotations

import re

from gongkai.ingest.units import COUNT_UNITS

_UNIT_FIRST = re.compile(rf"(?<![^\s|])([{COUNT_UNITS}])([0-9]+)(?![^\s|])")  # 件0
_CELL = re.compile(rf"(?<![^\s|])[0-9]+ ?[{COUNT_UNITS}](?![^\s|])")  # 15件 or 15 件
_MIN_CELLS = 3  # figure+unit cells a line holds to be a row of such cells
_MIN_ROWS = 3  # such rows the text holds: a table of figure+unit cells, not prose's counts
_UNITS = frozenset(COUNT_UNITS)


def _flowed(line: str) -> bool:
    """A line as the default mode prints it: not indented, one space between words."""
    return line[:1] not in (" ", "\u3000") and "  " not in line


def _bare_end(line: str) -> bool:
    """Whether the line's last word is a bare figure (a cell whose unit wrapped)."""
    words = line.split()
    return bool(words) and words[-1].isascii() and words[-1].isdigit()


def flowed_unit_feet(lines: list[str]) -> list[str]:
    """``lines`` with the wrapped units of figure+unit cells blanked or joined (see the module);
    the same lines where the text holds no rows of such cells in the default flow."""
    rows = 0
    for line in lines:
        units = "件" in line or "个" in line or "项" in line or "条" in line  # str tests: most lines hold none
        if units and _flowed(line) and len(_CELL.findall(line)) >= _MIN_CELLS:
            rows += 1
    if rows < _MIN_ROWS:
        return lines
    out = list(lines)
    for i, line in enumerate(out):
        words = line.split()
        if not words or not _flowed(line) or not any(w in _UNITS for w in words):
            continue
        if all(w in _UNITS for w in words):  # units alone: the feet of the cells above
            out[i] = "".join(" " if ch in _UNITS else ch for ch in line)
            continue
        if words[0] in _UNITS and i > 0 and _bare_end(out[i - 1]) and len(_CELL.findall(line)) >= 2:
            line = out[i] = line.split(None, 1)[1]  # the foot of the row's last figure above
        if words[-1] in _UNITS and i + 1 < len(out) and len(_CELL.findall(line)) >= 2:
            below = out[i + 1].strip()
            if below.isascii() and below.isdigit():  # a last cell wrapped unit first: 件 over 0
                out[i], out[i + 1] = line.rstrip() + below, " " * len(out[i + 1])  # no paragraph break
    for i, line in enumerate(out):
        if _flowed(line) and _UNIT_FIRST.search(line) and len(_CELL.findall(line)) >= 2:
            line = out[i] = _UNIT_FIRST.sub(lambda m: m.group(2) + m.group(1), line)
        if _flowed(line) and _cells_only(line):  # figures and their units: each unit joined to its
            out[i] = _joined(line)  # figure (``439 件 292`` → ``439件 292``), a foot left over dropped
    return out


def _joined(line: str) -> str:
    cells: list[str] = []
    for word in line.split():
        if word not in _UNITS:
            cells.append(word)
        elif cells and cells[-1].isdigit():
            cells[-1] += word
    return " ".join(cells)


def _cells_only(line: str) -> bool:
    """Whether every word of ``line`` is a figure, a unit, or a figure with its unit (either side)."""
    words = line.split()
    if len(words) < 2 or not any(w in _UNITS for w in words):
        return False
    return all(w.strip(COUNT_UNITS).isdigit() or w in _UNITS for w in words)
