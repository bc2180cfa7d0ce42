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
    from gongkai.ingest.align import readings
    from gongkai.ingest.numbers import parse_cell
    from gongkai.ingest.row_reading import Slot

    slots = [Slot(parse_cell(text), f"cell {i}") for i, text in enumerate(("7036", "50120", "38468101", "7759"))]

    def row_sum(values: tuple[int | float | None, ...]) -> bool:
        return sum(v or 0 for v in values[:6]) == values[6]

    found = readings(slots, 7, row_sum, groups=(7,))
    assert [r.values for r in found if row_sum(r.values)] == [(7036, 50, 120, 384, 68, 101, 7759)]


def test_a_run_whose_blank_cells_vanished_is_cut_into_fewer_figures() -> None:
    from gongkai.ingest.digits import cut_sparse

    # 180 1 · · · 3 184 with the blank cells and the spaces gone: fewer numbers, the last their sum
    assert cut_sparse("18013184", 7) == [(180, 1, 3, 184)]
    assert cut_sparse("2222", 7) == [(22, 22)]
    assert cut_sparse("529", 7) == []  # nothing adds up: no reading


def test_figures_between_first_and_total_of_a_sparse_run_are_placed_every_way() -> None:
    from gongkai.ingest.numbers import parse_cell
    from gongkai.ingest.row_reading import Slot
    from gongkai.ingest.run_cuts import sparse_readings

    found = sparse_readings(Slot(parse_cell("18013184"), "line 3 part 2"), 7)
    assert len(found) == 10  # two figures in five columns, in printed order
    assert {r.values for r in found} >= {(180, 1, 0, 0, 0, 3, 184), (180, 0, 0, 1, 3, 0, 184)}
    assert all(len(r.placements) == 10 and r.cost == found[0].cost for r in found)  # nothing prefers one
    # No middle figure, or only zeros: nothing to place, the row is known.
    (known,) = sparse_readings(Slot(parse_cell("55"), "line 4 part 2"), 7)
    assert known.values == (5, 0, 0, 0, 0, 0, 5) and not known.placements


def test_spaces_a_crawler_left_for_blank_cells_place_the_figures() -> None:
    from gongkai.ingest.align import readings
    from gongkai.ingest.numbers import parse_cell
    from gongkai.ingest.row_reading import Slot

    # ``1801 3184``: 180 and 1 touch, three blank cells collapsed into the space, then 3 and 184
    slots = [Slot(parse_cell(text), f"line 7 part {i + 2}") for i, text in enumerate(("1801", "3184"))]

    def row_sum(values: tuple[int | float | None, ...]) -> bool:
        return sum(v or 0 for v in values[:6]) == values[6]

    found = [r for r in readings(slots, 7, row_sum, groups=(7,), vanished=True) if row_sum(r.values)]
    cheapest = min(r.cost for r in found)
    assert [r.values for r in found if r.cost == cheapest] == [(180, 1, 0, 0, 0, 3, 184)]


class _Sums:
    """Two columns summed over rows a and b into row t (t printed): a test's equations by row."""

    def parts(self) -> list[frozenset[str]]:
        return [frozenset({"a", "b", "t"})] * 2

    def terms(self, part: str, values: tuple[int | None, ...]) -> dict[int, float]:
        sign = -1 if part == "t" else 1
        return {column: sign * (values[column] or 0) for column in range(2)}


def _broken(table: dict[object, tuple[int | float | None, ...]]) -> int:
    rows = [table.get(k) for k in ("a", "b", "t")]
    if any(row is None for row in rows):
        return 0
    a, b, t = rows
    assert a is not None and b is not None and t is not None
    return sum(1 for c in range(2) if (a[c] or 0) + (b[c] or 0) != t[c])


def _option(values: tuple[int, ...]) -> object:
    from gongkai.ingest.row_reading import Reading

    return Reading(values, (None,) * len(values), ("",) * len(values), 1, "", "")


def test_a_swap_between_rows_that_keeps_every_sum_leaves_both_rows_unknown() -> None:
    from gongkai.ingest.table_choice import choose

    # a and b each print one 1 whose column the text does not say; t says one 1 per column:
    # (1,0)+(0,1) and (0,1)+(1,0) both hold. Only the search over both rows at once sees it.
    options = {
        "a": [_option((1, 0)), _option((0, 1))],
        "b": [_option((1, 0)), _option((0, 1))],
        "t": [_option((1, 1))],
    }
    chosen = choose(options, _broken, exhaustive_limit=1, bound=_Sums())  # type: ignore[arg-type]
    assert chosen["a"].unknown == frozenset({0, 1}) and chosen["b"].unknown == frozenset({0, 1})
    # With t = (2, 0) only one combination holds: decided.
    options["t"] = [_option((2, 0))]
    chosen = choose(options, _broken, exhaustive_limit=1, bound=_Sums())  # type: ignore[arg-type]
    assert chosen["a"].reading.values == (1, 0) and not chosen["a"].unknown
    assert chosen["b"].reading.values == (1, 0) and not chosen["b"].unknown


