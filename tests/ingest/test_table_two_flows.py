"""Table cells ``pdftotext``'s default flow prints away from their rows, read on the real
generated fixtures:

* ``ingest/stacked_items``: an old site's 行政事业性收费 and 政府集中采购 stacked in the same two
  columns, flowed column by column (``0`` / 第二十条第（九）项 / 采购项目数量 / ``24`` / ``1762`` /
  采购总金额 / ``64,796.43``); the block reading left 行政事业性收费 unknown and 采购项目数量 0.
* ``ingest/item_figures``: a Word print's 行政事业性收费 whose figures follow its item's mark, the
  header broken by a page and the row's label printed after the next item's row.
* ``ingest/money_past_heading``: a PDF library's 2021 行政事业性收费 whose one money figure comes
  only after table 三's heading and its sentence (``153.83``); the labels read it 0.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.ingest.header_blocks import _items_by_fit, _runs
from gongkai.ingest.read import read_document
from gongkai.ingest.records import ACTIVE, read_records, split_tables
from gongkai.ingest.stacked_items import stacked_pairs
from gongkai.report.templates import TEMPLATES

from .fixture_json import gold_json, read_json

HERE = Path(__file__).resolve().parent
PUBLISHERS = HERE / "publishers" / "fixtures"
VARIANTS = HERE / "pdfvariants" / "fixtures"


@pytest.mark.parametrize("report", ["synth-2019-huge", "001_cf5ac85f95ca13ec"])
def test_stacked_items_read_column_by_column(report: str) -> None:
    data = read_json(PUBLISHERS / "pdftotext" / f"{report}~plain.txt")
    gold = gold_json(PUBLISHERS, report)["active"]
    for row in ("fees", "procurement"):
        assert data["active"][row] == gold[row]
    named = {u["cell"] for u in data["uncertain"] if "column by column top to bottom" in u["reason_en"]}
    assert named == {
        "active.fees.previous_items",
        "active.fees.change",
        "active.procurement.projects",
        "active.procurement.amount_yuan",
    }


def test_row_by_row_blocks_are_no_stacked_items() -> None:
    # The layout-mode text of the same page prints each row on its line: no such runs.
    for name in ("pdftotext", "pdftotext-layout"):
        path = PUBLISHERS / name / "synth-2019-tiny~wps.txt"
        records = split_tables(read_records(read_document(path)))[ACTIVE]
        runs = _runs(TEMPLATES["2019"], records)
        _items_by_fit(TEMPLATES["2019"], runs)
        assert stacked_pairs(TEMPLATES["2019"], runs) == []


@pytest.mark.parametrize("fixture", ["v2021-c~fpdf-lines-vertical", "v2021-d~fpdf-horizontal"])
def test_money_past_table_three_heading(fixture: str) -> None:
    data = read_json(VARIANTS / "pdftotext" / f"{fixture}.txt")
    gold = gold_json(VARIANTS, fixture.split("~")[0])["active"]["fees"]
    assert data["active"]["fees"] == gold
    assert gold["amount_10k_yuan"] > 0
    assert any(
        u["cell"] == "active.fees.amount_10k_yuan" and "after table 三's heading" in u["reason_en"]
        for u in data["uncertain"]
    )


def test_interleaved_rows_misread_in_printed_order() -> None:
    # ``ingest/interleaved_rows`` (table 三, not 二): the old site's （七）总计 and 结转下年度 lines
    # printed in turn (``26`` / ``0`` / ``/`` / ``/`` … ``/ 26`` / ``/ 0``) were read seven to a row,
    # neither row adding up; the split of the lines into the two rows that adds up replaces it.
    data = read_json(PUBLISHERS / "pdftotext" / "shuyang-fgj-2023~plain.txt")
    gold = gold_json(PUBLISHERS, "shuyang-fgj-2023")["requests"]
    for row in ("total_processed", "carried_forward"):
        assert data["requests"][row] == gold[row]
    named = {u["cell"] for u in data["uncertain"] if "a line of each in turn" in u["reason_en"]}
    assert named == {"requests.total_processed", "requests.carried_forward"}


@pytest.mark.parametrize("report", ["002_7c7920e851bb8139", "synth-2019-large"])
def test_item_figures_after_its_mark(report: str) -> None:
    # ``ingest/item_figures``: a Word print's 行政事业性收费 header broken by a page (``上一年项目数``
    # … 第二十条第（八）项 / ``量`` / its two figures), its label printed after the next item's row.
    data = read_json(PUBLISHERS / "pdftotext" / f"{report}~wps-word.txt")
    gold = gold_json(PUBLISHERS, report)["active"]["fees"]
    assert data["active"]["fees"] == gold
    assert any(gold.values())
    named = {u["cell"] for u in data["uncertain"] if "follow its item's mark" in u["reason_en"]}
    assert named == {"active.fees.previous_items", "active.fees.change"}
