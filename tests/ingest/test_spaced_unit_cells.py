"""Figure+unit cells printed with a space (``15 件``) in ``pdftotext -layout`` text: a narrow
cell's ``0件`` printed unit first on its row (``件0``) or wrapped over two lines either way
(``件`` over ``0``, ``0`` over ``件``), and a one-line ``8 件`` never taken for another row's
wrapped figure. Every input is a generated fixture's lines (real tools' output)."""

from __future__ import annotations

import json

from gongkai.ingest.read import read_report
from gongkai.ingest.unit_first import units_after_figures, wrapped_units_blanked, wrapped_units_first
from gongkai.ingest.units import wrapped_cells
from gongkai.ingest.wrapped_above import rows_wrapped_above

from .holdout7 import FIXTURES

_LAYOUT = FIXTURES / "pdftotext-layout" / "z2022-a~platform.txt"


def _lines(first: str, count: int) -> list[str]:
    """``count`` lines of the fixture from the line starting with ``first``."""
    lines = _LAYOUT.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(first))
    return lines[at : at + count]


def test_a_unit_first_cell_is_turned_round_among_spaced_cells() -> None:
    (line,) = _lines("5 ", 1)
    assert line.endswith("2 件 件0")
    turned = units_after_figures(line)
    assert turned.endswith("2 件 0件") and len(turned) == len(line)


def test_a_unit_first_cell_wrapped_over_two_lines_is_joined() -> None:
    lines = _lines("3        （一）予以公开", 3)  # 439 件 292 / 件 32 件 … 37 件 件 / 0
    assert lines[2].strip() == "0" and lines[1].rstrip().endswith("件 件")
    joined = wrapped_units_first(lines)
    assert joined[1].rstrip().endswith("件 件0") and not joined[2].strip()


def test_a_last_cells_wrapped_unit_is_blanked() -> None:
    lines = _lines("3        （一）予以公开", 2)  # …439 件 292 over 件 32 件 …: 292's unit
    blanked = wrapped_units_blanked(lines)
    assert blanked[1].lstrip().startswith("32 件") and len(blanked[1]) == len(lines[1])
    lines = _lines("21 ", 2)  # … 0 over 再处理其政府信息公开申请        件: the 0's unit, no word of the label
    assert lines[1].rstrip().endswith("件")
    assert wrapped_units_blanked(lines)[1].rstrip().endswith("申请")


def test_a_spaced_one_line_cell_is_not_moved_down() -> None:
    """``8 件`` on the row above stays: the lone 件 two lines down is another row's wrapped cell's."""
    lines = _lines("2 二、上年结转", 3)
    assert wrapped_cells(lines) == lines


def test_table_three_with_spaced_units_and_total_first_reads_whole() -> None:
    result = read_report(_LAYOUT)
    assert result.report is not None
    gold = json.loads((FIXTURES / "gold" / "z2022-a.json").read_text(encoding="utf-8"))
    assert result.report.requests == gold["requests"]


def test_a_row_of_spaced_cells_with_wrapped_figures_above_is_joined() -> None:
    """Table 四 in one row: ``5 件 2 件 1 件 2 件 10 … 15`` over ``件 2 件 … 1 件 件`` (10 and 15
    wrapped over their units, the one-line cells split between the lines): one line, in order."""
    lines = _lines(" 5 件 2 件", 2)
    joined = rows_wrapped_above(lines)
    assert not joined[0].strip()
    assert " ".join(joined[1].split()) == "5 件 2 件 1 件 2 件 10件 2 件 1 件 1 件 1 件 5 件 10 件 4 件 0 件 1 件 15件"


def test_table_four_with_spaced_units_and_wrapped_totals_reads_whole() -> None:
    result = read_report(_LAYOUT)
    assert result.report is not None
    gold = json.loads((FIXTURES / "gold" / "z2022-a.json").read_text(encoding="utf-8"))
    assert result.report.appeals == gold["appeals"]
