"""Reader fixes found on pages laid out by other publishers (tests/ingest/publishers): each test
reads a fixture made by the real tools and fails on the reader before the fix."""

from __future__ import annotations

import json
from typing import Any

from gongkai.ingest.line_cells import split_line
from gongkai.ingest.read import read_report
from gongkai.report.model import Report

from .publishers.scoring import FIXTURES


def _read(cls: str, name: str) -> tuple[Report, dict[str, Any]]:
    path = next((FIXTURES / cls).glob(f"{name}.*"))
    report = read_report(path).report
    assert report is not None, f"{path.name} refused"
    gold = json.loads((FIXTURES / "gold" / f"{name.split('~')[0]}.json").read_text(encoding="utf-8"))
    return report, gold


def test_dash_cells_run_into_figures_are_cells() -> None:
    # A crawler's text of a table printing "/" for none: the figures and the dashes ran together.
    assert split_line("一、本年新收政府信息公开申请数量6820842129228353/10127") == [
        "一、本年新收政府信息公开申请数量",
        "6820842129228353",
        "/",
        "10127",
    ]
    assert split_line("2.其他法律行政法规禁止公开12/////12")[1:] == ["12", "/", "/", "/", "/", "/", "12"]
    assert split_line("截至2020/12/31") == ["截至2020/12/31"]  # a date is not cells
    for cls in ("crawler", "crawler-nospace"):
        report, gold = _read(cls, "synth-2021-large~plain")
        assert report.requests == gold["requests"]


def test_agency_after_the_sites_navigation_and_a_metadata_label() -> None:
    for cls, name in (
        ("crawler", "synth-2021-large~plain"),
        ("crawler-nospace", "000_21925bfca89cb37b~wordgov"),
        ("pdftotext-layout", "000_21925bfca89cb37b~wordgov"),
    ):
        report, gold = _read(cls, name)
        assert report.agency == gold["agency"], (cls, name, report.agency)
    # Cut out of a longer line, the name is a judgement: it is named in uncertain.
    report, _ = _read("crawler", "synth-2021-large~plain")
    assert any(d.cell == "agency" for d in report.uncertain or [])


def test_radical_code_points_of_a_pdf_converter_read_as_characters() -> None:
    # markitdown (pdfminer) names 民 by the radical ⺠ (U+2EA0), which NFKC does not fold.
    path = FIXTURES / "markitdown" / "000_21925bfca89cb37b~cms.md"
    assert "⺠政府" in path.read_text(encoding="utf-8")
    report, gold = _read("markitdown", "000_21925bfca89cb37b~cms")
    assert report.agency == gold["agency"] == "海盐县人民政府"


def test_a_numbered_label_piece_names_only_a_row_of_that_number() -> None:
    # pdftotext -layout wraps 2.其他法律行政法规禁止公开 as "2.其他" / "法律行" / "政法规 12 0 …":
    # "2.其他" is not the row 3.其他 of （六）其他处理.
    report, gold = _read("pdftotext-layout", "synth-2021-large~wps")
    for key in ("denied_prohibited_by_law", "other_no_correction", "other_unpaid_fee", "other_other"):
        assert report.requests[key] == gold["requests"][key], key


def test_table_4_groups_printed_out_of_order_are_a_doubt() -> None:
    # pdftotext prints the header 复议后起诉 before 未经复议直接起诉 (it sits higher on the page):
    # the printed order may not be the columns' order, so the groups read by it are in uncertain.
    report, gold = _read("pdftotext", "002_7c7920e851bb8139~wps")
    doubted = {d.cell for d in report.uncertain or []}
    for group, fields in gold["appeals"].items():
        if report.appeals[group] != fields:
            assert f"appeals.{group}" in doubted or "appeals" in doubted, group


