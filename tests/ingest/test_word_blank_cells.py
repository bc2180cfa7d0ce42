"""Word tables whose blank cells vanish (issue 9): ``pdftotext -layout`` rows whose figures are
placed by where they stand, wrapped labels beside them, Markdown rows with the label's emptied
cell, rows of figures a converter set below the table. Lines are as the real tools print them
(``tests/ingest/publishers/fixtures``)."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.appeals import _order_refuted
from gongkai.ingest.cell_lines import _figure_places
from gongkai.ingest.document import TableBlock
from gongkai.ingest.line_cells import split_line
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.placed import placed_readings
from gongkai.ingest.placements import label_cells
from gongkai.ingest.read import read_report
from gongkai.ingest.records import Record, Token
from gongkai.ingest.request_labels import match_request
from gongkai.ingest.request_rows import RequestRaw
from gongkai.ingest.row_reading import Slot
from gongkai.ingest.text import read_text
from gongkai.report.templates import TEMPLATES

FIXTURES = Path(__file__).parent / "publishers" / "fixtures"
ROW_SUM = lambda values: sum(v or 0 for v in values[:-1]) == values[-1]  # noqa: E731


def _slots(line: str, number: int = 92) -> tuple[list[Slot], list[float | None]]:
    parts = split_line(line.strip())
    places = _figure_places(line, parts)
    slots = [Slot(parse_cell(p), f"line {number} part {k + 1}") for k, p in enumerate(parts) if parse_cell(p).is_value]
    xs = [x for p, x in zip(parts, places, strict=True) if parse_cell(p).is_value]
    return slots, xs


def test_a_laid_out_row_places_its_figures_by_where_they_stand() -> None:
    # 000_21925bfca89cb37b~wordgov-word, page 2: 180 (自然人), 1 (商业企业), 3 (其他), 184 (总计)
    slots, xs = _slots("                 180   1             3   184")
    assert all(x is not None for x in xs)
    found = {r.values for r in placed_readings(slots, xs, 7, ROW_SUM)}
    assert found == {(180, 1, 0, 0, 0, 3, 184)}


def test_the_same_row_on_a_wider_page_reads_the_same() -> None:
    # Page 3 of the same report prints the columns farther apart: the fractions stay.
    slots, xs = _slots("             （七）总计         175       1                       3       179", 174)
    assert {r.values for r in placed_readings(slots, xs, 7, ROW_SUM)} == {(175, 1, 0, 0, 0, 3, 179)}


def test_a_figure_between_two_columns_leaves_both_for_the_arithmetic() -> None:
    # 1 halfway between 商业企业 and 科研机构: both placements are readings, nothing is guessed.
    slots, xs = _slots("   10          1                                  11")
    found = {r.values for r in placed_readings(slots, xs, 7, ROW_SUM)}
    assert len(found) >= 2
    assert all(values[0] == 10 and values[-1] == 11 and sum(values[1:6]) == 1 for values in found)


def test_a_crawler_line_keeps_no_room_for_blank_cells() -> None:
    # Single spaces: the blank cells left no room, so nothing is placed by position.
    slots, xs = _slots("180 1 3 184")
    assert xs == [None] * 4
    assert placed_readings(slots, xs, 7, ROW_SUM) == []


def test_blank_cells_kept_as_cells_are_not_placed_by_position() -> None:
    blank = Slot(parse_cell(""), "line 5 cell 3")
    figure = Slot(parse_cell("3"), "line 5 cell 2")
    assert placed_readings([figure, blank, figure], [10.0, None, 40.0], 7, None) == []


def _record(*labels: str) -> Record:
    return Record([Token(text, f"line {k + 1}", parse_cell(text)) for k, text in enumerate(labels)])


def test_numbered_labels_wrapped_beside_their_figures_name_their_rows() -> None:
    # pdftotext -layout of a Word table's narrow label column (wordgov pages): the record holds
    # the tail of the row above, then the head of its own label.
    cases = {
        ("全一稳", "定”", "4.保护第", "三方合"): "denied_third_party",
        ("（三）不 1.属于国",): "denied_state_secret",
        ("事项", "（四）无 1.本机关", "法提供 不掌握"): "unavailable_not_held",
        ("类申请", "2.重复申"): "not_processed_duplicate",
        ("量反复", "申请", "5.要求行", "政机关", "确认或"): "not_processed_confirmation",
    }
    for labels, key in cases.items():
        row = match_request(_record(*labels), True, 0)
        assert row is not None and row.key == key, (labels, row)


def test_a_short_numbered_label_ending_a_cell_names_its_own_row() -> None:
    # pymupdf4llm: 按收费通知要求缴纳费用…申请 (the row above, wrapped) and 3.其他 in one cell
    text = "按收费\n通知要\n求缴纳\n费用、\n行政机\n关不再\n处理其\n政府信\n息公开\n申请\n3.其他"
    row = match_request(Record([Token(text, "line 80 cell 3", parse_cell(text))]), True, 20)
    assert row is not None and row.key == "other_other"


def test_a_blank_first_cell_under_a_label_pulled_out_may_be_the_labels_cell() -> None:
    label = Token("一、本年新收政府信息公开", "line 63 cell 1", parse_cell("一、本年新收政府信息公开"))
    cells = ["", "180", "1", "", "", "3", "184"]
    values = [Token(t, f"line 64 cell {k + 1}", parse_cell(t)) for k, t in enumerate(cells)]
    assert label_cells(RequestRaw("new_received", label, values))
    # The label in the row's own first cell: the blank after it is the first column or a spare cell.
    inside = Token("一、本年新收", "line 64 cell 1", parse_cell("一、本年新收"))
    spare = Token("", "line 64 cell 2", parse_cell(""))
    assert label_cells(RequestRaw("carried_forward", inside, [spare, values[1]]))
    assert not label_cells(RequestRaw("new_received", inside, values[1:]))


def test_figures_set_below_the_table_are_its_cells() -> None:
    text = (
        "|行政复议|行政复议|行政诉讼|\n|---|---|---|\n|结果<br>维持|总计|总计|\n\n"
        "0 1 1\n\n0 2 7 1 0 0 8 1 0 0 1 2\n\n五、存在的主要问题\n"
    )
    document = read_text(Path("x.md"), text.encode())
    tables = [block for block in document.blocks if isinstance(block, TableBlock)]
    figures = [cell.text for table in tables for row in table.rows for cell in row if parse_cell(cell.text).is_value]
    assert " ".join(figures).split() == ["0", "1", "1", "0", "2", "7", "1", "0", "0", "8", "1", "0", "0", "1", "2"]


def test_a_header_order_the_figures_refute_is_not_taken() -> None:
    statutory = ["upheld", "corrected", "other", "pending", "total"]
    printed = ["total", "upheld", "corrected", "other", "pending"]
    figures = ["2", "4", "0", "0", "6", "0", "3", "0", "0", "3", "0", "1", "3", "4", "8"]
    record = Record([], [Token(f, f"line 112 cell {k + 1}", parse_cell(f)) for k, f in enumerate(figures)])
    template = TEMPLATES["2019"]
    groups = [g.key for g in template.appeal_groups]
    assert _order_refuted(template, groups, printed, statutory, {}, record)
    # Figures that add up in the printed order keep it (the header is believed).
    shuffled = ["6", "2", "4", "0", "0", "3", "0", "3", "0", "0", "8", "0", "1", "3", "4"]
    other = Record([], [Token(f, f"line 112 cell {k + 1}", parse_cell(f)) for k, f in enumerate(shuffled)])
    assert not _order_refuted(template, groups, printed, statutory, {}, other)


def _read(path: Path) -> tuple[dict[str, list[int | None]], set[str]]:
    result = read_report(path)
    assert result.report is not None
    data = json.loads(result.report.to_json())
    return data["requests"], {str(u["cell"]) for u in data.get("uncertain", [])}


def test_a_word_export_through_pdftotext_layout_reads_its_blank_cells_as_zero() -> None:
    gold = json.loads((FIXTURES / "gold" / "000_21925bfca89cb37b.json").read_text(encoding="utf-8"))["requests"]
    for name in ("000_21925bfca89cb37b~wordgov-word.txt", "000_21925bfca89cb37b~wordgov.txt"):
        read, _ = _read(FIXTURES / "pdftotext-layout" / name)
        assert read == gold, name


def test_a_consistent_column_shift_in_markitdown_never_passes_unflagged() -> None:
    gold = json.loads((FIXTURES / "gold" / "000_21925bfca89cb37b.json").read_text(encoding="utf-8"))["requests"]
    read, uncertain = _read(FIXTURES / "markitdown" / "000_21925bfca89cb37b~wordgov.md")
    for key in ("new_received", "carried_over", "carried_forward"):
        as_printed = all(v is None or v == g for v, g in zip(read[key], gold[key], strict=True))  # unknown: not wrong
        assert as_printed or f"requests.{key}" in uncertain, (key, read[key])


def test_a_figure_set_after_table_four_goes_back_only_where_the_groups_add_up() -> None:
    from gongkai.ingest.moved_figures import stray_figure_readings as _stray_figure

    # pymupdf4llm (synth-2019-tiny~wordgov-word): the first cell printed on a line after the row.
    run = ["0", "1", "0", "2", "1", "1", "1", "0", "3", "1", "1", "2", "1", "5"]
    slots = [Slot(parse_cell(f), f"line 115 number {k + 1}") for k, f in enumerate(run)]
    slots.append(Slot(parse_cell("1"), "line 117"))

    def groups_add_up(values: tuple[object, ...]) -> bool:
        numbers = [int(str(v)) for v in values]
        return all(sum(numbers[g : g + 4]) == numbers[g + 4] for g in (0, 5, 10))

    found = {r.values for r in _stray_figure(slots, 15, groups_add_up)}
    # Anywhere in the first group's four counts it adds up (before 0 1 0 2, after 0 1, after
    # 0 1 0): all are readings, so the caller's choice leaves those cells unknown; nowhere else.
    rest = (1, 1, 1, 0, 3, 1, 1, 2, 1, 5)
    assert found == {(1, 0, 1, 0, 2, *rest), (0, 1, 1, 0, 2, *rest), (0, 1, 0, 1, 2, *rest)}
    # Every figure on one line: nothing was set apart, nothing is moved.
    same_line = [s._replace(where=f"line 115 number {k + 1}") for k, s in enumerate(slots)]
    assert _stray_figure(same_line, 15, groups_add_up) == []


def test_a_blank_first_column_shows_against_the_rows_on_the_same_scale() -> None:
    from gongkai.ingest.placed import first_column_places

    # Page 2 of 000_21925bfca89cb37b~wordgov-word: 自然人 at 18, 总计 at 42; a row whose 自然人
    # cell is blank prints its first figure under 其他 (37), not at 18.
    lines = [
        "                 180   1             3   184",
        "                  1                       1",
        "                 22                      22",
        "                  4                       4",
        "                                     3    3",
    ]
    rows = [_slots(line, 90 + k) for k, line in enumerate(lines)]
    anchors = first_column_places(rows, 7)
    assert anchors[:4] == [18.0] * 4 and anchors[4] == 18.0
    slots, xs = rows[4]
    assert {r.values for r in placed_readings(slots, xs, 7, ROW_SUM, anchors[4])} == {(0, 0, 0, 0, 0, 3, 3)}
    # Without the table's first column the row is too narrow to place by itself: the arithmetic decides.
    assert placed_readings(slots, xs, 7, ROW_SUM) == []
    # Rows that do not agree on their first column (labels pushing figures right) give no anchor.
    pushed = [_slots(" " * (12 + 3 * k) + "1" + " " * (29 - 3 * k) + "1", 100 + k) for k in range(4)]
    assert first_column_places(pushed, 7) == [None] * 4


def test_a_row_with_a_blank_first_column_is_read_as_printed() -> None:
    from gongkai.ingest.recognise import recognise

    # The same page with 二、上年结转's 1 printed under 其他 instead of 自然人: read where it stands
    # (the report then contradicts itself, which the checks say; the figure is not moved).
    path = FIXTURES / "pdftotext-layout" / "000_21925bfca89cb37b~wordgov-word.txt"
    text = path.read_text(encoding="utf-8")
    row = "请数量\n\n二、上年结转政府信息公开申\n                  1                       1\n"
    assert text.count(row) == 1
    moved = text.replace(row, row.replace(" " * 18 + "1" + " " * 23, " " * 37 + "1    "))
    report = recognise(read_text(Path("moved.txt"), moved.encode()))
    assert report.requests["carried_over"] == [0, 0, 0, 0, 0, 1, 1]


def test_a_numbered_label_pulled_out_between_two_pipe_rows_stays_in_the_table() -> None:
    # markitdown of 003_4339039e26702392~wordgov: a row's label set as text lines between rows.
    text = (
        "（四）无 1.本机关\n法提供 不掌握\n|     | 0   |     |     | 0   |\n| --- | --- | --- | --- | --- |\n"
        "相关政\n府信息\n\n2.没有现\n成信息\n"
        "|     |     | 0   |     |     | 0   |\n| --- | --- | --- | --- | --- | --- |\n"
    )
    document = read_text(Path("x.md"), text.encode())
    tables = [block for block in document.blocks if isinstance(block, TableBlock)]
    cells = [cell.text for table in tables for row in table.rows for cell in row]
    assert "2.没有现" in cells and "成信息" in cells
    # The same lines between paragraphs of prose are text.
    prose = "说明如下：\n2.没有现\n成信息\n以上。\n"
    assert not [b for b in read_text(Path("y.md"), prose.encode()).blocks if isinstance(b, TableBlock)]


def test_a_first_cell_set_after_a_row_of_table_three_goes_back_where_the_row_adds_up() -> None:
    from gongkai.ingest.moved_figures import stray_figure_readings

    # pymupdf4llm (synth-2021-dense~plain): "/" and "/" on lines of their own, "1 2 / 133", then "130".
    cells = [("/", "line 71"), ("/", "line 73"), ("1", "line 75 part 1"), ("2", "line 75 part 2")]
    cells += [("/", "line 75 part 3"), ("133", "line 75 part 4"), ("130", "line 77")]
    slots = [Slot(parse_cell(text), where) for text, where in cells]
    found = {r.values for r in stray_figure_readings(slots, 7, ROW_SUM)}
    assert (130, 0, 0, 1, 2, 0, 133) in found
    assert all(ROW_SUM(values) for values in found)
    # One cell per line (text copied out of a table): nothing stands apart, nothing moves.
    alone = [Slot(parse_cell(text), f"line {k * 2 + 1}") for k, (text, _) in enumerate(cells)]
    assert stray_figure_readings(alone, 7, ROW_SUM) == []


def test_a_label_cell_run_into_the_first_figure_is_cut() -> None:
    # markitdown (synth-2019-small~wps): the label column merged with 自然人.
    document = read_text(Path("x.md"), "| 行政查 3 | 1 0 | 1 | 0 0 | 5 |\n| --- | --- | --- | --- | --- |\n".encode())
    tables = [block for block in document.blocks if isinstance(block, TableBlock)]
    assert [cell.text for cell in tables[0].rows[0]][:3] == ["行政查", "3", "1 0"]
    # A label that holds a number of its own, or a cell with words after it, is left whole.
    kept = read_text(Path("y.md"), "| 说明 | 第 3 |\n| --- | --- |\n| 规章 3 | 另见附件 |\n".encode())
    texts = [cell.text for block in kept.blocks if isinstance(block, TableBlock) for row in block.rows for cell in row]
    assert "规章 3" in texts
