"""Read scanned pages (PDF pages without a text layer, PNG/JPEG/TIFF images) by offline OCR.

A scanned page becomes the same items as a PDF page with a text layer (``pdf_page``): text lines,
and ruled tables as cells with their boxes (in points), so that tables are joined across pages,
merged cells spanned and ``where`` written exactly as for any PDF, and the recogniser's template
alignment and arithmetic work on OCR output like on any other layout.

Per page: the page is deskewed (the angle measured on its ruling lines), its tables found from
the rules (``ocr_grid``), the whole page read once by the OCR engine (``ocr_engine``: RapidOCR,
chosen by measurement, see there), and every text box given to the cell its centre falls in; a
cell that holds ink but got no text box (the detector misses a lone ``0``) is read on its own.
Each cell keeps the engine's confidence: ``recognise`` turns a low-confidence figure that the
arithmetic does not confirm into an ``uncertain`` entry.

Progress and time: ``ocr_session`` lets a caller (``gongkai read``) see each page as it is done
and set a deadline, checked between pages.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from gongkai.ingest.document import Document, UnreadableFile
from gongkai.ingest.limits import check_data
from gongkai.ingest.ocr_engine import TextBox, lines, page_text
from gongkai.ingest.ocr_grid import GridTable, PxBox, binarise, rotate, skew_angle, tables
from gongkai.ingest.ocr_labels import mend_label
from gongkai.ingest.pdf_page import Item, Line, RawCell, RawTable, clean

PDF_DPI = 200  # PDF pages are rendered at this resolution: enough for 10.5 pt figures
MAX_DPI = 300  # images scanned finer are scaled down to this: OCR gains nothing above it
MAX_PIXELS = 60_000_000  # an A4 page at 600 dpi is 35 million: more is no scanned page
MAX_PAGES = 200  # frames of a TIFF
_A4_WIDTH_INCHES = 8.27
Progress = Callable[[int, int], None]  # (pages done, pages in all)

# Letters the engine reads for digits in a cell that holds nothing but a figure.
_DIGIT_LOOKALIKES = str.maketrans({"o": "0", "O": "0", "D": "0", "l": "1", "I": "1", "|": "1", "!": "1"})
_FIGURE = re.compile(r"^[-－—+]?[\d,，.．]+$")


@dataclass(frozen=True)
class _Hooks:
    progress: Progress | None = None
    deadline: float | None = None  # time.monotonic() after which no further page is started


_HOOKS: ContextVar[_Hooks | None] = ContextVar("gongkai_ocr_hooks", default=None)


@contextmanager
def ocr_session(progress: Progress | None = None, deadline: float | None = None) -> Iterator[None]:
    """Within the block, OCR reports each page done to ``progress`` and stops at ``deadline``."""
    token = _HOOKS.set(_Hooks(progress, deadline))
    try:
        yield
    finally:
        _HOOKS.reset(token)


def _check_time(source: str, done: int, total: int) -> None:
    hooks = _HOOKS.get() or _Hooks()
    if hooks.progress is not None:
        hooks.progress(done, total)
    if hooks.deadline is not None and done < total and time.monotonic() > hooks.deadline:
        raise UnreadableFile(
            source,
            f"文字识别（OCR）超时：{total} 页中只识别了 {done} 页",
            f"OCR ran out of time: {done} of {total} pages recognised",
        )


# ---------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------


def ocr_pdf_pages(source: str, pdf: Any, indexes: Sequence[int]) -> dict[int, list[Item]]:
    """The items of the PDF's pages ``indexes`` (0-based), read by OCR from a rendering."""
    out: dict[int, list[Item]] = {}
    _check_time(source, 0, len(indexes))
    for done, index in enumerate(indexes, start=1):
        page = pdf[index]
        try:
            bitmap = page.render(scale=PDF_DPI / 72, grayscale=True)
            pixels = np.asarray(bitmap.to_numpy())
        finally:
            page.close()
        gray = np.ascontiguousarray(pixels[..., 0] if pixels.ndim == 3 else pixels, dtype=np.uint8)
        out[index] = page_items(gray, PDF_DPI, index)
        _check_time(source, done, len(indexes))
    return out


