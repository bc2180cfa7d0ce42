"""Every rule of the statutory arithmetic: reports that break it, reports that satisfy it."""

from __future__ import annotations

import pytest

from gongkai.report.checks import RULES, Finding, Severity, check_all, check_report, check_series
from gongkai.report.model import Report
from gongkai.report.templates import TEMPLATE_2019, TEMPLATE_2021, Template

from .builders import balanced_report, gold_files


def _where(findings: list[Finding]) -> set[tuple[str, str | None, str | int | None]]:
    return {(f.rule, f.row, f.column) for f in findings}


# --- the corpus: exactly the contradictions really printed, nothing else ----------------------

EXPECTED_GOLD_FINDINGS = {
    "000_21925bfca89cb37b": set(),
    "001_cf5ac85f95ca13ec": {
        # 五、属于三类内部事务信息 and 四、结转 print their lone figure under 总计 only
        ("requests.row_sum", "denied_internal_affairs", 6),
        ("requests.row_sum", "carried_forward", 6),
        ("requests.outcome_sum", "total_processed", 0),  # 自然人 outcomes 43 ≠ 44
        ("requests.column_balance", None, 0),  # 自然人 46 + 4 ≠ 44 + 0
    },
    "002_7c7920e851bb8139": {("active.negative_items", "fees", "change")},  # 9 − 16 items
    "003_4339039e26702392": set(),
    "004_26dfd29bd5682613": {
        # （七）总计 printed all 0 although 5 applications were received and answered
        ("requests.column_balance", None, 0),
        ("requests.column_balance", None, 6),
        ("requests.outcome_sum", "total_processed", 0),
        ("requests.outcome_sum", "total_processed", 6),
    },
    "shuyang-fgj-2023": set(),
}


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem)
def test_gold_reports_give_exactly_their_printed_contradictions(path) -> None:  # type: ignore[no-untyped-def]
    findings = check_report(Report.load(path))
    assert _where(findings) == EXPECTED_GOLD_FINDINGS[path.stem]


def test_gold_messages_carry_the_numbers() -> None:
    report = Report.load(next(p for p in gold_files() if p.stem.startswith("001")))
    balance = next(f for f in check_report(report) if f.rule == "requests.column_balance")
    assert balance.message_zh == "自然人：新收 46 + 上年结转 4 = 50 ≠ 总计 44 + 结转下年 0 = 44"
    assert "new 46 + carried over 4 = 50" in balance.message_en
    assert balance.values == {"new_received": 46, "carried_over": 4, "total_processed": 44, "carried_forward": 0}
    assert balance.severity is Severity.ERROR and balance.place == "requests[0]"


def test_no_cross_year_findings_among_different_agencies() -> None:
    reports = [Report.load(p) for p in gold_files()]
    assert check_series(reports) == []


def test_checks_never_change_the_data() -> None:
    for path in gold_files():
        report = Report.load(path)
        before = report.to_json()
        check_all([report])
        assert report.to_json() == before


# --- each rule, both templates -------------------------------------------------------------------


def test_a_balanced_report_passes_every_rule(template: Template) -> None:
    assert check_report(balanced_report(template)) == []


def test_column_balance(template: Template) -> None:
    report = balanced_report(template)
    report.requests["carried_forward"][1] += 1
    report.requests["carried_forward"][6] += 1
    assert _where(check_report(report)) == {
        ("requests.column_balance", None, 1),
        ("requests.column_balance", None, 6),
    }


def test_row_sum(template: Template) -> None:
    report = balanced_report(template)
    report.requests["denied_state_secret"][6] = 2
    found = _where(check_report(report))
    assert ("requests.row_sum", "denied_state_secret", 6) in found


def test_outcome_sum_covers_every_outcome_row(template: Template) -> None:
    for row in template.outcome_rows:
        report = balanced_report(template)
        report.requests[row.key][4] += 1
        report.requests[row.key][6] += 1
        assert _where(check_report(report)) == {
            ("requests.outcome_sum", "total_processed", 4),
            ("requests.outcome_sum", "total_processed", 6),
        }, row.key


