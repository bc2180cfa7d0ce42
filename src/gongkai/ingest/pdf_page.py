"""One PDF page with ruled tables → its text lines and tables, in reading order.

Two engines give the same result. The fast one reads the page's rules (path segments) and
characters through pdfium and hands the rules to pdfplumber's table finder as explicit lines;
the page content is then parsed once, in C. pdfplumber's own (pdfminer) parsing, ten times
slower, is the fallback for what the fast one does not handle: rules inside form XObjects and
rotated pages.

Text in a cell is joined without line breaks: in a PDF a break inside a cell is only the cell's
width (一、本年新收政府信息公开申 / 请数量 is one label).
"""

from __future__ import annotations

import bisect
import ctypes
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from gongkai.ingest.pdf_rules import (
    TOLERANCE,
    Box,
    Char,
    clipped_left_edge,
    closing_edges,
    find_tables,
    form_count,
    is_shading,
    path_edges,
    table_boxes,
)
from gongkai.ingest.radicals import RADICALS

_WHITESPACE = re.compile(r"\s+")
# PDF writers leave a gap between Chinese and Latin letters or digits (Word's "autospace"); text
# extraction turns it into a space that the printed page does not have: 2020 年 → 2020年.
_HAN = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
# A rule's mark an OCR read as a letter (``丨`` and ``［`` need no blank: no figure holds them),
# and the gap beside it, in characters, that is a blank (a blank is a quarter of one; glyphs an
# OCR placed side by side touch)
_MARK_CHARS = frozenset("lI|")
_MARKS = re.compile(r"[lI|]")
_MARK_GAP = 0.15
_AUTOSPACE = re.compile(rf"(?<=[{_HAN}]) (?=[0-9A-Za-z])|(?<=[0-9A-Za-z]) (?=[{_HAN}])")


# Fonts subset by browsers and some PDF writers map 一 二 行 止 方 … to the look-alike Kangxi
# radicals (⼀ ⼆ ⾏ ⽌ ⽅, U+2F00–U+2FD5) in their ToUnicode tables; the text means the ideographs.


def clean(text: str) -> str:
    return _AUTOSPACE.sub("", _WHITESPACE.sub(" ", text).strip()).translate(RADICALS)


@dataclass
class RawCell:
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    page: int
    confidence: float | None = None  # the OCR engine's, for a scanned page; None from a text layer
    spaced: str | None = None  # ``text`` with a blank kept beside a rule's mark (``_spaced_text``)


@dataclass
class RawTable:
    cells: list[RawCell]
    page: int
    top: float
    bottom: float
    page_height: float
    pages: list[int] = field(default_factory=list)


@dataclass
class Line:
    text: str
    confidence: float | None = None  # the OCR engine's, for a scanned page; None from a text layer


@dataclass
class Item:
    """A line of text or a table on a page, in reading order."""

    page: int
    order: int
    what: Line | RawTable


# ---------------------------------------------------------------------------------------------
# The engines
# ---------------------------------------------------------------------------------------------


@dataclass
class PageObjects:
    """What a page draws, as raw pdfium handles (no Python wrapper per object: pages hold
    hundreds of text objects, and wrapping each costs more than reading the page)."""

    paths: list[Any]
    forms: list[Any]
    images: int

    @classmethod
    def of(cls, page: Any) -> PageObjects:
        import pypdfium2.raw as raw

        handle = page.raw
        paths: list[Any] = []
        forms: list[Any] = []
        images = 0
        for i in range(raw.FPDFPage_CountObjects(handle)):
            obj = raw.FPDFPage_GetObject(handle, i)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_PATH:
                paths.append(obj)
            elif kind == raw.FPDF_PAGEOBJ_IMAGE:
                images += 1
            elif kind == raw.FPDF_PAGEOBJ_FORM:
                forms.append(obj)
                images += form_count(obj, raw.FPDF_PAGEOBJ_IMAGE)  # scanners wrap pages in forms
        return cls(paths, forms, images)

    def large_path(self, width: float, height: float) -> bool:
        """Is one of the page's paths at least ``width`` × ``height`` points (a whole grid)?"""
        import pypdfium2.raw as raw

        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        for obj in self.paths:
            if raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top) and (
                right.value - left.value >= width and top.value - bottom.value >= height
            ):
                return True
        return False


