"""Table 二's blocks under headers several items share, their items' marks printed apart before
them all (``ingest/header_blocks.py``, ``pdftotext`` default mode): the blocks print the items in
the template's order, so a block the marks' last item would take out of that order goes to the
item the order gives it, even where a page cut another item's block short."""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.read import read_report

# The marks and row labels of items (一), (五) and (六) first, then each item's headers and figures;
# (六)'s second row (行政强制) is cut to the next page, so (六)'s blocks hold one row's figures
# (a county page printed by chromium, as holdout3's c2020-b).
_PAGE = """某县某局2020年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项
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

本年新制作数量 本年新公开数量 对外公开总数量
65213件
10552件
10552件
9243件
9243件
13627件
上一年项目数量
8071个
2个

本年增/减

处理决定数量
-2件
30512件
-1件
702件

上一年项目数量
32270个

本年增/减

处理决定数量
-3件
10413件

行政强制
第二十条第（八）项
信息内容
行政事业性收费
第二十条第（九）项
信息内容
政府集中采购

10095个

4件

上一年项目数量
9987个

本年增/减

采购项目数量
1491个

采购总金额（万元）

4008件
4件
17538.00

三、收到和处理政府信息公开申请情况
"""


def test_blocks_before_a_later_items_go_to_the_items_in_template_order(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(_PAGE, encoding="utf-8")
    report = read_report(path).report
    assert report is not None
    assert report.active["licensing"] == {"previous_items": 8071, "change": -2, "decisions": 30512}
    assert report.active["other_services"] == {"previous_items": 2, "change": -1, "decisions": 702}
    # (六)'s blocks hold one row's figures for its two rows: not read as (六)'s, nor as another item's
    assert 8071 not in report.active["punishment"].values()