def test_appeal_group_sum(template: Template) -> None:
    report = balanced_report(template)
    report.appeals["litigation_after_review"]["pending"] = 2
    findings = check_report(report)
    assert _where(findings) == {("appeals.group_sum", "litigation_after_review", "total")}
    assert "0 + 0 + 0 + 2 = 2 ≠ 总计 0" in findings[0].message_zh


def test_template_must_fit_the_year() -> None:
    report = balanced_report(TEMPLATE_2019, year=2022)
    findings = check_report(report)
    assert [f.rule for f in findings] == ["report.template_year"]
    assert "2021" in findings[0].message_zh
    assert check_report(balanced_report(TEMPLATE_2021, year=2020))[0].rule == "report.template_year"


def test_negative_items_and_published_over_total_are_warnings() -> None:
    report = balanced_report(TEMPLATE_2019)
    report.active["fees"].update(previous_items=3, change=-4)
    report.active["regulations"].update(new_made=2, new_published=2, total_published=1)
    findings = check_report(report)
    assert {(f.rule, f.severity) for f in findings} == {
        ("active.negative_items", Severity.WARNING),
        ("active.published_exceeds_total", Severity.WARNING),
    }


def test_unknown_cells_skip_the_rules_that_need_them(template: Template) -> None:
    report = balanced_report(template)
    report.requests["granted"][0] = None  # the 自然人 outcome sum and the row sum cannot be checked
    findings = check_report(report)
    assert [f.rule for f in findings] == ["report.unknown_cells"]
    assert findings[0].severity is Severity.INFO and findings[0].values["cells"] == ["requests.granted[0]"]


# --- across years ------------------------------------------------------------------------------


def test_carried_over_must_equal_last_years_carried_forward(template: Template) -> None:
    last = balanced_report(template, year=2023 if template is TEMPLATE_2021 else 2019)
    this = balanced_report(template, year=last.year + 1)
    assert check_series([this, last]) == []
    this.requests["carried_over"][0] += 1
    assert _where(check_series([last, this])) == {("series.carried_over", "carried_over", 0)}


def test_carried_over_across_the_template_change() -> None:
    last, this = balanced_report(TEMPLATE_2019, 2020), balanced_report(TEMPLATE_2021, 2021)
    this.requests["carried_over"][5] = 9
    assert _where(check_series([last, this])) == {("series.carried_over", "carried_over", 5)}


def test_in_force_chain_for_template_2021() -> None:
    last, this = balanced_report(TEMPLATE_2021, 2022), balanced_report(TEMPLATE_2021, 2023)
    this.active["normative_documents"].update(made=3, repealed=1, in_force=14)  # 12 + 3 − 1
    assert check_series([last, this]) == []
    this.active["normative_documents"]["in_force"] = 15
    found = check_series([last, this])
    assert _where(found) == {("series.in_force", "normative_documents", "in_force")}
    assert "12 + 本年制发 3 − 本年废止 1 = 14 ≠ 现行有效 15" in found[0].message_zh


def test_gaps_and_other_agencies_are_not_compared() -> None:
    a2021, a2023 = balanced_report(TEMPLATE_2021, 2021), balanced_report(TEMPLATE_2021, 2023)
    a2023.requests["carried_over"][0] = 99
    assert check_series([a2021, a2023]) == []
    other = balanced_report(TEMPLATE_2021, 2022)
    other.agency = "另一个局"
    assert check_series([a2021, other]) == []


def test_duplicate_year_is_flagged() -> None:
    reports = [balanced_report(TEMPLATE_2021, 2023), balanced_report(TEMPLATE_2021, 2023)]
    assert [f.rule for f in check_series(reports)] == ["series.duplicate_year"]


def test_every_rule_is_registered_with_bilingual_titles() -> None:
    assert set(RULES) >= {
        "report.template_year",
        "requests.column_balance",
        "requests.row_sum",
        "requests.outcome_sum",
        "appeals.group_sum",
        "series.carried_over",
        "series.in_force",
    }
    for rule in RULES.values():
        assert rule.title_zh and rule.title_en and rule.name.count(".") == 1
