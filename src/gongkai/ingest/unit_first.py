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
_CELL = re.compile(rf"(?<![^\s|])[0-9]+ ?[{COUNT_UNITS}](?![^\s|])")  # 15件 or 15 件
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


_REACH = 4  # columns the figure may stand off the unit it wrapped under (CJK labels skew columns)


def wrapped_units_first(lines: list[str]) -> list[str]:
    """``lines`` with a unit-first cell wrapped over two lines joined: a row's last cell ``件``
    over ``0`` (the unit, wider, set first), the figure alone on the next line, under it. The
    figure goes back after its unit (``件0``, for ``units_after_figures``) where the row above
    ends in figure+unit cells and that lone unit, and the figure stands within a few columns
    of it."""
    out = list(lines)
    for i in range(1, len(out)):
        figure = out[i].strip(" \u3000")  # a figure alone on its line (str methods: no regex per line)
        if not figure or not figure.isascii() or not figure.isdigit() or not _laid_out(out[i]):
            continue
        above = out[i - 1].rstrip()
        if len(above) < 2 or above[-1] not in COUNT_UNITS or above[-2] not in " \u3000":
            continue
        if abs(out[i].index(figure) - (len(above) - 1)) > _REACH or len(_CELL.findall(above)) < _MIN_CELLS:
            continue
        before = above[:-1].rstrip()[-1:]
        if not before or before not in COUNT_UNITS:
            continue  # the cell before the lone unit ends in its own unit: a row of such cells
        out[i - 1], out[i] = above + figure, ""
    return out


_TOKEN = re.compile(r"\S+")
_BARE = re.compile(r"[0-9]+")
_LEFT, _RIGHT = 4, 8  # columns a wrapped unit may stand off its figure (CJK labels skew a line's columns)


def wrapped_units_blanked(lines: list[str]) -> list[str]:
    """``lines`` with the foot of a row's last cell wrapped under it blanked: the row ends in a
    bare figure (``… 5 件 0``, ``… 439 件 292``) and the next line begins or ends in a unit alone
    under it (``件 32 件 9 …``, ``再处理其政府信息公开申请     件``). That unit is the figure's, not a
    label's word nor a row's label: it goes (a space, so the line keeps its columns), for the
    figure to read as printed and the next line's cells to continue the row."""
    out = list(lines)
    for i in range(len(out) - 1):
        row, below = out[i], out[i + 1]
        if not any(unit in below for unit in COUNT_UNITS) or not _laid_out(row):
            continue
        tokens = list(_TOKEN.finditer(row))
        if len(tokens) < 2 or not _BARE.fullmatch(tokens[-1].group()):
            continue  # the row does not end in a bare figure
        if len(_CELL.findall(row)) + len(_CELL.findall(below)) < _MIN_CELLS:
            continue  # not a row of figure+unit cells
        start, end = tokens[-1].span()
        under = list(_TOKEN.finditer(below))
        for token in (under[0], under[-1]) if under else ():
            if token.group() in COUNT_UNITS and start - _LEFT <= token.start() < end + _RIGHT:
                out[i + 1] = below[: token.start()] + " " + below[token.end() :]
                break
    return out
