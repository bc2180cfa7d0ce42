"""Table 三 of chromium-printed pages in ``pdftotext``'s default text: blank cells that show only
as line breaks (``ingest/line_gaps.py``) and a table's last columns printed after table 四's
heading (``ingest/spilled.py``), on the fixture files that print them."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.line_gaps import line_gap_readings, lined_table
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.page_numbers import drop_page_numbers
from gongkai.ingest.read import read_report
from gongkai.ingest.row_reading import Slot

HERE = Path(__file__).parent
HOLDOUT2 = HERE / "holdout2" / "fixtures"
VARIANTS = HERE / "pdfvariants" / "fixtures"


def _slots(*lines: str, start: int = 113) -> list[Slot]:
    """A row's figures as pdftotext prints them: one string per line."""
    out: list[Slot] = []
    for k, line in enumerate(lines):
        parts = line.split()
        for j, text in enumerate(parts):
            where = f"line {start + k}" + (f" part {j + 1}" if len(parts) > 1 else "")
            out.append(Slot(parse_cell(text), where))
    return out


def _read(path: Path) -> tuple[dict[str, list[object]], dict[str, list[object]], list[dict[str, object]]]:
    result = read_report(path)
    assert result.report is not None, result.error
    read = json.loads(result.report.to_json())
    gold = json.loads((path.parent.parent / "gold" / f"{path.name.split('~')[0]}.json").read_text(encoding="utf-8"))
    return read["requests"], gold["requests"], read["uncertain"]


def test_a_line_break_is_a_blank_cell_or_more() -> None:
    # g2020-c~gazette: 一、本年新收 … 505 / 39 29 / 67 640 (505 · 39 29 · 67 640)
    found = {r.values for r in line_gap_readings(_slots("505", "39 29", "67 640"), 7)}
    assert found == {(505, 0, 39, 29, 0, 67, 640)}  # the only placement with a gap at each break
    # 47 / 1 / 6 54: one blank cell more to place; the table's column sums choose
    found = {r.values for r in line_gap_readings(_slots("47", "1", "6 54"), 7)}
    assert found == {(47, 0, 1, 0, 0, 6, 54), (47, 0, 0, 1, 0, 6, 54), (0, 47, 0, 1, 0, 6, 54)}
    assert all(v[5:] == (6, 54) for v in found)  # the last line ends in the 总计 column


def test_no_reading_where_the_figures_do_not_add_up_or_fill_the_row() -> None:
    assert line_gap_readings(_slots("47", "1", "6 55"), 7) == []
    assert line_gap_readings(_slots("1 0 0", "0", "0 0 1"), 7) == []  # every cell printed: not this shape


def test_a_table_read_so_only_where_its_rows_break_over_lines() -> None:
    rows = [_slots("505", "39 29", "67 640"), _slots("47", "1", "6 54", start=116)]
    assert lined_table(rows, 7)
    assert not lined_table([_slots("505 0 39 29 0 67 640")], 7)  # one row on one line
    assert not lined_table([*rows, _slots("1 2 3 4 5 6 7 28", start=120)], 7)  # a row wider than the table


def test_gazette_table_leaving_zeros_blank_reads_by_its_line_breaks() -> None:
    read, gold, uncertain = _read(HOLDOUT2 / "pdftotext" / "g2020-c~gazette.txt")
    right = sum(a == b for key in gold for a, b in zip(read[key], gold[key], strict=True))
    assert right >= 150  # of 161 (before line_gaps: 14)
    for key in ("new_received", "granted", "denied_query_matter", "unavailable_not_held", "total_processed"):
        assert read[key] == gold[key], key
    assert read["denied_state_secret"] == [0] * 7  # a label alone: its blank cells read as 0 …
    flagged = {str(u["cell"]) for u in uncertain}
    assert "requests.denied_state_secret" in flagged  # … in doubt
    assert "requests.new_received" in flagged  # placed by the line breaks and the sums: said so
    for key, values in read.items():
        if values != gold[key]:
            assert f"requests.{key}" in flagged, key


def test_table_three_columns_printed_after_table_four_heading() -> None:
    read, gold, _ = _read(VARIANTS / "pdftotext" / "v2019-h~chromium-stripes.txt")
    assert read == gold  # 其他 and 总计 came after 行政复议 行政诉讼 其他 总计 (before spilled: 0 rows)
    result = read_report(VARIANTS / "pdftotext" / "v2019-h~chromium-stripes.txt")
    assert result.report is not None
    appeals = json.loads(result.report.to_json())["appeals"]
    assert all(v == 0 for group in appeals.values() for v in group.values())


def test_figures_counting_pages_that_stop_before_the_last_page_are_cells() -> None:
    # v2021-i~chromium-stripes-turned: pages 2 and 3 of four end in 2 and 3 (the 总计 column's foot
    # and 结转下年度's 总计); page 4 ends in text: no numbering, two cells.
    cells = ["正文", "\f表", "11", "2", "", "\f表", "262", "3", "", "\f正文", "本年度未收取信息处理费。"]
    assert drop_page_numbers(cells) == cells
    numbered = ["正文", "\f表", "11", "2", "", "\f表", "262", "3", "", "\f正文", "4"]
    assert drop_page_numbers(numbered)[3] == "" and drop_page_numbers(numbered)[10] == ""


def test_stripes_turned_reads_its_last_rows_and_stacked_items() -> None:
    path = VARIANTS / "pdftotext" / "v2021-i~chromium-stripes-turned.txt"
    read, gold, uncertain = _read(path)
    assert read == gold  # the 总计 column's last figures kept (before: 82/203 cells)
    result = read_report(path)
    assert result.report is not None
    active = json.loads(result.report.to_json())["active"]
    # 第二十条第（五）项 and （六）项 printed their marks together, then two 本年处理决定数量 blocks of one
    # and two figures: the one-row item takes the first (licensing 62), the two-row one the next.
    assert active["licensing"]["decisions"] == 62
    assert (active["punishment"]["decisions"], active["coercion"]["decisions"]) == (44, 5)
    flagged = {str(u["cell"]) for u in uncertain}
    assert "active.licensing.decisions" in flagged  # read from a block apart from its label: said


def test_blocks_under_shared_headers_go_to_the_items_they_fit() -> None:
    # g2020-c~gazette: 上一年项目数量 and 本年增/减 head items （五） (two rows), （六） (two rows) and
    # （八） (one row); their blocks came out after the marks, two figures each: only （五） then （六）
    # fits both blocks (（八） has one row), so they go there and not to the item last marked.
    path = HOLDOUT2 / "pdftotext" / "g2020-c~gazette.txt"
    result = read_report(path)
    assert result.report is not None
    active = json.loads(result.report.to_json())["active"]
    gold = json.loads((HOLDOUT2 / "gold" / "g2020-c.json").read_text(encoding="utf-8"))["active"]
    for row in ("licensing", "other_services", "punishment", "coercion"):
        assert active[row] == gold[row], row
