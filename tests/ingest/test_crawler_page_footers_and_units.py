"""Crawler text (a page's markup stripped, its cells run together) of a paged bureau report and of
tables whose cells carry their unit (``0件``).

* A row of blank cells right before a page's footer (``3.要求提供公开出版物——————— 第 4 页 共 5 页
  …年度报告``): no figure ends the row to cut after, so the footer and the running head stayed in
  the row's piece, and the row was lost (``table 三 has no row``).
* A row whose first cells run together before a cell with its unit (``一、本年新收政府信息公开申请数量
  181120件224``: 18 1 1 2 0件 2 24): the row's numbering (一、) was taken for a clause's comma
  and (七）总计's label was too short to name a row, so ``181120件`` stayed a phrase of the label.

The fixtures are the sixth hold-out's (``tests/ingest/holdout6``), generated and printed by the
real tools.
"""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.ingest.runon import cut_run_on
from gongkai.ingest.units import cells_with_units

from .holdout6 import FIXTURES
from .wild.scoring import read_fixture

CLASSES = ("crawler", "crawler-nospace")


def _read(cls: str, name: str) -> dict[str, Any]:
    return read_fixture(FIXTURES / cls / f"{name}.txt")


def test_a_page_footer_after_a_row_of_blank_cells_is_cut_off() -> None:
    line = (FIXTURES / "crawler" / "c2025-a~bureau.txt").read_text(encoding="utf-8")
    pieces = cut_run_on(max(line.splitlines(), key=len))
    assert "3.要求提供公开出版物———————" in pieces
    assert any(piece.startswith("第 4 页 共 5 页") for piece in pieces)


@pytest.mark.parametrize("cls", CLASSES)
def test_rows_before_a_page_footer_are_read(cls: str) -> None:
    assert _read(cls, "c2025-a~bureau")["requests"]["not_processed_publication"] == [0] * 7
    assert _read(cls, "c2020-b~bureau")["requests"]["not_processed_confirmation"] == [0] * 7


def test_a_figure_with_its_unit_after_a_numbered_row_label_is_a_cell() -> None:
    assert cells_with_units("一、本年新收政府信息公开申请数量181120件224").endswith("181120 224")
    assert cells_with_units("（七）总计171120件223") == "（七）总计171120 223"
    # a sentence's count stays as printed
    assert cells_with_units("共收到申请，一、本年新收政府信息公开申请数量18件，") == (
        "共收到申请，一、本年新收政府信息公开申请数量18件，"
    )


@pytest.mark.parametrize("cls", CLASSES)
def test_rows_with_unit_cells_after_numbered_labels_are_read(cls: str) -> None:
    requests = _read(cls, "c2024-a~bureau")["requests"]
    assert requests["new_received"] == [18, 1, 1, 2, 0, 2, 24]
    assert requests["total_processed"] == [17, 1, 1, 2, 0, 2, 23]
