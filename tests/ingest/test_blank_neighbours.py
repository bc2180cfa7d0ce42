"""A table 三 row read as 0 for want of a figure leaves its neighbour's figures in doubt where they
stand between the two labels and the sums cannot tell whose they are (``blank_neighbours``)."""

from __future__ import annotations

from gongkai.ingest.blank_neighbours import _between_labels
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.read import read_report
from gongkai.ingest.records import Token
from gongkai.ingest.request_rows import RequestRaw

from .holdout14 import FIXTURES


def test_figures_between_a_figureless_label_and_their_row_are_doubted() -> None:
    # pdftotext -layout of a Word table leaving zeros blank: (六)'s first row prints no figure, its
    # label wrapped over five lines; the figures 1 0 0 0 0 0 1 on its fourth line were read as the
    # second row's (whose label follows), the first row as 0. The sums hold either way.
    report = read_report(FIXTURES / "pdftotext-layout" / "t2022-a~wps-word.txt").report
    assert report is not None
    doubts = {entry.cell: entry for entry in report.uncertain}
    assert "requests.other_no_correction" in doubts
    assert "requests.other_unpaid_fee" in doubts
    assert "other_no_correction" in doubts["requests.other_unpaid_fee"].reason_en


def _row(key: str, label_line: int, figure_lines: list[int]) -> RequestRaw:
    label = Token("label", f"line {label_line}", parse_cell("label"))
    values = [Token("3", f"line {n} part 1", parse_cell("3")) for n in figure_lines]
    return RequestRaw(key, label, values)


def test_figures_on_their_own_label_line_are_no_neighbours() -> None:
    blank = _row("other_no_correction", 10, [])
    assert not _between_labels(blank, _row("other_unpaid_fee", 14, [14, 14]))  # beside their label
    assert _between_labels(blank, _row("other_unpaid_fee", 14, [12]))  # between the two labels
    assert not _between_labels(blank, _row("other_unpaid_fee", 14, [16]))  # below their own label
    # a page's or a file's grid gives no lines: nothing to say
    grid = RequestRaw("x", Token("label", "table 3 row 4", parse_cell("label")), [])
    assert not _between_labels(grid, _row("other_unpaid_fee", 14, [12]))
