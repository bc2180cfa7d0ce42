"""``pdftotext`` default text of a Word original whose table 三 group cells wrap in a narrow
column (（三）不予 / 公开): the cells stay blank-separated though many labels wrap, and the
figures printed ahead of their row labels (``（二）部分公开`` 38 11 0 4 2 0, then
``1.属于国家秘密``; ``3.其他`` 32 3 0 289 72 0 10 7 0, then ``（七）总计`` …) go back to their
rows (``ingest/figures_ahead.py``)."""

from __future__ import annotations

from gongkai.ingest.document import Cell, TableBlock
from gongkai.ingest.figures_ahead import rows_with_figures_ahead
from gongkai.ingest.text import read_text

from .holdout8 import FIXTURES

_WORD = FIXTURES / "pdftotext" / "w2021-a~wechat-word.txt"


def _rows() -> dict[str, list[str]]:
    document = read_text(_WORD, _WORD.read_bytes())
    found: dict[str, list[str]] = {}
    for block in document.blocks:
        if isinstance(block, TableBlock):
            for row in block.rows:
                texts = [cell.text for cell in row if cell.text]
                if texts and texts[0] not in found:
                    found[texts[0].replace("\n", "")] = texts[1:]
    return found


def test_figures_ahead_of_their_labels_go_back_to_their_rows() -> None:
    rows = _rows()
    assert rows["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"] == ["38", "11", "0"]
    assert rows["1.属于国家秘密"] == ["4", "2", "0"]
    assert rows["2.其他法律行政法规禁止公开"] == ["2", "0", "0"]
    assert rows["3.其他"] == ["32", "3", "0"]
    assert rows["（七）总计"] == ["289", "72", "0"]
    assert rows["四、结转下年度继续办理"] == ["10", "7", "0"]


def _cells(*texts: str) -> list[Cell]:
    return [Cell(text, f"line {n}") for n, text in enumerate(texts)]


def test_a_row_with_figures_to_spare_but_no_labels_after_it_stays() -> None:
    rows = [_cells(f"{n}.属于某类", "1", "2", "3") for n in range(1, 7)]
    rows.append(_cells("（七）总计", "1", "2", "3", "4", "5", "6"))
    rows.append(_cells("注：说明"))
    assert rows_with_figures_ahead(rows) == rows
