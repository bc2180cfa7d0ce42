"""Tables that leave their zeros blank (a township office's web page, its Word copy, their PDFs):
a blank cell of a delimited table is a cell, never a reason to cut a figure into digits, and
table 四 printed as two stacked half-tables (行政复议 over 行政诉讼) is read by its headers."""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.html import read_html
from gongkai.ingest.recognise import recognise
from gongkai.ingest.text import read_text
from gongkai.report.model import Report

_ITEM = '<tr><td colspan="4">第二十条第（{}）项</td></tr>'
_HEAD = "<tr><td>信息内容</td><td>{}</td></tr>"
_ROW = "<tr><td>{}</td>{}</tr>"


def _cells(*figures: str, span: int = 1) -> str:
    attrs = f' colspan="{span}"' if span > 1 else ""
    return "".join(f"<td{attrs}>{figure}</td>" for figure in figures)


def _active() -> str:
    docs = "</td><td>".join(("本年新制作数量", "本年新公开数量", "对外公开总数量"))
    items = "</td><td>".join(("上一年项目数量", "本年增/减", "处理决定数量"))
    rows = [
        _ITEM.format("一"),
        _HEAD.format(docs),
        _ROW.format("规章", _cells("", "", "")),
        _ROW.format("规范性文件", _cells("", "", "315")),
        _ITEM.format("五"),
        _HEAD.format(items),
        _ROW.format("行政许可", _cells("12", "", "40")),
        _ROW.format("其他对外管理服务事项", _cells("", "", "")),
        _ITEM.format("六"),
        _HEAD.format(items),
        _ROW.format("行政处罚", _cells("8", "", "26")),
        _ROW.format("行政强制", _cells("", "", "")),
        _ITEM.format("八"),
        '<tr><td>信息内容</td><td>上一年项目数量</td><td colspan="2">本年增/减</td></tr>',
        _ROW.format("行政事业性收费", _cells("") + '<td colspan="2">12</td>'),
        _ITEM.format("九"),
        '<tr><td>信息内容</td><td>采购项目数量</td><td colspan="2">采购总金额（单位：元）</td></tr>',
        _ROW.format("政府集中采购", _cells("5") + '<td colspan="2">36.50</td>'),
    ]
    return "<table border='1'>" + "".join(rows) + "</table>"


def _stacked_appeals() -> str:
    results = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    rows = [
        '<tr><td colspan="10">行政复议</td></tr>',
        "<tr>" + _cells(*results, span=2) + "</tr>",
        "<tr>" + _cells("", "", "", "2", "2", span=2) + "</tr>",
        '<tr><td colspan="10">行政诉讼</td></tr>',
        '<tr><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>',
        "<tr>" + _cells(*results, *results) + "</tr>",
        "<tr>" + _cells("1", "", "", "", "1", "", "", "", "3", "3") + "</tr>",
    ]
    return "<table border='1'>" + "".join(rows) + "</table>"


def _page() -> str:
    return (
        "<html><head><meta charset='utf-8'></head><body>"
        "<p>某区东关街道办事处</p><p>东办发〔2021〕20号</p>"
        "<h1>某区东关街道办事处2020年政府信息公开工作年度报告</h1>"
        "<p>一、总体情况</p><p>正文。</p><p>二、主动公开政府信息情况</p>" + _active() + ""
        "<p>四、政府信息公开行政复议、行政诉讼情况</p>" + _stacked_appeals() + ""
        "<p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>"
    )


def _read() -> Report:
    return recognise(read_html(Path("page.html"), _page().encode("utf-8")))


def test_a_blank_cell_beside_a_figure_is_a_cell_not_a_run() -> None:
    report = _read()
    assert (report.agency, report.year) == ("某区东关街道办事处", 2020)
    assert report.active["normative_documents"] == {"new_made": 0, "new_published": 0, "total_published": 315}
    assert report.active["fees"] == {"previous_items": 0, "change": 12}
    doubted = [d.cell for d in report.uncertain or []]
    assert not any(cell.startswith(("active.normative_documents", "active.fees")) for cell in doubted)


