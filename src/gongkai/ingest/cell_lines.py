"""A table printed one cell per line (or one run-together row per line) into rows, each cell
keeping where a laid-out line set it (``pdftotext -layout``)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice, pairwise
from operator import and_

from gongkai.ingest.cell_text import AFTER_X, BEFORE_X, clean_cell, tuple_new
from gongkai.ingest.document import CELL_DEFAULTS, Block, Cell, TableBlock
from gongkai.ingest.line_cells import split_line
from gongkai.ingest.numbers import CellKind, parse_cell


def cell_lines(lines: list[str], start: int, end: int, kinds: list[str], loose: bool = False) -> Iterator[Block]:
    """A table printed one cell per line (or one run-together row per line)."""
    blank_separated = is_blank_separated(kinds, loose)
    cells: list[Cell] = []
    i = 0
    while i < len(kinds):
        number = start + i
        kind = kinds[i]
        if kind == "page":
            i += 1
        elif kind == "spacer":
            i += 1
            if blank_separated and i < len(kinds) and kinds[i] == "empty":
                i += 1  # the spacer paragraph's own separator
        elif kind == "empty":
            # A blank cell (in either layout; where rows sit one per line, a blank line between
            # rows only pads the row before it, which the recogniser drops as padding).
            cells.append(tuple_new(Cell, ("", f"line {number + 1}") + CELL_DEFAULTS))  # noqa: RUF005
            i += 1
        else:
            text = lines[number]
            j = i + 1
            # A label broken over lines (本年新 / 制作数量) is one cell when blank lines separate cells.
            while blank_separated and kind == "short" and j < len(kinds) and kinds[j] == "short":
                text += "\n" + lines[start + j]
                j += 1
            if kind == "mixed":
                parts = split_line(text.strip())
                places = _figure_places(text, parts)
                for k, part in enumerate(parts):
                    where = f"line {number + 1} part {k + 1}"
                    cells.append(tuple_new(Cell, (part, where, *BEFORE_X, places[k], *AFTER_X)))
            else:
                cleaned = clean_cell(text)
                # A line of words (header cells) keeps its place; a figure alone on its line
                # keeps none (``_figure_places``: only a line's spacing shows it laid out).
                place = _text_place(text, cleaned) if kind == "short" else None
                cells.append(tuple_new(Cell, (cleaned, f"line {number + 1}", *BEFORE_X, place, *AFTER_X)))
            i = j
            if blank_separated and i < len(kinds) and kinds[i] == "empty":
                i += 1  # the separator after a filled cell
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    previous_value = False
    for cell in cells:
        is_value = parse_cell(cell.text).is_value
        if row and not is_value and previous_value:
            rows.append(row)
            row = []
        row.append(cell)
        previous_value = is_value
    if row:
        rows.append(row)
    if rows:
        yield TableBlock(rows, f"lines {start + 1}-{end}")


def is_blank_separated(kinds: list[str], loose: bool = False) -> bool:
    """Blank-separated (a blank line after every filled cell, a blank cell a lone blank line) or
    tight (a line per cell, a blank cell an empty line)? In the first, a filled cell sits on the
    line right after another only where a label wraps; in the second, header cells, a row's
    label and its first number follow each other all the time. (``loose``: wrapped_labels.)"""
    # (list.count and a map in C, not a generator per line: asked of every run of cell lines)
    filled = len(kinds) - kinds.count("empty") - kinds.count("spacer") - kinds.count("page")
    if kinds.count("empty") * 10 < filled * 6:
        return False
    if loose:
        return True
    return touching_pairs(kinds, _FILLED_KINDS) * 10 <= filled


_FILLED_KINDS = frozenset({"value", "mixed", "short"})


def touching_pairs(kinds: list[str], members: frozenset[str]) -> int:
    """How many pairs of neighbouring lines both have a kind among ``members``."""
    flags = list(map(members.__contains__, kinds))
    return sum(map(and_, flags, islice(flags, 1, None)))


_LAID_OUT_GAP = 4  # spaces between two figures of a line that only a blank cell's room explains


_SET_IN = 16  # spaces before a line of figures alone that only blank cells' room explains


def _figure_places(line: str, parts: list[str]) -> list[float | None]:
    """Where each figure of a laid-out line stands (its centre, in characters), for lines whose
    figures stand apart as ``pdftotext -layout`` sets a table's cells (a wide gap where a blank
    cell was: ``180   1             3   184``); None elsewhere (a crawler's ``180 1 3 184`` keeps
    no room for the blank cells it lost)."""
    stripped = line.strip()
    lead = len(line) - len(line.lstrip())
    places: list[float | None] = [None] * len(parts)
    spans: list[tuple[int, int]] = []
    cursor = 0
    for k, part in enumerate(parts):
        at = stripped.find(part, cursor) if part else -1
        if at < 0:
            return [None] * len(parts)
        cursor = at + len(part)
        if parse_cell(part).kind is CellKind.NUMBER:
            places[k] = lead + at + (len(part) - 1) / 2
            spans.append((at, cursor))
    if len(spans) == 1 and spans[0][0] > 0 and _lone_figure_apart(stripped, spans[0][0]):
        return places  # ``行政事业性收费          -1``: one figure set apart under its column
    if len(spans) == len(parts) >= 2 and lead >= _SET_IN:
        return places  # a line of figures alone set far in (``      1   1   2``): the room of its blank cells
    if len(spans) < 2 or not any(b[0] - a[1] >= _LAID_OUT_GAP for a, b in pairwise(spans)):
        return [None] * len(parts)
    return places


def _lone_figure_apart(stripped: str, at: int) -> bool:
    """Whether the one figure of a line starting at ``at`` stands a laid-out gap right of the
    words before it (``pdftotext -layout``'s room for the cells between), not a space after them."""
    before = stripped[:at]
    return len(before) - len(before.rstrip()) >= _LAID_OUT_GAP


def _text_place(line: str, text: str) -> float | None:
    """The centre (in characters from the line's start, as ``_figure_places``) of a cell of words
    that is one line of laid-out text, so that the header cells it holds (``信息内容    本年制发件数
    本年废止件数``) can be set above the figures under them; None for a cell of several lines."""
    if not text or "\n" in text:
        return None
    at = line.find(text)
    return None if at < 0 else at + (len(text) - 1) / 2
