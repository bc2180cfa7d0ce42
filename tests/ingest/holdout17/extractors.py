"""A PDF's text as researchers' Python scripts extract it (the seventeenth hold-out's new classes),
each the library's ordinary call, pages joined as a bulk script joins them, the text written as the
library gave it (``\\r\\n``, form feeds and trailing blanks kept):

=====================  =====================================================================
class                  made by
=====================  =====================================================================
pypdf                  ``pypdf.PdfReader(pdf).pages[i].extract_text()``, pages joined by ``\\n``
pypdf-layout           the same with ``extraction_mode="layout"``
pdfminer               ``pdfminer.high_level.extract_text(pdf)`` (a form feed after each page;
                       what pdfplumber's plain text and markitdown build on)
pdfplumber-layout      ``pdfplumber``'s ``page.extract_text(layout=True)``, pages joined by ``\\n``
pdfium                 ``pypdfium2``'s ``page.get_textpage().get_text_range()`` (PDFium, as
                       Chrome's viewer copies it: ``\\r\\n`` line ends), pages joined by ``\\n``
=====================  =====================================================================

Needs the ``fixtures`` extra (pypdf) and the dev extra (pdfminer.six, pdfplumber, pypdfium2).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def pypdf_text(pdf: Path, layout: bool = False) -> str:
    from pypdf import PdfReader

    mode = "layout" if layout else "plain"
    return "\n".join(page.extract_text(extraction_mode=mode) for page in PdfReader(pdf).pages)


def pdfminer_text(pdf: Path) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(str(pdf)))


def pdfplumber_layout(pdf: Path) -> str:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return "\n".join(page.extract_text(layout=True) or "" for page in doc.pages)


def pdfium_text(pdf: Path) -> str:
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


FROM_PDF: dict[str, Callable[[Path], str]] = {
    "pypdf": pypdf_text,
    "pypdf-layout": lambda pdf: pypdf_text(pdf, layout=True),
    "pdfminer": pdfminer_text,
    "pdfplumber-layout": pdfplumber_layout,
    "pdfium": pdfium_text,
}


def write(path: Path, text: str) -> None:
    """The text exactly as the library gave it (no newline translation)."""
    path.write_text(text, encoding="utf-8", newline="")
