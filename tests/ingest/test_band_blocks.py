"""Table 三 printed in bands of column blocks with the dash zeros dropped (``ingest/band_blocks.py``):
``pdftotext``'s default mode of an Excel web-page export printed to PDF gives the rows between two
group headings, page by page, column by column, each column's block without its dashes (an
all-dash column one dash, set halfway down on the next column's line). Read on the real generated
fixtures of holdout12, and the gate on a table printed row by row."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gongkai.ingest.band_blocks import Printed, _Bands
from gongkai.ingest.block_orders import row_equations
from gongkai.ingest.read import read_report
from gongkai.report.equations import requests_bound
from gongkai.report.templates import template_for_year

FIXTURES = Path(__file__).resolve().parent / "holdout12" / "fixtures"


def _read(name: str, gold_name: str) -> tuple[dict[str, Any], dict[str, list[int]]]:
    gold = json.loads((FIXTURES / "gold" / f"{gold_name}.json").read_text(encoding="utf-8"))["requests"]
    result = read_report(FIXTURES / "pdftotext" / f"{name}.txt")
    assert result.report is not None
    return json.loads(result.report.to_json()), gold


@pytest.mark.parametrize(
    ("name", "gold_name", "exact"),
    [
        # (三)'s and (四)'s all-zero rows: where in their band nothing in the figures says
        ("x2024-a~excel", "x2024-a", ["new_received", "granted", "not_processed_petition", "other_other"]),
        # only 自然人 and 总计 hold figures: a zero row among (三)3–8 is not placed by any sum
        ("x2021-a~excel", "x2021-a", ["new_received", "carried_over", "unavailable_not_held", "total_processed"]),
        # the 2019 template; an all-dash column's dash on the 总计 column's middle line
        ("x2019-a~excel", "x2019-a", ["new_received", "partially_granted", "other", "carried_forward"]),
    ],
)
def test_bands_read_with_zeros_placed(name: str, gold_name: str, exact: list[str]) -> None:
    data, gold = _read(name, gold_name)
    assert any(u["cell"] == "requests" and "bands" in u["reason_en"] for u in data["uncertain"])
    doubts = {u["cell"]: u for u in data["uncertain"]}
    for key, row in gold.items():
        for column, value in enumerate(row):
            read = data["requests"][key][column]
            if read is None:  # left unknown: the printed value among the alternatives
                alternatives = doubts[f"requests.{key}[{column}]"]["alternatives"]
                assert [value] in alternatives, (key, column)
            else:
                assert read == value, (key, column)
    for key in exact:
        assert data["requests"][key] == gold[key]


def _printed(blocks: list[list[int]]) -> Printed:
    placed = [[(v, 0) for v in block] for block in blocks]
    return Printed([], placed, [0] * len(blocks), {})


def test_rows_printed_in_order_find_no_band() -> None:
    """A table printed row by row, a row a block (21 rows: a multiple of the columns), is no
    print in bands: no cut of the rows reads it with every row adding up."""
    template = template_for_year(2021)
    gold = json.loads((FIXTURES / "gold" / "x2024-a.json").read_text(encoding="utf-8"))["requests"]
    keys = [row.key for row in template.request_rows]
    width = len(template.request_columns)
    inside = row_equations(requests_bound(template.id), keys, width)
    assert inside is not None
    blocks = [[v for v in gold[key] if v] for key in keys[:21]]  # each row's figures, dashes dropped
    search = _Bands(_printed(blocks), template, inside)
    assert search.parses() == []


def test_band_cut_places_a_zero_row_by_its_sums() -> None:
    """A band of three rows: 商业企业's block 3 4 lost one dash above its last figure (the block's
    last line keeps its dash, pdftotext joins the others away as hyphens); the rows' sums say
    it was the first row's."""
    template = template_for_year(2021)
    keys = [row.key for row in template.request_rows]
    width = len(template.request_columns)
    inside = row_equations(requests_bound(template.id), keys, width)
    assert inside is not None
    search = _Bands(_printed([[2, 5, 1], [3, 4], [0], [0], [0], [0], [2, 8, 5]]), template, inside)
    placed = search.band(0, 3, 0)
    assert len(placed) == 1
    assert [row[1] for row in placed[0]] == [-1, 0, 0]  # no figure, then the block's 3 and 4


def test_zeros_printed_as_digits_are_no_bands() -> None:
    """A table whose zeros are printed ``0`` (holdout11's 公文 print, each cell a block) lost no
    zero: the band reader does not fire (it once read a 2 a row early there)."""
    path = FIXTURES.parent.parent / "holdout11" / "fixtures" / "pdftotext" / "c2020-b~gongwen.txt"
    result = read_report(path)
    assert result.report is not None
    assert not any("bands" in u.reason_en for u in result.report.uncertain if u.cell == "requests")
    gold = json.loads((path.parent.parent / "gold" / "c2020-b.json").read_text(encoding="utf-8"))["requests"]
    assert result.report.requests["unavailable_not_held"] == gold["unavailable_not_held"]
