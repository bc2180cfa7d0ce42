"""Crawler text of a table 三 whose header prints the applicant columns in another order
(``text_order``): 总计 right after the labels, or a 小计 of the five organisations before 总计.
The header's titles run together before the first row (``项目申请人情况总计自然人法人或其他组织
商业企业…其他``) and each row's figures into one run (``907257006``: 90 = 72 + 5 + 7 + 0 + 0 + 6);
cut by the template's sums (the last cell the sum of the others) the runs were flagged or left
unknown. Each row is now cut by the sums of the order the header states
(``equations.printed_row_sums``) and read in the template's order.

The fixtures are the seventh hold-out's (``tests/ingest/holdout7``), made by the real tools.
"""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.printed_cuts import Pieces, cut_printed
from gongkai.ingest.row_reading import Slot
from gongkai.ingest.text_order import order_fits, order_of_titles
from gongkai.report.equations import printed_row_sums
from gongkai.report.templates import TEMPLATES

from .holdout7 import FIXTURES
from .wild.scoring import read_fixture

T2021 = TEMPLATES["2021"]


def _gold(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("cls", ["crawler", "crawler-nospace"])
@pytest.mark.parametrize(
    "name",
    [
        "z2025-a",  # 总计 first, every row one run of digits
        "z2020-a",  # 总计 first, thousands separators (2,4001,30815500212725)
        "z2021-a",  # a 小计 and a 序号 column, runs of digits
        "z2022-a",  # 总计 first, figures printed apart by their unit (1150 件768 件…)
    ],
)
def test_table_three_is_cut_in_the_order_its_header_states(cls: str, name: str) -> None:
    read = read_fixture(FIXTURES / cls / f"{name}~platform.txt")
    assert read["requests"] == _gold(name)["requests"]


def test_the_header_words_give_the_printed_order() -> None:
    orgs = "商业企业科研机构社会公益组织法律服务机构其他"
    assert order_of_titles(f"总计自然人法人或其他组织{orgs}") == (6, 0, 1, 2, 3, 4, 5)
    assert order_of_titles(f"自然人法人或其他组织总计 {orgs}小计") == (0, 1, 2, 3, 4, 5, None, 6)
    assert order_of_titles(f"自然人法人或其他组织总计{orgs}") == (0, 1, 2, 3, 4, 5, 6)
    assert order_of_titles(f"自然人{orgs}总计") == (0, 1, 2, 3, 4, 5, 6)  # one header row
    # parts out of the template's order: the sums could not tell them apart, nothing is read
    assert order_of_titles(f"法人或其他组织自然人总计{orgs}") is None
    assert order_of_titles(f"总计自然人法人或其他组织{orgs}总计") is None  # a column named twice


def test_a_cut_takes_any_place_of_the_totals() -> None:
    # 自然人 总计 then the five: 72 90 5 7 0 0 6
    middle = (0, 6, 1, 2, 3, 4, 5)
    assert cut_printed(Pieces.of([("72905700" + "6", False)]), 7, printed_row_sums(T2021, middle)) == [
        (72, 90, 5, 7, 0, 0, 6)
    ]
    # 小计 after the five: 244 0 85 0 0 81 166 410; a figure printed apart is one cell (2,400)
    subtotal = (0, 1, 2, 3, 4, 5, None, 6)
    assert cut_printed(Pieces.of([("2440850081166410", False)]), 8, printed_row_sums(T2021, subtotal)) == [
        (244, 0, 85, 0, 0, 81, 166, 410)
    ]
    first = (6, 0, 1, 2, 3, 4, 5)
    assert cut_printed(
        Pieces.of([("2400", True), ("1308", False), ("15500212725", False)]), 7, printed_row_sums(T2021, first)
    ) == [(2400, 1308, 155, 0, 0, 212, 725)]


def test_a_long_run_is_bounded() -> None:
    started = time.perf_counter()
    found = cut_printed(Pieces.of([("1" * 40, False)]), 8, printed_row_sums(T2021, (0, 1, 2, 3, 4, 5, None, 6)))
    assert found is None or len(found) <= 64
    assert time.perf_counter() - started < 2


def test_rows_keeping_the_template_sums_keep_the_template_order() -> None:
    """Tab-separated text (a real report's) with 总计 on the header's first line, 自然人 … on the
    next: the titles' text order says 总计 first, the rows add up in the template's."""
    rows = [
        [Slot(parse_cell(t), "x") for t in row.split()]
        for row in ("180 1 0 0 0 3 184", "84 1 0 0 0 1 86", "0 0 0 0 0 0 0")
    ]
    assert not order_fits(rows, (6, 0, 1, 2, 3, 4, 5), T2021)
    runs = [[Slot(parse_cell(t), "x")] for t in ("907257006", "282204002", "0000000")]
    assert order_fits(runs, (6, 0, 1, 2, 3, 4, 5), T2021)
