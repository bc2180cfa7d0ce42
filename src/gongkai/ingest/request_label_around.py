"""A row label of table 三 wrapped around its own figures, as a PDF-to-Markdown converter prints it.

A Word table centres each cell vertically: where a row's label wraps onto several lines in a
narrow column and its figures (one line) stand level with the middle of it, a converter that
lost the table's grid sets the label's head above the figures and its tail under them
(``一、本年`` / ``新收政府`` / ``26 0 2 4 1 2 35`` / ``信息公开`` / ``申请数量``): markitdown as
lines, pymupdf4llm as pipe rows holding one label piece each (``|一、本年|||…``) around a row of
figures with a blank label cell. Neither piece names a row, so the figures are read as nothing.

``request_labels_around`` joins them back into one row, the line count kept (the pieces' lines
emptied), only where head and tail together are the whole numbered label of a row of table 三
(``is_numbered_request_row``), the head alone is not, the figures fill every applicant column
(a row with fewer lost its blank cells: other readers place them), and exactly one split of the pieces around
the figures does so. Anything else is left as printed.
"""

from __future__ import annotations

from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.vocabulary import is_numbered_request_row
from gongkai.report.templates import REQUEST_COLUMNS

_MAX_PIECES = 4  # a label's lines on each side of its figures (a narrow cell's few lines)
# A whole row of table 三 (no blank cell lost): a row short of figures is another layout's (vanished
# blanks), read by its own readers from the pieces as printed.
_MIN_FIGURES = len(REQUEST_COLUMNS)


def _figure(text: str) -> bool:
    return bool(text) and parse_cell(text).is_value


def _cells(line: str) -> list[str] | None:
    body = line.strip()
    if len(body) < 2 or not (body.startswith("|") and body.endswith("|")):
        return None
    return [cell.strip() for cell in body[1:-1].split("|")]


def _piece(line: str) -> tuple[int, str] | None:
    """A label piece: (its column, its text); column -1 for a plain line."""
    cells = _cells(line)
    if cells is None:
        text = line.strip()
        return (-1, text) if text and not any(_figure(part) for part in text.split()) else None
    filled = [(i, cell) for i, cell in enumerate(cells) if cell]
    if len(filled) != 1 or _figure(filled[0][1]) or set(filled[0][1]) <= {"-", ":", " "}:
        return None
    return filled[0]


def _figures(line: str) -> int | None:
    """A row of figures with no label: its first figure's column (-1 for a plain line)."""
    cells = _cells(line)
    if cells is None:
        parts = line.split()
        return -1 if len(parts) >= _MIN_FIGURES and all(_figure(part) for part in parts) else None
    first = next((i for i, cell in enumerate(cells) if cell), None)
    if first is None or first == 0 or sum(_figure(cell) for cell in cells) < _MIN_FIGURES:
        return None
    return first if all(_figure(cell) or not cell for cell in cells) else None


def _joins(heads: list[tuple[int, str]], tails: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Each (head count, tail count) whose pieces make the whole label of a row of table 三."""
    found = []
    for h in range(1, len(heads) + 1):
        head = "".join(text for _, text in heads[len(heads) - h :])
        if is_numbered_request_row(head):
            return []  # the head alone names a row: the figures may not be its
        for t in range(1, len(tails) + 1):
            if is_numbered_request_row(head + "".join(text for _, text in tails[:t])):
                found.append((h, t))
    return found


def _around(lines: list[str], at: int, first: int, step: int) -> list[tuple[int, str]]:
    """The label pieces of one column before ``first`` next to line ``at`` going ``step``
    (nearest first)."""
    pieces: list[tuple[int, str]] = []
    i = at + step
    while 0 <= i < len(lines) and len(pieces) < _MAX_PIECES:
        piece = _piece(lines[i])
        fits = piece is not None and (0 <= piece[0] < first if first >= 0 else piece[0] == -1)
        if piece is None or not fits or (pieces and piece[0] != pieces[0][0]):
            break
        pieces.append(piece)
        i += step
    return pieces


def request_labels_around(lines: list[str]) -> list[str]:
    """``lines`` with each label head, figure row and label tail of one row of table 三 joined."""
    out = list(lines)
    for at, line in enumerate(lines):
        first = _figures(line)
        if first is None or out[at] != line:
            continue
        heads = _around(lines, at, first, -1)[::-1]
        tails = _around(lines, at, first, 1)
        if not heads or not tails or heads[-1][0] != tails[0][0]:
            continue
        joins = _joins(heads, tails)
        if len(joins) != 1:
            continue
        h, t = joins[0]
        if any(out[at - k] != lines[at - k] for k in range(1, h + 1)):  # a piece the row above took
            continue
        label = "".join(text for _, text in heads[len(heads) - h :] + tails[:t])
        cells = _cells(line)
        if cells is None:
            out[at] = f"{label} {line.strip()}"
        else:
            cells[heads[-1][0]] = label
            out[at] = "|" + "|".join(cells) + "|"
        for k in [*range(at - h, at), *range(at + 1, at + 1 + t)]:
            out[k] = _emptied(lines[k])
    return out


def _emptied(line: str) -> str:
    cells = _cells(line)
    return "" if cells is None else "|" * (len(cells) + 1)
