"""markitdown's page grids (issue 9): a page's rows set on one grid of cells that is not the
template's (``| | 0 | 1 | 1 1 | 3 |`` for seven columns), the map of columns to cells chosen for
the whole page by the table's arithmetic, figures placed in a cell by the blanks they start with.
Lines are as markitdown prints them (``tests/ingest/publishers/fixtures/markitdown``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.ingest.document import Cell, TableBlock
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.page_grid import GridRow, grid_row, header_anchors, maps, readings_under
from gongkai.ingest.pipe_tables import _lead, _pipe_cells
from gongkai.ingest.read import read_report
from gongkai.ingest.records import Token
from gongkai.ingest.row_reading import Slot
from gongkai.ingest.row_shapes import row_of_figures
from gongkai.ingest.text import read_text
from gongkai.report.templates import REQUEST_COLUMNS

FIXTURES = Path(__file__).parent / "publishers" / "fixtures"
TITLES = [column.labels for column in REQUEST_COLUMNS]


def _row(key: str, line: str, number: int) -> GridRow:
    """A pipe line as the text reader cuts it, as a grid row (figures of a cell split)."""
    slots: list[Slot] = []
    leads: list[int] = []
    for k, text in enumerate(_pipe_cells(line), start=1):
        parts = text.split()
        if not parts:
            slots.append(Slot(parse_cell(""), f"line {number} cell {k}"))
            leads.append(0)
        if parts and not parse_cell(parts[0]).is_value:
            continue  # a label's cell: the reader keeps it as a label, not among the row's values
        for j, part in enumerate(parts, start=1):
            where = f"line {number} cell {k}" + (f" number {j}" if len(parts) > 1 else "")
            slots.append(Slot(parse_cell(part), where))
            leads.append(_lead(text) if j == 1 else 0)
    row = grid_row(key, slots, leads)
    assert row is not None
    return row


# synth-2019-tiny~wordgov, the page of table 三 markitdown set on five cells
PAGE = [
    ("denied_prohibited_by_law", "|     | 0   |   1 | 1 1 | 3   |"),
    ("denied_security_stability", "|     | 0 1 |   1 |     | 2   |"),
    ("denied_third_party", "| 三方合 | 1   |   1 |     | 2   |"),
    ("denied_internal_affairs", "|     | 0 1 |   1 | 1   | 3   |"),
]


def test_a_page_grid_is_one_map_for_every_row_of_the_page() -> None:
    page = [_row(key, line, 95 + k) for k, (key, line) in enumerate(PAGE)]
    found = maps(page, 7)
    assert found, "some map leaves every cell room for its figures"
    for column_cells in found:
        assert list(column_cells) == sorted(column_cells)  # in order
        assert column_cells[-1] == 5  # the total in the last cell
        for row in page:
            for cell, figures in row.cells:
                assert column_cells.count(cell) >= len(figures)
    # The map the Word table was printed on: 自然人 商业企业 | 科研 社会公益 | 法律服务 其他 | 总计
    assert (2, 2, 3, 3, 4, 4, 5) in found


def test_under_a_map_figures_keep_their_cells_and_leading_blanks_place_them() -> None:
    row = _row(*PAGE[0], 95)
    under = readings_under(row, (2, 2, 3, 3, 4, 4, 5), 7, cued=True)
    assert {r.values for r in under} == {(0, 0, 1, 0, 1, 1, 3), (0, 0, 0, 1, 1, 1, 3)}
    assert all(r.values[0] == 0 and r.values[4:] == (1, 1, 3) for r in under)
    # "   1": the figure starts after blanks, so it is not in its cell's first column.
    best = min(under, key=lambda r: r.tail)
    assert best.values == (0, 0, 0, 1, 1, 1, 3)
    assert all(r.cost == 2 for r in under)  # two blank columns: never read as printed
    # Without the cue both placements stay, for the arithmetic or for nobody to decide.
    assert {r.tail for r in readings_under(row, (2, 2, 3, 3, 4, 4, 5), 7)} == {0}


def test_a_figure_no_cell_has_room_for_gives_no_reading() -> None:
    row = _row("other", "|     | 1 2 3 | 4 | 10 |", 150)
    assert readings_under(row, (2, 3, 3, 3, 3, 3, 4), 7) == []


def test_rows_of_another_layout_are_no_grid_rows() -> None:
    assert grid_row("x", [Slot(parse_cell("3"), "line 4 part 2"), Slot(parse_cell("3"), "line 4 part 3")]) is None
    two_lines = [Slot(parse_cell("3"), "line 4 cell 2"), Slot(parse_cell("3"), "line 5 cell 3")]
    assert grid_row("x", two_lines) is None


def test_a_header_bounds_where_its_columns_start() -> None:
    # 000_21925bfca89cb37b~wordgov: 商业企 over 业, two titles in one cell (社会公 法律服 / 益组织 务机构)
    lines = [
        "|     | 自然人 |     |     |         |     | 总计  |",
        "|     |     | 商业企 | 科研机 | 社会公 法律服 |     |     |",
        "|     |     | 业   | 构   | 益组织 务机构 |     |     |",
    ]
    rows = [
        [Cell(text.strip(), f"line {60 + i} cell {k + 1}") for k, text in enumerate(_pipe_cells(line))]
        for i, line in enumerate(lines)
    ]
    (anchor,) = header_anchors([TableBlock(rows, "lines 60-62")], TITLES)
    assert dict(anchor.cells) == {0: 2, 1: 3, 2: 4, 3: 5, 4: 5, 6: 7}
    assert anchor.width == 7 and anchor.line == 62
    page = [_row("new_received", "|     | 180 | 1   |     |     | 3   | 184 |", 64)]
    bounded = maps(page, 7, dict(anchor.cells))
    assert bounded and len(bounded) < len(maps(page, 7))
    assert all(m[1] >= 3 and m[2] >= 4 for m in bounded)


def test_a_row_of_one_figure_and_its_total_is_a_row() -> None:
    def tokens(*texts: str) -> list[Token]:
        return [Token(t, f"line 9 cell {k}", parse_cell(t)) for k, t in enumerate(texts, start=1)]

    assert row_of_figures(tokens("", "116", "", "", "", "116"))
    assert row_of_figures(tokens("", "0", "", "", "0"))
    assert not row_of_figures(tokens("", "116", "", "", "", "117"))  # not a figure and its total
    assert not row_of_figures(tokens("12", "12"))  # two cells: a stray pair, not a row


def test_leading_blanks_of_a_pipe_cell() -> None:
    assert _lead("   1 ") == 2
    assert _lead(" 1   ") == 0
    assert _lead(" \xa0 6 ") == 2  # a no-break space the word starts with
    assert _lead("     ") == 0


def test_wrapped_labels_between_pipe_rows_keep_the_table_whole() -> None:
    # synth-2019-tiny~wordgov: four label lines and a page's empty line between two rows.
    text = "\n".join(
        [
            "| 三、本 （一）予以公开 | 0   |     |     | 1   |     |     | 1   |",
            "| ----------- | --- | --- | --- | --- | --- | --- | --- |",
            "年度办",
            "理结果",
            "（二）部分公开",
            "",
            "（区分处理的，只",
            "|     | 2   |     |     |     |     | 1   | 3   |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
    )
    document = read_text(Path("t.md"), text.encode())
    (table,) = document.tables
    rows = table.texts()
    assert rows[-1] == ["", "2", "", "", "", "", "1", "3"]  # the blank cells kept


def test_markitdown_word_tables_read_on_their_page_grids() -> None:
    for name in ("synth-2019-tiny~wordgov", "synth-2019-large~wordgov-word", "synth-2021-medium~wordgov-word"):
        gold = json.loads((FIXTURES / "gold" / f"{name.split('~')[0]}.json").read_text(encoding="utf-8"))
        report = read_report(FIXTURES / "markitdown" / f"{name}.md").report
        assert report is not None
        assert report.requests == gold["requests"], name
        # Every row whose figures were placed in columns the text did not show is named uncertain.
        doubted = {u.cell for u in report.uncertain}
        assert "requests.denied_prohibited_by_law" in doubted or "requests.granted" in doubted, name


def test_labels_printed_after_their_figures_move_the_rows_down_one() -> None:
    # synth-2021-mixed~wordgov-word: 上年结转's figures stand before its label, 予以公开's before
    # its; read by the labels, 上年结转 would take 予以公开's figures and 予以公开 none.
    name = "synth-2021-mixed~wordgov-word"
    gold = json.loads((FIXTURES / "gold" / "synth-2021-mixed.json").read_text(encoding="utf-8"))
    report = read_report(FIXTURES / "markitdown" / f"{name}.md").report
    assert report is not None
    for key in ("new_received", "carried_over", "granted", "partially_granted"):
        assert report.requests[key] == gold["requests"][key], key
    doubted = {u.cell for u in report.uncertain}
    assert {"requests.carried_over", "requests.granted"} <= doubted


def _header(lines: list[str], first: int) -> list[list[Cell]]:
    return [
        [Cell(text.strip(), f"line {first + i} cell {k + 1}") for k, text in enumerate(_pipe_cells(line))]
        for i, line in enumerate(lines)
    ]


def test_a_group_title_over_wrapped_titles_side_by_side_anchors_them() -> None:
    # markitdown of a PDF (g2022-c~gazette): 法人或其他组织 over 科研 社会公 / 机构 益组织 in one cell
    lines = [
        "| （本列数据的勾稽关系为） |     |     | 法人或其他组织 |     |     |",
        "|     |     | 然 商业 | 科研 社会公 | 法律服 其 |     |",
        "|     |     | 人 企业 | 机构 益组织 | 务机构 他 |     |",
    ]
    (anchor,) = header_anchors([TableBlock(_header(lines, 50), "lines 50-52")], TITLES)
    assert dict(anchor.cells) == {1: 3, 2: 4, 3: 4, 4: 5, 5: 5}


def test_titles_on_lines_of_their_own_in_one_cell_anchor_each() -> None:
    # markitdown of a Word copy (g2022-c~gazette-word): 自然人 over 商业企业, 总计 over 其他
    lines = [
        "| 和，等于第三项加第四项之和） |     | 自然人  |     |      | 总计  |",
        "|                |     |      | 科研  | 法律服务 |     |",
        "|                |     | 商业企业 | 公益  |      | 其他  |",
        "|                |     |      | 机构  | 机构   |     |",
    ]
    (anchor,) = header_anchors([TableBlock(_header(lines, 54), "lines 54-57")], TITLES)
    # 科研 and 公益, pieces of one title each, anchor 科研机构 and 社会公益组织 (``title_pieces``).
    assert dict(anchor.cells) == {0: 3, 1: 3, 2: 4, 3: 4, 4: 5, 5: 6, 6: 6}


MARKITDOWN_BLANK_ZEROS = """表二 收到和处理政府信息公开申请情况
|     |     | 然 商业 | 科研 社会公 | 法律服 其 |     |
| --- | --- | ---- | ------ | ----- | --- |
|     |     | 人 企业 | 机构 益组织 | 务机构 他 |      |
| --- | --- | ---- | ------ | ----- | ---- |
| 一、本年新收政府信息公开申请数量 |     | 16 1 | 3      | 1     | 2 23 |
二、上年结转政府信息公开申请数量
| （一）予以公开 |     | 10 1 | 3      | 1     | 2 17 |
| （二）部分公开（区分处理的，只计这一情形，不计其他情形） |     | 1   |     |     | 1   |
（三）不予公开 1.属于国家秘密
2.其他法律行政法规禁止公开
3.危及“三安全一稳定”
| 4.保护第三方合法权益 |     | 1   |     |     | 1   |
5.属于三类内部事务信息
6.属于四类过程性信息
7.属于行政执法案卷
| 8.属于行政查询事项 |     | 2   |     |     | 2   |
（四）无法提供 1.本机关不掌握相关政府信息
2.没有现成信息需要另行制作
3.补正后申请内容仍不明确
（五）不予处理 1.信访举报投诉类申请
| 2.重复申请 |     | 2   |     |     | 2   |
3.要求提供公开出版物
4.无正当理由大量反复申请
5.要求行政机关确认或重新出具已获取信息
（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请
3.其他
| （七）总计 |     | 16 1 | 3   | 1   | 2 23 |
四、结转下年度继续办理
"""


def test_blank_rows_read_as_zero_let_the_column_sums_place_lone_figures(tmp_path: Path) -> None:
    # A Word table leaves zeros blank and markitdown sets two columns in one cell: a lone 1 under
    # 自然人 商业企业 is 自然人's only because 商业企业's column adds up to its 1 without it.
    path = tmp_path / "report.md"
    path.write_text(MARKITDOWN_BLANK_ZEROS, encoding="utf-8")
    report = read_report(path).report
    assert report is not None
    assert report.requests["new_received"][0] == 16
    assert report.requests["partially_granted"][:2] == [1, 0]
    assert report.requests["denied_third_party"][:2] == [1, 0]
    assert report.requests["denied_query_matter"][:2] == [2, 0]
    doubted = {u.cell for u in report.uncertain}
    assert "requests.partially_granted" in doubted and "requests.carried_over" in doubted


def test_a_header_cell_of_two_whole_titles_holds_only_their_columns() -> None:
    # markitdown, a Word table pasted from Excel with narrow columns: two titles run into one cell
    # (自然人 商业企业, 其他 总计); the titles of the columns between printed outside the grid.
    rows = [
        [Cell(text.strip(), f"line 46 cell {k + 1}") for k, text in enumerate(_pipe_cells(line))]
        for line in ["| 项目  |     | 自然人 商业企业 |     | 其他 总计 |"]
    ]
    (anchor,) = header_anchors([TableBlock(rows, "lines 46-46")], TITLES)
    assert dict(anchor.cells) == {0: 3, 1: 3, 5: 5, 6: 5}
    assert anchor.only() == {3: frozenset({0, 1}), 5: frozenset({5, 6})}
    page = [_row("carried_over", "|     |     | 58 2 | 4   | 64  |", 53)]
    bounded = maps(page, 7, dict(anchor.cells), anchor.only())
    assert bounded == [(3, 3, 4, 4, 4, 5, 5)]  # 科研 社会公益 法律服务 in the cell between
    assert len(maps(page, 7, dict(anchor.cells))) > 1


def test_a_header_cell_of_one_title_or_of_several_lines_bounds_nothing_more() -> None:
    # synth-2019-tiny~wordgov-word: 商业企业's title stands over 自然人's figures; a cell whose
    # words run over lines may hold pieces of its neighbours' titles.
    lines = [
        "|     |      |     | 科研 法律服务 |     |     |     |",
        "|     | 商业企业 |     | 公益      |     | 其他  |     |",
    ]
    rows = [
        [Cell(text.strip(), f"line {72 + i} cell {k + 1}") for k, text in enumerate(_pipe_cells(line))]
        for i, line in enumerate(lines)
    ]
    anchors = header_anchors([TableBlock(rows, "lines 72-73")], TITLES)
    assert all(anchor.closed == () for anchor in anchors)


# markitdown, the same Word table: a narrow cell's figure wrapped over lines it set apart from the
# row (55 above the row, 0 under its | --- |), two columns' figures in one cell.
MARKITDOWN_NARROW_COLUMNS = """表二 收到和处理政府信息公开申请情况
科研 社会公 法律服务
| 项目  |     | 自然人 商业企业 |     | 其他 总计 |
| --- | --- | -------- | --- | ----- |
机构 益组织 机构
55
| 一、本年新收政府信息公开申请数量 |     | 506 24 | 17  | 3   |
| ---------------- | --- | ------ | --- | --- |
0
| 二、上年结转政府信息公开申请数量 |     | 58 2 | 4   | 64  |
| ---------------- | --- | ---- | --- | --- |
（一）予以公开
|     | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 100 7 | 3   | 1 111 |
|     | 1.属于国家秘密          | 14 1  |     | 15  |
|     | 2.其他法律行政法规禁止公开    | 30 2  | 1   | 33  |
3.危及“三安全一稳定”
4.保护第三方合法权益
5.属于三类内部事务信息
6.属于四类过程性信息
7.属于行政执法案卷
8.属于行政查询事项
（四）无法提供 1.本机关不掌握相关政府信息
2.没有现成信息需要另行制作
3.补正后申请内容仍不明确
（五）不予处理 1.信访举报投诉类申请
2.重复申请
3.要求提供公开出版物
4.无正当理由大量反复申请
5.要求行政机关确认或重新出具已获取信息
（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请
|     | 3.其他 | 400 15 | 17   | 2 434 |
| --- | ---- | ---- | --- | --- |
59
|     | （七）总计 | 544 25 | 21  | 3   |
| --- | ----- | ------ | --- | --- |
3
| 四、结转下年度继续办理 |     | 20 1 |     | 21  |
| ----------- | --- | ---- | --- | --- |
"""


def test_wrapped_pieces_joined_into_their_rows_leave_no_page_break() -> None:
    # The lines the wrapped figures' pieces stood on are empty once joined, but not the empty
    # line markitdown joins pages with: the table stays one page grid, read by its header
    # (holdout4 b2022-c~bureau-word reads so).
    document = read_text(Path("t.md"), MARKITDOWN_NARROW_COLUMNS.encode())
    assert document.tables and all(table.breaks == () for table in document.tables)
    paged = MARKITDOWN_NARROW_COLUMNS.replace("| 四、结转", "\n| 四、结转")
    assert any(table.breaks for table in read_text(Path("t.md"), paged.encode()).tables)


HOLDOUT5 = Path(__file__).parent / "holdout5" / "fixtures"


def test_a_full_header_anchors_its_cells_by_their_printed_numbers() -> None:
    # holdout5 t2020-b~township (markitdown of a PDF): the header sets every title in a cell of its
    # own, 其他 and 总计 in the last one line by line (总 其 计 他), 科研机构 under the group title
    # 法人或其他组织; the reader drops cell 11, blank all down the table, so the last cell is the
    # 11th printed but numbered 12, as the rows' figures are.
    path = HOLDOUT5 / "markitdown" / "t2020-b~township.md"
    document = read_text(path, path.read_bytes())
    anchors = [a for a in header_anchors(document.tables, TITLES) if len(a.cells) == len(TITLES)]
    assert [dict(a.cells) for a in anchors] == [{0: 6, 1: 7, 2: 8, 3: 9, 4: 10, 5: 12, 6: 12}]
    assert anchors[0].width == 12


def test_rows_on_a_full_headers_grid_stand_in_their_titles_cells() -> None:
    # The same report: figures in cells 6, 8, 9 and 12 of twelve, no cell showing two figures; read
    # as printed, the last seven cells shifted every figure a column right. The report's own
    # total contradicts its parts (总计 130, 63 + 33 + 28 = 124): read as printed, in doubt.
    path = HOLDOUT5 / "markitdown" / "t2020-b~township.md"
    gold = json.loads((HOLDOUT5 / "gold" / "t2020-b.json").read_text(encoding="utf-8"))
    report = read_report(path).report
    assert report is not None
    assert report.requests == gold["requests"]
    doubted = {u.cell for u in report.uncertain}
    assert {"requests.new_received", "requests.total_processed"} <= doubted


def test_the_last_cells_last_figure_is_the_rows_total() -> None:
    # Under a map setting 其他 and 总计 in one cell, a lone figure there is the total, not 其他.
    page = [_row("new_received", "|     |     | 63  |     | 30  | 27  |     | 120 |", 55)]
    column_cells = (3, 4, 5, 6, 7, 8, 8)
    assert [r.values for r in readings_under(page[0], column_cells, 7)] == [(63, 0, 30, 27, 0, 0, 120)]


def test_a_tab_separated_table_is_not_read_on_page_grids(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # A tab-separated dump's rows start their figures in different cells (a label in one cell or
    # two): its cells are separators, not places, so no header is sought to place them (speed).
    import gongkai.ingest.grid_tables as grid_tables

    def refuse(*args: object) -> list[object]:
        raise AssertionError("header_anchors called for a table that is not a pipe grid")

    monkeypatch.setattr(grid_tables, "header_anchors", refuse)
    lines = [
        "表二 收到和处理政府信息公开申请情况",
        "\t\t\t法人或其他组织",
        "\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计",
        "一、本年新收政府信息公开申请数量\t\t5\t0\t0\t0\t0\t0\t5",
        "二、上年结转政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t0",
        "三、本年度办理结果\t（一）予以公开\t4\t0\t0\t0\t0\t0\t4",
    ]
    path = tmp_path / "report.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    report = read_report(path).report
    assert report is not None
    assert report.requests["new_received"] == [5, 0, 0, 0, 0, 0, 5]


def test_rows_whose_wrapped_figures_were_joined_are_read_on_their_page_grid() -> None:
    # holdout4 b2022-c~bureau (markitdown of a PDF): narrow columns wrap ８０６ and ８８０ over the
    # row's line (８０ above, ６ under), the row's other figures on the middle line; joined, the
    # lines above and under hold blank cells only. The row is read on the page's grid like the
    # others: 自然人 商业企业 | 科研 社会公益 | 法律服务 | 其他 总计, a lone figure under 科研 社会公益
    # unknown (either column keeps every sum), the total the last cell's last figure.
    path = Path(__file__).parent / "holdout4" / "fixtures" / "markitdown" / "b2022-c~bureau.md"
    report = read_report(path).report
    assert report is not None
    assert report.requests["new_received"] == [806, 44, None, None, 0, 3, 880]
    assert report.requests["partially_granted"] == [157, 9, None, None, 0, 1, 172]
    assert report.requests["other_other"] == [43, 3, None, None, 0, 0, 48]
    doubted = {u.cell: u for u in report.uncertain}
    assert doubted["requests.new_received"].alternatives


def test_a_title_wrapped_under_one_word_beside_another_title_anchors_both() -> None:
    # markitdown of a PDF (c2023-e~county, holdout3): 其 总计 over 他 in the header's last cell
    lines = [
        "|     |     |     | 商业  | 科研 社会公 | 法律服 | 其 总计 |",
        "|     |     |     | 企业  | 机构 益组织 | 务机构 | 他   |",
    ]
    (anchor,) = header_anchors([TableBlock(_header(lines, 60), "lines 60-61")], TITLES)
    assert dict(anchor.cells) == {1: 4, 2: 5, 3: 5, 4: 6, 5: 7, 6: 7}


def test_rows_each_on_a_grid_of_their_own_are_read_by_the_sums_and_the_fewest_columns() -> None:
    # markitdown of a PDF (c2023-e~county, holdout3): each row of table 三 its own pipe table, its
    # cells where its own figures fall (``139 286`` in cell 6 on one row, ``12`` in cell 6 and
    # ``39 384`` in cell 7 on another), the last rows on a grid of 13 cells with no header; the
    # prose (其中自然人2786件) names the first column, every row stays in doubt.
    path = Path(__file__).parent / "holdout3" / "fixtures" / "markitdown" / "c2023-e~county.md"
    result = read_report(path)
    assert result.report is not None
    gold = json.loads((path.parent.parent / "gold" / "c2023-e.json").read_text(encoding="utf-8"))
    read = json.loads(result.report.to_json())
    assert read["requests"] == gold["requests"]
    doubted = {u["cell"]: u["reason_en"] for u in read["uncertain"]}
    assert "prose states (2786)" in doubted["requests.new_received"]
    printed = [key for key, values in gold["requests"].items() if any(values)]
    assert all(f"requests.{key}" in doubted for key in printed)
