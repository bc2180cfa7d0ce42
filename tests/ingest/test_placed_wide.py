"""Rows of a laid-out table 三 placed by where their figures stand, read again on every placement
where those places break the table's sums (``placed_wide``): a Word table split over two pages,
each page's part on a scale of its own."""

from __future__ import annotations

import json

from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.placed import placed_readings
from gongkai.ingest.placed_wide import PlacedRow, placed_wide
from gongkai.ingest.read import read_report
from gongkai.ingest.row_reading import Reading, Slot
from gongkai.ingest.table_choice import Choice
from gongkai.report.equations import requests_bound

from .holdout2 import FIXTURES

NAME = "g2020-c~gazette-word"


def test_a_page_placed_a_column_off_is_read_by_the_sums() -> None:
    # the first page's header is closed up: its figures stand a column right of where the usual
    # proportions put 科研 and 社会公益 (39 29 read in 社会公益 and 法律服务); the second page's
    # rows, 总计 among them, are placed right, and only the first page's true columns add up
    path = FIXTURES / "pdftotext-layout" / f"{NAME}.txt"
    text = path.read_text(encoding="utf-8")
    assert "一、                    505                39   29   67   640" in text and "续表" in text
    gold = json.loads((FIXTURES / "gold" / f"{NAME.split('~')[0]}.json").read_text(encoding="utf-8"))["requests"]
    report = read_report(path).report
    assert report is not None
    for key in ("new_received", "carried_over", "granted", "denied_query_matter", "not_processed_confirmation"):
        assert report.requests[key] == gold[key], key


def _slots(*texts: str) -> tuple[Slot, ...]:
    return tuple(Slot(parse_cell(t), f"line 1 part {i}") for i, t in enumerate(texts, 1))


def test_wide_placements_include_the_narrow_ones() -> None:
    slots, xs = _slots("348", "29", "16", "49", "442"), (24.0, 38.0, 43.0, 48.0, 53.0)
    narrow = {r.values for r in placed_readings(slots, xs, 7, None)}
    wide = {r.values for r in placed_readings(slots, xs, 7, None, wide=True)}
    assert narrow < wide
    assert (348, 0, 29, 16, 0, 49, 442) in wide - narrow


def test_a_table_keeping_its_sums_is_not_read_again() -> None:
    slots, xs = _slots("348", "29", "16", "49", "442"), (24.0, 38.0, 43.0, 48.0, 53.0)
    row = PlacedRow(slots, xs, None, None, ())
    options = {"granted": row.readings(7, None)}
    chosen = {"granted": Choice(options["granted"][0], frozenset(), 1)}
    bound = requests_bound("2021")
    assert placed_wide(options, chosen, lambda table: 0, bound, {"granted": row}, 7, None) is None


def test_a_table_no_placement_mends_is_read_as_before() -> None:
    slots, xs = _slots("348", "29", "16", "49", "442"), (24.0, 38.0, 43.0, 48.0, 53.0)
    row = PlacedRow(slots, xs, None, None, ())
    options: dict[object, list[Reading]] = {"granted": row.readings(7, None)}
    chosen = {"granted": Choice(options["granted"][0], frozenset(), 1)}
    bound = requests_bound("2021")
    # a contradiction no placement keeps: every table breaks
    assert placed_wide(options, chosen, lambda table: 1, bound, {"granted": row}, 7, None) is None
