"""A PDF converted back into a document whose text is placed by coordinates (``positioned``):
LibreOffice's PDF import as DOCX (a text frame a line, ``docx_frames``), poppler's ``pdftohtml``
and PyMuPDF's HTML (absolutely positioned runs, ``html_positioned``), read by laying the runs out
as a page of text. Real converter outputs from the eighteenth hold-out set."""

from __future__ import annotations

import json

import pytest

from gongkai.ingest.positioned import Run, laid_out_text
from gongkai.ingest.read import read_report

from .holdout18 import FIXTURES

CASES = [
    ("docx-lo", "v2019-a~agency.docx"),  # template 2019, a running head, narrow labels
    ("docx-lo", "v2024-a~agency-word.docx"),  # the Word original's print, four pages
    ("html-pdftohtml", "v2023-a~agency.html"),  # table 四 in two tables
    ("html-pymupdf", "v2025-a~agency.html"),
]


@pytest.mark.parametrize(("cls", "name"), CASES)
def test_a_converted_pdf_placed_by_coordinates_reads_its_tables(cls: str, name: str) -> None:
    result = read_report(FIXTURES / cls / name)
    assert result.report is not None, result.error
    read = json.loads(result.report.to_json())
    gold = json.loads((FIXTURES / "gold" / f"{name.split('~')[0]}.json").read_text("utf-8"))
    for part in ("agency", "year", "template", "active", "requests", "appeals"):
        assert read[part] == gold[part], part


def test_runs_are_laid_out_in_rows_and_columns_by_their_places() -> None:
    """Runs given out of reading order (a converter's order) come out as the page's lines, each
    figure under its column; a wide character advances a type size, a digit half of one."""
    runs = [
        Run(0, 300, 100, 10, "12"),
        Run(0, 40, 100, 10, "自然人"),
        Run(0, 200, 100, 10, "3"),
        Run(0, 40, 80, 10, "申请人情况"),
        Run(1, 40, 20, 10, "第二页"),
    ]
    pages = laid_out_text(runs).split("\f")
    lines = [line.strip() for line in pages[0].split("\n")]
    assert lines[0] == "申请人情况" and lines[1].split() == ["自然人", "3", "12"]
    assert pages[1].strip() == "第二页"
