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
"""

from __future__ import annotations

from gongkai.ingest.br_lines import BR
from gongkai.ingest.numbers import parse_cell

_MAX_PIECES = 400  # pieces of one cell looked at (a page of rows at most: bounded)


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
    """The pipe rows ``line`` stands for, or None where it is not a stacked two-cell row."""
    body = line.strip()
    if not (body.startswith("|") and body.endswith("|")) or body.count("|") != 3:
        return None
    first, second = (BR.split(cell) for cell in body[1:-1].split("|"))
    if len(first) > _MAX_PIECES or len(second) > _MAX_PIECES:
        return None
    runs = _label_runs([piece.strip() for piece in first])
    figures = [piece.strip() for piece in second]
    if runs is None or len(runs) < 2 or not all(_is_figure(f) for f in figures):
        return None
    width, rest = divmod(len(figures), len(runs))
    if rest or width < 1:
        return None
    return [
        "|" + "|".join([label, figure, *figures[i * width : (i + 1) * width]]) + "|"
        for i, (label, figure) in enumerate(runs)
    ]


def stacked_pipe_rows(lines: list[str]) -> list[str]:
    """``lines`` with each two-cell pipe row holding several rows set as one pipe row per row."""
    out: list[str] = []
    for line in lines:
        rows = _split(line) if "<br" in line and line.count("|") == 3 else None
        out += rows if rows else [line]
    return out
