"""A portal's page printed to PDF from a browser with its headers and footers on (the sixteenth
hold-out's reports, ``holdout16/generate.py``): the print's date and time with the page's title, the
URL with its ``1/3`` counter, ``第 1 页，共 4 页`` at every page's edges are dropped before anything
is read, and the title they print is the page's title. Before, the header line was taken for the
report's title (the agency read ``07临安县…`` with the time's minutes), and with the Firefox line
(title and URL) the agency ``局`` and the year of the URL's date, unflagged."""

from __future__ import annotations

import json

import pytest

from gongkai.ingest.browser_lines import browser_lines_dropped, browser_title, is_browser_line
from gongkai.ingest.read import read_report

from .holdout16 import FIXTURES


def _gold(name: str) -> dict[str, object]:
    return json.loads((FIXTURES / "gold" / f"{name.split('~')[0]}.json").read_text("utf-8"))


@pytest.mark.parametrize(
    "path",
    [
        "pdftotext-layout/b2023-b~portal.txt",  # Firefox: title and URL at the top
        "pdftotext-layout/b2022-a~portal.txt",  # Edge: date and title; URL and 2/3
        "markitdown/b2019-a~portal.md",  # the header line set as a table's head row
        "pdf/b2019-a~portal.pdf",
        "pymupdf4llm/b2025-a~portal.md",
    ],
)
def test_the_report_is_named_by_its_own_title_not_the_browsers_lines(path: str) -> None:
    result = read_report(FIXTURES / path)
    assert result.report is not None, result.error
    read = json.loads(result.report.to_json())
    gold = _gold(path.split("/")[1])
    assert (read["agency"], read["year"]) == (gold["agency"], gold["year"])
    assert read["requests"] == gold["requests"] and read["appeals"] == gold["appeals"]


def test_every_browser_line_of_the_prints_is_dropped_and_no_table_row() -> None:
    for path in sorted((FIXTURES / "pdftotext").glob("*~portal.txt")):
        lines = path.read_text("utf-8").split("\n")
        kept, title = browser_lines_dropped(lines)
        assert title is not None and "年度报告" in title, path.name
        text = "\n".join(kept)
        assert "://" not in text and "共 " not in text, path.name
        assert all(not is_browser_line(line) for line in kept), path.name
    for line in ("一、本年新收政府信息公开申请数量 117 0 14 11 13 0 155", "3/0", "2021/1/29", "3 / 0 / 1"):
        assert not is_browser_line(line), line
    assert browser_title("2021/1/29 下午3:25  某局2020年政府信息公开工作年度报告_年报_某市") is not None
    assert browser_title("http://www.x.gov.cn/art/2021/1/29/art_1229_5812345.html 1/5") is None
    assert is_browser_line("第 2 ⻚，共 4 ⻚ 2024/2/19 08:15")
    assert browser_title("1/29/21, 3:25 PM 某局2020年政府信息公开工作年度报告") == "某局2020年政府信息公开工作年度报告"
