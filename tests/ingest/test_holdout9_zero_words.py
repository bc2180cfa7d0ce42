"""Holdout9's platform pages read as printed: zero cells printed 无 (spaced, run together and laid
out), full-width figures with a full-width separator wrapped around a narrow cell's row
(``１，１`` over ``０３``), a hyphen cell before a figure in a run of table 三, and the agency not taken
from the related-links line after the article (相关链接：2020年…年度报告)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from gongkai.ingest.line_cells import split_line
from gongkai.ingest.meta import identify
from gongkai.ingest.read import read_document, read_report
from gongkai.ingest.zero_words import prints_zero_words, zero_words_as_dashes

from .holdout9 import FIXTURES


def _gold(name: str) -> dict[str, Any]:
    gold: dict[str, Any] = json.loads((FIXTURES / "gold" / f"{name}.json").read_text("utf-8"))
    return gold


def _wrong(path: str, name: str) -> list[str]:
    """The table 三 and 四 cells read otherwise than the gold (flagged or not)."""
    report = read_report(FIXTURES / path).report
    assert report is not None
    gold = _gold(name)
    wrong = [key for key, row in gold["requests"].items() if report.requests.get(key) != row]
    wrong += [group for group, cells in gold["appeals"].items() if report.appeals.get(group) != cells]
    return wrong


@pytest.mark.parametrize(
    "path",
    [
        "crawler/v2025-a~spa.txt",
        "crawler-nospace/v2025-a~spa.txt",
        "crawler/v2020-b~spa.txt",
        "pdftotext-layout/v2020-b~spa.txt",
        "pdftotext-layout/v2025-a~spa.txt",
    ],
)
def test_zero_cells_printed_as_wu(path: str) -> None:
    assert _wrong(path, path.split("/")[1].split("~")[0]) == []


def test_wu_as_a_word_stays_a_word() -> None:
    lines = [
        "文号：无 江南省某局2025年政府信息公开工作年度报告",
        "（四）无法提供 1.本机关不掌握相关政府信息 1 无 无 无 无 无 1",
        "4.无正当理由大量反复申请无无无无无无无",
        "无其他需要报告的事项。",
        "行政许可无第二十条第（六）项",
    ]
    assert prints_zero_words("\n".join(lines))
    assert zero_words_as_dashes(lines) == [
        "文号：无 江南省某局2025年政府信息公开工作年度报告",
        "（四）无法提供 1.本机关不掌握相关政府信息 1 — — — — — 1",
        "4.无正当理由大量反复申请///////",
        "无其他需要报告的事项。",
        "行政许可/第二十条第（六）项",
    ]
    assert not prints_zero_words("文号：无\n无其他需要报告的事项。")


@pytest.mark.parametrize("path", ["pdftotext-layout/v2025-b~spa-word.txt", "crawler-nospace/v2025-b~spa.txt"])
def test_full_width_figures_with_separators(path: str) -> None:
    assert _wrong(path, "v2025-b") == []


def test_hyphen_cell_before_a_figure_in_table_three() -> None:
    assert split_line("一、本年新收政府信息公开申请数量1，10325111038-1，250")[-2:] == ["-", "1,250"]


def test_related_link_is_no_agency() -> None:
    identity = identify(read_document(FIXTURES / "pymupdf4llm" / "v2021-a~spa.md"))
    assert (identity.agency, identity.year) == (_gold("v2021-a")["agency"], 2021)
