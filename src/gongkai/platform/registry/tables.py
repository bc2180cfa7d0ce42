"""Table 二 of the annual report from the registry.

Counted, never typed — rows 规章 and 规范性文件 (items of those categories that were published):

* template 2021: 本年制发 = published in the year; 本年废止 = repealed or expired in the year;
  现行有效 = published by the end of the year and neither repealed nor expired by then. So
  现行有效 = last year's 现行有效 + 本年制发 − 本年废止 holds by construction (the series check).
* template 2019: 本年新制作 = made in the year (and published); 本年新公开 = published in the year;
  对外公开总数量 = published by the end of the year.

A withdrawn item stays counted: withdrawal takes a page off the portal, it does not un-issue a
document (its legal life ends by 废止).

The other rows (行政许可/处罚/强制 decisions, fees, procurement …) are the office's figures for the
year (``ActiveFigures``, entered with their source through ``figures.save_figures``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q

from ...report.templates import Template
from ..agencies.models import Agency
from .categories import DOCUMENT_CATEGORIES
from .models import ActiveFigures, Item

COUNTED_ROWS = frozenset(DOCUMENT_CATEGORIES.values())


def _agency_filter(agency: Agency, aggregate: bool) -> Q:
    return Q(agency__path__startswith=agency.path) if aggregate else Q(agency_id=agency.pk)


def document_counts(
    agency: Agency, year: int, template: Template, aggregate: bool = False
) -> dict[str, dict[str, int]]:
    """The 规章 and 规范性文件 rows of ``template`` for ``year``, counted in one grouped query."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    in_year_published = Q(published_on__gte=start, published_on__lte=end)
    ended_in_year = Q(repealed_on__gte=start, repealed_on__lte=end) | (
        Q(repealed_on__isnull=True) | Q(repealed_on__gt=end)
    ) & Q(expires_on__gte=start - dt.timedelta(days=1), expires_on__lt=end)
    in_force = (
        Q(published_on__lte=end)
        & (Q(repealed_on__isnull=True) | Q(repealed_on__gt=end))
        & (Q(expires_on__isnull=True) | Q(expires_on__gte=end))
    )
    rows = (
        Item.objects.filter(
            _agency_filter(agency, aggregate), category__in=DOCUMENT_CATEGORIES, published_on__isnull=False
        )
        .values("category")
        .annotate(
            published=Count("id", filter=in_year_published),
            made=Count("id", filter=Q(made_on__gte=start, made_on__lte=end)),
            ended=Count("id", filter=ended_in_year & Q(published_on__lte=end)),
            in_force=Count("id", filter=in_force),
            total=Count("id", filter=Q(published_on__lte=end)),
        )
        .order_by()
    )
    result: dict[str, dict[str, int]] = {}
    for row_key in COUNTED_ROWS:
        result[row_key] = _fields(template, {})
    for found in rows:
        result[DOCUMENT_CATEGORIES[found["category"]]] = _fields(template, found)
    return result


def _fields(template: Template, counts: dict[str, Any]) -> dict[str, int]:
    if template.id == "2019":
        return {
            "new_made": counts.get("made", 0),
            "new_published": counts.get("published", 0),
            "total_published": counts.get("total", 0),
        }
    return {
        "made": counts.get("published", 0),
        "repealed": counts.get("ended", 0),
        "in_force": counts.get("in_force", 0),
    }


def entered_figures(
    agency: Agency, year: int, template: Template, aggregate: bool = False
) -> dict[str, dict[str, Any]]:
    """The office's figures of the rows the registry cannot count, summed over the scope."""
    table: dict[str, dict[str, Any]] = {
        row.key: {f.key: 0 for f in row.fields} for row in template.active_rows if row.key not in COUNTED_ROWS
    }
    scope = Q(agency__path__startswith=agency.path) if aggregate else Q(agency_id=agency.pk)
    for values in ActiveFigures.objects.filter(scope, year=year).values_list("values", flat=True):
        for row_key, cells in table.items():
            for field_key in cells:
                value = (values or {}).get(row_key, {}).get(field_key)
                if isinstance(value, int | float):
                    cells[field_key] += value
    return table


def active_table(agency: Agency, year: int, template: Template, aggregate: bool = False) -> dict[str, dict[str, Any]]:
    """Table 二 (``report.active``) of ``agency`` (with its subtree when ``aggregate``) for ``year``."""
    counted = document_counts(agency, year, template, aggregate)
    entered = entered_figures(agency, year, template, aggregate)
    return {row.key: dict(counted.get(row.key) or entered[row.key]) for row in template.active_rows}
