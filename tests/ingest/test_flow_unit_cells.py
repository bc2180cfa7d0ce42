"""Figure+unit cells (``73 件``) in ``pdftotext``'s default flow (no ``-layout``), a platform's
table 三 with 总计 printed first and a 序号 column (the seventh hold-out's ``z20xx~platform``).

The default flow prints a wrapped cell's unit on a line of its own or at the head of the next
line of cells (``439 件 292`` / ``件 32 件 9 …``), a narrow last cell unit first (``件0``), and
table 三's header words 总计 and 自然人 above 申请人情况, where the records of table 三 begin: the
rows were read one figure off (the unit a label, the total as 自然人, the 序号 a figure). Every
input is a generated fixture's text (real tools' output)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gongkai.ingest.flow_units import flowed_unit_feet
from gongkai.ingest.read import read_document
from gongkai.ingest.text_column_order import printed_columns
from gongkai.ingest.text_order import header_words
from gongkai.report.templates import REQUEST_COLUMNS

from .holdout7 import FIXTURES
from .wild.scoring import read_fixture

_FLOW = FIXTURES / "pdftotext" / "z2022-a~platform.txt"
_TOTAL = REQUEST_COLUMNS[-1].index


def _lines(path: Path, first: str, count: int) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(first))
    return lines[at : at + count]


def _gold(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    return data


def test_a_wrapped_cells_unit_heading_the_next_line_goes_with_the_lone_feet() -> None:
    text = _FLOW.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(text) if line == "（一）予以公开")
    assert text[at + 1 : at + 3] == ["439 件 292", "件 32 件 9 件 69 件 37 件 件"]
    out = flowed_unit_feet(text)
    assert out[at + 1 : at + 3] == ["439件 292", "32件 9件 69件 37件"]
    assert len(out) == len(text)  # no line goes: provenance keeps its line numbers


def test_a_unit_first_cell_is_turned_round_in_the_flow() -> None:
    lines = _lines(_FLOW, "15 件 10 件", 1)
    assert lines[0].endswith("2 件 件0")
    assert flowed_unit_feet(_FLOW.read_text(encoding="utf-8").split("\n")).count("15件 10件 1件 0件 2件 2件 0件") == 1


def test_units_alone_on_their_line_are_blanked() -> None:
    text = _FLOW.read_text(encoding="utf-8").split("\n")
    lone = [i for i, line in enumerate(text) if line.strip() in ("件", "件 件")]
    assert lone
    out = flowed_unit_feet(text)
    assert all(not out[i].strip() for i in lone)


def test_laid_out_lines_and_prose_are_left_alone() -> None:
    layout = (FIXTURES / "pdftotext-layout" / "z2022-a~platform.txt").read_text(encoding="utf-8").split("\n")
    assert flowed_unit_feet(layout) == layout
    prose = ["本年度共收到政府信息公开申请1150件，具体情况如下：", "件", "其中 5 件 3 件 2 件"]
    assert flowed_unit_feet(prose) == prose  # one row of cells: no table of such rows


def test_header_words_above_the_corner_state_total_first() -> None:
    words = header_words(read_document(_FLOW))
    assert "总计" in words and words.index("总计") < words.index("自然")
    assert printed_columns([], words)[0] == _TOTAL


def test_table_three_in_the_flow_reads_more_rows_than_before() -> None:
    read = read_fixture(_FLOW)
    gold = _gold("z2022-a")
    right = [key for key, row in gold["requests"].items() if read["requests"].get(key) == row]
    # before: 总计 read as 自然人 in every row, 序号 and units as figures (3 rows right)
    assert len(right) >= 15
    for key in ("partially_granted", "denied_state_secret", "not_processed_petition", "carried_forward"):
        assert read["requests"][key] == gold["requests"][key]


def test_unit_first_cells_of_a_small_table_in_the_flow() -> None:
    read = read_fixture(FIXTURES / "pdftotext" / "z2023-a~platform.txt")
    gold = _gold("z2023-a")
    for key in ("new_received", "granted", "unavailable_not_held", "not_processed_duplicate"):
        assert read["requests"][key] == gold["requests"][key]
