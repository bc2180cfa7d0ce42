"""Find the tables a web page draws with ``<div>`` elements, no ``<table>`` at all.

Pages rendered by a front-end framework (a province's 集约化平台, Vue / React sites) print the
statutory tables as boxes: a CSS grid (``display:grid`` with ``grid-template-columns``, each cell
placed by ``grid-column`` / ``grid-row`` and their spans), flex rows (a row box of cell boxes
whose widths share the row), ARIA roles (``role="table"`` / ``row`` / ``cell``) on some. What a
browser shows as a table is rebuilt here as the rows of cells a ``<table>`` would give: each cell
once, in the first row and column it covers, with its row and column spans, a blank cell where
nothing stands.

Gated: a box declared a table (ARIA) is one; a grid or a box of rows is one only if it holds a
label of the statutory tables (page layout, nav bars and link lists hold none), and a box that
holds a table or another such box is layout (read through, as a layout ``<table>`` is). Bounded:
every box is looked at with its children and grandchildren only, and a grid's placement stops at
a fixed number of steps.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from selectolax.lexbor import LexborNode

from gongkai.ingest.vocabulary import is_table_label

_MAX_SPAN = 1000  # as for <td colspan>: the HTML standard's cap
_MAX_SLOTS = 200_000  # rows × columns of one grid; a statutory table has a few hundred
_TABLE_ROLES = frozenset({"table", "grid", "treegrid"})
_CELL_ROLES = frozenset({"cell", "gridcell", "columnheader", "rowheader"})
# What a cell of a box-of-rows table may not hold: a box, a list, a table (then it is layout).
_NOT_LEAF = "div,table,ul,ol,li,dl,section,article,nav,header,footer,aside,form,h1,h2,h3,h4,h5,h6"
_ROW_TAGS = frozenset({"div"})
_CELL_TAGS = frozenset({"div", "span", "p"})


class Placed(NamedTuple):
    """A cell of a div table: its box (None for a place no box covers), row and column spans."""

    node: LexborNode | None
    rowspan: int = 1
    colspan: int = 1


DivTable = list[list[Placed]]


def _style(node: LexborNode) -> dict[str, str]:
    """A node's inline style as lower-case property → value."""
    out: dict[str, str] = {}
    for part in (node.attributes.get("style") or "").split(";"):
        name, colon, value = part.partition(":")
        if colon:
            out[name.strip().lower()] = value.strip().lower()
    return out


def _elements(node: LexborNode) -> list[LexborNode] | None:
    """A node's element children, or None when text stands beside them (then it is no row box)."""
    out: list[LexborNode] = []
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            if (child.text_content or "").strip():
                return None
        elif tag is not None and not tag.startswith(("-", "#")):
            out.append(child)
    return out


def div_tables(root: LexborNode) -> dict[int, DivTable]:
    """The div tables under ``root`` by the ``mem_id`` of their box, each as rows of cells."""
    found: dict[int, tuple[LexborNode, DivTable]] = {}
    declared: list[LexborNode] = []  # role="table"
    grids: list[LexborNode] = []  # display:grid
    boxes: dict[int, LexborNode] = {}  # the box above a row box holding ≥ 2 cells
    # One query in C names the few nodes to look at: a role, a grid style, a row's second cell.
    for node in root.css('[role],[style*="grid" i],div > div > :nth-child(2)'):
        attrs = node.attributes
        if (attrs.get("role") or "").strip().lower() in _TABLE_ROLES:
            declared.append(node)
        if "grid" in _style(node).get("display", ""):
            grids.append(node)
        row = node.parent
        box = row.parent if row is not None and row.tag == "div" else None
        if box is not None and box.tag == "div":
            boxes.setdefault(box.mem_id, box)
    for node in declared:
        rows = _aria_table(node)
        if rows is not None:
            found[node.mem_id] = (node, rows)
    for node in grids:
        if node.mem_id not in found:
            rows = _grid_table(node, _grid_items(node))
            if rows is not None and _labelled(rows):
                found[node.mem_id] = (node, rows)
    for key, node in boxes.items():
        if key not in found:
            rows = _row_boxes(node)
            if rows is not None and _labelled(rows):
                found[key] = (node, rows)
    layout = _layout(found)
    return {key: rows for key, (_node, rows) in found.items() if key not in layout}


