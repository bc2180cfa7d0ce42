"""Table 三 of a Word table leaving every zero blank (自然人 and 总计 too) as ``pdftotext``'s default
mode prints it: each row's label, then each printed figure on a line of its own (holdout5
t2023-a's shape, other figures)."""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.cell_a_line import cell_a_line_readings
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.recognise import recognise
from gongkai.ingest.row_reading import Slot
from gongkai.ingest.text import read_text

_HEAD = """某县青石镇人民政府2023年政府信息公开工作年度报告
一、总体情况
正文。
三、收到和处理政府信息公开申请情况
本年度共收到政府信息公开申请12件，具体情况如下：
申请人情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第 自然
法人或其他组织
总
四项之和）
商业
科研
社会公益
法律服务
其
人 企业 机构 组织 机构 他 计
"""

_ROWS = """一、本年新收政府信息公开申请数量
12
12
二、上年结转政府信息公开申请数量
2
2
三、本年度办理结果
（一）予以公开
8
8
（二）部分公开（区分处理的，只计这一情形，不计其他情形）
1.属于国家秘密
2.其他法律行政法规禁止公开
3.危及“三安全一稳定”
（三）不予 4.保护第三方合法权益
公开 5.属于三类内部事务信息
6.属于四类过程性信息
2
2
7.属于行政执法案卷
8.属于行政查询事项
1.本机关不掌握相关政府信息
2
2
（四）无法 2.没有现成信息需要另行制作
提供
3.补正后申请内容仍不明确
1.信访举报投诉类申请
2.重复申请
（五）不予 3.要求提供公开出版物
处理
4.无正当理由大量反复申请
5.要求行政机关确认或重新出具已获取信息
1.申请人无正当理由逾期不补正、行政机关不再处理 1
1
其政府信息公开申请
（六）其他 2.申请人逾期未按收费通知要求缴纳费用、行政机关
处理 不再处理其政府信息公开申请
3.其他
（七）总计
13
13
四、结转下年度继续办理
1
1

四、政府信息公开行政复议、行政诉讼情况
本年度发生政府信息公开行政复议0件，行政诉讼0件。
五、存在的主要问题及改进情况
无。
"""


def _slots(*figures: str) -> list[Slot]:
    return [Slot(parse_cell(f), f"line {i + 10}") for i, f in enumerate(figures)]


def test_a_label_alone_is_a_row_of_zeros_and_a_row_adds_up_to_its_last() -> None:
    assert [r.values for r in cell_a_line_readings(_slots(), 7, zeros=True)] == [(0,) * 7]
    readings = cell_a_line_readings(_slots("3", "1", "4"), 7, zeros=True)
    assert len(readings) == 15  # the two parts in any two of the six applicant columns, in order
    cheapest = min(r.cost for r in readings)
    assert {r.values for r in readings if r.cost == cheapest} == {
        (3, *(1 if c == i else 0 for c in range(1, 6)), 4) for i in range(1, 6)
    }
    assert cell_a_line_readings(_slots("3", "1", "5"), 7, zeros=True) == []  # does not add up: not this shape


def test_a_table_leaving_every_zero_blank_is_read_a_cell_a_line() -> None:
    report = recognise(read_text(Path("r.txt"), (_HEAD + _ROWS).encode("utf-8")))
    requests = report.requests
    assert requests["new_received"] == [12, 0, 0, 0, 0, 0, 12]
    assert requests["denied_process_info"] == [2, 0, 0, 0, 0, 0, 2]
    assert requests["other_no_correction"] == [1, 0, 0, 0, 0, 0, 1]
    assert requests["total_processed"] == [13, 0, 0, 0, 0, 0, 13]
    assert requests["partially_granted"] == [0] * 7
    assert requests["other_other"] == [0] * 7
    doubted = {d.cell for d in report.uncertain or []}
    assert {"requests.new_received", "requests.partially_granted"} <= doubted  # judgements, named
