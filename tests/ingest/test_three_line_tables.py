"""A 县 department's 公文 typeset in WPS (the eleventh hold-out's style): 三线表 tables with no
vertical rule, no cell border and nothing merged, 分散对齐 labels, narrow columns whose header cells
wrap. The files are the hold-out's own (printed by chromium and LibreOffice, turned into text by
pdftotext and pymupdf4llm); each case failed before the reader was changed for it."""

from __future__ import annotations

import json

from gongkai.ingest.read import read_report

from .holdout11 import FIXTURES


def _read(cls: str, name: str) -> tuple[dict, dict]:
    path = next((FIXTURES / cls).glob(f"{name}.*"))
    result = read_report(path)
    assert result.report is not None, result.error
    gold = json.loads((FIXTURES / "gold" / f"{name.split('~')[0]}.json").read_text(encoding="utf-8"))
    return json.loads(result.report.to_json()), gold


def test_a_money_unit_wrapped_to_the_line_below_is_the_columns_unit() -> None:
    """``采购总金额（单位：`` over ``万元）``: the amount is in 万元, not 元."""
    for cls, name in (("pdftotext-layout", "c2019-a~gongwen"), ("pdf", "c2019-a~gongwen-word")):
        read, gold = _read(cls, name)
        assert read["active"]["procurement"] == gold["active"]["procurement"], (cls, name)


def test_a_unit_no_header_took_is_read_with_a_doubt() -> None:
    """``采购项目数 采购总金额（单位：万`` / ``量   元）``: the two header cells run together, the
    万元 they print is the amount's, and the reading says so."""
    read, gold = _read("pdftotext-layout", "c2019-a~gongwen-word")
    assert read["active"]["procurement"]["amount_yuan"] == gold["active"]["procurement"]["amount_yuan"]
    assert any(u["cell"] == "active.procurement.amount_yuan" for u in read["uncertain"])


def test_header_cells_in_the_order_they_stand_not_the_order_their_lines_come() -> None:
    """A two-line header cell's first line stands above the one-line cells beside it: pdfium gives
    it first; the columns are still 采购项目数量 then 采购总金额."""
    read, gold = _read("pdf", "c2020-a~gongwen")
    assert read["active"]["procurement"] == gold["active"]["procurement"]


def test_a_header_line_of_wide_apart_cells_starts_table_three() -> None:
    """``自然人         其他组     总 计`` came as one label: its cells say table 三 begins, so the
    rows under it (一、本年新收 …) are table 三's, not table 二's."""
    for cls in ("pdftotext-layout", "pdf"):
        read, gold = _read(cls, "c2023-a~gongwen")
        for key in ("new_received", "carried_over", "granted", "partially_granted"):
            assert read["requests"][key] == gold["requests"][key], (cls, key)


def test_figures_beside_the_middle_of_a_wrapped_label() -> None:
    """pymupdf4llm's row a line: ``1.申请人无正`` / ``当理由逾期不`` / ``（六）其他处理 | 补正、行政机
    关不再处理其 | 1 | 0 …``: the figures are row 1.'s, the heading beside them names no row."""
    for name in ("c2025-a~gongwen", "c2022-a~gongwen-word"):
        read, gold = _read("pymupdf4llm", name)
        assert read["requests"]["other_no_correction"] == gold["requests"]["other_no_correction"], name
