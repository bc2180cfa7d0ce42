"""A PDF table whose header row is broken off by the page (``pdf_page._cut_off_text`` and
``serials._without_header``).

chromium printed the seventh hold-out's table 三 with its first header row (序 · 项目 · 申请人情况)
at the foot of a page, the 号 of the wrapped 序号 cell below the cut, and the rest of the header
(序号's cell as blanks) with the rows on the next page. The 号 stood as a line of text between
the two parts, so they were not joined; column_order never saw the header above the rows, and
the 序号 column's numbers were read as figures (z2021-a's 本年新收 … 81 · 166 · 410 read with the
小计 166 as a figure). Where the header was joined, 序 · 号 · blank as three cells of one column
left the header a column wider than the numbered rows, and 总计-first was read in template order.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from gongkai.ingest.document import Cell, Document, TableBlock
from gongkai.ingest.pdf import read_pdf
from gongkai.ingest.serials import without_serials

from .holdout7 import FIXTURES
from .wild.scoring import read_fixture


def _gold(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("name", ["z2021-a", "z2022-a"])
def test_a_table_whose_header_the_page_broke_off_is_read_in_its_columns(name: str) -> None:
    read = read_fixture(FIXTURES / "pdf" / f"{name}~platform.pdf")
    assert read["requests"] == _gold(name)["requests"]


def test_the_header_cut_off_at_the_page_foot_is_joined_to_its_rows() -> None:
    path = FIXTURES / "pdf" / "z2021-a~platform.pdf"
    document = read_pdf(path, path.read_bytes())
    table = next(t for t in document.tables if any(c.text == "申请人情况" for row in t.rows for c in row))
    assert [c.text for c in table.rows[0]] == ["序号", "项目", "申请人情况"]  # 号 back in its cell
    assert any(c.text == "小计" for row in table.rows for c in row)  # one table with the rows
    assert all(b.text != "号" for b in document.blocks if not isinstance(b, TableBlock))


def _table(rows: list[list[str]]) -> Document:
    cells = [[Cell(text, f"r{r}c{c}") for c, text in enumerate(row)] for r, row in enumerate(rows)]
    return Document("t", "pdf", [TableBlock(cells, "table 1")])


def test_a_serial_header_cut_into_rows_is_taken_out_of_every_header_row() -> None:
    rows = [
        ["序", "项目", "总计"],
        ["号", "", "自然人"],
        ["", "", "商业企业"],
        ["1", "本年新收", "3"],
        ["2", "结转", "4"],
    ]
    out = without_serials(_table(rows)).tables[0].texts()
    assert out == [["项目", "总计"], ["", "自然人"], ["", "商业企业"], ["本年新收", "3"], ["结转", "4"]]


def test_a_header_row_that_is_no_serial_cell_keeps_its_first_cell() -> None:
    rows = [["标题", "", ""], ["序号", "项目", "总计"], ["1", "本年新收", "3"], ["2", "结转", "4"]]
    out = without_serials(_table(rows)).tables[0].texts()
    assert out == [["标题", "", ""], ["项目", "总计"], ["本年新收", "3"], ["结转", "4"]]
