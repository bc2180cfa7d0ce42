"""pdftotext (default mode) text flows that interleave a table's cells (issue 9): figures printed in a
cluster after the rows under them, a row label run into the next table's header, a page's number
inside a table's flow, row labels whose figures stand under their column headers.

The streams are what ``pdftotext`` printed for the fixtures of ``tests/ingest/wild`` and
``tests/ingest/publishers`` (gongkai's own layout and other publishers' pages, not Word exports).
"""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.appeal_blocks import read_appeals_blocks
from gongkai.ingest.block_displaced import clustered
from gongkai.ingest.block_orders import row_equations, solve
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.page_numbers import drop_page_numbers
from gongkai.ingest.read import read_report
from gongkai.ingest.records import Record, Token, _later_table_cut, split_tables
from gongkai.report.equations import requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import TEMPLATES

HERE = Path(__file__).parent
WILD = HERE / "wild" / "fixtures"
PUBLISHERS = HERE / "publishers" / "fixtures"
TEMPLATE = TEMPLATES["2019"]
KEYS = [row.key for row in TEMPLATE.request_rows]
ROW_SUM = row_equations(requests_bound(TEMPLATE.id), KEYS, 7)
ROWS = [
    [5, 1, 2, 0, 3, 4, 15],
    [7, 0, 1, 1, 2, 3, 14],
    [40, 2, 0, 1, 1, 6, 50],
    [3, 3, 3, 0, 2, 1, 12],
    [9, 0, 0, 4, 0, 1, 14],
]


def _rows(cells: tuple[int, ...]) -> list[list[int]]:
    return [list(cells[i : i + 7]) for i in range(0, len(cells), 7)]


