"""What every format reader produces: the document as text blocks and tables of cells.

A format reader (text, HTML, DOCX, PDF) only turns a file into a ``Document``; recognising the
statutory tables on it is the recogniser's job, the same for every format (the pdfplumber habit:
first a grid of cells with positions, then the meaning).

Conventions every reader keeps:
- ``TableBlock.rows`` lists each row's cells in source order. A merged cell appears once, in the
  first row and column it covers, with its ``rowspan``/``colspan``; it is not repeated.
- A blank cell is kept as a ``Cell`` with empty text: its position matters.
- ``where`` says where the thing was read, in words a person can follow back to the file:
  ``line 212``, ``table 3 row 4 cell 2``, ``page 2 table 1 row 5 cell 3``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class Cell(NamedTuple):
    """One cell; immutable. A named tuple rather than a frozen dataclass: readers make hundreds
    per report, and a named tuple is built four times faster."""

    text: str
    where: str
    rowspan: int = 1
    colspan: int = 1
    confidence: float | None = None  # OCR's confidence in ``text`` (0–1); None when read from text
    # Where a figure stands on its line of laid-out text (the centre, in characters from the
    # line's start, as ``pdftotext -layout`` spaces cells); None where the reader has no layout.
    x: float | None = None
    # Blanks before a figure inside its pipe cell beyond the converter's one space of padding
    # (``|   1 |``: markitdown keeps the blank characters a word starts with, where a figure
    # stands right of where its cell begins); 0 elsewhere.
    lead: int = 0
    # A PDF cell's text, when it holds an ``l`` ``I`` or ``|``, with the blank its page shows beside
    # such a letter kept (``l 0`` where the text reads ``l0``: a gap narrower than a word's; ``l0``
    # where the glyphs touch); None where the reader has no places or the text no such letter.
    spaced: str | None = None


# ``Cell(text, where)`` made as ``tuple.__new__(Cell, (text, where) + CELL_DEFAULTS)``: the same
# tuple, without the Python-level ``__new__`` a named tuple calls (the text reader makes a cell
# per tab of every tab-separated line).
CELL_DEFAULTS: tuple[object, ...] = tuple(Cell._field_defaults[name] for name in Cell._fields[2:])


@dataclass
class TableBlock:
    rows: list[list[Cell]]
    where: str
    # Empty lines inside a table of text (line numbers, from 1): where a PDF-to-Markdown
    # converter that joins pages with an empty line (markitdown) began a new page.
    breaks: tuple[int, ...] = ()
    # A Markdown pipe table: its rows' cells stand on the converter's grid of the page (a blank
    # cell is a place, not a separator), unlike a tab-separated table's.
    piped: bool = False

    def texts(self) -> list[list[str]]:
        return [[cell.text for cell in row] for row in self.rows]


@dataclass
class TextBlock:
    text: str
    where: str
    confidence: float | None = None  # OCR's confidence in ``text`` (0–1); None when read from text


Block = TextBlock | TableBlock
# formats whose tables keep their grid (each cell with its spans); text, Markdown and OCR do not
GRID_FORMATS = frozenset({"html", "docx", "pdf"})


@dataclass
class Document:
    source: str
    format: str  # text, markdown, html, docx, pdf, image
    blocks: list[Block] = field(default_factory=list)
    encoding: str | None = None
    title: str | None = None  # the file's own title (HTML <title>, DOCX core properties) if any
    pages: int | None = None
    mended: bool = False  # figures an OCR misread were mended (``ocr_figures``): their cells carry a confidence
    doubtful: frozenset[str] = frozenset()  # a text's lines (``line N``) whose figures were so mended
    readings: dict[str, int] = field(default_factory=dict)  # a mended cell's ``where`` → its other reading

    @property
    def tables(self) -> list[TableBlock]:
        return [b for b in self.blocks if isinstance(b, TableBlock)]

    @property
    def paragraphs(self) -> list[TextBlock]:
        return [b for b in self.blocks if isinstance(b, TextBlock)]


class UnreadableFile(Exception):
    """A file that cannot be read as a report, with the reason in Chinese and English."""

    def __init__(self, source: str, reason_zh: str, reason_en: str) -> None:
        self.source = source
        self.reason_zh = reason_zh
        self.reason_en = reason_en
        super().__init__(f"{source}: {reason_zh} / {reason_en}")
