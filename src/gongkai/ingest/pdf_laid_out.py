"""A PDF whose statutory tables draw no rules, read as laid-out text: whether its tables are ruled
or only lines, and its pages laid out character by character for the text reader."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from gongkai.ingest.document import Block
from gongkai.ingest.pdf_open import damaged_pdf, open_pdf
from gongkai.ingest.pdf_page import Item, Line, RawTable, displayed_chars
from gongkai.ingest.vocabulary import is_table_label

_STATUTORY_LABELS = 3  # table labels that show where the statutory tables are: ruled or lines
_FIGURE_MARKS = frozenset(",，.．/—–-")


def _without_trailing_figures(text: str) -> str:
    """The line without the figures (and their separators) it ends with: a label then its cells.
    Scanned from the end rather than by a pattern, which would try every start of a long run."""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1].isdigit() or text[end - 1] in _FIGURE_MARKS):
        end -= 1
    return text[:end]


def label_with_figures(text: str) -> bool:
    """A table label with figures after it (a statutory row printed as a line)."""
    bare = _without_trailing_figures(text)
    return bare != text.rstrip() and any(ch.isdigit() for ch in text[len(bare) :]) and is_table_label(bare)


def ruled_statutory_table(items: list[Item]) -> bool:
    """Does a ruled table hold labels of the statutory tables (not only a page's metadata box)?"""
    found = 0
    for item in items:
        if isinstance(item.what, RawTable):
            for cell in item.what.cells:
                if cell.text and is_table_label(cell.text):
                    found += 1
                    if found >= _STATUTORY_LABELS:
                        return True
    return False


def statutory_lines(items: list[Item]) -> bool:
    """Do the page's lines (outside ruled tables) hold labels of the statutory tables: a row
    label with its figures after it, or a header on a line of its own?"""
    found = 0
    for item in items:
        if isinstance(item.what, Line) and is_table_label(_without_trailing_figures(item.what.text)):
            found += 1
            if found >= _STATUTORY_LABELS:
                return True
    return False


def laid_out_text_blocks(source: str, data: bytes, printed: list[int]) -> list[Block]:
    """A PDF whose statutory tables draw no rules (a Word table whose borders were lost, a
    portal's CSS table printed without borders, a table ruled by rows only, a 三线表; a metadata
    box may still be ruled): no cell can be placed by rules, so the pages are laid out as text,
    each character at its place on the line (as ``pdftotext -layout`` does), and the text reader
    finds the tables by their columns of figures.

    pdfplumber lays the pages out. Where pdfminer decodes much less of a page than pdfium
    (``printed``: pdfium's characters per page; some writers' embedded CID CMaps decode to
    nothing in pdfminer), the page's characters are pdfium's, laid out by the same engine."""
    import pdfplumber

    from gongkai.ingest.text import read_text

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = []
            for page in pdf.pages:
                # pdfplumber pads the page with empty lines where rows stand apart; an empty line
                # after a row's figures would read as a blank cell of it, as in text that prints
                # one cell a line, so only the lines that hold something are kept.
                laid_out = page.extract_text(layout=True) or ""
                pages.append("\n".join(line for line in laid_out.split("\n") if line.strip()))
                page.close()
    except Exception as error:  # pdfminer raises a dozen types for broken content streams
        raise damaged_pdf(source, error) from None
    undecoded = [i for i, text in enumerate(pages) if _visible(text) * 2 < printed[i]]
    if undecoded:
        for index, text in _pdfium_laid_out(source, data, undecoded).items():
            pages[index] = text
    text = "\n\f".join(pages)
    return list(read_text(Path(f"{source}.txt"), text.encode("utf-8")).blocks)


def _visible(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _pdfium_laid_out(source: str, data: bytes, indexes: list[int]) -> dict[int, str]:
    """Pages laid out as text from pdfium's characters (pdfplumber's layout engine)."""
    import pypdfium2 as pdfium

    out: dict[int, str] = {}
    pdf = open_pdf(source, data)
    try:
        for index in indexes:
            page = pdf[index]
            try:
                left, bottom, right, top = page.get_mediabox()
                width, height = right - left, top - bottom
                if page.get_rotation() % 180:
                    width, height = height, width
                chars = displayed_chars(page)
            finally:
                page.close()
            out[index] = chars_laid_out(chars, width, height)
    except (pdfium.PdfiumError, ValueError) as error:
        raise damaged_pdf(source, error) from None
    finally:
        pdf.close()
    return out


def chars_laid_out(chars: list[dict[str, Any]], width: float, height: float) -> str:
    """A page's characters (boxes in points, top down: ``text x0 x1 top bottom``) laid out as text,
    each at its place on its line, by pdfplumber's layout engine (as ``pdftotext -layout`` does):
    the one geometry engine of every reader of placed text (a PDF's glyphs, a converter's
    positioned runs: ``positioned``)."""
    from pdfplumber.utils.text import chars_to_textmap

    if not chars:
        return ""
    placed = sorted(({**c, "upright": True, "doctop": c["top"]} for c in chars), key=lambda c: (c["top"], c["x0"]))
    bbox = (0, 0, width, height)
    return str(
        chars_to_textmap(placed, layout=True, layout_bbox=bbox, layout_width=width, layout_height=height).as_string
    )
