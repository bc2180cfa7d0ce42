"""Table 四's flowed heads with the wrapped tails printed after them (``ingest/appeal_tails.py``),
read on the real generated fixture (holdout4's bureau print of 2022: ``２`` … over ``０`` is 20)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gongkai.ingest.appeal_tails import tail_readings
from gongkai.ingest.read import read_report

FIXTURES = Path(__file__).resolve().parent / "holdout4" / "fixtures"


def test_tails_after_table_four_joined_back() -> None:
    gold = json.loads((FIXTURES / "gold" / "b2022-c.json").read_text(encoding="utf-8"))
    result = read_report(FIXTURES / "pdftotext" / "b2022-c~bureau.txt")
    assert result.report is not None
    data: dict[str, Any] = json.loads(result.report.to_json())
    assert data["appeals"] == gold["appeals"]  # review total 20, 26 and 10 from their tails
    assert any(u["cell"] == "appeals" and "tails" in u["reason_en"] for u in data["uncertain"])


def test_tails_the_sums_cannot_place_stay_open() -> None:
    heads = ["1", "1", "0", "0", "1", "1", "0", "0", "0", "1", "1", "0", "0", "0", "1"]
    rest = (1, 0, 0, 0, 1, 1, 0, 0, 0, 1)
    # 0 then 1 printed after: 10 1 · · 11 or 1 10 · · 11, both adding up (the cells left unknown)
    assert tail_readings(heads, ["0", "1"], 5) == {(10, 1, 0, 0, 11, *rest), (1, 10, 0, 0, 11, *rest)}
    assert tail_readings(heads, ["5"], 5) == set()  # no join adds up: not this shape
