"""Table 三 of a Word table leaving its zeros blank, set as paragraphs by a PDF-to-Markdown
converter (pymupdf4llm): cut back into rows at its row labels (``request_paragraph``), each row's
printed figures placed by the table's equations (``blank_zero_rows``)."""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.blank_zero_rows import row_placements
from gongkai.ingest.recognise import recognise
from gongkai.ingest.request_paragraph import request_paragraph_rows
from gongkai.ingest.text import read_text

_HEAD = (
    "（本列数据的勾稽关系为：第一项加第二项 法人或其他组织 之和，等于第三项加第四项之和） "
    "自然人 社会公 法律服务 总计 商业企业[科研] 其他 机构 益组织 机构"
)
_FIRST = (
    f"{_HEAD} 本年新收政府信息公开申请数 一、 30 6 36 量 上年结转政府信息公开申请数 二、 5 1 6 量 一 ( ) "
    "予以公开 20 3 23 (二) 部分公开（区分处理的， 只计这一情形，不计其他情 形） 1. 属于国家秘密 "
    "2. 其他法律行政法 规禁止公开 3. 危及“三安全一 稳定” 三、本年度 4. 保护第三方合法 办理结果 权益 "
    "(三) 不予 5. 属于三类内部事 公开 2 1 3 务信息 6. 属于四类过程性 1 1 信息 7. 属于行政执法案 卷 "
    "8. 属于行政查询事 1 1 项"
)
_SECOND = (
    f"{_HEAD} 1. 本机关不掌握相关 6 2 8 政府信息 (四) 无 2. 没有现成信息需要 法提供 另行制作 "
    "3. 补正后申请内容仍 不明确 1. 信访举报投诉类申 请 三、本年度 2. 重复申请 3 3 办理结果 "
    "3. 要求提供公开出版 物 (五) 不 予处理 4. 无正当理由大量反 复申请 5. 要求行政机关确认 或重新出具已获取信 息 "
    "(六) 其他处理 (七) 总计 33 6 39 四、 结转下年度继续办理 2 1 3"
)
_PAGE = "\n\n".join(
    (
        "# 区人民政府 2020 年政府信息公开工作年度报告",
        "本报告所列数据的统计期限自 2020 年 1 月 1 日起至 2020 年 12 月 31 日止。",
        "## **三、收到和处理政府信息公开申请情况**",
        "## 申请人情况",
        _FIRST,
        "**续表**",
        "## 申请人情况",
        _SECOND,
        "## **四、政府信息公开行政复议、行政诉讼情况**",
    )
)


def test_a_flattened_table_paragraph_is_cut_at_its_row_labels() -> None:
    lines = request_paragraph_rows(_FIRST)
    assert lines is not None
    assert "一、 本年新收政府信息公开申请数 量 30 6 36" in lines
    assert "5. 属于三类内部事 务信息 2 1 3" in lines  # the group label's 公开 on a line of its own
    assert "公开" in lines
    assert request_paragraph_rows("自然人提出 505 件，法人或其他组织提出 135 件。") is None


def test_a_row_places_its_figures_in_order_before_its_total() -> None:
    assert row_placements([], 3) == [((0, 0, 0), 0)]
    assert row_placements([2, 1, 3], 4) == [((2, 1, 0, 3), 0), ((2, 0, 1, 3), 0), ((0, 2, 1, 3), 1)]
    assert row_placements([2, 3], 3) == []  # no row adds up so


def test_table_three_flattened_reads_its_totals_and_zero_rows(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text(_PAGE, encoding="utf-8")
    report = recognise(read_text(path, path.read_bytes()))
    rows = report.requests
    assert rows["new_received"][6] == 36 and rows["total_processed"][6] == 39
    assert rows["partially_granted"] == [0] * 7  # no figure printed: its total adds up to 总计's
    assert rows["not_processed_duplicate"][::6] == [3, 3]  # one figure and its total
    assert rows["not_processed_duplicate"][1] is None  # an organisation's 3 would keep every sum too
    assert rows["new_received"][0] == 30  # its 自然人 cell, named in uncertain
    flagged = {u.cell for u in report.uncertain}
    assert "requests.new_received[0]" in flagged
    assert rows["new_received"][1] is None and "requests.new_received[1]" in flagged  # which column: unknown
