"""Several rows of a table set in one two-cell pipe row, each cell's lines joined with ``<br>``.

Where a PDF-to-Markdown converter (pymupdf4llm) takes a stretch of a table's rows for a single
row of two cells, it sets the lines of each cell top to bottom: the first cell holds each row's
wrapped label followed by its first figure (``一、本年<br>新收政府<br>…<br>98<br>二、上年<br>…<br>3``),
the second every other figure of those rows, row after row (``14<br>8<br>0<br>0<br>0<br>120<br>1<br>…``).
Read as one row, it names one label and a pile of figures, and every row in it is lost.

``stacked_pipe_rows`` sets such a pipe row back as one pipe row per row of the table: gated on a
first cell that is two or more runs of label pieces each closed by exactly one figure, and a
second cell of figures only, as many as a whole number per run (the second cell is read row after
row, as the converter wrote the page's lines). Anything else is left as printed.

In a table of full width the same happens to two or three rows whose rule between them the
converter missed: the label cell holds each row's wrapped label closed by that row's first figure
(``3.要求提供公<br>开出版物<br>0<br>4.无正当理由<br>大量反复申请0``, the last figure run on to its
label's last line), the first figures' own cell is left empty, and every later cell holds one
figure a row (``0<br>1``). Gated alike: the label cell's runs as many as every later cell's
figures (two at least), the empty cell right after the label cell, figures only after it.
"""

from __future__ import annotations

from gongkai.ingest.br_lines import BR
from gongkai.ingest.numbers import parse_cell

_MAX_PIECES = 400  # pieces of one cell looked at (a page of rows at most: bounded)
_MIN_STACKED = 3  # runs and second-cell figures: two rows of one figure each, or one row of three


def _is_figure(text: str) -> bool:
    return bool(text) and parse_cell(text).is_value


def _label_runs(pieces: list[str]) -> list[tuple[str, str]] | None:
    """The first cell's pieces as (label, figure) runs, or None where it is not such a cell."""
    runs: list[tuple[str, str]] = []
    label: list[str] = []
    for piece in pieces:
        if _is_figure(piece):
            if not label:  # two figures in a row, or a figure before any label: not this layout
                return None
            runs.append(("".join(label), piece))
            label = []
        elif piece:
            label.append(piece)
    return runs if not label else None


def _split(line: str) -> list[str] | None:
    """The pipe rows ``line`` stands for, or None where it is not a stacked row of label cell and
    figures' cell (a group's cell before them, its text no figure, goes to the first row)."""
    body = line.strip()
    if not (body.startswith("|") and body.endswith("|")):
        return None
    cells = [BR.split(cell) for cell in body[1:-1].split("|")]
    if len(cells) < 2 or sum(len(cell) for cell in cells) > _MAX_PIECES:
        return None
    *before, first, second = cells
    runs = _label_runs([piece.strip() for piece in first])
    figures = [piece.strip() for piece in second]
    # One row alone too (``一、本年<br>…<br>487`` beside ``0<br>16<br>…<br>540``): its first
    # figure is not to be read as a piece of its label, where its other figures are two or more.
    if runs is None or not runs or not all(map(_is_figure, figures)) or len(runs) + len(figures) < _MIN_STACKED:
        return None
    if any(_is_figure(piece.strip()) for cell in before for piece in cell):
        return None
    width, rest = divmod(len(figures), len(runs))
    if rest or width < 1:
        return None
    return [
        "|" + "|".join([*_heads(before, i), label, figure, *figures[i * width : (i + 1) * width]]) + "|"
        for i, (label, figure) in enumerate(runs)
    ]


def _heads(before: list[list[str]], row: int) -> list[str]:
    """The cells before a stacked row's label: a group's label, set in the first row alone."""
    return ["".join(piece.strip() for piece in cell) if row == 0 else "" for cell in before]


_MIN_WIDE = 4  # cells of a wide row: a label, the emptied first figures' cell, two figures' cells
_DIGITS = "0123456789"


def _glued(piece: str) -> list[str]:
    """A label's last line with its row's figure run on to it (``大量反复申请0``) as the two
    pieces; any other piece as it is. Only after an ideograph: ``1.`` numbers a label."""
    label = piece.rstrip(_DIGITS)
    if label == piece or not label or not "\u4e00" <= label[-1] <= "\u9fff":
        return [piece]
    return [label, piece[len(label) :]]


def _split_wide(line: str) -> list[str] | None:
    """The pipe rows a wide pipe row of several rows stands for (the module's second layout), or
    None where it is not one."""
    body = line.strip()
    if not (body.startswith("|") and body.endswith("|")):
        return None
    cells = [[piece.strip() for piece in BR.split(cell)] for cell in body[1:-1].split("|")]
    if len(cells) < _MIN_WIDE or sum(len(cell) for cell in cells) > _MAX_PIECES:
        return None
    # the first figures' cell: the first empty cell right after a filled one (the label's)
    empty = next((k for k in range(1, len(cells)) if cells[k] == [""] and cells[k - 1] != [""]), None)
    if empty is None or len(cells) - empty - 1 < 2:
        return None
    stacks = cells[empty + 1 :]
    height = len(stacks[0])
    if any(len(cell) != height or not all(map(_is_figure, cell)) for cell in stacks):
        return None
    runs = _label_runs([part for piece in cells[empty - 1] for part in _glued(piece)])
    before = cells[: empty - 1]
    if runs is None or len(runs) != height or any(_is_figure(p) for cell in before for p in cell):
        return None
    return [
        "|" + "|".join([*_heads(before, i), label, figure, *(cell[i] for cell in stacks)]) + "|"
        for i, (label, figure) in enumerate(runs)
    ]


def stacked_pipe_rows(lines: list[str]) -> list[str]:
    """``lines`` with each pipe row holding several rows set as one pipe row per row."""
    out: list[str] = []
    for line in lines:
        rows = (_split(line) or _split_wide(line)) if "<br" in line else None
        out += rows if rows else [line]
    return out
