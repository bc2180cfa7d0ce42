"""PDF variants: the statutory tables in table styles and PDF producers the other sets never use
(``generate.py``): vertical header text, landscape and split pages, tiny condensed type, a
pure-Python PDF library drawing its rules as lines or as thin filled rectangles."""

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLASSES = ("pdf", "pdftotext", "pdftotext-layout", "pymupdf4llm", "markitdown")
