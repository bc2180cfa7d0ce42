"""Table 二's rows read by where their cells stand under the column headers (``active``)."""

from __future__ import annotations

import json

from gongkai.ingest.read import read_report

from .holdout5 import FIXTURES


def test_blank_cells_of_the_next_tables_first_row_are_not_the_rows() -> None:
    """``|行政事业性收费||11||`` under ``|信息内容|上一年项目数量|本年增/减||``, the next table's
    empty ``||||`` row after it: 11 stands under 本年增/减, the blank under 上一年项目数量 is 0."""
    report = read_report(FIXTURES / "pymupdf4llm" / "t2020-b~township.md").report
    gold = json.loads((FIXTURES / "gold" / "t2020-b.json").read_text(encoding="utf-8"))
    assert report is not None
    assert report.active["fees"] == gold["active"]["fees"] == {"previous_items": 0, "change": 11}


def test_a_lone_header_piece_wrapped_around_a_one_line_cell_names_its_column() -> None:
    """-layout: ``上一年项`` / ``信息内容   本年增/减`` / ``目数量`` over ``行政事业性收费   11``: the
    pieces join to 上一年项目数量, so 11 stands under 本年增/减 and the blank column is 0."""
    report = read_report(FIXTURES / "pdftotext-layout" / "t2020-b~township-word.txt").report
    assert report is not None
    assert report.active["fees"] == {"previous_items": 0, "change": 11}