def _labelled(rows: DivTable) -> bool:
    """Whether a guessed table holds a label of the statutory tables (layout boxes hold none)."""
    return any(c.node is not None and is_table_label(c.node.text()) for row in rows for c in row)


def _layout(found: dict[int, tuple[LexborNode, DivTable]]) -> set[int]:
    """The boxes found that are page layout, not tables: those holding a ``<table>`` or another
    box found, and those standing inside a ``<table>`` (its cell's text is the cell's).

    Each box marks the boxes above it, and a walk up stops where an earlier one passed: linear.
    """
    layout: set[int] = set()
    passed: dict[int, bool] = {}  # node → whether a <table> stands at or above it
    for key, (node, _rows) in found.items():
        if node.css_first("table") is not None:
            layout.add(key)
        path: list[int] = []
        parent = node.parent
        in_table = False
        while parent is not None:
            known = passed.get(parent.mem_id)
            if known is not None:
                in_table = known
                if parent.mem_id in found:
                    layout.add(parent.mem_id)
                break
            path.append(parent.mem_id)
            if parent.mem_id in found:
                layout.add(parent.mem_id)
            if parent.tag == "table":
                in_table = True
                break
            parent = parent.parent
        for mem_id in path:
            passed[mem_id] = in_table
        if in_table:
            layout.add(key)
    return layout


# ---------------------------------------------------------------------------------------------
# ARIA: role="table" with role="row" and cell roles
# ---------------------------------------------------------------------------------------------


def _aria_table(table: LexborNode) -> DivTable | None:
    rows: list[list[LexborNode]] = []
    for row in table.css('[role="row" i]'):
        cells = [c for c in row.css("[role]") if (c.attributes.get("role") or "").strip().lower() in _CELL_ROLES]
        rows.append(cells)  # even a row of no cells: a row span above counts it, as a <tr>'s
    if not any(rows):
        return None
    style = _style(table)
    if "grid" in style.get("display", ""):
        return _grid_table(table, [c for row in rows for c in row])
    return _placed_rows(rows)


def _aria_span(node: LexborNode, name: str) -> int:
    return _number(node.attributes.get(name), 1)


def _number(text: str | None, default: int) -> int:
    digits = re.match(r"\s*(\d{1,9})", text or "")
    return min(max(int(digits.group(1)), 1), _MAX_SPAN) if digits else default


# ---------------------------------------------------------------------------------------------
# Rows of boxes (flex rows, or plain): each row's cells with their widths
# ---------------------------------------------------------------------------------------------


def _row_boxes(box: LexborNode) -> DivTable | None:
    """A box of ≥ 2 row boxes, each holding only leaf cells, ≥ 2 rows with ≥ 2 cells."""
    rows = _elements(box)
    if rows is None or len(rows) < 2:
        return None
    grid: list[list[LexborNode]] = []
    for row in rows:
        if row.tag not in _ROW_TAGS:
            return None
        cells = _elements(row)
        if not cells or any(c.tag not in _CELL_TAGS for c in cells):
            return None
        grid.append(cells)
    if sum(1 for cells in grid if len(cells) >= 2) < 2:
        return None
    if any(_holds_box(c) for cells in grid for c in cells):
        return None
    return _placed_rows(grid)


def _holds_box(cell: LexborNode) -> bool:
    # ``css_first`` matches the node itself too: ask each child
    return any(child.css_first(_NOT_LEAF) is not None for child in cell.iter())


_FLEX_GROW = re.compile(r"^\s*(\d+(?:\.\d+)?)(?:\s+\d+(?:\.\d+)?)?(?:\s+0(?:px|%)?)?\s*$")
_LENGTH = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(%|px)\s*$")


def _width(node: LexborNode) -> tuple[str, float] | None:
    """A cell's share of its row: (unit, amount) from flex-grow, a percentage or pixels."""
    style = _style(node)
    for name in ("width", "flex-basis"):
        length = _LENGTH.match(style.get(name, ""))
        if length and float(length.group(1)) > 0:
            return length.group(2), float(length.group(1))
    grow = _FLEX_GROW.match(style.get("flex", "")) or _FLEX_GROW.match(style.get("flex-grow", ""))
    if grow and float(grow.group(1)) > 0:
        return "grow", float(grow.group(1))
    return None


