"""A crawler's text of holdout8's WeChat pages: table 三 printed as two column parts (each with its
header and row labels again) joined row by row; table 四's one run of figures found past the
table after it (表5 主要指标与上年对比, rows of more tokens) and cut by its groups' sums, a group
no cut makes add up read by the others (flagged); a row label whose first character may be a
unit (本年度办理结果 after a figure) cut from the figures before it."""

from __future__ import annotations

import json
from typing import Any

import pytest

from gongkai.ingest.read import read_report
from gongkai.ingest.runon import cut_run_on

from .holdout8 import FIXTURES

CLASSES = ("crawler", "crawler-nospace")


def _gold(name: str) -> dict[str, Any]:
    gold: dict[str, Any] = json.loads((FIXTURES / "gold" / f"{name}.json").read_text("utf-8"))
    return gold


def _read(cls: str, name: str) -> Any:
    report = read_report(FIXTURES / cls / f"{name}~wechat.txt").report
    assert report is not None
    return report


@pytest.mark.parametrize("cls", CLASSES)
@pytest.mark.parametrize("name", ["w2021-a", "w2022-a", "w2024-a"])
def test_table_three_in_column_parts_joined_by_row(cls: str, name: str) -> None:
    report = _read(cls, name)
    assert report.requests == _gold(name)["requests"]


@pytest.mark.parametrize("cls", CLASSES)
def test_table_four_run_before_a_longer_table(cls: str) -> None:
    report = _read(cls, "w2020-a")
    assert report.appeals == _gold("w2020-a")["appeals"]


@pytest.mark.parametrize("cls", CLASSES)
def test_table_four_run_with_a_group_not_adding_up(cls: str) -> None:
    report = _read(cls, "w2024-a")
    gold = _gold("w2024-a")["appeals"]
    assert report.appeals["review"] == gold["review"]  # 59 25 16 24 under 125: the prose's total
    assert report.appeals["litigation_after_review"] == gold["litigation_after_review"]
    flagged = {doubt.cell for doubt in report.uncertain}
    assert "appeals" in flagged
    for key, value in report.appeals["litigation_direct"].items():
        assert value in (gold["litigation_direct"][key], None)  # 50 11 9 or 50 1 19: left unknown


def test_label_after_figure_starting_with_a_unit_character() -> None:
    line = "上年结转政府信息公开申请数量1010024 本年度办理结果予以公开2501010844 部分公开4000026"
    pieces = cut_run_on(line)
    assert "上年结转政府信息公开申请数量1010024" in [p.strip() for p in pieces]


@pytest.mark.parametrize("cls", CLASSES)
@pytest.mark.parametrize("name", ["w2021-b", "w2025-a"])
def test_rows_after_a_label_starting_with_a_unit_character(cls: str, name: str) -> None:
    report = _read(cls, name)
    gold = _gold(name)["requests"]
    for key in ("carried_over", "granted"):
        assert report.requests[key] == gold[key], key


@pytest.mark.parametrize("cls", CLASSES)
def test_second_part_without_row_labels_joined_in_row_order(cls: str) -> None:
    """holdout16's mobile layout: table 三's last columns printed under the table, their header's
    titles and then one run of digits a row (``法律服务机构其他 0012 000 009 …``), no labels; with
    no spaces the rows' runs are one (``0012000009…``), cut where each row adds up to its 总计."""
    from .holdout16 import FIXTURES as MOBILE

    report = read_report(MOBILE / cls / "b2023-a~portal.txt").report
    assert report is not None
    gold = json.loads((MOBILE / "gold" / "b2023-a.json").read_text("utf-8"))
    assert report.requests == gold["requests"]
