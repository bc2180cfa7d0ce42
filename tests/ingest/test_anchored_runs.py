"""Runs of table 三's figures cut off from their labels, cut into rows by the 自然人 figures beside
the labels (chromium's print of a Word export through pdftotext's default mode)."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.anchored_runs import _own_lines, cut_run, row_groups
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.read import read_report
from gongkai.ingest.records import Token

FIXTURES = Path(__file__).parent / "publishers" / "fixtures"
_CUT = "the run holding them was cut into rows"


def test_a_run_between_consecutive_rows_labels_is_a_group() -> None:
    # rows 0..2 beside their labels one after another, a run, then row 3's label: one group
    assert row_groups({0: 0, 1: 1, 2: 2, 9: 3, 12: 5}, 14) == [([0, 1, 2], 3, 9)]


def test_a_run_before_another_rows_label_is_no_group() -> None:
    # the next anchored figure is not the next row's: the run may hold an unlabelled row's cells
    assert row_groups({0: 0, 1: 1, 4: 3}, 6) == []


def test_the_one_cut_where_each_row_adds_up_to_its_total() -> None:
    # 自然人 19, 1, 0, 2, 0; organisation figures then 总计 of each row in turn
    run = [5, 1, 6, 5, 7, 43, 1, 1, 1, 1, 5, 1, 1, 1, 3, 0]
    assert cut_run([19, 1, 0, 2, 0], run, 5) == [
        ((5, 1, 6, 5, 7), 43),
        ((1, 1, 1, 1), 5),
        ((1,), 1),
        ((1,), 3),
        ((), 0),
    ]


def test_no_cut_where_the_run_does_not_add_up() -> None:
    assert cut_run([1], [5], 5) is None  # 1 + nothing is no 5, and no figure before it
    assert cut_run([0, 0], [1, 1, 2], 5) is None  # 1 | 1 2 leaves the second row 0 + 1 ≠ 2
    assert cut_run([0], [0, 1, 1], 5) is None  # a printed organisation figure is never 0
    assert cut_run([1], [1, 1, 1, 1, 1, 1, 7], 5) is None  # six organisation figures: five columns


def test_a_word_export_reads_the_rows_of_a_run_after_their_labels() -> None:
    report = json.loads(read_report(FIXTURES / "pdftotext" / "synth-2019-tiny~wordgov.txt").report.to_json())
    gold = json.loads((FIXTURES / "gold" / "synth-2019-tiny.json").read_text(encoding="utf-8"))["requests"]
    cut = {u["cell"].removeprefix("requests."): u for u in report["uncertain"] if _CUT in u["reason_en"]}
    assert {"new_received", "carried_over", "granted", "partially_granted", "denied_state_secret"} <= set(cut)
    for key, entry in cut.items():
        row = report["requests"][key]
        assert entry["value"] == row
        # every cell read is the printed one; the cells no equation places are left unknown
        assert all(v is None or v == g for v, g in zip(row, gold[key], strict=True)), key
        assert row[0] is not None and row[-1] is not None
    assert report["requests"]["new_received"] == gold["new_received"]  # all five organisation figures


def test_a_group_after_figures_no_cut_explains_is_not_read() -> None:
    # synth-2019-tiny: 7.属于行政执法案卷's 1 beside its label, then a lone 1 before 8.'s label; the
    # row's 商业企业 1 stood before its label (after rows the runs did not explain) and its 总计 2
    # after: the lone 1 is no whole row (1 + nothing = 1 would read it [1, 0, 0, 0, 0, 0, 1])
    report = json.loads(read_report(FIXTURES / "pdftotext" / "synth-2019-tiny~wordgov.txt").report.to_json())
    cut = {u["cell"].removeprefix("requests.") for u in report["uncertain"] if _CUT in u["reason_en"]}
    assert "denied_enforcement_file" not in cut
    assert report["requests"]["denied_enforcement_file"] != [1, 0, 0, 0, 0, 0, 1]


def test_figures_sharing_a_line_are_no_run() -> None:
    def token(where: str) -> Token:
        return Token("1", where, parse_cell("1"))

    anchored = [token("line 3 part 2")]
    assert _own_lines([token("line 5"), token("line 7")], anchored)
    # a crawler's one-line text: the row's figures run on after its label on the same line
    assert not _own_lines([token("line 3 part 3"), token("line 3 part 4")], anchored)
    assert not _own_lines([token("line 5 part 1"), token("line 5 part 2")], anchored)
