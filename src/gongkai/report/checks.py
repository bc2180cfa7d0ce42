"""The statutory arithmetic (勾稽关系) as named checks.

Each rule has a stable name (``requests.column_balance``), a severity and a bilingual title; a run
over a report returns findings, each naming the table, row and column it concerns, the numbers
involved and a message in Chinese and English. Checks never change the data; a cell that is
``null`` (unknown) takes no part, and the rules that would have needed it are skipped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import pairwise
from typing import Any

from . import equations as eq
from .equations import Equation, balance, cell_value, report_bound, report_table, series_equations
from .findings import Finding, Rule, Severity
from .model import Report
from .templates import TEMPLATE_2019, TEMPLATE_2021, template_for_year

# The labels the messages quote, from the templates (the one place they are spelled).
_TOTAL_PROCESSED = TEMPLATE_2021.request_row("total_processed").printed
_CARRIED_FORWARD = TEMPLATE_2021.request_row("carried_forward").label
_DOCS_2019 = TEMPLATE_2019.active_row("regulations")
_PREVIOUS_ITEMS = TEMPLATE_2019.active_row("licensing").field("previous_items").label
_NEW_PUBLISHED = _DOCS_2019.field("new_published").label
_TOTAL_PUBLISHED = _DOCS_2019.field("total_published").label
_IN_FORCE = TEMPLATE_2021.active_row("regulations").field("in_force").label

__all__ = ["RULES", "Finding", "Rule", "Severity", "check_all", "check_report", "check_series"]


RULES: dict[str, Rule] = {}
_REPORT_CHECKS: list[Callable[[Report], Iterator[Finding]]] = []


def _rule(name: str, severity: Severity, title_zh: str, title_en: str) -> Rule:
    rule = Rule(name, severity, title_zh, title_en)
    RULES[name] = rule
    return rule


def _report_check(func: Callable[[Report], Iterator[Finding]]) -> Callable[[Report], Iterator[Finding]]:
    _REPORT_CHECKS.append(func)
    return func


def _finding(
    rule: Rule,
    report: Report,
    table: str,
    row: str | None,
    column: str | int | None,
    values: dict[str, Any],
    zh: str,
    en: str,
) -> Finding:
    return Finding(rule.name, rule.severity, table, row, column, values, zh, en, report.agency, report.year)


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# ---------------------------------------------------------------------------------------------
# Rules on one report
# ---------------------------------------------------------------------------------------------

TEMPLATE_YEAR = _rule("report.template_year", Severity.ERROR, "模板与年度不符", "template does not fit the year")
COLUMN_BALANCE = _rule(
    eq.COLUMN_BALANCE,
    Severity.ERROR,
    "第一项加第二项之和不等于第三项加第四项之和",
    "new + carried over ≠ processed + carried forward",
)
ROW_SUM = _rule(eq.ROW_SUM, Severity.ERROR, "各类申请人之和不等于总计", "applicant columns ≠ total")
OUTCOME_SUM = _rule(
    eq.OUTCOME_SUM, Severity.ERROR, f"各项办理结果之和不等于{_TOTAL_PROCESSED}", "outcomes ≠ total processed"
)
APPEAL_SUM = _rule(eq.APPEAL_SUM, Severity.ERROR, "维持、纠正、其他、尚未审结之和不等于总计", "results ≠ total")
NEGATIVE_ITEMS = _rule(
    "active.negative_items", Severity.WARNING, f"{_PREVIOUS_ITEMS}加本年增减为负", "items would become negative"
)
PUBLISHED_OVER_TOTAL = _rule(
    "active.published_exceeds_total",
    Severity.WARNING,
    f"{_NEW_PUBLISHED}大于{_TOTAL_PUBLISHED}",
    "published this year exceeds total published",
)
UNKNOWN_CELLS = _rule("report.unknown_cells", Severity.INFO, "有未知的数值", "some values are unknown")


@_report_check
def _template_fits_year(report: Report) -> Iterator[Finding]:
    expected = template_for_year(report.year)
    if not report.template.fits_year(report.year):
        yield _finding(
            TEMPLATE_YEAR,
            report,
            "report",
            None,
            None,
            {"year": report.year, "template": report.template.id, "expected": expected.id},
            f"{report.year} 年度报告应使用 {expected.id} 模板（{expected.document}），而非 {report.template.id} 模板",
            f"a report on {report.year} uses template {expected.id} ({expected.document}), not {report.template.id}",
        )


@_report_check
def _equations(report: Report) -> Iterator[Finding]:
    """Every statutory equation of the report's template that its figures break."""
    bound = report_bound(report.template.id)  # compiled once per template: checks run per report read
    value = partial(cell_value, report)
    for equation, holds in zip(bound.equations, bound.statuses(report_table(report)), strict=True):
        if holds is False:
            left, right = equation.values(value)
            yield _EQUATION_FINDINGS[equation.rule](report, equation, left, right)


