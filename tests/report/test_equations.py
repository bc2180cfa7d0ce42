"""The statutory equations as data: what they are per template, and how they judge a report."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.report import equations as eq
from gongkai.report.checks import RULES, check_report
from gongkai.report.equations import Cell, appeals_bound, containing, equations, requests_bound, series_equations
from gongkai.report.model import Report
from gongkai.report.templates import TEMPLATE_2019, TEMPLATE_2021, Template

from .test_properties import consistent_reports


def _rules(template: Template) -> dict[str, list[eq.Equation]]:
    found: dict[str, list[eq.Equation]] = {}
    for equation in equations(template, derived=True):
        found.setdefault(equation.rule, []).append(equation)
    return found


def test_each_template_has_the_equations_of_the_spec(template: Template) -> None:
    rules = _rules(template)
    columns = len(template.request_columns)
    assert len(rules[eq.COLUMN_BALANCE]) == columns
    assert len(rules[eq.ROW_SUM]) == len(template.request_rows)
    assert len(rules[eq.OUTCOME_SUM]) == columns
    assert len(rules[eq.APPEAL_SUM]) == len(template.appeal_groups) == 3
    # 第一项加第二项之和，等于第三项加第四项之和, column by column
    balance = rules[eq.COLUMN_BALANCE][0]
    assert [c.row for c in balance.left] == ["new_received", "carried_over"]
    assert [c.row for c in balance.right] == ["total_processed", "carried_forward"]
    # the six applicant columns add up to 总计
    row = rules[eq.ROW_SUM][0]
    assert [c.column for c in row.left] == [0, 1, 2, 3, 4, 5] and [c.column for c in row.right] == [6]
    # table 四: 维持 + 纠正 + 其他 + 尚未审结 = 总计 in each group
    assert {e.row for e in rules[eq.APPEAL_SUM]} == {"review", "litigation_direct", "litigation_after_review"}
    assert [c.column for c in rules[eq.APPEAL_SUM][0].left] == ["upheld", "corrected", "other", "pending"]


def test_outcome_rows_follow_each_template() -> None:
    outcomes_2019 = {c.row for c in _rules(TEMPLATE_2019)[eq.OUTCOME_SUM][0].left}
    outcomes_2021 = {c.row for c in _rules(TEMPLATE_2021)[eq.OUTCOME_SUM][0].left}
    # （六）其他处理 is one row in 2019 and three sub-rows in 2021; the rest is shared
    assert outcomes_2019 - outcomes_2021 == {"other"}
    assert outcomes_2021 - outcomes_2019 == {"other_no_correction", "other_unpaid_fee", "other_other"}
    assert len(outcomes_2021) == 2 + 8 + 3 + 5 + 3
    for outcomes in (outcomes_2019, outcomes_2021):
        assert not outcomes & {"new_received", "carried_over", "total_processed", "carried_forward"}


def test_every_equation_names_real_cells_each_once(template: Template) -> None:
    real = {Cell(table, row, column) for table, row, column, _ in Report.empty("x", 2023, template).cells()}
    for equation in equations(template, derived=True):
        assert set(equation.left) <= real and set(equation.right) <= real, equation
        # a cell on both sides would cancel out: a change to it could never break the equation
        assert not set(equation.left) & set(equation.right), equation
        assert len(equation.left) == len(set(equation.left)), equation


def test_cells_name_themselves_as_uncertain_and_provenance_do() -> None:
    assert Cell("requests", "granted", 0).path == "requests.granted[0]"
    assert Cell("appeals", "review", "total").path == "appeals.review.total"


def test_checks_report_every_equation_rule_and_no_derived_one(template: Template) -> None:
    for equation in equations(template, derived=True):
        assert (equation.rule in RULES) != equation.derived, equation.rule
    assert all(not e.derived for e in equations(template))


@settings(max_examples=150, deadline=None)
@given(consistent_reports())
def test_a_consistent_report_satisfies_every_equation(report: Report) -> None:
    assert all(e.holds_in(report) is True for e in equations(report.template, derived=True))


@st.composite
def changed_cell(draw: st.DrawFn) -> tuple[Report, Cell]:
    report = draw(consistent_reports())
    t = report.template
    if draw(st.booleans()):
        row = draw(st.sampled_from([r.key for r in t.request_rows]))
        column: str | int = draw(st.integers(0, t.total_column))
        values = report.requests[row]
        before = values[column]
        assert before is not None
        values[column] = before + draw(st.integers(-before, 20).filter(lambda d: d != 0))
        return report, Cell("requests", row, column)
    group = draw(st.sampled_from([g.key for g in t.appeal_groups]))
    key = draw(st.sampled_from([f.key for f in t.appeal_fields]))
    cells = report.appeals[group]
    was = cells[key]
    assert was is not None
    cells[key] = was + draw(st.integers(-was, 20).filter(lambda d: d != 0))
    return report, Cell("appeals", group, key)


@settings(max_examples=300, deadline=None)
@given(changed_cell())
def test_changing_one_count_breaks_exactly_the_equations_that_hold_it(case: tuple[Report, Cell]) -> None:
    report, cell = case
    broken = {e for e in equations(report.template, derived=True) if e.holds_in(report) is False}
    assert broken == set(containing(report.template, cell, derived=True))
    assert broken  # every statutory count takes part in some equation


@settings(max_examples=150, deadline=None)
@given(consistent_reports(), st.data())
def test_an_unknown_cell_makes_its_equations_undecidable(report: Report, data: st.DataObject) -> None:
    t = report.template
    row = data.draw(st.sampled_from([r.key for r in t.request_rows]))
    column = data.draw(st.integers(0, t.total_column))
    report.requests[row][column] = None
    undecided = {e for e in equations(t, derived=True) if e.holds_in(report) is None}
    assert undecided == set(containing(t, Cell("requests", row, column), derived=True))


# --- the compiled form the readers score candidate tables with --------------------------------


def _lookup(table: dict[Hashable, Sequence[int | None]]) -> Callable[[Cell], int | None]:
    def value(cell: Cell) -> int | None:
        row = table.get(cell.row)
        return None if row is None else row[int(cell.column)]

    return value


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_a_compiled_table_three_judges_as_the_equations_do(data: st.DataObject) -> None:
    """Partial tables (rows missing, unknown values) score the same compiled or not."""
    template = data.draw(st.sampled_from([TEMPLATE_2019, TEMPLATE_2021]))
    keys = [r.key for r in template.request_rows]
    rows = data.draw(st.lists(st.sampled_from(keys), unique=True))
    cell = st.one_of(st.none(), st.integers(0, 3))
    table: dict[Hashable, Sequence[int | None]] = {
        key: tuple(data.draw(st.lists(cell, min_size=7, max_size=7))) for key in rows
    }
    bound = requests_bound(template.id)
    expected = [e.holds(_lookup(table)) for e in bound.equations]
    assert bound.statuses(table) == expected
    assert bound.broken(table) == expected.count(False)
    assert bound.score(table) == (expected.count(True), expected.count(False))
    for key, values in table.items():  # a row's own check: its row sum
        assert bound.row_check(key)(values) == (eq.balance(list(values[:6]), [values[6]]) is not False)


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_the_written_out_scorers_count_as_the_loops_over_each_side_do(data: st.DataObject) -> None:
    """``Bound.broken``/``statuses`` are generated code (for speed): the same as ``_sum`` over each
    side, on rows by index (table 三) and by key (table 四 of a report), with floats too."""
    template = data.draw(st.sampled_from([TEMPLATE_2019, TEMPLATE_2021]))
    cell = st.one_of(st.none(), st.integers(0, 3), st.sampled_from([0.5, 1.5]))
    table: dict[Hashable, object] = {}
    for row in template.request_rows:
        if data.draw(st.booleans()) or data.draw(st.booleans()):
            table[("requests", row.key)] = tuple(data.draw(st.lists(cell, min_size=7, max_size=7)))
    for group in template.appeal_groups:
        if data.draw(st.booleans()) or data.draw(st.booleans()):
            table[("appeals", group.key)] = {f.key: data.draw(cell) for f in template.appeal_fields}
    bound = eq.report_bound(template.id)
    sums = [(eq._sum(left, table), eq._sum(right, table)) for left, right in bound._compiled]
    expected = [None if a is None or b is None else a == b for a, b in sums]
    assert bound.statuses(table) == expected
    assert bound.broken(table) == expected.count(False)
    assert bound.inside(("requests", "granted")) is not bound.inside(("requests", "granted"))  # a copy each


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_table_four_in_one_row_or_a_row_per_group_in_any_printed_order(data: st.DataObject) -> None:
    fields = tuple(data.draw(st.permutations(["upheld", "corrected", "other", "pending", "total"])))
    groups = tuple(data.draw(st.permutations(["review", "litigation_direct", "litigation_after_review"])))
    values = {g: {f: data.draw(st.integers(0, 2)) for f in fields} for g in groups}
    per_group = {g: tuple(values[g][f] for f in fields) for g in groups}
    flat = {"all": tuple(v for g in groups for v in per_group[g])}
    broken = sum(1 for g in groups if sum(values[g][f] for f in fields if f != "total") != values[g]["total"])
    assert appeals_bound("2021", groups, fields, False).broken(per_group) == broken
    assert appeals_bound("2021", groups, fields, True).broken(flat) == broken
    assert appeals_bound("2021", groups, fields, True).row_check("all")(flat["all"]) == (broken == 0)


def test_checks_raise_a_finding_for_each_broken_equation(template: Template) -> None:
    from .builders import balanced_report

    report = balanced_report(template)
    report.requests["granted"][2] = 1  # a research institute's application, counted nowhere else
    cell = Cell("requests", "granted", 2)
    findings = {(f.rule, f.row, f.column) for f in check_report(report)}
    assert findings == {(e.rule, e.row, e.column) for e in containing(template, cell)}


def test_equations_between_consecutive_years() -> None:
    into_2021 = series_equations(TEMPLATE_2019, TEMPLATE_2021)
    # 上年结转 = last year's 结转下年度继续办理 in each column; 现行有效 exists from 2021 on only
    assert [(e.rule, e.column) for e in into_2021] == [(eq.CARRIED_OVER, c) for c in range(7)]
    assert into_2021[0].left == (Cell("requests", "carried_forward", 0, year=-1),)
    within_2021 = series_equations(TEMPLATE_2021, TEMPLATE_2021)
    in_force = [e for e in within_2021 if e.rule == eq.IN_FORCE]
    assert [e.row for e in in_force] == ["regulations", "normative_documents"]
    # last year's in force + made = in force + repealed
    assert [(c.column, c.year) for c in in_force[0].left] == [("in_force", -1), ("made", 0)]
    assert [(c.column, c.year) for c in in_force[0].right] == [("in_force", 0), ("repealed", 0)]


def test_run_groups_follow_the_equations_and_the_printed_order() -> None:
    # What cuts a run of digits into cells: groups ending in their total, as the equations say.
    assert requests_bound("2021").run_groups("granted", 7) == (7,)
    assert requests_bound("2019").run_groups("other", 7) == (7,)
    assert requests_bound("2021").run_groups("other", 7) == ()  # not a row of 2021's table 三
    groups = tuple(g.key for g in TEMPLATE_2021.appeal_groups)
    fields = tuple(f.key for f in TEMPLATE_2021.appeal_fields)
    assert appeals_bound("2021", groups, fields, True).run_groups("all", 15) == (5, 5, 5)
    assert appeals_bound("2021", groups, fields, False).run_groups("review", 5) == (5,)
    first = ("total", *(f for f in fields if f != "total"))  # 总计 printed first: no tail to cut from
    assert appeals_bound("2021", groups, first, True).run_groups("all", 15) == ()


def test_parts_already_beyond_the_total_break_the_equation_whatever_is_unknown() -> None:
    outcome = next(e for e in equations(TEMPLATE_2021) if e.rule == eq.OUTCOME_SUM and e.column == 0)
    values: dict[Cell, int | None] = {cell: 0 for cell in outcome.cells}
    values[outcome.right[0]] = 3
    values[outcome.left[0]] = 4
    values[outcome.left[1]] = None
    assert outcome.holds(values.get) is None
    assert outcome.exceeded(values.get)
    values[outcome.left[0]] = 2
    assert not outcome.exceeded(values.get)


def test_solving_an_equation_for_one_cell_gives_the_value_that_makes_it_hold() -> None:
    row = next(e for e in equations(TEMPLATE_2021) if e.rule == eq.ROW_SUM and e.row == "granted")
    values: dict[Cell, int | None] = {cell: 1 for cell in row.left}
    values[row.right[0]] = 6
    values[row.left[2]] = 9  # misread: 1 + 1 + 9 + 1 + 1 + 1 ≠ 6
    assert row.holds(values.get) is False
    assert row.solve(row.left[2], values.get) == 1
    assert row.solve(row.right[0], values.get) == 14
    values[row.left[0]] = None
    assert row.solve(row.left[2], values.get) is None  # another cell unknown: nothing to solve


def test_a_remembered_score_tells_rows_by_key_apart_by_their_values() -> None:
    # Bound.broken remembers scores by content: table 四's groups are mappings, and two tables with
    # the same groups but other figures must not share a score (the memo once keyed them by keys only).
    bound = eq.report_bound(TEMPLATE_2021.id)
    fields = [f.key for f in TEMPLATE_2021.appeal_fields]
    adding_up = {("appeals", "review"): dict(zip(fields, (1, 0, 0, 0, 1), strict=True))}
    not_adding_up = {("appeals", "review"): dict(zip(fields, (1, 0, 0, 0, 2), strict=True))}
    assert bound.broken(adding_up) == 0
    assert bound.broken(not_adding_up) == 1
