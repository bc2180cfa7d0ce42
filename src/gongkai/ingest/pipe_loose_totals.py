"""A row's 总计 that markitdown pulled out of its pipe row onto a loose line above it, put back.

A Word table whose 总计 cell wraps its unit (``1150`` over ``件``) is set by markitdown as a pipe
row with that cell empty, the figure on a loose line above the row and the unit on one below
(``1150`` · ``| 1 | 一、本年新收… | | | 768 件 | 92 件 | … | 0 件 |`` · ``件``). The text reader
would take the lone figure for a page number or a 序号 and drop it from the table. The figure goes
back into the row only where the arithmetic says it is the row's total: the row as printed fails
its sums, the figure is the sum of the row's figures, the row is as wide as the pipe lines around it
and exactly one empty cell stands beside the row's run of figures (the cell markitdown emptied: the
total's column, first or last).
"""

from __future__ import annotations

from gongkai.ingest.units import COUNT_UNITS
from gongkai.ingest.wrapped_digits import MIN_FIGURES, is_figure, sums_hold

_MAX_FIGURES = 15  # figures of one pipe row: a table 三 row, a table 四 row of three groups


def _lone_figure(line: str) -> int | None:
    """The figure of a loose line holding a figure alone (perhaps with its unit), else None."""
    text = line.strip()
    if not text or text[0] == "|" or len(text) > 12:
        return None  # cheap: most lines
    if text[-1] in COUNT_UNITS:
        text = text[:-1].rstrip()
    return int(text) if is_figure(text) else None


def _cell_figures(cell: str) -> list[int] | None:
    """A pipe cell's figures (units dropped), None where it holds a word."""
    found = []
    for token in cell.split():
        token = token.rstrip(COUNT_UNITS)
        if not token:
            continue  # a unit alone
        if not is_figure(token):
            return None
        found.append(int(token))
    return found


def pipe_rows_with_loose_totals(lines: list[str]) -> list[str]:
    """``lines`` with each loose total above a pipe row put back into the row (see the module)."""
    out = list(lines)
    for i in range(1, len(out)):
        line = out[i]
        if not line.startswith("|") or "---" in line:
            continue
        total = _lone_figure(out[i - 1])
        if total is None or _lost_a_cell(out, i):
            continue
        joined = _row_with_total(line, total)
        if joined is not None:
            out[i], out[i - 1] = joined, ""
    return out


def _lost_a_cell(lines: list[str], at: int) -> bool:
    """Whether the pipe row at ``at`` is narrower than the pipe lines around it (the one after it,
    the one before its loose figure): a row that lost the figure's cell, not one that kept it empty
    (its figure goes back where the cell was, not into another empty cell)."""
    width = lines[at].count("|")
    return any(
        0 <= k < len(lines) and lines[k].lstrip().startswith("|") and lines[k].count("|") > width
        for k in (at + 1, at - 2)
    )


def _row_with_total(line: str, total: int) -> str | None:
    """The pipe row ``line`` with ``total`` in the one empty cell beside its figures, where the
    arithmetic places it there (see the module); else None."""
    cells = line.strip()[1:-1].split("|")
    figures: list[int] = []
    last = len(cells)  # the run of figure cells from the right: cells[first:last]
    while last and not cells[last - 1].strip():
        last -= 1
    first = last
    while first:
        found = _cell_figures(cells[first - 1])
        if found is None or not cells[first - 1].strip():
            break
        figures[:0] = found
        first -= 1
    if not MIN_FIGURES <= len(figures) < _MAX_FIGURES or first == last:
        return None
    if sums_hold(figures) or sum(figures) != total:
        return None  # the row adds up as printed, or the figure is not its total
    # the empty cells beside the run: before it (after a label) and after it (the row's end)
    places = [k for k in (first - 1, last) if 0 <= k < len(cells) and not cells[k].strip()]
    if first - 1 >= 0 and cells[first - 1].strip():
        places = [k for k in places if k != first - 1]
    if len(places) != 1:
        return None  # no empty cell, or one each side: the total's column is not decided
    cells[places[0]] = f" {total} "
    return line[: line.index("|")] + f"|{'|'.join(cells)}|"
