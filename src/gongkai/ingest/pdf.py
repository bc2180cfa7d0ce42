"""Read a PDF with a text layer into a ``Document``: text lines and ruled tables, page by page.

Speed: pdfium (pypdfium2) reads every page's text and counts its drawn paths in about a
millisecond; pages that draw enough lines to hold a ruled table have their rules and characters
read through pdfium too, and pdfplumber's table finder turns the rules into cells
(``pdf_page``). pdfplumber's own parsing, ten times slower, is kept for the pages pdfium cannot
place the rules of.

Tables that run across pages come out as ONE ``TableBlock``: a table at the top of a page that
continues the table ending the previous page (same column rules, nothing but a page number
between them) is joined to it. A header repeated on the new page is dropped, a row that Word
broke across the page is put back together, and a merged cell that runs on past the break
(三、本年度办理结果 spanning its rows) stays one cell (``pdf_across_pages``); the items become the
document's blocks in ``pdf_blocks``. A PDF whose statutory tables draw no rules is laid out as text
for the text reader (``pdf_laid_out``); files that cannot be opened are refused in ``pdf_open``.

Pages without a text layer that show images (a scan, or the tables of a typed report printed and
scanned back in) are read by OCR (``ocr``) into the same items, so the rest does not care; a scan
in which OCR finds nothing is refused with a message that says so, never read as an empty report.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongkai.ingest.browser_lines import browser_title, is_browser_line
from gongkai.ingest.document import Document, UnreadableFile
from gongkai.ingest.limits import check_data
from gongkai.ingest.pdf_across_pages import join_across_pages, running_lines
from gongkai.ingest.pdf_blocks import blocks_of_items
from gongkai.ingest.pdf_laid_out import laid_out_text_blocks, ruled_statutory_table, statutory_lines
from gongkai.ingest.pdf_open import damaged_pdf, open_pdf
from gongkai.ingest.pdf_page import Item, Line, PageObjects, RawTable, clean, pdfium_items, plumber_items

# A page is worth looking for tables on when it draws this many paths (rules, cell borders), or one
# path large enough to be a whole grid (some writers draw every rule of a table as one path).
_MIN_PATHS_FOR_TABLE = 4
_GRID_SIZE = (40.0, 20.0)  # points, width and height

# pdfminer (under pdfplumber) warns once per character of a font without a FontBBox ("Could not get
# FontBBox …": fpdf2's and some other producers' embedded fonts), hundreds of lines on stderr for a
# page it reads anyway; the reader's own doubts say what matters.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


def read_pdf(path: Path, data: bytes) -> Document:
    """Parse ``data`` (the bytes of ``path``) as a PDF with a text layer."""
    import pypdfium2 as pdfium

    source = str(path)
    check_data(source, data)
    pdf = open_pdf(source, data)
    pages: list[_PageSurvey] = []
    by_page: dict[int, list[Item]] = {}
    scanned: list[int] = []
    try:
        for index in range(len(pdf)):
            survey, items_here = _read_page(pdf[index], index)
            pages.append(survey)
            if items_here is not None:
                by_page[index] = items_here
        scanned = [i for i, p in enumerate(pages) if not p.has_text and p.images]
        if scanned:
            from gongkai.ingest.ocr import ocr_pdf_pages

            by_page.update(ocr_pdf_pages(source, pdf, scanned))
    except (pdfium.PdfiumError, ValueError, OSError) as error:  # a damaged page tree
        raise damaged_pdf(source, error) from None
    finally:
        pdf.close()
    if not pages:
        raise UnreadableFile(source, "PDF 文件没有任何页面", "the PDF has no pages")
    if not any(p.has_text for p in pages) and not any(by_page.get(i) for i in scanned):
        if scanned:
            raise UnreadableFile(
                source,
                f"扫描件，没有文字层：全部 {len(pages)} 页都只有图像，文字识别（OCR）也没有识别出文字；"
                "请用原始的 Word 或网页版本，或更清晰的扫描件",
                f"scanned PDF with no text layer: all {len(pages)} pages are images only and OCR found no "
                "text on them; use the original Word file or web page, or a clearer scan",
            )
        raise UnreadableFile(source, "PDF 中没有任何文字", "the PDF holds no text at all")
    left = [i for i in range(len(pages)) if i not in by_page]
    if left:
        by_page.update(_items_with_pdfplumber(source, data, left, [len("".join(pages[i].lines)) for i in left]))
    items = [item for index in range(len(pages)) for item in by_page[index]]
    # a browser's print date, URL and 1/5 at every page's edges (one test a line that holds a /)
    titles = [browser_title(item.what.text) for item in items if isinstance(item.what, Line) and "/" in item.what.text]
    items = [item for item in items if not (isinstance(item.what, Line) and is_browser_line(item.what.text))]
    joined = join_across_pages(items, running_lines(items))
    if scanned and not any(isinstance(item.what, RawTable) for item in joined):
        # Typical: the text typed, the tables printed, signed and scanned back in, and too faint.
        numbers = [i + 1 for i in scanned]
        raise UnreadableFile(
            source,
            f"第 {'、'.join(map(str, numbers))} 页是扫描件，没有文字层，文字识别（OCR）未找到表格，其余页面也没有"
            "表格：统计表格无法读取；请用原始文件或更清晰的扫描件",
            f"page(s) {', '.join(map(str, numbers))} are scanned images with no text layer, OCR found no "
            "table on them and no other page holds one: the statutory tables cannot be read; use the "
            "original file or a clearer scan",
        )
    document = Document(source=source, format="pdf", pages=len(pages), title=next((t for t in titles if t), None))
    if not scanned and not ruled_statutory_table(joined) and statutory_lines(joined):
        document.blocks.extend(laid_out_text_blocks(source, data, [len("".join(p.lines)) for p in pages]))
    else:
        document.blocks.extend(blocks_of_items(joined))
    return document


# ---------------------------------------------------------------------------------------------
# Surveying a page with pdfium
# ---------------------------------------------------------------------------------------------


@dataclass
class _PageSurvey:
    lines: list[str]
    images: int

    @property
    def has_text(self) -> bool:
        return bool(self.lines)


def _read_page(page: Any, index: int) -> tuple[_PageSurvey, list[Item] | None]:
    """What is on the page, and its items (``None``: leave the page to pdfplumber)."""
    textpage = page.get_textpage()
    try:
        lines = [line for line in (clean(s) for s in textpage.get_text_range().splitlines()) if line]
        objects = PageObjects.of(page)
        survey = _PageSurvey(lines, objects.images)
        may_hold_table = lines and (
            len(objects.paths) >= _MIN_PATHS_FOR_TABLE or objects.forms or objects.large_path(*_GRID_SIZE)
        )
        if may_hold_table:
            return survey, pdfium_items(page, textpage, index, objects)
        return survey, [Item(index, n, Line(text)) for n, text in enumerate(lines)]
    finally:
        textpage.close()
        page.close()


# ---------------------------------------------------------------------------------------------
# Pages pdfium could not do: pdfplumber
# ---------------------------------------------------------------------------------------------


def _items_with_pdfplumber(
    source: str, data: bytes, page_numbers: list[int], printed: list[int]
) -> dict[int, list[Item]]:
    """The pages pdfium's engine left (rotated, rules in form XObjects) read by pdfplumber;
    ``printed``: how many characters pdfium found on each (the characters are pdfium's where
    pdfminer decodes much fewer)."""
    import pdfplumber
    import pypdfium2 as pdfium

    out: dict[int, list[Item]] = {}
    fallback: list[Any] = []  # pdfium's document, opened only when a page needs it

    def pdfium_page(index: int) -> Any:
        if not fallback:
            fallback.append(open_pdf(source, data))
        return fallback[0][index]

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for index, count in zip(page_numbers, printed, strict=True):
                page = pdf.pages[index]
                out[index] = plumber_items(page, index, count, lambda index=index: pdfium_page(index))
                page.close()
    except pdfium.PdfiumError as error:
        raise damaged_pdf(source, error) from None
    except Exception as error:  # pdfminer raises a dozen types for broken content streams
        raise damaged_pdf(source, error) from None
    finally:
        for document in fallback:
            document.close()
    return out
