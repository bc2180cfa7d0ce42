"""Table 二 flowed column by column (a header, then its column's figures), a one-row item's blank
column leaving two headers in a row before its one figure (``ingest/header_blocks.column_tail``),
read on the real generated fixtures: holdout2's gazette print of 2020 (行政事业性收费: 上一年项目数量
blank, 本年增/减 ``-1``) and holdout5's township print of 2020 (the same, ``11``)."""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.header_blocks import _items_by_fit, _runs, column_tail
from gongkai.ingest.read import read_document
from gongkai.ingest.records import ACTIVE, read_records, split_tables
from gongkai.report.templates import TEMPLATES

from .fixture_json import gold_json, read_json

HERE = Path(__file__).resolve().parent


def _cells(data: dict, row: str) -> dict:
    return data["active"][row]


def test_one_row_item_after_its_blank_column_read_gazette() -> None:
    fixtures = HERE / "holdout2" / "fixtures"
    data = read_json(fixtures / "pdftotext" / "g2020-c~gazette.txt")
    expected = {"previous_items": 0, "change": -1}
    assert _cells(data, "fees") == gold_json(fixtures, "g2020-c")["active"]["fees"] == expected
    named = {u["cell"] for u in data["uncertain"] if "column by column" in u["reason_en"]}
    assert named == {"active.fees.previous_items", "active.fees.change"}


def test_one_row_item_after_its_blank_column_read_township() -> None:
    fixtures = HERE / "holdout5" / "fixtures"
    data = read_json(fixtures / "pdftotext" / "t2020-b~township.txt")
    expected = {"previous_items": 0, "change": 11}
    assert _cells(data, "fees") == gold_json(fixtures, "t2020-b")["active"]["fees"] == expected


def _tails(path: Path, template: str) -> list[tuple[list[str], str]]:
    records = split_tables(read_records(read_document(path)))[ACTIVE]
    runs = _runs(TEMPLATES[template], records)
    _items_by_fit(TEMPLATES[template], runs)
    return [(run.fields, key) for run, key in column_tail(TEMPLATES[template], runs)]


def test_row_by_row_blocks_are_no_column_flow() -> None:
    # holdout3's county print of 2019 also prints 上一年项目数量 本年增/减 then one figure (9), but a
    # block of two headers there holds two figures row by row (12 -4): the flow is not shown to be
    # column by column, so the lone figure's column is left to the other readers.
    path = HERE / "holdout3" / "fixtures" / "pdftotext" / "c2019-a~county.txt"
    assert _tails(path, "2019") == []
    gazette = HERE / "holdout2" / "fixtures" / "pdftotext" / "g2020-c~gazette.txt"
    assert _tails(gazette, "2019") == [(["previous_items", "change"], "fees")]
