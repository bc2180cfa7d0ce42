"""Table 二 pasted from a spreadsheet, its items stacked as one grid: ``pdftotext`` (default mode)
prints each column of the page down across the items, headers first (``ingest/column_runs.py``)."""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.read import read_report

TITLE = "临江市财政局2019年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n"
TAIL = "\n三、收到和处理政府信息公开申请情况\n"

# The row labels and item marks first, then each column of the page: its headers top to bottom,
# then its figures item after item (the two-column items' last column stands under the others' last).
LABELS = """第二十条第（一）项
信息内容
规章
规范性文件
第二十条第（五）项
信息内容
行政许可
其他对外管理服务事项
第二十条第（六）项
信息内容
行政处罚
行政强制
第二十条第（八）项
信息内容
行政事业性收费
第二十条第（九）项
信息内容
政府集中采购

单位：件

"""
COLUMNS = """本年新制作数量
上一年项目数量
上一年项目数量
上一年项目数量
采购项目数量

1
0
13
6
7
0
5
8

本年新公开数量
本年增/减
本年增/减

2
0
-3
-5
4
2

对外公开总数量
处理决定数量
处理决定数量

本年增/减
采购总金额（单位：元）

9
0
12
2
0
3
6
1.84
"""


def _read(tmp_path: Path, text: str) -> dict[str, dict[str, object]]:
    path = tmp_path / "report.txt"
    path.write_text(TITLE + text + TAIL, encoding="utf-8")
    result = read_report(path)
    assert result.report is not None
    return result.report.active


def _flagged(tmp_path: Path, text: str) -> set[str]:
    path = tmp_path / "report.txt"
    path.write_text(TITLE + text + TAIL, encoding="utf-8")
    report = read_report(path).report
    assert report is not None
    return {u.cell for u in report.uncertain}


def test_columns_printed_down_the_stacked_items_are_read_column_by_column(tmp_path: Path) -> None:
    active = _read(tmp_path, LABELS + COLUMNS)
    assert active["regulations"] == {"new_made": 1, "new_published": 2, "total_published": 9}
    assert active["normative_documents"] == {"new_made": 0, "new_published": 0, "total_published": 0}
    assert active["licensing"] == {"previous_items": 13, "change": -3, "decisions": 12}
    assert active["other_services"] == {"previous_items": 6, "change": -5, "decisions": 2}
    assert active["punishment"] == {"previous_items": 7, "change": 4, "decisions": 0}
    assert active["coercion"] == {"previous_items": 0, "change": 2, "decisions": 3}
    assert active["fees"] == {"previous_items": 5, "change": 6}
    assert active["procurement"] == {"projects": 8, "amount_yuan": 1.84}
    # table 二 has no equation: the printed order alone placed them, and each cell says so
    assert {"active.licensing.decisions", "active.procurement.amount_yuan"} <= _flagged(tmp_path, LABELS + COLUMNS)


def test_a_column_announced_early_is_placed_by_the_runs_that_fit(tmp_path: Path) -> None:
    # The first item's second header and the next items' headers all come before the first
    # figures under them (a page's columns begun in another order): the 4 figures after them fit
    # the 上一年项目数量 of （五） and （六） or the second columns of （一） and （五）; only the first
    # lets the later runs fit too.
    text = (
        "第二十条第（一）项\n信息内容\n本年新制作数量\n规章\n1\n规范性文件\n0\n\n本年新公开数量\n\n"
        "第二十条第（五）项\n信息内容\n行政许可\n其他对外管理服务事项\n\n上一年项目数量\n\n本年增/减\n\n"
        "第二十条第（六）项\n信息内容\n行政处罚\n行政强制\n\n上一年项目数量\n\n13\n6\n7\n0\n\n本年增/减\n\n"
        "2\n0\n-3\n-5\n4\n2\n\n第二十条第（八）项\n某某局2020年政府信息公开工作年度报告 打印日期：2021-02-05\n\n"
        "对外公开总数量\n\n处理决定数量\n\n处理决定数量\n\n9\n0\n12\n2\n0\n3\n\n"
        "\x0c某某市人民政府门户网站 政府信息公开专栏 某某局\n\n信息内容\n行政事业性收费\n\n上一年项目数量\n\n"
        "第二十条第（九）项\n信息内容\n政府集中采购\n\n采购项目数量\n\n本年增/减\n\n5\n8\n\n"
        "采购总金额（单位：元）\n\n6\n1.84\n\n"
    )
    active = _read(tmp_path, text)
    assert active["licensing"] == {"previous_items": 13, "change": -3, "decisions": 12}
    assert active["punishment"] == {"previous_items": 7, "change": 4, "decisions": 0}
    assert active["regulations"] == {"new_made": 1, "new_published": 2, "total_published": 9}
    assert active["fees"] == {"previous_items": 5, "change": 6}
    assert active["procurement"] == {"projects": 8, "amount_yuan": 1.84}


def test_a_figure_short_leaves_the_columns_unread(tmp_path: Path) -> None:
    short = COLUMNS.replace("\n1.84\n", "\n")  # the last figure lost: no count fits every column
    active = _read(tmp_path, LABELS + short)
    assert active["licensing"]["decisions"] is None
    # stacked_headers may still read 行政处罚's first column from its own exact block: flagged
    assert active["punishment"]["previous_items"] is None or (
        active["punishment"]["previous_items"] == 7
        and "active.punishment.previous_items" in _flagged(tmp_path, LABELS + short)
    )
