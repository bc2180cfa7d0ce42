"""Two rows of table 三 whose figures ``pdftotext`` (default mode) printed under one label
(``ingest/interleaved_rows.py``): a line of each in turn after both labels (（七）总计 and
四、结转下年度继续办理 at a page's foot), or right after the row above's, its own label after them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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


def _read_printing(name: str, shape: str) -> tuple[Any, dict[str, Any]]:
    """The fixture ``name``'s pdftotext reading and its gold table 三, once its text shows ``shape``."""
    text = (FIXTURES / "pdftotext" / f"{name}.txt").read_text(encoding="utf-8")
    assert shape in text
    gold = json.loads((FIXTURES / "gold" / f"{name.split('~')[0]}.json").read_text(encoding="utf-8"))["requests"]
    report = read_report(FIXTURES / "pdftotext" / f"{name}.txt").report
    assert report is not None
    return report, gold


def test_a_rows_figures_before_its_label_after_the_row_aboves_are_split_off() -> None:
    # the shape: 3.危及…, its figures and then 4.'s (zeros), and only then 4.'s label
    report, gold = _read_printing(
        NAME, "3.危及“三安全一稳定”\n9 0 2\n1\n2 3 17\n0 0 0\n0\n0 0 0\n（三）不予 4.保护第三方合法权益\n"
    )
    assert report.requests["denied_security_stability"] == gold["denied_security_stability"]
    assert report.requests["denied_third_party"] == gold["denied_third_party"]
    flagged = {u.cell for u in report.uncertain}
    # since spilled_blocks hands back the tail's column blocks, the whole table is read from its
    # blocks (column_blocks), which names table 三 as a whole in ``uncertain`` instead of the rows
    rows = {"requests.denied_security_stability", "requests.denied_third_party"}
    assert rows <= flagged or "requests" in flagged


def test_rows_printing_dashes_ahead_of_a_label_read_as_zeros_are_split_off() -> None:
    # t2024-a prints its zeros —, and the row under 3.危及… has its wrapped label printed after its
    # figures, together with the next row's label (whose figures follow): labels read that row as
    # zeros from no figure, which the split replaces (and drops that reading's notes)
    report, gold = _read_printing(
        "t2024-a~township",
        "3.危及“三安全一稳定”\n111 — 46\n4\n— 10 171\n40 — 16\n1\n— 3 60\n（三）不予 4.保护第三方合法权益\n",
    )
    assert report.requests["denied_security_stability"] == gold["denied_security_stability"]
    assert report.requests["denied_third_party"] == gold["denied_third_party"]
    notes = [u for u in report.uncertain if u.cell == "requests.denied_third_party"]
    # the row is in doubt (since session 19 ``displaced`` gives it the figures before its label,
    # saying so, before the interleaved split is asked), and the zeros' note is gone
    assert notes and all(u.value != [0] * len(gold["denied_third_party"]) for u in notes)


def test_a_row_read_by_its_own_figures_is_not_split_off() -> None:
    template = TEMPLATES["2021"]
    report = Report.empty("某局", 2021, template, fill=None)
    report.requests["denied_third_party"] = [40, 0, 16, 1, 0, 3, 60]  # the labels read it
    figures = _lines("111 — 46", "4", "— 10 171", "40 — 16", "1", "— 3 60")
    records = [
        Record([_label("3.危及“三安全一稳定”", 8)], figures),
        Record([_label("（三）不予 4.保护第三方合法权益", 20)], _lines("40 — 16 1 — 3 60", first=21)),
    ]
    read_interleaved_rows(template, records, report, Evidence())
    assert report.requests["denied_security_stability"] == [None] * 7
