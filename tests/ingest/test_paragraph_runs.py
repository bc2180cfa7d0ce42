"""Table 三 printed by ``pdftotext`` (default mode) with its figures apart from its labels, in
paragraphs: a row's cells a line each, or a run of rows a column a paragraph
(``ingest/paragraph_runs.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.ingest.paragraph_runs import _cuts
from gongkai.ingest.read import read_report

HERE = Path(__file__).parent
FIXTURES = HERE / "holdout11" / "fixtures"


def _gold(stem: str) -> dict[str, list[int]]:
    gold = json.loads((FIXTURES / "gold" / f"{stem}.json").read_text())
    requests: dict[str, list[int]] = gold["requests"]
    return requests


@pytest.mark.parametrize("stem", ["c2023-a", "c2020-b"])
def test_figures_in_paragraphs_read_whole(stem: str) -> None:
    """A 三线表 in a 公文 whose wrapped labels stand in blocks apart from the figures: each row's
    cells a paragraph a line each, or two or three rows a column a paragraph; every cell read (one
    row of c2023-a misses its 总计 as the report printed it), and the reading said in uncertain."""
    result = read_report(FIXTURES / "pdftotext" / f"{stem}~gongwen.txt")
    assert result.report is not None
    assert result.report.requests == _gold(stem)
    assert any("apart from its labels" in u.reason_en for u in result.report.uncertain)


def test_cuts_of_paragraphs() -> None:
    """Seven paragraphs of two lines are two rows printed a column at a time; one paragraph of
    fourteen lines is two rows printed whole; seven of seven may be either, for the equations."""
    assert _cuts([2] * 7, 7, 2) == [[(0, True)]]
    assert _cuts([14], 7, 2) == [[(0, False)]]
    assert _cuts([1] * 7 + [2] * 7, 7, 3) == [[(0, True), (7, True)]]
    assert sorted(_cuts([7] * 7, 7, 7)) == sorted([[(i, False) for i in range(7)], [(0, True)]])
    assert _cuts([2] * 6, 7, 2) == []  # a column missing: not this layout
