"""A 2021-template report printing 2019's single （六）其他处理 row, table 三's figures in blocks
(``pdftotext`` default text): read on the other template's rows (``ingest/merged_blocks.py``)."""

from __future__ import annotations

import json

from gongkai.ingest.read import read_report

from .fixture_json import gold_json
from .holdout3 import FIXTURES


def test_blocks_of_a_2021_report_printing_the_single_other_row_are_read() -> None:
    """c2021-a and c2024-d print 2019's single （六）其他处理 row (all zero) in a 2021 report, table
    三's figures in blocks: read on the 2019 rows, its sub-rows are 0, every other row as printed."""
    for name in ("c2021-a", "c2024-d"):
        result = read_report(FIXTURES / "pdftotext" / f"{name}~county.txt")
        assert result.report is not None, result.error
        read = json.loads(result.report.to_json())
        assert read["requests"] == gold_json(FIXTURES, name)["requests"], name
        flagged = {u["cell"] for u in read["uncertain"]}
        assert {"requests.other_no_correction", "requests.other_unpaid_fee", "requests.other_other"} <= flagged
