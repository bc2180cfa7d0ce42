"""Crawler text of county pages (the third hold-out): figures padded with a leading zero (``07``),
labels spread with spaces (``总 计``), numbering mixed (``(四)`` beside ``（三）``, ``（1）`` items)
and rows of blank cells printed as ``///////``.

The runs are the hold-out fixtures' own (``tests/ingest/holdout3/fixtures/crawler*``).
"""

from __future__ import annotations

import pytest

from gongkai.ingest.digits import cut_groups
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.padded import PAD, padded_row_readings, table_padding
from gongkai.ingest.row_reading import Slot
from gongkai.ingest.runon import cut_run_on

from .fixture_json import gold_json, read_json
from .holdout3 import FIXTURES


def _slots(*texts: str) -> list[Slot]:
    return [Slot(parse_cell(text), f"line 1 part {i}") for i, text in enumerate(texts)]


def test_a_padded_run_is_cut_into_cells_of_two_digits_or_more() -> None:
    # 238 09 00 00 13 00 260: read as ordinary digits, each leading zero is a cell of its own.
    assert cut_groups("2380900001300260", (7,)) == []
    assert cut_groups("2380900001300260", (7,), pad=PAD) == [(238, 9, 0, 0, 13, 0, 260)]
    # Table 四 in one run of fifteen padded cells: three groups ending in their totals.
    assert cut_groups("030100010506010000070401000106", (5, 5, 5), pad=PAD) == [
        (3, 1, 0, 1, 5, 6, 1, 0, 0, 7, 4, 1, 0, 1, 6)
    ]
    # Runs between zeros printed as dashes: the dashes are cells, the runs cut at them.
    assert cut_groups("08000000000109", (7,), joints=(2, 4, 6, 8, 10), pad=PAD) == [(8, 0, 0, 0, 0, 1, 9)]


def test_padding_is_decided_by_the_whole_table_not_one_run() -> None:
    padded_rows = [
        (_slots("2380900001300260"), (7,)),
        (_slots("00000000000000"), (7,)),
        (_slots("150000000000" + "15"), (7,)),
    ]
    assert table_padding(padded_rows) == PAD
    # Ordinary run-together rows (a leading zero is a zero cell): no padding.
    plain_rows = [(_slots("5000005"), (7,)), (_slots("0000000"), (7,)), (_slots("12003015"), (7,))]
    assert table_padding(plain_rows) == 0


def test_a_padded_table_two_row_is_cut_by_its_padding() -> None:
    # 规范性文件 83 06 32; 行政许可 85 -4 18 (a signed figure prints unpadded)
    assert [r.values for r in padded_row_readings(_slots("830632"), 3, PAD)] == [(83, 6, 32)]
    assert [r.values for r in padded_row_readings(_slots("85", "-418"), 3, PAD)] == [(85, -4, 18)]


def test_spread_labels_mixed_numbering_and_slashed_blank_rows_are_cut_into_rows() -> None:
    line = (
        "8.属于行政查询事项/////// (四)无法提供1、本机关不掌握相关政府信息203/3/127 "
        "（五）不予处理（1）信访举报投诉类申请2//2//4 （2）重复申请///////（3）要求提供公开出版物/////// "
        "（六）其他处理——————— （七）总 计08————0109"
    )
    pieces = cut_run_on(line)
    assert "8.属于行政查询事项///////" in pieces
    assert "(四)无法提供" in pieces
    assert "（1） 信访举报投诉类申请2//2//4" in pieces
    assert "（2） 重复申请///////" in pieces
    assert "（3） 要求提供公开出版物///////" in pieces
    assert "（六）其他处理———————" in pieces
    assert any(p.endswith("总 计08————0109") for p in pieces)


@pytest.mark.parametrize("layout", ["crawler", "crawler-nospace"])
def test_a_county_page_padding_its_figures_reads_tables_three_and_four(layout: str) -> None:
    data = read_json(FIXTURES / layout / "c2020-c~county.txt")
    gold = gold_json(FIXTURES, "c2020-c")
    assert data["requests"] == gold["requests"]
    assert data["appeals"] == gold["appeals"]
    for row in ("regulations", "normative_documents", "licensing", "other_services", "coercion", "fees"):
        assert data["active"][row] == gold["active"][row]


@pytest.mark.parametrize("report", ["c2019-a", "c2021-a"])
def test_rows_printed_blank_before_the_total_keep_their_own_figures(report: str) -> None:
    # （六）其他处理 printed with no figure right before （七）总 计: 总计's figures are its own.
    data = read_json(FIXTURES / "crawler" / f"{report}~county.txt")
    assert data["requests"] == gold_json(FIXTURES, report)["requests"]
