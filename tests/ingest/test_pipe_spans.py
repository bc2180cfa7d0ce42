"""Table 四 stacked on one grid, its merged header cells as pymupdf4llm sets them in pipe rows
(``ingest/pipe_spans.py``): each label at the start of a span of grid cells, the rest blank."""

from __future__ import annotations

import json

from gongkai.ingest.pipe_spans import span_blanks
from gongkai.ingest.read import read_report

from .holdout5 import FIXTURES

_WORD_TABLE = """\
|本年度发生政府信息公开行政复议1件，行政诉讼2件。|本年度发生政府信息公开行政复议1件，行政诉讼2件。|||||||||
|---|---|---|---|---|---|---|---|---|---|
|行政复议||||||||||
|结果维持||结果纠正||其他结果||尚未审结||总计||
|||||||1||1||
|行政诉讼||||||||||
|未经复议直接起诉|||||复议后起诉|||||
|结果维<br>持|结果纠<br>正|其他结<br>果|尚未审<br>结|总计|结果维<br>持|结果纠<br>正|其他结<br>果|尚未审<br>结|总计|
||||||||1|1|2|
"""


def _rows(text: str) -> list[list[str]]:
    lines = [line for line in text.splitlines() if line.startswith("|") and "---" not in line]
    return [line[1:-1].split("|") for line in lines]


def test_spanned_header_and_the_figures_under_it_lose_the_spans_blanks() -> None:
    blanks = span_blanks(_rows(_WORD_TABLE))
    odd = frozenset(range(1, 10, 2))
    assert blanks[1] == frozenset(range(1, 10))  # 行政复议 over the whole grid
    assert blanks[2] == odd and blanks[3] == odd  # the header and its figures, a cell per span
    assert blanks[5] == frozenset(k for k in range(10) if k % 5)  # 未经复议直接起诉 · 复议后起诉
    assert blanks[6] == blanks[7] == frozenset()  # ten columns of their own


def test_a_figure_inside_a_span_keeps_the_row_as_printed() -> None:
    rows = _rows("|结果维持||结果纠正||其他结果||尚未审结||总计||\n||||||1|||1||")
    assert span_blanks(rows)[1] == frozenset()


def test_a_lone_column_label_over_blanks_stays_a_row_of_blank_zeros() -> None:
    """``（七）总计`` or ``总计`` over blank cells is a row of table 三, not a merged header."""
    assert span_blanks(_rows("|总计|||||")) == [frozenset()]


def test_stacked_table_read_with_its_blank_zeros() -> None:
    """holdout5's Word copy through pymupdf4llm: table 四 read as the Word file prints it."""
    report = read_report(FIXTURES / "pymupdf4llm" / "t2020-b~township-word.md").report
    gold = json.loads((FIXTURES / "gold" / "t2020-b.json").read_text(encoding="utf-8"))
    assert report is not None
    assert report.appeals == gold["appeals"]
