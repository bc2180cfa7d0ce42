"""The portal over the JSON API: public, no sign-in, only published items, never personal data."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema

from ..inputs import Id, Year
from ..security import ScopedThrottle
from . import queries

router = Router(tags=["公开门户 portal"], auth=None, throttle=ScopedThrottle("public_read"))


class PublicItem(Schema):
    id: int
    index_number: str
    agency_id: int
    category: str
    title: str
    doc_number: str
    made_on: dt.date
    published_on: dt.date | None
    repealed_on: dt.date | None
    address: str


class PublicItemDetail(PublicItem):
    issuer: str
    summary: str
    body: str
    interprets_id: int | None
    attachments: list[dict[str, Any]]


class SearchItem(PublicItem):
    match: Literal["exact", "widened"] = Field(
        description="exact：含检索词原文（排在前面）；widened：检索词经分词（jieba）或简称/全称替换后命中 / "
        "exact: holds the terms as written (ranked first); widened: holds them in other words "
        "(the term's words anywhere, or an abbreviation for a full name)"
    )


class SearchOut(Schema):
    count: int
    capped: bool
    estimated: bool
    items: list[SearchItem]


def _row(item: Any) -> dict[str, Any]:
    return {
        "id": item.pk,
        "index_number": item.index_number,
        "agency_id": item.agency_id,
        "category": item.category,
        "title": item.title,
        "doc_number": item.doc_number,
        "made_on": item.made_on,
        "published_on": item.published_on,
        "repealed_on": item.repealed_on,
        "address": queries.item_address(item),
    }


@router.get("/search", response=SearchOut, summary="全文检索已公开的信息")
def search(
    request: HttpRequest,
    q: str,
    agency: str | None = None,
    category: str | None = None,
    year: Year | None = None,
    page: int = 1,
) -> dict[str, Any]:
    found = queries.agency_by_key(agency) if agency else None
    results = queries.run_search(q[:100], found, category, year, page)
    return {
        "count": results.count,
        "capped": results.capped,
        "estimated": results.estimated,
        "items": [
            {**_row(item), "match": "widened" if widened else "exact"}
            for n, item in enumerate(results.items)
            for widened in [results.related_from is not None and n >= results.related_from]
        ],
    }


@router.get("/items/{item_id}", response=PublicItemDetail, summary="已公开的信息")
def item(request: HttpRequest, item_id: Id) -> dict[str, Any]:
    found = queries.public_items().select_related("agency").filter(pk=item_id).first()
    if found is None:
        raise Http404
    address = queries.item_address(found)
    return {
        **_row(found),
        "issuer": found.issuer,
        "summary": found.summary,
        "body": found.body,
        "interprets_id": found.interprets_id
        if found.interprets_id and found.interprets and found.interprets.is_public
        else None,
        "attachments": [
            {"name": a.name, "size": a.size, "address": f"{address}files/{a.pk}/"} for a in found.attachments.all()
        ],
    }
