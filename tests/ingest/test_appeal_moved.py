"""Table 四 of a Word table whose column titles wrap, as ``pdftotext``'s default mode prints it
(the publishers' wps-word shape, other figures): 行政复议's first figures under its header, the
lower header, each group's 总计 on a line with the next group's first figure, and last the one
figure the flow set apart (行政复议's 尚未审结)."""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.appeal_moved import moved_readings
from gongkai.ingest.recognise import recognise
from gongkai.ingest.text import read_text

_REPORT = """某县人民政府办公室2022年政府信息公开工作年度报告
一、总体情况
正文。
二、主动公开政府信息情况
信息内容 本年制发件数 本年废止件数 现行有效件数
规章 0 0 0
行政规范性文件 3 0 12
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
本年度发生政府信息公开行政复议 30 件，行政诉讼 29 件。
行政复议

行政诉讼

结果 结果 其他 尚未 总
维持 纠正 结果 审结 计

2

6

12

未经复议直接起诉

复议后起诉

结果 结果 其他 尚未 总 结果 结果 其他 尚未
总计
维持 纠正 结果 审结 计 维持 纠正 结果 审结
30 4

9

2

1

16 5

3

0

5

13

10

五、存在的主要问题及改进情况
无。
"""


def test_the_flow_with_one_figure_set_apart_is_read_where_every_placement_agrees() -> None:
    report = recognise(read_text(Path("r.txt"), _REPORT.encode("utf-8")))
    # 10 came from one of 行政复议's first four columns; the sums cannot tell which: those stay unknown
    assert report.appeals["review"] == {"upheld": None, "corrected": None, "other": None, "pending": None, "total": 30}
    assert report.appeals["litigation_direct"] == {"upheld": 4, "corrected": 9, "other": 2, "pending": 1, "total": 16}
    assert report.appeals["litigation_after_review"] == {
        "upheld": 5,
        "corrected": 3,
        "other": 0,
        "pending": 5,
        "total": 13,
    }
    doubts = [d for d in report.uncertain or [] if d.cell == "appeals"]
    assert doubts and doubts[0].alternatives  # the placements, named


def test_readings_the_sums_cannot_tell_apart_are_all_listed() -> None:
    found = moved_readings([2, 6, 12, 30, 4, 9, 2, 1, 16, 5, 3, 0, 5, 13, 10], 5)
    assert {r[:5] for r in found} == {(2, 6, 12, 10, 30), (2, 6, 10, 12, 30), (2, 10, 6, 12, 30), (10, 2, 6, 12, 30)}
    assert min(d for d, _ in found.values()) == found[(2, 6, 12, 10, 30, 4, 9, 2, 1, 16, 5, 3, 0, 5, 13)][0]
