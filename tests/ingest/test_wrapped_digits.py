"""Figures a narrow Excel cell wrapped digit by digit (``ingest/wrapped_digits.py``), on the real
holdout4 fixtures: ``pdftotext -layout`` sets ``80`` on the row and ``6`` under it, pymupdf4llm
``80<br>6`` in a pipe cell; the row sums choose the joining, and two rows a converter ran into
one pipe row are left alone; markitdown centres a one-line cell, so a wrapped figure's head
stands in the pipe row above and its tail in the row below."""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.picture_cells import picture_cells
from gongkai.ingest.pipe_wraps import STACKED
from gongkai.ingest.text import _HALF_WIDTH_DIGITS
from gongkai.ingest.wrapped_digits import (
    line_wrapped_around,
    rows_with_split_figures,
    rows_with_tails_further_down,
    rows_with_wrapped_digits,
    rows_wrapped_around,
    sums_hold,
)
from gongkai.ingest.wrapped_pipe_figures import (
    pipe_cells_with_wrapped_digits,
    pipe_rows_with_loose_pieces,
    pipe_rows_wrapped_around,
    pipe_tails_over_page,
)

from .fixture_json import gold_json
from .holdout4 import FIXTURES

_PDFVARIANTS = Path(__file__).parent / "pdfvariants" / "fixtures"


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").translate(_HALF_WIDTH_DIGITS).split("\n")


def _figures(line: str) -> list[int]:
    return [int(part) for part in line.replace("|", " ").split() if part.isdigit()]


def test_the_row_sums_tell_a_row() -> None:
    assert sums_hold([314, 7, 8, 84, 0, 35, 448])
    assert not sums_hold([31, 7, 8, 84, 0, 35, 44])
    assert sums_hold([157, 9, 5, 1, 172])  # blank cells: zeros


def test_layout_tails_join_the_row_above_where_the_sums_choose() -> None:
    """``31 7 8 84 0 35 44`` over ``4 … 8`` (the tails' columns skewed by the label)."""
    lines = _lines(FIXTURES / "pdftotext-layout" / "b2024-e~bureau.txt")
    at = next(i for i, line in enumerate(lines) if "上年度结转" in line)
    fixed = rows_with_wrapped_digits(lines)
    gold = gold_json(FIXTURES, "b2024-e")["requests"]
    assert _figures(fixed[at]) == gold["carried_over"]
    assert not _figures(fixed[at + 1])
    new = next(i for i, line in enumerate(lines) if "本年度新收" in line)
    assert _figures(fixed[new]) == gold["new_received"]


def test_layout_tails_the_sums_cannot_place_stand_where_their_columns_tails_stood() -> None:
    """``35 35 8 125 0 99 61`` over ``0 … 7``: ``350 35`` and ``35 350`` both sum; the page's other
    lines of tails (``4 … 8`` under 上年度结转, joined to 自然人 and 总计 by the sums alone) put
    自然人's tails where the ``0`` stands."""
    lines = _lines(FIXTURES / "pdftotext-layout" / "b2024-e~bureau.txt")
    fixed = rows_with_wrapped_digits(lines)
    gold = gold_json(FIXTURES, "b2024-e")["requests"]
    for label, key in (("部分公开", "partially_granted"), ("要求行政机关确认", "not_processed_confirmation")):
        at = next(i for i, line in enumerate(lines) if label in line)
        assert _figures(fixed[at]) == gold[key], label
        assert not _figures(fixed[at + 1]), label


def test_layout_tails_stay_where_no_row_placed_their_columns() -> None:
    """Alone (no other row on the page shows where the tails stand), ``35 35 … 61`` over ``0 … 7``
    is left as printed: the sums cannot choose."""
    lines = _lines(FIXTURES / "pdftotext-layout" / "b2024-e~bureau.txt")
    at = next(i for i, line in enumerate(lines) if "部分公开" in line)
    assert rows_with_wrapped_digits(lines[at : at + 2]) == lines[at : at + 2]


def test_layout_joined_figures_keep_their_columns() -> None:
    """A row with blank cells (``80 44 27 … 3 880``): the figures stay where they stood."""
    lines = _lines(FIXTURES / "pdftotext-layout" / "b2022-c~bureau.txt")
    at = next(i for i, line in enumerate(lines) if "本年新收" in line)
    fixed = rows_with_wrapped_digits(lines)
    assert _figures(fixed[at]) == [806, 44, 27, 3, 880]
    assert fixed[at].index("3 ") == lines[at].index("3 ")


