"""A figure+unit cell that ``pdftotext`` printed unit first (``件0`` for ``0件``).

A narrow cell typing its unit wraps to ``0`` over ``件``; where the two lines of the cell sit
almost level with the row's one-line cells, ``pdftotext`` joins them onto the row's line, in the
order of their left edges: the wrapped unit, being wider than the digit it sat under, comes
first (``…10件 件0 184件``). In a row of figure+unit cells, a unit standing before a figure with
nothing else around them is that cell read backwards: it is turned round (``0件``, as many
characters, so a laid-out line keeps its columns) for ``units`` to read as any other cell.
Only laid-out lines (``-layout``: indented, or room kept between cells) are turned: the default
mode's readers place the cells of a line run together their own way.
"""

from __future__ import annotations

import re

from gongkai.ingest.units import COUNT_UNITS

_UNIT_FIRST = re.compile(rf"(?<![^\s|])([{COUNT_UNITS}])([0-9]+)(?![^\s|])")
_CELL = re.compile(rf"(?<![^\s|])[0-9]+[{COUNT_UNITS}](?![^\s|])")
_MIN_CELLS = 2  # figure+unit cells the line must hold besides: a row of such cells, not prose


def units_after_figures(line: str) -> str:
    """``line`` with each unit-first cell turned round, when the line is a row of figure+unit
    cells; else ``line`` as it is."""
    if not _laid_out(line) or not _UNIT_FIRST.search(line) or len(_CELL.findall(line)) < _MIN_CELLS:
        return line
    return _UNIT_FIRST.sub(lambda m: m.group(2) + m.group(1), line)


def _laid_out(line: str) -> bool:
    """A line as ``-layout`` prints it: indented, or room of two spaces or more between cells."""
    return line[:1] in (" ", "\u3000") or "  " in line


def any_unit_first(text: str) -> bool:
    """Whether ``text`` holds a unit standing before a figure at all, so that the line-by-line
    pass runs only for the few texts that need it (``str.find`` per unit: a regular expression
    over the whole text costs a tenth of the reading)."""
    for unit in COUNT_UNITS:
        at = text.find(unit)
        while at >= 0:
            if text[at + 1 : at + 2].isdigit() and (at == 0 or text[at - 1] in _SPACES):
                return True
            at = text.find(unit, at + 1)
    return False


_SPACES = frozenset(" \t\n|\u3000\f")
