"""What the public may see: the one place the portal's pages and API get items and reports from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import Count, QuerySet
from django.http import Http404

from ..agencies.models import Agency
from ..annual.models import ReportPublication
from ..annual.publishing import current_publication
from ..registry import search
from ..registry.models import Attachment, Attribute, Item, Status
from ..registry.services import agency_key

PAGE_SIZE = 20
# The columns a public list shows: never the review fields, never the drafter or reviewer.
LIST_FIELDS = (
    "id",
    "agency_id",
    "index_number",
    "index_year",
    "index_serial",
    "category",
    "title",
    "doc_number",
    "made_on",
    "published_on",
    "repealed_on",
    "expires_on",
)


def public_items() -> QuerySet[Item]:
    return Item.objects.filter(status=Status.PUBLISHED, attribute=Attribute.PROACTIVE)


def public_attachment(item: Item, pk: int) -> Attachment:
    if not item.is_public:
        raise Http404
    found = Attachment.objects.filter(item=item, pk=pk).first()
    if found is None:
        raise Http404
    return found


# Every portal page starts by finding its agency: kept in the cache (shared by the worker processes)
# for this long, and dropped when the agency is saved (``portal.apps``). A change that bypasses save
# (moving a subtree rewrites its descendants' paths with one UPDATE) shows within this time.
AGENCY_SECONDS = 30


def agency_cache_key(key: str) -> str:
    return f"gongkai:portal-agency:{key}"


def forget_agency(sender: type[Agency], instance: Agency, **kwargs: object) -> None:
    """A saved or deleted agency is looked up afresh by the next portal page (a signal receiver)."""
    cache.delete_many([agency_cache_key(key) for key in (instance.code, f"id{instance.pk}") if key])


def agency_by_key(key: str) -> Agency:
    """``key`` is the agency's code, or ``id<pk>`` for an agency without one."""
    cacheable = key.isascii() and key.isalnum() and len(key) <= 64  # never a hostile address as a key
    found = cache.get(agency_cache_key(key)) if cacheable else None
    if found is not None:
        return found
    if key.startswith("id") and key[2:].isdigit():
        found = Agency.objects.filter(pk=int(key[2:]), code="").first()
    else:
        found = Agency.objects.filter(code=key).order_by("pk").first() if key else None
    if found is None:
        raise Http404
    if cacheable:
        cache.set(agency_cache_key(key), found, AGENCY_SECONDS)
    return found


def item_by_key(agency: Agency, key: str) -> Item:
    """``key`` is the 索引号's ``year-serial`` or the item's id; only public items are found."""
    items = public_items().filter(agency=agency)
    year, _, serial = key.partition("-")
    if serial and year.isdigit() and serial.isdigit():
        found = items.filter(index_year=int(year), index_serial=int(serial)).first()
    elif key.isdigit():
        found = items.filter(pk=int(key)).first()
    else:
        found = None
    if found is None:
        raise Http404
    return found


def category_counts(agency: Agency) -> dict[str, int]:
    rows = public_items().filter(agency=agency).values("category").annotate(n=Count("id")).order_by()
    return {row["category"]: row["n"] for row in rows}


@dataclass
class Page:
    items: list[Item]
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1


def page_of(queryset: QuerySet[Item], number: int, size: int = PAGE_SIZE) -> Page:
    """One page without counting the whole list (a count over a million rows is wasted work).

    The page's ids come first, from the index alone (``registry_catalogue``), and only those rows are
    read: an OFFSET over whole rows made PostgreSQL fetch every skipped row from the table, a thousand
    for page 50."""
    number = max(1, min(number, 10_000))
    window = queryset.values("pk")[(number - 1) * size : number * size + 1]
    rows = list(Item.objects.filter(pk__in=window).order_by(*queryset.query.order_by).only(*LIST_FIELDS))
    return Page(rows[:size], number, len(rows) > size)


def catalogue(agency: Agency, category: str | None, year: int | None, number: int) -> Page:
    items = public_items().filter(agency=agency)
    if category:
        items = items.filter(category=category)
    if year:
        items = items.filter(published_on__year=year)
    return page_of(items.order_by("-published_on", "-id"), number)


@dataclass
class Results:
    items: list[Item]
    count: int
    capped: bool
    number: int
    has_next: bool
    estimated: bool = False
    related_from: int | None = None  # items from this index on hold the terms in other words (分词、简称)


def run_search(query: str, agency: Agency | None, category: str | None, year: int | None, number: int) -> Results:
    number = max(1, min(number, 500))
    filters = search.Filters(agency_path=agency.path if agency else None, category=category or None, year=year)
    hits = search.search(query, filters, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE)
    by_id = {
        i.pk: i
        for i in public_items()
        .filter(pk__in=hits.ids)
        .select_related("agency")
        .only(*LIST_FIELDS, "summary", "body", "agency__code", "agency__name")
    }
    items = [by_id[i] for i in hits.ids if i in by_id]
    related_from = None
    if hits.exact is not None and hits.exact < len(hits.ids):
        exact = set(hits.ids[: hits.exact])
        related_from = next((n for n, item in enumerate(items) if item.pk not in exact), None)
    return Results(
        items, hits.count, hits.capped, number, hits.count > number * PAGE_SIZE, hits.estimated, related_from
    )


def item_address(item: Item, agency: Any = None) -> str:
    return f"/portal/{agency_key(agency or item.agency)}/items/{item.serial_key}/"


def published_reports(agency: Agency) -> list[ReportPublication]:
    return list(
        ReportPublication.objects.filter(agency=agency, withdrawn=False)
        .order_by("-year")
        .only("id", "year", "published_at", "agency_id")
    )


def published_report(agency: Agency, year: int) -> ReportPublication:
    found = current_publication(agency, year)
    if found is None:
        raise Http404
    return found
