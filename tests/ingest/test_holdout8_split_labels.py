"""Holdout8's table 三 found by its own labels: cut by columns after a non-statutory table of
applications by channel (its 合计 row ahead of table 三's first row), and labelled with a group
heading joined to a short item without numbering (``其他处理-其他``)."""

from __future__ import annotations

import json

import pytest

from gongkai.ingest.read import read_report

from .holdout8 import FIXTURES


def _gold(name: str) -> dict[str, list[int]]:
    requests: dict[str, list[int]] = json.loads((FIXTURES / "gold" / f"{name}.json").read_text("utf-8"))["requests"]
    return requests


@pytest.mark.parametrize(
    "path",
    ["html/w2024-a~wechat.html", "docx/w2024-a~wechat-word.docx", "pdf/w2024-a~wechat-word.pdf"],
)
def test_table_three_cut_by_columns_after_a_channel_table(path: str) -> None:
    report = read_report(FIXTURES / path).report
    assert report is not None
    gold = _gold("w2024-a")
    for key in ("new_received", "carried_over", "not_processed_petition", "carried_forward"):
        assert report.requests[key][:6] == gold[key][:6], key  # 总计 may carry a footnote marker


@pytest.mark.parametrize("name", ["w2021-b", "w2023-a"])
def test_group_dash_item_label_without_numbering(name: str) -> None:
    report = read_report(FIXTURES / "html" / f"{name}~wechat.html").report
    assert report is not None
    assert report.requests["other_other"] == _gold(name)["other_other"]
