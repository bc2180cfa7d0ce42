"""Table 二's rows whose labels ``pdftotext``'s flow prints one under the other before their figures
(``stacked_rows``; the eighth hold-out's WeChat articles): ``规章`` / ``行政规范性文件`` then
``119 5 4 14 119 188``, ``行政许可`` / ``行政处罚`` / ``行政强制`` then ``0 94 458``. Before, the
figures went to the last row, which printed too many, and all five rows stayed unknown."""

from __future__ import annotations

import json

import pytest

from gongkai.ingest.read import read_report

from .holdout8 import FIXTURES


@pytest.mark.parametrize("name", ["w2021-a", "w2025-a"])
def test_stacked_rows_are_read_in_the_one_plausible_order(name: str) -> None:
    result = read_report(FIXTURES / "pdftotext" / f"{name}~wechat.txt")
    assert result.report is not None
    gold = json.loads((FIXTURES / "gold" / f"{name}.json").read_text(encoding="utf-8"))["active"]
    for row in ("regulations", "normative_documents", "licensing", "punishment", "coercion"):
        assert result.report.active[row] == gold[row]
    doubts = {u.cell: u for u in result.report.uncertain}
    # column by column is read (in force >= made holds only so); row by row is offered, flagged
    assert doubts["active.regulations"].alternatives and doubts["active.normative_documents"].alternatives


def test_rows_printing_too_few_figures_are_left_to_the_labels() -> None:
    """w2024-a's two rows print two figures each (their last column printed after them, with its
    header): no stacked reading; ``late_column`` reads each row under the headers, flagged."""
    result = read_report(FIXTURES / "pdftotext" / "w2024-a~wechat.txt")
    assert result.report is not None
    gold = json.loads((FIXTURES / "gold" / "w2024-a.json").read_text(encoding="utf-8"))["active"]
    doubts = {u.cell: u for u in result.report.uncertain}
    for row in ("regulations", "normative_documents"):
        assert result.report.active[row] == gold[row]
        assert "last column" in doubts[f"active.{row}"].reason_en
        assert "one under the other" not in doubts[f"active.{row}"].reason_en  # not stacked_rows'
