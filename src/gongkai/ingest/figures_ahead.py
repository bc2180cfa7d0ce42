"""Give back figures that ``pdftotext`` printed ahead of their row labels in a blank-separated table.

Where table 三's group cells (（三）不予 / 公开, a narrow column) wrap, ``pdftotext`` (default mode)
reads the rows beside them in another order: a row's figures come out with the row before's
(``（二）部分公开 38 11 0 4 2 0``), its label after them, with the group's pieces
(``（三）不予`` / ``1.属于国家秘密`` / ``2.其他法律行政法规禁止公开 2 0 0``), or the last rows'
figures all on the row before their labels (``3.其他 32 3 0 289 72 0 10 7 0``, then ``公开`` …
``（七）总计`` / ``四、结转下年度继续办理``).

A row holding a whole number of rows' worth of figures (the table's usual count, twice or more)
followed by as many numbered labels as it holds rows too many (not counting the group labels'
pieces) is cut: the first row's worth stays, each further one goes to the next label in order.
Anything else is left as it is.

Such a table has many wrapped labels (``（四）无法`` / ``提供``, ``科研机`` / ``构``): filled lines
follow each other more often than the text reader's test of a blank-separated table allows, but
only ever label pieces; ``only_labels_wrap`` tells it so.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from gongkai.ingest.document import Cell
from gongkai.ingest.numbers import parse_cell
from gongkai.report.templates import ACCEPTED, DENIED, NOT_PROCESSED, OTHER_HANDLING, UNAVAILABLE

_GROUPS = (ACCEPTED, DENIED, UNAVAILABLE, NOT_PROCESSED, OTHER_HANDLING)
_NUMBERED = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[)）]|\d{1,2}\s*[.．、])")
_MIN_ROWS = 5  # rows of the usual count that make it the table's
_MAX_AHEAD = 6  # rows' worth of figures on one row, at most


def only_labels_wrap(kinds: list[str], filled: int) -> bool:
    """Filled lines (kinds as text.py's) follow each other only as label pieces, never a figure
    next to another filled line: in a tight table (a line per cell, blank cells as empty lines) a
    row's label and its first figure, and the figures, follow each other all the time."""
    figures = ("value", "mixed")
    filled_kinds = ("value", "mixed", "short")
    touching = sum(
        1 for a, b in pairwise(kinds) if (a in figures and b in filled_kinds) or (b in figures and a in filled_kinds)
    )
    return touching * 20 <= filled


def _group_piece(line: str) -> bool:
    """A piece of a group label as a narrow cell wraps it: its start (（三）不予) or its end (公开)."""
    text = line.strip()
    return len(text) >= 2 and any(g.startswith(text) or g.endswith(text) for g in _GROUPS)


def _split(row: list[Cell]) -> tuple[list[Cell], list[Cell]] | None:
    """(label cells, figure cells) of a row whose figures all follow its labels; None otherwise."""
    flags = [parse_cell(cell.text).is_value for cell in row]
    first = flags.index(True) if True in flags else len(row)
    if not all(flags[first:]):
        return None
    return row[:first], row[first:]


def _labels(cells: list[Cell]) -> tuple[list[tuple[str, Cell]], list[Cell]]:
    """The numbered row labels among label cells' lines (a wrapped label's tail joined to it), and
    the cells holding none (kept as they were); group labels' pieces dropped."""
    labels: list[tuple[str, Cell]] = []
    rest: list[Cell] = []
    for cell in cells:
        lines = [line.strip() for line in cell.text.split("\n") if line.strip()]
        if not any(_NUMBERED.match(line) and not _group_piece(line) for line in lines):
            if not all(_group_piece(line) for line in lines):
                rest.append(cell)
            continue
        current = ""
        for line in lines:
            if _group_piece(line):
                continue  # a group label's piece: no row of its own, and no figure
            if _NUMBERED.match(line):
                if current:
                    labels.append((current, cell))
                current = line
            elif current:
                current += line  # a wrapped label's tail
        if current:
            labels.append((current, cell))
    return labels, rest


def rows_with_figures_ahead(rows: list[list[Cell]]) -> list[list[Cell]]:
    """``rows`` with figures printed ahead of their labels given back to them (see the module)."""
    counts = [sum(1 for cell in row if parse_cell(cell.text).is_value) for row in rows]
    usual = {count for count, rows_of in Counter(c for c in counts if c >= 2).items() if rows_of >= _MIN_ROWS}
    if not any(c >= 2 * width and c % width == 0 for c in counts for width in usual):
        return rows
    out: list[list[Cell]] = []
    width = 0  # the figures of the last row holding the usual count: a row's worth here
    i = 0
    while i < len(rows):
        done = _given_back(rows, counts, i, width) if width else None
        if counts[i] in usual:
            width = counts[i]
        if done is None:
            out.append(rows[i])
            i += 1
        else:
            made, i = done
            out.extend(made)
    return out


def _given_back(rows: list[list[Cell]], counts: list[int], i: int, width: int) -> tuple[list[list[Cell]], int] | None:
    count = counts[i]
    ahead = count // width - 1
    if count < 2 * width or count % width or ahead > _MAX_AHEAD:
        return None
    parts = _split(rows[i])
    if parts is None or not parts[0]:
        return None
    head, figures = parts
    j = i + 1
    label_cells: list[Cell] = []
    while j < len(rows) and counts[j] == 0:
        label_cells.extend(rows[j])
        j += 1
    own: list[Cell] = []
    if j < len(rows) and (last := _split(rows[j])) is not None:
        label_cells.extend(last[0])  # the next row's label among them: its own figures stay its
        own = last[1]
    labels, rest = _labels(label_cells)
    if len(labels) != ahead + (1 if own else 0):
        return None
    made = [head + figures[:width]]
    for k in range(ahead):
        text, cell = labels[k]
        made.append([cell._replace(text=text), *figures[(k + 1) * width : (k + 2) * width]])
    if own:
        text, cell = labels[-1]
        made.append([*rest, cell._replace(text=text), *own])
        j += 1
    elif rest:
        made.append(rest)
    return made, j
