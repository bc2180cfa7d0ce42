"""Tables 二 and 三 of a PDF-to-Markdown converter's pipe tables (``serials``, ``column_order``,
``pipe_titles``): pymupdf4llm drops the 序号 title and keeps the numbers as a first column
(z2021-a's 本年新收 read 85 for 商业企业's 0); pipe tables keep no spans, so table 三's 总计 printed
first or a 小计 column were read in the template's order; markitdown cuts the titles into pieces
(商业 over 企业, ``其 小`` over ``他 计``) and joins two columns' figures in one cell (``81 166``).

The fixtures are the seventh hold-out's (``tests/ingest/holdout7``): the platform's PDF and its
Word original's PDF, converted by the real tools.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from gongkai.ingest.column_order import in_template_order
from gongkai.ingest.document import Cell, Document, TableBlock
from gongkai.ingest.serials import without_serials

from .holdout7 import FIXTURES
from .wild.scoring import read_fixture


def _gold(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    "path",
    [
        "pymupdf4llm/z2024-a~platform.md",  # the 序号 numbers without their title
        "pymupdf4llm/z2019-a~platform.md",  # tables 二 and 三 in one pipe table: numbers from 1 twice
        "pymupdf4llm/z2021-a~platform.md",  # no 序号 title, and a 小计 column
        "pymupdf4llm/z2021-a~platform-word.md",  # the header a pipe table of its own, a 小计
        "pymupdf4llm/z2025-a~platform.md",  # 总计 first
        "markitdown/z2021-a~platform.md",  # 其 小 over 他 计, figures 81 166 in one cell
        "markitdown/z2021-a~platform-word.md",  # 科研 社会公 over 机构 益组织, a 小计
    ],
)
def test_table_three_of_a_pipe_table_is_read_in_its_printed_columns(path: str) -> None:
    read = read_fixture(FIXTURES / path)
    assert read["requests"] == _gold(path.split("/")[1].split("~")[0])["requests"]


def _pipe(*rows: list[str]) -> TableBlock:
    return TableBlock([[Cell(text, "t") for text in row] for row in rows], "t", piped=True)


ORGS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]


def test_numbers_running_down_a_pipe_table_are_taken_out_without_a_title() -> None:
    rows = [["", "", "自然人", *ORGS, "总计"]] + [
        [str(n), f"{label}", *(str(n * 10 + c) for c in range(7))] for n, label in enumerate("甲乙丙", 1)
    ]
    out = without_serials(Document("x", "markdown", [_pipe(*rows)])).tables[0].texts()
    assert [row[0] for row in out[1:]] == ["甲", "乙", "丙"]
    # two numbers only, or a row of figures without its number: no run, read as printed
    for table in (_pipe(*rows[:3]), _pipe(*rows, ["", "丁", *("1" for _ in range(7))])):
        assert without_serials(Document("x", "markdown", [table])).tables[0].texts() == table.texts()


def test_a_pipe_header_states_the_order_by_the_columns_its_titles_stand_in() -> None:
    head = [["项目", "", "总\n计", "自然\n人", "", "", "", "", ""], ["", "", "", "", *ORGS]]
    row = ["一、本年新收", "", "9", "2", "1", "1", "1", "1", "3"]
    doc = in_template_order(Document("x", "markdown", [_pipe(*head, row)]))
    assert doc.tables[0].texts()[-1] == ["一、本年新收", "", "2", "1", "1", "1", "1", "3", "9"]


def test_pipe_title_rows_of_different_widths_place_nothing() -> None:
    """pymupdf4llm's Word table with the first header row cut short (自然人 · 法人或其他组织 · 总计
    in four cells, the five organisations under them in ten): the places say nothing."""
    head = [["", "自然人", "法人或其他组织", "总计"], ["", "", "", "", *ORGS, ""]]
    table = _pipe(*head, ["一、本年新收", "", "", "19", "5", "1", "6", "5", "7", "43"])
    assert in_template_order(Document("x", "markdown", [table])).tables[0].texts() == table.texts()


def test_titles_stacked_in_one_column_state_no_order_between_them() -> None:
    """markitdown's 总 / 其 / 计 / 他 down one column: which of 总计 and 其他 is left of the other the
    pieces do not say (the figures share the cell too); the template's order stays."""
    head = [
        ["", "自然", "商业企", "科研机", "社会公益", "法律服务", "总"],
        ["", "人", "业", "构", "组织", "机构", "其"],
    ]
    head.append(["", "", "", "", "", "", "计"])
    head.append(["", "", "", "", "", "", "他"])
    table = _pipe(*head, ["一、本年新收", "19", "5", "1", "6", "5", "7 43"])
    assert in_template_order(Document("x", "markdown", [table])).tables[0].texts() == table.texts()
