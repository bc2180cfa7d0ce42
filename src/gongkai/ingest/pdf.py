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
(三、本年度办理结果 spanning its rows) stays one cell.

Pages without a text layer that show images (a scan, or the tables of a typed report printed and
scanned back in) are read by OCR (``ocr``) into the same items, so the rest does not care; a scan
in which OCR finds nothing is refused with a message that says so, never read as an empty report.
"""

from __future__ import annotations

import bisect
import io
import logging
import re
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from gongkai.ingest.document import Block, Cell, Document, TableBlock, TextBlock, UnreadableFile
from gongkai.ingest.limits import check_data
from gongkai.ingest.pdf_page import (
    TOLERANCE,
    Item,
    Line,
    PageObjects,
    RawCell,
    RawTable,
    clean,
    displayed_chars,
    pdfium_items,
    plumber_items,
)
from gongkai.ingest.vocabulary import is_table_label

# A page is worth looking for tables on when it draws this many paths (rules, cell borders), or one
# path large enough to be a whole grid (some writers draw every rule of a table as one path).
_MIN_PATHS_FOR_TABLE = 4
_GRID_SIZE = (40.0, 20.0)  # points, width and height
_STATUTORY_LABELS = 3  # table labels that show where the statutory tables are: ruled or lines
_ACROSS_PAGES = 4.0  # points: how far apart one column rule may be on two pages
_NUMBER = re.compile(r"^[-－—+]?[\d,，.．]+\s*(?:万?元)?$")
_NUMBERING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．])")
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－\s]*\d+[-—–－\s]*|\s*第\s*\d+\s*页(?:(?:\s*[,，])?\s*共\s*\d+\s*页)?\s*|\s*\d+\s*/\s*\d+\s*)$"
)
_FIGURE_MARKS = frozenset(",，.．/—–-")

# pdfminer (under pdfplumber) warns once per character of a font without a FontBBox ("Could not get
# FontBBox …": fpdf2's and some other producers' embedded fonts), hundreds of lines on stderr for a
# page it reads anyway; the reader's own doubts say what matters.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


def _without_trailing_figures(text: str) -> str:
    """The line without the figures (and their separators) it ends with: a label then its cells.
    Scanned from the end rather than by a pattern, which would try every start of a long run."""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1].isdigit() or text[end - 1] in _FIGURE_MARKS):
        end -= 1
    return text[:end]


_HAN = re.compile(r"[\u4e00-\u9fff]")
# 续表, 表三（续）, 三、收到和处理政府信息公开申请情况（续）: printed over a table's continuation.
_CONTINUED = re.compile(r"^\s*(?:续表.{0,30}|.{0,40}[（(]\s*续(?:表|上表)?\s*[)）])\s*$")


def read_pdf(path: Path, data: bytes) -> Document:
    """Parse ``data`` (the bytes of ``path``) as a PDF with a text layer."""
    import pypdfium2 as pdfium

    source = str(path)
    check_data(source, data)
    pdf = _open(source, data)
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
        raise _damaged(source, error) from None
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
    joined = _join_across_pages(items, _running_lines(items))
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
    document = Document(source=source, format="pdf", pages=len(pages))
    if not scanned and not _ruled_statutory_table(joined) and _statutory_lines(joined):
        document.blocks.extend(_laid_out_text_blocks(source, data, [len("".join(p.lines)) for p in pages]))
    else:
        document.blocks.extend(_blocks(joined))
    return document


def _ruled_statutory_table(items: list[Item]) -> bool:
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


def _statutory_lines(items: list[Item]) -> bool:
    """Do the page's lines (outside ruled tables) hold labels of the statutory tables: a row
    label with its figures after it, or a header on a line of its own?"""
    found = 0
    for item in items:
        if isinstance(item.what, Line) and is_table_label(_without_trailing_figures(item.what.text)):
            found += 1
            if found >= _STATUTORY_LABELS:
                return True
    return False


def _laid_out_text_blocks(source: str, data: bytes, printed: list[int]) -> list[Block]:
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
        raise _damaged(source, error) from None
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
    from pdfplumber.utils.text import chars_to_textmap

    out: dict[int, str] = {}
    pdf = _open(source, data)
    try:
        for index in indexes:
            page = pdf[index]
            try:
                left, bottom, right, top = page.get_mediabox()
                width, height = right - left, top - bottom
                if page.get_rotation() % 180:
                    width, height = height, width
                chars = [{**c, "upright": True, "doctop": c["top"]} for c in displayed_chars(page)]
            finally:
                page.close()
            chars.sort(key=lambda c: (c["top"], c["x0"]))
            bbox = (0, 0, width, height)
            out[index] = (
                chars_to_textmap(
                    chars, layout=True, layout_bbox=bbox, layout_width=width, layout_height=height
                ).as_string
                if chars
                else ""
            )
    except (pdfium.PdfiumError, ValueError) as error:
        raise _damaged(source, error) from None
    finally:
        pdf.close()
    return out


def items_to_blocks(items: list[Item]) -> list[Block]:
    """Items of consecutive pages (from OCR too) as blocks, tables joined across pages."""
    return _blocks(_join_across_pages(items, _running_lines(items)))


# ---------------------------------------------------------------------------------------------
# Opening and surveying with pdfium
# ---------------------------------------------------------------------------------------------


def _open(source: str, data: bytes) -> Any:
    import pypdfium2 as pdfium

    if b"%PDF" not in data[:1024]:
        raise UnreadableFile(source, "不是 PDF 文件（缺少 %PDF 文件头）", "not a PDF file (no %PDF header)")
    if b"%%EOF" not in data[-8192:] and _cut_short(data):
        raise UnreadableFile(
            source,
            "PDF 文件不完整（结尾缺少 %%EOF 标记），可能下载或复制时被截断",
            "the PDF is truncated (no %%EOF at its end): the download or copy was cut short",
        )
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise UnreadableFile(
                source,
                "PDF 文件已加密（需要密码才能打开），无法读取；请提供未加密的版本",
                "the PDF is encrypted (it needs a password to open); provide an unencrypted copy",
            ) from None
        raise _damaged(source, error) from None


def _cut_short(data: bytes) -> bool:
    """No ``%%EOF`` near the end: truncated, unless the file ends with bytes that are no PDF.

    Readers accept a complete PDF with junk after its last ``%%EOF`` (a mail gateway's padding, a
    signature block); a cut file has objects after its last ``%%EOF`` (a linearized file's first
    one is near the start) or none at all.
    """
    last = data.rfind(b"%%EOF")
    return last < 0 or b"endobj" in data[last:]


def _damaged(source: str, error: BaseException) -> UnreadableFile:
    return UnreadableFile(
        source,
        "PDF 文件已损坏，无法解析",
        f"the PDF is damaged and cannot be parsed ({type(error).__name__}: {error})",
    )


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
            fallback.append(_open(source, data))
        return fallback[0][index]

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for index, count in zip(page_numbers, printed, strict=True):
                page = pdf.pages[index]
                out[index] = plumber_items(page, index, count, lambda index=index: pdfium_page(index))
                page.close()
    except pdfium.PdfiumError as error:
        raise _damaged(source, error) from None
    except Exception as error:  # pdfminer raises a dozen types for broken content streams
        raise _damaged(source, error) from None
    finally:
        for document in fallback:
            document.close()
    return out


# ---------------------------------------------------------------------------------------------
# Joining a table continued on the next page
# ---------------------------------------------------------------------------------------------


def _running_lines(items: list[Item]) -> set[str]:
    """Running headers and footers: the same first or last line on two pages or more."""
    firsts: dict[str, int] = {}
    lasts: dict[str, int] = {}
    by_page: dict[int, list[str]] = {}
    for item in items:
        if isinstance(item.what, Line):
            by_page.setdefault(item.page, []).append(item.what.text)
    for lines in by_page.values():
        firsts[lines[0]] = firsts.get(lines[0], 0) + 1
        lasts[lines[-1]] = lasts.get(lines[-1], 0) + 1
    return {text for counts in (firsts, lasts) for text, n in counts.items() if n >= 2}


def _between_parts(text: str, running: set[str]) -> bool:
    """May this line stand between a table and its continuation (page number, 续表, header)?"""
    return bool(_PAGE_NUMBER.match(text) or _CONTINUED.match(text)) or text in running


def _join_across_pages(items: list[Item], running: set[str]) -> list[Item]:
    out: list[Item] = []
    for item in items:
        if isinstance(item.what, RawTable) and _is_page_top(items, item, running):
            previous = _last_table_before(out, item.page, running)
            if previous is not None and _continues(previous, item.what):
                _append(previous, item.what)
                continue
        out.append(item)
    return out


def _is_page_top(items: list[Item], item: Item, running: set[str]) -> bool:
    """Nothing but page numbers, 续表 or a running header above the table on its page."""
    for other in items:
        if (
            other.page == item.page
            and other.order < item.order
            and isinstance(other.what, Line)
            and not _between_parts(other.what.text, running)
        ):
            return False
    return item.page > 0


def _last_table_before(out: list[Item], page: int, running: set[str]) -> RawTable | None:
    """The previous page's last table, if nothing but page numbers or a footer follows it."""
    for item in reversed(out):
        if isinstance(item.what, Line):
            if item.page == page - 1 and not _between_parts(item.what.text, running):
                return None
            continue
        if isinstance(item.what, RawTable) and item.what.pages[-1] == page - 1:
            return item.what
        return None
    return None


