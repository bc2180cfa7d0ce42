"""Table 二's rows read by where their cells stand under the column headers (``active``)."""

from __future__ import annotations

import json

from gongkai.ingest.active_rows import _placed_wrapped_header
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


def test_header_cells_wrapped_beside_a_wrapped_citation_join_by_place() -> None:
    """-layout: ``第二十条第  信息内容  本年制发  本年废止  现行有效`` over ``（一）项   件数  件数
    件数``: each 件数 joins the cell over it, so 规章 alone under them is a row of blank cells."""
    report = read_report(FIXTURES / "pdftotext-layout" / "t2025-a~township-word.txt").report
    assert report is not None
    assert report.active["regulations"] == {"made": 0, "repealed": 0, "in_force": 0}
    assert "active.regulations" in {u.cell for u in report.uncertain}  # blank cells read as 0: a doubt


def test_a_lower_piece_under_no_upper_cell_joins_nothing() -> None:
    top = ["第二十条第", "信息内容", "本年制发", "本年废止", "现行有效"]
    places: list[float | None] = [2.5, 11.0, 19.5, 26.5, 33.5]
    joined = _placed_wrapped_header(top, places, ["（一）项", "件数", "件数", "件数"], [2.5, 19.5, 26.5, 33.5])
    assert joined is not None and joined[0][2:] == ["本年制发件数", "本年废止件数", "现行有效件数"]
    assert _placed_wrapped_header(top, places, ["件数", "件数"], [15.0, 26.5]) is None
