"""The public pages: no sign-in, no personal data, only what ``queries`` lets out."""

from __future__ import annotations

import datetime as dt
import re
from html import escape
from typing import Any

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import SafeString, mark_safe

from ..agencies.models import Agency
from ..annual import documents
from ..registry.categories import ARTICLE_20, CATEGORIES, CATEGORY_BY_KEY, GROUPS, GUIDE, article_20_item
from ..registry.guide import default_guide
from ..registry.models import Item
from ..registry.search import fold
from ..registry.services import agency_key
from . import listing, queries


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _year(value: str | None) -> int | None:
    year = _int(value)
    return year if year is not None and 1949 <= year <= 2200 else None


def _context(agency: Agency, **extra: Any) -> dict[str, Any]:
    return {"agency": agency, "key": agency_key(agency), "groups": GROUPS, **extra}


def index(request: HttpRequest) -> HttpResponse:
    """Every agency with something on its portal, as the tree."""
    with_items = set(queries.public_items().values_list("agency_id", flat=True).distinct()[:5000])
    agencies = [(a, agency_key(a)) for a in Agency.objects.order_by("path")[:2000]]
    return render(
        request, "portal/index.html", {"agencies": agencies, "with_items": with_items, "categories": CATEGORIES}
    )


def agency_home(request: HttpRequest, key: str) -> HttpResponse:
    agency = queries.agency_by_key(key)
    counts = queries.category_counts(agency)
    groups = [(group, [(c, counts.get(c.key, 0)) for c in CATEGORIES if c.group == group]) for group in GROUPS]
    latest = queries.page_of(queries.public_items().filter(agency=agency).order_by("-published_on", "-id"), 1, 10)
    return render(
        request,
        "portal/agency.html",
        _context(
            agency,
            groups=groups,
            latest=latest.items,
            reports=queries.published_reports(agency),
            total=sum(counts.values()),
        ),
    )


def guide(request: HttpRequest, key: str) -> HttpResponse:
    agency = queries.agency_by_key(key)
    item = queries.public_items().filter(agency=agency, category=GUIDE).order_by("-published_on", "-id").first()
    sections = [] if item else default_guide(agency)
    return render(request, "portal/guide.html", _context(agency, item=item, sections=sections))


def catalogue(request: HttpRequest, key: str) -> HttpResponse:
    agency = queries.agency_by_key(key)
    category = request.GET.get("category") or ""
    if category not in CATEGORY_BY_KEY:
        category = ""
    year = _year(request.GET.get("year"))
    page = queries.catalogue(agency, category or None, year, _int(request.GET.get("page")) or 1)
    context = _context(agency, page=page, category=CATEGORY_BY_KEY.get(category), category_key=category, year=year)
    return render(
        request,
        "portal/catalogue.html",
        context
        | {
            "rows": listing.catalogue_rows(page.items, context["key"]),
            "category_options": listing.category_options(CATEGORIES, category),
            "year_options": listing.year_options(range(dt.date.today().year, 2007, -1), year),
        },
    )


def statutory(request: HttpRequest, key: str) -> HttpResponse:
    """法定主动公开内容: 第二十条 item by item, with the latest items of each category under it."""
    agency = queries.agency_by_key(key)
    items = queries.public_items().filter(agency=agency)
    sections = []
    for number, text in ARTICLE_20:
        cats = [c for c in CATEGORIES if c.article == number]
        rows = [
            (c, list(items.filter(category=c.key).order_by("-published_on", "-id").only(*queries.LIST_FIELDS)[:5]))
            for c in cats
        ]
        sections.append({"label": article_20_item(number), "text": text, "categories": rows})
    return render(request, "portal/statutory.html", _context(agency, sections=sections))


def item_page(request: HttpRequest, key: str, item_key: str) -> HttpResponse:
    agency = queries.agency_by_key(key)
    item = queries.item_by_key(agency, item_key)
    interprets = item.interprets if item.interprets_id and item.interprets and item.interprets.is_public else None
    return render(
        request,
        "portal/item.html",
        _context(
            agency,
            item=item,
            category=CATEGORY_BY_KEY.get(item.category),
            interprets=interprets,
            interpretations=queries.public_items().filter(interprets=item).order_by("-published_on"),
            attachments=item.attachments.all(),
            state=_state(item),
            today=dt.date.today(),
        ),
    )