def _columns(cells: list[RawCell]) -> list[float]:
    return _cluster([c.x0 for c in cells] + [c.x1 for c in cells])


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > TOLERANCE:
            out.append(value)
    return out


def _near(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE


def _continues(first: RawTable, second: RawTable) -> bool:
    """Same outer edges, and most column rules of the part with fewer rules are in the other.

    Not all: the rows on one page may not draw a rule that rows on the other page do (the
    （三）不予公开 group column only exists below 三、本年度办理结果's first row).
    """
    cols_first = _columns(first.cells)
    cols_second = _columns(second.cells)
    if not (_across(cols_first[0], cols_second[0]) and _across(cols_first[-1], cols_second[-1])):
        return False
    fewer, more = sorted((cols_first[1:-1], cols_second[1:-1]), key=len)
    shared = sum(1 for x in fewer if any(_across(x, y) for y in more))
    return shared * 2 >= len(fewer)


def _across(a: float, b: float) -> bool:
    """The same column rule on two pages: browsers place a table's rules a point or two apart
    from page to page."""
    return abs(a - b) <= _ACROSS_PAGES


def _snap_to(columns: list[float], x: float) -> float:
    nearest = min(columns, key=lambda c: abs(c - x))
    return nearest if _across(nearest, x) else x


def _rows_of(cells: list[RawCell]) -> list[list[RawCell]]:
    tops = _cluster([c.top for c in cells])
    rows: list[list[RawCell]] = [[] for _ in tops]
    for cell in cells:
        rows[_index(tops, cell.top)].append(cell)
    for row in rows:
        row.sort(key=lambda c: c.x0)
    return rows


def _index(points: list[float], value: float) -> int:
    i = bisect.bisect_left(points, value - TOLERANCE)
    return min(i, len(points) - 1)


def _append(first: RawTable, second: RawTable) -> None:
    """Put ``second`` (the part on the next page) under ``first``, in ``first``'s coordinates."""
    cells = list(second.cells)
    rows_first = _rows_of(first.cells)
    rows_second = _rows_of(cells)
    # 1. A header repeated at the top of the new page (Word's "repeat header rows").
    repeated = 0
    for k in range(1, min(len(rows_first), len(rows_second))):
        if _row_texts(rows_first[:k]) == _row_texts(rows_second[:k]) and any(
            c.text for row in rows_second[:k] for c in row
        ):
            repeated = k
    if repeated:
        cut = rows_second[repeated][0].top
        cells = [c for c in cells if c.top >= cut - TOLERANCE]
    if not cells:
        first.pages.append(second.page)
        return
    # 2. Shift the new part so that its top edge is the old part's bottom edge.
    top = min(c.top for c in cells)
    bottom = max(c.bottom for c in first.cells)
    shift = bottom - top
    columns = _columns(first.cells)
    shifted = [
        RawCell(
            _snap_to(columns, c.x0),
            c.top + shift,
            _snap_to(columns, c.x1),
            c.bottom + shift,
            c.text,
            second.page,
            c.confidence,
        )
        for c in cells
    ]
    top_row = [c for c in shifted if _near(c.top, bottom)]
    bottom_cells = [c for c in first.cells if _near(c.bottom, bottom)]
    fragment = _is_row_fragment(top_row, bottom_cells)
    first_tops = _cluster([c.top for c in first.cells])
    second_tops = _cluster([c.top for c in shifted])
    merged: list[RawCell] = []
    for cell in shifted:
        partner = None
        if any(cell is c for c in top_row):
            partner = next((b for b in bottom_cells if _near(b.x0, cell.x0) and _near(b.x1, cell.x1)), None)
        if partner is not None and (fragment or _same_spanning_cell(partner, cell, first_tops, second_tops)):
            # The same cell, broken by the page: one cell, its text in order.
            partner.bottom = cell.bottom
            partner.text = partner.text + cell.text
            if cell.confidence is not None:
                partner.confidence = min(partner.confidence or 1.0, cell.confidence)
            continue
        merged.append(cell)
    first.cells.extend(merged)
    first.pages.append(second.page)


def _same_spanning_cell(partner: RawCell, cell: RawCell, first_tops: list[float], second_tops: list[float]) -> bool:
    """Is ``cell`` (top of the new page) the rest of a merged cell that ran past the break?

    It is when either part spans rows and the new part does not start a numbered label of its
    own and is no figure: LibreOffice prints the rest of 三、本年度办理结果 there, Word nothing.
    """
    spanning = _spans_rows(partner, first_tops) or _spans_rows(cell, second_tops)
    if _NUMBER.match(cell.text) or _NUMBERING.match(cell.text):
        return False  # a figure, or a label of its own: the first row of the new page
    return spanning and bool(partner.text or cell.text)


def _row_texts(rows: list[list[RawCell]]) -> list[list[str]]:
    return [[c.text for c in row] for row in rows]


def _spans_rows(cell: RawCell, tops: list[float]) -> bool:
    return sum(1 for t in tops if cell.top - TOLERANCE < t < cell.bottom - TOLERANCE) > 1


def _is_row_fragment(top_row: list[RawCell], bottom_cells: list[RawCell]) -> bool:
    """Is the new page's first row the rest of a row Word broke across the page?

    It is when it holds no number (the figures were printed on the first part) and its words
    do not start a numbered label, while the row it would continue printed figures.
    """
    texts = [c.text for c in top_row if c.text]
    if not texts or _NUMBERING.match(texts[0]):
        return False
    if any(_NUMBER.match(t) for t in texts):
        return _is_figure_tail(top_row, bottom_cells)
    return any(_NUMBER.match(c.text) for c in bottom_cells if c.text)


def _is_figure_tail(top_row: list[RawCell], bottom_cells: list[RawCell]) -> bool:
    """Is the new page's first row the rest of figures wrapped in narrow cells (４４ / ８)?

    It is when the row prints no words and only a few figures, each under a figure of the row
    above: a row of its own prints a figure in most of its cells."""
    filled = [c for c in top_row if c.text]
    above = [b for b in bottom_cells if b.text and _NUMBER.match(b.text)]
    if len(filled) * 2 >= len(above):
        return False
    return all(_NUMBER.match(c.text) and any(_near(b.x0, c.x0) and _near(b.x1, c.x1) for b in above) for c in filled)


# ---------------------------------------------------------------------------------------------
# Items to blocks
# ---------------------------------------------------------------------------------------------


def _blocks(items: list[Item]) -> list[Block]:
    blocks: list[Block] = []
    line_numbers: dict[int, int] = {}
    tables = 0
    for item in items:
        page = item.page + 1
        if isinstance(item.what, Line):
            line_numbers[page] = line_numbers.get(page, 0) + 1
            blocks.append(TextBlock(item.what.text, f"page {page} line {line_numbers[page]}", item.what.confidence))
            continue
        tables += 1
        blocks.append(_table_block(item.what, tables))
    return blocks


def _join_stacked_labels(cells: list[RawCell]) -> list[RawCell]:
    """A header label cut into two cells one above the other (LibreOffice printing a Word
    table whose merged header cells it split: 结果 over 维持, 其他 over 结果) as the one cell it
    is: the two halves make a table label and the lower half alone is none. The joined cell
    spans both rows, so the header reads in its printed order."""
    by_column: dict[tuple[int, int], list[RawCell]] = {}
    for cell in cells:
        if _HAN.search(cell.text):  # words: a figure, "—" or "/" is never half a label
            by_column.setdefault((round(cell.x0 / TOLERANCE), round(cell.x1 / TOLERANCE)), []).append(cell)
    gone: set[int] = set()
    for column in by_column.values():
        if len(column) < 2:
            continue
        column.sort(key=lambda c: c.top)
        for upper, lower in pairwise(column):
            if id(upper) in gone or not _near(upper.bottom, lower.top) or is_table_label(lower.text):
                continue
            if is_table_label(upper.text + lower.text):
                upper.bottom, upper.text = lower.bottom, upper.text + lower.text
                gone.add(id(lower))
    return [c for c in cells if id(c) not in gone] if gone else cells


def _table_block(table: RawTable, number: int) -> TableBlock:
    cells = _join_stacked_labels(table.cells)
    xs = _columns(cells)
    ys = _cluster([c.top for c in cells] + [c.bottom for c in cells])
    rows: list[list[Cell]] = [[] for _ in range(max(len(ys) - 1, 1))]
    for cell in sorted(cells, key=lambda c: (c.top, c.x0)):
        r0, r1 = _index(ys, cell.top), _index(ys, cell.bottom)
        c0, c1 = _index(xs, cell.x0), _index(xs, cell.x1)
        page = cell.page + 1
        row = rows[min(r0, len(rows) - 1)]
        row.append(
            Cell(
                cell.text,
                f"page {page} table {number} row {r0 + 1} cell {len(row) + 1}",
                rowspan=max(r1 - r0, 1),
                colspan=max(c1 - c0, 1),
                confidence=cell.confidence,
            )
        )
    first, last = table.pages[0] + 1, table.pages[-1] + 1
    where = f"page {first} table {number}" if first == last else f"pages {first}-{last} table {number}"
    return TableBlock(rows, where)
