"""Two rows of table 三 whose figures ``pdftotext`` (default mode) printed a line of each in turn
after both labels (``ingest/interleaved_rows.py``): a department's table pasted from Excel, its
（七）总计 and 四、结转下年度继续办理 at the foot of a page."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.read import read_report

FIXTURES = Path(__file__).parent / "holdout4" / "fixtures"
NAME = "b2020-b~bureau"


def test_the_lines_of_two_rows_in_turn_are_split_by_the_rows_sums() -> None:
    text = (FIXTURES / "pdftotext" / f"{NAME}.txt").read_text(encoding="utf-8")
    # the shape: both labels, then the rows' lines in turn (15,846 1,096 / 1,659 53 / …)
    assert "（七）总计\n四、结转下年度继续办理\n" in text
    gold = json.loads((FIXTURES / "gold" / f"{NAME.split('~')[0]}.json").read_text(encoding="utf-8"))["requests"]
    report = read_report(FIXTURES / "pdftotext" / f"{NAME}.txt").report
    assert report is not None
    assert report.requests["total_processed"] == gold["total_processed"]
    assert report.requests["carried_forward"] == gold["carried_forward"]
    # 2.重复申请, then its figures and those of 3.要求提供公开出版物, whose label comes after them
    assert "2.重复申请\n475 32 21 84\n" in text
    assert report.requests["not_processed_duplicate"] == gold["not_processed_duplicate"]
    assert report.requests["not_processed_publication"] == gold["not_processed_publication"]
    flagged = {u.cell for u in report.uncertain}
    assert {"requests.total_processed", "requests.carried_forward", "requests.not_processed_publication"} <= flagged
