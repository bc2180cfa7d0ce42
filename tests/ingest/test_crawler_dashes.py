"""Crawler text of table 二 on pages that print blank cells as dashes, and amounts run into counts.

A page that prints a blank cell as ``—`` (``规章———``) keeps every cell when a crawler collapses
its whitespace, so a dash run into a figure (``规章4—8``, ``行政事业性收费—1762``) is a blank
cell and the figure, not a minus sign; a page that prints its zero cells as 0 writes Word's minus
that way (``76—38844``: 76, −3, 8844). A count run into an amount of money (``2464796.43``) is cut
before the amount's first digits. The runs are the publishers fixtures' own.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gongkai.ingest.active_cuts import money_cuts
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.records import Token
from gongkai.report.templates import Kind

from .fixture_json import gold_json, read_json
from .holdout6 import FIXTURES as HOLDOUT6
from .publishers.scoring import FIXTURES


def _named(data: dict[str, Any], path: str) -> bool:
    return any(path == str(u.get("cell")) or path.startswith(f"{u.get('cell')}.") for u in data["uncertain"])


def test_a_dash_run_into_figures_is_a_blank_cell_where_the_table_prints_dashes() -> None:
    # 规章4—8 (4, —, 8), 行政强制51013—45 (51013, —, 45), 行政事业性收费—1762 (—, 1762): the table
    # prints 规范性文件——14 too, so — is its blank cell.
    for report, fixture, rows in (
        ("synth-2019-huge", "synth-2019-huge~cms", ("regulations", "coercion", "fees")),
        ("shuyang-fgj-2023", "shuyang-fgj-2023~cms", ("normative_documents",)),
    ):
        data = read_json(FIXTURES / "crawler" / f"{fixture}.txt")
        gold = gold_json(FIXTURES, report)["active"]
        for row in rows:
            assert data["active"][row] == gold[row], row
            assert _named(data, f"active.{row}")  # a dash read as a cell: said so


def test_a_run_short_of_a_cell_is_cut_where_the_table_prints_dashes(tmp_path: Path) -> None:
    # 规章12— on a page printing its blanks as —: every cell is printed, so 12 holds two cells.
    text = (FIXTURES / "crawler" / "synth-2021-small~cms.txt").read_text(encoding="utf-8")
    assert "规章12—" in text
    data = read_json(FIXTURES / "crawler" / "synth-2021-small~cms.txt")
    assert data["active"]["regulations"] == gold_json(FIXTURES, "synth-2021-small")["active"]["regulations"]


def test_a_dash_before_a_figure_stays_a_minus_where_the_table_prints_zeros(tmp_path: Path) -> None:
    # The same report as a page that prints zeros (规章000), its minus signs typed as Word does
    # (76—38844): 本年增/减 is −3, not a blank cell.
    text = (FIXTURES / "crawler" / "000_21925bfca89cb37b~wordgov.txt").read_text(encoding="utf-8")
    assert "规章000" in text and "行政强制76-38844" in text
    path = tmp_path / "page.txt"
    path.write_text(text.replace("行政强制76-38844", "行政强制76—38844"), encoding="utf-8")
    data = read_json(path)
    assert data["active"]["coercion"] != {"previous_items": 76, "change": 0, "decisions": 38844}
    gold = gold_json(FIXTURES, "000_21925bfca89cb37b")["active"]["coercion"]
    assert all(data["active"]["coercion"][k] in (gold[k], None) for k in gold)


def test_a_page_printing_dashes_still_reads_a_hyphen_as_a_minus() -> None:
    # 行政强制76-38844 and 行政事业性收费270-104 on the dash-printing page: hyphens stay signs.
    data = read_json(FIXTURES / "crawler" / "000_21925bfca89cb37b~cms.txt")
    assert data["active"]["fees"] == gold_json(FIXTURES, "000_21925bfca89cb37b")["active"]["fees"]


def _run(text: str) -> list[Token]:
    return [Token(text, "line 40 part 2", parse_cell(text))]


def test_a_count_run_into_an_amount_is_cut_before_the_amounts_first_digits() -> None:
    kinds = [Kind.COUNT, Kind.MONEY]
    cuts = {r.values for r in money_cuts(_run("2464796.43"), kinds)}
    assert (24, 64796.43) in cuts and (2464, 796.43) in cuts
    assert all(isinstance(count, int) and count > 0 for count, _ in cuts)
    # A count never starts with 0 unless it is 0: 0222.31 is 0 and 222.31 only.
    assert {r.values for r in money_cuts(_run("0222.31"), kinds)} == {(0, 222.31)}
    # Thousands separators: the amount's first group is one to three digits long.
    assert {r.values for r in money_cuts(_run("75,777.8"), kinds)} == {(7, 5777.8)}
    assert {r.values for r in money_cuts(_run("152,715,300"), kinds)} == {(1, 52715300), (15, 2715300)}
    # Not such a run: a plain digit run (readings' job), a row of other kinds, text not run on.
    assert money_cuts(_run("152715300"), kinds) == []
    assert money_cuts(_run("2464796.43"), [Kind.COUNT, Kind.COUNT]) == []
    assert money_cuts([Token("2464796.43", "line 40 cell 2", parse_cell("2464796.43"))], kinds) == []


def test_a_table_printing_blank_cells_as_slashes_keeps_every_cell() -> None:
    # Table 三 prints 11///13: no cell of this page vanishes, so 政府集中采购75,777.8 is 7 projects
    # and 5,777.8 yuan, not an amount with its count missing.
    text = (FIXTURES / "crawler" / "synth-2019-small~plain.txt").read_text(encoding="utf-8")
    assert "11///13" in text and "政府集中采购75,777.8" in text
    data = read_json(FIXTURES / "crawler" / "synth-2019-small~plain.txt")
    assert data["active"]["procurement"] == gold_json(FIXTURES, "synth-2019-small")["active"]["procurement"]
    assert _named(data, "active.procurement")


def test_a_table_printing_its_zeros_with_some_spaces_kept_keeps_every_cell() -> None:
    # Crawler text that kept some spaces between cells: table 三 prints 1 0 0 0 001 (seven cells,
    # each zero printed), so 规章1 20 is 1, 2, 0 and 行政处罚15 7 is 1, 5, 7, not rows with a cell
    # missing; 行政强制02 14 is 0, 2, 14.
    wild = FIXTURES.parents[1] / "wild" / "fixtures"
    for report, row, printed in (
        ("synth-2021-small", "regulations", "规章1 20"),
        ("synth-2019-small", "punishment", "行政处罚15 7"),
        ("synth-2019-small", "coercion", "行政强制02 14"),  # 02 is 0 run into 2: cut, never 2
    ):
        path = wild / "crawler-partial" / f"{report}.txt"
        assert printed in path.read_text(encoding="utf-8")
        data = read_json(path)
        gold: dict[str, Any] = json.loads((wild / "gold" / f"{report}.json").read_text(encoding="utf-8"))
        assert data["active"][row] == gold["active"][row], row
        assert _named(data, f"active.{row}")


def test_a_hyphen_run_into_figures_is_a_blank_cell_in_a_row_that_holds_no_sign() -> None:
    # A sheet saved as a page prints its blank cells as hyphens (行政许可-): 规章-420 is no −420,
    # as no column of 规章 (本年制发/本年废止/现行有效) may be negative, but the blank cell 本年制发
    # (0) and 420, cut as 4 20 (42 0 would print its 0 as -).
    holdout12 = Path(__file__).resolve().parent / "holdout12" / "fixtures"
    for name in ("crawler", "crawler-nospace"):
        path = holdout12 / name / "x2024-b~excel.txt"
        assert "规章-420" in path.read_text(encoding="utf-8")
        data = read_json(path)
        assert data["active"]["regulations"] == {"made": 0, "repealed": 4, "in_force": 20}
        assert _named(data, "active.regulations")  # the hyphen read as a cell: said so


def test_a_page_printing_its_blanks_as_dashes_cuts_no_zero_out_of_a_run() -> None:
    # 行政事业性收费159540 on a page printing its blank cells as —: 1595 40, not 15954 0 (that
    # page would print the 0 as —).
    data = read_json(FIXTURES / "crawler" / "synth-2019-mixed~cms.txt")
    assert data["active"]["fees"] == gold_json(FIXTURES, "synth-2019-mixed")["active"]["fees"]


def test_a_run_opening_with_a_separated_four_digit_figure_leaves_no_thousands_bare() -> None:
    # 规章1,80873011,906 (crawler text without spaces): 1,808 shows the page sets 1000 and more
    # with a separator, so 730 11,906, not 7301 1,906.
    path = Path(__file__).resolve().parent / "holdout12" / "fixtures" / "crawler-nospace" / "x2021-b~excel.txt"
    assert "规章1,80873011,906" in path.read_text(encoding="utf-8")
    assert read_json(path)["active"]["regulations"] == {"made": 1808, "repealed": 730, "in_force": 11906}


def test_rows_after_one_nothing_decides_are_still_read_on_a_dash_printing_page() -> None:
    # pdftotext of a gazette's Word print: a row of table 二 nothing decides comes before rows
    # cut on a page printing dashes; the file is read, not refused.
    path = Path(__file__).resolve().parent / "holdout2" / "fixtures" / "pdftotext" / "g2021-a~gazette-word.txt"
    data = read_json(path)
    assert data["active"]


def test_a_row_contradicting_its_sum_between_dash_cells_is_read_as_printed() -> None:
    # ``（七）总计85———425`` on a page printing its zeros as —: every cell printed, so 85 and 425
    # hold two cells each; no cut adds up to the row's 总计 (the report contradicts itself, 17 ≠
    # 25). The column sums through the rows above pin 8 5 … 4 and leave 25 the total as printed,
    # in doubt with the broken sums reported; not four cells left unknown.
    path = HOLDOUT6 / "crawler" / "c2020-b~bureau.txt"
    assert "（七）总计85———425" in path.read_text(encoding="utf-8")
    data = read_json(path)
    assert data["requests"]["total_processed"] == [8, 5, 0, 0, 0, 4, 25]
    assert _named(data, "requests.total_processed")
    assert any(f["rule"] == "requests.row_sum" and f["row"] == "total_processed" for f in data["findings"])
