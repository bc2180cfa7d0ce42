"""Table 四 set as two stacked half-tables, as ``pdftotext``'s default mode prints it (holdout5
t2024-a's shape, other figures): each upper column title followed by its figure, other text of
the page flowed in between, then the lower half's header on one line and its ten figures."""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.recognise import recognise
from gongkai.ingest.text import read_text

_REPORT = """某区城南街道办事处2024年政府信息公开工作年度报告
一、总体情况
正文。
二、主动公开政府信息情况
附表1
主动公开政府信息情况
信息内容 本年制发件数 本年废止件数 现行有效件数
规章 0 0 0
行政规范性文件 3 0 12
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
本年度发生政府信息公开行政复议21件，行政诉讼13件。
五、存在的主要问题及改进情况
无。
附表3
政府信息公开行政复议、行政诉讼情况
结果维持
12

结果纠正
4

行政复议
其他结果
2
行政诉讼

3
0
190
2

尚未审结
3

2 2 14
0 0 0

单位：件
总计
21

未经复议直接起诉
复议后起诉
结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计
5
1
—
2
8 3
1
—
1
5
（此件公开发布）
"""


def test_stacked_half_tables_are_read_title_by_title_then_by_the_lower_header() -> None:
    report = recognise(read_text(Path("r.txt"), _REPORT.encode("utf-8")))
    assert report.appeals["review"] == {"upheld": 12, "corrected": 4, "other": 2, "pending": 3, "total": 21}
    assert report.appeals["litigation_direct"] == {"upheld": 5, "corrected": 1, "other": 0, "pending": 2, "total": 8}
    assert report.appeals["litigation_after_review"] == {
        "upheld": 3,
        "corrected": 1,
        "other": 0,
        "pending": 1,
        "total": 5,
    }
    assert any(d.cell == "appeals" for d in report.uncertain or [])  # a reading of the flow, named
