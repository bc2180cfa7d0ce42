"""Table 四 set as one paragraph, its header's pieces then its figures (``ingest/appeal_paragraph.py``),
on pymupdf4llm's text of the eleventh hold-out's 公文 (``holdout11/generate.py``)."""

from __future__ import annotations

import json

import pytest

from gongkai.ingest.appeal_paragraph import _figures_after_header
from gongkai.ingest.read import read_report

from .holdout11 import FIXTURES


def test_table_four_as_one_paragraph_is_read_in_the_statutes_order_and_doubted() -> None:
    result = read_report(FIXTURES / "pymupdf4llm" / "c2020-a~gongwen.md")
    assert result.report is not None, result.error
    read = json.loads(result.report.to_json())
    gold = json.loads((FIXTURES / "gold" / "c2020-a.json").read_text("utf-8"))
    assert read["appeals"] == gold["appeals"]
    assert "appeals" in {u["cell"] for u in read["uncertain"]}


def test_only_header_pieces_then_exactly_the_cells_figures() -> None:
    header = "行政 复议 诉讼 结 结 其 尚 果 果 他 未 总 维 纠 结 审 计 持 正 果 结"
    figures = " ".join(["1"] * 15)
    assert _figures_after_header(f"{header} {figures}", 15) == [1] * 15
    assert _figures_after_header(f"{header} 1 {figures}", 15) is None  # a figure more
    assert _figures_after_header(f"本年度发生行政复议 3 件，行政诉讼 7 件。 {figures}", 15) is None
    assert _figures_after_header(f"{header} {' '.join(['1'] * 13)}", 15) is None  # figures short of the cells


def test_table_four_whose_first_header_row_the_converter_set_as_a_heading() -> None:
    # ``## 行政复议 行政诉讼`` / ``未经复议直接起诉 复议后后起诉 结果 … 2 0 0 1 3 4 2 1 2 9 7 0 1 1 9``: the
    # paragraph names 起诉 of the groups' titles but not 诉讼 (a scan's Word export, holdout15)
    fixtures = FIXTURES.parent.parent / "holdout15" / "fixtures"
    result = read_report(fixtures / "pymupdf4llm" / "s2021-a~ocr-word.md")
    assert result.report is not None, result.error
    read = json.loads(result.report.to_json())
    gold = json.loads((fixtures / "gold" / "s2021-a.json").read_text("utf-8"))
    assert read["appeals"] == gold["appeals"]
    assert "appeals" in {u["cell"] for u in read["uncertain"]}


@pytest.mark.parametrize(
    ("held", "name"),
    [
        ("holdout17", "k2022-a~catalogue-word"),  # 审结[总计]: a span pymupdf4llm marks apart
        ("holdout16", "b2023-b~portal-word"),
        ("holdout12", "x2019-a~excel-word"),  # a zero printed ``-``
        ("holdout12", "x2021-b~excel-word"),  # set as a one-row table; 行政复议's own total misprinted
    ],
)
def test_table_four_as_one_paragraph_of_a_word_print(held: str, name: str) -> None:
    fixtures = FIXTURES.parent.parent / held / "fixtures"
    result = read_report(fixtures / "pymupdf4llm" / f"{name}.md")
    assert result.report is not None, result.error
    read = json.loads(result.report.to_json())
    gold = json.loads((fixtures / "gold" / f"{name.split('~')[0]}.json").read_text("utf-8"))
    assert read["appeals"] == gold["appeals"]
    assert "appeals" in {u["cell"] for u in read["uncertain"]}


def test_table_four_whose_header_lines_markitdown_set_as_rows_above_its_figures() -> None:
    # a Word original's narrow header cells a character a line, each line a pipe row, the figures
    # in the last (``| 3 1 | 1 | 2 | 7 9 | 8 | …``): the rows joined are the one paragraph
    fixtures = FIXTURES.parent.parent / "holdout8" / "fixtures"
    result = read_report(fixtures / "markitdown" / "w2022-a~wechat-word.md")
    assert result.report is not None, result.error
    read = json.loads(result.report.to_json())
    gold = json.loads((fixtures / "gold" / "w2022-a.json").read_text("utf-8"))
    assert read["appeals"] == gold["appeals"]
    assert "appeals" in {u["cell"] for u in read["uncertain"]}