def pdfium_items(page: Any, textpage: Any, index: int, objects: PageObjects | None = None) -> list[Item] | None:
    """The page's items from pdfium; ``None`` when this page needs the pdfplumber engine."""
    import pypdfium2.raw as raw

    if page.get_rotation() % 360:
        return None
    objects = objects or PageObjects.of(page)
    if any(form_count(form, raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM) for form in objects.forms):
        return None  # rules inside a form XObject: their placement needs pdfminer
    top_y = page.get_mediabox()[3]
    horizontal: list[Char] = []
    vertical: list[Char] = []
    for obj in objects.paths:
        path_edges(obj, top_y, horizontal, vertical)
    if len(horizontal) < 2 or len(vertical) < 2:  # no grid (and the finder wants two of each)
        return [Item(index, n, Line(text)) for n, (_, text) in enumerate(_lines_of(pdfium_chars(textpage, top_y)))]
    vertical += clipped_left_edge(horizontal, vertical)
    tables = find_tables(horizontal + closing_edges(vertical, horizontal), vertical)
    return _place(index, top_y, pdfium_chars(textpage, top_y), tables)


def plumber_items(page: Any, index: int, printed: int = 0, pdfium_page: Any = None) -> list[Item]:
    """The page's items from pdfplumber (a ``pdfplumber.page.Page``).

    When pdfminer decodes less than half of the ``printed`` characters pdfium finds on the page
    (a font whose embedded CID CMap pdfminer cannot read), the characters are pdfium's
    (``pdfium_page``, a callable giving the pypdfium2 page), placed as the page shows them."""
    if any(is_shading(r) for r in page.rects):
        page = page.filter(lambda obj: not is_shading(obj))
    verticals = [e for e in page.edges if e["orientation"] == "v"]
    horizontals = [e for e in page.edges if e["orientation"] == "h"]
    clipped = clipped_left_edge(horizontals, verticals)  # a table the page's left edge cut off
    settings = {
        "explicit_horizontal_lines": closing_edges(verticals + clipped, horizontals),
        "explicit_vertical_lines": clipped,
    }
    tables = [table_boxes(t) for t in page.find_tables(settings) if len(t.cells) >= 2]
    # Space glyphs are dropped as in the pdfium engine (which does not report all of them):
    # a space in the text comes from the gap between two characters, in both engines alike.
    chars = [
        {**c, "base": c["bottom"] + c["y0"] - c["matrix"][5]}  # the baseline, top-down
        for c in page.chars
        if not c["text"].isspace()
    ]
    if len(chars) * 2 < printed and pdfium_page is not None:
        chars = displayed_chars(pdfium_page())
    return _place(index, page.height, chars, tables)


def displayed_chars(page: Any) -> list[Char]:
    """A pypdfium2 page's characters placed as the page is shown: its ``/Rotate`` applied
    (pdfium gives them unrotated; pdfminer, and so every table rule pdfplumber finds, rotated)."""
    x0, y0, x1, y1 = page.get_mediabox()
    height = y1 - y0
    rotation = page.get_rotation() % 360
    textpage = page.get_textpage()
    try:
        chars = pdfium_chars(textpage, y1)
    finally:
        textpage.close()
    if not rotation:
        return chars
    out: list[Char] = []
    for c in chars:
        # unrotated, top-down: u across (x0 … x1), v down (0 … height)
        if rotation == 90:  # shown turned clockwise: across = height - v, down = u - x0
            box = (height - c["bottom"], c["x0"] - x0, height - c["top"], c["x1"] - x0, c["origin"] - x0)
        elif rotation == 270:  # counter-clockwise: across = v, down = x1 - u
            box = (c["top"], x1 - c["x1"], c["bottom"], x1 - c["x0"], x1 - c["origin"])
        else:  # upside down: across = x1 - u, down = height - v
            box = (x1 - c["x1"], height - c["bottom"], x1 - c["x0"], height - c["top"], height - c["base"])
        left, top, right, bottom, base = box
        out.append({**c, "x0": left, "x1": right, "top": top, "bottom": bottom, "size": bottom - top, "base": base})
    return out


