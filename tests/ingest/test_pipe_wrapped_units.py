"""Word prints of table 三/四 whose narrow cells wrap a figure over its unit (``408`` over ``件``)
as PDF-to-Markdown converters set them: the figures above the row, the units below, the one-line
cells (``1 件0 件``, ``0件``) in the middle, a unit wrapped into the next column's text
(``| 5件 3 | 件 2 |``) (``pipe_centred_units``)."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.pipe_centred_units import pipe_rows_centred_units
from gongkai.ingest.pipe_digit_wraps import pipe_cells_with_digit_wraps
from gongkai.ingest.read import read_report

HERE = Path(__file__).parent / "holdout14" / "fixtures"


def _read(converter: str, name: str) -> tuple[dict[str, object], dict[str, object]]:
    result = read_report(HERE / converter / f"{name}.md")
    assert result.report is not None
    gold = json.loads((HERE / "gold" / f"{name.split('~')[0]}.json").read_text())
    read = {"requests": result.report.requests, "appeals": result.report.appeals}
    return read, gold


def test_wrapped_figures_over_units_put_back_in_pymupdf4llm_rows() -> None:
    """pymupdf4llm: ``|二、上年结转…|||34||||||39|`` · ``|||||1 件|1 件0 件||3 件|0 件||`` ·
    ``|公开申请数量|||件||||||件|``: one row of seven figures, two cells run together in one."""
    read, gold = _read("pymupdf4llm", "t2023-b~wps-word")
    requests, expected = read["requests"], gold["requests"]
    assert isinstance(requests, dict) and isinstance(expected, dict)
    for row in ("carried_over", "granted", "partially_granted", "denied_prohibited_by_law", "other_no_correction"):
        assert requests[row] == expected[row], row


def test_table_four_and_units_wrapped_into_the_next_column_in_markitdown() -> None:
    """markitdown: table 四's fifteen cells as one split row (its 总计 ``14`` over ``件``), the
    units of the middle row's cells wrapped into the next column; table 三's 总计 and 结转 rows
    with ``| 76 | 件 |``."""
    read, gold = _read("markitdown", "t2023-b~wps-word")
    assert read["appeals"] == gold["appeals"]
    requests, expected = read["requests"], gold["requests"]
    assert isinstance(requests, dict) and isinstance(expected, dict)
    for row in ("carried_over", "partially_granted", "total_processed", "carried_forward"):
        assert requests[row] == expected[row], row


def test_units_put_back_only_after_figures_in_rows_of_figures_with_units() -> None:
    row = "| （七）总计 | 438 | 76 | 件 | 104 | 0件 | 53 件 | 671 |"
    assert pipe_rows_centred_units([row])[0] == "| （七）总计 | 438 | 76 件 | | 104 | 0件 | 53 件 | 671 |"
    plain = "| 单位 | 5 | 件 |"  # no cell of a figure with its unit: a unit column, left
    assert pipe_rows_centred_units([plain]) == [plain]
    label = "| 1.属于 | 件 2 | 3 件 |"  # a unit after a label: left
    assert pipe_rows_centred_units([label]) == [label]


def test_figures_wrapped_digit_by_digit_over_their_unit() -> None:
    """pymupdf4llm: full-width figures in one-character columns, a digit a line over 件
    (``４<br>０<br>件``, ``１<br>７`` where the page broke before the unit): read as 40 and 17."""
    read, gold = _read("pymupdf4llm", "t2025-a~wps")
    requests, expected = read["requests"], gold["requests"]
    assert isinstance(requests, dict) and isinstance(expected, dict)
    for row in (
        "new_received",
        "partially_granted",
        "unavailable_not_held",
        "not_processed_petition",
        "total_processed",
    ):
        assert requests[row] == expected[row], row


def test_digit_wraps_left_where_the_sums_do_not_choose() -> None:
    row = "|二、上年结转|1<br>2<br>件|0件|3件|"  # 12 + 0 ≠ 3, and 1 + 2 + 0 = 3: as printed
    assert pipe_cells_with_digit_wraps([row]) == [row]
    plain = "|二、上年结转|4<br>0|0|0|0|0|18<br>58|"  # no unit in the row: not this layout
    assert pipe_cells_with_digit_wraps([plain]) == [plain]
    row = "|一、本年新收|4<br>0<br>件|0件|0件|0件|0件|1<br>8<br>件|5<br>8<br>件|"
    assert pipe_cells_with_digit_wraps([row]) == ["|一、本年新收| 40件 |0件|0件|0件|0件| 18件 | 58件 |"]


def test_heads_above_joined_to_their_tails_in_markitdown() -> None:
    """markitdown: the same digit-wrapped figures centred in three pipe rows, the first digits
    above the row, the last ones in it without a unit, the units below (``| ４ |`` · ``| ０ ０件
    ０件 |`` · ``| 件 |``): the heads joined to the unitless figures (40), as the row sums choose."""
    read, gold = _read("markitdown", "t2025-a~wps")
    requests, expected = read["requests"], gold["requests"]
    assert isinstance(requests, dict) and isinstance(expected, dict)
    for row in ("new_received", "total_processed", "carried_over", "denied_third_party"):
        assert requests[row] == expected[row], row
    rows = ["| | | ４ | | １ ５ |", "| | 一、本年新收 | ０ ０件 ０件 | ０件 ０件 | ８ ８ |", "| | | 件 | | 件 件 |"]
    rows = [row.translate(str.maketrans("０１４５８", "01458")) for row in rows]
    assert pipe_rows_centred_units(rows)[1] == "| | 一、本年新收 | 40 0 0 | 0件 0件 | 18 58 |"


def test_wrapped_figure_under_a_one_line_label_is_one_row() -> None:
    """pymupdf4llm: ``|⼀、本年新收…|||１<br>６|０|０|０|０|０|１<br>６|``: the first lines add up
    (1 … 1) and so do the second (6 … 6), but one label of one line stands before them: one row
    whose figures wrapped (16 … 16), not two rows run together."""
    read, gold = _read("pymupdf4llm", "t2023-a~wps")
    assert read["requests"] == gold["requests"]


def test_figures_wrapped_on_three_lines_without_units() -> None:
    """pymupdf4llm: ``１<br>６<br>０`` and ``２<br>１<br>６`` in a row of plain figures: 160 and 216
    where the row adds up so."""
    read, gold = _read("pymupdf4llm", "t2020-a~wps")
    assert read["requests"] == gold["requests"]
    row = "|（七）总计||1<br>6<br>6|3|25|0|12|1<br>0|2<br>1<br>6|"
    assert pipe_cells_with_digit_wraps([row]) == ["|（七）总计|| 166 |3|25|0|12| 10 | 216 |"]


def test_units_below_on_a_label_piece_line() -> None:
    """markitdown: the units of a row's wrapped cells on the loose line of its label's last piece
    (``| 7.属于行政 | … | 10 |`` · ``| | 7件 | … | |`` · ``执法案卷 件``): 10 put back, the piece kept."""
    rows = ["| 7.属于行政 | | | | | | 10 |", "| | 7件 | 1件 | 1件 0件 | 1件 | 0 件 | |", "执法案卷 件"]
    out = pipe_rows_centred_units(rows)
    assert out[1] == "| | 7件 | 1件 | 1件 0件 | 1件 | 0 件 | 10 |"
    assert out[2] == "执法案卷"
    read, gold = _read("markitdown", "t2023-b~wps-word")
    requests, expected = read["requests"], gold["requests"]
    assert isinstance(requests, dict) and isinstance(expected, dict)
    assert requests["denied_enforcement_file"] == expected["denied_enforcement_file"]


def test_table_four_stacked_cells_in_the_order_its_groups_add_up() -> None:
    """markitdown: table 四's totals over 件 centred around one row, each total landing in a cell
    of the next group's first figure or the group's 尚未审结 (``| 4 |`` over ``| 1件 |``): the order
    each such cell takes is the one in which every group adds up (1 then 4), not the head first."""
    read, gold = _read("markitdown", "t2021-a~wps")
    assert read["appeals"] == gold["appeals"]
