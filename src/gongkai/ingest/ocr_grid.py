"""A scanned page's geometry: its skew, its ruling lines and the cells of its ruled tables.

All with OpenCV morphology on the binarised page (OpenCV comes with the OCR engine):
- the skew is estimated from the ruling lines (and text baselines): the angle at which the
  horizontal strokes of the page project onto the fewest, sharpest rows;
- horizontal and vertical rules are what survives an opening with a long thin kernel (text
  strokes are shorter than the kernel);
- a table is a connected grid of rules; its cells are the regions the rules enclose, so a
  merged cell is one region and comes out as one cell with its row and column spans.

Coordinates are pixels of the deskewed page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

Image = NDArray[Any]  # grey or binary pixels (uint8); OpenCV's stubs type its results loosely
PxBox = tuple[int, int, int, int]  # x0, top, x1, bottom (exclusive)

_MAX_SKEW = 3.0  # degrees: scans are rarely more crooked than this; more is a photo, not handled


@dataclass
class GridTable:
    box: PxBox  # the table's outer frame
    cells: list[PxBox]  # each cell's interior, edges snapped so that shared rules agree


def binarise(gray: Image, dpi: int) -> Image:
    """Ink as 255 on 0: a local threshold, so a grey or uneven background is paper, not ink."""
    import cv2

    block = max(15, (dpi // 6) | 1)
    binary: Image = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, 15)
    return binary


def skew_angle(binary: Image, dpi: int) -> float:
    """The page's rotation in degrees (positive: counter-clockwise), from its horizontal strokes.

    Horizontal runs longer than a character stroke (rules, underlines) are kept and projected
    along candidate angles; the right angle gives the sharpest profile (the largest sum of
    squared row counts). A coarse search, then a fine one around the best.
    """
    import cv2

    run = max(9, dpi // 10)
    strokes = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (run, 1)))
    ys, xs = np.nonzero(strokes)
    if len(xs) < dpi:  # nothing straight to measure by
        return 0.0
    if len(xs) > 200_000:  # a subsample is as good and keeps this fast
        pick = np.random.default_rng(0).choice(len(xs), 200_000, replace=False)
        ys, xs = ys[pick], xs[pick]
    xs_f = xs.astype(np.float64)
    ys_f = ys.astype(np.float64)
    height = binary.shape[0]

    def sharpness(angle: float) -> float:
        shifted = ys_f - xs_f * np.tan(np.radians(angle))
        rows = np.round(shifted).astype(np.int64) + height
        counts = np.bincount(rows[(rows >= 0)])
        return float(np.dot(counts, counts))

    best = max(np.arange(-_MAX_SKEW, _MAX_SKEW + 0.01, 0.2), key=sharpness)
    fine = max(np.arange(best - 0.2, best + 0.201, 0.02), key=sharpness)
    return float(fine)


def rotate(gray: Image, angle: float) -> Image:
    """The page turned by ``angle`` degrees about its centre; the corners filled with paper."""
    import cv2

    if abs(angle) < 0.02:
        return gray
    h, w = gray.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    paper = int(np.percentile(gray, 90))
    turned: Image = cv2.warpAffine(gray, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=paper)
    return turned


def rules(binary: Image, dpi: int) -> tuple[Image, Image]:
    """The horizontal and the vertical ruling lines, as masks.

    The kernels are longer than any stroke of a character at body size (a 10.5 pt character is
    about 0.15 inch tall) and shorter than the shortest rule (a one-line row is about 0.2 inch).
    """
    import cv2

    mend = cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3))
    closed = cv2.morphologyEx(binary, cv2.MORPH_CLOSE, mend)  # a rule broken by noise or JPEG
    across = cv2.getStructuringElement(cv2.MORPH_RECT, (max(20, int(dpi * 0.4)), 1))
    down = cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(12, int(dpi * 0.17))))
    horizontal: Image = cv2.morphologyEx(closed, cv2.MORPH_OPEN, across)
    vertical: Image = cv2.morphologyEx(closed, cv2.MORPH_OPEN, down)
    return horizontal, vertical


def tables(binary: Image, dpi: int) -> list[GridTable]:
    """The ruled tables of the page, top to bottom, with their cells."""
    import cv2

    horizontal, vertical = rules(binary, dpi)
    # Rules are widened a little so that a rule ending a pixel short of its neighbour still closes
    # the cell; both masks meet at the intersections.
    grow = max(1, dpi // 100)
    widen = cv2.getStructuringElement(cv2.MORPH_RECT, (2 * grow + 1, 2 * grow + 1))
    grid = cv2.dilate(cv2.bitwise_or(horizontal, vertical), widen)
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(grid, connectivity=8)
    found: list[GridTable] = []
    min_w, min_h = int(dpi * 1.0), int(dpi * 0.2)
    for i in range(1, count):
        x, y, w, h, _area = (int(v) for v in stats[i])
        if w < min_w or h < min_h:
            continue
        if not (vertical[y : y + h, x : x + w].any() and horizontal[y : y + h, x : x + w].any()):
            continue
        cells = _cells(grid[y : y + h, x : x + w], x, y, dpi)
        if len(cells) >= 2:
            found.append(GridTable((x, y, x + w, y + h), cells))
    found.sort(key=lambda t: t.box[1])
    return found


def _cells(grid: Image, left: int, top: int, dpi: int) -> list[PxBox]:
    """The regions the rules enclose, as boxes in page pixels."""
    import cv2

    h, w = grid.shape
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(255 - grid, connectivity=4)
    smallest = max(4, dpi // 30)
    boxes: list[PxBox] = []
    for i in range(1, count):
        x, y, cw, ch, area = (int(v) for v in stats[i])
        if x == 0 or y == 0 or x + cw >= w or y + ch >= h:
            continue  # outside the frame: the page around a table that is not a rectangle
        if cw < smallest or ch < smallest or area < 0.5 * cw * ch:
            continue  # a speck between two rules, or a region that is no box
        boxes.append((left + x, top + y, left + x + cw, top + y + ch))
    return _snap(boxes, dpi)


def _snap(boxes: list[PxBox], dpi: int) -> list[PxBox]:
    """Cell edges on either side of one rule, and edges of one rule in different rows, made equal:
    each edge becomes the middle of the rule it lies against."""
    if not boxes:
        return boxes
    gap = max(6, dpi // 25)  # a rule's width plus the widening, plus some wobble
    xs = _centres([b[0] for b in boxes] + [b[2] for b in boxes], gap)
    ys = _centres([b[1] for b in boxes] + [b[3] for b in boxes], gap)
    return [(xs[b[0]], ys[b[1]], xs[b[2]], ys[b[3]]) for b in boxes]


def _centres(values: list[int], gap: int) -> dict[int, int]:
    """Each value → the centre of its cluster (values within ``gap`` of the previous one)."""
    ordered = sorted(set(values))
    out: dict[int, int] = {}
    group: list[int] = [ordered[0]]
    for value in ordered[1:]:
        if value - group[-1] <= gap:
            group.append(value)
            continue
        centre = (group[0] + group[-1]) // 2
        out.update(dict.fromkeys(group, centre))
        group = [value]
    centre = (group[0] + group[-1]) // 2
    out.update(dict.fromkeys(group, centre))
    return out
