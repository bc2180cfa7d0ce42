"""Crawler text of table 二 (issue 9): a row's cells run into one run of digits that no equation,
warning, prose figure or usual relation cuts (``规章17543163440009``). The likeliest cut (counts of
like magnitude, a short 本年增/减) is read, its cells flagged with the other cuts as alternatives."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.active_prior import prior_cut, repeated_cut
from tests.ingest.fixture_json import read_json

FIXTURES = Path(__file__).resolve().parent / "holdout" / "fixtures"
REPORT = "h2021-a~province"


def test_a_run_nothing_else_cuts_is_read_the_likeliest_way_and_flagged() -> None:
    gold = json.loads((FIXTURES / "gold" / f"{REPORT.split('~')[0]}.json").read_text(encoding="utf-8"))
    data = read_json(FIXTURES / "crawler" / f"{REPORT}.txt")
    active = data["active"]
    assert isinstance(active, dict)
    # 规章17543163440009: 17543 1634 40009
    assert active["regulations"] == gold["active"]["regulations"]
    uncertain = data["uncertain"]
    assert isinstance(uncertain, list)
    # 行政规范性文件46033246246033 reads 4603 32462 46033 for 46033 2462 46033: a likelihood is no
    # proof, so the row is flagged with the right cut among its alternatives.
    flagged = {u["cell"] for u in uncertain}
    for key, row in active.items():
        assert row == gold["active"][key] or f"active.{key}" in flagged, key
    assert "active.normative_documents" in flagged
    entry = next(u for u in uncertain if u["cell"] == "active.regulations")
    assert [17543, 1634, 40009] in entry["alternatives"] and len(entry["alternatives"]) > 1


def test_the_prior_leaves_ties_and_readings_that_are_no_cuts() -> None:
    order = ["previous_items", "change", "decisions"]
    cuts = [(26, 6, 25), (2, 66, 25), (266, 2, 5)]
    liked = prior_cut(order, list(cuts), set(cuts))
    assert liked is not None and liked[0] == (26, 6, 25)
    assert prior_cut(order, list(cuts), set(cuts[1:])) is None  # one reading supposes a cell not printed
    tie = [(12, 1, 21), (21, 1, 12)]
    assert prior_cut(order, tie, set(tie)) is None  # nothing tells them apart


def test_cuts_of_a_table_four_run_that_all_add_up_take_the_likeliest_flagged() -> None:
    # （一）行政复议情况 … 127633140261: 127 63 31 40 | 261 and 12 76 33 140 | 261 both add up.
    gold = json.loads((FIXTURES / "gold" / f"{REPORT.split('~')[0]}.json").read_text(encoding="utf-8"))
    data = read_json(FIXTURES / "crawler" / f"{REPORT}.txt")
    appeals = data["appeals"]
    assert isinstance(appeals, dict)
    assert appeals["review"] == gold["appeals"]["review"]
    uncertain = data["uncertain"]
    assert isinstance(uncertain, list)
    entry = next(u for u in uncertain if u["cell"] == "appeals")  # (the table in one run: one entry)
    assert entry["alternatives"][1][:5] == [12, 76, 33, 140, 261]
    assert entry["value"][:5] == [127, 63, 31, 40, 261] and "未知" not in entry["reason_zh"]


def test_a_run_cut_to_print_one_figure_twice_is_read_that_way_and_flagged() -> None:
    """2021 table 二 rows of the hold-outs' crawler text (c2022-b ``1205143574120514``, b2022-c
    ``１５５２７０３１５５``, g2024-e ``2828582``): the one cut repeating a figure of two digits or
    more (120514 3574 120514: 本年制发 = 现行有效) is read, flagged with the others; the magnitude
    prior read 12051 43574 120514."""
    root = Path(__file__).resolve().parent
    for folder, report, key in (
        ("holdout3", "c2022-b~county", "normative_documents"),
        ("holdout4", "b2022-c~bureau", "regulations"),
        ("holdout2", "g2024-e~gazette", "regulations"),
    ):
        fixtures = root / folder / "fixtures"
        gold = json.loads((fixtures / "gold" / f"{report.split('~')[0]}.json").read_text(encoding="utf-8"))
        data = read_json(fixtures / "crawler" / f"{report}.txt")
        active = data["active"]
        assert isinstance(active, dict)
        assert active[key] == gold["active"][key], report
        uncertain = data["uncertain"]
        assert isinstance(uncertain, list)
        entry = next(u for u in uncertain if u["cell"] == f"active.{key}")
        assert len(entry["alternatives"]) > 1, report


def test_the_repeat_decides_only_one_cut_and_only_figures_of_two_digits() -> None:
    cuts = [(120514, 3574, 120514), (12051, 43574, 120514), (1205, 143574, 120514)]
    liked = repeated_cut(list(cuts), set(cuts))
    assert liked is not None and liked[0] == (120514, 3574, 120514)
    assert repeated_cut(list(cuts), set(cuts[1:])) is None  # a reading supposing a blank cell
    single = [(1, 1, 28), (11, 2, 8)]
    assert repeated_cut(single, set(single)) is None  # 1 and 1: a digit repeats by chance
    two = [(11, 11, 9188), (119, 119, 188), (1, 19, 119188)]
    assert repeated_cut(two, set(two)) is None  # two cuts repeat: nothing chosen


def test_table_four_cuts_tied_in_one_group_still_take_the_likeliest_other_group() -> None:
    """synth-2021-mixed's 表四 run ``14107221850143111419``: review cuts 1 4 10 7 or 14 1 0 7 (both
    22), 复议后起诉 3 11 1 4 or 3 1 11 4 (both 19, the same parts: no likelihood tells them apart).
    The likelier review cut is read, 复议后起诉's open cells stay unknown, all flagged."""
    fixtures = Path(__file__).resolve().parent / "publishers" / "fixtures"
    gold = json.loads((fixtures / "gold" / "synth-2021-mixed.json").read_text(encoding="utf-8"))
    data = read_json(fixtures / "crawler" / "synth-2021-mixed~wps.txt")
    appeals = data["appeals"]
    assert isinstance(appeals, dict)
    assert appeals["review"] == gold["appeals"]["review"]
    after = appeals["litigation_after_review"]
    assert after["corrected"] is None and after["other"] is None and after["total"] == 19
    uncertain = data["uncertain"]
    assert isinstance(uncertain, list)
    entry = next(u for u in uncertain if u["cell"] == "appeals")
    assert entry["value"][:5] == [1, 4, 10, 7, 22] and "未知" in entry["reason_zh"]
    assert [14, 1, 0, 7] in [a[:4] for a in entry["alternatives"]]