def test_stacked_half_tables_of_table_four_are_read_by_their_headers() -> None:
    appeals = _read().appeals
    assert appeals["review"] == {"upheld": 0, "corrected": 0, "other": 0, "pending": 2, "total": 2}
    assert appeals["litigation_direct"] == {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1}
    assert appeals["litigation_after_review"] == {"upheld": 0, "corrected": 0, "other": 0, "pending": 3, "total": 3}


# Table 四 as markitdown sets stacked half-tables (holdout5 t2022-b): each half a pipe table on its
# page's grid of cells, wider than the half's columns, its figures set among the page's blank
# cells and not under their headers' cells.
_MARKITDOWN_STACKED_APPEALS = """附表3
政府信息公开⾏政复议、⾏政诉讼情况
单位：件
⾏政复议
|     | 结果维持 |     |     | 结果纠正 |     |     | 其他结果 |     | 尚未审结 |     |     | 总计  |     |
| --- | ---- | --- | --- | ---- | --- | --- | ---- | --- | ---- | --- | --- | --- | --- |
|     |      | 3   |     |      | 0   |     | 1    |     |      | 2   |     | 6   |     |
⾏政诉讼
|      |     | 未经复议直接起诉 |      |     |      |     |      |      |     | 复议后起诉 |      |     |     |
| ---- | --- | -------- | ---- | --- | ---- | --- | ---- | ---- | --- | ----- | ---- | --- | --- |
| 结果维持 |     | 结果纠正     | 其他结果 |     | 尚未审结 | 总计  | 结果维持 | 结果纠正 |     | 其他结果  | 尚未审结 |     | 总计  |
|      | 1   | 0        |      | 0   | 2    | 3   | 0    |      | 1   | 0     |      | 0   | 1   |
"""  # noqa: E501 (markitdown's lines as it writes them)


def test_stacked_half_tables_on_a_wider_page_grid_are_read_by_their_headers() -> None:
    text = (
        "某区东关街道办事处2022年政府信息公开工作年度报告\n一、总体情况\n正文。\n"
        "四、政府信息公开行政复议、行政诉讼情况\n本年度发生行政复议6件。\n五、存在的主要问题及改进情况\n无。\n"
        "附件\n附表1\n主动公开政府信息情况\n"
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| --- | --- | --- | --- |\n"
        "| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 1 | 0 | 5 |\n" + _MARKITDOWN_STACKED_APPEALS
    )
    report = recognise(read_text(Path("r.md"), text.encode("utf-8")))
    assert report.appeals["review"] == {"upheld": 3, "corrected": 0, "other": 1, "pending": 2, "total": 6}
    assert report.appeals["litigation_direct"] == {"upheld": 1, "corrected": 0, "other": 0, "pending": 2, "total": 3}
    assert report.appeals["litigation_after_review"] == {
        "upheld": 0,
        "corrected": 1,
        "other": 0,
        "pending": 0,
        "total": 1,
    }
    assert not any(d.cell.startswith("appeals") for d in report.uncertain or [])


# Table 二 as markitdown sets a Word copy's narrow columns (holdout5 t2020-b): a page grid of three
# cells, 本年新制作数量 and 本年新公开数量 sharing the middle one, left blank where both are 0.
_MARKITDOWN_NARROW_ACTIVE = (
    "第二十条第（一）项\n"
    "|     | 本年新制 本年新公 | 对外公开 |\n| --- | --------- | ---- |\n"
    "信息内容\n"
    "|     | 作数量 开数量 | 总数量 |\n| --- | ------- | --- |\n"
    "规章\n"
    "| 规范性文件 |     | 427 |\n| ----- | --- | --- |\n"
)


def test_a_figure_beside_a_blank_grid_cell_is_one_cell_not_a_digit_per_column() -> None:
    text = (
        "某区东关街道办事处2020年政府信息公开工作年度报告\n一、总体情况\n正文。\n"
        "二、主动公开政府信息情况\n" + _MARKITDOWN_NARROW_ACTIVE + "三、收到和处理政府信息公开申请情况\n无。\n"
    )
    report = recognise(read_text(Path("r.md"), text.encode("utf-8")))
    # 427 was read 4 / 2 / 7, a digit per column, though the row prints a blank cell of its own.
    assert report.active["normative_documents"]["total_published"] == 427
    assert report.active["normative_documents"]["new_made"] in (0, None)
