"""The rows of the case list as HTML, made in Python from plain values.

A list page's CPU went mostly to its 50 rows: first to Django's template engine (a dozen tags and
filters per row), then, once made with ``format_html``, to what surrounds it — a model instance per
row and per agency, a ``reverse`` per link, a lazy ``Truncator``, ``format_html``'s checks on every
argument. The rows are now made from ``values()`` (one dict per row), the link from one reversed
pattern, every text escaped by ``html.escape`` (what Django's ``escape`` does underneath). The
markup is the template's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from .models import Application, Status

# The columns a row shows (no personal data but the applicant's name, which only an office sees).
FIELDS = (
    "id",
    "tracking_code",
    "agency__name",
    "agency__short_name",
    "applicant_name",
    "description",
    "receipt_date",
    "status",
    "due_date",
    "decided_on",
    "extension_days",
)
RUNNING = frozenset((Status.REGISTERED, Status.CONSULTATION))
PAUSED = frozenset((Status.CLARIFICATION, Status.CONSULTATION, Status.FEE))
DECIDED = frozenset((Status.ANSWERED, Status.CLOSED))
STATUS_LABELS = {str(value): str(label) for value, label in Status.choices}
OVERDUE = '<span class="badge overdue">逾期</span>'
LATE = ' <span class="badge overdue">逾期答复</span>'
EXTENDED = ' <span class="badge">已延期</span>'
DESCRIPTION_CHARS = 40  # as Truncator(...).chars(40): 39 characters and "…"
_PK = 987654321  # reversed once; each row's link replaces it with the row's id


def values(cases: QuerySet[Application]) -> QuerySet[Application, dict[str, Any]]:
    """The rows' columns as dicts: one query, no model instances."""
    return cases.values(*FIELDS)


def _day(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _status(row: Mapping[str, Any], on: dt.date) -> str:
    status = row["status"]
    label = escape(STATUS_LABELS.get(status, status))
    if status in RUNNING and row["due_date"] and row["due_date"] < on:
        cell = OVERDUE
    elif status in PAUSED:
        cell = f'<span class="badge paused">{label}</span>'
    elif status in DECIDED:
        cell = f'<span class="badge done">{label}</span>'
        if row["decided_on"] and row["due_date"] and row["decided_on"] > row["due_date"]:
            cell += LATE
    else:
        cell = f'<span class="badge">{label}</span>'
    if row["extension_days"]:
        cell += EXTENDED
    return cell


def _due(row: Mapping[str, Any]) -> str:
    status = row["status"]
    if status in DECIDED:
        return f"{_day(row['decided_on'])} 答复"
    if status == Status.AWAITING_RECEIPT:
        return "尚未起算"
    return _day(row["due_date"]) or "暂停计时"


def _short(text: str) -> str:
    return text if len(text) <= DESCRIPTION_CHARS else text[: DESCRIPTION_CHARS - 1] + "…"


def rows_html(rows: Iterable[Mapping[str, Any]], *, choose: bool, office: bool, on: dt.date) -> SafeString:
    """The ``<tr>`` of each case (``values()`` rows): a checkbox (``choose``), the tracking code linking
    to the case, the applicant (``office``) or the agency, the request, the receipt date, the status,
    the due date."""
    head, tail = reverse("desk:detail", args=[_PK]).split(str(_PK))
    cells = []
    for row in rows:
        code = escape(row["tracking_code"])
        choice = (
            f'<td><input type="checkbox" name="case" value="{row["id"]}" aria-label="选择 {code}"></td>'
            if choose
            else ""
        )
        who = row["applicant_name"] if office else (row["agency__short_name"] or row["agency__name"])
        cells.append(
            f'<tr>\n  {choice}<td class="code" style="white-space:nowrap"><a href="{head}{row["id"]}{tail}">'
            f"{code}</a></td>\n"
            f"  <td>{escape(who)}</td>\n  <td>{escape(_short(row['description']))}</td>\n"
            f'  <td style="white-space:nowrap">{_day(row["receipt_date"]) or "—"}</td>\n'
            f"  <td>{_status(row, on)}</td>\n"
            f'  <td style="white-space:nowrap">{escape(_due(row))}</td>\n</tr>'
        )
    return mark_safe("\n".join(cells))  # every text above is escaped
