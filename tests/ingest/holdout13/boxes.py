"""Tables drawn as text, as an old site's editor draws them: a grid of cells (merges, labels
wrapped over lines, a narrow column's label one character a line) outlined with the box-drawing
characters ``┌─┬─┐│├┼┤└┴┘`` (full width, as a Chinese font sets them) or ASCII ``+---+|``.

``render(rows, style)`` lays the cells out on a canvas of half-width units (a CJK character or a
box-drawing character two units, ASCII one), draws each rule where two different cells meet, and
writes each cell's lines into its rectangle (labels left, figures right, headers centred, the lines
of a merged cell centred over its height). The padding may be full-width spaces (``　``): the text
editor of such a site pads so, and a browser's font then decides how well the columns line up.
Nothing here is read back.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Cell:
    text: str  # lines split by "\n"
    align: str = "c"  # "l" | "r" | "c"
    rows: int = 1
    cols: int = 1


Rows = list[list[Cell]]
# junction characters by their arms (up, down, left, right)
JUNCTIONS = {
    (0, 1, 0, 1): "┌",
    (0, 1, 1, 1): "┬",
    (0, 1, 1, 0): "┐",
    (1, 1, 0, 1): "├",
    (1, 1, 1, 1): "┼",
    (1, 1, 1, 0): "┤",
    (1, 0, 0, 1): "└",
    (1, 0, 1, 1): "┴",
    (1, 0, 1, 0): "┘",
    (1, 1, 0, 0): "│",
    (0, 0, 1, 1): "─",
    (1, 0, 0, 0): "│",
    (0, 1, 0, 0): "│",
    (0, 0, 1, 0): "─",
    (0, 0, 0, 1): "─",
}


def width(text: str) -> int:
    """Half-width units of ``text``: East Asian wide / full-width characters and the box-drawing
    ones (ambiguous width, wide in a Chinese font) two, the rest one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


def place(rows: Rows) -> tuple[list[list[int]], list[tuple[int, int, int, int, Cell]]]:
    """Each grid square's owner (an index into the cells), each cell's (top, left, bottom, right)."""
    owner: dict[tuple[int, int], int] = {}
    cells: list[tuple[int, int, int, int, Cell]] = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in owner:
                c += 1
            for dr in range(cell.rows):
                for dc in range(cell.cols):
                    owner[(r + dr, c + dc)] = len(cells)
            cells.append((r, c, r + cell.rows, c + cell.cols, cell))
            c += cell.cols
    n_rows = max(r for r, _ in owner) + 1
    n_cols = max(c for _, c in owner) + 1
    grid = [[owner.get((r, c), -1) for c in range(n_cols)] for r in range(n_rows)]
    return grid, cells


def render(rows: Rows, ascii_rules: bool = False, fullwidth_pad: bool = False, min_col: int = 4) -> str:
    grid, cells = place(rows)
    n_rows, n_cols = len(grid), len(grid[0])
    bw = 1 if ascii_rules else 2  # a rule character's width
    step = 1 if ascii_rules else 2  # column widths in whole rule characters
    widths = [min_col] * n_cols
    heights = [1] * n_rows
    for top, left, bottom, right, cell in sorted(cells, key=lambda t: (t[3] - t[1], t[2] - t[0])):
        lines = cell.text.split("\n")
        need = max(width(line) for line in lines) + 2
        have = sum(widths[left:right]) + bw * (right - left - 1)
        if need > have:
            widths[right - 1] += need - have
        tall = sum(heights[top:bottom]) + (bottom - top - 1)
        if len(lines) > tall:
            heights[bottom - 1] += len(lines) - tall
    widths = [w + (-w) % step for w in widths]
    xs = [0]
    for w in widths:
        xs.append(xs[-1] + bw + w)
    ys = [0]
    for h in heights:
        ys.append(ys[-1] + 1 + h)
    canvas: list[list[str | None]] = [[" "] * (xs[-1] + bw) for _ in range(ys[-1] + 1)]

    def put(y: int, x: int, text: str) -> None:
        for ch in text:
            w = width(ch)
            canvas[y][x] = ch
            for k in range(1, w):
                canvas[y][x + k] = None
            x += w

    def own(r: int, c: int) -> int:
        return grid[r][c] if 0 <= r < n_rows and 0 <= c < n_cols else -2 - r * n_cols - c

    hrule, vrule = ("-", "|") if ascii_rules else ("─", "│")
    for r in range(n_rows + 1):  # the rules: a horizontal one where the cells above and below differ
        for c in range(n_cols):
            if r in (0, n_rows) or own(r - 1, c) != own(r, c):
                put(ys[r], xs[c] + bw, hrule * (widths[c] // bw))
    for c in range(n_cols + 1):
        for r in range(n_rows):
            if c in (0, n_cols) or own(r, c - 1) != own(r, c):
                for y in range(ys[r] + 1, ys[r + 1]):
                    put(y, xs[c], vrule)
    for r in range(n_rows + 1):
        for c in range(n_cols + 1):
            up = r > 0 and (c in (0, n_cols) or own(r - 1, c - 1) != own(r - 1, c))
            down = r < n_rows and (c in (0, n_cols) or own(r, c - 1) != own(r, c))
            left = c > 0 and (r in (0, n_rows) or own(r - 1, c - 1) != own(r, c - 1))
            right = c < n_cols and (r in (0, n_rows) or own(r - 1, c) != own(r, c))
            arms = (int(up), int(down), int(left), int(right))
            if any(arms):
                put(ys[r], xs[c], _ascii(arms) if ascii_rules else JUNCTIONS[arms])
    for top, left, bottom, right, cell in cells:  # the text, inside each cell's rectangle
        lines = cell.text.split("\n")
        x0, x1 = xs[left] + bw, xs[right]
        y0, y1 = ys[top] + 1, ys[bottom]
        start = y0 + (y1 - y0 - len(lines)) // 2
        for k, line in enumerate(lines):
            room = x1 - x0 - width(line)
            pad = {"l": 1, "r": room - 1, "c": room // 2}[cell.align]
            put(start + k, x0 + pad, line)
    out = []
    for row in canvas:
        line = "".join(ch for ch in row if ch is not None).rstrip()
        out.append(_fullwidth_spaces(line) if fullwidth_pad else line)
    return "\n".join(out)


def _ascii(arms: tuple[int, int, int, int]) -> str:
    """An ASCII grid's junction: ``+`` where rules cross or turn, ``|`` / ``-`` where one runs on."""
    if arms in ((1, 1, 0, 0), (1, 0, 0, 0), (0, 1, 0, 0)):
        return "|"
    if arms in ((0, 0, 1, 1), (0, 0, 1, 0), (0, 0, 0, 1)):
        return "-"
    return "+"


def _fullwidth_spaces(line: str) -> str:
    """Each pair of spaces a full-width space (how a Chinese text editor pads), a lone one kept."""
    return line.replace("  ", "\u3000")
