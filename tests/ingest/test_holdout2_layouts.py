"""Issue 9, second hold-out: a gazette page style the reader was NOT built on, read in every class.

``tests/ingest/holdout2/generate.py`` draws new figures with the first hold-out's machinery (both
templates, eight reports from 2 to 31,000 applications, two printed with a contradiction) and lays
them out as a gazette-style portal does, each report its own ``Style``: captions 表一 / 附表2, zeros
printed 0, — or left blank, thousands separators, 万元 with two decimals, header words broken over
lines, 合计 for 总计, numbering (一) / 1、 / 1．, table 三's row numbers in cells of their own, table
三 cut in two with its header repeated (续表, or a <thead> the browser repeats), notes under the
tables; printed by chromium and through LibreOffice's Word route.

The first score, taken before the reader was changed for anything found here, is the estimate for
reports never seen; it is kept in ``FIRST`` (cells · non-zero cells · unflagged wrong): html, docx
100 · 100 · 0; pdf 95.51 · 99.71 · 4; pdftotext 73.83 · 77.56 · 3; pdftotext-layout 86.12 · 97.51 · 1;
pymupdf4llm 90.03 · 89.36 · 0; markitdown 77.14 · 84.56 · 5; crawler 65.76 · 55.36 · 0;
crawler-nospace 68.54 · 58.30 · 0. Thresholds as for the other sets: ≥ 99.5% of cells,
≥ 99% of non-zero cells, nothing refused, no wrong value outside ``uncertain``; a class not there
yet is a strict xfail carrying its measured score.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from gongkai.ingest.read import read_report

from .class_checks import HoldoutSetTests
from .holdout2 import CLASSES, CONTRADICTIONS, FIXTURES

# The untuned reader (branch start, 9c04406) on these fixtures: the estimate for unseen reports.
FIRST = {
    "html": "1618/1618 (100%), non-zero 100%",
    "docx": "1011/1011 (100%), non-zero 100%",
    "pdf": "2511/2629 (95.51%), non-zero 99.71%, 4 unflagged: blank zeros in Word prints shift figures",
    "pdftotext": "1941/2629 (73.83%), non-zero 77.56%, 3 unflagged",
    "pdftotext-layout": "2264/2629 (86.12%), non-zero 97.51%, 1 unflagged: 万元 read as 元",
    "pymupdf4llm": "2367/2629 (90.03%), non-zero 89.36%",
    "markitdown": "2028/2629 (77.14%), non-zero 84.56%, 5 unflagged",
    "crawler": "1064/1618 (65.76%), non-zero 55.36%",
    "crawler-nospace": "1109/1618 (68.54%), non-zero 58.30%",
}
# After the fixes made for what this set found (mechanisms, not fixtures; every class 0 unflagged;
# html, docx and pdf pass, pdf at 2629/2629 = 100% since table 二's figures are set under their
# header cells; pdftotext-layout at 2629/2629 since rows placed a column off by a page's own scale
# are read again on every placement where they break the sums, ``placed_wide``):
NOT_YET = {
    "pdftotext": "2340/2629 cells (89.01%), non-zero 90.89%: Word tables' blank cells dropped (the "
    "-word files: each column top to bottom, rows interleaved and all-zero rows blank, no grid order: "
    "only the 自然人 figures inside wrapped labels read; the equations leave which zero-able row a "
    "figure is in open), rows whose sums cannot place a blank zero (g2020-c, g2022-c ~90%)",
    "pymupdf4llm": "2524/2629 cells (96.01%), non-zero 96.16%: a rule-less Word table 三 with blank zeros "
    "flattened into paragraphs: which organisation columns a row's figures stand in neither the text nor "
    "the sums say (g2020-c-word), a page of table 三 dropped as a picture (g2022-c-word)",
    "markitdown": "2613/2629 cells (99.39%), non-zero 99.23%: blank zeros lost in merged cells; a page's "
    "grid of two-column cells whose header anchors only where each column starts (g2022-c and its Word "
    "copy: 3 under 科研 社会公益 may be either; the maps and every sum tie)",
    "crawler": "1516/1618 cells (93.70%), non-zero 90.90%: blank zeros vanished from runs (g2020-c "
    "prints two columns blank throughout: no sum places its figures; g2022-c: only 自然人, which the "
    "prose states), table 二 runs",
    "crawler-nospace": "1516/1618 cells (93.70%), non-zero 90.90%: as crawler",
}
# classes with a wrong value outside ``uncertain`` (the worst outcome): none since the fixes
UNFLAGGED: dict[str, str] = {}


class TestHoldout2(HoldoutSetTests):
    FIXTURES = FIXTURES
    CLASSES = CLASSES
    CONTRADICTIONS = CONTRADICTIONS
    FIRST = FIRST
    NOT_YET = NOT_YET
    UNFLAGGED = UNFLAGGED


# ---------------------------------------------------------------------------------------------
# The mechanisms the second hold-out's failures led to, each on a small input of its class
# ---------------------------------------------------------------------------------------------


def test_a_run_of_figures_with_thousands_separators_is_cut_where_a_separator_ends_a_figure() -> None:
    from gongkai.ingest.line_cells import split_line
    from gongkai.ingest.numbers import RUN_COMMA

    # a crawler's 5,018 51 48 18 147 118 5,400: the first figure is certain, the rest a run to cut;
    # the run keeps a mark where a separator stood (a figure ends three digits later), for the cuts
    assert split_line("本年新收政府信息公开申请数量5,0185148181471185,400") == [
        "本年新收政府信息公开申请数量",
        "5,018",
        f"5148181471185{RUN_COMMA}400",
    ]
    # where a separated figure starts after another one cannot be seen: no figure is made up
    assert split_line("规章5,095525,925") == ["规章", "5,095", f"525{RUN_COMMA}925"]
    assert split_line("行政事业性收费1,419.52") == ["行政事业性收费", "1,419.52"]
    # commas between cells stay separators
    assert split_line("行政强制，76，-3，8844") == ["行政强制", "76", "-3", "8844"]


@pytest.mark.parametrize(
    ("text", "values"),
    [("— —", (0, 0)), ("— — —", (0, 0, 0)), ("— 204", (0, 204)), ("55 —", (55, 0))],
)
def test_cells_a_converter_merged_into_one_stay_apart(text: str, values: tuple[int, ...]) -> None:
    from gongkai.ingest.numbers import CellKind, parse_cell, several_numbers

    assert parse_cell(text).kind is CellKind.TEXT  # not one dash, not -204
    spread = several_numbers(text)
    assert spread is not None and tuple(v.amount for v in spread) == values


def test_a_dash_alone_and_a_negative_figure_are_still_one_cell() -> None:
    from gongkai.ingest.numbers import CellKind, parse_cell

    assert parse_cell("—").kind is CellKind.DASH and parse_cell("——").kind is CellKind.DASH
    assert parse_cell("-3").amount == -3 and parse_cell("—3").amount == -3


def test_picture_text_lines_joined_by_br_are_lines_again(tmp_path: Path) -> None:
    """pymupdf4llm sets a table it took for a picture as one paragraph joined by <br>."""
    gold = json.loads((FIXTURES / "gold" / "g2022-b.json").read_text(encoding="utf-8"))
    rows = "<br>".join(
        ["第二十条第（一）项", "信息内容 本年制发件数 本年废止件数 现行有效件数"]
        + [
            f"{label} " + " ".join(f"{gold['active'][key][f]:,}" for f in ("made", "repealed", "in_force"))
            for key, label in (("regulations", "规章"), ("normative_documents", "行政规范性文件"))
        ]
    )
    path = tmp_path / "picture.md"
    path.write_text(f"## 二、主动公开政府信息情况\n\n**----- Start of picture text -----**<br>\n{rows}<br>\n", "utf-8")
    result = read_report(path)
    assert result.report is not None
    read = json.loads(result.report.to_json())["active"]
    for key in ("regulations", "normative_documents"):
        assert read[key] == gold["active"][key]


def test_a_wrapped_header_line_of_laid_out_text_still_gives_its_unit(tmp_path: Path) -> None:
    """``采购项 / 目数量`` wrapped: the header line is one label, its cells still name 万元."""
    text = (
        "二、主动公开政府信息情况\n第二十条第（九）项\n"
        "   信息内容           采购项          采购总金额（万元）\n"
        "                      目数量\n"
        "   政府集中采购          895           74,706.80\n"
    )
    path = tmp_path / "layout.txt"
    path.write_text(text, "utf-8")
    result = read_report(path)
    assert result.report is not None
    procurement = json.loads(result.report.to_json())["active"]["procurement"]
    assert procurement == {"projects": 895, "amount_yuan": 747068000}


# ---------------------------------------------------------------------------------------------
# A contradicting report as crawler text: every row the text pins down is read as printed
# ---------------------------------------------------------------------------------------------


def test_an_em_dash_inside_a_run_of_table_3_stays_a_blank_cell_of_the_run() -> None:
    """Table 三 holds no negative figure: ``…另行制作211—5742229`` is 211, a blank cell and the
    run after it, never 211 then −5742229 (the cut run-on text keeps the run whole for ``text``
    to read the dash as a cell); table 二's ``规章4—8`` is still set apart for table 二 to decide."""
    from gongkai.ingest.runon import cut_run_on

    line = "（四）无法提供1.本机关不掌握相关政府信息1,099528372481,201 2.没有现成信息需要另行制作211—5742229"
    assert cut_run_on(line)[-1] == "2.没有现成信息需要另行制作211—5742229"
    assert "规章4 —8" in cut_run_on("信息内容本年新制作数量本年新公开数量对外公开总数量规章4—8规范性文件1,2")


