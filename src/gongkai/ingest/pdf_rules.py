"""A PDF page's rules (``pdf_page``): pdfium's path segments as pdfplumber edges (shading is no
rule), rules closing the open ends of a table the page cuts, and the tables pdfplumber's finder
makes of them."""

from __future__ import annotations

import ctypes
from collections.abc import Sequence
from typing import Any

TOLERANCE = 2.0  # points: rules and cell edges this close are the same line
_RULE_WIDTH = 3.0  # points: a filled shape thicker than this both ways is shading, not a rule
_EXPLICIT = {"vertical_strategy": "explicit", "horizontal_strategy": "explicit"}

Char = dict[str, Any]  # text, x0, x1, top, bottom, size (pdfplumber's keys) and base (the baseline)
Box = tuple[float, float, float, float]  # x0, top, x1, bottom


def is_shading(obj: Char) -> bool:
    """A pdfminer rectangle filled, not stroked, wider and taller than a rule: shading."""
    return bool(
        obj.get("object_type") == "rect"
        and obj.get("fill")
        and not obj.get("stroke")
        and obj["width"] > _RULE_WIDTH
        and obj["height"] > _RULE_WIDTH
    )


def form_count(form: Any, *kinds: int) -> int:
    """How many objects of ``kinds`` a form XObject holds directly."""
    import pypdfium2.raw as raw

    return sum(
        1
        for i in range(raw.FPDFFormObj_CountObjects(form))
        if raw.FPDFPageObj_GetType(raw.FPDFFormObj_GetObject(form, i)) in kinds
    )


def path_edges(obj: Any, top_y: float, horizontal: list[Char], vertical: list[Char]) -> None:
    """Every straight, axis-parallel segment of a path, as a pdfplumber edge in page space.

    A filled, unstroked shape wider and taller than a rule is shading (a striped row, a shaded
    header cell), not a border: it gives no edges. A rule drawn as a thin filled rectangle still
    does; so does each thin rectangle of a path that draws a whole grid."""
    import pypdfium2.raw as raw

    matrix = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, matrix):
        return
    a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    shading = bool(raw.FPDFPath_GetDrawMode(obj, fill, stroke) and fill.value and not stroke.value)
    x = ctypes.c_float()
    y = ctypes.c_float()
    start: tuple[float, float] | None = None
    previous: tuple[float, float] | None = None
    shape: list[tuple[float, float]] = []  # the points of the subpath being drawn
    across: list[Char] = []
    down: list[Char] = []

    def done() -> None:
        if not (shading and _is_area(shape)):
            horizontal.extend(across)
            vertical.extend(down)
        shape.clear()
        across.clear()
        down.clear()

    for i in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, i)
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            done()
            start = point
        elif kind == raw.FPDF_SEGMENT_LINETO and previous is not None:
            _edge(previous, point, top_y, across, down)
        shape.append(point)
        # Bezier segments draw no rule; the point still moves the pen.
        if raw.FPDFPathSegment_GetClose(segment) and start is not None:
            _edge(point, start, top_y, across, down)
        previous = point
    done()


def _is_area(points: list[tuple[float, float]]) -> bool:
    """Are the points the corners of a shape wider and taller than any rule?"""
    if not points:
        return False
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return max(xs) - min(xs) > _RULE_WIDTH and max(ys) - min(ys) > _RULE_WIDTH


def _edge(
    p0: tuple[float, float], p1: tuple[float, float], top_y: float, horizontal: list[Char], vertical: list[Char]
) -> None:
    x0, x1 = sorted((p0[0], p1[0]))
    top, bottom = sorted((top_y - p0[1], top_y - p1[1]))
    width, height = x1 - x0, bottom - top
    if height < 0.01 and width > 0:
        horizontal.append(_edge_dict(x0, x1, top, bottom, "h"))
    elif width < 0.01 and height > 0:
        vertical.append(_edge_dict(x0, x1, top, bottom, "v"))


def _edge_dict(x0: float, x1: float, top: float, bottom: float, orientation: str) -> Char:
    return {
        "object_type": "line_edge",
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": orientation,
    }


