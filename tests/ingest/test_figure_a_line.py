"""Table 三 of a spreadsheet pasted into a page, in ``pdftotext``'s default text: every figure on a
line of its own, its ``-`` (zero) cells gone (a lone ``-`` at a line's end is taken for a hyphen
and dropped), so no line break marks where a blank cell stood (``line_gaps.figure_a_line_table``)."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.line_gaps import figure_a_line_table
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.read import read_report
from gongkai.ingest.row_reading import Slot

FIXTURES = Path(__file__).parent / "holdout4" / "fixtures"
NAME = "b2019-a~bureau"


def _row(*cells: tuple[str, int]) -> list[Slot]:
    return [Slot(parse_cell(text), f"line {line}") for text, line in cells]


def test_a_table_a_figure_a_line_with_short_rows_is_one() -> None:
    rows = [_row(("1", 1), ("1", 2), ("1", 3), ("3", 4)), [], _row(("1", 6), ("1", 7))]
    assert figure_a_line_table(rows, 7)


def test_figures_sharing_a_line_say_where_gaps_are_and_it_is_not_one() -> None:
    rows = [_row(("1", 1), ("1", 1), ("1", 3), ("3", 4)), [], _row(("1", 6), ("1", 7))]
    assert not figure_a_line_table(rows, 7)


def test_rows_printing_no_figure_are_zeros_and_the_others_keep_only_what_the_sums_decide() -> None:
    text = (FIXTURES / "pdftotext" / f"{NAME}.txt").read_text(encoding="utf-8")
    assert "二、上年度结转政府信息公开申请数量\n（一）予以公开\n1\n1\n" in text  # the shape
    gold = json.loads((FIXTURES / "gold" / f"{NAME.split('~')[0]}.json").read_text(encoding="utf-8"))["requests"]
    report = read_report(FIXTURES / "pdftotext" / f"{NAME}.txt").report
    assert report is not None
    flagged = {u.cell for u in report.uncertain}
    for key in ("carried_over", "partially_granted", "denied_state_secret", "not_processed_publication"):
        assert report.requests[key] == gold[key] == [0] * 7
        assert f"requests.{key}" in flagged  # a label alone read as 0: a guess, said
    # 1 1 1 3 for seven columns: the 总计 is the last figure, the first 1 the 自然人's (a table whose
    # ``-`` cells were dropped reads as one leaving zeros blank, a cell a line: ``cell_a_line``'s
    # judgement, flagged); which organisation columns hold the other 1s is unknown
    assert report.requests["new_received"] == [1] + [None] * 5 + [3]
    assert "requests.new_received" in flagged
    for key, values in report.requests.items():
        assert all(v is None or v == g for v, g in zip(values, gold[key], strict=True)) or f"requests.{key}" in flagged
