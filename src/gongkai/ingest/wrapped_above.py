"""A laid-out row printed over two lines: wrapped cells' figures on the first, their units on the second.

A narrow cell typing its unit (``267件``) wraps to ``267`` over ``件``. Where the row's label wraps
too, ``pdftotext -layout`` prints the row on two lines: the first holds the label's first line,
the wrapped cells' figures and any one-line cell set level with it (``(二)部分公开（区分处理的，
267   0 431件``); the second the label's second line, the wrapped cells' units, and the other
one-line cells (``只计这一情形…  件  69件 0件  71件  24件 件``). Each lone unit of the second line
is the foot of the bare figure standing over it: when they pair one to one, in order, each
within a few columns, the first line's figures move down into the second line (at their units'
places, or where they stood), so that the row's cells stand on one line; the first line keeps
its label. ``units.wrapped_cells`` does the same for a row printed over three lines.
"""

from __future__ import annotations

import re

from gongkai.ingest.units import COUNT_UNITS

_TOKEN = re.compile(r"\S+")
_BARE = re.compile(r"[-−－]?[0-9]+")
_WITH_UNIT = re.compile(rf"(?<![-−－0-9])[-−－]?[0-9]+[{COUNT_UNITS}]")  # lookbehind: linear on digit runs
_REACH = 4  # columns a wrapped cell's unit may stand off its figure (CJK labels skew a line's columns)


_SPACES = frozenset(" \t\n\r\u3000\f")


def any_lone_unit(text: str) -> bool:
    """Whether ``text`` holds a unit standing alone at all, so that the line-by-line pass runs
    only for the few texts that need it (``str.find`` per unit: a regular expression over the
    whole text costs a tenth of the reading)."""
    for unit in COUNT_UNITS:
        at = text.find(unit)
        while at >= 0:
            if (at == 0 or text[at - 1] in _SPACES) and (at + 1 == len(text) or text[at + 1] in _SPACES):
                return True
            at = text.find(unit, at + 1)
    return False


def rows_wrapped_above(lines: list[str]) -> list[str]:
    """``lines`` with each two-line row of wrapped cells put on its second line (see the module)."""
    out = list(lines)
    for i in range(len(out) - 1):
        below = out[i + 1]
        if not any(unit in below for unit in COUNT_UNITS) or not any(ch.isdigit() for ch in out[i]):
            continue  # most lines: nothing wrapped (keeps reading fast)
        moved = _moved(out[i], below)
        if moved is not None:
            out[i], out[i + 1] = moved
    return out


def _cells(line: str) -> list[re.Match[str]] | None:
    """The cells after a line's label (figures, figure+unit cells, lone units), or None when a
    word follows the first figure (prose, not a row)."""
    tokens = list(_TOKEN.finditer(line))
    start = next((k for k, t in enumerate(tokens) if _cell(t.group())), None)
    if start is None:
        return []
    cells = tokens[start:]
    return cells if all(_cell(t.group()) for t in cells) else None


def _cell(word: str) -> bool:
    return bool(_BARE.fullmatch(word) or _WITH_UNIT.fullmatch(word) or (len(word) == 1 and word in COUNT_UNITS))


def _spaced_units(cells: list[re.Match[str]]) -> set[int]:
    """The places of the lone units in ``cells`` standing one space after a bare figure (``5 件``)."""
    return {
        k
        for k, t in enumerate(cells)
        if k
        and t.group() in COUNT_UNITS
        and _BARE.fullmatch(cells[k - 1].group())
        and t.start() == cells[k - 1].end() + 1
    }


def _moved(above: str, below: str) -> tuple[str, str] | None:
    top, bottom = _cells(above), _cells(below)
    if not top or not bottom:
        return None
    spaced = _spaced_units(top)  # ``5 件``: a one-line cell printed with a space, no foot
    if any(len(t.group()) == 1 and t.group() in COUNT_UNITS and k not in spaced for k, t in enumerate(top)):
        return None  # the first line holds a wrapped cell's foot itself: another layout
    bare = [t for k, t in enumerate(top) if _BARE.fullmatch(t.group()) and k + 1 not in spaced]
    lone = [
        t
        for k, t in enumerate(bottom)
        if len(t.group()) == 1 and t.group() in COUNT_UNITS and not (k and _BARE.fullmatch(bottom[k - 1].group()))
    ]
    if not bare or len(bare) != len(lone):
        return None
    if not any(_WITH_UNIT.fullmatch(t.group()) for t in bottom) and not _spaced_units(bottom):
        return None  # no figure+unit cell on the second line: not a row of such cells
    if any(
        abs(f.start() - u.start()) > _REACH and abs(f.end() - 1 - u.start()) > _REACH
        for f, u in zip(bare, lone, strict=True)
    ):
        return None
    row = list(below.ljust(max(len(below), len(above))))
    # the first line's one-line cells first, where they stood: a wrapped figure goes in around them
    for cell in top:
        if cell in bare:
            continue
        a, b = cell.span()
        if "".join(row[max(0, a - 1) : b + 1]).strip():
            return None  # a one-line cell of the first line with no room under it
        row[a:b] = cell.group()
    inserted: list[tuple[int, str]] = []  # figures whose place in the row is taken: put in with room
    for figure, unit in zip(bare, lone, strict=True):
        text = figure.group()
        start = unit.start() - len(text)  # the figure, then its unit (267件), ending where the unit stood
        if start >= 1 and not "".join(row[start - 1 : unit.start()]).strip():
            row[start : unit.start()] = text
        else:
            inserted.append((unit.start(), text))
    line = "".join(row)
    for at, text in sorted(inserted, reverse=True):
        line = f"{line[:at]} {text}{line[at:]}"
    label_end = top[0].start()
    return above[:label_end].rstrip(), line.rstrip()
