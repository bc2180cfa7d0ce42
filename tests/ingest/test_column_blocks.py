"""Table 三 read from figures ``pdftotext`` printed block by block (``ingest/column_blocks.py``).

The streams below are what ``pdftotext`` (default mode) printed for the fixtures in
``tests/ingest/publishers/fixtures/pdftotext`` (a few rows of each), the rows those reports hold
beside them.
"""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.block_displaced import displaced
from gongkai.ingest.block_nested import solve_nested
from gongkai.ingest.block_orders import orders, row_equations, solve
from gongkai.ingest.page_numbers import drop_page_numbers
from gongkai.ingest.read import read_report
from gongkai.ingest.records import Record
from gongkai.report.equations import requests_bound
from gongkai.report.templates import TEMPLATES

FIXTURES = Path(__file__).parent / "publishers" / "fixtures"
TEMPLATE = TEMPLATES["2019"]
KEYS = [row.key for row in TEMPLATE.request_rows]
ROW_SUM = row_equations(requests_bound(TEMPLATE.id), KEYS, 7)


def _rows(cells: tuple[int, ...]) -> list[list[int]]:
    return [list(cells[i : i + 7]) for i in range(0, len(cells), 7)]


def test_the_row_sum_comes_from_the_equations() -> None:
    assert ROW_SUM == [[1, 1, 1, 1, 1, 1, -1]]  # 自然人 … 其他 = 总计


def test_orders_of_a_run_include_rows_columns_and_groups() -> None:
    found = orders(2, 3)
    assert (0, 1, 2, 3, 4, 5) in found  # row by row
    assert (0, 2, 4, 1, 3, 5) in found  # column by column: cell (0,1) printed third
    assert (0, 1, 4, 2, 3, 5) in found  # columns 0-1 row by row, then column 2
    assert (4, 0, 1, 5, 2, 3) in found  # column 0 printed after the rest of its rows
    assert len(set(found)) == len(found)
    assert orders(1, 7)[0] == (0, 1, 2, 3, 4, 5, 6)  # one row: every cut left to right prints the same
    assert len(orders(1, 7)) == len({o for o in orders(1, 7)})


def test_total_column_printed_after_the_rest_chromium_wps() -> None:
    # synth-2019-small~wps, page 1: 自然人 … 其他 row by row, then the 总计 column
    stream = [51, 6, 6, 15, 9, 8, 1, 1, 0, 0, 0, 1, 11, 0, 1, 1, 0, 1, 95, 3, 14]
    adding, readings = solve(stream, 3, 7, ROW_SUM)
    assert adding == 3
    assert {tuple(r.cells) for r in readings} == {(51, 6, 6, 15, 9, 8, 95, 1, 1, 0, 0, 0, 1, 3, 11, 0, 1, 1, 0, 1, 14)}


def test_first_column_printed_before_the_rest() -> None:
    # synth-2021-dense~wps, page 1: the 自然人 column on its own, then the other six row by row
    stream = [749, 0, 0, 182, 358, 43, 123, 36, 1491, 0, 1, 0, 0, 0, 1, 0, 21, 15, 0, 5, 41]
    adding, readings = solve(stream, 3, 7, ROW_SUM)
    assert adding == 3
    assert _rows(readings[0].cells) == [
        [749, 182, 358, 43, 123, 36, 1491],
        [0, 0, 1, 0, 0, 0, 1],
        [0, 0, 21, 15, 0, 5, 41],
    ]
    assert readings[0].sources[:2] == (0, 3)  # where each cell's figure was printed


def test_runs_of_rows_each_in_its_own_order() -> None:
    # synth-2019-small~wps: a page in column groups, then the last page's rows row by row
    page = [2, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 5, 3]  # rows 3-4: columns 0-5 row by row, then 总计
    last = [2, 0, 0, 3, 0, 0, 5, 52, 7, 6, 15, 9, 8, 97]  # rows 20-21 row by row
    adding, readings = solve(page + last, 4, 7, ROW_SUM)
    assert adding == 4
    assert _rows(readings[0].cells) == [
        [2, 1, 1, 0, 0, 1, 5],
        [1, 0, 0, 0, 1, 1, 3],
        [2, 0, 0, 3, 0, 0, 5],
        [52, 7, 6, 15, 9, 8, 97],
    ]
    assert readings[0].runs == 2


def test_no_order_adds_up_gives_nothing_to_take() -> None:
    adding, _ = solve([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14], 2, 7, ROW_SUM)
    assert adding == 0  # a caller takes a reading only when most rows add up
    assert solve([1, 2, 3], 1, 7, ROW_SUM) == (0, [])  # too few figures: not this table


