"""A Word file whose every text line is a text frame placed on the page (LibreOffice's PDF import
saved as DOCX): each frame (``wp:anchor`` holding a ``w:txbxContent``) a run at its offsets, its
width the frame's extent, its type size the first run's ``w:sz``. The frames of all pages hang on
one paragraph, page after page, each page's offsets from its own top: a frame set more than half
a page above the one before starts the next page. Laid out as text by ``positioned``."""

from __future__ import annotations

from typing import Any

from gongkai.ingest.positioned import Run

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_EMU = 12700.0  # EMU per point
_PAGE = 842.0  # an A4 page's height in points, where the section gives none
_DEFAULT_SIZE = 10.5


def _offset(anchor: Any, axis: str) -> float | None:
    node = anchor.find(f"{{{WP}}}position{axis}/{{{WP}}}posOffset")
    try:
        return int(node.text) / _EMU if node is not None and node.text else None
    except ValueError:
        return None


def _page_height(root: Any) -> float:
    size = root.find(f".//{{{W}}}sectPr/{{{W}}}pgSz")
    try:
        return int(size.get(f"{{{W}}}h")) / 20 if size is not None else _PAGE
    except (TypeError, ValueError):
        return _PAGE


def frame_runs(root: Any) -> list[Run]:
    """The frames' lines as runs, in the order the file holds them."""
    half = _page_height(root) / 2
    runs: list[Run] = []
    page, previous = 0, 0.0
    for anchor in root.iter(f"{{{WP}}}anchor"):
        content = next(anchor.iter(f"{{{W}}}txbxContent"), None)
        left, top = _offset(anchor, "H"), _offset(anchor, "V")
        if content is None or left is None or top is None:
            continue
        if top < previous - half:
            page += 1
        previous = top
        extent = anchor.find(f"{{{WP}}}extent")
        width = int(extent.get("cx", "0")) / _EMU if extent is not None else 0.0
        size_node = next(content.iter(f"{{{W}}}sz"), None)
        size = int(size_node.get(f"{{{W}}}val", "21")) / 2 if size_node is not None else _DEFAULT_SIZE
        for n, p in enumerate(content.iter(f"{{{W}}}p")):
            text = "".join(t.text or "" for t in p.iter(f"{{{W}}}t"))
            if text.strip():
                runs.append(Run(page, left, top + n * size * 1.2, size, text, width if n == 0 else 0.0))
    return runs
