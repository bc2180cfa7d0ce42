"""markitdown's pages joined between pipe tables, rows whose labels wrap around their figures'
line, pages of one row, and header titles printed in pieces (issue 9). Inputs are the fixtures
as markitdown printed them (``tests/ingest/<set>/fixtures/markitdown``)."""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.page_grid import GridRow, _page_readings, grid_row
from gongkai.ingest.pipe_tables import _pipe_cells
from gongkai.ingest.read import read_report
from gongkai.ingest.row_reading import Slot

INGEST = Path(__file__).parent


def _read(name: str) -> dict[str, list[int | None]]:
    report = read_report(INGEST / name).report
    assert report is not None
    return dict(report.requests)


def _grid(key: str, lines: list[tuple[int, str]]) -> GridRow | None:
    """Pipe lines as the text reader cuts a row of them: every cell but the label's, numbered."""
    slots: list[Slot] = []
    for number, line in lines:
        for k, text in enumerate(_pipe_cells(line), start=1):
            cell = parse_cell(text.strip())
            if text.strip() and not cell.is_value:
                continue  # the label's cell
            slots.append(Slot(cell, f"line {number} cell {k}"))
    return grid_row(key, slots)


# t2025-a~township (holdout5): 其他处理 1's label wraps over the lines of its pipe table around
# its figures' line, the line before printing blank cells only.
WRAPPED = [
    (92, "| （六）其他 | 1.申请⼈⽆正当理由逾期不补正、⾏政机关不再处理 |     |     |     |     |     |     |     |"),
    (93, "|       |                          |     |     | 1   |     |     |     | 1   |"),
]


def test_a_label_wrapped_around_its_figures_line_keeps_the_row_on_its_grid() -> None:
    row = _grid("other_no_correction", WRAPPED)
    assert row is not None
    assert (row.line, row.width) == (93, 9)
    assert [(cell, [s.value.amount for s in figures]) for cell, figures in row.cells] == [(5, [1]), (9, [1])]


def test_a_page_of_one_row_is_read_under_all_its_maps_at_once() -> None:
    # （七）总计 of t2025-a~township, alone on its page: nine cells, figures in three. Its maps
    # read it in too many ways to weigh map by map; as one set of options they are few.
    total = _grid("total_processed", [(99, "| （七）总计 |     |     |     |     | 4   | 2   |     | 6   |")])
    assert total is not None
    [(off, options)] = _page_readings([total], 7, False, {}, {})
    placed = {r.values for r in options["total_processed"]}
    # Every order-keeping placement of 4 and 2 in the six columns before the total, and no other.
    assert off == 0 and len(placed) == 15
    assert (4, 0, 2, 0, 0, 0, 6) in placed and (0, 0, 0, 4, 2, 0, 6) in placed


def test_a_page_joined_between_pipe_tables_has_a_grid_of_its_own() -> None:
    # markitdown joined pages 1 and 2 with an empty line after a pipe table: （七）总计 stands on
    # page 2's grid, one cell right of page 1's; the column sums place its figures (科研机构 2),
    # and the 自然人 / 商业企业 cell page 1 sets 3 + 1 in stays open (the text cannot say which).
    requests = _read("holdout5/fixtures/markitdown/t2025-a~township.md")
    assert requests["total_processed"] == [None, None, 2, 0, 0, 0, 6]
    assert requests["other_no_correction"] == [None, None, 0, 0, 0, 0, 1]
    assert requests["new_received"] == [None, None, 2, 0, 0, 0, 6]


def test_a_figure_in_the_cell_of_a_title_printed_whole_stands_in_its_column() -> None:
    # g2022-c~gazette-word (holdout2): 科研机构 and 社会公益组织 share a cell line by line (科研
    # over 公益 over 机构), 社会 and 组织 printed outside the pipe rows (``test_page_grid``'s
    # header). The 1 of 法律服务's cell: 社会公益 stands in the cell before (its piece 公益), not in this one.
    requests = _read("holdout2/fixtures/markitdown/g2022-c~gazette-word.md")
    assert requests["new_received"] == [16, 1, None, None, 1, 2, 23]
    assert requests["not_processed_excessive"] == [0, 0, 0, 0, 1, 0, 1]
    assert requests["total_processed"] == [16, 1, None, None, 1, 2, 23]
    # t2020-b~township-word (holdout5): 科研 over 机构 and 公益 in cells of their own.
    requests = _read("holdout5/fixtures/markitdown/t2020-b~township-word.md")
    assert requests["new_received"] == [63, 0, 30, 27, 0, 0, 120]
    assert requests["total_processed"] == [63, 0, 33, 28, 0, 0, 130]