def _placed_rows(grid: list[list[LexborNode]]) -> DivTable:
    """Rows of cells placed by their widths where every cell has one and the rows agree, else
    in order with their ARIA spans (``aria-colspan`` / ``aria-rowspan``) or none."""
    columns = _width_columns(grid)
    if columns is None:
        return [
            [Placed(c, _aria_span(c, "aria-rowspan"), _aria_span(c, "aria-colspan")) for c in cells] for cells in grid
        ]
    return [
        [Placed(c, _aria_span(c, "aria-rowspan"), span) for c, span in zip(cells, spans, strict=True)]
        for cells, spans in zip(grid, columns, strict=True)
    ]


def _width_columns(grid: list[list[LexborNode]]) -> list[list[int]] | None:
    """Each cell's column span from the edges of all rows' cells, when widths say it."""
    widths = [[_width(c) for c in cells] for cells in grid]
    units = {w[0] if w else None for row in widths for w in row}
    if len(units) != 1 or None in units:
        return None
    totals = [sum(w[1] for w in row if w) for row in widths]
    top = max(totals)
    if top <= 0 or min(totals) < top * 0.99:
        return None  # the rows do not share one width: no columns to line them up on
    edges: list[list[int]] = []
    every: set[int] = set()
    for row, total in zip(widths, totals, strict=True):
        at, line = 0.0, []
        for w in row:
            at += w[1] if w else 0
            line.append(round(at / total * 1000))  # edges agree to a thousandth of the row
        edges.append(line)
        every.update(line)
    order = {edge: i for i, edge in enumerate(sorted(every))}
    spans: list[list[int]] = []
    for line in edges:
        before, row_spans = -1, []
        for edge in line:
            row_spans.append(max(order[edge] - before, 1))
            before = order[edge]
        spans.append(row_spans)
    return spans


# ---------------------------------------------------------------------------------------------
# CSS grid: grid-template-columns, and each item placed by grid-column / grid-row
# ---------------------------------------------------------------------------------------------


def _grid_items(box: LexborNode) -> list[LexborNode]:
    """A grid's items: its children, and the children of ``display:contents`` boxes (row
    wrappers a framework prints), as the browser lays them out."""
    items: list[LexborNode] = []
    stack = [iter(_elements(box) or [])]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif "contents" in _style(child).get("display", "") and len(stack) < 4:
            stack.append(iter(_elements(child) or []))
        else:
            items.append(child)
    return items


_LINE_NAMES = re.compile(r"\[[^\]]*\]")
_REPEAT = re.compile(r"repeat\(\s*(\d{1,4})\s*,((?:[^()]|\([^()]*\))*)\)")
_TRACK = re.compile(r"[^\s()]+(?:\([^()]*\))?")  # 1fr, 120px, minmax(0, 1fr), fit-content(8em)


def _track_count(template: str) -> int | None:
    """How many column tracks ``grid-template-columns`` lists (``repeat(N, …)`` expanded);
    None for ``repeat(auto-fill, …)``, where the page's width decides."""
    template = _LINE_NAMES.sub(" ", template)
    count = sum(int(m.group(1)) * len(_TRACK.findall(m.group(2))) for m in _REPEAT.finditer(template))
    rest = _REPEAT.sub(" ", template)
    if "repeat(" in rest:
        return None
    count += len(_TRACK.findall(rest))
    return count if 0 < count <= _MAX_SPAN else None


_POSITION = re.compile(r"-?\d{1,4}")
_SPAN = re.compile(r"span\s+(\d{1,4})")


class _Line(NamedTuple):
    start: int | None  # the first track, from 0 (None: auto-placed)
    span: int


