"""A table 二 item's last column printed after its rows, its header with it (``ingest/late_column.py``),
read on the real generated fixture (holdout8's 微信公众号 page of 2024 printed at phone width:
``规章`` / ``2788`` / ``67`` …, then past the note ``现行有效件数`` / ``2788`` / ``14272*``)."""

from __future__ import annotations

from pathlib import Path

from .fixture_json import gold_json, read_json

FIXTURES = Path(__file__).resolve().parent / "holdout8" / "fixtures"


def test_last_column_after_the_rows_read_under_its_header() -> None:
    gold = gold_json(FIXTURES, "w2024-a")
    data = read_json(FIXTURES / "pdftotext" / "w2024-a~wechat.txt")
    for row in ("regulations", "normative_documents"):
        assert data["active"][row] == gold["active"][row]
        assert any(u["cell"] == f"active.{row}" for u in data["uncertain"])
