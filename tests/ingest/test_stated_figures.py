"""Totals the prose states weigh readings and raise doubts (issue 9: no silent all-zero table)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from gongkai.ingest.read import read_document, read_report
from gongkai.ingest.stated import stated_figures

FIXTURES = Path(__file__).parent / "wild" / "fixtures"


def test_prose_totals_found_across_wrapped_lines() -> None:
    # pdftotext wraps 结转下年度继 / 续办理 53 件 over two lines
    document = read_document(FIXTURES / "pdftotext" / "synth-2019-mixed.txt")
    assert stated_figures(document) == {
        "requests.new_received": 865,
        "requests.carried_over": 3,
        "requests.total_processed": 815,
        "requests.carried_forward": 53,
        "appeals.review": 2,
        "appeals.litigation": 10,
    }


def test_table_four_read_as_zeros_while_the_text_says_otherwise_is_a_doubt(tmp_path: Path) -> None:
    text = (FIXTURES / "pdftotext-layout" / "synth-2019-large.txt").read_text(encoding="utf-8")
    figures = re.compile(r"^\s+0\s+3\s+1\s+0\s+4\s+2\s+0\s+4\s+0\s+6\s+6\s+0\s+0\s+0\s+6$", re.MULTILINE)
    assert figures.search(text)
    zeros = figures.sub("    " + "     ".join("0" * 15), text)  # the page prints fifteen zeros
    path = tmp_path / "zeros.txt"
    path.write_text(zeros, encoding="utf-8")
    report = read_report(path).report
    assert report is not None
    assert report.appeals["review"]["total"] == 0  # read as printed …
    doubts = {u.cell: u.reason_en for u in report.uncertain or []}
    assert "the text states 4" in doubts["appeals.review"]  # … but 被申请行政复议4件 says otherwise
    assert "the text states 12" in doubts["appeals"]


def test_prose_first_column_places_the_lone_figures_of_a_pipe_table() -> None:
    # markitdown set 自然人 and 商业企业 in one header cell of a table leaving its zeros blank
    # (``| 一、本年新收… |  | 5 |  | 5 |``): each row's lone figure may stand in either column and
    # every row shifts alike. The prose (新收…5件，其中自然人5件) places the first row; the column
    # sums through it place the rest, each row noted as placed so.
    holdout3 = Path(__file__).parent / "holdout3" / "fixtures"
    report = read_report(holdout3 / "markitdown" / "c2019-a~county.md").report
    assert report is not None
    gold = json.loads((holdout3 / "gold" / "c2019-a.json").read_text(encoding="utf-8"))
    assert report.requests == gold["requests"]
    doubts = {u.cell: u.reason_en for u in report.uncertain or []}
    for key in ("new_received", "partially_granted", "denied_enforcement_file", "total_processed"):
        assert "the prose states" in doubts[f"requests.{key}"]
