"""Table 三 printed as column pieces in an order no header tells (``ingest/column_pieces.py``).

``v2021-e~chromium-rotated`` is a chromium print whose column headers are rotated: ``pdftotext``
(default mode) prints every column of table 三 in pieces (rows 1-20, row 21, row 22, rows 23-25,
cut by the two tall rows of 其他处理), the pieces of all columns mixed, the headers reversed among
them (构机务服律法), part of the page's figures before table 三's header and part after table 四's
heading. The reading before this reader left the table unread.
"""

from __future__ import annotations

from pathlib import Path

from tests.ingest.fixture_json import gold_json, read_json

FIXTURES = Path(__file__).parent / "pdfvariants" / "fixtures"
ROTATED = FIXTURES / "pdftotext" / "v2021-e~chromium-rotated.txt"


def test_rotated_headers_rows_and_total_column_from_the_pieces_sums() -> None:
    """Every row whose columns other than 总计 agree (zeros) is read whole, and the 总计 column
    of every row; the prose's 收到…10件 decides the order of the pieces that the sums leave open
    (a row of zeros moved from the top of the table to below its 20-row piece keeps every sum)."""
    data = read_json(ROTATED)
    gold = gold_json(FIXTURES, "v2021-e")["requests"]
    requests = data["requests"]
    assert [row[6] for row in requests.values()] == [row[6] for row in gold.values()]
    assert requests["new_received"][6] == 10 and requests["total_processed"][6] == 10
    for key, row in requests.items():
        if len(set(gold[key][:6])) == 1:
            assert row == gold[key], key  # all six columns alike: known whatever their order
    known = sum(1 for row in requests.values() for v in row if v is not None)
    assert known == 175 - 6 * 6  # six rows whose six columns print different figures
    whole = next(u for u in data["uncertain"] if u["cell"] == "requests")
    assert "prose's totals" in whole["reason_en"]  # the order the prose decided is said


def test_rotated_headers_columns_no_equation_tells_apart_are_left_with_alternatives() -> None:
    """自然人 printed 9 and 商业企业 1 in 本年新收: no equation tells which column is which (the
    columns enter every equation alike, and the reversed headers stand beside other columns'
    pieces), so those cells are unknown and named with the figures of their row."""
    data = read_json(ROTATED)
    assert data["requests"]["new_received"][:6] == [None] * 6
    doubts = {u["cell"]: u for u in data["uncertain"]}
    entry = doubts["requests.new_received[0]"]
    assert entry["value"] is None
    assert entry["alternatives"] == [[0], [1], [9]]
    assert "requests" in doubts  # the whole reading is named


VERTICAL = FIXTURES / "pdftotext" / "v2021-a~chromium-vertical.txt"


def test_vertical_headers_three_columns_row_by_row_are_one_wide_piece() -> None:
    """``v2021-a~chromium-vertical``: three columns under vertical headers come out row by row as
    one piece of 60 figures (rows 1-20, a row's cells sometimes split over lines), the other four
    columns as pieces of their own, table 四's figures after them on the same page. The wide piece
    is taken apart as three columns; the 总计 column is read whole, the rows of zeros whole, and
    rows 21-22 (single figures, which of the two rows each is no size tells) are left unknown."""
    data = read_json(VERTICAL)
    gold = gold_json(FIXTURES, "v2021-a")["requests"]
    requests = data["requests"]
    for key, row in requests.items():
        if key in ("other_no_correction", "other_unpaid_fee"):
            assert row == [None] * 7, key
            continue
        assert row[6] == gold[key][6], key
        if len(set(gold[key][:6])) == 1:
            assert row == gold[key], key
    doubts = {u["cell"]: u for u in data["uncertain"]}
    assert doubts["requests.other_no_correction[6]"]["alternatives"] == [[0], [1], [2]]
