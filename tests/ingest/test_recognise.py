"""The recogniser on variations real reports print: dashes, units, group rows, missing tables, ties."""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.align import readings
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.recognise import recognise
from gongkai.ingest.row_reading import Reading, Slot
from gongkai.ingest.table_choice import choose
from gongkai.ingest.text import read_text
from gongkai.report.model import Report
from gongkai.report.templates import TEMPLATE_2019, TEMPLATE_2021

from .corpus import gold
from .layouts import Row, document_text, table_rows


def _read(report: Report, rows: list[list[Row]]) -> Report:
    tables = ["\n".join("\t".join(r.labels + r.values) for r in table) for table in rows]
    return recognise(read_text(Path("x.txt"), document_text(report, tables).encode("utf-8")))


def _row(rows: list[Row], label: str) -> Row:
    return next(r for r in rows if r.labels and r.labels[-1] == label)


def test_dashes_read_as_zero_and_noted() -> None:
    report = Report.load(gold("003"))
    rows = table_rows(report)
    _row(rows[0], "行政许可").values = ["—", "/", "0"]
    got = _read(report, rows)
    assert got.active["licensing"] == {"previous_items": 0, "change": 0, "decisions": 0}
    notes = [u for u in got.uncertain or [] if u.cell == "active.licensing"]
    assert notes and "“—”" in notes[0].reason_zh


def test_thousands_separators_and_units() -> None:
    report = Report.load(gold("000"))
    rows = table_rows(report)
    _row(rows[0], "行政许可").values = ["1,070", "142", "146,653"]
    procurement = _row(rows[0], "政府集中采购")
    procurement.values = ["2,711", "30948.6424万元"]
    got = _read(report, rows)
    assert got.active["licensing"]["decisions"] == 146653
    assert got.active["procurement"] == {"projects": 2711, "amount_yuan": 309486424}
    assert any(u.cell == "active.procurement.amount_yuan" for u in got.uncertain or [])


def test_2021_fees_printed_in_yuan_are_converted_to_10k_yuan() -> None:
    report = Report.load(gold("shuyang"))
    report.active["fees"]["amount_10k_yuan"] = 1.5
    rows = table_rows(report)
    _row(rows[0], "行政事业性收费").values = ["15000元"]
    got = _read(report, rows)
    assert got.template is TEMPLATE_2021
    assert got.active["fees"]["amount_10k_yuan"] == 1.5


def test_appeals_printed_one_row_per_group() -> None:
    report = Report.load(gold("002"))
    t = report.template
    rows = table_rows(report)
    rows[2] = [Row(["", *(f.label for f in t.appeal_fields)], [])] + [
        Row([g.label], [str(report.appeals[g.key][f.key]) for f in t.appeal_fields]) for g in t.appeal_groups
    ]
    got = _read(report, rows)
    assert got.appeals == report.appeals


def test_a_missing_table_is_unknown_not_zero() -> None:
    report = Report.load(gold("000"))
    rows = table_rows(report)
    got = _read(report, [rows[0], rows[1], []])
    assert all(v is None for group in got.appeals.values() for v in group.values())
    assert any(u.cell == "appeals" for u in got.uncertain or [])
    assert got.requests == report.requests
    assert any(f.rule == "report.unknown_cells" for f in got.findings or [])


def test_template_from_the_headers_even_against_the_year() -> None:
    report = Report.load(gold("003"))  # template 2019 tables …
    report.year = 2022  # … in a report on 2022: read as printed, and the mismatch reported
    got = _read(report, table_rows(report))
    assert got.template is TEMPLATE_2019
    assert any(f.rule == "report.template_year" for f in got.findings or [])


def test_readings_of_a_row_with_a_surplus_and_a_missing_cell() -> None:
    def slots(*texts: str) -> list[Slot]:
        return [Slot(parse_cell(t), f"cell {i}") for i, t in enumerate(texts)]

    def row_sum(values: tuple[float, ...]) -> bool:
        return sum(values[:6]) == values[6]

    exact = readings(slots("1", "2", "0", "0", "0", "0", "3"), 7, row_sum)
    assert [r.values for r in exact] == [(1, 2, 0, 0, 0, 0, 3)] and exact[0].cost == 0
    padded = readings(slots("", "5", "0", "0", "0", "0", "0", "5", ""), 7, row_sum)
    assert [r.values for r in padded] == [(5, 0, 0, 0, 0, 0, 5)] and padded[0].cost == 0
    surplus = readings(slots("175", "1", "0", "0", "0", "0", "3", "179"), 7, row_sum)
    assert (175, 1, 0, 0, 0, 3, 179) in {r.values for r in surplus}
    run = readings(slots("18010003184"), 7, row_sum)
    assert [r.values for r in run] == [(180, 1, 0, 0, 0, 3, 184)]


def test_a_tie_the_arithmetic_cannot_break_leaves_the_cells_unknown() -> None:
    a = Reading((1, 0), ("x", "y"), ("", ""), 1, "", "")
    b = Reading((0, 1), ("x", "y"), ("", ""), 1, "", "")
    chosen = choose({"row": [a, b]}, lambda table: 0)
    assert chosen["row"].unknown == frozenset({0, 1})
    decided = choose({"row": [a, b]}, lambda table: 0 if table["row"] == (0, 1) else 1)
    assert decided["row"].reading is b and not decided["row"].unknown


def test_appeals_printed_turned_over() -> None:
    report = Report.load(gold("002"))
    t = report.template
    rows = table_rows(report)
    rows[2] = [Row(["", *(g.label for g in t.appeal_groups)], [])] + [
        Row([f.label], [str(report.appeals[g.key][f.key]) for g in t.appeal_groups]) for f in t.appeal_fields
    ]
    got = _read(report, rows)
    assert got.appeals == report.appeals
    assert any("turned over" in u.reason_en for u in got.uncertain or [])


def test_unknown_figures_read_as_null() -> None:
    """未知 (templates.UNKNOWN_MARK, how documents print a null figure) reads back as null, never 0."""
    report = Report.load(gold("000"))
    rows = table_rows(report)
    granted = _row(rows[1], "（一）予以公开")
    granted.values[0] = "未知"
    rows[2][-1].values[0] = "未知"
    got = _read(report, rows)
    assert got.requests["granted"] == [None, *report.requests["granted"][1:]]
    assert got.appeals["review"]["upheld"] is None
    assert got.appeals["review"]["total"] == report.appeals["review"]["total"]
    assert {u.cell for u in got.uncertain or []} >= {"requests.granted", "appeals"}
    assert any(f.rule == "report.unknown_cells" for f in got.findings or [])
    # The row and column checks that need the unknown figure are skipped, not failed.
    assert not [f for f in got.findings or [] if f.is_error]