def _gold(folder: Path, name: str) -> dict[str, object]:
    gold: dict[str, object] = json.loads((folder / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    return gold


def test_first_cells_of_two_rows_printed_together_further_on_are_put_back() -> None:
    # synth-2021-large: the 自然人 cells of two tall rows come out after the rows below them.
    assert ROW_SUM is not None
    stream = ROWS[0] + ROWS[1][1:] + ROWS[2][1:] + ROWS[3] + [ROWS[1][0], ROWS[2][0]] + ROWS[4]
    adding, _ = solve(stream, 5, 7, ROW_SUM)
    assert adding < 5
    found = clustered(stream, 5, 7, ROW_SUM)
    assert found is not None
    assert found[0] == 5
    assert ROWS in [_rows(r.cells) for r in found[1]]
    assert all(sorted(r.sources) == list(range(35)) for r in found[1])  # every figure used once


def test_last_cells_of_the_first_row_printed_after_the_rows_under_it_are_put_back() -> None:
    # synth-2021-mixed: the 其他 and 总计 of the first row printed after fourteen rows.
    assert ROW_SUM is not None
    stream = ROWS[0][:5] + ROWS[1] + ROWS[2] + ROWS[3] + ROWS[0][5:] + ROWS[4]
    found = clustered(stream, 5, 7, ROW_SUM)
    assert found is not None
    assert ROWS in [_rows(r.cells) for r in found[1]]


def test_no_cluster_where_every_row_adds_up_or_none_puts_them_right() -> None:
    assert ROW_SUM is not None
    assert clustered([v for row in ROWS for v in row], 5, 7, ROW_SUM) is None
    broken = [v for row in ROWS for v in row]
    broken[3] += 50  # a row no figure moved back can mend
    assert clustered(broken, 5, 7, ROW_SUM) is None


def test_fixtures_with_clustered_figures_read_table_three_whole() -> None:
    for name in ("synth-2021-mixed", "synth-2021-large"):
        report = read_report(WILD / "pdftotext" / f"{name}.txt").report
        assert report is not None
        assert report.requests == _gold(WILD, name)["requests"], name
        assert "requests" in {d.cell for d in report.uncertain}  # the order is a judgement, said


def test_row_label_run_into_the_next_tables_header_is_cut() -> None:
    labels = ["5.要求行政机关确认或重新出具已获\n取信息", "行政复议", "行政诉讼", "结果", "维持"]
    record = Record([Token(t, f"line {i}", parse_cell(t)) for i, t in enumerate(labels)])
    record.values = [Token("0", "line 9", parse_cell("0"))]
    head, tail = _later_table_cut(record)
    assert [t.text for t in head.labels] == labels[:1] and not head.values
    assert [t.text for t in tail.labels] == labels[1:] and [t.text for t in tail.values] == ["0"]
    parts = split_tables([Record([Token("二、上年结转政府信息公开申请数量", "line 0", parse_cell("二、"))]), record])
    assert next(t.text for r in parts["appeals"] for t in r.labels) == "行政复议"
    # A record of one table only stays whole.
    assert _later_table_cut(tail) == [tail]


def test_a_figure_under_a_total_ending_a_page_is_a_cell() -> None:
    # synth-2019-mixed: page 2 ends with table 四's last 总计 and its figure 2, which counts the page
    # too; the page's number came out inside the table's flow. Page 1's number still goes.
    lines = ["正文", "1", "\f表", "0", "2", "总计", "", "2", "\f正文", "3"]
    assert drop_page_numbers(lines) == ["正文", "", "\f表", "0", "2", "总计", "", "2", "\f正文", ""]
    # No other 2 on the page: the 总计 cell printed nothing, and the 2 is the page's number.
    alone = ["正文", "1", "\f表", "0", "总计", "", "2", "\f正文", "3"]
    assert drop_page_numbers(alone) == ["正文", "", "\f表", "0", "总计", "", "", "\f正文", ""]


def _records(*groups: tuple[list[str], str]) -> list[Record]:
    out = []
    for n, (labels, figures) in enumerate(groups):
        record = Record([Token(t, f"line {n}", parse_cell(t)) for t in labels])
        record.values = [Token(t, f"line {n}.{i}", parse_cell(t)) for i, t in enumerate(figures.split())]
        out.append(record)
    return out


def test_table_four_figure_that_is_no_cell_is_the_one_before_the_next_label() -> None:
    # synth-2019-large: the page's number 2 printed after litigation_direct's four figures, before
    # the next header; leaving out its first 2 instead would add up too (0 4 0 2 | 6).
    header = ["结果", "结果", "其他", "尚未", "维持", "纠正", "结果", "审结"]
    records = _records(
        (["行政复议", "行政诉讼", *header], "0 3 1 0"),
        (["未经复议直接起诉", "总计"], "4"),
        (header, "2 0 4 0 2"),
        (["复议后起诉", "总计"], "6"),
        (header, "6 0 0 0"),
        (["总计"], "6"),
    )
    report = Report.empty("某县", 2020, TEMPLATE, fill=None)
    evidence = Evidence()
    read_appeals_blocks(TEMPLATE, records, report, evidence)
    assert report.appeals["litigation_direct"] == {"upheld": 2, "corrected": 0, "other": 4, "pending": 0, "total": 6}
    assert report.appeals["litigation_after_review"]["upheld"] == 6
    assert any(d.cell == "appeals" and "next label" in d.reason_en for d in evidence.uncertain)
    # Both 2s inside one record: nothing tells which is no cell, nothing is read.
    flat = _records((["行政复议", *header], "0 3 1 0 4 2 0 4 0 2 6 6 0 0 0 6"))
    report = Report.empty("某县", 2020, TEMPLATE, fill=None)
    read_appeals_blocks(TEMPLATE, flat, report, Evidence())
    assert all(v is None for cells in report.appeals.values() for v in cells.values())


def test_wild_2019_fixtures_read_table_four() -> None:
    for name in ("synth-2019-large", "synth-2019-mixed", "synth-2019-small", "002_7c7920e851bb8139"):
        report = read_report(WILD / "pdftotext" / f"{name}.txt").report
        assert report is not None
        assert report.appeals == _gold(WILD, name)["appeals"], name


def test_table_two_rows_read_as_zero_from_blank_cells_take_their_header_block() -> None:
    # synth-2019-small~plain: 行政事业性收费 printed among the row labels with a blank line after it
    # (read as 0 by its label), its figures 25 -1 under 上一年项目数量 本年增/减 further on.
    report = read_report(PUBLISHERS / "pdftotext" / "synth-2019-small~plain.txt").report
    assert report is not None
    active = _gold(PUBLISHERS, "synth-2019-small")["active"]
    assert isinstance(active, dict)
    assert report.active["fees"] == active["fees"]
    assert report.active["procurement"] == active["procurement"]
    doubts = [d for d in report.uncertain if d.cell.startswith("active.fees")]
    assert doubts and all("no figure" not in d.reason_en for d in doubts)  # the notes of the 0s went


def test_one_row_off_by_a_figure_printed_after_its_total_is_put_back() -> None:
    # synth-2021-dense~wps: every row adds up but one, 6 1 0 10 0 18 1, whose 1 belongs before the
    # 10: a row or two that fail are tolerated as a report contradicting itself, yet when putting
    # one figure back makes every row add up, that reading is taken (and said).
    report = read_report(PUBLISHERS / "pdftotext" / "synth-2021-dense~wps.txt").report
    assert report is not None
    requests = _gold(PUBLISHERS, "synth-2021-dense")["requests"]
    assert isinstance(requests, dict)
    assert report.requests["other_no_correction"] == requests["other_no_correction"] == [6, 1, 0, 1, 10, 0, 18]
    assert "requests" in {d.cell for d in report.uncertain}


def test_table_two_block_ends_at_another_items_row_label() -> None:
    # shuyang-fgj-2023~cms: 现行有效件数 over its two figures (— 18), then the page's 行政事业性收费
    # row label with its own —: that — is the fee row's, not a third figure of the block.
    report = read_report(PUBLISHERS / "pdftotext" / "shuyang-fgj-2023~cms.txt").report
    assert report is not None
    active = _gold(PUBLISHERS, "shuyang-fgj-2023")["active"]
    assert isinstance(active, dict)
    assert report.active["regulations"]["in_force"] == active["regulations"]["in_force"] == 0
    assert report.active["normative_documents"]["in_force"] == active["normative_documents"]["in_force"] == 18
    assert report.active["fees"] == active["fees"]


def test_a_figure_beside_an_items_blank_row_is_in_doubt(tmp_path: Path) -> None:
    """Word's vertically centred cells: pdftotext sets 行政强制's 4 under 行政处罚's label when
    行政处罚's cell is blank. Which of the two rows the 4 is, nothing printed says: both named."""
    text = (
        "某镇人民政府2023年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n"
        "第二十条第（六）项\n信息内容\n\n本年处理决定数量\n\n行政处罚\n4\n\n行政强制\n\n"
        "第二十条第（八）项\n信息内容\n\n本年收费金额（单位：万元）\n\n行政事业性收费\n\n83.48\n\n"
        "三、收到和处理政府信息公开申请情况\n"
    )
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    result = read_report(path)
    assert result.report is not None
    doubted = {u.cell.split(".")[1] for u in result.report.uncertain if u.cell.startswith("active.")}
    assert {"punishment", "coercion"} <= doubted
