"""``pdftotext`` default text of a county table typing a unit into every cell: the units that
wrapped off their figures (lines of ``件``, ``件0``) are taken out (``ingest/unit_wraps.py``), a
label's numbering ``（3）`` stays in the label, and table 四's figures on one line under its
wrapped header are read as a table."""

from __future__ import annotations

import json

from gongkai.ingest.line_cells import split_line
from gongkai.ingest.read import read_report
from gongkai.ingest.unit_wraps import units_unwrapped

from .fixture_json import gold_json
from .holdout3 import FIXTURES

_COUNTY = FIXTURES / "pdftotext" / "c2023-c~county.txt"


def test_wrapped_units_are_taken_out_of_a_table_printing_units() -> None:
    lines = _COUNTY.read_text(encoding="utf-8").splitlines()
    out = units_unwrapped(lines)
    assert len(out) == len(lines)  # line numbers (provenance) kept
    glued = next(i for i, line in enumerate(lines) if line.startswith("6.属于四类过程性信息"))
    row = lines[glued + 1]
    assert "件0" in row  # ``16件 2件 1件 0件 3件 件0 22件``: the unit of a wrapped cell glued before 0
    assert "件0" not in out[glued + 1] and len(out[glued + 1]) == len(row)
    alone = [i for i, line in enumerate(lines) if line.strip() == "件"]
    assert alone and all(out[i] == "\u3000" for i in alone)  # a spacer: no blank cell
    prose = next(i for i, line in enumerate(lines) if "共收到政府信息公开申请" in line)
    assert out[prose] == lines[prose]


def test_units_stay_in_text_whose_tables_print_none() -> None:
    lines = ["本年度共收到申请 5 件，其中：", "件", "一、本年新收 5 0 0 0 0 0 5"]
    assert units_unwrapped(lines) == lines


def test_a_labels_numbering_in_brackets_is_no_cell() -> None:
    assert split_line("（五）不 （3）要求提供公开出版物 0 0") == ["（五）不 （3）要求提供公开出版物", "0", "0"]
    assert split_line("（2）重复申请 0 0 0 0 0 0 0")[0] == "（2）重复申请"


def test_county_table_with_wrapped_units_reads_tables_three_and_four() -> None:
    result = read_report(_COUNTY)
    assert result.report is not None, result.error
    read = json.loads(result.report.to_json())
    gold = gold_json(FIXTURES, "c2023-c")
    assert read["requests"] == gold["requests"]
    assert read["appeals"] == gold["appeals"]