def _place(index: int, height: float, chars: list[Char], tables: Sequence[tuple[Box, list[Box]]]) -> list[Item]:
    placed: list[tuple[float, Line | RawTable]] = []
    inside: set[int] = set()
    for bbox, boxes in tables:
        cells, taken = _cells_of(bbox, boxes, chars, index)
        inside |= taken | _cut_off_text(bbox, cells, chars, inside | taken)
        placed.append((bbox[1], RawTable(cells, index, bbox[1], bbox[3], height, [index])))
    lines = _lines_of([c for i, c in enumerate(chars) if i not in inside] if inside else chars)
    placed.extend((top, Line(text)) for top, text in lines)
    placed.sort(key=lambda item: item[0])
    return [Item(index, n, what) for n, (_, what) in enumerate(placed)]


# ---------------------------------------------------------------------------------------------
# pdfium: characters
# ---------------------------------------------------------------------------------------------


def pdfium_chars(textpage: Any, top_y: float) -> list[Char]:
    """The page's characters with their boxes (the font's full height, as pdfplumber has them)."""
    import pypdfium2.raw as raw

    handle = textpage.raw
    box = raw.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    out: list[Char] = []
    for i in range(raw.FPDFText_CountChars(handle)):
        if raw.FPDFText_IsGenerated(handle, i) == 1:
            continue  # spaces and line ends pdfium made up, some of them mid-word
        code = raw.FPDFText_GetUnicode(handle, i)
        if code <= 32 or 0xD800 <= code <= 0xDFFF:
            continue  # spaces come back from the gaps; surrogate halves cannot stand alone
        if not raw.FPDFText_GetLooseCharBox(handle, i, box):
            continue
        top, bottom = top_y - box.top, top_y - box.bottom
        has_origin = raw.FPDFText_GetCharOrigin(handle, i, x, y)
        base = top_y - y.value if has_origin else bottom
        out.append(
            {
                "text": chr(code),
                "x0": box.left,
                "x1": box.right,
                "top": top,
                "bottom": bottom,
                "size": bottom - top,
                "base": base,
                "origin": x.value if has_origin else box.left,  # across: a turned glyph's baseline
            }
        )
    return out


# ---------------------------------------------------------------------------------------------
# Characters into cells and lines
# ---------------------------------------------------------------------------------------------


def _cells_of(bbox: Box, boxes: list[Box], chars: list[Char], page: int) -> tuple[list[RawCell], set[int]]:
    """The table's cells with their text; a char belongs to the cell its centre falls in."""
    x0, top, x1, bottom = bbox
    by_cell: dict[int, list[Char]] = {i: [] for i in range(len(boxes))}
    taken: set[int] = set()
    # Bucket cells by row band so that each char looks at a handful of cells, not all of them.
    tops = sorted({b[1] for b in boxes})
    bands: dict[float, list[int]] = {t: [] for t in tops}
    for i, box in enumerate(boxes):
        for t in tops:
            if box[1] - TOLERANCE <= t < box[3] - TOLERANCE:
                bands[t].append(i)
    for n, char in enumerate(chars):
        cx = (char["x0"] + char["x1"]) / 2
        cy = (char["top"] + char["bottom"]) / 2
        if not (x0 <= cx <= x1 and top <= cy <= bottom):
            continue
        band = tops[max(bisect.bisect_right(tops, cy) - 1, 0)]
        for i in bands[band]:
            bx0, btop, bx1, bbottom = boxes[i]
            if bx0 <= cx <= bx1 and btop <= cy <= bbottom:
                by_cell[i].append(char)
                taken.add(n)
                break
    cells = []
    for i, b in enumerate(boxes):
        text = _cell_text(by_cell[i])
        spaced = _spaced_text(by_cell[i]) if _MARKS.search(text) else None
        cells.append(RawCell(b[0], b[1], b[2], b[3], text, page, spaced=spaced))
    return cells, taken


