"""Run-together digits cut by the sums of their groups (``ingest/digits.py``)."""

from __future__ import annotations

import time

from gongkai.ingest.digits import MAX_CUTS, cut_groups


def test_row_of_table_three_cut_by_its_total() -> None:
    # 7036 50 120 384 68 101 | 7759: seven cells of a row, the last their sum
    assert cut_groups("703650120384681017759", [7]) == [(7036, 50, 120, 384, 68, 101, 7759)]


def test_no_cell_gets_a_leading_zero() -> None:
    assert cut_groups("000640064", [7]) == [(0, 0, 0, 64, 0, 0, 64)]
    assert cut_groups("0000000", [7]) == [(0, 0, 0, 0, 0, 0, 0)]


def test_table_four_in_one_run_cut_group_by_group() -> None:
    assert cut_groups("6036803740033185100303", [5, 5, 5]) == [(6, 0, 368, 0, 374, 0, 0, 33, 18, 51, 0, 0, 3, 0, 3)]


def test_ambiguous_runs_give_every_reading() -> None:
    # "101112" as four cells ending in their sum: 10+1+1=12 and 1+0+11=12 both hold
    assert sorted(cut_groups("101112", [4]) or []) == [(1, 0, 11, 12), (10, 1, 1, 12)]
    assert cut_groups("112", [3]) == [(1, 1, 2)]
    assert cut_groups("1010", [3]) == []  # no cut adds up: the caller must not guess


def test_contradictory_or_huge_runs_stay_bounded() -> None:
    started = time.perf_counter()
    result = cut_groups("1" * 60, [7, 7, 7])
    assert result is None or len(result) <= MAX_CUTS
    assert time.perf_counter() - started < 5.0


def test_separators_the_text_kept_are_cuts() -> None:
    # 一、本年新收…数量310 000031: the space is a border between cells, never inside one
    assert cut_groups("310000031", [7], joints=[3]) == [(31, 0, 0, 0, 0, 0, 31)]
    assert cut_groups("703650120384681017759", [7], joints=[5]) == []  # 70365 cannot be one cell


def test_a_row_printed_as_several_runs_is_read_by_its_sum() -> None:
    from gongkai.ingest.align import Slot, readings
    from gongkai.ingest.numbers import parse_cell

    slots = [Slot(parse_cell(text), f"cell {i}") for i, text in enumerate(("7036", "50120", "38468101", "7759"))]

    def row_sum(values: tuple[int | float | None, ...]) -> bool:
        return sum(v or 0 for v in values[:6]) == values[6]

    found = readings(slots, 7, row_sum, groups=(7,))
    assert [r.values for r in found if row_sum(r.values)] == [(7036, 50, 120, 384, 68, 101, 7759)]
