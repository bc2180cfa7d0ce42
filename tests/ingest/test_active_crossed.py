"""Table 二's figures read past table 三's heading (``active_crossed``): pdftotext of the seventh
hold-out's z2023-a page print lost 行政事业性收费's 79.63 in its own table and read it as a lone 1
printed after ``三、收到和处理政府信息公开申请情况``, silently. The row is named in ``uncertain`` now."""

from __future__ import annotations

import json

from gongkai.ingest.read import read_report

from .holdout7 import FIXTURES


def test_a_table_two_figure_read_past_table_threes_heading_is_named_uncertain() -> None:
    result = read_report(FIXTURES / "pdftotext/z2023-a~platform.txt")
    assert result.report is not None
    gold = json.loads((FIXTURES / "gold/z2023-a.json").read_text(encoding="utf-8"))
    named = {d.cell for d in result.report.uncertain}
    if result.report.active["fees"] != gold["active"]["fees"]:
        assert "active.fees" in named  # a wrong figure is never read silently
    # the rows whose figures stand before the heading are not doubted for it
    assert not any("表三标题之后" in d.reason_zh for d in result.report.uncertain if d.cell != "active.fees")