def _column_balance(report: Report, equation: Equation, left: list[Any], right: list[Any]) -> Finding:
    assert isinstance(equation.column, int)
    column = report.template.request_columns[equation.column]
    (new, old), (done, carry) = left, right
    return _finding(
        COLUMN_BALANCE,
        report,
        "requests",
        None,
        column.index,
        {"new_received": new, "carried_over": old, "total_processed": done, "carried_forward": carry},
        f"{column.label}：新收 {new} + 上年结转 {old} = {new + old} ≠ 总计 {done} + 结转下年 {carry} = {done + carry}",
        f"{column.full_label}: new {new} + carried over {old} = {new + old} ≠ "
        f"processed {done} + carried forward {carry} = {done + carry}",
    )


def _row_sum(report: Report, equation: Equation, parts: list[Any], right: list[Any]) -> Finding:
    assert equation.row is not None
    row = report.template.request_row(equation.row)
    whole, total = sum(parts), right[0]
    listed = " + ".join(str(v) for v in parts)
    return _finding(
        ROW_SUM,
        report,
        "requests",
        row.key,
        equation.column,
        {"columns": list(parts), "sum": whole, "total": total},
        f"{row.full_label}：{listed} = {whole} ≠ 总计 {total}",
        f"{row.key}: {listed} = {whole} ≠ total {total}",
    )


def _outcome_sum(report: Report, equation: Equation, outcomes: list[Any], right: list[Any]) -> Finding:
    assert isinstance(equation.column, int)
    column = report.template.request_columns[equation.column]
    whole, total = sum(outcomes), right[0]
    nonzero = {cell.row: v for cell, v in zip(equation.left, outcomes, strict=True) if v}
    return _finding(
        OUTCOME_SUM,
        report,
        "requests",
        equation.row,
        column.index,
        {"outcomes": nonzero, "sum": whole, "total_processed": total},
        f"{column.label}：各项办理结果之和 {whole} ≠ {_TOTAL_PROCESSED} {total}",
        f"{column.full_label}: outcomes add up to {whole} ≠ total processed {total}",
    )


def _appeal_sum(report: Report, equation: Equation, parts: list[Any], right: list[Any]) -> Finding:
    group = next(g for g in report.template.appeal_groups if g.key == equation.row)
    cells = report.appeals[group.key]
    whole, total = sum(parts), right[0]
    listed = " + ".join(str(v) for v in parts)
    return _finding(
        APPEAL_SUM,
        report,
        "appeals",
        group.key,
        equation.column,
        {**cells, "sum": whole},
        f"{group.full_label}：{listed} = {whole} ≠ 总计 {total}",
        f"{group.key}: {listed} = {whole} ≠ total {total}",
    )


_EquationFinding = Callable[[Report, Equation, list[Any], list[Any]], Finding]
_EQUATION_FINDINGS: dict[str, _EquationFinding] = {
    COLUMN_BALANCE.name: _column_balance,
    ROW_SUM.name: _row_sum,
    OUTCOME_SUM.name: _outcome_sum,
    APPEAL_SUM.name: _appeal_sum,
}


