"""The region's year at a glance, in a handful of aggregate queries whatever the region's size.

Nothing here loops over agencies: counts are grouped in the database — by the first level under
the region (a prefix of the materialized ``path``), by rule, by on-time/late — and the lists
(missing agencies, late ones) are cut to a page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Substr

from ...report.crosschecks import GOVERNMENT_KINDS, deadline
from ..agencies.models import PATH_STEP, Agency
from .models import PublishedReport, ReportFinding

LISTED = 200  # rows of the missing and late lists on one page


def late_filter(year: int, prefix: str = "") -> Q:
    """Published after the deadline of the agency's kind (条例 第四十九条), as one SQL condition."""
    government = Q(**{f"{prefix}agency__kind__in": sorted(GOVERNMENT_KINDS)})
    return (government & Q(**{f"{prefix}published_on__gt": deadline(year, "county")})) | (
        ~government & Q(**{f"{prefix}published_on__gt": deadline(year, "department")})
    )


@dataclass
class Dashboard:
    root: Agency
    year: int
    agencies: int = 0
    published: int = 0
    on_time: int = 0
    late: int = 0
    undated: int = 0
    missing: int = 0
    by_rule: list[dict[str, Any]] = field(default_factory=list)
    branches: list[dict[str, Any]] = field(default_factory=list)
    missing_list: list[Agency] = field(default_factory=list)
    late_list: list[PublishedReport] = field(default_factory=list)


def dashboard(root: Agency, year: int) -> Dashboard:
    board = Dashboard(root, year)
    agencies = Agency.objects.subtree(root)
    reports = PublishedReport.objects.filter(agency__path__startswith=root.path, year=year)
    board.agencies = agencies.count()
    late = late_filter(year)
    totals = reports.aggregate(
        published=Count("pk"), late=Count("pk", filter=late), undated=Count("pk", filter=Q(published_on__isnull=True))
    )
    board.published, board.late, board.undated = totals["published"], totals["late"], totals["undated"]
    board.on_time = board.published - board.late - board.undated
    board.missing = board.agencies - board.published
    board.by_rule = list(
        ReportFinding.objects.filter(agency__path__startswith=root.path, year=year, active=True)
        .values("rule", "severity")
        .annotate(count=Count("pk"), open=Count("pk", filter=Q(status="open")))
        .order_by("-count")
    )
    board.branches = _branches(root, year)
    has_report = PublishedReport.objects.filter(agency=OuterRef("pk"), year=year)
    board.missing_list = list(agencies.filter(~Exists(has_report)).only("pk", "name", "kind", "path")[:LISTED])
    board.late_list = list(reports.filter(late).select_related("agency").order_by("published_on")[:LISTED])
    return board


def _branches(root: Agency, year: int) -> list[dict[str, Any]]:
    """Per agency directly under the region: agencies, reports, late reports and open findings in
    its subtree — four grouped queries keyed by the path prefix of that level."""
    width = len(root.path) + PATH_STEP + 1
    children = {c.path: c for c in Agency.objects.filter(parent=root).only("pk", "name", "path")}
    prefix = Substr("path", 1, width)
    agencies = dict(
        Agency.objects.filter(path__startswith=root.path, depth__gt=root.depth)
        .annotate(branch=prefix)
        .values("branch")
        .annotate(n=Count("pk"))
        .values_list("branch", "n")
    )
    reports = PublishedReport.objects.filter(
        agency__path__startswith=root.path, agency__depth__gt=root.depth, year=year
    ).annotate(branch=Substr("agency__path", 1, width))
    published = dict(reports.values("branch").annotate(n=Count("pk")).values_list("branch", "n"))
    late = dict(reports.filter(late_filter(year)).values("branch").annotate(n=Count("pk")).values_list("branch", "n"))
    findings = dict(
        ReportFinding.objects.filter(
            agency__path__startswith=root.path, agency__depth__gt=root.depth, year=year, active=True, status="open"
        )
        .annotate(branch=Substr("agency__path", 1, width))
        .values("branch")
        .annotate(n=Count("pk"))
        .values_list("branch", "n")
    )
    rows = []
    for path, child in sorted(children.items()):
        rows.append(
            {
                "agency": child,
                "agencies": agencies.get(path, 0),
                "published": published.get(path, 0),
                "late": late.get(path, 0),
                "open_findings": findings.get(path, 0),
                "missing": agencies.get(path, 0) - published.get(path, 0),
            }
        )
    return rows


def today_year() -> int:
    """The report year a supervisor looks at by default: the year just ended."""
    return dt.date.today().year - 1