def test_pipe_cells_join_where_the_sums_choose() -> None:
    lines = _lines(FIXTURES / "pymupdf4llm" / "b2024-e~bureau.md")
    fixed = pipe_cells_with_wrapped_digits(lines)
    gold = gold_json(FIXTURES, "b2024-e")["requests"]
    at = next(i for i, line in enumerate(lines) if "上年度结转" in line)
    assert _figures(fixed[at]) == gold["carried_over"]
    at = next(i for i, line in enumerate(lines) if "重复申请" in line)
    assert _figures(fixed[at]) == gold["not_processed_duplicate"]


def test_two_rows_run_into_one_pipe_row_are_left_alone() -> None:
    """``38<br>4 | … | 39<br>4``: two rows, each summing; joined they would sum too."""
    lines = _lines(_PDFVARIANTS / "pymupdf4llm" / "v2021-i~chromium-stripes-turned.md")
    assert pipe_cells_with_wrapped_digits(lines) == lines


def test_centred_pipe_rows_join_head_above_and_tail_below() -> None:
    """markitdown: ``| 31 | | … | 44 |`` · ``| | 7 | 8 | 84 | 0 | 35 | |`` · ``| 4 | | … | 8 |``."""
    lines = _lines(FIXTURES / "markitdown" / "b2024-e~bureau.md")
    fixed = pipe_rows_wrapped_around(lines)
    gold = gold_json(FIXTURES, "b2024-e")["requests"]
    rows = (("上年度结转", "carried_over"), ("本年度新收", "new_received"), ("重复申请", "not_processed_duplicate"))
    for label, key in rows:
        at = next(i for i, line in enumerate(lines) if label in line)
        assert _figures(fixed[at]) == gold[key], label
        assert not _figures(fixed[at - 1]) and not _figures(fixed[at + 1])


def test_centred_pipe_rows_order_within_a_run_together_cell_by_the_sums() -> None:
    """Two columns in one cell (``其他 总计``): heads ``61`` above a rule row, ``99`` in the row,
    ``7`` below: only ``99 617`` satisfies the sums."""
    lines = _lines(FIXTURES / "markitdown" / "b2024-e~bureau-word.md")
    at = next(i for i, line in enumerate(lines) if "（二）部分公开" in line) + 2
    assert (
        _figures(pipe_rows_wrapped_around(lines)[at]) == gold_json(FIXTURES, "b2024-e")["requests"]["partially_granted"]
    )


def test_centred_pipe_rows_leave_an_order_the_sums_do_not_choose_to_the_table() -> None:
    """``270`` · ``235`` · ``3`` in one cell holding two columns: ``2703 235`` or ``235 2703``,
    both satisfy the row sums, so the cell keeps both figures joined by ``STACKED`` (the wrapped
    one first) and the table's column balances choose the order (``stacked_cells``)."""
    lines = _lines(FIXTURES / "markitdown" / "b2024-e~bureau-word.md")
    at = next(i for i, line in enumerate(lines) if "本年度新收" in line)
    fixed = pipe_rows_wrapped_around(lines)
    assert f"2703{STACKED}235" in fixed[at]
    assert not _figures(fixed[at - 1]) and not _figures(fixed[at + 1])


def test_centred_pipe_rows_left_alone_where_the_readings_differ_in_more_than_order() -> None:
    """Two wrapped figures (``13``, ``24``) in one cell beside a one-line one (``5``): every order
    satisfies the sums, and moving one figure of the cell cannot try them all, so the rows stay
    as printed (and the reader flags them)."""
    rows = ["| 项目 | 1 2 | | |", "| 一、本年新收 | 5 | 10 | 52 |", "| | 3 4 | | |"]
    assert pipe_rows_wrapped_around(rows) == rows


def test_ordinary_pipe_rows_are_left_alone() -> None:
    lines = _lines(_PDFVARIANTS / "pymupdf4llm" / "v2021-i~chromium-stripes-turned.md")
    assert pipe_rows_wrapped_around(lines) == lines


