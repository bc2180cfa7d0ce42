"""What a PDF converted back into a Word file loses or leaves out of its tables. A blank cell in a
table 二 that prints its zeros: the page would have printed a 0, so the blank may be a figure lost
on the way (pdf2docx drops the ``-5`` of a fee row at a page's top when it
rebuilds the table from the PDF). It is read as 0, as every blank is, and its row is in ``uncertain``."""

from __future__ import annotations

import json

from gongkai.ingest.read import read_report

from .holdout18 import FIXTURES


def test_a_blank_cell_where_the_table_prints_its_zeros_is_doubted() -> None:
    result = read_report(FIXTURES / "docx-pdf2docx" / "v2019-a~agency.docx")
    assert result.report is not None, result.error
    read = json.loads(result.report.to_json())
    assert read["active"]["fees"] == {"previous_items": 15, "change": 0}  # the -5 is not in the file
    assert any(entry["cell"] == "active.fees" for entry in read["uncertain"])
    assert not any(entry["cell"].startswith("active.regulations") for entry in read["uncertain"])


def test_statutory_rows_a_converter_left_as_tabbed_paragraphs_are_read_as_text() -> None:
    """pdf2docx rebuilds no table where the PDF (a Word print) draws table 二's rows without rules it
    can use: each row a paragraph of cells apart by tabs (``规章<tab>106<tab>167<tab>106``); the file
    is read as text, its paragraphs and table rows a line each (``docx_text``)."""
    result = read_report(FIXTURES / "docx-pdf2docx" / "v2022-a~agency-word.docx")
    assert result.report is not None, result.error
    read = json.loads(result.report.to_json())
    gold = json.loads((FIXTURES / "gold" / "v2022-a.json").read_text("utf-8"))
    for row in ("regulations", "licensing", "punishment", "coercion"):
        assert read["active"][row] == gold["active"][row], row
    assert read["requests"]["carried_over"] == gold["requests"]["carried_over"]
    assert read["appeals"] == gold["appeals"]
