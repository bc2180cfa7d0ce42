"""A blank cell in a table 二 that prints its zeros: the page would have printed a 0, so the blank
may be a figure lost on the way (pdf2docx drops the ``-5`` of a fee row at a page's top when it
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
