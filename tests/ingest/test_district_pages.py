"""A district government's report page as crawlers' tools turn it into text (holdout19): the left
nav's catalogue items set beside the title are not the agency, header cells one a line at one
margin keep their order, a row of table 三 beside a row left unknown is named in ``uncertain``, and
markdownify's nested table flattened onto one line reads without its ``| --- |`` cells."""

from __future__ import annotations

import json

import pytest

from gongkai.ingest.agency_names import without_column_heading
from gongkai.ingest.pipe_nested import nested_delimiters_cut
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


def test_a_nested_tables_delimiter_cells_are_no_figures() -> None:
    """markdownify sets the article (a cell of the page's layout table) on one line, table 四's
    ``| --- |`` fifteen times ahead of its figures: read, they were fifteen dash zeros."""
    for name in ("d2021-a", "d2023-b"):
        assert _read("markdownify", name)["appeals"] == _gold(name)["appeals"]


def test_only_a_flattened_line_loses_its_delimiter_cells() -> None:
    row = "| 行政许可 | --- | --- | 5 |"  # a row printing its zeros as ---: left as it is
    separator = "| --- | --- | --- |"
    flattened = "| a " + "| | " * 20 + "| --- | --- | | 1 | 2 |"
    lines = [row, separator, flattened]
    out = nested_delimiters_cut(lines)
    assert out[:2] == lines[:2] and "---" not in out[2] and out[2].endswith("| 1 | 2 |")