def test_loose_head_above_and_tail_below_a_pipe_row_join_its_total() -> None:
    """markitdown pulls a wrapped total out of its table: its head on a loose line above the row
    (here beside a label piece), its tail past the row's ``| --- |`` line and another label piece."""
    lines = [
        "5.要求行政机关确认或重新出 29",
        "|     | 2.重复申请 | 166 13 | 9 60 | 0   | 48  |",
        "| --- | ------ | ------ | ---- | --- | --- |",
        "具已获取的信息",
        "6",
    ]
    fixed = pipe_rows_with_loose_pieces(lines)
    assert _figures(fixed[1]) == [166, 13, 9, 60, 0, 48, 296]
    assert fixed[0] == "5.要求行政机关确认或重新出" and fixed[4] == ""


def test_loose_wrapped_part_goes_into_the_cell_markitdown_emptied() -> None:
    """A wrapped part (``13``/``1``) and total (``78``/``4``): the row sums hold wherever the part
    stands among the parts; the pipe cell left empty (其他 总计) tells its place."""
    lines = [
        "13 78",
        "|     | （一）予以公开 | 446 39 | 10 158 | 0   |     |",
        "| --- | ------- | ------ | ------ | --- | --- |",
        "1 4",
    ]
    fixed = pipe_rows_with_loose_pieces(lines)
    assert fixed[1].split("|")[-2].split() == ["131", "784"]
    assert _figures(fixed[1]) == [446, 39, 10, 158, 0, 131, 784]


def test_loose_pieces_join_a_table_four_row_with_dashes() -> None:
    """Table 四 (no label column, dashes for nothing): two group totals wrapped, ``1 1`` above and
    ``1 0`` below; the group sums place them."""
    lines = _lines(FIXTURES / "markitdown" / "b2020-c~bureau.md")
    at = next(i for i, line in enumerate(lines) if line.startswith("| 7 2 |"))
    fixed = pipe_rows_with_loose_pieces(lines)
    cells = [cell.split() for cell in fixed[at].strip()[1:-1].split("|")]
    assert cells == [["7", "2"], ["1", "1", "11"], ["3", "-"], ["-", "1"], ["4", "5"], ["2", "1"], ["2", "10"]]


def test_loose_pieces_leave_a_row_whose_sums_hold() -> None:
    lines = ["8", "|     | 3.其他 | 170 14 | 4 61 | 0 | 48 297 |", "| --- | --- | --- | --- | --- | --- |", "7"]
    assert pipe_rows_with_loose_pieces(lines) == lines


def _appeal_figures(appeals: dict[str, dict[str, int]]) -> list[int]:
    return [value for group in appeals.values() for value in group.values()]


def test_pipe_cells_join_in_a_row_with_dash_cells() -> None:
    """pymupdf4llm, table 四: ``|7|2|1|1|1<br>1|3|-|-|1|4|…|1<br>0|``: a dash is 0 for the sums."""
    lines = _lines(FIXTURES / "pymupdf4llm" / "b2020-c~bureau.md")
    at = next(i for i, line in enumerate(lines) if line.startswith("|7|2|"))
    fixed = pipe_cells_with_wrapped_digits(lines)[at]
    assert fixed == "|7|2|1|1| 11 |3|-|-|1|4|5|2|1|2| 10 |"


def test_picture_text_wrapped_figures_join_between_heads_and_tails() -> None:
    """pymupdf4llm's picture text of table 四: heads ``2 2 1`` over the one-line figures, tails
    ``0 6 0`` under them; one joining satisfies the three groups' sums."""
    joined = line_wrapped_around("2 2 1", "10 6 1 3 18 2 4 2 3 2 1 4", "0 6 0")
    assert joined is not None
    assert [int(v) for v in joined.split()] == _appeal_figures(gold_json(FIXTURES, "b2022-c")["appeals"])
    lines = _lines(FIXTURES / "pymupdf4llm" / "b2022-c~bureau.md")
    assert any("10 6 1 3 20 18 2 4 2 26 3 2 1 4 10" in line for line in picture_cells(lines))


def test_picture_text_lines_left_alone_where_the_sums_do_not_choose() -> None:
    assert line_wrapped_around("1", "1 1 1 1 1", "1") is None  # no joining sums: as printed
    assert line_wrapped_around("1 2", "3 4 5", "6") is None  # a head without its tail


def test_a_tail_carried_to_the_next_page_joins_the_last_row() -> None:
    """``|二、上年度结转…|314|7|8|84|0|35|44|``, a page break, then a new table whose first row
    holds only ``8``: 448."""
    lines = _lines(FIXTURES / "pymupdf4llm" / "b2024-e~bureau-word.md")
    fixed = pipe_tails_over_page(lines)
    at = next(i for i, line in enumerate(lines) if "上年度结转" in line)
    assert _figures(fixed[at]) == gold_json(FIXTURES, "b2024-e")["requests"]["carried_over"]
    assert not any(_figures(line) for line in fixed[at + 1 : at + 6])


