"""Crawler text of a table 二 printing last year's figure and its change in percent beside each
row (``…现行有效件数上年数同比 规章11206932195218426.0% 行政规范性文件30663030663676-16.6%``)
(issue 9, holdout10 o2022-a, o2025-a, o2020-b): the change pins where last year's figure starts
(1952 against 1842 is +6.0%), so the row keeps this year's digits and is read; a group where a
row's cut is not decided is left as printed, and table 三's share runs are never touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.ingest.change_runs import changes_dropped, laid_out_changes_dropped, this_year
from tests.ingest.fixture_json import gold_json, read_json

HOLDOUT10 = Path(__file__).resolve().parent / "holdout10" / "fixtures"


@pytest.mark.parametrize("name", ["crawler", "crawler-nospace"])
@pytest.mark.parametrize("report", ["o2022-a", "o2025-a"])
def test_table_two_with_last_year_and_its_change_is_read(name: str, report: str) -> None:
    data = read_json(HOLDOUT10 / name / f"{report}~office.txt")
    gold = gold_json(HOLDOUT10, report)["active"]
    for row in ("licensing", "punishment", "coercion", "fees"):
        assert data["active"][row] == gold[row], row
    doubted = {entry["cell"] for entry in data["uncertain"]}
    for row in ("regulations", "normative_documents"):
        assert data["active"][row]["in_force"] == gold[row]["in_force"], row  # the figure the change pins
        for cell in ("made", "repealed"):  # the run's other digits: read as printed, or a flagged guess
            flagged = {f"active.{row}", f"active.{row}.{cell}"} & doubted
            assert data["active"][row][cell] == gold[row][cell] or flagged, (row, cell)


def test_the_change_pins_last_years_figure() -> None:
    assert this_year("11206932195218426.0%") == "112069321952"  # 1952 vs 1842: +6.0%
    assert this_year("30663030663676-16.6%") == "3066303066"  # 3066 vs 3676: −16.6%
    assert this_year("1234.551375.30-10.2%") == "1234.55"  # money: 1234.55 vs 1375.30
    assert this_year("18-4141216.7%") == "18-414"  # the 2019 template's signed 本年增/减 kept
    assert this_year("1210—") == "121"  # no figure last year: a dash, last year's 0
    assert this_year("0510—") == "051"
    assert this_year("111.0%") is None  # 1 vs 1 is no +1.0%: nothing decides


def test_a_group_with_an_undecided_row_and_table_three_stay_as_printed() -> None:
    text = (HOLDOUT10 / "crawler" / "o2022-a~office.txt").read_text(encoding="utf-8")
    dropped = changes_dropped(text)
    assert "现行有效件数 规章112069321952 行政规范性文件3066303066 " in dropped
    assert "行政事业性收费注11234.55 注1：" in dropped
    three = text.index("收到和处理政府信息公开申请情况")
    assert dropped.endswith(text[three:])
    undecided = (
        "信息内容本年处理决定数量上年数同比 行政许可111.0% 行政处罚15697170888.1% 三、收到和处理政府信息公开申请"
    )
    assert changes_dropped(undecided) == undecided


@pytest.mark.parametrize("name", ["crawler", "crawler-nospace"])
@pytest.mark.parametrize(
    ("report", "row", "cell"),
    [
        ("o2024-a", "fees", "amount_10k_yuan"),
        ("o2021-a", "fees", "amount_10k_yuan"),
        ("o2019-a", "procurement", "amount_yuan"),
    ],
)
def test_a_money_run_with_its_difference_is_cut_where_the_difference_says(
    name: str, report: str, row: str, cell: str
) -> None:
    # ``行政事业性收费2883.893256.51-372.62``: 2883.89 − 3256.51 = −372.62, the row's money read
    data = read_json(HOLDOUT10 / name / f"{report}~office.txt")
    assert data["active"][row][cell] == gold_json(HOLDOUT10, report)["active"][row][cell]


@pytest.mark.parametrize("report", ["o2022-a~office", "o2025-a~office", "o2025-a~office-word", "o2020-b~office"])
def test_laid_out_table_two_with_last_year_and_its_change_is_read(report: str) -> None:
    # pdftotext -layout: ``规章  1120  6932  1952  1842  6.0%``, the 2019 template's
    # ``行政许可*  0  5  11  10  10.0%``: the change is no share, last year's figure no cell
    data = read_json(HOLDOUT10 / "pdftotext-layout" / f"{report}.txt")
    assert data["active"] == gold_json(HOLDOUT10, report.split("~")[0])["active"]


def test_a_laid_out_group_with_a_row_the_change_does_not_give_stays_as_printed() -> None:
    text = (
        "信息内容      本年处理决定数量      上年数      同比\n"
        "行政处罚           15697           17088      -8.1%\n"
        "行政强制             432             517      -9.9%\n"
    )
    assert laid_out_changes_dropped(text) == text
    fixed = text.replace("-9.9%", "-16.4%")
    dropped = laid_out_changes_dropped(fixed).split("\n")
    assert dropped[0].split() == ["信息内容", "本年处理决定数量"]
    assert dropped[1].split() == ["行政处罚", "15697"]
    assert len(dropped[1]) < len(fixed.split("\n")[1])


@pytest.mark.parametrize("name", ["crawler", "crawler-nospace"])
def test_a_signed_change_run_into_the_compared_figure_and_a_pinned_figure_kept_whole(name: str) -> None:
    """``行政强制8-21921-2`` (holdout10 o2019-a, a 上年数 · 增减 group): 本年增/减's sign opens the run
    holding this year's figure and last year's (19 against 21 is −2), so the row is read, the sign
    kept with -2; ``其他对外管理服务事项010122140`` · ``-18``: the change pins 122 whole, and only
    the head 010 is left to cut (0 · 10, not 10 · 1 · 22)."""
    data = read_json(HOLDOUT10 / name / "o2019-a~office.txt")
    gold = gold_json(HOLDOUT10, "o2019-a")["active"]
    assert data["active"]["coercion"] == gold["coercion"] == {"previous_items": 8, "change": -2, "decisions": 19}
    assert data["active"]["other_services"] == gold["other_services"]


def test_a_row_with_no_figure_last_year_and_no_change_keeps_its_digits() -> None:
    """``行政事业性收费*0-4——`` (holdout10 o2020-b, a 上年数 · 同比 group): last year's figure and
    its change are both dashes, so every digit is this year's (0 · -4)."""
    assert this_year("0-4——") == "0-4"
    for name in ("crawler", "crawler-nospace"):
        data = read_json(HOLDOUT10 / name / "o2020-b~office.txt")
        assert data["active"]["fees"] == gold_json(HOLDOUT10, "o2020-b")["active"]["fees"]
