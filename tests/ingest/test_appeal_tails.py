"""Table 四's flowed heads with the wrapped tails printed after them (``ingest/appeal_tails.py``),
read on the real generated fixture (holdout4's bureau print of 2022: ``２`` … over ``０`` is 20)."""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.appeal_tails import tail_readings

from .fixture_json import gold_json, read_json

FIXTURES = Path(__file__).resolve().parent / "holdout4" / "fixtures"


def test_tails_after_table_four_joined_back() -> None:
    gold = gold_json(FIXTURES, "b2022-c")
    data = read_json(FIXTURES / "pdftotext" / "b2022-c~bureau.txt")
    assert data["appeals"] == gold["appeals"]  # review total 20, 26 and 10 from their tails
    assert any(u["cell"] == "appeals" and "tails" in u["reason_en"] for u in data["uncertain"])


def test_tails_the_sums_cannot_place_stay_open() -> None:
    heads = ["1", "1", "0", "0", "1", "1", "0", "0", "0", "1", "1", "0", "0", "0", "1"]
    rest = (1, 0, 0, 0, 1, 1, 0, 0, 0, 1)
    # 0 then 1 printed after: 10 1 · · 11 or 1 10 · · 11, both adding up (the cells left unknown)
    assert tail_readings(heads, ["0", "1"], 5) == {(10, 1, 0, 0, 11, *rest), (1, 10, 0, 0, 11, *rest)}
    assert tail_readings(heads, ["5"], 5) == set()  # no join adds up: not this shape
