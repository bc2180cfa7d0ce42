"""markitdown's prints of Word tables 三: rows' wrapped labels interleaved with the group labels
between pipe-table fragments, strays around the figures (``inorder._read_window``); a 序号 table
whose tall rows' 总计 and numbers stand on loose lines (``pipe_loose_totals``, ``serials``); two-line
cells split around their row (``pipe_centred_units``)."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.document import Cell, TableBlock
from gongkai.ingest.pipe_centred_units import pipe_rows_centred_units
from gongkai.ingest.pipe_label_figures import label_run_into_figure
from gongkai.ingest.pipe_loose_totals import pipe_rows_with_loose_totals
from gongkai.ingest.pipes import _row_label_only
from gongkai.ingest.read import read_report
from gongkai.ingest.serials import _set_apart

HERE = Path(__file__).parent


def _requests(holdout: str, name: str, gold: str) -> tuple[dict[str, list[int | None]], dict[str, object]]:
    result = read_report(HERE / holdout / "fixtures" / "markitdown" / name)
    assert result.report is not None
    expected = json.loads((HERE / holdout / "fixtures" / "gold" / gold).read_text())
    return result.report.requests, expected["requests"]


def test_rows_in_printed_order_past_a_stray_date() -> None:
    """Labels wrapped four characters a line, each row's figures beside a middle piece, the group
    labels' pieces among them; a signature's year set in a table ahead of table 三, a date after
    table 四 (one cell short): table 三 read in printed order, every row adding up."""
    read, gold = _requests("holdout11", "c2024-b~gongwen-word.md", "c2024-b.json")
    assert read == gold
    read, gold = _requests("holdout11", "c2020-b~gongwen-word.md", "c2020-b.json")
    assert read == gold  # the report's own 结转 row contradicts it: read as printed


def test_loose_totals_and_numbers_of_a_serial_table() -> None:
    """A 序号 table set as one pipe table per row: tall rows' 总计 (``1150`` over ``件``) on a
    loose line above the row, a few rows' numbers on loose lines: every cell read."""
    read, gold = _requests("holdout7", "z2022-a~platform-word.md", "z2022-a.json")
    assert read == gold


def test_loose_total_only_where_it_is_the_rows_sum() -> None:
    row = "| 1 | 一、本年新收 | | | 768 件 | 92 件 | 30 件 | 168 件 | 92 件 | 0 件 |"
    joined = pipe_rows_with_loose_totals(["1150", row, "件"])
    assert joined[0] == "" and "| 1150 |" in joined[1]
    assert pipe_rows_with_loose_totals(["1151", row]) == ["1151", row]  # not its sum: left
    whole = "| 2 | 二、上年结转 | | 73 件 | 48 件 | 8 件 | 2 件 | 10 件 | 5 件 | 0 件 |"
    assert pipe_rows_with_loose_totals(["3", whole]) == ["3", whole]  # adds up: a 序号, left


def test_numbers_set_apart_count_only_with_unnumbered_rows() -> None:
    def table(*rows: list[str]) -> TableBlock:
        return TableBlock([[Cell(text, "t") for text in row] for row in rows], "t", piped=True)

    figures = ["5", "3", "2"]
    numbered = table(["1", "甲", *figures], ["乙", "", *figures], ["3", "丙", *figures], ["16 丁"], ["", *figures])
    assert not _set_apart(numbered)  # 16 after 3: a gap with no unnumbered rows for it
    kept = table(["1", "甲", *figures], ["乙", "", *figures], ["3", "丙", *figures], ["4 丁"], ["", *figures])
    assert _set_apart(kept)
    assert not _set_apart(table(["1", "甲", *figures], ["2", "乙", *figures]))  # none set apart


def test_two_line_cells_split_around_their_row() -> None:
    """A platform's 序号 table of ``figure 件`` cells: the wrapped cells' figures in the pipe row
    or loose line above each row, their units below (``| | 1150 768 | | 0 |`` · the row · ``| |
    件 件 | | 件 |``; ``0`` · the row · ``件``): every cell read, the 总计 column by the sums."""
    read, gold = _requests("holdout7", "z2022-a~platform.md", "z2022-a.json")
    assert read == gold


def test_centred_cells_left_where_no_unit_stands_below() -> None:
    row = "| 2 二、上年结转 | | | 73 件 48 件 | 8 件 2 件 | 10 件 5 件 | |"
    assert pipe_rows_centred_units(["0", row, "件"])[1].endswith("| 0 |")
    assert pipe_rows_centred_units(["0", row, "说明"]) == ["0", row, "说明"]  # no unit below: left
    assert pipe_rows_centred_units(["7", row, "件"]) == ["7", row, "件"]  # does not add up: left


def test_first_row_of_table_two_under_its_figures() -> None:
    """Table 二's 规章 row: its figures in a pipe row under the header, its label spaced out across
    two cells (``| 规 | 章 |``) or on a loose line after, a page's ``— 2 —`` before the next row."""
    for name in ("c2024-b~gongwen-word.md", "c2023-a~gongwen-word.md", "c2022-a~gongwen-word.md"):
        result = read_report(HERE / "holdout11" / "fixtures" / "markitdown" / name)
        assert result.report is not None
        gold = json.loads((HERE / "holdout11" / "fixtures" / "gold" / f"{name.split('~')[0]}.json").read_text())
        assert result.report.active["regulations"] == gold["active"]["regulations"], name


def test_spaced_label_pieces_are_ideographs() -> None:
    def row(*texts: str) -> list[Cell]:
        return [Cell(text, "t") for text in texts]

    assert _row_label_only(row("规", "章", "", ""))
    assert not _row_label_only(row("规章", "/", "/", "/"))  # a row of dashes, not a label's pieces


def test_two_line_cells_with_a_subtotal_column() -> None:
    """The same split rows in a table with a 小计 column before 总计 (``| | 0 0 3 |`` above the
    row: 其他, 小计, 总计 wrapped): placed by the 小计's and 总计's sums."""
    read, gold = _requests("holdout7", "z2023-a~platform.md", "z2023-a.json")
    assert read == gold


def test_spaced_label_run_into_its_first_figure() -> None:
    """``| 行 | 政 处 | 罚 31 | -1 | 3 |``: the label's pieces joined, the figure cut off its last one."""
    row = label_run_into_figure([Cell(text, "t") for text in ("行", "政 处", "罚 31", "-1", "3")])
    assert [cell.text for cell in row] == ["", "", "行政处罚", "31", "-1", "3"]
    words = [Cell(text, "t") for text in ("行", "政 处", "罚 31", "说明")]
    assert label_run_into_figure(words) == words  # a word after it: not a row of figures
    result = read_report(HERE / "holdout11" / "fixtures" / "markitdown" / "c2020-b~gongwen-word.md")
    assert result.report is not None
    gold = json.loads((HERE / "holdout11" / "fixtures" / "gold" / "c2020-b.json").read_text())
    assert result.report.active == gold["active"]
