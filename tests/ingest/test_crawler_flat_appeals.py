"""A crawler's text of table 四 set flat (the twelfth hold-out's Excel sheets: three header rows,
then the fifteen figures in one row), its zero cells printed as hyphens by Excel's number format:
``…尚未审结总计 611210742215123-116``. After the header's last 总计 no count is negative, so the
hyphen is a dash cell whether a space sets the run apart or not, and the run is cut by the groups'
sums; where the table ends the text, the empty line after it is no cell of the run-together row.
The inputs are the hold-out's own crawler files (``holdout12/generate.py``)."""

from __future__ import annotations

import json
import re

from gongkai.ingest.line_cells import split_line
from gongkai.ingest.read import read_report

from .holdout12 import FIXTURES


def _appeals(cls: str, report: str) -> tuple[dict[str, dict[str, int | None]], dict[str, dict[str, int]], set[str]]:
    result = read_report(FIXTURES / cls / f"{report}~excel.txt")
    assert result.report is not None, result.error
    read = json.loads(result.report.to_json())
    gold = json.loads((FIXTURES / "gold" / f"{report}.json").read_text(encoding="utf-8"))
    return read["appeals"], gold["appeals"], {str(u["cell"]) for u in read["uncertain"]}


def test_a_hyphen_run_after_the_flat_headers_total_is_dash_cells_when_set_apart() -> None:
    text = (FIXTURES / "crawler" / "x2019-a~excel.txt").read_text(encoding="utf-8")
    line = re.search(r"尚未审结总计 [0-9-]+", text)
    assert line is not None
    assert split_line(line.group())[-3:] == ["611210742215123", "-", "116"]


def test_table_four_run_together_with_a_dash_cell_is_cut_by_its_groups() -> None:
    read, gold, _uncertain = _appeals("crawler", "x2019-a")
    assert read == gold


def test_the_texts_last_empty_line_is_no_cell_of_table_fours_run() -> None:
    # x2023-a's table 四 ends the text; two cuts add up in its review group, the likelier taken
    # and named in ``uncertain``: every cell read, right or named
    for cls in ("crawler", "crawler-nospace"):
        read, gold, uncertain = _appeals(cls, "x2023-a")
        for group, fields in gold.items():
            for key, value in fields.items():
                assert read[group][key] is not None, (cls, group, key)
                if read[group][key] != value:
                    assert {"appeals", f"appeals.{group}", f"appeals.{group}.{key}"} & uncertain, (cls, group, key)
        assert read["litigation_direct"] == gold["litigation_direct"], cls