def test_a_negative_figure_run_into_the_next_is_cut_keeping_its_sign() -> None:
    from gongkai.ingest.align import readings
    from gongkai.ingest.numbers import parse_cell
    from gongkai.ingest.row_reading import Slot
    from gongkai.ingest.runon import cut_run_on

    pieces = cut_run_on(
        "第二十条第（六）项 信息内容上一年项目数量本年增/减处理决定数量 行政处罚3907554212618 行政强制76-38844 "
        "第二十条第（八）项 信息内容上一年项目数量本年增/减 行政事业性收费270-104 第二十条第（九）项"
        "信息内容采购项目数量采购总金额 政府集中采购2711309486424 三、收到和处理政府信息公开申请情况"
    )
    assert "行政强制76 -38844" in pieces and "行政事业性收费270 -104" in pieces
    slots = [Slot(parse_cell(text), f"line 1 part {i}") for i, text in enumerate(("76", "-38844"))]

    def plausible(v: tuple[int | float | None, ...]) -> bool:
        # items never below zero (上一年 + 增/减), no count negative
        return None not in v and v[0] >= 0 and v[2] >= 0 and v[0] + v[1] >= 0  # type: ignore[operator]

    cuts = {r.values for r in readings(slots, 3, plausible) if plausible(r.values)}
    assert cuts == {(76, -3, 8844), (76, -38, 844)}  # both fit: the row is left in doubt


def test_runs_with_a_digit_per_column_are_read_as_printed_even_when_they_contradict() -> None:
    from gongkai.ingest.align import readings
    from gongkai.ingest.numbers import parse_cell
    from gongkai.ingest.row_reading import Slot

    # 5.属于三类内部事务信息00000 01: "01" is no figure, so a digit per column; the report's own
    # sum does not hold (0 ≠ 1), and the reading says so instead of finding none.
    slots = [Slot(parse_cell(text), f"line 9 part {i + 2}") for i, text in enumerate(("00000", "01"))]

    def row_sum(values: tuple[int | float | None, ...]) -> bool:
        return sum(v or 0 for v in values[:6]) == values[6]

    assert [r.values for r in readings(slots, 7, row_sum, groups=(7,))] == [(0, 0, 0, 0, 0, 0, 1)]


def test_the_search_over_a_big_ambiguous_table_stays_bounded() -> None:
    from gongkai.ingest.table_choice import choose

    keys = [f"r{i}" for i in range(20)]

    class Column:
        def parts(self) -> list[frozenset[str]]:
            return [frozenset({*keys, "t"})] * 2

        def terms(self, part: str, values: tuple[int | None, ...]) -> dict[int, float]:
            sign = -1 if part == "t" else 1
            return {column: sign * (values[column] or 0) for column in range(2)}

    def broken(table: dict[object, tuple[int | float | None, ...]]) -> int:
        if any(k not in table for k in (*keys, "t")):
            return 0
        return sum(1 for c in range(2) if sum(table[k][c] or 0 for k in keys) != table["t"][c])

    options: dict[object, list[object]] = {key: [_option((i, 30 - i)) for i in range(31)] for key in keys}
    options["t"] = [_option((300, 300))]
    started = time.process_time()
    chosen = choose(options, broken, bound=Column())  # type: ignore[arg-type]
    assert time.process_time() - started < 10.0
    assert set(chosen) == {*keys, "t"}


def test_every_cut_gives_each_cut_once_without_leading_zeros_shortest_first() -> None:
    """The one enumeration of a run's cuts that transposed_runs, run_column_parts and the priors'
    bench share: a 0 is a cell of its own, no other figure begins with one."""
    from gongkai.ingest.digits import every_cut

    assert list(every_cut("1020", 3)) == [("1", "0", "20"), ("10", "2", "0")]
    assert list(every_cut("007", 3)) == [("0", "0", "7")]
    assert list(every_cut("07", 1)) == []
    assert list(every_cut("12", 3)) == []
