"""Table 三's columns out of the template's order in text (``text_column_order``) and 序号 numbers
that text prints apart from their rows (``serials.text_without_serials``).

pdftotext keeps no grid: a 总计 printed first (``总计 自然 人 商业企 …``) or a 小计 column
(``法律服 其 小 总计``) was read in the template's order (总计 as 自然人, the 小计 as 总计), and a
序号 title wrapped 序 / 号 or a number starting the line below (-layout: ``14 办理结果``) left
every row one figure too long. The fixtures are the seventh hold-out's text classes.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from gongkai.ingest.document import Cell
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.records import Record, Token
from gongkai.ingest.text_column_order import requests_in_template_order

from .holdout7 import FIXTURES
from .wild.scoring import read_fixture


def _gold(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    "path",
    [
        "pdftotext-layout/z2020-a~platform.txt",  # 总计 first
        "pdftotext-layout/z2025-a~platform.txt",  # 总 / 计 wrapped, first
        "pdftotext-layout/z2021-a~platform.txt",  # a 小计, 序 / 号 wrapped, numbers starting lines
        "pdftotext-layout/z2024-a~platform.txt",
        "pdftotext/z2025-a~platform.txt",
    ],
)
def test_table_three_in_text_is_read_in_the_order_its_header_words_state(path: str) -> None:
    read = read_fixture(FIXTURES / path)
    gold = _gold(path.split("/")[1].split("~")[0])
    assert read["requests"] == gold["requests"]


def _token(text: str) -> Token:
    return Token(text, "t", parse_cell(text))


def _records(header: list[str], rows: list[list[str]]) -> list[Record]:
    first, *rest = rows
    out = [Record([_token(h) for h in header] + [_token(first[0])], [_token(v) for v in first[1:]])]
    return out + [Record([_token(row[0])], [_token(v) for v in row[1:]]) for row in rest]


_ROWS = [
    ["一、本年新收", "10", "4", "1", "0", "2", "0", "3"],
    ["二、上年结转", "5", "3", "0", "1", "0", "1", "0"],
    ["（一）予以公开", "0", "0", "0", "0", "0", "0", "0"],
]


def test_a_total_the_header_prints_first_is_moved_to_the_end_where_every_row_agrees() -> None:
    header = [
        "申请人情况",
        "法人或其他组织",
        "项目",
        "总计 自然",
        "人 商业企 科研机 社会公益 法律服务机 其",
        "业 构 组织 构 他",
    ]
    read = requests_in_template_order(_records(header, _ROWS))
    assert [t.text for t in read[0].values] == ["4", "1", "0", "2", "0", "3", "10"]
    assert [t.text for t in read[1].values] == ["3", "0", "1", "0", "1", "0", "5"]


@pytest.mark.parametrize(
    "header",
    [
        [
            "项目",
            "自然 商业企 科研机法人或其他组织",
            "法律服务 其 总计",
            "人 业 构 社会公益 组织 机构 他",
        ],  # template order
        ["项目", "总计 商业企 科研机法人或其他组织", "法律服务 其", "业 构 社会公益 组织 机构 他"],  # no 自然人
    ],
)
def test_a_header_in_the_template_order_or_naming_too_little_changes_nothing(header: list[str]) -> None:
    records = _records(header, _ROWS)
    assert requests_in_template_order(records) is records


def test_rows_the_stated_order_does_not_add_up_in_are_left_as_printed() -> None:
    header = ["项目", "总计 自然", "人 商业企 科研机 社会公益 法律服务机 其"]
    rows = [["一、本年新收", "9", "4", "1", "0", "2", "0", "3"], *_ROWS[1:]]  # 9 is no sum of the six
    records = _records(header, rows)
    assert requests_in_template_order(records) is records


def test_a_wrapped_serial_title_and_numbers_starting_the_line_below_are_taken_out() -> None:
    from gongkai.ingest.document import Document, TableBlock
    from gongkai.ingest.serials import text_without_serials

    rows = [
        ["序 项目 申请人情况", "号", "自然 商业", "1"],
        ["一、本年新收", "3", "0", "3", "2"],
        ["二、上年结转", "1", "0", "1"],
        ["3 （一）予以公开", "0", "0", "0", "4"],
        ["（二）部分公开（区分处理的，只计这一情形，不", "5", "0", "0", "5"],
        ["计其他情形）", "5"],
        ["1.属于国家秘密", "0", "0", "0"],
    ]
    document = Document("x", "text", [TableBlock([[Cell(text, "t") for text in row] for row in rows], "t")])
    read = text_without_serials(document).tables[0].rows
    assert [[c.text for c in row] for row in read[1:]] == [
        ["一、本年新收", "3", "0", "3"],
        ["二、上年结转", "1", "0", "1"],
        ["（一）予以公开", "0", "0", "0"],
        ["（二）部分公开（区分处理的，只计这一情形，不", "5", "0", "0", "5"],
        ["计其他情形）"],
        ["1.属于国家秘密", "0", "0", "0"],
    ]


def _whole(n: int) -> list[list[str]]:
    """``n`` rows of figures in the order 总计 first, each adding up."""
    return [[f"row {k}", str(6 + k), "1", "1", "1", "1", "1", str(1 + k)] for k in range(n)]


_TOTAL_FIRST = ["项目", "总计 自然", "人 商业企 科研机 社会公益 法律服务机 其"]


def test_a_record_split_in_the_flow_is_left_as_printed_where_most_rows_state_the_order() -> None:
    """pdftotext's flow moves a wrapped cell's figure a row early (``… 5 0 0``): that record holds
    no whole row; the twelve others say 总计 is printed first, and are read so."""
    rows = [*_whole(12), ["（一）予以公开", "439", "292", "32", "9", "69", "37"]]
    records = _records(_TOTAL_FIRST, rows)
    read = requests_in_template_order(records)
    assert [t.text for t in read[0].values] == ["1", "1", "1", "1", "1", "1", "6"]
    assert read[-1] is records[-1]


def test_too_few_whole_rows_beside_a_split_record_change_nothing() -> None:
    rows = [*_whole(5), ["（一）予以公开", "439", "292", "32", "9", "69", "37"]]
    records = _records(_TOTAL_FIRST, rows)
    assert requests_in_template_order(records) is records
