"""Tables drawn in text with box-drawing characters or ASCII rules (an old site's ``<pre>``, its
Word copy and PDF print) read as rows of cells (``ingest/box_tables.py``). The inputs are the
thirteenth hold-out's own files (``holdout13/generate.py``); every one of them was refused before
("no statutory tables found")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.ingest.box_tables import boxes_as_tab_lines, drawn_rows, drawn_runs
from gongkai.ingest.flat_boxes import unflattened
from gongkai.ingest.read import read_report

from .holdout11 import FIXTURES as HOLDOUT11
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


def test_a_drawing_run_onto_one_line_gets_its_lines_back() -> None:
    flat = "表1 " + " ".join(DRAWN.split("\n")) + " 正文"
    assert unflattened(flat) == ["表1 ", *_redrawn(DRAWN), " 正文"]
    nospace = "".join(line.replace(" ", "") for line in DRAWN.split("\n"))
    assert boxes_as_tab_lines([nospace])[1:3] == ["三、本年", "（一）予以公开\t12\t15"]


def _redrawn(drawing: str) -> list[str]:
    """The drawing as ``unflattened`` gives it back: every junction ``┼``, the cells as printed."""
    out = []
    for line in drawing.split("\n"):
        ruled = any(h in line for h in "─")
        out.append("".join("┼" if ruled and ch in "┌┐└┘├┤┬┴┼│" else ch for ch in line))
    return out


@pytest.mark.parametrize(
    "name",
    [
        "html/p2023-b~pre.html",  # <pre> tables between paragraphs, box drawing
        "html/p2025-a~pre.html",  # ASCII rules, full-width padding
        "docx/p2022-a~pre-word.docx",  # the Word copy: the page's layout table of one column
        "pdftotext-layout/p2021-a~pre.txt",
        "pdf/p2024-a~pre.pdf",  # the whole report one <pre>
        "pdf/p2019-a~pre-word.pdf",  # the Word print: some lines lost their left border
        "pdftotext-layout/p2024-a~pre-word.txt",  # every line lost its left border
        "crawler/p2023-b~pre.txt",  # the drawing run onto one line
        "crawler-nospace/p2020-a~pre.txt",  # ASCII, without the spaces
        "pymupdf4llm/p2021-a~pre.md",  # a part per page, each one line
        "pdftotext/p2023-b~pre.txt",  # pdftotext's reading order: a cell a line
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


def test_a_drawing_in_code_marks_is_read() -> None:
    """pymupdf4llm marks a monospaced font's text as code (`` `|` 规章 `| 75 |` ``): table 二 of the
    Word print read whole, the template (2021) from its headers, not guessed."""
    result = read_report(FIXTURES / "pymupdf4llm" / "p2022-a~pre-word.md")
    assert result.report is not None, result.error
    gold = json.loads((FIXTURES / "gold" / "p2022-a.json").read_text("utf-8"))
    read = json.loads(result.report.to_json())
    assert read["template"] == "2021"
    assert read["active"] == gold["active"]


def test_a_drawing_printed_a_cell_a_line_keeps_its_rows_apart() -> None:
    """pdftotext's reading order of the ASCII Word print (``| （二）部分公开（区分 |`` / ``4 |`` …):
    部分公开 was given the figures of a row further down, outside ``uncertain``; its own now, and
    no row of table 三 read wrong without its cell in ``uncertain``."""
    result = read_report(FIXTURES / "pdftotext" / "p2022-a~pre-word.txt")
    assert result.report is not None, result.error
    gold = json.loads((FIXTURES / "gold" / "p2022-a.json").read_text("utf-8"))
    read = json.loads(result.report.to_json())
    assert read["requests"]["partially_granted"][:6] == gold["requests"]["partially_granted"][:6]
    doubted = {u["cell"] for u in read["uncertain"]}
    for row, figures in gold["requests"].items():
        wrong = [v for v, g in zip(read["requests"][row], figures, strict=True) if v is not None and v != g]
        assert not wrong or f"requests.{row}" in doubted, row


@pytest.mark.parametrize("name", ["pymupdf4llm/p2019-a~pre-word.md", "pymupdf4llm/p2024-a~pre-word.md"])
def test_a_drawing_no_cut_reads_is_still_read_row_by_row(name: str) -> None:
    """pymupdf4llm's text of the box-drawn Word print: pieces out of order, borders and most of
    table 三 lost; refused before ("no statutory tables"), now read as far as its rows go, every
    wrong cell in ``uncertain``."""
    result = read_report(FIXTURES / name)
    assert result.report is not None, result.error
    gold = json.loads((FIXTURES / "gold" / f"{Path(name).name.split('~')[0]}.json").read_text("utf-8"))
    read = json.loads(result.report.to_json())
    doubted = {u["cell"] for u in read["uncertain"]}
    for row, figures in gold["requests"].items():
        wrong = [v for v, g in zip(read["requests"][row], figures, strict=True) if v is not None and v != g]
        assert not wrong or f"requests.{row}" in doubted, row


def test_table_four_after_a_table_three_printing_its_header_only_is_its_own() -> None:
    """pymupdf4llm's text of a Word print whose table 三 kept its header and lost every row: table
    四's header runs on from table 三's into one record, the 总计 both print ahead of 行政诉讼;
    table 四's labels start a record of their own, its figures read."""
    result = read_report(FIXTURES / "pymupdf4llm" / "p2024-a~pre-word.md")
    assert result.report is not None
    read = json.loads(result.report.to_json())
    gold = json.loads((FIXTURES / "gold" / "p2024-a.json").read_text("utf-8"))
    assert read["appeals"] == gold["appeals"]


def test_a_last_row_printed_a_cell_a_line_between_two_rule_lines_is_read() -> None:
    """pdftotext's reading order of the ASCII Word print: table 四's fifteen figures a line each
    (``1 |`` / ``0 |`` …) between the header's last rule line and the table's bottom, run together
    as one row and read under the header."""
    result = read_report(FIXTURES / "pdftotext" / "p2022-a~pre-word.txt")
    assert result.report is not None, result.error
    read = json.loads(result.report.to_json())
    gold = json.loads((FIXTURES / "gold" / "p2022-a.json").read_text("utf-8"))
    assert read["appeals"] == gold["appeals"]


def test_table_fours_own_header_is_not_cut_at_its_first_long_label() -> None:
    """The same cut not made inside table 四's header alone (markitdown of the eleventh hold-out's
    公文: ``结果 结果`` … ``总计`` ``总计`` then ``结果维持``): short labels table 三 prints too
    (其他, 总计) name no earlier table; the header stays whole and the signature's year (2024 of
    its date) out of the table."""
    result = read_report(HOLDOUT11 / "markitdown" / "c2023-a~gongwen-word.md")
    assert result.report is not None, result.error
    read = json.loads(result.report.to_json())
    gold = json.loads((HOLDOUT11 / "gold" / "c2023-a.json").read_text("utf-8"))
    assert read["appeals"] == gold["appeals"]
