"""Table 三's later rows' other columns printed as blocks after the table (``ingest/column_spill.py``),
read on the real generated fixture (holdout8's 微信公众号 page of 2020 printed at phone width)."""

from __future__ import annotations

from pathlib import Path

from .fixture_json import gold_json, read_json

FIXTURES = Path(__file__).resolve().parent / "holdout8" / "fixtures"


def test_later_rows_columns_as_blocks_past_table_four() -> None:
    """``ingest/column_spill.py``: table 三's first rows whole before their labels (总计 wrapped:
    ``180`` / ``0``), later rows two cells by their labels, their other columns as blocks among
    table 四's cells (``0 187`` / ``3``)."""
    gold = gold_json(FIXTURES, "w2020-a")
    data = read_json(FIXTURES / "pdftotext" / "w2020-a~wechat.txt")
    assert data["requests"] == gold["requests"]
    assert any(u["cell"] == "requests.total_processed" for u in data["uncertain"])