def test_orders_the_arithmetic_cannot_tell_apart_are_all_returned() -> None:
    # Two rows of 1 … 1 2: row by row and column by column both add up, with other cells.
    stream = [1, 1, 0, 0, 0, 0, 2, 1, 0, 1, 0, 0, 0, 2]
    adding, readings = solve(stream, 2, 7, ROW_SUM)
    assert adding == 2
    assert len({r.cells for r in readings}) > 1


def test_page_numbers_must_count_the_pages() -> None:
    numbered = ["正文", "1", "\f正文", "2", "\f正文", "3"]
    assert drop_page_numbers(numbered) == ["正文", "", "\f正文", "", "\f正文", ""]
    # A table's 总计 column printed at the foot of its pages: figures that do not count pages.
    cells = ["5", "2", "\f7", "10", "\f表", "1"]
    assert drop_page_numbers(cells) == cells
    # synth-2021-mixed~wps: 13 and 14 end pages 1 and 2 of five (a column block's last figures).
    run_on = ["49", "13", "\f表", "14", "\f正文", "\f正文", "\f正文"]
    assert drop_page_numbers(run_on) == run_on


def test_fixture_printed_in_column_groups_reads_whole() -> None:
    path = FIXTURES / "pdftotext" / "synth-2019-small~wps.txt"
    gold_path = FIXTURES / "gold" / "synth-2019-small.json"
    import json

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    report = read_report(path).report
    assert report is not None
    assert report.requests == gold["requests"]
    assert any(doubt.cell == "requests" for doubt in report.uncertain)  # the order is a judgement, said


TABLE_TWO_CMS = """二、主动公开政府信息情况
本年度主动公开政府信息情况如下表：
信息内容
规章
规范性文件
信息内容
行政许可
其他对外管理服务事项
第二十条第（一）项
本年新制作数量
本年新公开数量
—
—
28
28
第二十条第（五）项
上一年项目数量
本年增/减
—
—
—
—
第二十条第（八）项
对外公开总数量
—
226
处理决定数量
—
—
三、收到和处理政府信息公开申请情况
"""


def test_table_two_read_from_header_runs_and_their_blocks(tmp_path: Path) -> None:
    # 001_cf5ac85f95ca13ec~cms: the row labels first, then each item's headers over a block of
    # figures printed row by row (two headers, two rows: four figures; one header: two figures).
    path = tmp_path / "report.txt"
    path.write_text("某县人民政府2019年政府信息公开工作年度报告\n" + TABLE_TWO_CMS, encoding="utf-8")
    report = read_report(path).report
    assert report is not None
    assert report.active["regulations"] == {"new_made": 0, "new_published": 0, "total_published": 0}
    assert report.active["normative_documents"] == {"new_made": 28, "new_published": 28, "total_published": 226}
    assert report.active["licensing"] == {"previous_items": 0, "change": 0, "decisions": 0}
    assert any(d.cell == "active.normative_documents.total_published" for d in report.uncertain)


def test_table_two_block_of_the_wrong_size_is_left_alone(tmp_path: Path) -> None:
    # Three figures under two headers of a two-row item: no reading is certain, nothing is guessed.
    text = TABLE_TWO_CMS.replace("—\n—\n28\n28\n", "—\n28\n28\n")
    path = tmp_path / "report.txt"
    path.write_text("某县人民政府2019年政府信息公开工作年度报告\n" + text, encoding="utf-8")
    report = read_report(path).report
    assert report is not None
    assert report.active["normative_documents"]["new_made"] is None
    assert report.active["normative_documents"]["total_published"] == 226


def test_slashed_cells_inside_a_page_are_not_a_page_number() -> None:
    # synth-2021-dense~plain prints "/" for none: "13 / 389" inside a page is three cells of table
    # 三 (by its form alone it could be page 13 of 389); all 25 × 7 figures must reach the table.
    from gongkai.ingest.line_kinds import line_kind
    from gongkai.ingest.read import read_document
    from gongkai.ingest.records import REQUESTS, read_records, split_tables

    assert line_kind("13 / 389") == "page"
    path = FIXTURES / "pdftotext" / "synth-2021-dense~plain.txt"
    records = split_tables(read_records(read_document(path)))[REQUESTS]
    figures = [t.text for r in records for t in r.values if t.text.strip()]
    assert len(figures) == 175
    assert "389" in figures


def test_slashed_cells_at_one_page_break_of_three_are_not_a_page_number() -> None:
    # chromium, a township page printing "/" for none: table 三's first row ends "1 / 3" (法律服务机构,
    # 其他, 总计) right before the page break; no other page ends "k / 3", so no page numbering.
    from gongkai.ingest.page_numbers import slashes_number_pages
    from gongkai.ingest.plain_lines import plain_blocks

    row = ["一、本年新收政府信息公开申请数量", "2 / /", "/", "1 / 3", "", "\f二、上年结转政府信息公开申请数量"]
    lines = ["正文", *row, "/", "\f三、其他", "正文"]
    assert not slashes_number_pages(lines)
    text = " ".join(repr(b) for b in plain_blocks(lines, 0, len(lines)))
    assert "text='3', where='line 5" in text  # 总计's figure reaches the table
    footers = ["正文", "1 / 3", "\f正文", "2 / 3", "\f正文", "3 / 3"]
    assert slashes_number_pages(footers)  # a footer on every page numbers them


