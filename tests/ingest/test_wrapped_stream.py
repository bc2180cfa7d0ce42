"""Table 三 printed by ``pdftotext`` (default mode) from a Word table whose narrow columns wrap their
figures: leads beside the labels, the other cells one stream in row order, a wrapped figure's last
digits printed after the row's next figures (``ingest/wrapped_stream.py``)."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.read import read_report
from gongkai.ingest.records import Token
from gongkai.ingest.wrapped_stream import _readings

HERE = Path(__file__).parent
FIXTURES = HERE / "holdout4" / "fixtures"
_ROW = [[1, 1, 1, 1, 1, 1, -1]]  # table 三's row: the total the sum of the others


def _tokens(text: str) -> list[Token]:
    return [Token(t, f"line {i}", parse_cell(t)) for i, t in enumerate(text.split())]


def test_a_table_whose_narrow_columns_wrap_its_figures() -> None:
    """2703 printed ``270`` … ``3``, 4800 ``48`` … ``00``, leads printed under later labels
    (``106 90 9`` for 1069 · 90), a zero of a two-line row after the others (``35 44 0 8``): every
    cell of table 三 read, the reading said in uncertain."""
    result = read_report(FIXTURES / "pdftotext" / "b2024-e~bureau-word.txt")
    assert result.report is not None
    gold = json.loads((FIXTURES / "gold" / "b2024-e.json").read_text())["requests"]
    assert result.report.requests == gold
    assert any("narrow columns wrapping" in u.reason_en for u in result.report.uncertain)


def test_a_row_s_wrapped_figures_joined_in_order() -> None:
    readings = _readings(_tokens("270 235 3 79 972 0 81 48 1 00"), 7, _ROW, True)
    assert readings is not None
    assert readings[(2703, 235, 79, 972, 0, 811, 4800)] == 0


def test_a_zero_of_a_two_line_row_placed_elsewhere_at_a_cost() -> None:
    readings = _readings(_tokens("314 7 8 84 35 44 0 8"), 7, _ROW, True)
    assert readings is not None
    assert readings[(314, 7, 8, 84, 0, 35, 448)] == 1
    assert all(values[-1] == 448 for values in readings)


def test_a_one_line_row_is_read_as_printed() -> None:
    """No figure wraps: the row's zeros stay where they print."""
    assert _readings(_tokens("18 4 1 6 0 5 34"), 7, _ROW, True) == {(18, 4, 1, 6, 0, 5, 34): 0}
