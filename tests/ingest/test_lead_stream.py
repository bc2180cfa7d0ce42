"""Table 三 printed by ``pdftotext`` (default mode) from a Word table with wrapped labels: each row's
first cell beside its label's first line, its other cells in one stream in row order
(``ingest/lead_stream.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.ingest.read import read_report

HERE = Path(__file__).parent
FIXTURES = HERE / "holdout16" / "fixtures"


def _gold(stem: str) -> dict[str, list[int]]:
    requests: dict[str, list[int]] = json.loads((FIXTURES / "gold" / f"{stem}.json").read_text())["requests"]
    return requests


def _read(stem: str) -> tuple[dict[str, list[int | None]], list[tuple[str, str]]]:
    result = read_report(FIXTURES / "pdftotext" / f"{stem}~portal-word.txt")
    assert result.report is not None
    return result.report.requests, [(u.cell, u.reason_en) for u in result.report.uncertain]


def test_leads_moved_by_a_tall_label_and_a_total_printed_first() -> None:
    """Leads of 予以公开 / 部分公开 printed after row 7 (their tails in place), a tall row's 总计
    before its other cells (``46`` / labels / ``26 7 1 0 6 6``), the last row's 总计 past table 四's
    heading: every cell read, the reading said in uncertain."""
    requests, uncertain = _read("b2023-b")
    assert requests == _gold("b2023-b")
    assert any("first cell beside their label's first line" in why for _, why in uncertain)


def test_a_lead_printed_apart_from_its_label() -> None:
    """2.重复申请's 自然人 figure printed alone under another label's last line: given to the one
    row printing no lead where every row adds up."""
    requests, _ = _read("b2019-a")
    assert requests == _gold("b2019-a")


@pytest.mark.parametrize("stem", ["b2022-a"])
def test_a_row_of_a_report_contradicting_itself(stem: str) -> None:
    """The 总计 row does not add up in the report itself: read as printed, and doubted by name."""
    requests, uncertain = _read(stem)
    assert requests == _gold(stem)
    assert any(cell == "requests.total_processed" and "do not add up" in why for cell, why in uncertain)
