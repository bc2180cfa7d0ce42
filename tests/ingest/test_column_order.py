"""Table 三's applicant columns printed in another order (``column_order``): 总计 right after the
labels, or a 小计 after the five organisations under 法人或其他组织. Read in the template's order,
z2020-a's 本年新收 (总计 2,400 first) read 自然人 2,400 · 商业企业 1,308 …, z2021-a's 小计 166 read
as 其他 and its 总计 410 as none.

The fixtures are the seventh hold-out's (``tests/ingest/holdout7``), generated and printed by the
real tools: the platform page (HTML, and chromium's PDF read by its grid) and the Word original.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from gongkai.ingest.column_order import in_template_order
from gongkai.ingest.document import Cell, Document, TableBlock

from .holdout7 import FIXTURES
from .wild.scoring import read_fixture


def _gold(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    "path",
    [
        "html/z2020-a~platform.html",  # 总计 first
        "html/z2025-a~platform.html",  # 总计 first, misprinted labels, blank zeros in table 二
        "html/z2021-a~platform.html",  # a 小计, and a 序号 column
        "docx/z2022-a~platform-word.docx",  # 总计 first, a 序号 column, figures with their unit
        "pdf/z2020-a~platform.pdf",  # 总计 first, on the PDF's grid
    ],
)
def test_table_three_is_read_in_the_columns_its_header_names(path: str) -> None:
    read = read_fixture(FIXTURES / path)
    gold = _gold(path.split("/")[1].split("~")[0])
    assert read["requests"] == gold["requests"]
    assert read["appeals"] == gold["appeals"]


def _table(*rows: list[tuple[str, int, int]]) -> TableBlock:
    return TableBlock([[Cell(text, "t", rowspan, colspan) for text, rowspan, colspan in row] for row in rows], "t")


HEAD = (
    [("项目", 2, 1), ("总计", 2, 1), ("自然人", 2, 1), ("法人或其他组织", 1, 5)],
    [("商业企业", 1, 1), ("科研机构", 1, 1), ("社会公益组织", 1, 1), ("法律服务机构", 1, 1), ("其他", 1, 1)],
)
ROW = [("一、本年新收", 1, 1), *((str(n), 1, 1) for n in (9, 2, 1, 1, 1, 1, 3))]


def test_a_row_is_put_in_template_order_and_the_table_after_it_is_not() -> None:
    appeals = _table([(str(n), 1, 1) for n in range(15)])
    doc = in_template_order(Document("x", "html", [_table(*HEAD, ROW), appeals]))
    assert doc.tables[0].texts()[-1] == ["一、本年新收", "2", "1", "1", "1", "1", "3", "9"]
    assert doc.tables[1].texts() == appeals.texts()


def test_a_header_that_names_a_column_twice_leaves_the_table_as_printed() -> None:
    twice = ([*HEAD[0], ("总计", 2, 1)], HEAD[1])
    table = _table(*twice, ROW)
    assert in_template_order(Document("x", "html", [table])).tables[0].texts() == table.texts()


def test_a_table_whose_spans_were_lost_is_left_as_printed() -> None:
    """Tab-separated text keeps no spans (a real report's text: 自然人 · 法人或其他组织 · 总计 over the
    five organisations, every cell one column wide): the titles' places say nothing, the table
    is read as printed."""
    rows = (
        [("项目", 1, 1), ("申请人情况", 1, 1)],
        [("", 1, 1), ("自然人", 1, 1), ("法人或其他组织", 1, 1), ("总计", 1, 1)],
        [
            ("", 1, 1),
            ("", 1, 1),
            *((label, 1, 1) for label in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")),
        ],
        [("一、本年新收", 1, 1), *((str(n), 1, 1) for n in (177, 7, 0, 0, 0, 0, 184))],
    )
    for fmt in ("text", "html"):
        table = _table(*rows)
        assert in_template_order(Document("x", fmt, [table])).tables[0].texts() == table.texts()