def test_blank_cells_placed_by_the_usual_relation_in_a_table_leaving_zeros_blank() -> None:
    """holdout3's c2019-a: a crawler's page whose tables leave zeros blank (规范性文件 prints its
    label alone). 规章7 under 新制作 · 新公开 · 对外公开总数: every reading supposes two blank cells;
    made = published picks 0 0 7 over 7 0 0, flagged with the other as alternative."""
    here = Path(__file__).resolve().parent / "holdout3" / "fixtures"
    gold = json.loads((here / "gold" / "c2019-a.json").read_text(encoding="utf-8"))
    data = read_json(here / "crawler" / "c2019-a~county.txt")
    active = data["active"]
    assert isinstance(active, dict) and isinstance(data["uncertain"], list)
    assert active["regulations"] == gold["active"]["regulations"]
    entry = next(u for u in data["uncertain"] if u["cell"] == "active.regulations")
    assert [7, 0, 0] in entry["alternatives"]


def test_a_hyphen_opening_a_row_under_a_count_is_a_blank_cell_in_a_page_of_hyphen_cells() -> None:
    """holdout12's x2020-a with no spaces: table 三 prints its blank cells as hyphens
    (``55--962696``), so every cell is printed; ``行政处罚-113`` opens with a hyphen under
    上一年项目数量 (a count, never negative): its blank cell, then 113 cut as 1 13 (flagged)."""
    here = Path(__file__).resolve().parent / "holdout12" / "fixtures"
    gold = json.loads((here / "gold" / "x2020-a.json").read_text(encoding="utf-8"))
    data = read_json(here / "crawler-nospace" / "x2020-a~excel.txt")
    active = data["active"]
    assert isinstance(active, dict) and isinstance(data["uncertain"], list)
    assert active["punishment"] == gold["active"]["punishment"]
    assert "active.punishment" in {u["cell"] for u in data["uncertain"]}
