"""Table 三 printed by ``pdftotext`` (default mode) as its rows' labels each with its 自然人 figure,
the other cells after the page's last row (``ingest/lead_tails.py``); and table 三's blocks read from
its header where a channel table's shares stand before it (``ingest/blocks_head.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.ingest.read import read_report

HERE = Path(__file__).parent


def _gold(set_name: str, stem: str) -> dict[str, list[int]]:
    gold = json.loads((HERE / set_name / "fixtures" / "gold" / f"{stem}.json").read_text())
    requests: dict[str, list[int]] = gold["requests"]
    return requests


@pytest.mark.parametrize("stem", ["v2020-a", "v2024-a"])
def test_rows_with_their_first_cell_then_the_rest(stem: str) -> None:
    """Flex rows: each label with its 自然人 figure, the page's other cells after its last row (row
    by row, or a few rows column by column): every cell read, and the reading said in uncertain."""
    result = read_report(HERE / "holdout9" / "fixtures" / "pdftotext" / f"{stem}~spa.txt")
    assert result.report is not None
    assert result.report.requests == _gold("holdout9", stem)
    assert any("自然人 cell beside their label" in u.reason_en for u in result.report.uncertain)


def test_blocks_read_from_the_header_past_a_channel_table() -> None:
    """A table of applications by channel (with shares, 14.3%) before table 三, whose columns come
    one block each, the last ones after table 四's heading: table 三 read whole."""
    result = read_report(HERE / "holdout8" / "fixtures" / "pdftotext" / "w2023-a~wechat.txt")
    assert result.report is not None
    assert result.report.requests == _gold("holdout8", "w2023-a")