@pytest.mark.parametrize("name", ["crawler", "crawler-nospace"])
def test_a_contradicting_table_3_as_crawler_text_keeps_the_rows_its_sums_pin(name: str) -> None:
    """g2020-b prints one row total changed (总计 31149 where its cells add to 31145). Read as
    crawler text, the other rows of table 三 are still cut where the table's equations put them,
    a dash run into figures (211—5742229) a blank cell: each row the reader gives is the printed
    row or in ``uncertain``, and those the sums decide are read (the merged reader lost six)."""
    path = FIXTURES / name / "g2020-b~gazette.txt"
    result = read_report(path)
    assert result.report is not None, result.error
    read = json.loads(result.report.to_json())
    gold = json.loads((FIXTURES / "gold" / "g2020-b.json").read_text(encoding="utf-8"))
    named = {str(u.get("cell")) for u in read["uncertain"] if u.get("value") is None or "alternatives" in u}
    for key, printed in gold["requests"].items():
        got = read["requests"][key]
        assert all(g is None or g == p for g, p in zip(got, printed, strict=True)) or f"requests.{key}" in named, key
    decided = [key for key, printed in gold["requests"].items() if read["requests"][key] == printed]
    for key in (
        "denied_query_matter",
        "unavailable_needs_creation",
        "unavailable_unclear",
        "not_processed_duplicate",
        "not_processed_publication",
        "other",
    ):
        assert key in decided, f"{key}: read {read['requests'][key]}"
    # The contradicting row itself (28,422 12173495564227131149): its other cells pinned by the
    # column sums, its total read as printed, in doubt, and the broken rule reported.
    assert read["requests"]["total_processed"] == gold["requests"]["total_processed"]
    assert "requests.total_processed" in {str(u.get("cell")) for u in read["uncertain"]}
    rules = {finding.rule for finding in result.report.findings}
    assert CONTRADICTIONS["g2020-b"][1] in rules, sorted(rules)


