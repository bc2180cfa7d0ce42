"""Changing the agency tree: every change goes through here and into the audit trail."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from ..accounts.models import Actor
from ..accounts.permissions import PermissionDenied, may_administer
from ..audit.labels import Action
from ..audit.services import record, snapshot
from .models import Agency

_FIELDS = (
    "name",
    "short_name",
    "code",
    "kind",
    "parent_id",
    "office_name",
    "address",
    "phone",
    "postcode",
    "website",
    "review_body",
    "court",
)


def create_agency(actor: Actor, *, name: str, parent: Agency | None = None, **fields: Any) -> Agency:
    if not may_administer(actor):
        raise PermissionDenied("只有平台管理员可以设立机关 / only administrators create agencies")
    with transaction.atomic():
        agency = Agency(name=name, parent=parent, **fields)
        agency.save()
        record(actor, Action.AGENCY_CREATE, agency, after=snapshot(agency, _FIELDS), agency=agency)
    return agency


def update_agency(actor: Actor, agency: Agency, **changes: Any) -> Agency:
    if not may_administer(actor):
        raise PermissionDenied("只有平台管理员可以修改机关 / only administrators change agencies")
    with transaction.atomic():
        before = snapshot(agency, _FIELDS)
        for key, value in changes.items():
            setattr(agency, key, value)
        agency.save()
        record(actor, Action.AGENCY_UPDATE, agency, before=before, after=snapshot(agency, _FIELDS), agency=agency)
    return agency
