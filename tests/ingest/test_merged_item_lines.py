"""Table 二 with its 第二十条 item as a column merged down beside the item's header and rows, as
``pdftotext -layout`` prints it (issue 9, the fifth hold-out's township pages): the item's cell is
centred down onto the line of its first row (``第二十条第（一）项   规章   3   1   2``) or of its
header, a row printing its cells blank stands on a line of its own, and an annex caption
(``附表3``) opens the next table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gongkai.ingest.line_cells import split_line
from gongkai.ingest.read import read_report
from gongkai.ingest.vocabulary import split_citation


def _active(tmp_path: Path, text: str) -> tuple[dict[str, Any], set[str]]:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    result = read_report(path)
    assert result.report is not None, result.error
    return result.report.active, {u.cell for u in result.report.uncertain}


def test_citation_split_from_the_row_or_header_on_its_line() -> None:
    assert split_citation("第二十条第（一）项   规章") == ("第二十条第（一）项", "规章")
    assert split_citation("第二十条第（五）项      信息内容   本年处理决定数量") == (
        "第二十条第（五）项",
        "信息内容   本年处理决定数量",
    )
    # a narrow cell's wrapped citation: its head above, its tail on the row's line
    assert split_citation("（一）项      规章") == ("（一）项", "规章")
    assert split_citation("第二十条第（一）项") is None
    assert split_citation("（一）予以公开") is None  # table 三's numbering, no citation


def test_first_row_of_each_item_read_beside_its_citation(tmp_path: Path) -> None:
    # 2021 template: the item's cell centred on its first row's line (two rows) or on its header's
    # line (one row).
    text = """             青石镇人民政府2021年政府信息公开工作年度报告
二、主动公开政府信息情况
                 信息内容     本年制发件数    本年废止件数   现行有效件数
  第二十条第（一）项   规章             3          1       2
              行政规范性文件        4          5       6
  第二十条第（五）项      信息内容              本年处理决定数量
              行政许可                      7
                 信息内容              本年处理决定数量
  第二十条第（六）项   行政处罚                      8
              行政强制                      9
  第二十条第（八）项      信息内容           本年收费金额（单位：万元）
              行政事业性收费                 34.53
"""
    active, doubts = _active(tmp_path, text)
    assert active["regulations"] == {"made": 3, "repealed": 1, "in_force": 2}
    assert active["punishment"] == {"decisions": 8}
    assert active["coercion"] == {"decisions": 9}
    assert not {"active.regulations", "active.punishment"} & doubts


def test_row_beside_citation_and_header_cells_on_one_line(tmp_path: Path) -> None:
    # 2019 template: the one-row item's label shares the header's line, its figures under it.
    text = """             青石镇人民政府2019年政府信息公开工作年度报告
                           附表1
                       主动公开政府信息情况
                信息内容       本年新制作数量   本年新公开数量 对外公开总数量
 第二十条第（一）项 规章                  1         2             3
           规范性文件               4         5             6
                信息内容
 第二十条第（八）项 行政事业性收费         上一年项目数量          本年增/减
                               13               -14
"""
    active, _ = _active(tmp_path, text)
    assert active["regulations"] == {"new_made": 1, "new_published": 2, "total_published": 3}
    assert active["fees"] == {"previous_items": 13, "change": -14}


def test_row_label_alone_on_its_line_prints_blank_cells(tmp_path: Path) -> None:
    # zeros printed blank: 规章 and 行政处罚 print no figure, the next row does; read as 0, in doubt
    text = """             东关街道办事处2023年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项
     信息内容               本年制发件数           本年废止件数          现行有效件数
规章
行政规范性文件                    31               5                31
第二十条第（六）项
     信息内容                              本年处理决定数量
行政处罚
行政强制                                        4
"""
    active, doubts = _active(tmp_path, text)
    assert active["regulations"] == {"made": 0, "repealed": 0, "in_force": 0}
    assert active["normative_documents"] == {"made": 31, "repealed": 5, "in_force": 31}
    assert active["punishment"] == {"decisions": 0}
    assert active["coercion"] == {"decisions": 4}
    assert {"active.regulations", "active.punishment"} <= doubts


def test_annex_caption_number_is_no_cell() -> None:
    assert split_line("附表3") == ["附表3"]
    assert split_line("附件 2") == ["附件 2"]
    assert split_line("规章 3 1 2") == ["规章", "3", "1", "2"]


def test_header_cells_wrapped_onto_two_lines_name_their_columns(tmp_path: Path) -> None:
    # A Word copy's narrow columns: each header cell wrapped (本年制发 / 件数), the label column's
    # 信息内容 centred between the two lines; a one-line cell (本年增/减) stands between the
    # wrapped ones and keeps its place. 规章 prints blank cells (zeros), on a line of its own.
    text = """             东关街道办事处2023年政府信息公开工作年度报告
二、主动公开政府信息情况
          第二十条第（一）项
           本年制发   本年废止     现行有效
  信息内容
            件数     件数       件数
     规章
行政规范性文件     31      5       31
"""
    active, doubts = _active(tmp_path, text)
    assert active["regulations"] == {"made": 0, "repealed": 0, "in_force": 0}
    assert active["normative_documents"] == {"made": 31, "repealed": 5, "in_force": 31}
    assert "active.regulations" in doubts
    text = """             东关街道办事处2020年政府信息公开工作年度报告
二、主动公开政府信息情况
          第二十条第（五）项
           上一年项            处理决定
  信息内容            本年增/减
            目数量             数量
  行政许可      37      8         22
"""
    active, _ = _active(tmp_path, text)
    assert active["licensing"] == {"previous_items": 37, "change": 8, "decisions": 22}
