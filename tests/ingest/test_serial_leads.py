"""Table 三 printed by ``pdftotext`` (default mode) as its rows' labels each with its first two
figures among the 序号 numbers, the other cells after the last label (``ingest/serial_leads.py``)."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.lead_tails import _orders
from gongkai.ingest.read import read_report
from gongkai.ingest.serial_leads import _mixed_orders, _parses

HERE = Path(__file__).parent


def test_rows_with_two_lead_figures_among_serials() -> None:
    """Flex rows printing 自然人 and 商业企业 beside each label, the row's 序号 before or after
    them, the rest of every row after the last label (the last rows' first columns column by
    column, their last ones row by row): every cell read, the reading said in uncertain."""
    result = read_report(HERE / "holdout7" / "fixtures" / "pdftotext" / "z2024-a~platform.txt")
    assert result.report is not None
    gold = json.loads((HERE / "holdout7" / "fixtures" / "gold" / "z2024-a.json").read_text())
    assert result.report.requests == gold["requests"]
    assert any("among the 序号 numbers" in u.reason_en for u in result.report.uncertain or [])


def test_serial_parse_bounded_and_mixed_orders() -> None:
    """The parse gives up where the 序号 numbers could stand too many ways (no enumeration); the
    mixed orders add the cuts of the columns to ``lead_tails``' two."""
    from gongkai.ingest.numbers import CellKind, CellValue
    from gongkai.ingest.records import Token

    def token(n: int) -> Token:
        return Token(str(n), "line 1", CellValue(CellKind.NUMBER, n))

    twice = [token(n) for n in range(1, 21) for _ in range(2)]  # each row "m m": 2 ** 20 readings
    assert _parses(twice, 20, 1) == []  # too many ways: not read
    assert len(_parses(twice[:6], 3, 1)) == 8
    assert len(_mixed_orders(4, 5)) == len(_orders(4, 5)) + 3
    assert sorted(_mixed_orders(4, 5)[2].tolist()) == list(range(20))