def test_table_four_read_in_printed_order_when_its_labels_stand_apart() -> None:
    # tests/ingest/wild (gongkai's layout through pdftotext): table 四's labels printed apart from
    # its fifteen figures (0 1 0 1 2 | 2 1 2 0 5 | 1 1 2 2 6), every group adding up.
    import json

    wild = Path(__file__).parent / "wild" / "fixtures"
    report = read_report(wild / "pdftotext" / "synth-2021-small.txt").report
    gold = json.loads((wild / "gold" / "synth-2021-small.json").read_text(encoding="utf-8"))
    assert report is not None
    assert report.appeals == gold["appeals"]
    assert any(d.cell == "appeals" for d in report.uncertain)


def _appeals_records(printed: str) -> list[Record]:
    from gongkai.ingest.numbers import parse_cell
    from gongkai.ingest.records import Token

    return [Record([], [Token(t, f"line {i}", parse_cell(t)) for i, t in enumerate(printed.split())])]


def test_table_four_with_one_figure_too_many_is_read_only_when_one_reading_adds_up() -> None:
    # As pdftotext printed tests/ingest/wild synth-2019-small: sixteen figures for fifteen cells.
    # Without either later 2 the groups add up (0 2 1 2 5), but also without the first (0 1 2 2 5):
    # the arithmetic cannot decide, so nothing is read.
    from gongkai.ingest.appeal_blocks import read_appeals_blocks
    from gongkai.ingest.evidence import Evidence
    from gongkai.report.model import Report

    report = Report.empty("某县", 2019, TEMPLATE, fill=None)
    read_appeals_blocks(TEMPLATE, _appeals_records("0 1 0 0 1 0 2 1 2 2 5 0 1 1 0 2"), report, Evidence())
    assert all(v is None for cells in report.appeals.values() for v in cells.values())
    # A sixteenth figure no reading but one can place: the last group's own figures, then a 9.
    report = Report.empty("某县", 2019, TEMPLATE, fill=None)
    evidence = Evidence()
    read_appeals_blocks(TEMPLATE, _appeals_records("0 1 0 0 1 0 2 1 2 5 0 1 1 0 2 9"), report, evidence)
    values = [v for g in ("review", "litigation_direct", "litigation_after_review") for v in report.appeals[g].values()]
    assert values == [0, 1, 0, 0, 1, 0, 2, 1, 2, 5, 0, 1, 1, 0, 2]
    assert any(d.cell == "appeals" and "no cell" in d.reason_en for d in evidence.uncertain)


ROWS = [
    [5, 1, 2, 0, 3, 4, 15],
    [7, 0, 1, 1, 2, 3, 14],
    [9, 2, 0, 1, 1, 6, 19],
    [3, 3, 3, 0, 2, 1, 12],
]


def test_last_columns_nested_in_sub_runs_of_their_own() -> None:
    # chromium (synth-2021-medium~cms): columns 0-4 row by row, then 其他 and 总计 row by row for
    # some rows and column by column for the rows under them.
    stream = [v for row in ROWS for v in row[:5]] + [4, 15, 3, 14] + [6, 1, 19, 12]
    plain, _ = solve(stream, 4, 7, ROW_SUM)
    assert plain < 4  # no plain order makes every row add up
    adding, readings = solve_nested(stream, 4, 7, ROW_SUM)
    assert adding == 4
    assert [_rows(r.cells) for r in readings] == [ROWS]


def test_a_total_printed_at_the_end_of_its_stretch_is_put_back() -> None:
    # LibreOffice (synth-2021-mixed~wps-word): a tall row's 总计 printed after the rows under it.
    stream = ROWS[0] + ROWS[1][:6] + ROWS[2] + ROWS[3] + [ROWS[1][6]]
    adding, readings = solve(stream, 4, 7, ROW_SUM)
    assert adding < 4
    moved = displaced(stream, 4, 7, ROW_SUM, readings[0])
    assert moved is not None
    assert moved[0] == 4
    assert ROWS in [_rows(r.cells) for r in moved[1]]
    assert all(sorted(r.sources) == list(range(28)) for r in moved[1])  # every figure used once


def test_no_displaced_figure_where_every_row_adds_up() -> None:
    stream = [v for row in ROWS for v in row]
    _, readings = solve(stream, 4, 7, ROW_SUM)
    assert displaced(stream, 4, 7, ROW_SUM, readings[0]) is None


