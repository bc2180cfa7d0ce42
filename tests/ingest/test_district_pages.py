"""A district government's report page as crawlers' tools turn it into text (holdout19): the left
nav's catalogue items set beside the title are not the agency, header cells one a line at one
margin keep their order, and a row of table 三 beside a row left unknown is named in ``uncertain``."""

from __future__ import annotations

import json

import pytest

from gongkai.ingest.agency_names import without_column_heading
from gongkai.ingest.read import read_report

from .holdout19 import FIXTURES


def _read(cls: str, name: str) -> dict[str, object]:
    path = next((FIXTURES / cls).glob(f"{name}~district.*"))
    result = read_report(path)
    assert result.report is not None, result.error
    data: dict[str, object] = json.loads(result.report.to_json())
    return data


def _gold(name: str) -> dict[str, object]:
    gold: dict[str, object] = json.loads((FIXTURES / "gold" / f"{name}.json").read_text("utf-8"))
    return gold


@pytest.mark.parametrize(
    ("before", "agency"),
    [
        ("法定主动公开内容绍兴市柯桥区卫生健康局", "绍兴市柯桥区卫生健康局"),  # inscriptis
        ("•政府信息公开制度绍兴市柯桥区卫生健康局", "绍兴市柯桥区卫生健康局"),  # w3m
        ("指南政府信息公开制度安吉县市场监督管理局", "安吉县市场监督管理局"),  # the column wrapped
        ("某县政务公开办公室", "某县政务公开办公室"),  # a body named after them begins with its place
        ("政务公开办公室", "政务公开办公室"),  # too little left to be a whole name
    ],
)
def test_the_catalogues_items_before_the_title_are_navigation(before: str, agency: str) -> None:
    assert without_column_heading(before) == agency


@pytest.mark.parametrize(("cls", "name"), [("inscriptis", "d2022-a"), ("w3m", "d2023-b"), ("pymupdf4llm", "d2022-a")])
def test_the_agency_beside_the_left_nav(cls: str, name: str) -> None:
    assert _read(cls, name)["agency"] == _gold(name)["agency"]


def test_header_cells_one_a_line_keep_their_order() -> None:
    """lynx flows table 二 one cell a line at one margin: 上一年项目数量 / 本年增/减 / 处理决定数量
    stay in that order (sorted by their centres the shortest came first)."""
    read, gold = _read("lynx", "d2019-a"), _gold("d2019-a")
    assert read["active"] == gold["active"]


def test_a_row_beside_an_unknown_row_is_in_doubt() -> None:
    """pdftotext -layout of a print with wrapped labels: 信访举报's row took the figures printed
    under its label (the row above's), its own stacked with the next row's, left unknown."""
    read = _read("pdftotext-layout", "d2022-a")
    requests = read["requests"]
    assert isinstance(requests, dict) and None in requests["not_processed_duplicate"]
    cells = {entry["cell"] for entry in read["uncertain"]}  # type: ignore[attr-defined]
    assert "requests.not_processed_petition" in cells
