"""A bar glued to a figure's edge in a searchable scan's text layer (``ingest/ocr_bar_edges.py``),
on holdout15's s2022-a (``pdftotext -layout``): ``3 0 6| 0 0 o 9`` (6 beside a rule, not 61),
``0 0 1I 0 o o 1`` (1, not 11), ``0I 0 0 1 o O I1`` (0 … 1, not 1 … 11). Before, every glued
bar read as a 1 and the rows broke their sums (flagged); now the row's sum picks the one reading
of its glued bars that adds up."""

from __future__ import annotations

import json

from gongkai.ingest.ocr_bar_edges import bars_by_sum
from gongkai.ingest.read import read_report

from .holdout15 import FIXTURES


def _mend(text: str) -> str:
    return " ".join(w.replace("|", "1").replace("I", "1").replace("l", "1").replace("o", "0") for w in text.split())


def _cells(text: str) -> list[str]:
    return text.split()[1:]


def test_the_one_reading_of_glued_bars_that_adds_up_is_taken() -> None:
    figure = str.isascii
    assert bars_by_sum("x 3 0 6| 0 0 o 9", 7, _mend, figure, _cells) == "x 3 0 6 0 0 0 9"
    # as read, the row adds up (10 + 1 = 1I read 11): the reading stands
    assert bars_by_sum("x 10 0 0 0 0 1 1I", 7, _mend, figure, _cells) is None
    # two readings add up (``l1 0 0 0 0 0 1l``: 11 … 11 or 1 … 1): neither is taken
    assert bars_by_sum("x l1 0 0 0 0 0 1l", 7, _mend, figure, _cells) is None


def test_a_scans_rows_with_glued_bars_read_by_their_sums() -> None:
    result = read_report(FIXTURES / "pdftotext-layout" / "s2022-a~ocr.txt")
    assert result.report is not None
    gold = json.loads((FIXTURES / "gold" / "s2022-a.json").read_text("utf-8"))["requests"]
    read = result.report.requests
    for key in ("partially_granted", "denied_internal_affairs", "denied_enforcement_file"):
        assert read[key] == gold[key]
    assert read["partially_granted"] == [3, 0, 6, 0, 0, 0, 9]
