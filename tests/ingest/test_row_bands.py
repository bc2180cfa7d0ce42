"""Table 三 of a Word print in ``pdftotext``'s default mode, read from its figures in printed order
cut into rows (``ingest/row_bands.py``), on the real generated fixtures: LibreOffice prints of a
department's Word report (holdout4's bureau, full-width digits wrapping in narrow cells, 自然人
cells printed with their tall labels a row or more early), a WPS-made Word report (publishers'
synth-2019-large, the last row's zeros out of place) and a city bureau's Word original (holdout6,
the 总计 cells of two rows printed a few rows later). The labels name the wrong figures there; the
rows cut where every row and column equation holds are the table, named in ``uncertain``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gongkai.ingest.read import read_report
from gongkai.ingest.row_bands import _zeros_anywhere

HERE = Path(__file__).resolve().parent


def _read(path: Path) -> dict[str, Any]:
    result = read_report(path)
    assert result.report is not None
    data: dict[str, Any] = json.loads(result.report.to_json())
    return data


@pytest.mark.parametrize(
    ("fixtures", "name"),
    [
        (HERE / "holdout4" / "fixtures", "b2020-c~bureau-word"),  # tails after heads, 自然人 a row early / late
        (HERE / "publishers" / "fixtures", "synth-2019-large~wps-word"),  # last row's zeros out of place
        (HERE / "holdout6" / "fixtures", "c2024-a~bureau-word"),  # two rows' 总计 printed rows later
    ],
)
def test_word_print_rows_cut_in_printed_order(fixtures: Path, name: str) -> None:
    gold = json.loads((fixtures / "gold" / f"{name.split('~')[0]}.json").read_text(encoding="utf-8"))
    data = _read(fixtures / "pdftotext" / f"{name}.txt")
    assert data["requests"] == gold["requests"]
    assert any(u["cell"] == "requests" for u in data["uncertain"])  # read by the cut: said so


def test_last_row_zeros_anywhere_keep_the_figures_order() -> None:
    moved = _zeros_anywhere((0, 2, 0, 0, 0, 5, 7))
    assert (0, 0, 2, 5, 0, 0, 7) in moved
    assert all([v for v in row if v] == [2, 5, 7] for row in moved)
    assert len(moved) == 35  # C(7, 3) places for the three figures
