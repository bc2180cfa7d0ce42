"""Table 三 of a Word print in ``pdftotext``'s default mode, read from its figures in printed order
cut into rows (``ingest/row_bands.py``), on the real generated fixtures: LibreOffice prints of a
department's Word report (holdout4's bureau, full-width digits wrapping in narrow cells, 自然人
cells printed with their tall labels a row or more early), a WPS-made Word report (publishers'
synth-2019-large, the last row's zeros out of place) and a city bureau's Word original (holdout6,
the 总计 cells of two rows printed a few rows later). The labels name the wrong figures there; the
rows cut where every row and column equation holds are the table, named in ``uncertain``."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from gongkai.ingest.row_bands import Cutter, _zeros_anywhere
from gongkai.report.equations import requests_bound
from gongkai.report.templates import get_template
from tests.ingest.fixture_json import read_json

HERE = Path(__file__).resolve().parent


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
    data = read_json(fixtures / "pdftotext" / f"{name}.txt")
    assert data["requests"] == gold["requests"]
    assert any(u["cell"] == "requests" for u in data["uncertain"])  # read by the cut: said so


def test_last_row_zeros_anywhere_keep_the_figures_order() -> None:
    moved = _zeros_anywhere((0, 2, 0, 0, 0, 5, 7))
    assert (0, 0, 2, 5, 0, 0, 7) in moved
    assert all([v for v in row if v] == [2, 5, 7] for row in moved)
    assert len(moved) == 35  # C(7, 3) places for the three figures


def test_joins_built_only_where_the_row_adds_up() -> None:
    # 12 2 3 4 5 60 86 printed as 1 2 3 4 5 6 8 with the wrapped tails 2 0 6 (the last after the 8):
    # only the joins that make the row's 总计 the sum of its cells are built, each that the
    # exhaustive search finds
    bound = requests_bound("2021")
    key = get_template("2021").request_rows[0].key
    texts = ["1", "2", "3", "4", "5", "6", "2", "0", "8", "6"]
    amounts = [int(t) for t in texts]
    cutter = Cutter(amounts, texts, [key], 7, bound)
    cells, tails = [0, 1, 2, 3, 4, 5, 8], [6, 7, 9]
    found = cutter._joined(0, cells, tails)
    check = bound.row_check(key)
    every = []
    for heads in itertools.combinations(range(7), 3):
        row = [amounts[i] for i in cells]
        for h, t in zip(heads, tails, strict=True):
            row[h] = row[h] * 10 ** len(texts[t]) + amounts[t]
        if all(cells[h] < t for h, t in zip(heads, tails, strict=True)) and check(row):
            every.append(tuple(row))
    assert found == every
    assert (12, 2, 3, 4, 5, 60, 86) in found
    assert len(found) == 3  # of the 35 ways (12 2 … 60 86, 1 22 … 50 6 86, 1 2 32 40 … 86)
