"""Agencies over the JSON API: public facts (names, codes, contacts, the tree)."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from ..inputs import Id, Limit
from .models import Agency

router = Router(tags=["机关 agencies"])


class AgencyOut(Schema):
    id: int
    name: str
    short_name: str
    code: str
    kind: str
    parent_id: int | None
    depth: int
    office_name: str
    address: str
    phone: str


@router.get("/", response=list[AgencyOut], auth=None, summary="机关列表（可按上级筛选）")
def list_agencies(
    request: HttpRequest, parent: Id | None = None, under: Id | None = None, limit: Limit = 500
) -> list[Agency]:
    agencies = Agency.objects.all()
    if parent is not None:
        agencies = agencies.filter(parent_id=parent)
    if under is not None:
        agencies = agencies.subtree(get_object_or_404(Agency, pk=under))
    return list(agencies.order_by("path")[: max(1, min(limit, 5000))])


@router.get("/{agency_id}", response=AgencyOut, auth=None, summary="一个机关")
def get_agency(request: HttpRequest, agency_id: Id) -> Agency:
    return get_object_or_404(Agency, pk=agency_id)
