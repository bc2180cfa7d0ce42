"""A pipe row's label cell that ends in the row's first figure (``| 行政查 3 | 1 0 | 1 |``, a
converter merging the label column with the next) cut into the label and the figure."""

from __future__ import annotations

import re

from gongkai.ingest.dash_runs import CJK
from gongkai.ingest.document import Cell
from gongkai.ingest.numbers import CellKind, parse_cell, several_numbers
from gongkai.ingest.vocabulary import (
    is_table_label,
)

# A row label's cell ending in a figure after a space (``行政查 3``): a converter ran the label
# cell and the first value cell together.
_LABEL_THEN_FIGURE = re.compile(r"^(.*[\u3400-\u9fff）)”])[ \t\u3000]+([0-9]{1,9}(?:[.．][0-9]+)?)$", re.DOTALL)


def label_run_into_figure(row: list[Cell]) -> list[Cell]:
    """The row with a label cell that ends in the row's first figure (``| 行政查 3 | 1 0 | 1 |``,
    as markitdown merges a Word table's label column with the next) cut into the label and the
    figure. Only the row's first filled cell, and only when figures follow it."""
    first = next((k for k, cell in enumerate(row) if cell.text), None)
    if first is None:
        return row
    for k in range(first, len(row) - 1):  # the label's cell: the row's first, or a sub-label
        moved = _figure_into_blank_after(row, k)
        if moved is not None:
            return moved
    match = _LABEL_THEN_FIGURE.match(row[first].text)
    if match is None:
        return _spaced_label_into_figure(row, first)
    if parse_cell(match.group(1)).is_value:
        return row
    rest = [cell.text for cell in row[first + 1 :] if cell.text]
    if not rest:
        # The row's only figure (``| 行政许可 806 | | |``): only after a whole label of the tables.
        if not is_table_label(match.group(1)):
            return row
    elif not all(parse_cell(text).is_value or several_numbers(text) for text in rest):
        return row
    cell = row[first]
    label = Cell(match.group(1).rstrip(), cell.where, cell.rowspan, cell.colspan, cell.confidence)
    figure = Cell(match.group(2), f"{cell.where} number 1")
    return [*row[:first], label, figure, *row[first + 1 :]]


# A row label's cell ending in a figure with no space (``补正后申请内容仍不明确26``).
_LABEL_INTO_FIGURE = re.compile(r"^(.*[\u3400-\u9fff）)”])([0-9]{1,9})$", re.DOTALL)


def _figure_into_blank_after(row: list[Cell], first: int) -> list[Cell] | None:
    """The row with the figure its label cell ends in moved into the empty cell right after it
    (``| …仍不明确26 | | 0 | 17 |``: a converter set the first figure inside the label's cell and
    left that figure's own cell empty); None if the row is not that. Only when every cell after
    the empty one holds a figure: the empty cell is then the only place the figure can be."""
    if first + 1 >= len(row) or row[first + 1].text:
        return None
    match = _LABEL_INTO_FIGURE.match(row[first].text)
    if match is None or len(CJK.findall(match.group(1))) < 2:
        return None  # a label is words; a figure after a code (A26) is not a cell
    rest = [cell.text for cell in row[first + 2 :]]
    if len(rest) < 2 or not all(parse_cell(text).kind is CellKind.NUMBER for text in rest):
        return None
    cell, blank = row[first], row[first + 1]
    label = Cell(match.group(1), cell.where, cell.rowspan, cell.colspan, cell.confidence)
    figure = Cell(match.group(2), f"{cell.where} number 1", blank.rowspan, blank.colspan)
    return [*row[:first], label, figure, *row[first + 2 :]]


_MAX_PIECES = 4  # cells a spaced-out label spreads over (``| 规 范 | 性 文 | 件 0 |``)
_PIECE = re.compile(r"[\u4e00-\u9fff]{1,2}(?: [\u4e00-\u9fff]{1,2})?")  # ``政 处``: linear


def _spaced_label_into_figure(row: list[Cell], first: int) -> list[Cell]:
    """The row with a label spaced out across cells whose last piece ran into the first figure
    (``| 行 | 政 处 | 罚 31 | -1 | 3 |``, a Word cell's 行　政　处　罚 cut by markitdown) read as
    the label (in the last piece's place, blanks before it) and the figure; only where the pieces
    make a whole label of the tables and figures alone follow."""
    for last in range(first + 1, min(first + _MAX_PIECES, len(row))):
        match = _LABEL_THEN_FIGURE.match(row[last].text)
        if match is not None:
            break
        if not _PIECE.fullmatch(row[last].text.strip()):
            return row
    else:
        return row
    pieces = [row[k].text.strip() for k in range(first, last)] + [match.group(1).strip()]
    if not all(_PIECE.fullmatch(piece) for piece in pieces):
        return row
    label_text = "".join(piece.replace(" ", "") for piece in pieces)
    rest = [cell.text for cell in row[last + 1 :] if cell.text]
    if not is_table_label(label_text) or not rest or not all(parse_cell(text).is_value for text in rest):
        return row
    cell = row[last]
    blanks = [row[k]._replace(text="") for k in range(first, last)]
    label = Cell(label_text, row[first].where, cell.rowspan, cell.colspan, cell.confidence)
    figure = Cell(match.group(2), f"{cell.where} number 1")
    return [*row[:first], *blanks, label, figure, *row[last + 1 :]]
