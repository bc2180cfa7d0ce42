"""Table 三 in pdfminer's order of text boxes (``ingest/box_tree.py``).

``k2022-a~catalogue`` (holdout17, ``pdfminer.high_level.extract_text``): 自然人's figures come
among the row labels, then 商业企业's 25 zeros, then the other columns in pieces: 科研机构 and
社会公益组织 rows 1-3 side by side, then their rows 4-23; 法律服务机构's first figure, 其他 and
总计's first figures on one line (``12 205``), the three columns' rows 2-23 one after the other;
the last two rows of all five columns last. The reading by labels left the table unread.
"""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.box_tree import _Search
from tests.ingest.fixture_json import gold_json, read_json

FIXTURES = Path(__file__).parent / "holdout17" / "fixtures"
PDFMINER = FIXTURES / "pdfminer" / "k2022-a~catalogue.txt"


def test_pdfminer_columns_in_pieces_read_whole_by_the_equations() -> None:
    """Every cell of table 三 as printed; the reading is named in ``uncertain`` (the print's order
    is taken from the arithmetic, not from a header)."""
    data = read_json(PDFMINER)
    assert data["requests"] == gold_json(FIXTURES, "k2022-a")["requests"]
    assert any(u["cell"] == "requests" for u in data["uncertain"])


def test_readings_the_equations_cannot_tell_apart_are_all_kept() -> None:
    """A 2-row table whose rows add up printed column by column and row by row alike: the search
    keeps both readings (the reader leaves the cells they differ in unknown), and none other."""
    across = [[1, 1, -1]]  # a row: its first two cells add up to the third
    down = [[0, 0]]  # no equation down a column
    lines = [(0,), (1,), (1,), (0,), (1,), (1,)]
    readings = _Search(lines, 2, 3, across, down).read(0, 0, 2, 0, 3, 2)
    column_by_column = ((0, 1), (1, 0), (1, 1))
    row_by_row = ((0, 0), (1, 1), (1, 1))
    assert readings == {column_by_column, row_by_row}
