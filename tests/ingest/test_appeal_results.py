"""Table 四 set as two tables whose rows are the results (（一）行政复议情况 one column, （二）行政诉讼情况
two), read from ``pdftotext``'s default flow: ``ingest/appeal_results.py``."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.appeal_results import _results
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.read import read_report
from gongkai.ingest.records import Record, Token
from gongkai.report.templates import TEMPLATE_2019

HOLDOUT4 = Path(__file__).parent / "holdout4" / "fixtures"


def _record(labels: list[str], figures: list[str], line: int) -> Record:
    return Record(
        [Token(text, f"line {line}", parse_cell(text)) for text in labels],
        [Token(text, f"line {line + 1 + k}", parse_cell(text)) for k, text in enumerate(figures)],
    )


def _flow(rows: list[tuple[str, list[str], list[str]]]) -> list[Record]:
    """The two tables' rows in turn as chromium's print gives them: each result title and its one
    行政复议 figure, then (a row behind) the title again and its two litigation figures."""
    out = [_record(["（一）行政复议情况", "行政复议"], [], 1), _record(["未经复议直接起诉", "复议后起诉"], [], 2)]
    for k, (title, review, litigation) in enumerate(rows):
        out.append(_record([title], review, 10 + 10 * k))
        out.append(_record([title], litigation, 15 + 10 * k))
    return out


ROWS = [
    ("结果维持", ["66"], ["34", "48"]),
    ("结果纠正", ["25"], ["8", "15"]),
    ("其他结果", ["17"], ["6", "16"]),
    ("尚未审结", ["23"], ["8", "13"]),
    ("总计", ["131"], ["56", "92"]),
]


def test_one_figure_is_review_two_are_litigation() -> None:
    cells = _results(TEMPLATE_2019, _flow(ROWS))
    assert cells is not None
    review, direct, after = ["66", "25", "17", "23", "131"], ["34", "8", "6", "8", "56"], ["48", "15", "16", "13", "92"]
    assert [t.text for t in cells] == [*review, *direct, *after]


def test_a_flow_of_another_shape_is_not_read() -> None:
    swapped = [ROWS[1], ROWS[0], *ROWS[2:]]  # titles out of the template's order
    assert _results(TEMPLATE_2019, _flow(swapped)) is None
    three = [(t, r, [*lit, "1"]) if t == "其他结果" else (t, r, lit) for t, r, lit in ROWS]  # three figures
    assert _results(TEMPLATE_2019, _flow(three)) is None
    assert _results(TEMPLATE_2019, _flow(ROWS[:-1])) is None  # no 总计 row


def test_bureau_table_four_as_two_tables_of_results() -> None:
    result = read_report(HOLDOUT4 / "pdftotext" / "b2024-e~bureau.txt")
    assert result.report is not None, result.error
    read = json.loads(result.report.to_json())
    gold = json.loads((HOLDOUT4 / "gold" / "b2024-e.json").read_text(encoding="utf-8"))
    assert read["appeals"] == gold["appeals"]  # before appeal_results: every cell unknown