def _state(item: Item) -> str:
    if not item.is_document:
        return ""
    today = dt.date.today()
    if item.repealed_on and item.repealed_on <= today:
        return "已废止"
    if item.expires_on and item.expires_on < today:
        return "已失效"
    return "现行有效"


def attachment(request: HttpRequest, key: str, item_key: str, pk: int) -> FileResponse:
    agency = queries.agency_by_key(key)
    item = queries.item_by_key(agency, item_key)
    found = queries.public_attachment(item, pk)
    inline = found.content_type in ("application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp")
    return FileResponse(
        found.file.open("rb"), content_type=found.content_type, as_attachment=not inline, filename=found.name
    )


def reports(request: HttpRequest, key: str) -> HttpResponse:
    agency = queries.agency_by_key(key)
    return render(request, "portal/reports.html", _context(agency, reports=queries.published_reports(agency)))


def report(request: HttpRequest, key: str, year: int) -> HttpResponse:
    """The annual report as published: the page gongkai.render made of it."""
    agency = queries.agency_by_key(key)
    publication = queries.published_report(agency, year)
    return HttpResponse(publication.html, content_type="text/html; charset=utf-8")


def report_pdf(request: HttpRequest, key: str, year: int) -> HttpResponse:
    """The annual report as published, as PDF: rendered by a job when it was published (202 until then)."""
    agency = queries.agency_by_key(key)
    publication = queries.published_report(agency, year)
    rendering = documents.rendering_for(agency, year, publication.data)
    title = f"{agency.name} {year} 年度报告"
    return documents.download(rendering, f"report-{key}-{year}.pdf", title, "application/pdf")


def _snippet(item: Item, query: str, width: int = 60) -> SafeString:
    text = " ".join((item.summary or item.body or "").split())
    terms = [t for t in query.split() if t]
    folded = fold(text)
    start = 0
    for term in terms:
        at = folded.find(fold(term))
        if at >= 0:
            start = max(0, at - width // 3)
            break
    piece = text[start : start + width * 2]
    html = _highlight(piece, terms)
    return mark_safe(("…" if start else "") + html + ("…" if start + width * 2 < len(text) else ""))


def _highlight(text: str, terms: list[str]) -> str:
    """``text`` escaped, each occurrence of a term in <mark>: one pass over the raw text (longest term
    first), so a later term can never match inside the markup or the escapes of an earlier one."""
    if not terms:
        return str(escape(text))
    pattern = re.compile("|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True)))
    parts, last = [], 0
    for found in pattern.finditer(text):
        parts += [escape(text[last : found.start()]), f"<mark>{escape(found.group())}</mark>"]
        last = found.end()
    parts.append(escape(text[last:]))
    return "".join(parts)


def search(request: HttpRequest) -> HttpResponse:
    query = (request.GET.get("q") or "").strip()[:100]
    agency = None
    if agency_param := request.GET.get("agency"):
        try:
            agency = queries.agency_by_key(agency_param)
        except Exception:  # an unknown agency filter: search everywhere rather than fail
            agency = None
    category = request.GET.get("category") or ""
    if category not in CATEGORY_BY_KEY:
        category = ""
    year = _year(request.GET.get("year"))
    results = None
    rows: list[tuple[Item, str, SafeString]] = []
    if query:
        results = queries.run_search(query, agency, category or None, year, _int(request.GET.get("page")) or 1)
        rows = [(item, queries.item_address(item), _snippet(item, query)) for item in results.items]
    return render(
        request,
        "portal/search.html",
        {
            "q": query,
            "agency": agency,
            "key": agency_key(agency) if agency else "",
            "category_key": category,
            "year": year,
            "results": results,
            "rows": rows,
            "categories": CATEGORIES,
            "years": range(dt.date.today().year, 2007, -1),
        },
    )
