"""A web page whose text is absolutely positioned runs (a PDF converted to HTML: poppler's
``pdftohtml -s``, PyMuPDF's ``get_text("html")``): each element with ``top:`` and ``left:`` in its
style a run of the page that holds it (the nearest ancestor with a ``height:``), its type size from
its own style, its first styled descendant's, or its class's rule (``.ft10{font-size:16px}``);
CSS pixels are ¾ of a point. Laid out as text by ``positioned``."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from gongkai.ingest.positioned import Run

_PX = 0.75  # points per CSS pixel
_PLACE = re.compile(r"(?<![\w-])(top|left|font-size|height)\s*:\s*(-?\d+(?:\.\d+)?)\s*(px|pt)?")
_CLASS_SIZE = re.compile(r"\.([\w-]+)\s*\{[^{}]*?font-size\s*:\s*(\d+(?:\.\d+)?)\s*(px|pt)?")
_DEFAULT_SIZE = 12.0


def _style(node: LexborNode) -> dict[str, float]:
    out: dict[str, float] = {}
    for name, value, unit in _PLACE.findall(node.attributes.get("style") or ""):
        out.setdefault(name, float(value) * (1.0 if unit == "pt" else _PX))
    return out


def _size(node: LexborNode, style: dict[str, float], classes: dict[str, float]) -> float:
    if "font-size" in style:
        return style["font-size"]
    for child in node.traverse(include_text=False):
        size = _style(child).get("font-size")
        if size:
            return size
    for name in (node.attributes.get("class") or "").split():
        if name in classes:
            return classes[name]
    return _DEFAULT_SIZE


def positioned_runs(tree: LexborHTMLParser, body: LexborNode) -> list[Run]:
    """The page's positioned runs in document order, each on the page of its nearest ancestor
    with a height (pages numbered in order of appearance)."""
    classes: dict[str, float] = {}
    for sheet in tree.css("style"):
        for name, value, unit in _CLASS_SIZE.findall(sheet.text() or ""):
            classes.setdefault(name, float(value) * (1.0 if unit == "pt" else _PX))
    pages: dict[int, int] = {}
    runs: list[Run] = []
    for node in body.css("[style*='left:']"):
        style = _style(node)
        if "top" not in style or "left" not in style:
            continue
        text = " ".join(node.text(deep=True).split())
        if not text:
            continue
        page = node.parent
        while page is not None and "height" not in _style(page):
            page = page.parent
        key = page.mem_id if page is not None else 0
        number = pages.setdefault(key, len(pages))
        runs.append(Run(number, style["left"], style["top"], _size(node, style, classes), text))
    return runs
