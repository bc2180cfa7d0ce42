"""The PDF reader on PDFs LibreOffice made from Word files of the gold data, and on broken PDFs."""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from gongkai.ingest.document import TableBlock, TextBlock, UnreadableFile
from gongkai.ingest.pdf import read_pdf
from gongkai.ingest.pdf_across_pages import join_across_pages
from gongkai.ingest.pdf_page import Item, Line, RawCell, RawTable
from gongkai.ingest.read import read_report

from .files import need_pdfs, report_files
from .holdout4 import FIXTURES as HOLDOUT4
from .make_files import (
    Fixtures,
    blank_pdf,
    encrypted_pdf,
    grids,
    one_path_grid_pdf,
    scanned_pdf,
    text_then_scan_pdf,
)

__all__ = ["report_files"]


def _spans(table: TableBlock) -> list[list[tuple[str, int, int]]]:
    return [[(c.text, c.rowspan, c.colspan) for c in row] for row in table.rows]


def _page_texts(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(path)
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def test_gold_reports_read_back_cell_for_cell(report_files: Fixtures) -> None:
    need_pdfs(report_files)
    for name, report in report_files.reports.items():
        path = report_files.pdf[name]
        doc = read_pdf(path, path.read_bytes())
        assert doc.format == "pdf"
        assert doc.pages == len(_page_texts(path))
        # Wrapped lines inside a cell are joined: in a PDF they are only the cell's width.
        assert [_spans(t) for t in doc.tables] == [g.expected_rows() for g in grids(report)], name


def test_table_split_over_two_pages_is_one_table(report_files: Fixtures) -> None:
    need_pdfs(report_files)
    path = report_files.pdf[Fixtures.SPLIT]
    pages = _page_texts(path)
    # The fixture really does break table 三 across a page, inside a row.
    start = next(i for i, text in enumerate(pages) if "本年新收" in text)
    assert "结转下年度继续办理" not in pages[start].replace("\r\n", "")
    assert "结转下年度继续" in "".join(pages[start + 1].split())
    doc = read_pdf(path, path.read_bytes())
    report = report_files.reports["000_21925bfca89cb37b"]
    assert [_spans(t) for t in doc.tables] == [g.expected_rows() for g in grids(report)]
    requests = doc.tables[1]
    assert requests.where == f"pages {start + 1}-{start + 2} table 2"
    # Cells say which page they were read on.
    assert requests.rows[3][1].where.startswith(f"page {start + 1} ")
    assert requests.rows[-1][1].where.startswith(f"page {start + 2} ")


def test_repeated_header_and_running_header_and_footer(report_files: Fixtures) -> None:
    """The table's header printed again on the new page is dropped; the page header and footer
    printed between the two parts do not keep them apart."""
    need_pdfs(report_files)
    path = report_files.pdf[Fixtures.SPLIT_HEADER]
    pages = _page_texts(path)
    assert sum("申请人情况" in "".join(text.split()) for text in pages) == 2  # printed twice
    assert all("海盐县人民政府办公室" in text for text in pages)
    doc = read_pdf(path, path.read_bytes())
    report = report_files.reports["000_21925bfca89cb37b"]
    assert [_spans(t) for t in doc.tables] == [g.expected_rows() for g in grids(report)]
    assert doc.tables[1].where.startswith("pages ")


def test_text_lines_carry_pages_and_keep_order(report_files: Fixtures) -> None:
    need_pdfs(report_files)
    path = report_files.pdf[Fixtures.LONG]
    doc = read_pdf(path, path.read_bytes())
    assert doc.pages is not None and doc.pages >= 8
    assert doc.paragraphs[0].text == "海盐县人民政府2020年政府信息公开工作年度报告"
    assert doc.paragraphs[0].where == "page 1 line 1"
    assert doc.paragraphs[-1].where.startswith(f"page {doc.pages} ")
    order = [
        "T" if isinstance(b, TableBlock) else b.text[:2]
        for b in doc.blocks
        if isinstance(b, TableBlock) or (isinstance(b, TextBlock) and b.text[:2] in ("二、", "三、", "四、", "五、"))
    ]
    assert order == ["二、", "T", "三、", "T", "四、", "T", "五、"]


@pytest.mark.parametrize(
    ("make", "zh", "en"),
    [
        (lambda: scanned_pdf(3), "扫描件，没有文字层", "scanned PDF with no text layer: all 3 pages"),
        (lambda: scanned_pdf(2, in_form=True), "扫描件，没有文字层", "scanned PDF with no text layer: all 2 pages"),
        (encrypted_pdf, "已加密", "encrypted"),
        (blank_pdf, "没有任何文字", "no text"),
        (lambda: b"%PDF-1.4\n" + bytes(range(256)) * 8, "不完整", "truncated"),
        (lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "不是 PDF", "not a PDF"),
        (lambda: b"", "为空", "empty"),
    ],
)
def test_unreadable_pdfs_say_why(make: object, zh: str, en: str) -> None:
    with pytest.raises(UnreadableFile) as caught:
        read_pdf(Path("bad.pdf"), make())  # type: ignore[operator]
    assert caught.value.source == "bad.pdf"
    assert zh in caught.value.reason_zh
    assert en in caught.value.reason_en


def test_truncated_real_pdf(report_files: Fixtures) -> None:
    need_pdfs(report_files)
    data = report_files.pdf["shuyang-fgj-2023"].read_bytes()
    with pytest.raises(UnreadableFile, match="truncated"):
        read_pdf(Path("cut.pdf"), data[: len(data) * 2 // 3])


def test_damaged_pdf_with_an_end_marker(report_files: Fixtures) -> None:
    need_pdfs(report_files)
    data = report_files.pdf["shuyang-fgj-2023"].read_bytes()
    broken = data[:2000] + b"\x00garbage" * 500 + b"\n%%EOF\n"
    with pytest.raises(UnreadableFile) as caught:
        read_pdf(Path("broken.pdf"), broken)
    assert caught.value.reason_zh


@pytest.mark.parametrize(("in_form", "rects"), [(False, False), (False, True), (True, False), (True, True)])
def test_a_grid_drawn_as_one_path_is_still_a_table(in_form: bool, rects: bool) -> None:
    """One path for all rules, stroked lines or filled thin rectangles; and inside a form
    XObject (which the pdfplumber engine reads)."""
    data, rows = one_path_grid_pdf(in_form, rects)
    doc = read_pdf(Path("grid.pdf"), data)
    assert [t.texts() for t in doc.tables] == [rows]
    assert [b.text for b in doc.paragraphs] == ["Report"]
    if in_form:
        import pypdfium2 as pdfium

        from gongkai.ingest.pdf_page import pdfium_items

        page = pdfium.PdfDocument(data)[0]
        assert pdfium_items(page, page.get_textpage(), 0) is None  # it did fall back


def test_the_pdfplumber_engine_reads_whole_reports(report_files: Fixtures, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the fast engine out of the way, the fallback reads the split report just as well."""
    need_pdfs(report_files)
    import gongkai.ingest.pdf as pdf_module

    monkeypatch.setattr(pdf_module, "pdfium_items", lambda *args: None)
    path = report_files.pdf[Fixtures.SPLIT_HEADER]
    doc = read_pdf(path, path.read_bytes())
    report = report_files.reports["000_21925bfca89cb37b"]
    assert [_spans(t) for t in doc.tables] == [g.expected_rows() for g in grids(report)]


def test_scanned_table_pages_after_typed_text_are_reported() -> None:
    with pytest.raises(UnreadableFile) as caught:
        read_pdf(Path("mixed.pdf"), text_then_scan_pdf())
    assert "第 2 页是扫描件" in caught.value.reason_zh
    assert "page(s) 2 are scanned images" in caught.value.reason_en


def _line(page: int, order: int, text: str) -> Item:
    return Item(page, order, Line(text))


def _part(page: int, order: int, cells: list[tuple[float, float, float, float, str]]) -> Item:
    raw = [RawCell(x0, top, x1, bottom, text, page) for x0, top, x1, bottom, text in cells]
    top, bottom = min(c.top for c in raw), max(c.bottom for c in raw)
    return Item(page, order, RawTable(raw, page, top, bottom, 842.0, [page]))


@pytest.mark.parametrize(
    "between", ["续表", "续表三", "表三（续）", "三、收到和处理政府信息公开申请情况（续）", "- 2 -", "第 2 页 共 5 页"]
)
def test_continued_table_marks_and_page_numbers_do_not_split_a_table(between: str) -> None:
    items = [
        _part(0, 0, [(0, 700, 100, 720, "一、本年新收"), (100, 700, 200, 720, "5")]),
        _line(1, 0, between),
        _part(1, 1, [(0, 50, 100, 70, "二、上年结转"), (100, 50, 200, 70, "1")]),
    ]
    joined = join_across_pages(items, set())
    tables = [item.what for item in joined if isinstance(item.what, RawTable)]
    assert len(tables) == 1 and tables[0].pages == [0, 1]


def test_words_between_two_tables_keep_them_apart() -> None:
    items = [
        _part(0, 0, [(0, 700, 100, 720, "规章"), (100, 700, 200, 720, "5")]),
        _line(1, 0, "三、收到和处理政府信息公开申请情况"),
        _part(1, 1, [(0, 50, 100, 70, "一、本年新收"), (100, 50, 200, 70, "1")]),
    ]
    joined = join_across_pages(items, set())
    assert sum(isinstance(item.what, RawTable) for item in joined) == 2


def test_both_page_engines_read_the_same(report_files: Fixtures) -> None:
    """The fast engine (pdfium rules and characters) gives what pdfplumber's own parsing gives."""
    need_pdfs(report_files)
    import io

    import pdfplumber

    from gongkai.ingest.pdf_page import pdfium_items, plumber_items

    compared = 0
    for path in report_files.pdf.values():
        data = path.read_bytes()
        fast_pdf = pdfium.PdfDocument(data)
        with pdfplumber.open(io.BytesIO(data)) as slow_pdf:
            for index, slow_page in enumerate(slow_pdf.pages):
                page = fast_pdf[index]
                textpage = page.get_textpage()
                fast = pdfium_items(page, textpage, index)
                assert fast is not None, f"{path.name} page {index + 1} fell back to pdfplumber"
                slow = plumber_items(slow_page, index)
                assert _summary(fast) == _summary(slow), f"{path.name} page {index + 1}"
                compared += any(isinstance(item.what, RawTable) for item in fast)
        fast_pdf.close()
    assert compared >= 20  # pages with tables among them


def _summary(items: list[Item]) -> list[object]:
    out: list[object] = []
    for item in items:
        if isinstance(item.what, Line):
            out.append(item.what.text)
        else:
            out.append([(c.text, round(c.x0), round(c.top), round(c.x1), round(c.bottom)) for c in item.what.cells])
    return out


def test_kangxi_radicals_from_subset_fonts_read_as_ideographs() -> None:
    from gongkai.ingest.pdf_page import clean

    # What pdfminer reads from a Chromium-printed page's ToUnicode table, and what is printed.
    assert clean("⼀、本年新收  ⾏政许可 2020 年") == "一、本年新收 行政许可2020年"


@pytest.mark.parametrize(
    ("name", "gold", "row"),
    [
        # chromium: the running header's box is the page's first rule, the table's top is open
        ("b2020-b~bureau.pdf", "b2020-b", "total_processed"),
        ("b2024-e~bureau.pdf", "b2024-e", "other_unpaid_fee"),
        # LibreOffice: a figure wrapped in its narrow cell (４４ / ８) and cut by the page
        ("b2024-e~bureau-word.pdf", "b2024-e", "carried_over"),
    ],
)
def test_the_row_at_a_page_cut_under_running_furniture_is_read(name: str, gold: str, row: str) -> None:
    """Department pages printed with a running header and footer: table 三's row after the page
    cut is read in full (b2020-b prints a contradiction, so its total row stays in doubt)."""
    report = read_report(HOLDOUT4 / "pdf" / name).report
    expected = json.loads((HOLDOUT4 / "gold" / f"{gold}.json").read_text("utf-8"))["requests"][row]
    assert report is not None and report.requests[row] == expected
