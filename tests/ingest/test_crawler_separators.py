"""Crawler text of table 三 whose figures print thousands separators and whose blank cells are dashes.

A township page printing ``1,376`` and ``—`` for none leaves, once a crawler strips the markup,
rows like ``二、上年结转政府信息公开申请数量782647740—711,376`` (782 6 477 40 — 71 1,376): the dash
is a cell of its own between two runs, and the figure after it may hold several cells (``711,376``
is 71 and 1,376 here) although it reads as one proper figure. The row's sum cuts the runs, the
dash kept whole between them.
"""

from __future__ import annotations

from collections.abc import Hashable

from gongkai.ingest.align import readings
from gongkai.ingest.line_cells import split_line
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.row_reading import Slot, Value
from gongkai.ingest.vocabulary import ends_with_request_row


def _row_sum(values: tuple[Value, ...]) -> bool:
    return sum(v or 0 for v in values[:6]) == values[6]


def test_a_figure_after_a_dash_cell_may_hold_several_cells() -> None:
    cells = split_line("二、上年结转政府信息公开申请数量782647740—711,376")
    assert cells[1:3] == ["782647740", "—"]
    assert parse_cell(cells[3]).digits == "711376"  # a run to cut, not the one figure 711,376
    # Where no cell can end before the separator, the first figure stays whole.
    assert split_line("一、本年新收政府信息公开申请数量10,890644,376449—1,02116,800")[1] == "10,890"


def test_a_dash_between_figures_of_the_numbered_total_row_is_a_cell() -> None:
    # （七）总计 names a row of table 三 (counts, never negative): 456—1,054 is 456, —, 1,054.
    assert ends_with_request_row("（七）总计")
    assert not ends_with_request_row("总计")
    assert split_line("（七）总计11,306684,667456—1,05417,551")[3:6] == ["456", "—", "1,054"]


def test_runs_around_a_dash_cell_are_cut_by_the_row_sum() -> None:
    cells = split_line("二、上年结转政府信息公开申请数量782647740—711,376")[1:]
    slots = [Slot(parse_cell(text), f"line 1 part {i}") for i, text in enumerate(cells)]
    found = [r.values for r in readings(slots, 7, _row_sum, groups=(7,)) if _row_sum(r.values)]
    assert found == [(782, 6, 477, 40, 0, 71, 1376)]


def test_a_tie_in_a_contradicting_table_is_settled_where_only_one_reading_is_possible() -> None:
    # 四、结转下年度继续办理110000011 in a report whose 总计 column is off (37 + 0 ≠ 36 + 11): 11 0 … 11
    # breaks 自然人's balance, 1 10 … 11 breaks 商业企业's, where nothing was received or carried
    # over: 10 carried forward out of nothing. Taken, and said so.
    from gongkai.ingest.possible_counts import prefer_possible, request_cell
    from gongkai.ingest.row_reading import Reading
    from gongkai.ingest.table_choice import Choice
    from gongkai.report.equations import equations
    from gongkai.report.templates import TEMPLATE_2021

    rules = equations(TEMPLATE_2021, derived=True)
    table = {
        "new_received": (22, 0, 2, 0, 5, 8, 37),
        "carried_over": (0, 0, 0, 0, 0, 0, 0),
        "total_processed": (21, 0, 2, 0, 5, 8, 36),
    }
    chosen: dict[Hashable, Choice] = {
        key: Choice(Reading(values, (None,) * 7, ("",) * 7, 0, "", ""), frozenset(), 1) for key, values in table.items()
    }
    ties = ((11, 0, 0, 0, 0, 0, 11), (1, 10, 0, 0, 0, 0, 11))
    chosen["carried_forward"] = Choice(
        Reading(ties[0], (None,) * 7, ("",) * 7, 6, "cut", "拆分"), frozenset({0, 1}), 2, ties
    )
    settled = prefer_possible(chosen, rules, request_cell)["carried_forward"]
    assert settled.reading.values == ties[0] and not settled.unknown and settled.rivals > 1
    # Where both readings are possible, the tie stays.
    chosen["new_received"] = chosen["total_processed"] = Choice(
        Reading((22, 10, 2, 0, 5, 8, 47), (None,) * 7, ("",) * 7, 0, "", ""), frozenset(), 1
    )
    assert prefer_possible(chosen, rules, request_cell)["carried_forward"].unknown == {0, 1}


def test_a_part_of_table_four_larger_than_its_total_is_no_reading() -> None:
    # 行政复议1753329 whose parts add to 28 and total 29: 17 5 3 3 or 1 75 3 3, 1 7 53 3, 1 7 5 33.
    from gongkai.ingest.possible_counts import appeal_cell, prefer_possible
    from gongkai.ingest.row_reading import Reading
    from gongkai.ingest.table_choice import Choice
    from gongkai.report.equations import equations
    from gongkai.report.templates import TEMPLATE_2021

    groups = [g.key for g in TEMPLATE_2021.appeal_groups]
    fields = [f.key for f in TEMPLATE_2021.appeal_fields]
    rest = (9, 2, 3, 5, 19, 2, 1, 1, 2, 6)
    ties = tuple((*head, 29, *rest) for head in ((17, 5, 3, 3), (1, 75, 3, 3), (1, 7, 53, 3), (1, 7, 5, 33)))
    chosen: dict[Hashable, Choice] = {
        "all": Choice(Reading(ties[0], (None,) * 15, ("",) * 15, 14, "cut", "拆分"), frozenset({0, 1, 2, 3}), 4, ties)
    }
    settled = prefer_possible(chosen, equations(TEMPLATE_2021), appeal_cell(groups, fields, True))["all"]
    assert settled.reading.values == ties[0] and not settled.unknown
