"""A table's 备注 column (``ingest/remarks.py``): ``pdftotext -layout`` prints a row's remark after
its figures and wraps it over the lines under them; the remark is cut, the figures kept."""

from __future__ import annotations

from gongkai.ingest.remarks import remarks_cut

_TABLE = [
    " （本列数据的勾稽关系为：第一项加第二项之              法人或其他组织",
    "    和，等于第三项加第四项之和）      自然人 商业企 科研机 社会公 法律服 其他 总计 备注",
    "                              业   构 益组织 务机构",
    "一、本年度新收政府信息公开申请数量         133   3   -   -  14 - 150 含网上",
    "                                                    申请",
    "二、上年度结转政府信息公开申请数量           2   -   -   -   - -   2",
    "     （一）予以公开               34   1   -   -   8 - 43",
    "     （二）部分公开（区分处理的只计这       3   1   -   -   - -   4",
    "     一情形，不计其他情形）",
]


def test_a_rows_remark_and_its_wrapped_lines_are_cut() -> None:
    cut = remarks_cut(_TABLE)
    assert cut[3] == "一、本年度新收政府信息公开申请数量         133   3   -   -  14 - 150"
    assert cut[4] == ""
    assert cut[5:] == _TABLE[5:]  # rows without a remark, and a label's wrapped line, stay
    assert cut[:3] == _TABLE[:3]


def test_without_a_remarks_column_nothing_is_cut() -> None:
    table = [line.replace(" 备注", "") for line in _TABLE]
    assert remarks_cut(table) == table


def test_a_page_break_in_a_remarks_wrapped_line_is_kept() -> None:
    table = [*_TABLE[:4], "\f                                                    申请", *_TABLE[5:]]
    assert remarks_cut(table)[4] == "\f"


# ``pdftotext`` without ``-layout``: a row's cells cut over lines, the remark after its last figures
_FLOW = [
    "自然人 商业企 科研机 社会公 法律服 其他 总计 备注",
    "业",
    "构 益组织 务机构",
    "一、本年新收政府信息公开申请数量",
    "17,019 1,068 733 2,653",
    "0 1,527 23,000 含网上",
    "申请",
    "二、上年结转政府信息公开申请数量",
    "476 81 50 220",
    "0 23 850",
]


def test_a_rows_remark_after_its_last_cells_on_a_line_of_their_own_is_cut() -> None:
    cut = remarks_cut(_FLOW)
    assert cut[5] == "0 1,527 23,000"
    assert cut[:5] == _FLOW[:5]
    assert cut[6:] == _FLOW[6:]


def test_figures_then_words_not_going_on_with_a_row_stay() -> None:
    # the line before ends in words: a sentence's figures, not a row's last cells
    flow = [*_FLOW[:4], "0 1,527 23,000 含网上", *_FLOW[6:]]
    assert remarks_cut(flow) == flow
