"""Crawler text whose row labels carry a footnote marker run into the row's digits
(``一、本年新收政府信息公开申请数量注26850032933601350100.0%``, ``行政许可注12300``), the note
explained under the table (``注2：…``) (issue 9, holdout10 o2019-a, o2022-a, o2025-b): the note's
digit is set apart from the figures before the text is cut, so that the run-on share and the
row's own sum cut the run, and the rows of table 三 are read as printed. A note's explanation
right after a row's digits (``…0375注2：本年新收…``, ``…170000017 ②：本年新收…``: o2020-a,
o2023-a) is no figure's mark: it starts a piece of its own and the row before it is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.ingest.label_marks import notes_apart
from gongkai.ingest.markers import drop_marks
from gongkai.ingest.runon import cut_run_on
from tests.ingest.fixture_json import gold_json, read_json

HOLDOUT10 = Path(__file__).resolve().parent / "holdout10" / "fixtures"


@pytest.mark.parametrize("name", ["crawler", "crawler-nospace"])
@pytest.mark.parametrize("report", ["o2019-a", "o2022-a", "o2025-b"])
def test_marked_rows_of_table_three_are_read_as_printed(name: str, report: str) -> None:
    data = read_json(HOLDOUT10 / name / f"{report}~office.txt")
    gold = gold_json(HOLDOUT10, report)["requests"]
    for row in ("new_received", "total_processed", "granted"):
        assert data["requests"][row] == gold[row], row


def test_only_explained_notes_are_set_apart() -> None:
    text = (HOLDOUT10 / "crawler" / "o2025-b~office.txt").read_text(encoding="utf-8")
    apart = notes_apart(text)
    assert "申请数量注2 6850032933601350100.0%" in apart
    assert "行政许可注1 2300" in apart
    assert "（七）总计注3 6630033132101315100.0%" in apart
    # the explanations themselves and prose stay as printed
    assert "注1：含市级部门委托下放事项" in apart
    # a note the page does not explain, or a two-digit note starting with the digit, is no marker
    assert notes_apart("行政许可注42300 注1：说明") == "行政许可注42300 注1：说明"
    assert notes_apart("行政许可注12300 注1：说明 注12：说明") == "行政许可注12300 注1：说明 注12：说明"


@pytest.mark.parametrize("name", ["crawler", "crawler-nospace"])
@pytest.mark.parametrize("report", ["o2020-a", "o2023-a"])
def test_the_row_before_a_circled_notes_explanation_is_read(name: str, report: str) -> None:
    # ``四、结转下年度继续办理170000017 ②：本年新收申请含…``: the ② opens the note's explanation,
    # it marks no figure; the row ends before it
    data = read_json(HOLDOUT10 / name / f"{report}~office.txt")
    gold = gold_json(HOLDOUT10, report)["requests"]
    assert data["requests"]["carried_forward"] == gold["carried_forward"]


def test_a_notes_explanation_after_a_run_of_digits_starts_a_piece() -> None:
    line = (
        "（七）总计③1760160016217 四、结转下年度继续办理170000017 ②：本年新收申请含通过网络提交的申请。"
        " ③：总计为第（一）至第（六）项之和。"
    )
    pieces = [piece.strip() for piece in cut_run_on(line)]
    assert "四、结转下年度继续办理170000017" in pieces
    assert "②：本年新收申请含通过网络提交的申请。" in pieces
    assert drop_marks("继续办理170000017 ②：本年新收") == "继续办理170000017 ②：本年新收"
    assert drop_marks("继续办理26116420560375注2：本年新收") == "继续办理26116420560375注2：本年新收"
    assert drop_marks("行政许可 60① 规章 12注1 5") == "行政许可 60 规章 12 5"
