"""Property tests: a report built to satisfy the arithmetic passes; any single change is caught."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.report.checks import Severity, check_report, check_series
from gongkai.report.model import Report
from gongkai.report.templates import TEMPLATE_2019, TEMPLATE_2021, Template

templates = st.sampled_from([TEMPLATE_2019, TEMPLATE_2021])
small = st.integers(min_value=0, max_value=60)


@st.composite
def consistent_reports(draw: st.DrawFn, template: Template | None = None, year: int | None = None) -> Report:
    template = template or draw(templates)
    year = year or draw(st.integers(2019, 2020) if template is TEMPLATE_2019 else st.integers(2021, 2030))
    report = Report.empty("某某县人民政府", year, template)
    total = template.total_column
    for c in range(total):
        for row in template.outcome_rows:
            report.requests[row.key][c] = draw(st.integers(0, 40) if draw(st.booleans()) else st.just(0))
        processed = sum(report.requests[row.key][c] or 0 for row in template.outcome_rows)
        forward = draw(small)
        over = draw(st.integers(0, processed + forward))
        report.requests["total_processed"][c] = processed
        report.requests["carried_forward"][c] = forward
        report.requests["carried_over"][c] = over
        report.requests["new_received"][c] = processed + forward - over
    for row in template.request_rows:
        values = report.requests[row.key]
        values[total] = sum(v or 0 for v in values[:total])
    for group in template.appeal_groups:
        parts = {key: draw(small) for key in ("upheld", "corrected", "other", "pending")}
        report.appeals[group.key].update(parts, total=sum(parts.values()))
    for arow in template.active_rows:
        for field in arow.fields:
            report.active[arow.key][field.key] = draw(small)
        cells = report.active[arow.key]
        if "change" in cells:
            cells["change"] = draw(st.integers(-int(cells["previous_items"] or 0), 60))
        if "total_published" in cells:
            cells["total_published"] = (cells["new_published"] or 0) + draw(small)
    return report


@settings(max_examples=150, deadline=None)
@given(consistent_reports())
def test_a_consistent_report_passes_every_check(report: Report) -> None:
    assert check_report(report) == []


@st.composite
def one_changed_cell(draw: st.DrawFn) -> tuple[Report, str, str, str | int]:
    report = draw(consistent_reports())
    t = report.template
    if draw(st.booleans()):
        row = draw(st.sampled_from([r.key for r in t.request_rows]))
        column: str | int = draw(st.integers(0, t.total_column))
        value = report.requests[row][column]
        assert value is not None
        report.requests[row][column] = draw(st.integers(0, value + 20).filter(lambda v: v != value))
        return report, "requests", row, column
    group = draw(st.sampled_from([g.key for g in t.appeal_groups]))
    key = draw(st.sampled_from([f.key for f in t.appeal_fields]))
    value = report.appeals[group][key]
    assert value is not None
    report.appeals[group][key] = draw(st.integers(0, value + 20).filter(lambda v: v != value))
    return report, "appeals", group, key


@settings(max_examples=300, deadline=None)
@given(one_changed_cell())
def test_changing_any_one_count_breaks_a_named_rule(case: tuple[Report, str, str, str | int]) -> None:
    report, table, row, column = case
    errors = [f for f in check_report(report) if f.severity is Severity.ERROR]
    assert errors, f"changing {table}.{row}[{column}] went unnoticed"
    rules = {(f.rule, f.row) for f in errors}
    if table == "requests":
        # the changed row no longer adds up across its columns …
        assert ("requests.row_sum", row) in rules
        # … and the changed column no longer balances (or its outcomes no longer add up)
        assert {f.column for f in errors if f.rule != "requests.row_sum"} & {column}
    else:
        assert rules == {("appeals.group_sum", row)}


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_consecutive_years_chain_and_a_break_is_caught(data: st.DataObject) -> None:
    last = data.draw(consistent_reports(TEMPLATE_2021, 2022))
    this = data.draw(consistent_reports(TEMPLATE_2021, 2023))
    # make this year continue last year: carried over and in force follow on
    for c in range(6):
        shift = (last.requests["carried_forward"][c] or 0) - (this.requests["carried_over"][c] or 0)
        this.requests["carried_over"][c] = last.requests["carried_forward"][c]
        this.requests["new_received"][c] = (this.requests["new_received"][c] or 0) - shift
        if (this.requests["new_received"][c] or 0) < 0:
            this.requests["carried_forward"][c] = (this.requests["carried_forward"][c] or 0) - this.requests[
                "new_received"
            ][c]  # type: ignore[operator]
            this.requests["new_received"][c] = 0
    for row in ("new_received", "carried_over", "carried_forward"):
        this.requests[row][6] = sum(v or 0 for v in this.requests[row][:6])
    for key in ("regulations", "normative_documents"):
        cells, before = this.active[key], last.active[key]
        cells["repealed"] = min(cells["repealed"] or 0, (before["in_force"] or 0) + (cells["made"] or 0))
        cells["in_force"] = (before["in_force"] or 0) + (cells["made"] or 0) - cells["repealed"]
    assert check_series([last, this]) == []
    assert check_report(this) == []

    key = data.draw(st.sampled_from(["regulations", "normative_documents"]))
    field = data.draw(st.sampled_from(["made", "repealed", "in_force"]))
    this.active[key][field] = (this.active[key][field] or 0) + data.draw(st.integers(1, 9))
    assert [(f.rule, f.row) for f in check_series([last, this])] == [("series.in_force", key)]
