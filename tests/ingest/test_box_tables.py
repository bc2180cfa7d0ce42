"""Tables drawn in text with box-drawing characters or ASCII rules (an old site's ``<pre>``, its
Word copy and PDF print) read as rows of cells (``ingest/box_tables.py``). The inputs are the
thirteenth hold-out's own files (``holdout13/generate.py``); every one of them was refused before
("no statutory tables found")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.ingest.box_tables import boxes_as_tab_lines, drawn_rows, drawn_runs
from gongkai.ingest.read import read_report

from .holdout13 import FIXTURES

DRAWN = """\
┌────┬──────────┬───┐
│    │ 申请人情况     │      │
├──┬─┴────┬─────┼───┤
│三│ （一）予以 │   12 │   15 │
│、│ 公开       │      │      │
│本├──────┼─────┼───┤
│年│ （二）部分 │    0 │    1 │
└──┴──────┴─────┴───┘"""


def test_a_rule_line_ends_a_row_and_a_cell_open_on_its_left_is_merged_down() -> None:
    lines = DRAWN.split("\n")
    assert drawn_runs(lines) == [(0, len(lines), "box")]
    rows = drawn_rows(list(enumerate(lines)), "box")
    assert [[c.text for c in row] for row in rows] == [
        ["", "申请人情况", ""],
        ["三、本年", "（一）予以公开", "12", "15"],
        ["（二）部分", "0", "1"],
    ]
    assert rows[1][0].rowspan == 2


def test_plain_text_gets_a_merged_cell_as_a_line_before_its_rows() -> None:
    ascii_table = ["+----+------+", "| 规章 |  5 |", "+----+------+", "| 行政许可 | 142 |", "+----+------+"]
    assert boxes_as_tab_lines(["表1", *ascii_table, "正文"]) == ["表1", "规章\t5", "行政许可\t142", "正文"]
    assert boxes_as_tab_lines(DRAWN.split("\n"))[1:3] == ["三、本年", "（一）予以公开\t12\t15"]


@pytest.mark.parametrize(
    "name",
    [
        "html/p2023-b~pre.html",  # <pre> tables between paragraphs, box drawing
        "html/p2025-a~pre.html",  # ASCII rules, full-width padding
        "docx/p2022-a~pre-word.docx",  # the Word copy: the page's layout table of one column
        "pdftotext-layout/p2021-a~pre.txt",
        "pdf/p2024-a~pre.pdf",  # the whole report one <pre>
    ],
)
def test_a_drawn_reports_tables_are_read_whole(name: str) -> None:
    path = FIXTURES / name
    result = read_report(path)
    assert result.report is not None, result.error
    gold = json.loads((FIXTURES / "gold" / f"{Path(name).name.split('~')[0]}.json").read_text("utf-8"))
    read = json.loads(result.report.to_json())
    for part in ("active", "requests", "appeals"):
        assert read[part] == gold[part], part
