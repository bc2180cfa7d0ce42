"""The HTML reader on the real government page of the corpus and on crafted pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.ingest.document import Document, TableBlock, TextBlock, UnreadableFile
from gongkai.ingest.html import read_html
from tests.environment import RAW, missing

SHUYANG = RAW / "shuyang-fgj-2023.html"


def _read(html: str | bytes, name: str = "page.html") -> Document:
    data = html.encode("utf-8") if isinstance(html, str) else html
    return read_html(Path(name), data)


@pytest.fixture(scope="module")
def shuyang() -> Document:
    if not SHUYANG.exists():
        missing(f"corpus file missing: {SHUYANG}")
    return read_html(SHUYANG, SHUYANG.read_bytes())


def test_shuyang_page_title_encoding_and_sections(shuyang: Document) -> None:
    doc = shuyang
    assert doc.format == "html"
    assert doc.encoding == "utf-8"
    assert doc.title == "沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局"
    texts = [b.text for b in doc.paragraphs]
    # The six numbered parts each come out as a line of their own, in order.
    headings = [t for t in texts if t[:2] in ("一、", "二、", "三、", "四、", "五、", "六、")]
    assert [h[:2] for h in headings] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    # Site chrome is kept as text (the recogniser decides what is the report) …
    assert "首页" in texts
    # … but script and style never leak in.
    assert not any("websiteId" in t or "font-family" in t for t in texts)
    # The signature lines split at <br>.
    assert texts[-2:] == ["沭阳县发展和改革局", "2024年1月17日"]


def test_shuyang_tables_keep_merged_cells_once(shuyang: Document) -> None:
    tables = shuyang.tables
    assert len(tables) == 4  # the page's metadata table + the three statutory tables
    requests = tables[2]
    corner = requests.rows[0][0]
    assert corner.text.startswith("（本列数据的勾稽关系为")
    assert (corner.rowspan, corner.colspan) == (3, 3)
    assert (requests.rows[0][1].text, requests.rows[0][1].colspan) == ("申请人情况", 7)
    outcome = requests.rows[5][0]
    assert (outcome.text, outcome.rowspan) == ("三、本年度办理结果", 22)
    # Blank cells (<o:p> </o:p>) are kept, as empty text, so positions stay right.
    first_row = [c.text for c in requests.rows[3]]
    assert first_row == ["一、本年新收政府信息公开申请数量", "26", "", "", "", "", "", "26"]
    # A label set as two paragraphs in one cell keeps its line break.
    assert requests.rows[2][0].text == "商业\n企业"
    appeals = tables[3]
    assert [c.text for c in appeals.rows[3]] == ["0", "0", "0", "1", "1"] + ["0"] * 10
    assert appeals.rows[3][3].where == "table 4 row 4 cell 4"


def test_blocks_keep_document_order(shuyang: Document) -> None:
    blocks = shuyang.blocks
    kinds = []
    for block in blocks:
        if isinstance(block, TableBlock):
            kinds.append("T")
        elif block.text.startswith(("二、主动公开", "三、收到", "四、政府信息公开")):
            kinds.append("H")
    assert "".join(kinds) == "THTHTHT"


def test_gbk_page_with_meta_charset() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        "<title>某县人民政府2020年政府信息公开工作年度报告</title></head><body>"
        "<p>一、总体情况</p><table><tr><td>规章</td><td>3</td></tr></table>"
        "<p>危及“三安全一稳定”&nbsp;&nbsp;镕</p></body></html>"
    )
    doc = _read(page.encode("gb18030"))
    assert doc.encoding == "gb18030"
    assert doc.title == "某县人民政府2020年政府信息公开工作年度报告"
    assert doc.tables[0].texts() == [["规章", "3"]]
    assert doc.paragraphs[-1].text == "危及“三安全一稳定” 镕"


def test_gbk_page_without_declaration_is_detected() -> None:
    lines = ["收到和处理政府信息公开申请情况", "本年新收政府信息公开申请数量"]
    page = "<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>"
    doc = _read(page.encode("gbk"))
    assert doc.encoding == "gb18030"
    assert [b.text for b in doc.paragraphs] == lines


def test_utf8_bom_beats_a_wrong_declaration() -> None:
    page = '<meta charset="gbk"><p>行政复议</p>'
    doc = _read(b"\xef\xbb\xbf" + page.encode("utf-8"))
    assert doc.encoding == "utf-8"
    assert doc.paragraphs[0].text == "行政复议"


def test_layout_table_is_read_through_to_the_data_table() -> None:
    page = (
        "<table><tr><td><p>导航</p></td><td>"
        "<p>二、主动公开政府信息情况</p>"
        "<table><tr><th colspan=2>信息内容</th></tr><tr><td>规章</td><td>&nbsp;</td></tr></table>"
        "</td></tr></table>"
    )
    doc = _read(page)
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert table.texts() == [["信息内容"], ["规章", ""]]
    assert table.rows[0][0].colspan == 2
    assert [b.text for b in doc.blocks if isinstance(b, TextBlock)] == ["导航", "二、主动公开政府信息情况"]


def test_spans_are_sane_when_attributes_are_odd() -> None:
    doc = _read(
        '<table><tr><td rowspan="0">a</td><td colspan="2.5">b</td><td rowspan="x">c</td>'
        '<td colspan="99999">d</td></tr></table>'
    )
    cells = doc.tables[0].rows[0]
    assert [(c.rowspan, c.colspan) for c in cells] == [(1, 1), (1, 2), (1, 1), (1, 1000)]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (b"<html><body><script>var a=1;</script></body></html>", "no text"),
        (bytes(range(256)) * 40, "encoding"),
    ],
)
def test_unreadable_pages_say_why(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableFile) as caught:
        read_html(Path("bad.html"), data)
    assert caught.value.source == "bad.html"
    assert reason in caught.value.reason_en
    assert caught.value.reason_zh


def test_word_sizing_row_is_not_a_table_row() -> None:
    page = (
        "<table><tr><td>行政复议</td><td>1</td></tr>"
        "<![if !supportMisalignedColumns]><tr height=0><td width=64></td><td width=80></td></tr><![endif]>"
        "<tr style='display: none'><td></td><td></td></tr>"
        "<tr><td></td><td></td></tr>"  # a visible blank row stays
        "</table>"
    )
    doc = _read(page)
    assert doc.tables[0].texts() == [["行政复议", "1"], ["", ""]]
