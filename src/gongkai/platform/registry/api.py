"""The registry over the JSON API (office staff): the same service functions and permissions as the pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema

from ...report.templates import template_for_year
from ..accounts.permissions import may_view_agency_records, scope
from ..agencies.models import Agency
from ..inputs import Id, Input, Limit, Offset, Year, column
from . import figures, services
from .models import Item
from .tables import active_table

router = Router(tags=["主动公开目录 registry"])


class ItemIn(Input):
    category: str
    title: str = Field(max_length=column(Item, "title"))
    doc_number: str = Field("", max_length=column(Item, "doc_number"))
    issuer: str = Field("", max_length=column(Item, "issuer"))
    summary: str = ""
    body: str = ""
    made_on: dt.date
    expires_on: dt.date | None = None
    interprets_id: int | None = None
    attribute: str = "proactive"
    attribute_reason: str = ""


class ItemOut(Schema):
    id: int
    index_number: str
    agency_id: int
    category: str
    title: str
    doc_number: str
    issuer: str
    made_on: dt.date
    published_on: dt.date | None
    amended_on: dt.date | None
    repealed_on: dt.date | None
    expires_on: dt.date | None
    interprets_id: int | None
    attribute: str
    attribute_reason: str
    status: str
    review_comment: str
    scan_findings: list[dict[str, Any]]


class CommentIn(Input):
    comment: str = ""
    attribute: str | None = None
    attribute_reason: str | None = None


class DateIn(Input):
    on: dt.date | None = None
    note: str = ""


class FiguresIn(Input):
    values: dict[str, dict[str, Any]]
    sources: dict[str, str] | None = None


def _item(request: HttpRequest, item_id: Id) -> Item:
    item = get_object_or_404(Item.objects.select_related("agency"), pk=item_id)
    if not may_view_agency_records(request.user, item.agency):
        raise Http404
    return item


def _fields(request: HttpRequest, body: ItemIn) -> dict[str, Any]:
    data = body.dict()
    interprets_id = data.pop("interprets_id")
    data["interprets"] = None
    if interprets_id is not None:
        # A document of one's own agencies, or any public one (a department explaining the county's rule).
        document = get_object_or_404(Item.objects.select_related("agency"), pk=interprets_id)
        if not (document.is_public or may_view_agency_records(request.user, document.agency)):
            raise Http404
        data["interprets"] = document
    return data


@router.get("/items", response=list[ItemOut], summary="目录事项（按权限范围）")
def list_items(request: HttpRequest, status: str | None = None, limit: Limit = 50, offset: Offset = 0) -> Any:
    items = scope(request.user, Item.objects.all())
    if status:
        items = items.filter(status=status)
    return items.order_by("-id")[offset : offset + min(limit, 500)]


@router.get("/items/{item_id}", response=ItemOut, summary="目录事项")
def get_item(request: HttpRequest, item_id: Id) -> Item:
    return _item(request, item_id)


@router.post("/items", response=ItemOut, summary="拟稿（本机关公开办）")
def create(request: HttpRequest, body: ItemIn) -> Item:
    agency = request.user.agency  # type: ignore[union-attr]
    if agency is None:
        raise Http404
    return services.create_item(request.user, agency, **_fields(request, body))


@router.put("/items/{item_id}", response=ItemOut, summary="修改草稿")
def update(request: HttpRequest, item_id: Id, body: ItemIn) -> Item:
    item = _item(request, item_id)
    return services.update_item(request.user, item, **_fields(request, body))


@router.post("/items/{item_id}/submit", response=ItemOut, summary="提交审核")
def submit(request: HttpRequest, item_id: Id) -> Item:
    return services.submit(request.user, _item(request, item_id))


@router.post("/items/{item_id}/return", response=ItemOut, summary="退回修改（负责人）")
def send_back(request: HttpRequest, item_id: Id, body: CommentIn) -> Item:
    return services.send_back(request.user, _item(request, item_id), body.comment)


@router.post("/items/{item_id}/approve", response=ItemOut, summary="审核通过（负责人）")
def approve(request: HttpRequest, item_id: Id, body: CommentIn) -> Item:
    return services.approve(
        request.user, _item(request, item_id), body.comment, attribute=body.attribute, reason=body.attribute_reason
    )


@router.post("/items/{item_id}/publish", response=ItemOut, summary="发布")
def publish(request: HttpRequest, item_id: Id, body: DateIn) -> Item:
    return services.publish(request.user, _item(request, item_id), body.on)


@router.post("/items/{item_id}/withdraw", response=ItemOut, summary="撤回（负责人）")
def withdraw(request: HttpRequest, item_id: Id, body: DateIn) -> Item:
    return services.withdraw(request.user, _item(request, item_id), body.note)


@router.post("/items/{item_id}/repeal", response=ItemOut, summary="登记废止")
def repeal(request: HttpRequest, item_id: Id, body: DateIn) -> Item:
    return services.repeal(request.user, _item(request, item_id), body.on or services.today(), body.note)


@router.get("/table/{agency_id}/{year}", summary="表二（目录统计 + 本机关填报）")
def get_table(request: HttpRequest, agency_id: Id, year: Year) -> dict[str, Any]:
    agency = get_object_or_404(Agency, pk=agency_id)
    if not may_view_agency_records(request.user, agency):
        raise Http404
    return active_table(agency, year, template_for_year(year))


@router.put("/table/{agency_id}/{year}", summary="填报表二中目录不能统计的数据（注明来源）")
def put_figures(request: HttpRequest, agency_id: Id, year: Year, body: FiguresIn) -> dict[str, Any]:
    agency = get_object_or_404(Agency, pk=agency_id)
    figures.save_figures(request.user, agency, year, body.values, body.sources or {})
    return active_table(agency, year, template_for_year(year))
