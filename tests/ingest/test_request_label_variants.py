"""Table 三 row labels as departments word them (本年度新收, 上年度结转, 保护第三方的合法权益,
本机关不掌握相关的政府信息): the template's rows all the same (``report/templates.py`` variants)."""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.read import read_report

TEXT = """临江市财政局2019年政府信息公开工作年度报告

三、收到和处理政府信息公开申请情况
                        申请人情况
        项目        自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计
一、本年度新收政府信息公开申请数量           5    1    0    0    0    0    6
二、上年度结转政府信息公开申请数量           2    0    0    0    0    0    2
（三）不予公开 4.保护第三方的合法权益       1    0    0    0    0    0    1
（四）无法提供 1.本机关不掌握相关的政府信息  3    0    0    0    0    0    3
四、政府信息公开行政复议、行政诉讼情况
"""


def test_rows_worded_with_du_and_de_are_the_template_rows(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    report = read_report(path).report
    assert report is not None
    assert report.requests["new_received"] == [5, 1, 0, 0, 0, 0, 6]
    assert report.requests["carried_over"] == [2, 0, 0, 0, 0, 0, 2]
    assert report.requests["denied_third_party"] == [1, 0, 0, 0, 0, 0, 1]
    assert report.requests["unavailable_not_held"] == [3, 0, 0, 0, 0, 0, 3]
