"""The lists of the desk: open cases, due soon, overdue, waiting for the applicant.

A case waiting for the applicant (clarification, fee) has no running clock and is never overdue; a
case in consultation is due only after the consultation's 15 working days and whatever remains (its
stored due date says so); an extended case is overdue only after its extended due date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet

from ..accounts.permissions import scope
from ..workdays.calendar import WorkCalendar
from .models import OPEN_STATUSES, Application, ApprovalStatus, Status


def visible_cases(user: Any) -> QuerySet[Application]:
    """What ``user`` may see: their own (applicants), their agency (office), their subtree (supervisor)."""
    return scope(user, Application.objects.all(), agency_prefix="agency__", applicant_field="applicant_user_id")


def list_rows(cases: QuerySet[Application]) -> QuerySet[Application]:
    """The columns of a case list, without personal data, one query (no N+1)."""
    return cases.select_related("agency").only(
        "id",
        "tracking_code",
        "agency__id",
        "agency__name",
        "agency__short_name",
        "applicant_type",
        "description",
        "channel",
        "submitted_on",
        "receipt_date",
        "status",
        "due_date",
        "outcome",
        "decided_on",
        "extension_days",
        "applicant_name",
    )


def running(cases: QuerySet[Application]) -> QuerySet[Application]:
    """Cases whose clock runs or will run again by itself (not waiting for the applicant)."""
    return cases.filter(status__in=(Status.REGISTERED, Status.CONSULTATION))


def overdue(cases: QuerySet[Application], on: dt.date) -> QuerySet[Application]:
    return running(cases).filter(due_date__lt=on)


def due_soon(
    cases: QuerySet[Application], on: dt.date, calendar: WorkCalendar, workdays: int = 5
) -> QuerySet[Application]:
    return running(cases).filter(due_date__gte=on, due_date__lte=calendar.add_workdays(on, workdays))


def waiting_for_applicant(cases: QuerySet[Application]) -> QuerySet[Application]:
    return cases.filter(status__in=(Status.CLARIFICATION, Status.FEE))


def lapsed(cases: QuerySet[Application], on: dt.date) -> QuerySet[Application]:
    """Waiting for the applicant past the deadline: to be closed (``sweep``)."""
    return cases.filter(status=Status.CLARIFICATION, clarification_deadline__lt=on) | cases.filter(
        status=Status.FEE, fee_deadline__lt=on
    )


def open_cases(cases: QuerySet[Application]) -> QuerySet[Application]:
    return cases.filter(status__in=OPEN_STATUSES)


def in_tab(
    cases: QuerySet[Application], tab: str, on: dt.date, calendar: WorkCalendar | None = None
) -> QuerySet[Application]:
    """The cases of one list tab (pages and API alike): open, awaiting the head, overdue, due soon, waiting,
    decided or all.

    Only "due soon" counts working days: the calendar is read from the database for it alone when
    none is given (two queries over every schedule entered, which the other tabs never need)."""
    if tab == "awaiting":
        return cases.filter(status=Status.AWAITING_RECEIPT)
    if tab == "approval":  # 拟办 waiting for the head (审核、签发): the head's to-do list
        return cases.filter(approvals__status=ApprovalStatus.PENDING).distinct()
    if tab == "open":
        return open_cases(cases)
    if tab == "overdue":
        return overdue(cases, on)
    if tab == "soon":
        return due_soon(cases, on, calendar if calendar is not None else WorkCalendar.from_database())
    if tab == "waiting":
        return waiting_for_applicant(cases)
    if tab == "decided":
        return cases.filter(status__in=(Status.ANSWERED, Status.CLOSED))
    return cases


def narrowed(cases: QuerySet[Application], agency: int | None, year: int | None) -> QuerySet[Application]:
    """Cut a list down to one agency and to the applications received in one year."""
    if agency is not None:
        cases = cases.filter(agency_id=agency)
    if year is not None:
        cases = cases.filter(receipt_date__gte=dt.date(year, 1, 1), receipt_date__lte=dt.date(year, 12, 31))
    return cases