def _numbers(cells: dict[str, Any], *keys: str) -> list[float] | None:
    """The values of ``keys`` if every one is present and known, else None (the rule is skipped)."""
    values = [cells.get(key) for key in keys]
    return None if any(v is None for v in values) else values  # type: ignore[return-value]


def _negative_items(cells: dict[str, Any]) -> tuple[float, float] | None:
    """(上年项目数, 本年增/减) of a table 二 row whose items would fall below zero, else None."""
    numbers = _numbers(cells, "previous_items", "change")
    return (numbers[0], numbers[1]) if numbers is not None and numbers[0] + numbers[1] < 0 else None


def _published_over_total(cells: dict[str, Any]) -> tuple[float, float] | None:
    """(本年新公开, 对外公开总数) of a table 二 row that publishes more this year than in all, else None."""
    numbers = _numbers(cells, "new_published", "total_published")
    return (numbers[0], numbers[1]) if numbers is not None and numbers[0] > numbers[1] else None


def active_row_warns(cells: dict[str, Any]) -> bool:
    """Whether one row of table 二 (its cells by key) sets off this module's warnings on table 二:
    readers weigh readings of a row with it."""
    return _negative_items(cells) is not None or _published_over_total(cells) is not None


@_report_check
def _items_never_negative(report: Report) -> Iterator[Finding]:
    for row in report.template.active_rows:
        numbers = _negative_items(report.active[row.key])
        if numbers is not None:
            previous, change = numbers
            now = previous + change
            yield _finding(
                NEGATIVE_ITEMS,
                report,
                "active",
                row.key,
                "change",
                {"previous_items": previous, "change": change, "result": now},
                f"{row.label}：{_PREVIOUS_ITEMS} {_fmt(previous)} 加本年增/减 {_fmt(change)} = {_fmt(now)}，"
                "项目数不能为负",
                f"{row.key}: previous items {_fmt(previous)} + change {_fmt(change)} = {_fmt(now)} < 0",
            )


@_report_check
def _published_within_total(report: Report) -> Iterator[Finding]:
    for row in report.template.active_rows:
        numbers = _published_over_total(report.active[row.key])
        if numbers is not None:
            new, total = numbers
            yield _finding(
                PUBLISHED_OVER_TOTAL,
                report,
                "active",
                row.key,
                "total_published",
                {"new_published": new, "total_published": total},
                f"{row.label}：本年新公开 {_fmt(new)} 件多于对外公开总数 {_fmt(total)} 件",
                f"{row.key}: published this year {_fmt(new)} > total published {_fmt(total)}",
            )


@_report_check
def _unknown_cells(report: Report) -> Iterator[Finding]:
    unknown = [(table, row, column) for table, row, column, value in report.cells() if value is None]
    if unknown:
        places = [
            f"{table}.{row}[{column}]" if isinstance(column, int) else f"{table}.{row}.{column}"
            for table, row, column in unknown
        ]
        shown = "、".join(places[:5]) + ("…" if len(places) > 5 else "")
        yield _finding(
            UNKNOWN_CELLS,
            report,
            "report",
            None,
            None,
            {"count": len(unknown), "cells": places},
            f"{len(unknown)} 个数值未知（{shown}），涉及它们的校验未执行",
            f"{len(unknown)} values are unknown ({', '.join(places[:5])}); checks that need them were skipped",
        )


def check_report(report: Report) -> list[Finding]:
    """Every single-report rule, in a stable order."""
    return [finding for check in _REPORT_CHECKS for finding in check(report)]


# ---------------------------------------------------------------------------------------------
# Rules across the years of one agency
# ---------------------------------------------------------------------------------------------