def test_a_next_pages_header_is_not_a_tail() -> None:
    lines = ["|一、本年新收|3|1|0|0|0|0|5|", "", "", "|自然人|总计|", "|---|---|", "|1|2|"]
    assert pipe_tails_over_page(lines) == lines


def test_layout_rows_wrapped_around_join_heads_above_and_tails_below() -> None:
    """A Word print centres each cell: ``270 … 81 48`` · ``一、本年度新收… 235 79 972 0`` ·
    ``3 … 1 00``; the row whose figures stand on a line of their own between its label's pieces
    (``1.本机关不掌握相关的政府信 106 … 31 18`` · ``90 28 381 0`` · ``（四） 息 9 … 0 78``) too."""
    lines = _lines(FIXTURES / "pdftotext-layout" / "b2024-e~bureau-word.txt")
    fixed = rows_wrapped_around(lines)
    gold = gold_json(FIXTURES, "b2024-e")["requests"]
    rows = (
        ("本年度新收", "new_received", 0),
        ("（七）总计", "total_processed", 0),
        ("本机关不掌握", "unavailable_not_held", 1),
    )
    for label, key, below in rows:
        at = next(i for i, line in enumerate(lines) if label in line) + below
        assert _figures(fixed[at]) == gold[key], label
        assert not _figures(fixed[at - 1]) and not _figures(fixed[at + 1]), label
    assert "本机关不掌握" in fixed[at - 1] and "息" in fixed[at + 1]  # the label's pieces stay


def test_layout_ordinary_rows_are_not_wrapped_around() -> None:
    lines = _lines(_PDFVARIANTS / "pdftotext-layout" / "v2019-a~chromium-landscape.txt")
    assert rows_wrapped_around(lines) == lines
    assert rows_with_split_figures(lines) == lines


def test_layout_pieces_of_a_figure_on_the_row_line_join_where_the_sums_choose() -> None:
    """``109 9 3 19 10 0 15      0`` (one more figure than the row's columns) and table 四's
    ``7 2 1 1 1  1 3 - - 1 4  5 2 1 2 1    0`` (two more): the one joining that sums."""
    lines = _lines(FIXTURES / "pdftotext-layout" / "b2020-c~bureau.txt")
    fixed = rows_with_split_figures(lines)
    gold = gold_json(FIXTURES, "b2020-c")
    at = next(i for i, line in enumerate(lines) if "本机关不掌握" in line)
    assert _figures(fixed[at]) == gold["requests"]["unavailable_not_held"]
    at = next(i for i, line in enumerate(lines) if line.split()[:5] == ["7", "2", "1", "1", "1"])
    appeals = gold["appeals"]
    groups = ("review", "litigation_direct", "litigation_after_review")
    fields = ("upheld", "corrected", "other", "pending", "total")
    expected = [appeals[g][f] for g in groups for f in fields]
    assert [int(t) if t.isdigit() else 0 for t in fixed[at].split()] == expected


def test_default_mode_tails_after_the_label_join_the_row_where_the_sums_choose() -> None:
    """``pdftotext``'s default flow (chromium's print): ``446 39 10 158 0 13 78`` / ``办理结果`` /
    ``6`` / ``1 4`` — the row, the rest of its wrapped label, then its tails a few to a line; and
    ``16 13 9 60 0 48 29`` / ``2.重复申请`` / ``6`` / ``6`` (the row's label after its figures). Where
    two joinings hold (``35 35 … 61`` over ``0`` / ``7``: ``350 35`` or ``35 350``) the row stays."""
    lines = _lines(FIXTURES / "pdftotext" / "b2024-e~bureau.txt")
    fixed = rows_with_tails_further_down(rows_with_wrapped_digits(lines))
    gold = gold_json(FIXTURES, "b2024-e")["requests"]
    for key in ("new_received", "carried_over", "granted", "not_processed_duplicate"):
        assert gold[key] in [_figures(line) for line in fixed], key
    twin = next(i for i, line in enumerate(lines) if line.endswith("35 35 8 125 0 99 61"))
    assert fixed[twin : twin + 4] == lines[twin : twin + 4]
    assert rows_with_tails_further_down(lines[:60]) == lines[:60]  # no row: nothing joined
