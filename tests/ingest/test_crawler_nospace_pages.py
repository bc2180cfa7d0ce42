"""A crawler's text of a paged report with every space stripped: the page's number (— 4 —) runs
straight into the cells before it and the running head after it (``…6325—4—临海市…年度报告``).

Read as cells, ``—4—`` is a blank, a 4 and a blank too many for the row (its cells lost, and the
table's sums with them). It is a page number where the words after it repeat what the line printed
before (the page's running head, or the table's group heading the next page repeats); not where a
row's label stands before it (行政强制—4—: blank, 4, blank) or a row with its cells after it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.ingest.read import read_report
from gongkai.ingest.runon import cut_run_on

HOLDOUT6 = Path(__file__).parent / "holdout6" / "fixtures"

_HEAD = "临海市住房和城乡建设局2021年政府信息公开工作年度报告"
_HEADER = "申请人情况项目自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"


def _table(page_mark: str) -> str:
    return (
        f"{_HEAD}三、收到和处理政府信息公开申请情况{_HEADER}"
        "一、本年新收政府信息公开申请数量2,6641319800572,950二、上年结转政府信息公开申请数量170011006187"
        "三、本年度办理结果（一）予以公开72440250016805（五）不予处理1.信访举报投诉类申请298813006325"
        f"{page_mark}{_HEAD}{_HEADER}2.重复申请5731002633.要求提供公开出版物361200241"
    )


def test_a_page_number_run_into_the_running_head_is_dropped() -> None:
    pieces = cut_run_on(_table("—4—"))
    assert "1.信访举报投诉类申请298813006325" in pieces
    assert not any("—4—" in piece for piece in pieces)


def test_a_repeated_group_heading_after_the_number_marks_a_page_too() -> None:
    line = (
        "三、本年度办理结果（五）不予处理1.信访举报投诉类申请01—————012.重复申请02—————02—3—"
        "三、本年度办理结果（五）不予处理3.要求提供公开出版物———————4.无正当理由大量反复申请———————"
        "5.要求行政机关确认或重新出具已获取信息01————01"
    )
    pieces = cut_run_on(line)
    assert "2.重复申请02—————02" in pieces


def test_dashes_after_a_row_label_stay_cells() -> None:
    # 行政强制: blank, 4, blank; the next table's header repeats after it, yet no page ends here.
    line = (
        "信息内容上一年项目数量本年增/减处理决定数量条款行政许可—8—第二十条第（五）项其他对外管理服务事项2—11"
        "信息内容上一年项目数量本年增/减处理决定数量条款行政处罚—-5—第二十条第（六）项行政强制—4—"
        "信息内容上一年项目数量本年增/减条款行政事业性收费35第二十条第（八）项"
    )
    pieces = cut_run_on(line)
    assert any(piece.replace(" ", "") == "行政强制—4—" for piece in pieces), pieces
    assert any(piece.replace(" ", "").startswith("行政许可—8—") for piece in pieces), pieces


@pytest.mark.parametrize("kind", ["crawler", "crawler-nospace"])
def test_a_page_number_ends_the_row_of_dash_cells_before_it(kind: str) -> None:
    """holdout6's ``行政规范性文件——— — 2 — 南屏市…年度报告``: no figure ends that row, so only
    the page's break cuts its dash cells from the running head after it (the row was lost, its
    label and the head read as one label)."""
    path = HOLDOUT6 / kind / "c2022-b~bureau.txt"
    line = next(line for line in path.read_text(encoding="utf-8").splitlines() if "行政规范性文件" in line)
    assert "行政规范性文件———" in cut_run_on(line)
    report = read_report(path).report
    assert report is not None
    gold = json.loads((HOLDOUT6 / "gold" / "c2022-b.json").read_text(encoding="utf-8"))
    assert report.active["normative_documents"] == gold["active"]["normative_documents"]
    assert report.active["normative_documents"] == {"made": 0, "repealed": 0, "in_force": 0}


def test_a_figure_between_dash_cells_is_no_page_number() -> None:
    # A page printing its zero cells as —, a crawler keeping its spaces: ``2 — 1 — — — 3`` is a
    # row's seven cells, its ``— 1 —`` no page number although the dashes after it (the cells of
    # the rows before) stand earlier in the line: a running head repeats words.
    path = Path(__file__).parent / "holdout9" / "fixtures" / "crawler" / "v2019-a~spa.txt"
    row = "1.信访举报投诉类申请 2 — 1 — — — 3"
    line = next(line for line in path.read_text(encoding="utf-8").splitlines() if row in line)
    assert row in cut_run_on(line)
    report = read_report(path).report
    assert report is not None
    assert json.loads(report.to_json())["requests"]["not_processed_petition"] == [2, 0, 1, 0, 0, 0, 3]