def test_a_contradicting_row_is_cut_where_the_other_equations_pin_its_cells() -> None:
    """``pinned_readings``: the cuts giving every pinned cell its value but one (read as
    printed); where free cells could be cut two ways, both cuts stay (the caller leaves the cells
    they disagree on unknown); nothing when every cut misses two pinned cells."""
    from gongkai.ingest.numbers import parse_cell
    from gongkai.ingest.pinned_runs import pinned_readings
    from gongkai.ingest.row_reading import Slot

    def run(text: str) -> list[Slot]:
        return [Slot(parse_cell(part), f"line 1 part {i}") for i, part in enumerate(text.split(), 1)]

    pins = [frozenset({v}) for v in (28422, 121, 734, 955, 642, 271, 31145)]
    found = pinned_readings(run("28,422 12173495564227131149"), 7, pins)
    assert [r.values for r in found] == [(28422, 121, 734, 955, 642, 271, 31149)]
    # Only the last cell pinned (4): 1|23 and 12|3 both keep it; 1|2|34 misses it.
    two = pinned_readings(run("1234"), 3, [frozenset(), frozenset(), frozenset({4})])
    assert {r.values for r in two} == {(1, 23, 4), (12, 3, 4)}
    assert pinned_readings(run("28,422 12173495564227131149"), 7, [frozenset({v}) for v in (1, 2, 3, 4, 5, 6, 7)]) == []
    # A hostile run (thousands of digits) is no count: given up on at once, not cut every way.
    start = time.process_time()
    assert pinned_readings(run("12" * 5000), 7, [frozenset()] * 6 + [frozenset({5})]) == []
    assert pinned_readings(run(" ".join(["1" * 40] * 7)), 7, [frozenset({1})] * 7) == []
    assert time.process_time() - start < 1.0
