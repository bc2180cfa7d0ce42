"""Figures printed with a count unit in table cells (``8896件2176件0件``, ``55 件   0件``): the unit
ends the cell (``ingest/units.py``), prose quantities stay as printed for ``stated``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gongkai.ingest.appeal_pieces import names_appeal_header
from gongkai.ingest.pipe_wraps import wrapped_pipe_cells
from gongkai.ingest.read import read_document, read_report
from gongkai.ingest.stated import stated_figures
from gongkai.ingest.units import cells_with_units, wrapped_cells

from .fixture_json import gold_json
from .holdout3 import FIXTURES


def _line_with(path: Path, start: str) -> str:
    text = path.read_text(encoding="utf-8")
    match = re.search(re.escape(start) + r"[^ \n]*", text)
    assert match is not None, f"{start} not in {path.name}"
    return match.group()


def test_a_run_of_figures_with_units_is_cut_at_each_unit() -> None:
    row = _line_with(FIXTURES / "crawler" / "c2020-b~county.txt", "一、本年新收政府信息公开申请数量")
    assert row.endswith("8896件2176件0件2172件706件50件14000件")
    figures = cells_with_units(row).removeprefix("一、本年新收政府信息公开申请数量").split()
    assert [int(f) for f in figures] == gold_json(FIXTURES, "c2020-b")["requests"]["new_received"]


def test_a_unit_keeps_the_columns_of_a_laid_out_line() -> None:
    path = FIXTURES / "pdftotext-layout" / "c2023-c~county-word.txt"
    row = next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("二、上年结转"))
    out = cells_with_units(row)
    assert len(out) == len(row) and "件" not in out
    assert [int(f) for f in out.split()[1:]] == gold_json(FIXTURES, "c2023-c")["requests"]["carried_over"]


def test_units_left_alone_under_wrapped_cells_are_blanked() -> None:
    path = FIXTURES / "pdftotext-layout" / "c2023-c~county-word.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收"))
    under = lines[row + 1]
    assert set(under.split()) == {"件"} and len(under.split()) >= 2
    assert not cells_with_units(under).strip()
    assert cells_with_units("件") == "件"  # one unit alone on its line: a cell a one-cell-a-line reader places
    assert cells_with_units(under, lone=False) == under  # Markdown keeps them for its pipe reader


@pytest.mark.parametrize(("start", "row"), [("一、本年新收", "new_received"), ("（七）总计", "total_processed")])
def test_a_figure_wrapped_above_its_row_is_put_back(start: str, row: str) -> None:
    """``737`` over the row, its ``件`` under it: the cell ``737件`` of a narrow column, wrapped."""
    path = FIXTURES / "pdftotext-layout" / "c2023-c~county-word.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.strip().startswith(start))
    assert not any(ch.isdigit() for ch in lines[at + 1]) and "件" in lines[at + 1]
    fixed = [cells_with_units(line) for line in wrapped_cells(lines)]
    assert not fixed[at - 1].strip() and not fixed[at + 1].strip()
    figures = [int(f) for f in fixed[at].split() if f.isdigit()]
    assert figures == gold_json(FIXTURES, "c2023-c")["requests"][row]


def test_a_figure_wrapped_over_pipe_rows_is_put_back() -> None:
    """markitdown: ``| 8896 |`` in the row above, ``| 0件 | 2172件 |`` in the row, ``| 件 |`` below."""
    path = FIXTURES / "markitdown" / "c2020-b~county.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if "| 0件" in line and "2172件" in line)
    fixed = wrapped_pipe_cells(lines)
    cells = [cell.strip() for cell in fixed[at].strip("| ").split("|") if cell.strip()]
    assert [int(cell.rstrip("件")) for cell in cells] == gold_json(FIXTURES, "c2020-b")["requests"]["new_received"]
    assert not any(cell.strip() == "件" for cell in fixed[at + 1].split("|"))
    assert fixed[at - 1].split("|")[1].strip() and fixed[at + 1].split("|")[1].strip()  # the label's pieces stay


def test_a_single_figure_with_its_unit_after_a_row_label_is_a_cell() -> None:
    text = (FIXTURES / "crawler-nospace" / "c2023-c~county.txt").read_text(encoding="utf-8")
    piece = re.search(r"行政处罚32件行政强制1996件第二十条", text)
    assert piece is not None
    assert cells_with_units(piece.group()) == "行政处罚32 行政强制1996 第二十条"


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度共收到政府信息公开申请14000件，具体情况如下：",
        "办结13356件，其中予以公开6635件，结转下年度继续办理1042件。",
        "1.申请情况。本年度新收政府信息公开申请1200件，其中自然人737件，上年结转54件。",
        "发布解读材料71篇，图解34件。",
        "本年度发生政府信息公开行政复议590件，行政诉讼783件。",
    ],
)
def test_prose_quantities_keep_their_units(sentence: str) -> None:
    assert cells_with_units(sentence) == sentence


@pytest.mark.parametrize("name", ["crawler", "crawler-nospace"])
def test_crawler_table_with_units_reads_and_prose_is_still_stated(name: str) -> None:
    path = FIXTURES / name / "c2023-c~county.txt"
    result = read_report(path)
    assert result.report is not None
    gold = gold_json(FIXTURES, "c2023-c")
    requests = result.report.requests
    for row in ("new_received", "partially_granted", "total_processed", "carried_forward"):
        assert list(requests[row]) == gold["requests"][row], row
    stated = stated_figures(read_document(path))
    assert stated.get("appeals.review") == gold["appeals"]["review"]["total"]


# Table 四's group headers broken over lines (行政 / 复议, 未经复议 / 直接起诉): ``appeal_pieces``


def test_pieces_of_table_four_group_headers_name_the_table() -> None:
    path = FIXTURES / "pdftotext-layout" / "c2020-b~county.txt"
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    top = lines.index(next(line for line in lines if line.startswith("行政") and line.endswith("行政")))
    assert names_appeal_header(lines[top + 1])  # 复议 … 诉讼
    assert names_appeal_header(lines[top + 2])  # 未经复议 … 复议
    assert not names_appeal_header(lines[top])  # 行政 … 行政: 行政许可 starts so too
    for other in ("行政许可", "本年度发生政府信息公开行政复议590件", "结果", "其他", "总计"):
        assert not names_appeal_header(other), other


@pytest.mark.parametrize(
    ("name", "report"),
    [("pdftotext-layout", "c2020-b~county.txt"), ("pdftotext", "c2020-c~county-word.txt")],
)
def test_table_four_under_two_line_group_headers_is_read(name: str, report: str) -> None:
    result = read_report(FIXTURES / name / report)
    assert result.report is not None
    assert result.report.appeals == gold_json(FIXTURES, report.split("~")[0])["appeals"]