CARRIED_OVER = _rule(
    eq.CARRIED_OVER,
    Severity.ERROR,
    "上年结转数不等于上一年度结转下年数",
    "carried over ≠ last year's carried forward",
)
IN_FORCE = _rule(
    eq.IN_FORCE,
    Severity.ERROR,
    f"{_IN_FORCE}不等于上年现行有效加本年制发减本年废止",
    "in force ≠ last year's in force + made − repealed",
)
DUPLICATE_YEAR = _rule(
    "series.duplicate_year",
    Severity.WARNING,
    "同一机关同一年度有多份报告",
    "several reports for one agency and year",
)


def agency_key(name: str) -> str:
    """Agencies compare by name with spacing removed."""
    return "".join(name.split())


def check_series(reports: Iterable[Report]) -> list[Finding]:
    """Rules between consecutive years of the same agency (reports may come in any order)."""
    by_agency: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        by_agency[agency_key(report.agency)].append(report)
    findings: list[Finding] = []
    for series in by_agency.values():
        series.sort(key=lambda r: r.year)
        for earlier, later in pairwise(series):
            if later.year == earlier.year:
                findings.append(
                    _finding(
                        DUPLICATE_YEAR,
                        later,
                        "report",
                        None,
                        None,
                        {"year": later.year},
                        f"{later.agency} {later.year} 年度有多份报告，跨年度校验只用其中一份",
                        f"{later.agency} has several reports on {later.year}; cross-year checks use one",
                    )
                )
            elif later.year == earlier.year + 1:
                findings.extend(_series(earlier, later))
    return findings


def _series(earlier: Report, later: Report) -> Iterator[Finding]:
    """The equations between consecutive years that the two reports break."""
    value = partial(cell_value, later, previous=earlier)
    for equation in series_equations(earlier.template, later.template):
        left, right = equation.values(value)
        if balance(left, right) is False:
            yield _SERIES_FINDINGS[equation.rule](earlier, later, equation, left, right)


def _carried_over(earlier: Report, later: Report, equation: Equation, left: list[Any], right: list[Any]) -> Finding:
    assert isinstance(equation.column, int)
    column = later.template.request_columns[equation.column]
    (before,), (now,) = left, right
    return _finding(
        CARRIED_OVER,
        later,
        "requests",
        "carried_over",
        column.index,
        {"carried_over": now, "previous_carried_forward": before, "previous_year": earlier.year},
        f"{column.label}：{later.year} 年上年结转 {now} ≠ {earlier.year} 年{_CARRIED_FORWARD} {before}",
        f"{column.full_label}: carried over into {later.year} {now} ≠ carried forward from {earlier.year} {before}",
    )


def _in_force(earlier: Report, later: Report, equation: Equation, left: list[Any], right: list[Any]) -> Finding:
    assert equation.row is not None
    row = later.template.active_row(equation.row)
    (last, made), (now, repealed) = left, right
    expected = last + made - repealed
    return _finding(
        IN_FORCE,
        later,
        "active",
        row.key,
        "in_force",
        {"in_force": now, "previous_in_force": last, "made": made, "repealed": repealed},
        f"{row.label}：{earlier.year} 年现行有效 {_fmt(last)} + 本年制发 {_fmt(made)} − 本年废止 "
        f"{_fmt(repealed)} = {_fmt(expected)} ≠ 现行有效 {_fmt(now)}",
        f"{row.key}: in force {earlier.year} {_fmt(last)} + made {_fmt(made)} − repealed "
        f"{_fmt(repealed)} = {_fmt(expected)} ≠ in force {_fmt(now)}",
    )


_SeriesFinding = Callable[[Report, Report, Equation, list[Any], list[Any]], Finding]
_SERIES_FINDINGS: dict[str, _SeriesFinding] = {CARRIED_OVER.name: _carried_over, IN_FORCE.name: _in_force}


def check_all(reports: list[Report]) -> list[Finding]:
    """Each report's own rules, then the cross-year rules over all of them."""
    findings = [f for report in reports for f in check_report(report)]
    return findings + check_series(reports)
