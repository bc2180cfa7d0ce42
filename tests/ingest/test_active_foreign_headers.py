"""Table 二's row whose figures come after ANOTHER item's column headers (pdfminer.six's flow of a
browser's PDF print: the labels of items 五, 六 and 八 together, then ``本年处理决定数量`` / ``1339`` /
``本年处理决定数量`` / ``0`` / ``421`` / ``本年收费金额（单位：万元）`` / ``665.9``): the label
reading gives 行政事业性收费 the licensing figure; that reading is named in ``uncertain``."""

from __future__ import annotations

import json

import pytest

from gongkai.ingest.read import read_report

from .holdout17 import FIXTURES


@pytest.mark.parametrize("report", ["k2021-a", "k2024-a"])
def test_a_row_read_under_another_items_headers_is_in_doubt(report: str) -> None:
    gold = json.loads((FIXTURES / "gold" / f"{report}.json").read_text("utf-8"))
    result = read_report(FIXTURES / "pdfminer" / f"{report}~catalogue.txt")
    assert result.report is not None
    read = json.loads(result.report.to_json())
    fees = read["active"]["fees"]["amount_10k_yuan"]
    doubted = {entry["cell"] for entry in read["uncertain"]}
    assert (
        fees == gold["active"]["fees"]["amount_10k_yuan"]
        or {
            "active.fees",
            "active.fees.amount_10k_yuan",
        }
        & doubted
    )


def test_a_row_under_its_own_items_headers_is_not_doubted_for_it() -> None:
    result = read_report(FIXTURES / "pypdf" / "k2021-a~catalogue.txt")
    assert result.report is not None
    assert not any("another item's column headers" in entry.reason_en for entry in result.report.uncertain)
