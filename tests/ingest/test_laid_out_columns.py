"""Laid-out text (``pdftotext -layout``, a PDF's own laid-out text) whose rows print fewer figures
than columns (issue 9): table 二's figures set under the header cells they stand beneath, table 三's
figures put in the columns the table's fuller rows print at their place, and a row of zeros run
into the next row's. Files are the gazette hold-out set's (``tests/ingest/holdout2/fixtures``),
made by the real tools from pages the reader was not built on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gongkai.ingest.cell_lines import _figure_places
from gongkai.ingest.column_places import column_maps
from gongkai.ingest.header_places import header_placed
from gongkai.ingest.line_cells import split_line
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.read import read_report
from gongkai.ingest.records import Token, part_places
from gongkai.ingest.row_reading import Slot

HOLDOUT2 = Path(__file__).parent / "holdout2" / "fixtures"


def _read(path: Path) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    result = read_report(path)
    assert result.report is not None, result.error
    data = json.loads(result.report.to_json())
    return data, {str(u["cell"]): u for u in data.get("uncertain", [])}


def _figures(line: str, number: int) -> list[Token]:
    parts = split_line(line.strip())
    places = _figure_places(line, parts)
    return [
        Token(p, f"line {number} part {k + 1}", parse_cell(p), places[k])
        for k, p in enumerate(parts)
        if parse_cell(p).is_value
    ]


def _headers(line: str, number: int) -> list[Token]:
    text = line.strip()
    parts = text.split()[1:]  # 信息内容 heads the label column
    centre = line.index(text) + (len(text) - 1) / 2
    places = part_places(text, parts, centre)
    return [Token(p, f"line {number}", parse_cell(p), x) for p, x in zip(parts, places, strict=True)]


def test_figures_stand_under_their_header_cells() -> None:
    # g2022-c~gazette, pdftotext -layout: 规章 leaves 本年制发件数 blank (0), prints 4 and 3.
    header = "      信息内容         本年制发件数       本年废止件数      现行有效件数"
    placed = header_placed(_figures("       规章                          4           3", 20), _headers(header, 19))
    assert placed is not None and placed.values == (0, 4, 3) and placed.cost
    # A figure halfway between two header cells is placed nowhere.
    assert (
        header_placed(_figures("       规章                    4                 3", 20), _headers(header, 19)) is None
    )
    # A row of run-on text keeps no places: nothing is placed by position.
    assert header_placed(_figures("规章 4 3", 20), _headers(header, 19)) is None


def test_a_short_table_two_row_reads_by_its_headers() -> None:
    for path in (
        HOLDOUT2 / "pdftotext-layout" / "g2022-c~gazette.txt",
        HOLDOUT2 / "pdftotext-layout" / "g2022-c~gazette-word.txt",
        HOLDOUT2 / "pdf" / "g2022-c~gazette-word.pdf",
    ):
        data, uncertain = _read(path)
        assert data["active"]["regulations"] == {"made": 0, "repealed": 4, "in_force": 3}, path
        assert uncertain["active.regulations"]["value"] == [0, 4, 3]  # placed, so in doubt


def test_a_lone_figure_stands_under_its_header() -> None:
    # 行政事业性收费 prints only 本年增/减 (-1), far right of 上一年项目数量: not a count of -1.
    for path in (
        HOLDOUT2 / "pdftotext-layout" / "g2020-c~gazette.txt",
        HOLDOUT2 / "pdf" / "g2020-c~gazette-word.pdf",
    ):
        data, uncertain = _read(path)
        assert data["active"]["fees"] == {"previous_items": 0, "change": -1}, path
        assert "active.fees" in uncertain


def test_columns_from_the_fuller_rows_on_the_same_scale() -> None:
    # g2022-c~gazette: pdftotext runs 7 1 2 together as it does 16 1 3 in the rows printing six
    # figures; their places are the columns (社会公益组织, never printed, in the widest gap).
    lines = [
        "一、本年新收政府信息公开申请数量                  16 1 3        1 2 23",
        "             1. 本机关不掌握相关政府信息       7 1 2          2 12",
        "       予处理 4. 无正当理由大量反复申请                       1    1",
        "      (七) 总计                      16 1 3        1 2 23",
    ]
    rows = []
    for k, line in enumerate(lines):
        tokens = _figures(line, 42 + k)
        rows.append(([Slot(t.value, t.where) for t in tokens], [t.x for t in tokens]))
    maps = column_maps(rows, 7)
    assert maps[0] == maps[3] == []  # the fullest rows are read by their own places
    assert len(maps[1]) == len(maps[2]) == 1
    assert maps[1][0][3] is None  # the column no row prints, in the widest gap
    data, uncertain = _read(HOLDOUT2 / "pdftotext-layout" / "g2022-c~gazette.txt")
    assert data["requests"]["unavailable_not_held"] == [7, 1, 2, 0, 0, 2, 12]
    assert data["requests"]["not_processed_excessive"] == [0, 0, 0, 0, 1, 0, 1]
    assert "requests.not_processed_excessive" in uncertain  # placed: the sums cannot confirm it


def test_rows_that_disagree_on_their_columns_give_no_map() -> None:
    # Two rows of six figures ending at one place but printing the others elsewhere.
    rows = []
    for k, line in enumerate(["  16 1 3        1 2 23", "  16    1 3   1 2   23"]):
        tokens = _figures(line, 1 + k)
        rows.append(([Slot(t.value, t.where) for t in tokens], [t.x for t in tokens]))
    assert column_maps(rows, 7) == [[], []]


def test_a_row_of_zeros_run_into_the_next_rows() -> None:
    # g2019-a~gazette: rows 4 and 5 of (三) print only zeros, pdftotext runs them into each other
    # (``00 00 00  0`` then lines of zeros): every cut reads 0, in doubt.
    data, uncertain = _read(HOLDOUT2 / "pdftotext-layout" / "g2019-a~gazette.txt")
    assert data["requests"]["denied_internal_affairs"] == [0] * 7
    assert uncertain["requests.denied_internal_affairs"]["value"] == [0] * 7


def test_two_rows_printed_a_column_at_a_time_are_taken_apart() -> None:
    # v2019-a~chromium-landscape: pdftotext sets the cells of rows 4 and 5 of (三) a column at a
    # time, one a line (123 / 92 / 11 / 7 …); read in order both rows break their sums, read
    # alternately both add up.
    path = Path(__file__).parent / "pdfvariants" / "fixtures" / "pdftotext-layout" / "v2019-a~chromium-landscape.txt"
    data, uncertain = _read(path)
    assert data["requests"]["denied_third_party"] == [123, 11, 0, 33, 10, 19, 196]
    assert data["requests"]["denied_internal_affairs"] == [92, 7, 0, 25, 7, 15, 146]
    assert "alternately" in uncertain["requests.denied_third_party"]["reason_en"]