def _cut_off_text(bbox: Box, cells: list[RawCell], chars: list[Char], taken: set[int]) -> set[int]:
    """The chars of a header cell's last wrapped line printed just under the table's bottom rule
    (a browser that breaks a header-only table off at the page's foot cuts the table at the row's
    height, not the text's: 序 in the table, 号 under it). Each such char, centred under one of
    the bottom row's cells and starting within half its height of the rule, is added to that cell; their
    indexes are returned. Header-only tables only (no digit in any cell): a table with figures
    ends where its rules do, and the text under it is the page's."""
    if any(any(ch.isdigit() for ch in cell.text) for cell in cells):
        return set()
    bottom = bbox[3]
    last = [c for c in cells if _near_edge(c.bottom, bottom) and c.text]
    added: set[int] = set()
    for n, char in enumerate(chars):
        if n in taken or not (bottom - TOLERANCE <= char["top"] <= bottom + char["size"] / 2):
            continue
        cx = (char["x0"] + char["x1"]) / 2
        cell = next((c for c in last if c.x0 <= cx <= c.x1), None)
        if cell is not None:
            cell.text += char["text"]
            added.add(n)
    return added


def _near_edge(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE


def _cell_text(chars: list[Char]) -> str:
    """A cell's chars in reading order; wrapped lines joined without a break (it is one label)."""
    if not chars:
        return ""
    return clean("".join(text for _, text in _lines_of(chars)))


def _spaced_text(chars: list[Char]) -> str:
    """A cell's text with a blank wherever a rule's mark read as a letter (``l`` ``I`` ``|``) and
    its neighbour stand a blank's width apart (``l 0``: the mark and 0; ``l0``: 10), which the text
    (a gap of ``0.6`` of a character or more) joins. Asked of a cell that holds such a letter; for
    ``ocr_figures``, which uses it only in a document that shows an OCR's hand. A line broken
    beside such a letter broke at a blank (``l`` / ``760``: a word, ``1760``, is not broken)."""
    lines = [part for _, part in _lines_of(chars, marks=True)]
    text = lines[0] if lines else ""
    for line in lines[1:]:
        text += " " + line if text[-1] in _MARK_CHARS or line[0] in _MARK_CHARS else line
    return clean(text)


def _lines_of(chars: list[Char], marks: bool = False) -> list[tuple[float, str]]:
    """Group chars into lines by their baseline; each line's text left to right.

    The baseline, not the top: a glyph from a fallback font (工, 一) has a box of its own
    height, but sits on the same baseline as its neighbours. ``marks``: a narrower gap
    (``_MARK_GAP`` of a character) beside a rule's mark is a blank too (``_spaced_text``).
    """
    rows: list[list[Char]] = []
    for char in sorted(chars, key=lambda c: (round(c["base"]), c["x0"])):
        if rows and abs(rows[-1][0]["base"] - char["base"]) <= TOLERANCE:
            rows[-1].append(char)
        else:
            rows.append([char])
    out: list[tuple[float, str]] = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        parts: list[str] = []
        previous: Char | None = None
        for char in row:
            # A visible gap between two chars is a space in the text (pdfplumber's x_tolerance).
            if previous is not None and (
                char["x0"] - previous["x1"] > max(3.0, char["size"] * 0.6)
                or (
                    marks
                    and char["x0"] - previous["x1"] > char["size"] * _MARK_GAP
                    and (previous["text"] in _MARK_CHARS or char["text"] in _MARK_CHARS)
                )
            ):
                parts.append(" ")
            parts.append(char["text"])
            previous = char
        text = clean("".join(parts))
        if text:
            out.append((min(c["top"] for c in row), text))
    return out
