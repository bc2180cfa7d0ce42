"""Published against computed: where an agency's cases are on the platform, the cells of tables
三 and 四 its published report printed against the ones the platform counts, each difference
with the cases behind the count.

``cases_behind`` lists, cell by cell, the cases ``annual.compile`` counts there (the same rules,
case by case instead of grouped: a test holds the two to the same table). One agency and year is a
few hundred cases at most, so listing them is cheap.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Q

from ...report.crosschecks import check_against_computed, check_fees_against_desk
from ...report.findings import Finding
from ...report.model import Report
from ...report.templates import Template
from ..accounts.models import APPLICANT_TYPE_INDEX
from ..agencies.models import Agency
from ..annual.compile import TOTAL, compile_report, fees_collected, outcome_row_key
from ..annual.models import Source
from ..appeals.models import Appeal
from ..desk.models import Application


def _add(cells: dict[str, list[str]], table_row: str, column: int, label: str) -> None:
    cells[f"{table_row}[{column}]"].append(label)
    cells[f"{table_row}[{TOTAL}]"].append(label)


def cases_behind(agency: Agency, year: int, template: Template) -> dict[str, list[str]]:
    """Cell key (``requests.granted[0]``, ``appeals.review.upheld``) → the cases counted there."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    cells: dict[str, list[str]] = defaultdict(list)
    cases = (
        Application.objects.filter(agency=agency, receipt_date__lte=end)
        .filter(Q(decided_on__isnull=True) | Q(decided_on__gte=start))
        .values_list("tracking_code", "applicant_type", "outcome", "receipt_date", "decided_on")
        .order_by("pk")
    )
    for code, kind, outcome, received, decided in cases:
        column, label = APPLICANT_TYPE_INDEX[kind], f"申请 {code}"
        assert received is not None  # filtered on receipt_date__lte
        _add(cells, "requests.new_received" if received >= start else "requests.carried_over", column, label)
        if decided is not None and start <= decided <= end:
            _add(cells, f"requests.{outcome_row_key(template, outcome)}", column, label)
            _add(cells, "requests.total_processed", column, label)
        else:
            _add(cells, "requests.carried_forward", column, label)
    appeals = Appeal.objects.filter(agency=agency, filed_on__gte=start, filed_on__lte=end).order_by("pk")
    for appeal in appeals:
        result = "pending" if appeal.decided_on is not None and appeal.decided_on > end else appeal.result
        label = f"{appeal.get_kind_display()} {appeal.case_number or appeal.pk}"
        cells[f"appeals.{appeal.group}.{result}"].append(label)
        cells[f"appeals.{appeal.group}.total"].append(label)
    return dict(cells)


def fees_against_desk(agency: Agency, year: int, published: Report) -> list[Finding]:
    """The fees the published narrative states against what the desk collected in the year."""
    yuan, _count = fees_collected(Q(agency=agency), year)
    return check_fees_against_desk(published, float(yuan))


def compare_with_platform(agency: Agency, year: int, published: Report) -> list[Finding] | None:
    """The differences, or None where the platform has no cases of the agency to compare with (or
    keeps that year only as an imported report)."""
    if not Application.objects.filter(agency=agency).exists():
        return None
    compiled = compile_report(agency, year)
    if compiled.stored is not None and compiled.stored.source == Source.IMPORTED:
        return None
    behind = cases_behind(agency, year, compiled.report.template)
    return check_against_computed(published, compiled.report, behind) + fees_against_desk(agency, year, published)