def read_image(path: Path, data: bytes) -> Document:
    """A scanned report as PNG, JPEG or TIFF (every frame of a multi-page TIFF is a page)."""
    from PIL import Image, UnidentifiedImageError

    source = str(path)
    check_data(source, data)
    try:
        image = Image.open(BytesIO(data))
        frames = getattr(image, "n_frames", 1)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as error:
        raise UnreadableFile(source, "图像文件已损坏，无法打开", f"the image is damaged ({error})") from None
    if frames > MAX_PAGES:
        raise UnreadableFile(
            source,
            f"图像有 {frames} 页，超过 {MAX_PAGES} 页的上限",
            f"the image has {frames} pages, over the limit of {MAX_PAGES}",
        )
    from gongkai.ingest.pdf_blocks import items_to_blocks

    items: list[Item] = []
    _check_time(source, 0, frames)
    for index in range(frames):
        try:
            image.seek(index)
            if image.size[0] * image.size[1] > MAX_PIXELS:
                raise UnreadableFile(
                    source,
                    f"图像第 {index + 1} 页过大（{image.size[0]}×{image.size[1]} 像素）",
                    f"image page {index + 1} is too large ({image.size[0]}×{image.size[1]} pixels)",
                )
            gray, dpi = _page_pixels(image)
        except (OSError, ValueError, Image.DecompressionBombError) as error:
            raise UnreadableFile(
                source, f"图像第 {index + 1} 页无法解码", f"image page {index + 1} cannot be decoded ({error})"
            ) from None
        items.extend(page_items(gray, dpi, index))
        _check_time(source, index + 1, frames)
    if not items:
        raise UnreadableFile(source, "图像中没有识别出任何文字", "OCR found no text in the image")
    document = Document(source=source, format="image", pages=frames)
    document.blocks.extend(items_to_blocks(items))
    return document


