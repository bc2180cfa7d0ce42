"""Table 三's last rows' last columns among table 四's labels in runs of rows of unequal height
(``spilled_runs``), and table 四's flow with one figure moved where another reader read it not
adding up or with dash zeros (``appeal_moved``): holdout4 and holdout5's pdftotext prints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.read import read_report
from gongkai.ingest.records import Record, Token
from gongkai.ingest.spilled_runs import _blocks, _runs

from .printed_tokens import label_token, line_tokens

HERE = Path(__file__).parent


def _read(set_name: str, name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    fixtures = HERE / set_name / "fixtures"
    result = read_report(fixtures / "pdftotext" / f"{name}.txt")
    assert result.report is not None, result.error
    gold = json.loads((fixtures / "gold" / f"{name.split('~')[0]}.json").read_text(encoding="utf-8"))
    return json.loads(result.report.to_json()), gold


def test_last_rows_spilled_in_runs_of_three_and_four_rows_are_read() -> None:
    # 166 2 68 by 4.无正当理由大量反复申请, its 6 / — / 15 257 among table 四's labels: the runs of
    # three rows (excessive … no_correction) and four rows (unpaid_fee … carried_forward)
    read, gold = _read("holdout5", "t2024-a~township")
    assert read["requests"] == gold["requests"]  # before: the last seven rows unknown
    assert read["appeals"] == gold["appeals"]


def test_blank_zero_rows_spilled_after_table_four_heading_are_read() -> None:
    read, gold = _read("holdout5", "t2021-a~township")
    assert read["requests"] == gold["requests"]  # before: 总计 read 0, a flagged wrong cell


def test_blocks_are_the_runs_after_blank_lines_cut_into_equal_lines() -> None:
    record = Record([label_token("行政诉讼")], line_tokens(["7", "", "6", "0", "", "1 2", "3 4", "5 6", ""], 10))
    blocks, own = _blocks([record])
    assert own == 1  # the label's own figure
    assert [[[t.text for t in line] for line in block] for block in blocks] == [
        [["6"], ["0"]],
        [["1", "2"], ["3", "4"], ["5", "6"]],
    ]
    runs = _runs(blocks, 2)
    assert runs is None  # a run of two rows with one column, of three rows with two: not 2 columns each


def test_runs_of_one_height_are_cut_by_the_columns_lacking() -> None:
    def block(lines: int, width: int) -> list[list[Token]]:
        return [[Token("1", "", parse_cell("1"))] * width for _ in range(lines)]

    runs = _runs([block(3, 1), block(3, 1), block(4, 1), block(4, 3), block(3, 2)], 4)
    assert runs is not None
    assert [[(len(b), len(b[0])) for b in run] for run in runs] == [[(3, 1), (3, 1), (3, 2)], [(4, 1), (4, 3)]]


def test_table_four_with_one_figure_moved_is_read_over_a_reading_not_adding_up() -> None:
    # 367 148 302 67 39 48: 复议后起诉's 总计 printed before its results
    read, gold = _read("holdout5", "t2024-a~township-word")
    assert read["appeals"] == gold["appeals"]


def test_table_four_with_dash_zeros_and_one_figure_moved_keeps_what_every_placement_agrees_on() -> None:
    # 7 1 1 11 3 2 - - 1 4 …: 行政复议's 2 printed after 直接起诉's 3; which of its first four
    # columns it came from the sums cannot tell
    read, gold = _read("holdout4", "b2020-c~bureau-word")
    assert read["appeals"]["litigation_direct"] == gold["appeals"]["litigation_direct"]
    assert read["appeals"]["litigation_after_review"] == gold["appeals"]["litigation_after_review"]
    assert read["appeals"]["review"]["total"] == 11
    assert any(u["cell"] == "appeals" for u in read["uncertain"])