def find_tables(horizontal: list[Char], vertical: list[Char]) -> list[tuple[Box, list[Box]]]:
    """pdfplumber's table finder (snap, join, intersections, cells, tables) on our rules."""
    from pdfplumber.table import TableFinder

    settings = {**_EXPLICIT, "explicit_vertical_lines": vertical, "explicit_horizontal_lines": horizontal}
    finder = TableFinder(None, settings)  # type: ignore[arg-type]  # the page is only kept, never read
    return [table_boxes(t) for t in finder.tables if len(t.cells) >= 2]


def closing_edges(vertical: list[Char], horizontal: Sequence[Char] = ()) -> list[Char]:
    """Rules across the top and the bottom ends of the page's column rules.

    A table the page cuts in two is often drawn open at the cut (browsers print no border
    there): without a rule to close them, its first and last rows on the page are no cells at
    all. Where the table is closed, the added rule lies on the real one and changes nothing.
    The page's outermost ends are closed always; other ends where two rules or more stop
    together only when no drawn rule runs there (a running header's box above the table's
    open top: the table's own column rules then start below the page's first rule).
    """
    if len(vertical) < 2:
        return []
    out: list[Char] = []
    for end, pick in (("top", min), ("bottom", max)):
        y = pick(v[end] for v in vertical)
        for level, reaching in _ends(vertical, end):
            if len(reaching) < 2:
                continue
            x0, x1 = min(v["x0"] for v in reaching), max(v["x1"] for v in reaching)
            if abs(level - y) <= TOLERANCE or not _ruled(horizontal, level, x0, x1):
                out.append(_edge_dict(x0, x1, level, level, "h"))
    return out


def _ends(vertical: list[Char], end: str) -> list[tuple[float, list[Char]]]:
    """The column rules grouped by where their ``end`` lies (within the tolerance)."""
    groups: list[tuple[float, list[Char]]] = []
    for v in sorted(vertical, key=lambda v: v[end]):
        if groups and v[end] - groups[-1][0] <= TOLERANCE:
            groups[-1][1].append(v)
        else:
            groups.append((v[end], [v]))
    return groups


def _ruled(horizontal: Sequence[Char], y: float, x0: float, x1: float) -> bool:
    """Do drawn rules at ``y`` run across most of ``x0``–``x1``?"""
    spans = sorted((h["x0"], h["x1"]) for h in horizontal if abs(h["top"] - y) <= TOLERANCE)
    covered, reach = 0.0, x0
    for a, b in spans:
        a, b = max(a, reach), min(b, x1)
        if b > a:
            covered += b - a
            reach = b
    return covered >= 0.9 * (x1 - x0)


def table_boxes(table: Any) -> tuple[Box, list[Box]]:
    x0, top, x1, bottom = table.bbox
    return (x0, top, x1, bottom), [(c[0], c[1], c[2], c[3]) for c in table.cells]


# A table whose rules start this close to the page's left edge (points) runs past what the print
# shows: a browser prints a floated article wider than the page with its left edge cut off.
_CLIP_MARGIN = 36.0


def clipped_left_edge(horizontal: Sequence[Char], vertical: Sequence[Char]) -> list[Char]:
    """A column rule at the left end of a table cut off by the page's left edge.

    Where the print cuts a table, its left border lies beyond the page and only the rules' thin
    end caps are left there: the first column (the row labels) is no cell, and the table found is
    figures without labels. When two rules or more start together at the page's outermost left
    end (within ``_CLIP_MARGIN`` of the edge) and no drawn column rule runs there, one is added
    across them; where the table is ruled there it is not needed, and nothing changes."""
    if len(horizontal) < 2 or len(vertical) < 2:
        return []
    x = min(h["x0"] for h in horizontal)
    if x >= _CLIP_MARGIN:
        return []
    reaching = [h for h in horizontal if h["x0"] - x <= TOLERANCE]
    if len(reaching) < 2:
        return []
    if any(abs(v["x0"] - x) <= TOLERANCE and v["bottom"] - v["top"] > _RULE_WIDTH for v in vertical):
        return []  # the table's own left border is drawn
    top, bottom = min(h["top"] for h in reaching), max(h["bottom"] for h in reaching)
    return [_edge_dict(x, x, top, bottom, "v")]