def _page_pixels(image: Any) -> tuple[NDArray[np.uint8], int]:
    """The frame in grey and its resolution: as recorded, else as if the page were A4 wide."""
    from PIL import Image

    dpi_info = image.info.get("dpi")
    width, height = image.size
    dpi = round(float(dpi_info[0])) if dpi_info and float(dpi_info[0]) >= 72 else 0
    if not dpi or dpi > 1200:
        dpi = round(min(width, height) / _A4_WIDTH_INCHES)
    gray = image.convert("L")
    if dpi > MAX_DPI:
        gray = gray.resize((width * MAX_DPI // dpi, height * MAX_DPI // dpi), Image.Resampling.LANCZOS)
        dpi = MAX_DPI
    return np.asarray(gray, dtype=np.uint8), max(dpi, 72)


# ---------------------------------------------------------------------------------------------
# One page
# ---------------------------------------------------------------------------------------------


def page_items(gray: NDArray[np.uint8], dpi: int, index: int) -> list[Item]:
    """A grey page image → its lines and tables (coordinates in points), in reading order."""
    binary = binarise(gray, dpi)
    angle = skew_angle(binary, dpi)
    if angle:
        gray = rotate(gray, angle)
        binary = binarise(gray, dpi)
    grid = tables(binary, dpi)
    boxes = page_text(gray, dpi)
    scale = 72.0 / dpi
    height = gray.shape[0] * scale
    placed: list[tuple[float, Line | RawTable]] = []
    taken: set[int] = set()
    for table in grid:
        cells, used = _fill(table, boxes, gray, dpi, index, scale)
        taken |= used
        placed.append(
            (table.box[1] * scale, RawTable(cells, index, table.box[1] * scale, table.box[3] * scale, height, [index]))
        )
    for top, text, score in _text_lines([b for i, b in enumerate(boxes) if i not in taken]):
        placed.append((top * scale, Line(text, round(score, 3))))
    placed.sort(key=lambda item: item[0])
    return [Item(index, n, what) for n, (_, what) in enumerate(placed)]


def _fill(
    table: GridTable, boxes: list[TextBox], gray: NDArray[np.uint8], dpi: int, index: int, scale: float
) -> tuple[list[RawCell], set[int]]:
    """The table's cells with the text boxes that fall in them; empty cells with ink read alone."""
    x0, top, x1, bottom = table.box
    per_cell: list[list[TextBox]] = [[] for _ in table.cells]
    used: set[int] = set()
    for n, box in enumerate(boxes):
        cx, cy = box.centre
        if not (x0 <= cx <= x1 and top <= cy <= bottom):
            continue
        best = _cell_of(table.cells, box.box)
        if best is not None:
            per_cell[best].append(box)
            used.add(n)
    texts: list[str] = []
    scores: list[float] = []
    missing: list[int] = []
    crops: list[NDArray[np.uint8]] = []
    for i, cell in enumerate(table.cells):
        found = per_cell[i]
        texts.append(_cell_text(found))
        scores.append(min((b.score for b in found), default=1.0))
        if not found:
            crop = _ink(gray, cell, dpi)
            if crop is not None:
                missing.append(i)
                crops.append(crop)
    for i, (text, score) in zip(missing, lines(crops), strict=True):
        texts[i] = clean(text)
        scores[i] = score if text.strip() else 0.0  # ink that reads as nothing: a doubt, not a blank
    cells = [
        RawCell(
            c[0] * scale,
            c[1] * scale,
            c[2] * scale,
            c[3] * scale,
            mend_label(_as_figure(texts[i])),
            index,
            round(scores[i], 3),
        )
        for i, c in enumerate(table.cells)
    ]
    return cells, used


def _cell_of(cells: list[PxBox], box: PxBox) -> int | None:
    """The cell a text box lies in: the one it overlaps most (its centre may sit on a rule)."""
    best, best_area = None, 0
    for i, (cx0, ctop, cx1, cbottom) in enumerate(cells):
        w = min(cx1, box[2]) - max(cx0, box[0])
        h = min(cbottom, box[3]) - max(ctop, box[1])
        if w > 0 and h > 0 and w * h > best_area:
            best, best_area = i, w * h
    return best


def _ink(gray: NDArray[np.uint8], cell: PxBox, dpi: int) -> NDArray[np.uint8] | None:
    """The inked part of a cell (a crop to read as one line), or None for a blank cell.

    Ink is what is far darker than the cell's paper, so that scanner noise is not ink; the rules
    around the cell are left out by a margin.
    """
    margin = max(2, dpi // 40)
    x0, top, x1, bottom = cell
    inner = gray[top + margin : bottom - margin, x0 + margin : x1 - margin]
    if inner.size == 0:
        return None
    paper = float(np.median(inner))
    ink = inner < paper - 60
    if int(ink.sum()) < max(8, dpi // 15):
        return None
    ys, xs = np.nonzero(ink)
    pad = max(3, dpi // 30)
    y0 = max(top + margin + int(ys.min()) - pad, 0)
    y1 = min(top + margin + int(ys.max()) + 1 + pad, gray.shape[0])
    xa = max(x0 + margin + int(xs.min()) - pad, 0)
    xb = min(x0 + margin + int(xs.max()) + 1 + pad, gray.shape[1])
    crop: NDArray[np.uint8] = gray[y0:y1, xa:xb]
    return crop


def _as_figure(text: str) -> str:
    """A cell read as ``o`` or ``1O`` is the figure 0 or 10 (the confidence stays low)."""
    if text and not _FIGURE.match(text):
        mapped = text.translate(_DIGIT_LOOKALIKES)
        if _FIGURE.match(mapped):
            return mapped
    return text


def _rows(boxes: list[TextBox]) -> list[list[TextBox]]:
    """Boxes grouped into lines (a box whose middle lies within the line's height), each left to right."""
    rows: list[list[TextBox]] = []
    for box in sorted(boxes, key=lambda b: b.centre[1]):
        if rows:
            last = rows[-1]
            ltop = min(b.box[1] for b in last)
            lbottom = max(b.box[3] for b in last)
            if ltop <= box.centre[1] <= lbottom:
                last.append(box)
                continue
        rows.append([box])
    for row in rows:
        row.sort(key=lambda b: b.box[0])
    return rows


def _join(row: list[TextBox]) -> str:
    parts: list[str] = []
    for n, box in enumerate(row):
        if n:
            height = box.box[3] - box.box[1]
            if box.box[0] - row[n - 1].box[2] > height:  # a visible gap, as in pdf_page
                parts.append(" ")
        parts.append(box.text)
    return "".join(parts)


def _cell_text(boxes: list[TextBox]) -> str:
    """A cell's lines joined without a break: a wrapped label is one label (as in pdf_page)."""
    return clean("".join(_join(row) for row in _rows(boxes)))


def _text_lines(boxes: list[TextBox]) -> list[tuple[float, str, float]]:
    """Lines outside the tables: (top, text, the lowest confidence of its boxes)."""
    out: list[tuple[float, str, float]] = []
    for row in _rows(boxes):
        text = clean(_join(row))
        if text:
            out.append((min(b.box[1] for b in row), text, min(b.score for b in row)))
    return out
