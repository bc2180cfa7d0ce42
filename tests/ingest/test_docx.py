"""The DOCX reader: Word files written from the gold data, and hand-made Word XML edge cases."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from gongkai.ingest.document import TableBlock, TextBlock, UnreadableFile
from gongkai.ingest.docx import read_docx

from .files import report_files
from .make_files import Fixtures, grids, title_of

__all__ = ["report_files"]


def _spans(table: TableBlock) -> list[list[tuple[str, int, int]]]:
    return [[(c.text, c.rowspan, c.colspan) for c in row] for row in table.rows]


def test_gold_reports_read_back_cell_for_cell(report_files: Fixtures) -> None:
    for name, path in report_files.docx.items():
        report = report_files.reports[name]
        doc = read_docx(path, path.read_bytes())
        assert doc.format == "docx"
        assert doc.title == title_of(report)
        # Every table with its merged cells once, spans as Word's gridSpan/vMerge said.
        assert [_spans(t) for t in doc.tables] == [g.expected_rows() for g in grids(report)], name


def test_paragraphs_and_tables_keep_body_order(report_files: Fixtures) -> None:
    path = report_files.docx["shuyang-fgj-2023"]
    doc = read_docx(path, path.read_bytes())
    sequence = [
        "T" if isinstance(b, TableBlock) else b.text[:2]
        for b in doc.blocks
        if isinstance(b, TableBlock) or b.text[:2] in ("一、", "二、", "三、", "四、", "五、", "六、")
    ]
    assert sequence == ["一、", "二、", "T", "三、", "T", "四、", "T", "五、", "六、"]
    assert doc.paragraphs[0].where == "paragraph 1"
    assert doc.tables[1].rows[5][0].where == "table 2 row 6 cell 1"
    assert (doc.tables[1].rows[5][0].text, doc.tables[1].rows[5][0].rowspan) == ("三、本年度办理结果", 22)


# ---------------------------------------------------------------------------------------------
# Word XML written by hand: what real files do that python-docx does not
# ---------------------------------------------------------------------------------------------

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def _docx(body: str, title: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(
            "word/document.xml", f'<?xml version="1.0"?><w:document {W} {MC}><w:body>{body}</w:body></w:document>'
        )
        if title is not None:
            package.writestr(
                "docProps/core.xml",
                '<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                f"<dc:title>{title}</dc:title></cp:coreProperties>",
            )
    return buffer.getvalue()


def _p(text: str, extra: str = "") -> str:
    return f'<w:p>{extra}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{_p(text) if text else '<w:p/>'}</w:tc>"


def test_vertical_horizontal_and_legacy_merges() -> None:
    restart, cont, span2 = '<w:vMerge w:val="restart"/>', "<w:vMerge/>", '<w:gridSpan w:val="2"/>'
    rows = [
        _tc("三、本年度办理结果", restart) + _tc("予以公开", span2),
        _tc("", cont) + _tc("部分") + _tc("公开", '<w:hMerge w:val="restart"/>'),
        _tc("", '<w:vMerge w:val="continue"/>') + _tc("1") + _tc("", "<w:hMerge/>"),
    ]
    table = (
        "<w:tbl>"
        + "".join(f"<w:tr>{row}</w:tr>" for row in rows)
        + '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>'
        + _tc("2")
        + _tc("3")
        + "</w:tr>"
        + "</w:tbl>"
    )
    doc = read_docx(Path("merges.docx"), _docx(table))
    assert _spans(doc.tables[0]) == [
        [("三、本年度办理结果", 3, 1), ("予以公开", 1, 2)],
        [("部分", 1, 1), ("公开", 1, 1)],
        [("1", 1, 2)],  # a legacy hMerge continuation widens the cell on its left
        [("2", 1, 1), ("3", 1, 1)],
    ]


def test_content_controls_line_breaks_and_text_box_fallbacks() -> None:
    text_box = (
        '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent>'
        + _p("印章文字")
        + "</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent>"
        + _p("印章文字")
        + "</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    body = (
        "<w:sdt><w:sdtContent>"
        + _p("某县人民政府2021年政府信息公开工作年度报告", '<w:pPr><w:pStyle w:val="Title"/></w:pPr>')
        + "</w:sdtContent></w:sdt>"
        + "<w:p><w:r><w:t>某县人民政府</w:t><w:br/><w:t>2022年1月</w:t><w:tab/><w:t>10日</w:t></w:r></w:p>"
        + "<w:p><w:r><w:t>删</w:t></w:r><w:del><w:r><w:delText>去</w:delText></w:r></w:del>"
        + "<w:moveFrom><w:r><w:t>移走</w:t></w:r></w:moveFrom><w:ins><w:r><w:t>增</w:t></w:r></w:ins></w:p>"
        + text_box
        + "<w:tbl><w:tr>"
        + _tc("外")
        + "<w:tc><w:tbl><w:tr>"
        + _tc("内1")
        + _tc("内2")
        + "</w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>"
    )
    doc = read_docx(Path("controls.docx"), _docx(body, title="Microsoft Word - 2021.doc"))
    assert doc.title == "某县人民政府2021年政府信息公开工作年度报告"  # a junk core title is ignored
    assert [b.text for b in doc.blocks if isinstance(b, TextBlock)] == [
        "某县人民政府2021年政府信息公开工作年度报告",
        "某县人民政府",
        "2022年1月 10日",
        "删增",
        "印章文字",
        "外",
    ]
    # A table holding a table is layout: its cell text is text, the inner table a table.
    assert doc.tables[0].texts() == [["内1", "内2"]]


def test_core_title_is_used_when_it_is_a_real_title() -> None:
    doc = read_docx(Path("t.docx"), _docx(_p("正文"), title="某区2020年政府信息公开工作年度报告"))
    assert doc.title == "某区2020年政府信息公开工作年度报告"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "Word file (.doc)"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le"),
            "password-protected",
        ),
        (b"PK\x03\x04" + b"\x00" * 40, "truncated or damaged"),
        (b"just some text, not a zip", "truncated or damaged"),
        (b"", "empty"),
    ],
)
def test_unreadable_word_files_say_why(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableFile) as caught:
        read_docx(Path("bad.docx"), data)
    assert caught.value.source == "bad.docx"
    assert reason in caught.value.reason_en
    assert caught.value.reason_zh


def test_zip_without_a_word_document_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("hello.txt", "hi")
    with pytest.raises(UnreadableFile, match=r"word/document\.xml"):
        read_docx(Path("x.docx"), buffer.getvalue())


def test_truncated_docx_is_refused(report_files: Fixtures) -> None:
    data = report_files.docx["shuyang-fgj-2023"].read_bytes()
    with pytest.raises(UnreadableFile) as caught:
        read_docx(Path("cut.docx"), data[: len(data) // 2])
    assert "damaged" in caught.value.reason_en