def _line(value: str, tracks: int) -> _Line:
    """``grid-column`` / ``grid-row``: ``a``, ``a / b``, ``a / span k``, ``span k``, ``span k / b``."""
    start_text, _slash, end_text = (part.strip() for part in value.partition("/"))

    def position(text: str) -> int | None:
        if _POSITION.fullmatch(text):
            n = int(text)
            return n - 1 if n > 0 else (tracks + 1 + n if n < 0 else None)
        return None

    def spanned(text: str) -> int | None:
        match = _SPAN.fullmatch(text)
        return min(max(int(match.group(1)), 1), _MAX_SPAN) if match else None

    start, end = position(start_text), position(end_text)
    span = spanned(end_text) or spanned(start_text)
    if start is not None and end is not None and end > start:
        return _Line(start, end - start)
    if start is None and end is not None and span is not None:
        return _Line(max(end - span, 0), span)
    return _Line(start, span or 1)


def _placement(item: LexborNode, tracks: int) -> tuple[_Line, _Line]:
    style = _style(item)
    area = style.get("grid-area", "").split("/")
    if len(area) == 4:
        return _line(f"{area[0]}/{area[2]}", tracks), _line(f"{area[1]}/{area[3]}", tracks)
    row = style.get("grid-row") or (style.get("grid-row-start", "") + "/" + style.get("grid-row-end", ""))
    column = style.get("grid-column") or (style.get("grid-column-start", "") + "/" + style.get("grid-column-end", ""))
    return _line(row.strip("/ "), tracks), _line(column.strip("/ "), tracks)


def _grid_table(box: LexborNode, items: list[LexborNode]) -> DivTable | None:
    """The rows of a CSS grid: explicit places first, then the others row by row in order
    (the grid's auto-placement, ``dense`` off), each in the first free place after the last."""
    style = _style(box)
    if "grid" not in style.get("display", ""):
        return None
    tracks = _track_count(style.get("grid-template-columns", ""))
    if tracks is None or tracks < 2 or len(items) < 2:
        return None
    placed = [(item, *_placement(item, tracks)) for item in items]
    taken: dict[tuple[int, int], int] = {}  # (row, column) → index of the item covering it
    starts: dict[tuple[int, int], int] = {}
    budget = [_MAX_SLOTS]

    def fits(r: int, c: int, rows: int, cols: int) -> bool:
        budget[0] -= rows * cols
        return c + cols <= tracks and all((r + i, c + j) not in taken for i in range(rows) for j in range(cols))

    def put(index: int, r: int, c: int, rows: int, cols: int) -> None:
        budget[0] -= rows * cols
        if budget[0] < 0:
            return
        starts[(r, c)] = index
        for i in range(rows):
            for j in range(cols):
                taken[(r + i, c + j)] = index

    def clamp(line: _Line) -> _Line:
        span = min(line.span, tracks)
        start = None if line.start is None else min(line.start, tracks - span)
        return _Line(start, span)

    cursor_r, cursor_c = 0, 0
    for explicit in (True, False):  # items with both places first, as the algorithm's step 1
        for index, (_item, row, column) in enumerate(placed):
            column = clamp(column)
            if (row.start is not None and column.start is not None) != explicit:
                continue
            if explicit:
                put(index, row.start or 0, column.start or 0, row.span, column.span)
                if budget[0] < 0:
                    return None
                continue
            r = row.start if row.start is not None else cursor_r
            c = column.start if column.start is not None else (cursor_c if row.start is None else 0)
            if column.start is not None and row.start is None and column.start < cursor_c:
                r += 1
            while not fits(r, c, row.span, column.span):
                if budget[0] < 0:
                    return None
                if column.start is None and c + 1 + column.span <= tracks:
                    c += 1
                else:
                    r, c = r + 1, (column.start if column.start is not None else 0)
            put(index, r, c, row.span, column.span)
            if row.start is None:
                cursor_r, cursor_c = r, c + column.span
            if budget[0] < 0:
                return None
    height = 1 + max(r for r, _c in taken)
    if height * tracks > _MAX_SLOTS or height < 2:
        return None
    rows: DivTable = []
    for r in range(height):
        line: list[Placed] = []
        for c in range(tracks):
            first = starts.get((r, c))
            if first is not None:
                item, row, column = placed[first]
                line.append(Placed(item, row.span, clamp(column).span))
            elif (r, c) not in taken:
                line.append(Placed(None))  # a place no cell covers: a blank cell, as <td></td>
        rows.append(line)
    return rows
