"""Table 三 printed row by row with tall rows' first cells beside their wrapped labels
(``ingest/beside_labels.py``): ``pdftotext``'s default mode of a Word print of a spreadsheet's
table sets such a cell on its label's middle line (``认或重新出具已 340``), or joins its dash away
as a hyphen. Read on the real generated fixture of holdout12."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gongkai.ingest.beside_labels import _cuts
from gongkai.ingest.read import read_report

FIXTURES = Path(__file__).resolve().parent / "holdout12" / "fixtures"


def test_first_cells_beside_labels_put_back() -> None:
    gold = json.loads((FIXTURES / "gold" / "x2021-b.json").read_text(encoding="utf-8"))["requests"]
    result = read_report(FIXTURES / "pdftotext" / "x2021-b~excel-word.txt")
    assert result.report is not None
    data: dict[str, Any] = json.loads(result.report.to_json())
    assert data["requests"] == gold
    cells = {u["cell"] for u in data["uncertain"]}
    assert "requests.other_no_correction[0]" in cells  # the dash joined away: a 0 from the sums, said


def test_cut_needs_the_row_sums() -> None:
    """Two rows of three (a + b = total): the second's first cell beside a label, taken in order;
    a flow whose short row does not add up to a figure beside a label is not cut."""
    inside = [[1, 1, -1]]
    flow, beside = [0, 1, 2, 4, 5], [3]
    amounts = [2, 3, 5, 4, 2, 6]  # row 2: 4 beside, then 2 and 6
    assert _cuts(amounts, flow, beside, 2, 3, inside) == [((0, 1, 2), (3, 4, 5))]
    assert _cuts([2, 3, 5, 9, 2, 6], flow, beside, 2, 3, inside) == []
