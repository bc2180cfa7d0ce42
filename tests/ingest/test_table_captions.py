"""Table 四's caption (附表3 + its title) names table 四: an annexed table 四 whose header is split
over lines keeps its figures out of table 三 (holdout12, pdftotext's default mode)."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.read import read_report
from gongkai.ingest.table_captions import captioned_table

_HERE = Path(__file__).parent / "holdout12" / "fixtures"


def test_caption_names_its_table_and_the_section_heading_none() -> None:
    assert captioned_table("附表3 政府信息公开行政复议、行政诉讼情况") == 2
    assert captioned_table("表2 收到和处理政府信息公开申请情况") == 1
    assert captioned_table("四、政府信息公开行政复议、行政诉讼情况") is None
    assert captioned_table("（详见附表3）") is None


def test_annexed_table_three_read_without_table_four_figures() -> None:
    # Table 三 printed row by row with a row's 总计 at the page's end; table 四's header split over
    # lines under its caption: read by labels, table 四's first eight figures joined table 三's.
    result = read_report(_HERE / "pdftotext" / "x2025-a~excel.txt")
    gold = json.loads((_HERE / "gold" / "x2025-a.json").read_text(encoding="utf-8"))["requests"]
    assert {key: list(result.report.requests[key]) for key in gold} == gold


def test_two_rows_last_two_cells_at_the_page_end_put_back() -> None:
    # Table 三 printed row by row, the 其他 and 总计 cells of 二 and （一） after the page's last row:
    # a cluster of four figures, each put back where every row then adds up.
    result = read_report(_HERE / "pdftotext" / "x2023-a~excel.txt")
    gold = json.loads((_HERE / "gold" / "x2023-a.json").read_text(encoding="utf-8"))["requests"]
    assert {key: list(result.report.requests[key]) for key in gold} == gold
