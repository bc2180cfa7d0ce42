"""The audit trail, for those who may see the agency's records (office, supervisors, administrators)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as HttpForbidden
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ..accounts.models import Role
from ..accounts.permissions import role_of, scope
from ..inputs import query_int
from .labels import Action, labelled
from .models import AuditEntry

PAGE_SIZE = 100


@login_required
def entry_list(request: HttpRequest) -> HttpResponse:
    if role_of(request.user) in (None, Role.APPLICANT):
        raise HttpForbidden
    entries = scope(request.user, AuditEntry.objects.select_related("agency"), agency_prefix="agency__")
    if action := request.GET.get("action"):
        entries = entries.filter(action__startswith=action)
    number = query_int(request.GET.get("page"), 1, 100_000) or 1
    rows = list(entries.order_by("-at", "-id")[(number - 1) * PAGE_SIZE : number * PAGE_SIZE + 1])
    return render(
        request,
        "audit/list.html",
        {
            "entries": [labelled(e) for e in rows[:PAGE_SIZE]],
            "number": number,
            "has_next": len(rows) > PAGE_SIZE,
            "action": action or "",
            "actions": Action.choices,
        },
    )