def test_fixture_with_nested_sub_runs_and_a_displaced_total_reads_whole() -> None:
    import json

    for name, gold_name in (
        ("synth-2021-medium~cms", "synth-2021-medium"),
        ("synth-2021-mixed~wps-word", "synth-2021-mixed"),
    ):
        gold = json.loads((FIXTURES / "gold" / f"{gold_name}.json").read_text(encoding="utf-8"))
        report = read_report(FIXTURES / "pdftotext" / f"{name}.txt").report
        assert report is not None
        doubted = {d.cell for d in report.uncertain}
        assert "requests" in doubted  # the order is a judgement, said
        for key, row in gold["requests"].items():
            for c, value in enumerate(row):
                got = report.requests[key][c]
                assert got is None or got == value, (name, key, c)  # unknown at worst, never wrong
        known = sum(v is not None for row in report.requests.values() for v in row)
        assert known >= 0.9 * 7 * len(gold["requests"]), name


def test_table_four_groups_keep_the_template_order_when_only_headers_move() -> None:
    # synth-2021-mixed~wps: pdftotext prints the header 复议后起诉 before 未经复议直接起诉; the
    # figures follow the columns (the template's order), the moved header is said in uncertain.
    import json

    gold = json.loads((FIXTURES / "gold" / "synth-2021-mixed.json").read_text(encoding="utf-8"))
    report = read_report(FIXTURES / "pdftotext" / "synth-2021-mixed~wps.txt").report
    assert report is not None
    assert report.appeals == gold["appeals"]
    assert {"appeals.litigation_after_review", "appeals.litigation_direct"} <= {d.cell for d in report.uncertain}


def test_table_four_in_printed_order_with_one_group_contradicting_itself_is_read_as_printed() -> None:
    # hold-out h2021-c~province-word: fifteen figures, 80 19 16 26 summing to 141 but printed 142.
    from gongkai.ingest.appeal_blocks import read_appeals_blocks
    from gongkai.ingest.evidence import Evidence
    from gongkai.report.model import Report

    printed = "72 22 13 18 125 80 19 16 26 142 46 17 9 11 83"
    report = Report.empty("某县", 2019, TEMPLATE, fill=None)
    report.appeals["review"]["upheld"] = 80  # a cell the labels misread: the reading is incomplete
    evidence = Evidence()
    read_appeals_blocks(TEMPLATE, _appeals_records(printed), report, evidence)
    values = [v for g in ("review", "litigation_direct", "litigation_after_review") for v in report.appeals[g].values()]
    assert values == [int(v) for v in printed.split()]
    assert any(d.cell == "appeals" and "do not add up" in d.reason_en for d in evidence.uncertain)
    # Two groups that do not add up: the order is not confirmed, nothing is read.
    report = Report.empty("某县", 2019, TEMPLATE, fill=None)
    read_appeals_blocks(TEMPLATE, _appeals_records("72 22 13 18 126 80 19 16 26 142 46 17 9 11 83"), report, Evidence())
    assert all(v is None for cells in report.appeals.values() for v in cells.values())


def test_a_rows_last_cells_row_by_row_then_columns_read_by_the_column_equations() -> None:
    # chromium (a hold-out province page): the last five rows print 自然人 beside their labels, then
    # the first row's other cells row by row, then the rows under it column by column. Every plain
    # order that moves the first row's zeros keeps its 总计, so only the columns decide.
    rows = [
        [173, 0, 1, 2, 5, 0, 181],
        [400, 0, 1, 4, 13, 0, 418],
        [446, 0, 3, 7, 14, 0, 470],
        [13988, 0, 134, 225, 445, 0, 14792],
        [929, 0, 11, 2, 34, 0, 976],
    ]
    stream = [r[0] for r in rows] + rows[0][1:]
    stream += [r[c] for c in range(1, 5) for r in rows[1:]] + [v for r in rows[1:] for v in r[5:]]
    _, plain = solve(stream, 5, 7, ROW_SUM)
    assert rows not in [_rows(r.cells) for r in plain]
    adding, nested = solve_nested(stream, 5, 7, ROW_SUM, always=True)
    assert adding == 5
    assert rows in [_rows(r.cells) for r in nested]


def test_a_table_whose_row_cells_move_within_their_row_is_read_whole_by_its_columns() -> None:
    import json

    holdout = Path(__file__).parent / "holdout" / "fixtures"
    for name in ("h2021-b", "h2021-d"):
        gold = json.loads((holdout / "gold" / f"{name}.json").read_text(encoding="utf-8"))
        report = read_report(holdout / "pdftotext" / f"{name}~province.txt").report
        assert report is not None
        assert report.requests["other_no_correction"] == gold["requests"]["other_no_correction"], name
