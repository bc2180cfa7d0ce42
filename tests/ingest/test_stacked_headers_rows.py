"""Table 二's row labels printed together, then a block of one item's columns, then a block of the
other items' last columns with their headers stacked (``ingest/stacked_headers.py``, ``pdftotext``
default mode): the rows the first block has no column of are the second block's."""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.read import read_report

# A county page printed by chromium (as holdout3's c2023-c): the labels of items (一) to (六),
# (一)'s three columns as a block, then 本年处理决定数量 twice and 本年收费金额 stacked over the
# three decisions, the fee's row label, and its figure.
_PAGE = """某县某局2023年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项
信息内容
规章
行政规范性文件
第二十条第（五）项
信息内容
行政许可
第二十条第（六）项
信息内容
行政处罚
行政强制
第二十条第（八）项
信息内容

本年制发件数
本年废止件数
现行有效件数
1108件
745件
1108件
203件
2712件
203件
本年处理决定数量
本年处理决定数量
本年收费金额（单位：万元）

3件
32件
1996件

行政事业性收费

1094.65

三、收到和处理政府信息公开申请情况
"""


def test_rows_the_first_block_has_no_column_of_are_read_from_the_stacked_block(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(_PAGE, encoding="utf-8")
    report = read_report(path).report
    assert report is not None
    assert report.active["regulations"] == {"made": 1108, "repealed": 745, "in_force": 1108}
    assert report.active["licensing"] == {"decisions": 3}
    assert report.active["punishment"] == {"decisions": 32}
    assert report.active["coercion"] == {"decisions": 1996}