def _unflagged(cls: str, name: str, table: str) -> list[str]:
    """Cells of ``table`` read wrong and not named in uncertain."""
    report, gold = _read(cls, name)
    doubted = {d.cell for d in report.uncertain or []}
    wrong = []
    for row, values in gold[table].items():
        got = getattr(report, table)[row]
        cells = enumerate(values) if isinstance(values, list) else values.items()
        for key, value in cells:
            read = got[key]
            if read is not None and read != value and not {f"{table}.{row}", table} & doubted:
                wrong.append(f"{table}.{row}[{key}] gold {value} read {read}")
    return wrong


def test_figures_placed_by_blank_cells_the_sums_cannot_confirm_are_a_doubt() -> None:
    # A Word page leaving none blank, through LibreOffice and markitdown: blank cells lost or
    # added move figures to the next column; each row still adds up, and with (七)总计 unread no
    # column sum can tell. Those rows are named in uncertain (they were silently wrong).
    assert not _unflagged("markitdown", "synth-2019-tiny~wordgov-word", "requests")


def test_a_table_2_row_printing_no_figure_takes_its_header_block() -> None:
    # pdftotext prints table 二's labels apart from its figures: 行政事业性收费 is followed by a
    # blank line only, its figure (0.35) under 本年收费金额 further on. The label's reading (0, from
    # blanks) gives way to the header block's, and the cell is named in uncertain.
    report, gold = _read("pdftotext", "synth-2021-large~plain")
    assert report.active["fees"]["amount_10k_yuan"] == gold["active"]["fees"]["amount_10k_yuan"] == 0.35
    assert "active.fees.amount_10k_yuan" in {d.cell for d in report.uncertain}
    assert not _unflagged("pdftotext", "synth-2021-large~plain", "active")


def test_a_tables_last_row_set_apart_as_text_is_read() -> None:
    # pymupdf4llm ends table 三's pipe table at （七）总计 and prints its last row after it as a
    # line of text with the blank cells gone: 四、结转下年度继续办理 0 2 5 7. It is a row; the
    # column balance places its figures.
    path = FIXTURES / "pymupdf4llm" / "synth-2019-large~wordgov.md"
    assert "四、结转下年度继续办理 0 2 5 7" in path.read_text(encoding="utf-8")
    report, gold = _read("pymupdf4llm", "synth-2019-large~wordgov")
    assert report.requests["carried_forward"] == gold["requests"]["carried_forward"]


def test_a_doubled_grid_of_blank_columns_is_dropped() -> None:
    # pymupdf4llm on a fixed-width WPS table: every figure has an empty grid column beside it
    # (|||（七）总计||||6795||850||…): one figure per column among many blanks.
    path = FIXTURES / "pymupdf4llm" / "synth-2021-large~wps.md"
    assert "|||（七）总计||||6795||850||" in path.read_text(encoding="utf-8")
    report, gold = _read("pymupdf4llm", "synth-2021-large~wps")
    for key in ("other_unpaid_fee", "other_other", "total_processed", "carried_forward"):
        assert report.requests[key] == gold["requests"][key], key


def test_a_table_2_row_of_blanks_and_zeros_is_a_doubt() -> None:
    # pdftotext: 政府集中采购 followed by a blank line and a 0 that belongs elsewhere; its own
    # figures (15, 2,715,300) come later. A row of zeros made of blank cells is named in uncertain.
    assert not _unflagged("pdftotext", "001_cf5ac85f95ca13ec~plain", "active")


def test_blank_cells_hidden_in_a_crawlers_spaces() -> None:
    # A Word page leaving none blank, saved by a crawler: 180 | 1 | | | | 3 | 184 becomes
    # "1801 3184". The space is where the blanks were; the row's sums cut the runs and the
    # table's column sums confirm the columns.
    path = FIXTURES / "crawler" / "000_21925bfca89cb37b~wordgov.txt"
    assert "申请数量1801 3184" in path.read_text(encoding="utf-8")
    report, gold = _read("crawler", "000_21925bfca89cb37b~wordgov")
    assert report.requests == gold["requests"]
