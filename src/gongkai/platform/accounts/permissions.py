"""Who may see and change what: the one place pages and the API ask.

The rules (brief, "Security"):

* an applicant sees only their own cases;
* a clerk or head sees and handles the cases of their own agency; only a head approves (extensions,
  letters templates, the annual report);
* a supervisor sees (read only) their agency and everything under it;
* a platform administrator administers agencies, users and the calendar, and sees everything
  except personal data outside Django's admin;
* personal data (ID numbers, phones, addresses) is shown to the office handling the case and to the
  applicant themselves — never to anyone else, never on public pages or the public API.

Objects are judged by duck typing: anything with an ``agency`` (an ``Agency``) is an agency record;
if it also has ``applicant_user_id`` its applicant may see it. Apps with other needs add a function
here rather than deciding permissions in a view.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet

from .models import Role

M = TypeVar("M", bound=Model)


class PermissionDenied(Exception):
    """Raised by service functions; pages answer 403, the API 403 with the message."""


def _active(user: Any) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active)


def role_of(user: Any) -> str | None:
    if not _active(user):
        return None
    if user.is_superuser:
        return Role.ADMIN
    return str(user.role)


def may_administer(user: Any) -> bool:
    return role_of(user) == Role.ADMIN


def is_staff_of(user: Any, agency: Any) -> bool:
    """Clerk or head of exactly this agency's disclosure office."""
    return (
        role_of(user) in (Role.CLERK, Role.HEAD)
        and agency is not None
        and user.agency_id == getattr(agency, "pk", agency)
    )


def is_head_of(user: Any, agency: Any) -> bool:
    return role_of(user) == Role.HEAD and agency is not None and user.agency_id == getattr(agency, "pk", agency)


def supervises(user: Any, agency: Any) -> bool:
    """A supervisor whose agency is ``agency`` or above it."""
    if role_of(user) != Role.SUPERVISOR or user.agency is None or agency is None:
        return False
    return bool(agency.path.startswith(user.agency.path))


def may_view_agency_records(user: Any, agency: Any) -> bool:
    """Internal records of ``agency`` (cases, appeals, drafts, statistics)."""
    return may_administer(user) or is_staff_of(user, agency) or supervises(user, agency)


def may_change_agency_records(user: Any, agency: Any) -> bool:
    """Handle ``agency``'s records: its own office only (administrators administer, not handle)."""
    return is_staff_of(user, agency)


def may_approve(user: Any, agency: Any) -> bool:
    """Decisions reserved to the head of the office (extensions, templates, publishing a report)."""
    return is_head_of(user, agency)


def is_applicant_of(user: Any, obj: Any) -> bool:
    owner = getattr(obj, "applicant_user_id", None)
    return _active(user) and owner is not None and owner == user.pk


def may_view(user: Any, obj: Any) -> bool:
    """May ``user`` see ``obj`` (a case, an appeal, a report …) on internal pages and the API."""
    return is_applicant_of(user, obj) or may_view_agency_records(user, getattr(obj, "agency", None))


def may_change(user: Any, obj: Any) -> bool:
    return may_change_agency_records(user, getattr(obj, "agency", None))


def may_see_personal_data(user: Any, obj: Any) -> bool:
    """The office handling ``obj`` and the applicant themselves; nobody else."""
    return is_applicant_of(user, obj) or is_staff_of(user, getattr(obj, "agency", None))


def visible_agencies_filter(user: Any, prefix: str = "agency__") -> Q | None:
    """A filter on ``<prefix>path`` for the agencies whose records ``user`` may see.

    ``None`` means no restriction (administrators); ``Q(pk__in=[])`` means nothing.
    """
    role = role_of(user)
    if role == Role.ADMIN:
        return None
    if role in (Role.CLERK, Role.HEAD) and user.agency_id:
        return Q(**{f"{prefix}id": user.agency_id}) if prefix else Q(id=user.agency_id)
    if role == Role.SUPERVISOR and user.agency_id:
        # A join on the path prefix: lists ordered by date walk their index and stop after a page.
        return Q(**{f"{prefix}path__startswith": user.agency.path})
    return Q(pk__in=[])


def scope(
    user: Any, queryset: QuerySet[M], agency_prefix: str = "agency__", applicant_field: str | None = None
) -> QuerySet[M]:
    """``queryset`` cut down to what ``user`` may see.

    Records are filtered by their agency (``agency_prefix`` leads from the model to its agency:
    ``agency__`` for a case, ``""`` for the Agency model itself, ``case__agency__`` for an appeal);
    with ``applicant_field`` an applicant also sees their own records.
    """
    role = role_of(user)
    if role is None:
        return queryset.none()
    if role == Role.APPLICANT:
        if applicant_field is None:
            return queryset.none()
        return queryset.filter(**{applicant_field: user.pk})
    condition = visible_agencies_filter(user, agency_prefix)
    return queryset if condition is None else queryset.filter(condition)
