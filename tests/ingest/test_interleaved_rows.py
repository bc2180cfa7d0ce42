"""Two rows of table 三 whose figures ``pdftotext`` (default mode) printed under one label
(``ingest/interleaved_rows.py``): a line of each in turn after both labels (（七）总计 and
四、结转下年度继续办理 at a page's foot), or right after the row above's, its own label after them."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.interleaved_rows import read_interleaved_rows
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.read import read_report
from gongkai.ingest.records import Record, Token
from gongkai.report.model import Report
from gongkai.report.templates import TEMPLATES

FIXTURES = Path(__file__).parent / "holdout5" / "fixtures"
NAME = "t2022-b~township"


def _label(text: str, line: int) -> Token:
    return Token(text, f"line {line}", parse_cell(text))


def _lines(*lines: str, first: int = 10) -> list[Token]:
    return [
        Token(text, f"line {first + i} part {j + 1}", parse_cell(text))
        for i, line in enumerate(lines)
        for j, text in enumerate(line.split())
    ]


def test_the_lines_of_two_rows_in_turn_are_split_by_the_rows_sums() -> None:
    template = TEMPLATES["2021"]
    report = Report.empty("某局", 2021, template, fill=None)
    figures = _lines("15,846 1,096", "1,659 53", "732 2,822", "51 51", "0 1,468 21,964", "0 82 1,896")
    record = Record([_label("（七）总计", 8), _label("四、结转下年度继续办理", 9)], figures)
    evidence = Evidence()
    read_interleaved_rows(template, [record], report, evidence)
    assert report.requests["total_processed"] == [15846, 1096, 732, 2822, 0, 1468, 21964]
    assert report.requests["carried_forward"] == [1659, 53, 51, 51, 0, 82, 1896]
    assert {u.cell for u in evidence.uncertain} == {"requests.total_processed", "requests.carried_forward"}


def test_lines_no_split_of_which_adds_up_are_left_unread() -> None:
    template = TEMPLATES["2021"]
    report = Report.empty("某局", 2021, template, fill=None)
    figures = _lines("15,846 1,096", "1,659 53", "732 2,822", "51 51", "0 1,468 21,965", "0 82 1,896")
    record = Record([_label("（七）总计", 8), _label("四、结转下年度继续办理", 9)], figures)
    read_interleaved_rows(template, [record], report, Evidence())
    assert report.requests["total_processed"] == [None] * 7


def test_a_rows_figures_before_its_label_after_the_row_aboves_are_split_off() -> None:
    text = (FIXTURES / "pdftotext" / f"{NAME}.txt").read_text(encoding="utf-8")
    # the shape: 3.危及…, its figures and then 4.'s (zeros), and only then 4.'s label
    assert "3.危及“三安全一稳定”\n9 0 2\n1\n2 3 17\n0 0 0\n0\n0 0 0\n（三）不予 4.保护第三方合法权益\n" in text
    gold = json.loads((FIXTURES / "gold" / f"{NAME.split('~')[0]}.json").read_text(encoding="utf-8"))["requests"]
    report = read_report(FIXTURES / "pdftotext" / f"{NAME}.txt").report
    assert report is not None
    assert report.requests["denied_security_stability"] == gold["denied_security_stability"]
    assert report.requests["denied_third_party"] == gold["denied_third_party"]
    flagged = {u.cell for u in report.uncertain}
    assert {"requests.denied_security_stability", "requests.denied_third_party"} <= flagged
