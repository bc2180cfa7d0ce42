"""Table 三's last rows printed in two bands of columns (``ingest/banded_tail.py``): chromium's
print of an Excel-pasted table, after a page break, comes out of ``pdftotext``'s default mode as
each row's first columns with the labels, then, after the table's last label and a blank line,
the same rows' other columns; full-width figures wrap in their narrow cells (tails after the
band's row, a wrapped 总计's head before its row's one-line cells). Read on the real generated
fixture (holdout4's bureau print of 2024) and on a minimal flow of figures of that shape."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gongkai.ingest.banded_tail import _BandCutter, _fits
from gongkai.ingest.read import read_report
from gongkai.ingest.row_bands import Cutter
from gongkai.report.equations import requests_bound
from gongkai.report.templates import template_for_year

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "holdout4" / "fixtures"


def test_excel_print_last_rows_in_two_bands() -> None:
    gold = json.loads((FIXTURES / "gold" / "b2024-e.json").read_text(encoding="utf-8"))
    result = read_report(FIXTURES / "pdftotext" / "b2024-e~bureau.txt")
    assert result.report is not None
    data: dict[str, Any] = json.loads(result.report.to_json())
    assert data["requests"] == gold["requests"]  # twin heads (35 35 over 0 / 7) by the column sums too
    assert any(u["cell"] == "requests" and "two bands" in u["reason_en"] for u in data["uncertain"])


def _flow(table: dict[str, list[int]], rows: list[str], split: int, m: int) -> tuple[list[str], int]:
    """The figures of ``table`` as printed: rows before ``split`` whole, then the first ``m`` cells
    of the others, then their other cells (the band); a figure of 4 digits (3 in the last rows)
    wraps, its last digit a tail after its row, and the band's 总计 (wrapped) prints its head first."""
    texts: list[str] = []

    def part(cells: list[int], wide: int, head_first: bool) -> None:
        heads = [str(v)[:-1] if v >= wide else str(v) for v in cells]
        tails = [str(v)[-1] for v in cells if v >= wide]
        if head_first and cells[-1] >= wide:
            heads = heads[-1:] + heads[:-1]
        texts.extend(heads + tails)

    for key in rows[:split]:
        part(table[key], 1000, False)
    for key in rows[split:]:
        part(table[key][:m], 100, False)
    start = len(texts)
    for key in rows[split:]:
        part(table[key][m:], 100, True)
    return texts, start


def test_band_cut_reads_the_last_rows() -> None:
    template = template_for_year(2024)
    rows = [row.key for row in template.request_rows]
    gold = json.loads((FIXTURES / "gold" / "b2024-e.json").read_text(encoding="utf-8"))["requests"]
    texts, start = _flow(gold, rows, len(rows) - 4, 4)
    amounts = [int(t) for t in texts]
    cutter = Cutter(amounts, texts, rows, len(template.request_columns), requests_bound(template.id))
    bound = cutter.bound
    # read as one flow, no cut keeps the table's equations
    assert not [c for c in cutter.cuts(0, 0, ()) if bound.broken(dict(zip(rows, c, strict=True))) == 0]
    banded = _BandCutter(cutter, (start, len(amounts)))
    found = [c for c in banded.cuts(0, 0, ()) if bound.broken(dict(zip(rows, c, strict=True))) == 0]
    assert found and all(dict(zip(rows, map(list, c), strict=True)) == gold for c in found)


def test_band_must_hold_its_rows_cells() -> None:
    assert _fits(12, 3, 4) and _fits(24, 3, 4)  # 4 rows of 3 cells, up to 3 tails a row
    assert not _fits(11, 3, 4) and not _fits(25, 3, 4)
